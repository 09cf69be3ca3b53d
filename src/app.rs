//! The page: header, search box, result count and downloads, the results and the reading view
//! (beside them on wide screens, instead of them otherwise), the shortcuts dialog.

use std::rc::Rc;

use dossier_core::{make_snippet, search, DocId, SearchOptions, SearchResults};
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::components::export_buttons::ExportButtons;
use crate::components::facet_panel::FacetPanel;
use crate::components::filter_chips::FilterChips;
use crate::components::map::Map;
use crate::components::reader::Reader;
use crate::components::result_count::ResultCount;
use crate::components::result_list::{result_button_id, ResultItem, ResultList};
use crate::components::search_box::SearchBox;
use crate::components::shortcuts_dialog::ShortcutsDialog;
use crate::corpus;
use crate::download::download_results;
use crate::keyboard::{use_shortcuts, ShortcutContext, SEARCH_BOX};
use crate::linked_state::use_linked_state;
use crate::state::Action;

#[function_component(App)]
pub fn app() -> Html {
    let bundle = match corpus::bundle() {
        Ok(bundle) => bundle,
        Err(error) => {
            return html! {
                <main class="page"><p class="notice" role="alert">
                    { format!("The collection could not be opened: {error}.") }
                </p></main>
            }
        }
    };
    let linked = use_linked_state();
    let (state, dispatch) = (linked.state.clone(), linked.dispatch.clone());
    let collection = bundle.collection();
    use_effect_with(collection.title.clone(), |title| {
        gloo::utils::document().set_title(&format!("{title} · Dossier"));
    });

    let results: Rc<SearchResults> = {
        let (query, shown, filters) = (state.query.clone(), state.shown, state.filters.clone());
        use_memo((query, shown, filters), move |(query, shown, filters)| {
            let options = SearchOptions {
                limit: *shown,
                last_word_is_prefix: true,
                filters: filters.as_ref().clone(),
                operators: true,
            };
            search(bundle, query, &options).unwrap_or_default()
        })
    };
    let items: Rc<Vec<ResultItem>> = {
        let results = results.clone();
        use_memo(results, |results| result_items(results))
    };
    let matched_terms = Rc::new(results.matched_terms.clone());

    let on_input = {
        let dispatch = dispatch.clone();
        Callback::from(move |query: String| dispatch.emit(Action::SetQuery(query)))
    };
    let on_open = {
        let dispatch = dispatch.clone();
        Callback::from(move |doc| dispatch.emit(Action::Open(doc)))
    };
    let on_close = {
        let dispatch = dispatch.clone();
        Callback::from(move |()| dispatch.emit(Action::Close))
    };
    let on_show_more = {
        let dispatch = dispatch.clone();
        Callback::from(move |()| dispatch.emit(Action::ShowMore))
    };
    let on_toggle = {
        let dispatch = dispatch.clone();
        Callback::from(move |(kind, value, negated)| {
            dispatch.emit(Action::ToggleFilter(kind, value, negated))
        })
    };
    let on_remove = {
        let dispatch = dispatch.clone();
        Callback::from(move |filter| dispatch.emit(Action::RemoveFilter(filter)))
    };
    // Filtering by a name in the text selects it, and never unselects it as a second
    // toggle would.
    let on_filter = {
        let (dispatch, filters) = (dispatch.clone(), state.filters.clone());
        Callback::from(
            move |(kind, value, negated): (dossier_core::FacetKind, String, bool)| {
                let selected = filters
                    .iter()
                    .any(|f| f.kind == kind && f.value == value && f.negated == negated);
                if !selected {
                    dispatch.emit(Action::ToggleFilter(kind, value, negated));
                }
            },
        )
    };
    let on_export = {
        let (query, filters, total) = (state.query.clone(), state.filters.clone(), results.total);
        Callback::from(move |format| {
            let options = SearchOptions {
                limit: total,
                last_word_is_prefix: true,
                filters: filters.as_ref().clone(),
                operators: true,
            };
            let all = search(bundle, &query, &options).unwrap_or_default();
            let docs: Vec<_> = all.hits.iter().map(|hit| hit.doc).collect();
            download_results(bundle, &docs, format);
        })
    };
    // Where the open document is among the listed results, for previous / next.
    let at = state
        .open
        .and_then(|doc| items.iter().position(|item| item.doc == doc));
    let position = at.map(|at| (at + 1, items.len()));
    let previous = at
        .and_then(|at| at.checked_sub(1))
        .and_then(|at| items.get(at))
        .map(|item| item.doc);
    let next = at.and_then(|at| items.get(at + 1)).map(|item| item.doc);
    let help_open = use_state(|| false);
    let show_help = {
        let help_open = help_open.clone();
        Callback::from(move |()| help_open.set(true))
    };
    let hide_help = {
        let help_open = help_open.clone();
        Callback::from(move |()| help_open.set(false))
    };
    use_shortcuts(ShortcutContext {
        open: state.open,
        previous,
        next,
        query_is_empty: state.query.is_empty(),
        dispatch: dispatch.clone(),
        show_help: show_help.clone(),
    });
    use_focus_on_close(state.open);
    let dismiss_notices = {
        let notices = linked.notices.clone();
        Callback::from(move |_: MouseEvent| notices.set(Vec::new()))
    };
    let has_facets = results.facets.values().any(|values| !values.is_empty());
    // A collection none of whose places could be located has no map.
    let has_map = *use_memo((), |()| {
        bundle.facets().iter().any(|value| value.location.is_some())
    });
    let map_shown = use_state_eq(|| false);
    let show_map = {
        let map_shown = map_shown.clone();
        Callback::from(move |shown| map_shown.set(shown))
    };
    let hovered = use_state_eq(|| None::<DocId>);
    let on_hover = {
        let hovered = hovered.clone();
        Callback::from(move |doc| hovered.set(doc))
    };
    // A result that went away while pointed at (the query changed under it) highlights nothing.
    let highlighted = hovered.filter(|doc| items.iter().any(|item| item.doc == *doc));

    // The drawer starts open where there is room for it beside the results.
    let wide = gloo::utils::window()
        .match_media("(min-width: 50rem)")
        .ok()
        .flatten()
        .is_some_and(|query| query.matches());

    html! {
        <div class={classes!("shell", has_facets.then_some("wide"), has_map.then_some("with-map"))}>
            <header class="masthead">
                <h1>{ collection.title.clone() }</h1>
                <button type="button" class="shortcuts-button" aria-keyshortcuts="?"
                        onclick={show_help.reform(|_: MouseEvent| ())}>
                    { "Keyboard shortcuts" }
                </button>
                if !collection.description.is_empty() {
                    <p class="description">{ collection.description.clone() }</p>
                }
            </header>
            // A polite live region, always in the page so that what is added to it is heard;
            // not a status, which the page keeps for the result count.
            <div class="link-notice" aria-live="polite">
                if !linked.notices.is_empty() {
                    { for linked.notices.iter().map(|notice| html! { <p>{ notice.clone() }</p> }) }
                    <button type="button" class="back" onclick={dismiss_notices}>{ "Dismiss" }</button>
                }
            </div>
            <div class={classes!("layout", has_facets.then_some("with-facets"))}>
                if has_facets {
                    <details class="facet-drawer" open={wide}>
                        <summary>{ "Filters" }</summary>
                        <FacetPanel results={results.clone()} filters={state.filters.clone()} on_toggle={on_toggle.clone()} />
                    </details>
                }
                <main class={classes!("page", has_map.then_some("with-map"), state.open.is_some().then_some("reading"), map_shown.then_some("map-shown"))}>
                    <SearchBox value={AttrValue::from(state.query.clone())} {on_input} on_submit={linked.commit.clone()} />
                    <div class="results-bar">
                        <ResultCount total={results.total} />
                        <ExportButtons {on_export} />
                    </div>
                    <FilterChips filters={state.filters.clone()} {on_remove} />
                    if has_map {
                        // Below 72rem the map and the results take turns (style.css hides
                        // this switch where they stand side by side).
                        <div class="view-switch" role="group" aria-label="Show">
                            <button type="button" aria-pressed={(!*map_shown).to_string()}
                                    onclick={show_map.reform(|_: MouseEvent| false)}>{ "Results" }</button>
                            <button type="button" aria-pressed={map_shown.to_string()}
                                    onclick={show_map.reform(|_: MouseEvent| true)}>{ "Map" }</button>
                        </div>
                        <Map results={results.clone()} filters={state.filters.clone()} {highlighted} {on_toggle}
                             view={linked.map} on_view={linked.on_map_view.clone()} />
                    }
                    if let Some(doc) = state.open {
                        <Reader {doc} {matched_terms} {position} {previous} {next} on_open={on_open.clone()} {on_close} {on_filter} filters={state.filters.clone()} />
                    }
                    <ResultList items={items} total={results.total} {on_open} {on_show_more} {on_hover} />
                </main>
            </div>
            <footer class="colophon">
                <p>{ format!("{} documents · searched in your browser; nothing leaves this page", bundle.doc_count()) }</p>
            </footer>
            <ShortcutsDialog open={*help_open} on_close={hide_help} />
        </div>
    }
}

/// When the reading view closes, focus returns to the result that opened it (or to the
/// search box when that result is no longer listed), so keyboard users keep their place.
#[hook]
fn use_focus_on_close(open: Option<DocId>) {
    let last_open = use_mut_ref(|| None::<DocId>);
    use_effect_with(open, move |&open| {
        let closed = std::mem::replace(&mut *last_open.borrow_mut(), open);
        if let (None, Some(doc)) = (open, closed) {
            let document = gloo::utils::document();
            let target = document
                .get_element_by_id(&result_button_id(doc))
                .or_else(|| document.query_selector(SEARCH_BOX).ok().flatten());
            if let Some(target) = target.and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok()) {
                let _ = target.focus();
            }
        }
    });
}

/// What the list shows for each hit: stored fields and a snippet around the matches.
fn result_items(results: &SearchResults) -> Vec<ResultItem> {
    results
        .hits
        .iter()
        .filter_map(|hit| {
            let doc = corpus::document(hit.doc)?;
            let snippet = make_snippet(doc.text, &results.matched_terms);
            Some(ResultItem {
                doc: hit.doc,
                title: AttrValue::from(doc.title.to_owned()),
                source: AttrValue::from(doc.source.to_owned()),
                date: AttrValue::from(doc.date.to_owned()),
                snippet: AttrValue::from(snippet.text),
                highlights: Rc::new(snippet.highlights),
            })
        })
        .collect()
}

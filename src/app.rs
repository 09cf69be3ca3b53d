//! The page: header, search box, result count, and either the results or the reading view.

use std::rc::Rc;

use dossier_core::{make_snippet, search, DocId, SearchOptions, SearchResults};
use yew::prelude::*;

use crate::components::facet_panel::FacetPanel;
use crate::components::filter_chips::FilterChips;
use crate::components::map::Map;
use crate::components::reader::Reader;
use crate::components::result_count::ResultCount;
use crate::components::result_list::{ResultItem, ResultList};
use crate::components::search_box::SearchBox;
use crate::corpus;
use crate::state::{Action, State};

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
    let state = use_reducer(State::default);
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
        let state = state.clone();
        Callback::from(move |query: String| state.dispatch(Action::SetQuery(query)))
    };
    let on_open = {
        let state = state.clone();
        Callback::from(move |doc| state.dispatch(Action::Open(doc)))
    };
    let on_close = {
        let state = state.clone();
        Callback::from(move |()| state.dispatch(Action::Close))
    };
    let on_show_more = {
        let state = state.clone();
        Callback::from(move |()| state.dispatch(Action::ShowMore))
    };
    let on_toggle = {
        let state = state.clone();
        Callback::from(move |(kind, value, negated)| {
            state.dispatch(Action::ToggleFilter(kind, value, negated))
        })
    };
    let on_remove = {
        let state = state.clone();
        Callback::from(move |filter| state.dispatch(Action::RemoveFilter(filter)))
    };
    let has_facets = results.facets.values().any(|values| !values.is_empty());
    // A collection none of whose places could be located has no map.
    let has_map = *use_memo((), |()| {
        bundle.facets().iter().any(|value| value.location.is_some())
    });
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
                if !collection.description.is_empty() {
                    <p class="description">{ collection.description.clone() }</p>
                }
            </header>
            <div class={classes!("layout", has_facets.then_some("with-facets"))}>
                if has_facets {
                    <details class="facet-drawer" open={wide}>
                        <summary>{ "Filters" }</summary>
                        <FacetPanel results={results.clone()} filters={state.filters.clone()} on_toggle={on_toggle.clone()} />
                    </details>
                }
                <main class={classes!("page", has_map.then_some("with-map"))}>
                    <SearchBox value={AttrValue::from(state.query.clone())} {on_input} />
                    <ResultCount total={results.total} />
                    <FilterChips filters={state.filters.clone()} {on_remove} />
                    if has_map {
                        <Map results={results.clone()} filters={state.filters.clone()} {highlighted} {on_toggle} />
                    }
                    if let Some(doc) = state.open {
                        <Reader {doc} {matched_terms} {on_close} />
                    } else {
                        <ResultList items={items} total={results.total} {on_open} {on_show_more} {on_hover} />
                    }
                </main>
            </div>
            <footer class="colophon">
                <p>{ format!("{} documents · searched in your browser; nothing leaves this page", bundle.doc_count()) }</p>
            </footer>
        </div>
    }
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

//! The facet panel: one labelled group per kind, each value a checkbox named
//! "VALUE (COUNT)" with a button to exclude it instead. Long lists scroll and can be searched;
//! no value is ever hidden by its count.

use std::rc::Rc;

use dossier_core::{FacetKind, Filter, SearchResults};
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Lists longer than this get a search box of their own.
const SEARCHABLE_FROM: usize = 8;

#[derive(Properties, PartialEq)]
pub struct FacetPanelProps {
    /// The current results, whose facet counts the panel shows (shared, not copied: a large
    /// collection has tens of thousands of values).
    pub results: Rc<SearchResults>,
    pub filters: Rc<Vec<Filter>>,
    /// (kind, value, negated): toggles that selection.
    pub on_toggle: Callback<(FacetKind, String, bool)>,
}

#[function_component(FacetPanel)]
pub fn facet_panel(props: &FacetPanelProps) -> Html {
    let groups = FacetKind::ALL.into_iter().filter_map(|kind| {
        let values = props.results.facets.get(&kind)?;
        (!values.is_empty()).then(|| {
            html! {
                <FacetGroup
                    key={kind.key()}
                    {kind}
                    values={Rc::new(values.iter().map(|c| (value_name(c.value), c.count)).collect::<Vec<_>>())}
                    filters={props.filters.clone()}
                    on_toggle={props.on_toggle.clone()}
                />
            }
        })
    });
    html! {
        <aside class="facets" aria-label="Filters">
            { for groups }
        </aside>
    }
}

/// The name of facet value `index`, borrowed from the bundle compiled into the page: no copy
/// per value per keystroke.
fn value_name(index: u32) -> &'static str {
    crate::corpus::bundle()
        .ok()
        .and_then(|bundle| bundle.facets().get(index as usize))
        .map_or("", |value| value.name.as_str())
}

#[derive(Properties, PartialEq)]
struct FacetGroupProps {
    kind: FacetKind,
    values: Rc<Vec<(&'static str, u32)>>,
    filters: Rc<Vec<Filter>>,
    on_toggle: Callback<(FacetKind, String, bool)>,
}

#[function_component(FacetGroup)]
fn facet_group(props: &FacetGroupProps) -> Html {
    let narrow = use_state(String::new);
    let kind = props.kind;
    let label = kind.label();
    let heading_id = format!("facet-{}", kind.key());
    let needle = narrow.to_lowercase();
    let selection = |value: &str| {
        props
            .filters
            .iter()
            .find(|f| f.kind == kind && f.value == value)
            .map(|f| f.negated)
    };
    let items = props
        .values
        .iter()
        .filter(|(value, _)| needle.is_empty() || value.to_lowercase().contains(&needle) || selection(value).is_some())
        .map(|&(value, count)| {
            let selected = selection(value);
            let include = {
                let on_toggle = props.on_toggle.clone();
                Callback::from(move |_| on_toggle.emit((kind, value.to_owned(), false)))
            };
            let exclude = {
                let on_toggle = props.on_toggle.clone();
                Callback::from(move |_| on_toggle.emit((kind, value.to_owned(), true)))
            };
            let excluded = selected == Some(true);
            html! {
                <li key={value} class={classes!("facet-value", excluded.then_some("excluded"))}>
                    <label>
                        <input type="checkbox" checked={selected == Some(false)} onchange={include} />
                        <span class="facet-name">{ value }</span>
                        <span class="facet-count">{ format!(" ({count})") }</span>
                    </label>
                    <button
                        type="button"
                        class="exclude"
                        aria-pressed={excluded.to_string()}
                        aria-label={format!("Exclude {value}")}
                        title={format!("Exclude {value}")}
                        onclick={exclude}
                    >{ "−" }</button>
                </li>
            }
        });
    let on_narrow = {
        let narrow = narrow.clone();
        Callback::from(move |event: InputEvent| {
            let input: HtmlInputElement = event.target_unchecked_into();
            narrow.set(input.value());
        })
    };
    html! {
        <section class="facet-group" role="group" aria-labelledby={heading_id.clone()}>
            <h2 id={heading_id} class="facet-heading">{ label }</h2>
            if props.values.len() >= SEARCHABLE_FROM {
                <input
                    type="search"
                    class="facet-search"
                    aria-label={format!("Find in {label}")}
                    placeholder={format!("Find in {}", label.to_lowercase())}
                    value={(*narrow).clone()}
                    oninput={on_narrow}
                />
            }
            <ul class="facet-values">{ for items }</ul>
        </section>
    }
}

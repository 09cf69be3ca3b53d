//! The facet panel: one labelled group per kind, each value a checkbox named
//! "VALUE (COUNT)" with a button to exclude it instead. Long lists scroll and can be searched;
//! no value is ever hidden by its count.

use std::rc::Rc;

use dossier_core::{FacetKind, Filter, SearchResults};
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Lists longer than this get a search box of their own.
const SEARCHABLE_FROM: usize = 8;

/// Lists longer than this render only the rows in view (plus a margin): a collection like
/// Reuters-21578 has tens of thousands of values, and thousands of checkboxes re-rendered on
/// every keystroke would make typing stutter. The list still scrolls through every value.
const WINDOWED_FROM: usize = 200;
/// Height of one row in pixels (`.facet-value` in static/style.css sets the same 2rem).
const ROW_PX: f64 = 32.0;
/// Height of the scrolling list in pixels (`.facet-values` max-height: 16rem).
const LIST_PX: f64 = 256.0;
/// Rows rendered beyond each edge of the view, so a fast scroll does not show gaps.
const OVERSCAN: usize = 10;

/// The rows `[first, last)` of a list of `total` rows to render when it is scrolled to
/// `scroll_top` pixels.
fn visible_rows(total: usize, scroll_top: f64) -> (usize, usize) {
    let first_in_view = (scroll_top.max(0.0) / ROW_PX).floor() as usize;
    let in_view = (LIST_PX / ROW_PX).ceil() as usize + 1;
    let first = first_in_view.saturating_sub(OVERSCAN).min(total);
    let last = (first_in_view + in_view + OVERSCAN).min(total);
    (first, last.max(first))
}

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
    let scroll_top = use_state(|| 0.0f64);
    let above_ref = use_node_ref();
    let below_ref = use_node_ref();
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
    let shown: Vec<(&'static str, u32)> = props
        .values
        .iter()
        .filter(|(value, _)| {
            needle.is_empty()
                || value.to_lowercase().contains(&needle)
                || selection(value).is_some()
        })
        .copied()
        .collect();
    let windowed = shown.len() >= WINDOWED_FROM;
    let (first, last) = if windowed {
        visible_rows(shown.len(), *scroll_top)
    } else {
        (0, shown.len())
    };
    let items = shown[first..last].iter().map(|&(value, count)| {
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
    // Spacers stand in for the rows not rendered, so the scrollbar spans the whole list.
    // Their heights are set through the CSS object model after rendering: the page's
    // Content-Security-Policy refuses inline style attributes.
    let above_px = first as f64 * ROW_PX;
    let below_px = (shown.len() - last) as f64 * ROW_PX;
    {
        let (above, below) = (above_ref.clone(), below_ref.clone());
        use_effect_with(
            (above_px as i64, below_px as i64),
            move |&(above_px, below_px)| {
                for (node, px) in [(above, above_px), (below, below_px)] {
                    if let Some(element) = node.cast::<web_sys::HtmlElement>() {
                        let _ = element.style().set_property("height", &format!("{px}px"));
                    }
                }
            },
        );
    }
    let on_scroll = {
        let scroll_top = scroll_top.clone();
        Callback::from(move |event: Event| {
            let list: web_sys::Element = event.target_unchecked_into();
            scroll_top.set(f64::from(list.scroll_top()));
        })
    };
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
            <ul class={classes!("facet-values", windowed.then_some("windowed"))}
                onscroll={windowed.then_some(on_scroll)}>
                if windowed {
                    <li key="above" class="facet-spacer" aria-hidden="true" ref={above_ref} />
                }
                { for items }
                if windowed {
                    <li key="below" class="facet-spacer" aria-hidden="true" ref={below_ref} />
                }
            </ul>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_scrolled_list_renders_the_rows_in_view_and_a_margin() {
        let (first, last) = visible_rows(36_000, 100.0 * ROW_PX);
        assert_eq!(first, 100 - OVERSCAN);
        assert!(last > 100 + (LIST_PX / ROW_PX) as usize && last <= 100 + 9 + 2 * OVERSCAN);
    }

    #[test]
    fn the_window_never_runs_past_either_end() {
        assert_eq!(visible_rows(36_000, 0.0).0, 0);
        assert_eq!(visible_rows(250, 1e9), (250, 250));
        let (first, last) = visible_rows(250, 240.0 * ROW_PX);
        assert!(first < last && last == 250);
    }
}

//! The active filters as removable chips above the results.

use std::rc::Rc;

use dossier_core::Filter;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct FilterChipsProps {
    pub filters: Rc<Vec<Filter>>,
    pub on_remove: Callback<Filter>,
}

#[function_component(FilterChips)]
pub fn filter_chips(props: &FilterChipsProps) -> Html {
    if props.filters.is_empty() {
        return html! {};
    }
    let chips = props.filters.iter().map(|filter| {
        let on_remove = props.on_remove.clone();
        let removed = filter.clone();
        let onclick = Callback::from(move |_| on_remove.emit(removed.clone()));
        let text = format!(
            "{}{}: {}",
            if filter.negated { "not " } else { "" },
            filter.kind.label(),
            filter.value
        );
        html! {
            <li key={format!("{}{}{}", filter.kind.key(), filter.negated, filter.value)}>
                <button type="button" class={classes!("chip", filter.negated.then_some("negated"))}
                        aria-label={format!("Remove filter {text}")} {onclick}>
                    { text }<span aria-hidden="true">{ " ×" }</span>
                </button>
            </li>
        }
    });
    html! { <ul class="chips" aria-label="Active filters">{ for chips }</ul> }
}

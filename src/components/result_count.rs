//! The polite live region that tells screen-reader users how many documents match.
//!
//! It is updated once typing settles, not on every keystroke, so a reader hears one
//! announcement per query instead of a stream of numbers.

use gloo::timers::callback::Timeout;
use yew::prelude::*;

/// How long typing must pause before the count is announced.
const SETTLE_MS: u32 = 400;

#[derive(Properties, PartialEq)]
pub struct ResultCountProps {
    pub total: usize,
}

#[function_component(ResultCount)]
pub fn result_count(props: &ResultCountProps) -> Html {
    let announced = use_state(|| props.total);
    {
        let announced = announced.clone();
        use_effect_with(props.total, move |&total| {
            let timeout = Timeout::new(SETTLE_MS, move || announced.set(total));
            move || drop(timeout)
        });
    }
    html! {
        <p class="result-count" role="status" aria-live="polite">{ documents_label(*announced) }</p>
    }
}

pub fn documents_label(count: usize) -> String {
    if count == 1 {
        "1 document".to_owned()
    } else {
        format!("{count} documents")
    }
}

//! The search input.

use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SearchBoxProps {
    pub value: AttrValue,
    pub on_input: Callback<String>,
    /// Enter: the query as typed is one the reader means to keep (a history entry).
    pub on_submit: Callback<()>,
}

#[function_component(SearchBox)]
pub fn search_box(props: &SearchBoxProps) -> Html {
    let on_input = {
        let on_input = props.on_input.clone();
        Callback::from(move |event: InputEvent| {
            let input: HtmlInputElement = event.target_unchecked_into();
            on_input.emit(input.value());
        })
    };
    let on_keydown = {
        let on_submit = props.on_submit.clone();
        Callback::from(move |event: KeyboardEvent| {
            if event.key() == "Enter" {
                on_submit.emit(());
            }
        })
    };
    html! {
        <div class="search" role="search">
            <input
                type="search"
                aria-label="Search"
                placeholder="Search the documents"
                autocomplete="off"
                spellcheck="false"
                value={props.value.clone()}
                oninput={on_input}
                onkeydown={on_keydown}
                aria-keyshortcuts="/"
                autofocus=true
            />
        </div>
    }
}

//! The `?` dialog: every keyboard shortcut. A modal `<dialog>`, so the browser keeps focus
//! inside it, closes it on Esc and returns focus to where it was.

use web_sys::HtmlDialogElement;
use yew::prelude::*;

use crate::shortcuts::SHORTCUT_HELP;

#[derive(Properties, PartialEq)]
pub struct ShortcutsDialogProps {
    pub open: bool,
    pub on_close: Callback<()>,
}

#[function_component(ShortcutsDialog)]
pub fn shortcuts_dialog(props: &ShortcutsDialogProps) -> Html {
    let dialog = use_node_ref();
    {
        let dialog = dialog.clone();
        use_effect_with(props.open, move |&open| {
            if let Some(dialog) = dialog.cast::<HtmlDialogElement>() {
                if open && !dialog.open() {
                    let _ = dialog.show_modal();
                } else if !open && dialog.open() {
                    dialog.close();
                }
            }
        });
    }
    // Esc closes the dialog itself; the page hears of it through the "close" event.
    let onclose = props.on_close.reform(|_: Event| ());
    html! {
        <dialog class="shortcuts" ref={dialog} aria-labelledby="shortcuts-title" {onclose}>
            <h2 id="shortcuts-title">{ "Keyboard shortcuts" }</h2>
            <dl>
                { for SHORTCUT_HELP.iter().map(|(keys, what)| html! {
                    <div class="shortcut">
                        <dt><kbd>{ *keys }</kbd></dt>
                        <dd>{ *what }</dd>
                    </div>
                }) }
            </dl>
            <p class="shortcuts-note">{ "Everything here also works with a mouse or a touch." }</p>
            <button type="button" class="back" autofocus=true onclick={props.on_close.reform(|_: MouseEvent| ())}>
                { "Close" }
            </button>
        </dialog>
    }
}

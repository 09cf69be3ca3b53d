//! Listens for the keyboard shortcuts (`shortcuts.rs` decides which key is which) and carries
//! them out: focus moves, documents open and close.

use dossier_core::DocId;
use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, KeyboardEvent};
use yew::prelude::*;

use crate::shortcuts::{shortcut_for, KeyTarget, Shortcut};
use crate::state::Action;

/// The search box's selector; the one `SearchBox` renders.
pub const SEARCH_BOX: &str = "input[type=search][aria-label=Search]";
/// The buttons that open the listed results, in order.
const RESULT_BUTTONS: &str = ".results .result-title button";

/// What the shortcuts need to know about the page as it is now.
#[derive(Clone, PartialEq)]
pub struct ShortcutContext {
    pub open: Option<DocId>,
    pub previous: Option<DocId>,
    pub next: Option<DocId>,
    pub query_is_empty: bool,
    pub dispatch: Callback<Action>,
    pub show_help: Callback<()>,
}

#[hook]
pub fn use_shortcuts(context: ShortcutContext) {
    use_effect_with(context, |context| {
        let context = context.clone();
        let document = gloo::utils::document();
        // Non-passive, so that a key we handle (`/`, ↓) does not also type or scroll.
        let options = EventListenerOptions::enable_prevent_default();
        let listener =
            EventListener::new_with_options(&document, "keydown", options, move |event| {
                let Some(event) = event.dyn_ref::<KeyboardEvent>() else {
                    return;
                };
                // While the shortcut list (a modal dialog) is open, keys are the dialog's.
                if gloo::utils::document()
                    .query_selector("dialog[open]")
                    .ok()
                    .flatten()
                    .is_some()
                {
                    return;
                }
                let modified = event.ctrl_key() || event.alt_key() || event.meta_key();
                let target = event.target().and_then(|t| t.dyn_into::<Element>().ok());
                let Some(shortcut) = shortcut_for(
                    &event.key(),
                    modified,
                    key_target(target.as_ref()),
                    context.open.is_some(),
                ) else {
                    return;
                };
                if carry_out(shortcut, &context) {
                    event.prevent_default();
                }
            });
        move || drop(listener)
    });
}

fn key_target(target: Option<&Element>) -> KeyTarget {
    let Some(element) = target else {
        return KeyTarget::Page;
    };
    if element.matches(SEARCH_BOX).unwrap_or(false) {
        KeyTarget::SearchBox
    } else if element
        .closest("input, textarea, select, [contenteditable], .map-panel, dialog")
        .ok()
        .flatten()
        .is_some()
    {
        KeyTarget::Widget
    } else {
        KeyTarget::Page
    }
}

/// Does what `shortcut` asks; `false` when there was nothing to do, so the key keeps its
/// ordinary meaning.
fn carry_out(shortcut: Shortcut, context: &ShortcutContext) -> bool {
    match shortcut {
        Shortcut::FocusSearch => focus_search(),
        Shortcut::ShowShortcuts => {
            context.show_help.emit(());
            true
        }
        Shortcut::Escape => {
            if context.open.is_some() {
                context.dispatch.emit(Action::Close);
            } else if !context.query_is_empty {
                context.dispatch.emit(Action::SetQuery(String::new()));
                focus_search();
            } else {
                return false;
            }
            true
        }
        Shortcut::Next | Shortcut::Previous if context.open.is_some() => {
            let step = if shortcut == Shortcut::Next {
                context.next
            } else {
                context.previous
            };
            step.map(|doc| context.dispatch.emit(Action::Open(doc)))
                .is_some()
        }
        Shortcut::Next => move_through_results(1),
        Shortcut::Previous => move_through_results(-1),
    }
}

fn focus_search() -> bool {
    let input = gloo::utils::document()
        .query_selector(SEARCH_BOX)
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok());
    match input {
        Some(input) => {
            let _ = input.focus();
            input.select();
            true
        }
        None => false,
    }
}

/// Moves the focus `by` results from the focused one; from outside the list, ↓ enters it at
/// the top. Up from the first result returns to the search box.
fn move_through_results(by: isize) -> bool {
    let document = gloo::utils::document();
    let Ok(buttons) = document.query_selector_all(RESULT_BUTTONS) else {
        return false;
    };
    let buttons: Vec<HtmlElement> = (0..buttons.length())
        .filter_map(|i| buttons.item(i)?.dyn_into::<HtmlElement>().ok())
        .collect();
    let active = document.active_element();
    let at = buttons
        .iter()
        .position(|b| active.as_ref().is_some_and(|a| a == b.as_ref() as &Element));
    let to = match at {
        Some(at) => at as isize + by,
        None if by > 0 => 0,
        None => return false,
    };
    if to < 0 {
        return focus_search();
    }
    match buttons.get(to as usize) {
        Some(button) => {
            let _ = button.focus();
            true
        }
        None => false,
    }
}

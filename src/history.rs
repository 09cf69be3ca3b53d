//! Keeps the address bar in step with the page: each meaningful change is a history entry,
//! typing rewrites one entry per pause instead of adding one per keystroke.
//!
//! Only the fragment changes (`pushState` / `replaceState`), so links work on any static host
//! and in the single file opened from disk, and no request is ever made.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::timers::callback::Timeout;
use wasm_bindgen::JsValue;

use crate::state::HistoryStep;

/// How long typing must pause before the query reaches the address bar.
const TYPING_SETTLE_MS: u32 = 500;

/// The fragment of the page's address, without `#`.
pub fn current_fragment() -> String {
    let hash = gloo::utils::window().location().hash().unwrap_or_default();
    hash.strip_prefix('#').unwrap_or(&hash).to_owned()
}

#[derive(Default)]
pub struct HistorySync {
    /// Typing not yet written: its fragment and the timer that writes it.
    pending: Option<(String, Timeout)>,
    /// The newest entry was made by typing, so more typing rewrites it.
    typing: bool,
    /// The fragment of the state the page shows, written or about to be.
    shown: String,
}

pub type SharedHistory = Rc<RefCell<HistorySync>>;

impl HistorySync {
    /// Records that the page now shows `fragment`, changed as `step` says.
    pub fn record(this: &SharedHistory, fragment: String, step: HistoryStep) {
        let mut sync = this.borrow_mut();
        sync.pending = None;
        sync.shown = fragment.clone();
        if fragment == current_fragment() {
            return;
        }
        match step {
            HistoryStep::Keep => write(&fragment, false),
            HistoryStep::Push => {
                sync.typing = false;
                write(&fragment, true);
            }
            HistoryStep::Typing => {
                let shared = this.clone();
                let later = fragment.clone();
                let timer = Timeout::new(TYPING_SETTLE_MS, move || {
                    let mut sync = shared.borrow_mut();
                    sync.pending = None;
                    write(&later, !sync.typing);
                    sync.typing = true;
                });
                sync.pending = Some((fragment, timer));
            }
        }
    }

    /// The query was submitted (Enter): it gets its own entry now, and typing after it
    /// starts a new one.
    pub fn commit(this: &SharedHistory) {
        let mut sync = this.borrow_mut();
        if let Some((fragment, timer)) = sync.pending.take() {
            timer.cancel();
            write(&fragment, !sync.typing);
        }
        sync.typing = false;
    }

    /// Whether the address names another state than the page shows: the reader went back
    /// or forward, or followed a link to this page. (Going back fires both `popstate` and
    /// `hashchange`; the second finds the page already restored.) Typing not yet written
    /// belonged to the entry the reader left, so it is dropped.
    pub fn moved_elsewhere(this: &SharedHistory) -> bool {
        let mut sync = this.borrow_mut();
        if current_fragment() == sync.shown {
            return false;
        }
        sync.pending = None;
        sync.typing = false;
        true
    }
}

/// Writes `#fragment` (or no fragment at all) as a new entry or over the current one.
fn write(fragment: &str, push: bool) {
    let window = gloo::utils::window();
    let location = window.location();
    let url = if fragment.is_empty() {
        format!(
            "{}{}",
            location.pathname().unwrap_or_default(),
            location.search().unwrap_or_default()
        )
    } else {
        format!("#{fragment}")
    };
    let Ok(history) = window.history() else {
        return;
    };
    let written = if push {
        history.push_state_with_url(&JsValue::NULL, "", Some(&url))
    } else {
        history.replace_state_with_url(&JsValue::NULL, "", Some(&url))
    };
    // Some embedders refuse the History API (sandboxed frames); the fragment alone still
    // makes the page linkable.
    if written.is_err() && !fragment.is_empty() {
        let _ = location.set_hash(fragment);
    }
}

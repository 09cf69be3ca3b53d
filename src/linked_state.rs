//! The page's state, kept in its address: restored from the link the page was opened at,
//! written back on every change (see `history.rs` for how), and restored again when the
//! reader goes back or forward.

use std::cell::RefCell;
use std::rc::Rc;

use dossier_core::link::MapView;
use gloo::events::EventListener;
use yew::prelude::*;

use crate::corpus;
use crate::deep_link::{fragment_of, restore, Restored};
use crate::history::{current_fragment, HistorySync, SharedHistory};
use crate::state::{Action, HistoryStep, State};

/// What [`use_linked_state`] gives the page.
#[derive(Clone)]
pub struct LinkedState {
    pub state: UseReducerHandle<State>,
    /// Changes the state and records the change in the history as its action asks.
    pub dispatch: Callback<Action>,
    /// What the current link could not restore, for the reader to see.
    pub notices: UseStateHandle<Vec<String>>,
    /// Ends a typing burst: the query gets its own history entry now (Enter in the search box).
    pub commit: Callback<()>,
    /// Where the map looks, as the link says (`None`: it fits the results).
    pub map: Option<MapView>,
    /// The map moved (or fits the results again): the link says so, in place of the current
    /// history entry — a pan is not a step back should go through.
    pub on_map_view: Callback<Option<MapView>>,
}

fn restore_current() -> Restored {
    let bundle = corpus::bundle().ok();
    restore(&current_fragment(), |id| bundle?.find_document(id))
}

#[hook]
pub fn use_linked_state() -> LinkedState {
    let initial = use_memo((), |()| restore_current());
    let state = {
        let action = initial.action.clone();
        use_reducer(move || State::default().apply(action))
    };
    let notices = {
        let notices = initial.notices.clone();
        use_state(move || notices)
    };
    let map = use_state(|| initial.map);
    let history: SharedHistory = use_mut_ref(HistorySync::default);
    // The strongest step asked for since the state was last recorded.
    let step: Rc<RefCell<HistoryStep>> = use_mut_ref(|| HistoryStep::Keep);

    let dispatch = {
        let (state, step) = (state.clone(), step.clone());
        Callback::from(move |action: Action| {
            let mut pending = step.borrow_mut();
            *pending = (*pending).max(action.history_step());
            drop(pending);
            state.dispatch(action);
        })
    };

    // Back, forward, or a link to another state of this page followed in place.
    {
        let (state, notices, map, history) =
            (state.clone(), notices.clone(), map.clone(), history.clone());
        use_effect_with((), move |()| {
            let on_change = move |_: &Event| {
                if !HistorySync::moved_elsewhere(&history) {
                    return;
                }
                let restored = restore_current();
                notices.set(restored.notices);
                map.set(restored.map);
                state.dispatch(restored.action);
            };
            let window = gloo::utils::window();
            let listeners = [
                EventListener::new(&window, "popstate", on_change.clone()),
                EventListener::new(&window, "hashchange", on_change),
            ];
            move || drop(listeners)
        });
    }

    let fragment = {
        let doc_id = state
            .open
            .and_then(corpus::document)
            .map(|document| document.id);
        fragment_of(&state, doc_id, *map)
    };
    {
        let (history, step) = (history.clone(), step.clone());
        use_effect_with(fragment, move |fragment| {
            let taken = std::mem::replace(&mut *step.borrow_mut(), HistoryStep::Keep);
            HistorySync::record(&history, fragment.clone(), taken);
        });
    }
    let commit = Callback::from(move |()| HistorySync::commit(&history));
    let on_map_view = {
        let map = map.clone();
        Callback::from(move |view: Option<MapView>| map.set(view))
    };
    LinkedState {
        state,
        dispatch,
        notices,
        commit,
        map: *map,
        on_map_view,
    }
}

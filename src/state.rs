//! The page's state as one pure value, changed only by [`Action`]s, so that every view derives
//! from it and the transitions can be tested without a browser.

use std::rc::Rc;

use dossier_core::DocId;
use yew::Reducible;

/// How many results the list shows at first, and how many more each "Show more" adds.
pub const PAGE_SIZE: usize = 50;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct State {
    pub query: String,
    /// The document open in the reading view, if any.
    pub open: Option<DocId>,
    /// How many results the list shows.
    pub shown: usize,
}

impl Default for State {
    fn default() -> Self {
        State {
            query: String::new(),
            open: None,
            shown: PAGE_SIZE,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// The search box changed: new results, back to the first page, reader closed.
    SetQuery(String),
    Open(DocId),
    Close,
    ShowMore,
}

impl State {
    pub fn apply(&self, action: Action) -> State {
        match action {
            Action::SetQuery(query) => State {
                query,
                open: None,
                shown: PAGE_SIZE,
            },
            Action::Open(doc) => State {
                open: Some(doc),
                ..self.clone()
            },
            Action::Close => State {
                open: None,
                ..self.clone()
            },
            Action::ShowMore => State {
                shown: self.shown + PAGE_SIZE,
                ..self.clone()
            },
        }
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new(self.apply(action))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typing_closes_the_reader_and_returns_to_the_first_page() {
        let state = State::default()
            .apply(Action::ShowMore)
            .apply(Action::Open(3))
            .apply(Action::SetQuery("iran".into()));
        assert_eq!(state.open, None);
        assert_eq!(state.shown, PAGE_SIZE);
        assert_eq!(state.query, "iran");
    }

    #[test]
    fn closing_the_reader_keeps_the_query_and_page() {
        let state = State::default()
            .apply(Action::SetQuery("iran".into()))
            .apply(Action::ShowMore)
            .apply(Action::Open(1))
            .apply(Action::Close);
        assert_eq!(state.query, "iran");
        assert_eq!(state.shown, 2 * PAGE_SIZE);
    }
}

//! The page's state as one pure value, changed only by [`Action`]s, so that every view derives
//! from it and the transitions can be tested without a browser.

use std::rc::Rc;

use dossier_core::{DocId, FacetKind, Filter};
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
    /// Selected facet values, in the order they were chosen.
    pub filters: Rc<Vec<Filter>>,
}

impl Default for State {
    fn default() -> Self {
        State {
            query: String::new(),
            open: None,
            shown: PAGE_SIZE,
            filters: Rc::new(Vec::new()),
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
    /// Selects (kind, value) as included, or as excluded when `negated`; selecting it again
    /// the same way clears it.
    ToggleFilter(FacetKind, String, bool),
    RemoveFilter(Filter),
    /// The page was opened at, or went back or forward to, a link: its query, filters and
    /// open document replace the state.
    Restore {
        query: String,
        filters: Vec<Filter>,
        open: Option<DocId>,
    },
}

/// How a change is recorded in the browser's history, so that back and forward step through
/// meaningful states and typing does not flood it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum HistoryStep {
    /// Nothing to record: the URL already says it (a restored link), or it is not in links
    /// (how many results are shown).
    Keep,
    /// Typing: one entry per pause, rewritten while the query keeps changing.
    Typing,
    /// A new entry: a document opened or closed, a filter changed.
    Push,
}

impl Action {
    pub fn history_step(&self) -> HistoryStep {
        match self {
            Action::SetQuery(_) => HistoryStep::Typing,
            Action::Open(_)
            | Action::Close
            | Action::ToggleFilter(..)
            | Action::RemoveFilter(_) => HistoryStep::Push,
            Action::ShowMore | Action::Restore { .. } => HistoryStep::Keep,
        }
    }
}

impl State {
    pub fn apply(&self, action: Action) -> State {
        match action {
            Action::SetQuery(query) => State {
                query,
                open: None,
                shown: PAGE_SIZE,
                filters: self.filters.clone(),
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
            Action::ToggleFilter(kind, value, negated) => {
                let mut filters: Vec<Filter> = self.filters.as_ref().clone();
                let existing = filters
                    .iter()
                    .position(|f| f.kind == kind && f.value == value);
                match existing.map(|i| filters.remove(i)) {
                    Some(previous) if previous.negated == negated => {}
                    _ => filters.push(Filter {
                        kind,
                        value,
                        negated,
                    }),
                }
                self.with_filters(filters)
            }
            Action::Restore {
                query,
                filters,
                open,
            } => State {
                query,
                open,
                shown: PAGE_SIZE,
                filters: Rc::new(filters),
            },
            Action::RemoveFilter(filter) => {
                let filters = self
                    .filters
                    .iter()
                    .filter(|f| **f != filter)
                    .cloned()
                    .collect();
                self.with_filters(filters)
            }
        }
    }
}

impl State {
    /// New filters mean new results: back to the first page, reader closed.
    fn with_filters(&self, filters: Vec<Filter>) -> State {
        State {
            query: self.query.clone(),
            open: None,
            shown: PAGE_SIZE,
            filters: Rc::new(filters),
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
    fn toggling_a_value_selects_it_and_toggling_again_clears_it() {
        let on = State::default().apply(Action::ToggleFilter(FacetKind::Tag, "oil".into(), false));
        assert_eq!(on.filters.len(), 1);
        let off = on.apply(Action::ToggleFilter(FacetKind::Tag, "oil".into(), false));
        assert!(off.filters.is_empty());
    }

    #[test]
    fn excluding_a_selected_value_turns_the_selection_into_an_exclusion() {
        let state = State::default()
            .apply(Action::ToggleFilter(FacetKind::Place, "Iraq".into(), false))
            .apply(Action::ToggleFilter(FacetKind::Place, "Iraq".into(), true));
        assert_eq!(
            state.filters.as_ref(),
            &[Filter {
                kind: FacetKind::Place,
                value: "Iraq".into(),
                negated: true
            }]
        );
    }

    #[test]
    fn restoring_a_link_replaces_query_filters_and_document() {
        let filters = vec![Filter {
            kind: FacetKind::Place,
            value: "Iraq".into(),
            negated: true,
        }];
        let state = State::default()
            .apply(Action::SetQuery("oil".into()))
            .apply(Action::ShowMore)
            .apply(Action::Restore {
                query: "iran".into(),
                filters: filters.clone(),
                open: Some(2),
            });
        assert_eq!(
            state,
            State {
                query: "iran".into(),
                open: Some(2),
                shown: PAGE_SIZE,
                filters: Rc::new(filters),
            }
        );
    }

    #[test]
    fn typing_rewrites_history_and_opening_or_filtering_adds_to_it() {
        assert_eq!(
            Action::SetQuery("ir".into()).history_step(),
            HistoryStep::Typing
        );
        assert_eq!(Action::Open(1).history_step(), HistoryStep::Push);
        assert_eq!(
            Action::ToggleFilter(FacetKind::Tag, "oil".into(), true).history_step(),
            HistoryStep::Push
        );
        assert_eq!(Action::ShowMore.history_step(), HistoryStep::Keep);
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

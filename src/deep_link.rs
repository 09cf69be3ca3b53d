//! The page's state as a link and back: which parts of [`State`] a link carries, and what a
//! link that no longer fits the collection says to the reader. Pure; `history.rs` talks to
//! the browser.

use dossier_core::link::{decode_link, encode_link, MapView, PageLink};
use dossier_core::DocId;

use crate::state::{Action, State};

/// The version of the bundle compiled into this page (see `build.rs`).
pub const CORPUS_VERSION: &str = env!("DOSSIER_CORPUS_VERSION");

/// The fragment (without `#`) for `state`; `doc_id` names the open document.
pub fn fragment_of(state: &State, doc_id: Option<&str>, map: Option<MapView>) -> String {
    encode_link(&PageLink {
        query: state.query.clone(),
        filters: state.filters.as_ref().clone(),
        doc: doc_id.map(str::to_owned),
        map,
        version: Some(CORPUS_VERSION.to_owned()),
    })
}

/// What a fragment restores: the action that puts the page in its state, the map view it
/// names, and the notices the reader should see (empty when the link is sound).
#[derive(Debug, Clone, PartialEq)]
pub struct Restored {
    pub action: Action,
    pub map: Option<MapView>,
    pub notices: Vec<String>,
}

/// Reads `fragment`; `find` looks a document id up in the collection.
pub fn restore(fragment: &str, find: impl Fn(&str) -> Option<DocId>) -> Restored {
    let decoded = decode_link(fragment);
    let link = decoded.link;
    let mut notices = Vec::new();
    if !decoded.problems.is_empty() {
        notices.push(format!(
            "Part of this link could not be read ({}); the rest is shown.",
            decoded.problems.join("; ")
        ));
    }
    let open = link.doc.as_deref().and_then(|id| {
        let found = find(id);
        if found.is_none() {
            notices.push(format!(
                "The linked document “{id}” is not in this collection; showing the results instead."
            ));
        }
        found
    });
    if let Some(version) = link.version.as_deref().filter(|v| *v != CORPUS_VERSION) {
        notices.push(format!(
            "This link was made for another version of the collection ({version}; this one is \
             {CORPUS_VERSION}): results may differ."
        ));
    }
    Restored {
        action: Action::Restore {
            query: link.query,
            filters: link.filters,
            open,
        },
        map: link.map,
        notices,
    }
}

#[cfg(test)]
mod tests {
    use std::rc::Rc;

    use dossier_core::{FacetKind, Filter};

    use super::*;

    fn find(id: &str) -> Option<DocId> {
        (id == "a.md").then_some(4)
    }

    #[test]
    fn a_state_survives_the_round_trip_through_its_link() {
        let state = State {
            query: "oil prices".into(),
            open: Some(4),
            filters: Rc::new(vec![Filter {
                kind: FacetKind::Person,
                value: "Qassem Soleimani".into(),
                negated: true,
            }]),
            ..State::default()
        };
        let fragment = fragment_of(&state, Some("a.md"), None);
        let restored = restore(&format!("#{fragment}"), find);
        assert!(restored.notices.is_empty(), "{:?}", restored.notices);
        assert_eq!(State::default().apply(restored.action), state);
    }

    #[test]
    fn a_missing_document_opens_the_results_with_a_notice() {
        let restored = restore("q=iran&doc=gone.md", find);
        assert_eq!(
            restored.action,
            Action::Restore {
                query: "iran".into(),
                filters: vec![],
                open: None
            }
        );
        assert_eq!(restored.notices.len(), 1);
        assert!(restored.notices[0].contains("gone.md"));
    }

    #[test]
    fn a_link_from_another_version_says_so() {
        let restored = restore("q=iran&v=not-this", find);
        assert_eq!(restored.notices.len(), 1);
        assert!(restored.notices[0].contains("another version"));
        assert!(restore(&format!("q=iran&v={CORPUS_VERSION}"), find)
            .notices
            .is_empty());
    }

    #[test]
    fn a_malformed_link_still_opens_the_page() {
        let restored = restore("%%%&q=iran&f=nonsense", find);
        assert_eq!(restored.notices.len(), 1);
        assert!(matches!(restored.action, Action::Restore { ref query, .. } if query == "iran"));
    }
}

//! Related documents: those that name the most of the same people, organisations, places and
//! sources as a given one.

use crate::document::DocId;
use crate::facets::{FacetIndex, FacetKind};

/// A document related to another, and how many entities the two share.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Related {
    pub doc: DocId,
    pub shared: u32,
}

/// Whether values of this kind make documents related: entities do; declared tags and months
/// would relate every document of a tag or month to every other.
pub fn is_entity(kind: FacetKind) -> bool {
    matches!(
        kind,
        FacetKind::Person | FacetKind::Organization | FacetKind::Place | FacetKind::Source
    )
}

/// Up to `limit` documents sharing at least one entity with `doc`: most shared first, ties
/// by document id. Cost: the sum of the document counts of `doc`'s entities, plus one counter
/// per document.
///
/// ```
/// use dossier_core::facets::{FacetIndex, FacetKind, FacetValue};
/// use dossier_core::related::{related_documents, Related};
///
/// let value = |name: &str, docs: Vec<u32>| FacetValue {
///     kind: FacetKind::Person, name: name.into(), aliases: vec![], mentions: 1, docs, location: None,
/// };
/// let index = FacetIndex::new(vec![value("A", vec![0, 1, 2]), value("B", vec![0, 2])], 3);
/// assert_eq!(
///     related_documents(&index, 0, 5),
///     [Related { doc: 2, shared: 2 }, Related { doc: 1, shared: 1 }]
/// );
/// ```
pub fn related_documents(index: &FacetIndex, doc: DocId, limit: usize) -> Vec<Related> {
    let values = index.values();
    let mut shared: Vec<u32> = Vec::new();
    for &value in index.doc_values(doc) {
        let Some(value) = values.get(value as usize) else {
            continue;
        };
        if !is_entity(value.kind) {
            continue;
        }
        for &other in &value.docs {
            let at = other as usize;
            if shared.len() <= at {
                shared.resize(at + 1, 0);
            }
            shared[at] += 1;
        }
    }
    let mut related: Vec<Related> = shared
        .into_iter()
        .enumerate()
        .filter(|&(other, count)| count > 0 && other as DocId != doc)
        .map(|(other, shared)| Related {
            doc: other as DocId,
            shared,
        })
        .collect();
    related.sort_by(|a, b| b.shared.cmp(&a.shared).then(a.doc.cmp(&b.doc)));
    related.truncate(limit);
    related
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;
    use crate::facets::FacetValue;

    proptest::proptest! {
        #[test]
        fn ranking_equals_intersecting_every_pair_by_hand(
            memberships in proptest::collection::vec(proptest::collection::btree_set(0u32..10, 0..6), 1..14),
            doc in 0u32..10,
            limit in 0usize..12,
        ) {
            let kinds = [FacetKind::Person, FacetKind::Place, FacetKind::Tag, FacetKind::Source];
            let values: Vec<FacetValue> = memberships
                .iter()
                .enumerate()
                .map(|(i, docs)| FacetValue {
                    kind: kinds[i % kinds.len()],
                    name: format!("v{i:02}"),
                    aliases: vec![],
                    mentions: 1,
                    docs: docs.iter().copied().collect(),
                    location: None,
                })
                .collect();
            let entities_of = |d: u32| -> BTreeSet<usize> {
                values
                    .iter()
                    .enumerate()
                    .filter(|(_, v)| is_entity(v.kind) && v.docs.contains(&d))
                    .map(|(i, _)| i)
                    .collect()
            };
            let mine = entities_of(doc);
            let mut expected: Vec<Related> = (0..10u32)
                .filter(|&other| other != doc)
                .map(|other| Related { doc: other, shared: mine.intersection(&entities_of(other)).count() as u32 })
                .filter(|r| r.shared > 0)
                .collect();
            expected.sort_by_key(|r| (std::cmp::Reverse(r.shared), r.doc));
            expected.truncate(limit);
            let index = FacetIndex::new(values.clone(), 10);
            proptest::prop_assert_eq!(related_documents(&index, doc, limit), expected);
        }
    }
}

//! Scoring a model on gold documents.

use dossier_ner::{AnnotatedDocument, EntityKind, GoldSpan, Model, Scores};

/// The kinds the headline (micro) score is over: re3d has no MISC, and the project's goals
/// are stated over these three.
pub const HEADLINE_KINDS: [EntityKind; 3] = [
    EntityKind::Person,
    EntityKind::Organisation,
    EntityKind::Location,
];

/// Exact-span scores of `model` over `documents`, counting only `kinds`: a MISC guess costs
/// nothing where the gold has no MISC.
pub fn score<'a>(
    model: &Model,
    documents: impl IntoIterator<Item = &'a AnnotatedDocument>,
    kinds: &[EntityKind],
) -> Scores {
    let mut scores = Scores::default();
    for document in documents {
        let predicted: Vec<GoldSpan> = model
            .recognise(&document.text)
            .into_iter()
            .filter(|entity| kinds.contains(&entity.kind))
            .map(|entity| GoldSpan {
                kind: entity.kind,
                start: entity.start,
                end: entity.end,
            })
            .collect();
        let gold: Vec<GoldSpan> = document
            .entities
            .iter()
            .copied()
            .filter(|span| kinds.contains(&span.kind))
            .collect();
        scores.add_document(&gold, &predicted);
    }
    scores
}

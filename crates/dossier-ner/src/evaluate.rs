//! Exact-span scoring: a predicted entity counts only if its kind, start and end all match a
//! gold entity (the CoNLL-2003 shared-task measure).

use std::collections::{BTreeMap, HashSet};

use crate::tags::EntityKind;
use crate::training::GoldSpan;

/// True positives, false positives and false negatives of one kind.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub true_positives: usize,
    pub false_positives: usize,
    pub false_negatives: usize,
}

impl Counts {
    pub fn precision(&self) -> f64 {
        ratio(
            self.true_positives,
            self.true_positives + self.false_positives,
        )
    }

    pub fn recall(&self) -> f64 {
        ratio(
            self.true_positives,
            self.true_positives + self.false_negatives,
        )
    }

    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }

    fn add(&mut self, other: Counts) {
        self.true_positives += other.true_positives;
        self.false_positives += other.false_positives;
        self.false_negatives += other.false_negatives;
    }
}

fn ratio(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 / whole as f64
    }
}

/// Counts per kind, accumulated over documents.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Scores {
    by_kind: BTreeMap<EntityKind, Counts>,
}

impl Scores {
    /// Adds one document. Duplicate spans count once.
    pub fn add_document(&mut self, gold: &[GoldSpan], predicted: &[GoldSpan]) {
        let gold: HashSet<&GoldSpan> = gold.iter().collect();
        let predicted: HashSet<&GoldSpan> = predicted.iter().collect();
        for span in &predicted {
            let counts = self.by_kind.entry(span.kind).or_default();
            if gold.contains(span) {
                counts.true_positives += 1;
            } else {
                counts.false_positives += 1;
            }
        }
        for span in gold.difference(&predicted) {
            self.by_kind.entry(span.kind).or_default().false_negatives += 1;
        }
    }

    /// The counts of one kind.
    pub fn kind(&self, kind: EntityKind) -> Counts {
        self.by_kind.get(&kind).copied().unwrap_or_default()
    }

    /// Micro-averaged counts over `kinds`: the sum of their counts.
    pub fn micro(&self, kinds: &[EntityKind]) -> Counts {
        let mut total = Counts::default();
        for &kind in kinds {
            total.add(self.kind(kind));
        }
        total
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(kind: EntityKind, start: usize, end: usize) -> GoldSpan {
        GoldSpan { kind, start, end }
    }

    #[test]
    fn only_exact_spans_of_the_right_kind_count() {
        let gold = [
            span(EntityKind::Person, 0, 10),
            span(EntityKind::Location, 20, 25),
            span(EntityKind::Organisation, 30, 40),
        ];
        let predicted = [
            span(EntityKind::Person, 0, 10),
            span(EntityKind::Location, 20, 24),
            span(EntityKind::Person, 30, 40),
        ];
        let mut scores = Scores::default();
        scores.add_document(&gold, &predicted);
        assert_eq!(
            scores.kind(EntityKind::Person),
            Counts {
                true_positives: 1,
                false_positives: 1,
                false_negatives: 0
            }
        );
        let micro = scores.micro(&[
            EntityKind::Person,
            EntityKind::Organisation,
            EntityKind::Location,
        ]);
        assert_eq!(
            micro,
            Counts {
                true_positives: 1,
                false_positives: 2,
                false_negatives: 2
            }
        );
        assert!((micro.precision() - 1.0 / 3.0).abs() < 1e-9);
        assert!((micro.f1() - 1.0 / 3.0).abs() < 1e-9);
        assert_eq!(Counts::default().f1(), 0.0);
    }
}

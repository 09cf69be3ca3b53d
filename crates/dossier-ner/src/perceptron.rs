//! The averaged structured perceptron (Collins 2002) and its Viterbi decoder.
//!
//! A sentence's score under a tag sequence is the sum of one emission weight per (feature,
//! tag) of every token and one transition weight per pair of neighbouring tags. Viterbi
//! finds the best sequence among those [`crate::tags`] allows. Learning is mistake-driven:
//! decode with the current weights and, where the result differs from the gold sequence,
//! add one to the gold sequence's weights and take one from the prediction's. The weights
//! kept are the average over every step of training, which generalises far better than the
//! last ones (Freund & Schapire 1999) at no cost at run time.
//!
//! Training weights are integers (every update is ±1), so sums are exact; the average is
//! computed once at the end with the usual trick (Daumé 2006): keep `w` and `u = Σ t·Δ`,
//! where `t` counts the examples seen before the update, and the average of the weights
//! after each of `T` examples is `w − u / T`.

use crate::features::SentenceFeatures;
use crate::tags::{may_end, may_follow, may_start, Tag, TAG_COUNT};

/// Number of transition weights: one row per previous tag, plus a row for the sentence start.
pub const TRANSITION_COUNT: usize = (TAG_COUNT + 1) * TAG_COUNT;

/// Index of the row of transitions out of the sentence start.
const START_ROW: usize = TAG_COUNT;

/// Anything that gives emission and transition scores: the trainer's integer weights and
/// the model's quantised ones.
pub trait Scorer {
    /// Adds the emission score of every tag for a token with these feature buckets to `out`.
    fn add_emissions(&self, buckets: &[u32], out: &mut [f32; TAG_COUNT]);
    /// The score of `next` after `previous` (`None` for the sentence start).
    fn transition(&self, previous: Option<Tag>, next: Tag) -> f32;
}

/// The best allowed tag sequence for a sentence.
pub fn viterbi(scorer: &impl Scorer, sentence: &SentenceFeatures) -> Vec<Tag> {
    let len = sentence.len();
    if len == 0 {
        return Vec::new();
    }
    let mut transitions = [[f32::NEG_INFINITY; TAG_COUNT]; TAG_COUNT + 1];
    for (previous, row) in transitions.iter_mut().enumerate() {
        for (next, cell) in row.iter_mut().enumerate() {
            let allowed = if previous == START_ROW {
                may_start(next)
            } else {
                may_follow(previous, next)
            };
            if allowed {
                let from = (previous != START_ROW).then_some(previous);
                *cell = scorer.transition(from, next);
            }
        }
    }

    let mut best = vec![[f32::NEG_INFINITY; TAG_COUNT]; len];
    let mut back = vec![[0u8; TAG_COUNT]; len];
    let mut emissions = [0.0; TAG_COUNT];
    for index in 0..len {
        emissions.fill(0.0);
        scorer.add_emissions(sentence.token(index), &mut emissions);
        for next in 0..TAG_COUNT {
            let (score, from) = if index == 0 {
                (transitions[START_ROW][next], 0)
            } else {
                let mut top = (f32::NEG_INFINITY, 0);
                for previous in 0..TAG_COUNT {
                    let candidate = best[index - 1][previous] + transitions[previous][next];
                    if candidate > top.0 {
                        top = (candidate, previous);
                    }
                }
                top
            };
            best[index][next] = score + emissions[next];
            // TAG_COUNT is far below 256.
            back[index][next] = from as u8;
        }
    }

    let mut tag = (0..TAG_COUNT)
        .filter(|&t| may_end(t))
        .max_by(|&a, &b| {
            best[len - 1][a]
                .total_cmp(&best[len - 1][b])
                .then(b.cmp(&a))
        })
        .unwrap_or(0);
    let mut tags = vec![0; len];
    for index in (0..len).rev() {
        tags[index] = tag;
        tag = usize::from(back[index][tag]);
    }
    tags
}

/// Integer weights under training, with the sums needed to average them.
pub struct Trainer {
    mask: usize,
    emissions: Vec<i32>,
    emission_sums: Vec<i64>,
    transitions: Vec<i32>,
    transition_sums: Vec<i64>,
    /// Examples seen so far: the `T` of `w − u / T`.
    step: i64,
}

impl Trainer {
    /// Zero weights over `2^log2_buckets` feature buckets.
    pub fn new(log2_buckets: u8) -> Trainer {
        let buckets = 1usize << log2_buckets;
        Trainer {
            mask: buckets - 1,
            emissions: vec![0; buckets * TAG_COUNT],
            emission_sums: vec![0; buckets * TAG_COUNT],
            transitions: vec![0; TRANSITION_COUNT],
            transition_sums: vec![0; TRANSITION_COUNT],
            step: 0,
        }
    }

    /// Decodes one sentence with the current weights, updates them where the result differs
    /// from `gold`, and returns the number of tokens that were wrong.
    pub fn learn(&mut self, sentence: &SentenceFeatures, gold: &[Tag]) -> usize {
        let predicted = viterbi(self, sentence);
        let mut wrong = 0;
        for index in 0..gold.len().min(predicted.len()) {
            let (g, p) = (gold[index], predicted[index]);
            if g != p {
                wrong += 1;
                for &bucket in sentence.token(index) {
                    let row = (bucket as usize & self.mask) * TAG_COUNT;
                    self.bump_emission(row + g, 1);
                    self.bump_emission(row + p, -1);
                }
            }
            let previous_gold = index.checked_sub(1).map(|i| gold[i]);
            let previous_predicted = index.checked_sub(1).map(|i| predicted[i]);
            if (previous_gold, g) != (previous_predicted, p) {
                self.bump_transition(transition_index(previous_gold, g), 1);
                self.bump_transition(transition_index(previous_predicted, p), -1);
            }
        }
        self.step += 1;
        wrong
    }

    fn bump_emission(&mut self, index: usize, delta: i32) {
        self.emissions[index] += delta;
        self.emission_sums[index] += self.step * i64::from(delta);
    }

    fn bump_transition(&mut self, index: usize, delta: i32) {
        self.transitions[index] += delta;
        self.transition_sums[index] += self.step * i64::from(delta);
    }

    /// The averaged weights: emissions by bucket then tag, and transitions.
    pub fn averaged(&self) -> (Vec<f32>, Vec<f32>) {
        let steps = self.step.max(1) as f64;
        let average = |weights: &[i32], sums: &[i64]| -> Vec<f32> {
            weights
                .iter()
                .zip(sums)
                .map(|(&w, &u)| (f64::from(w) - u as f64 / steps) as f32)
                .collect()
        };
        (
            average(&self.emissions, &self.emission_sums),
            average(&self.transitions, &self.transition_sums),
        )
    }
}

impl Scorer for Trainer {
    fn add_emissions(&self, buckets: &[u32], out: &mut [f32; TAG_COUNT]) {
        for &bucket in buckets {
            let row = (bucket as usize & self.mask) * TAG_COUNT;
            for (slot, &weight) in out.iter_mut().zip(&self.emissions[row..row + TAG_COUNT]) {
                *slot += weight as f32;
            }
        }
    }

    fn transition(&self, previous: Option<Tag>, next: Tag) -> f32 {
        self.transitions[transition_index(previous, next)] as f32
    }
}

/// Where the weight of `previous → next` lives in a transition table.
pub fn transition_index(previous: Option<Tag>, next: Tag) -> usize {
    previous.unwrap_or(START_ROW) * TAG_COUNT + next
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gazetteer::Gazetteer;
    use crate::tags::{decode, encode, EntityKind, TokenSpan};
    use crate::tokenize::tokenize;

    const BUCKETS: u8 = 16;

    /// A toy problem a linear tagger can separate: capitalised words after `met` are people,
    /// capitalised words after `in` are places.
    #[test]
    fn learns_a_small_separable_problem() {
        let lines = [
            ("we met Ada in Paris", 2, 4),
            ("they met Bo in Lima", 2, 4),
            ("I met Cy in Oslo", 2, 4),
            ("you met Di in Rome", 2, 4),
        ];
        let examples: Vec<_> = lines
            .iter()
            .map(|&(text, person, place)| {
                let sentences = tokenize(text);
                let features =
                    crate::features::document_features(&sentences, &Gazetteer::default(), BUCKETS);
                let spans = [
                    TokenSpan {
                        start: person,
                        end: person + 1,
                        kind: EntityKind::Person,
                    },
                    TokenSpan {
                        start: place,
                        end: place + 1,
                        kind: EntityKind::Location,
                    },
                ];
                (
                    features.into_iter().next().unwrap_or_default(),
                    encode(5, &spans),
                )
            })
            .collect();
        let mut trainer = Trainer::new(BUCKETS);
        let mut last_errors = usize::MAX;
        for _ in 0..10 {
            last_errors = examples
                .iter()
                .map(|(features, gold)| trainer.learn(features, gold))
                .sum();
        }
        assert_eq!(last_errors, 0, "the perceptron converges on separable data");

        let unseen = crate::features::document_features(
            &tokenize("he met Ed in Kyiv"),
            &Gazetteer::default(),
            BUCKETS,
        );
        let spans = decode(&viterbi(&trainer, &unseen[0]));
        assert_eq!(
            spans,
            [
                TokenSpan {
                    start: 2,
                    end: 3,
                    kind: EntityKind::Person
                },
                TokenSpan {
                    start: 4,
                    end: 5,
                    kind: EntityKind::Location
                },
            ]
        );
    }

    #[test]
    fn the_average_is_over_the_weights_after_each_example() {
        // An update during the first of four examples holds for all four: average 1.
        let mut early = Trainer::new(4);
        early.bump_emission(0, 1);
        early.step += 4;
        assert!((early.averaged().0[0] - 1.0).abs() < 1e-6);
        // During the last of four, it holds for one: average 1/4.
        let mut late = Trainer::new(4);
        late.step = 3;
        late.bump_emission(0, 1);
        late.step += 1;
        assert!((late.averaged().0[0] - 0.25).abs() < 1e-6);
    }
}

//! A trained model and what it finds in text.

use crate::features::document_features;
use crate::gazetteer::Gazetteer;
use crate::perceptron::{transition_index, viterbi, Scorer};
use crate::tags::{decode, EntityKind, TAG_COUNT};
use crate::tokenize::tokenize;

/// A name found in text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entity {
    pub kind: EntityKind,
    /// Offset of the first character, in Unicode code points.
    pub start: usize,
    /// Offset just past the last character, in code points.
    pub end: usize,
    /// The text of the name as written, `text[start..end]` in code points.
    pub text: String,
}

/// Marks a bucket that no stored row belongs to.
pub(crate) const NO_ROW: u32 = u32::MAX;

/// The weights, the gazetteer and a note of what the model was trained on.
///
/// Emission weights are stored as `i16` times one `scale`: only the buckets that some
/// feature of the training data reached have a row, and `row_of_bucket` finds it in O(1).
#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    pub(crate) log2_buckets: u8,
    pub(crate) row_of_bucket: Vec<u32>,
    pub(crate) rows: Vec<i16>,
    pub(crate) scale: f32,
    pub(crate) transitions: Vec<f32>,
    pub(crate) gazetteer: Gazetteer,
    pub(crate) provenance: String,
}

impl Model {
    /// Quantises averaged weights (emissions by bucket then tag) into a model.
    pub(crate) fn from_weights(
        log2_buckets: u8,
        emissions: &[f32],
        transitions: Vec<f32>,
        gazetteer: Gazetteer,
        provenance: String,
    ) -> Model {
        let largest = emissions.iter().fold(0.0f32, |m, w| m.max(w.abs()));
        let scale = if largest > 0.0 {
            largest / f32::from(i16::MAX)
        } else {
            1.0
        };
        let mut row_of_bucket = vec![NO_ROW; 1 << log2_buckets];
        let mut rows = Vec::new();
        for (bucket, weights) in emissions.chunks_exact(TAG_COUNT).enumerate() {
            // |w / scale| ≤ i16::MAX by the choice of scale.
            let quantised: Vec<i16> = weights.iter().map(|w| (w / scale).round() as i16).collect();
            if quantised.iter().any(|&q| q != 0) {
                row_of_bucket[bucket] = (rows.len() / TAG_COUNT) as u32;
                rows.extend(quantised);
            }
        }
        Model {
            log2_buckets,
            row_of_bucket,
            rows,
            scale,
            transitions,
            gazetteer,
            provenance,
        }
    }

    /// Every name in `text`, in order, not overlapping. Offsets are code points.
    ///
    /// The whole text is read as one document: how a word is written elsewhere in it is one
    /// of the features, so pass an article at once rather than sentence by sentence.
    pub fn recognise(&self, text: &str) -> Vec<Entity> {
        let sentences = tokenize(text);
        let features = document_features(&sentences, &self.gazetteer, self.log2_buckets);
        let mut entities = Vec::new();
        for (tokens, sentence) in sentences.iter().zip(&features) {
            for span in decode(&viterbi(self, sentence)) {
                let names = &tokens[span.start..span.end];
                if !names
                    .iter()
                    .any(|t| t.text.chars().any(char::is_alphanumeric))
                {
                    // A lone `&` or `!`: nothing a name is made of. Rare, and only in text
                    // unlike the training data (social-media quotes).
                    continue;
                }
                let (first, last) = (tokens[span.start], tokens[span.end - 1]);
                let byte_end = last.byte_start + last.text.len();
                entities.push(Entity {
                    kind: span.kind,
                    start: first.start,
                    end: last.end,
                    text: text[first.byte_start..byte_end].to_string(),
                });
            }
        }
        entities
    }

    /// What the model was trained on and how, as the trainer wrote it.
    pub fn provenance(&self) -> &str {
        &self.provenance
    }

    /// Number of stored weight rows (feature buckets that carry weight).
    pub fn stored_rows(&self) -> usize {
        self.rows.len() / TAG_COUNT
    }

    /// Number of gazetteer keys (each phrase has an exact and a case-folded key).
    pub fn gazetteer_keys(&self) -> usize {
        self.gazetteer.len()
    }
}

impl Scorer for Model {
    fn add_emissions(&self, buckets: &[u32], out: &mut [f32; TAG_COUNT]) {
        let mut sums = [0i32; TAG_COUNT];
        for &bucket in buckets {
            let row = self
                .row_of_bucket
                .get(bucket as usize)
                .copied()
                .unwrap_or(NO_ROW);
            if row == NO_ROW {
                continue;
            }
            let from = row as usize * TAG_COUNT;
            for (sum, &weight) in sums.iter_mut().zip(&self.rows[from..from + TAG_COUNT]) {
                *sum += i32::from(weight);
            }
        }
        for (slot, sum) in out.iter_mut().zip(sums) {
            *slot += sum as f32 * self.scale;
        }
    }

    fn transition(&self, previous: Option<usize>, next: usize) -> f32 {
        self.transitions
            .get(transition_index(previous, next))
            .copied()
            .unwrap_or(0.0)
    }
}

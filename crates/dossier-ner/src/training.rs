//! Training a model from documents with gold entity spans. Pure: documents in, model out;
//! the `dossier-train-ner` binary reads the files.

use std::borrow::Cow;
use std::collections::HashMap;

use crate::augment::title_case_lines;
use crate::features::{document_features, normalise_punctuation, SentenceFeatures};
use crate::gazetteer::Gazetteer;
use crate::model::Model;
use crate::perceptron::Trainer;
use crate::tags::{encode, EntityKind, Tag, TokenSpan};
use crate::tokenize::{tokenize, Token};

/// A gold entity: a kind and a span of code points, end exclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct GoldSpan {
    pub kind: EntityKind,
    pub start: usize,
    pub end: usize,
}

/// A text and the entities in it. Spans may nest or overlap; training keeps the outermost.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnnotatedDocument {
    pub text: String,
    pub entities: Vec<GoldSpan>,
}

/// The knobs of a training run. Every run with the same options and documents gives the
/// same model, byte for byte.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrainingOptions {
    /// Passes over the training sentences. On CoNLL-2003 validation the averaged perceptron
    /// levels off after five to ten and slowly loses a little after that.
    pub epochs: usize,
    /// Seeds the shuffle of the sentences before every pass.
    pub seed: u64,
    /// The weight table has `2^log2_buckets` rows of [`crate::tags::TAG_COUNT`] weights,
    /// [`MIN_LOG2_BUCKETS`]`..=`[`MAX_LOG2_BUCKETS`]. More rows mean fewer hash collisions;
    /// only rows that training reaches are stored, so the file grows slowly with it. On
    /// CoNLL-2003, 2^18 scores as well as 2^22.
    pub log2_buckets: u8,
    /// The gazetteer features of a training document come from a gazetteer built from the
    /// other folds, so that they are as unreliable in training as on new text. At least 2;
    /// 5 is usual for such jackknifing.
    pub gazetteer_folds: usize,
}

/// One training document in this many has its first line (a headline, in CoNLL-2003)
/// rewritten in title case (see `augment.rs`); the others keep CoNLL-2003's capitals and
/// sentence-case headlines. Every document of more than one line also has one other line
/// rewritten, a different one from document to document, so that the tagger sees title case
/// over many more names, with the rest of the document around them as in a real article.
const TITLE_CASE_EVERY: usize = 2;

/// The smallest weight table: below 2^8 rows nearly every feature collides.
pub const MIN_LOG2_BUCKETS: u8 = 8;

/// The largest weight table a model may have: its bucket index alone takes 4 bytes a row,
/// 64 MiB at 2^24, which is as much as a model loader should be asked to allocate.
pub const MAX_LOG2_BUCKETS: u8 = 24;

/// Options that cannot make a model.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum TrainingError {
    #[error("log2_buckets must be from {MIN_LOG2_BUCKETS} to {MAX_LOG2_BUCKETS}, not {0}")]
    Buckets(u8),
    #[error("gazetteer_folds must be at least 2, not {0}")]
    GazetteerFolds(usize),
}

impl Default for TrainingOptions {
    fn default() -> TrainingOptions {
        TrainingOptions {
            epochs: 10,
            seed: 2003,
            log2_buckets: 18,
            gazetteer_folds: 5,
        }
    }
}

/// What happened to the gold spans on the way to tags.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AlignmentReport {
    pub sentences: usize,
    pub tokens: usize,
    /// Spans that start and end on token boundaries within one sentence.
    pub aligned: usize,
    /// Spans whose edges fall inside a token or that cross a sentence break; left out.
    pub misaligned: usize,
    /// Spans inside or overlapping a longer one, or a second kind for the same span; left out.
    pub nested: usize,
}

/// One finished pass over the data.
pub struct Epoch<'a> {
    /// Counting from 1.
    pub number: usize,
    /// Tokens the tagger got wrong during the pass, before each update.
    pub wrong_tokens: usize,
    trainer: &'a Trainer,
    snapshot: &'a dyn Fn(&Trainer) -> Model,
}

impl Epoch<'_> {
    /// The model as it would be if training stopped here (averaged weights).
    pub fn model(&self) -> Model {
        (self.snapshot)(self.trainer)
    }
}

/// A sentence ready for training: its features and gold tags.
struct Example {
    features: SentenceFeatures,
    tags: Vec<Tag>,
}

/// Trains a model. `provenance` is stored in it verbatim; `on_epoch` sees every pass.
pub fn train(
    documents: &[AnnotatedDocument],
    options: &TrainingOptions,
    provenance: &str,
    mut on_epoch: impl FnMut(&Epoch<'_>),
) -> Result<(Model, AlignmentReport), TrainingError> {
    if !(MIN_LOG2_BUCKETS..=MAX_LOG2_BUCKETS).contains(&options.log2_buckets) {
        return Err(TrainingError::Buckets(options.log2_buckets));
    }
    if options.gazetteer_folds < 2 {
        return Err(TrainingError::GazetteerFolds(options.gazetteer_folds));
    }
    let mut report = AlignmentReport::default();
    let titled: Vec<AnnotatedDocument> = documents
        .iter()
        .enumerate()
        .map(|(index, document)| {
            let line_count = document.text.split('\n').count();
            let mut lines = Vec::new();
            if index % TITLE_CASE_EVERY == 0 {
                lines.push(0);
            }
            if line_count > 1 {
                lines.push(1 + index % (line_count - 1));
            }
            title_case_lines(document, &lines)
        })
        .collect();
    let aligned: Vec<AlignedDocument<'_>> = titled
        .iter()
        .map(|document| align(document, &mut report))
        .collect();

    let folds = options.gazetteer_folds;
    let mut examples = Vec::new();
    for fold in 0..folds {
        let held_in = aligned
            .iter()
            .enumerate()
            .filter(|(i, _)| i % folds != fold);
        let gazetteer = build_gazetteer(held_in.map(|(_, d)| d));
        for document in aligned.iter().skip(fold).step_by(folds) {
            let features = document_features(&document.sentences, &gazetteer, options.log2_buckets);
            for (features, spans) in features.into_iter().zip(&document.spans) {
                let tags = encode(features.len(), spans);
                examples.push(Example { features, tags });
            }
        }
    }
    let gazetteer = build_gazetteer(aligned.iter());

    let mut trainer = Trainer::new(options.log2_buckets);
    let snapshot = |trainer: &Trainer| {
        let (emissions, transitions) = trainer.averaged();
        Model::from_weights(
            options.log2_buckets,
            &emissions,
            transitions,
            gazetteer.clone(),
            provenance.to_string(),
        )
    };
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut random = SplitMix64(options.seed);
    for number in 1..=options.epochs {
        random.shuffle(&mut order);
        let wrong_tokens = order
            .iter()
            .map(|&i| trainer.learn(&examples[i].features, &examples[i].tags))
            .sum();
        on_epoch(&Epoch {
            number,
            wrong_tokens,
            trainer: &trainer,
            snapshot: &snapshot,
        });
    }
    Ok((snapshot(&trainer), report))
}

/// A document cut into sentences, with its gold spans as token spans per sentence.
struct AlignedDocument<'a> {
    sentences: Vec<Vec<Token<'a>>>,
    spans: Vec<Vec<TokenSpan>>,
}

fn align<'a>(document: &'a AnnotatedDocument, report: &mut AlignmentReport) -> AlignedDocument<'a> {
    let sentences = tokenize(&document.text);
    let mut starts = HashMap::new();
    let mut ends = HashMap::new();
    for (s, sentence) in sentences.iter().enumerate() {
        for (t, token) in sentence.iter().enumerate() {
            starts.insert(token.start, (s, t));
            ends.insert(token.end, (s, t));
        }
        report.tokens += sentence.len();
    }
    report.sentences += sentences.len();

    let mut gold = document.entities.clone();
    // Outermost first: earlier start, then longer.
    gold.sort_by_key(|span| (span.start, std::cmp::Reverse(span.end), span.kind));
    let before = gold.len();
    gold.dedup_by_key(|span| (span.start, span.end));
    report.nested += before - gold.len();
    let mut spans = vec![Vec::new(); sentences.len()];
    let mut covered_to = 0;
    for span in gold {
        if span.start < covered_to {
            report.nested += 1;
            continue;
        }
        match (starts.get(&span.start), ends.get(&span.end)) {
            (Some(&(s, first)), Some(&(s_end, last))) if s == s_end && first <= last => {
                spans[s].push(TokenSpan {
                    start: first,
                    end: last + 1,
                    kind: span.kind,
                });
                report.aligned += 1;
                covered_to = span.end;
            }
            _ => report.misaligned += 1,
        }
    }
    AlignedDocument { sentences, spans }
}

fn build_gazetteer<'a>(documents: impl Iterator<Item = &'a AlignedDocument<'a>>) -> Gazetteer {
    let mut phrases: Vec<(Vec<Cow<'_, str>>, EntityKind)> = Vec::new();
    for document in documents {
        for (sentence, spans) in document.sentences.iter().zip(&document.spans) {
            for span in spans {
                let words = sentence[span.start..span.end]
                    .iter()
                    .map(|t| normalise_punctuation(t.text))
                    .collect();
                phrases.push((words, span.kind));
            }
        }
    }
    let phrases: Vec<(Vec<&str>, EntityKind)> = phrases
        .iter()
        .map(|(words, kind)| (words.iter().map(AsRef::as_ref).collect(), *kind))
        .collect();
    Gazetteer::build(
        phrases
            .iter()
            .map(|(words, kind)| (words.as_slice(), *kind)),
    )
}

/// SplitMix64 (Steele, Lea & Flood 2014): a tiny, well-mixed generator that makes the
/// shuffle the same on every platform.
struct SplitMix64(u64);

impl SplitMix64 {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        crate::hashing::mix(self.0)
    }

    /// Fisher–Yates.
    fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            // i + 1 ≤ usize::MAX; the modulo bias is below 2^-40 for any slice that fits.
            let j = (self.next() % (i as u64 + 1)) as usize;
            items.swap(i, j);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn document(text: &str, entities: &[(EntityKind, usize, usize)]) -> AnnotatedDocument {
        AnnotatedDocument {
            text: text.into(),
            entities: entities
                .iter()
                .map(|&(kind, start, end)| GoldSpan { kind, start, end })
                .collect(),
        }
    }

    #[test]
    fn gold_spans_align_to_tokens_and_nested_ones_are_dropped() {
        let doc = document(
            "The Members of the Regional Council met in Kyiv.",
            &[
                (EntityKind::Organisation, 0, 35),
                (EntityKind::Organisation, 19, 35),
                (EntityKind::Location, 43, 47),
                (EntityKind::Person, 44, 46),
            ],
        );
        let mut report = AlignmentReport::default();
        let aligned = align(&doc, &mut report);
        assert_eq!(
            (report.aligned, report.nested, report.misaligned),
            (2, 2, 0)
        );
        assert_eq!(
            aligned.spans[0],
            [
                TokenSpan {
                    start: 0,
                    end: 6,
                    kind: EntityKind::Organisation
                },
                TokenSpan {
                    start: 8,
                    end: 9,
                    kind: EntityKind::Location
                },
            ]
        );
        let partial = document("Kyivans cheered.", &[(EntityKind::Location, 0, 4)]);
        align(&partial, &mut report);
        assert_eq!(report.misaligned, 1);
    }

    #[test]
    fn training_is_reproducible() {
        let docs = [
            document(
                "Ada Okafor flew to Lagos.",
                &[(EntityKind::Person, 0, 10), (EntityKind::Location, 19, 24)],
            ),
            document(
                "Bo Lindqvist drove to Oslo.",
                &[(EntityKind::Person, 0, 12), (EntityKind::Location, 22, 26)],
            ),
        ];
        let options = TrainingOptions {
            epochs: 3,
            log2_buckets: 12,
            gazetteer_folds: 2,
            ..TrainingOptions::default()
        };
        let (a, _) = train(&docs, &options, "test", |_| {}).expect("valid options");
        let (b, _) = train(&docs, &options, "test", |_| {}).expect("valid options");
        assert_eq!(a.to_bytes(), b.to_bytes());
        let too_big = TrainingOptions {
            log2_buckets: MAX_LOG2_BUCKETS + 1,
            ..options.clone()
        };
        assert_eq!(
            train(&docs, &too_big, "", |_| {}).err(),
            Some(TrainingError::Buckets(25))
        );
        let one_fold = TrainingOptions {
            gazetteer_folds: 1,
            ..options
        };
        assert_eq!(
            train(&docs, &one_fold, "", |_| {}).err(),
            Some(TrainingError::GazetteerFolds(1))
        );
    }

    #[test]
    fn the_shuffle_is_a_permutation_fixed_by_the_seed() {
        let mut items: Vec<u32> = (0..50).collect();
        SplitMix64(7).shuffle(&mut items);
        let mut again: Vec<u32> = (0..50).collect();
        SplitMix64(7).shuffle(&mut again);
        assert_eq!(items, again);
        assert_ne!(items, (0..50).collect::<Vec<_>>());
        items.sort_unstable();
        assert_eq!(items, (0..50).collect::<Vec<_>>());
    }
}

//! Named-entity recognition for English news: people (PER), organisations (ORG), places
//! (LOC) and other names (MISC) in raw text, with offsets in Unicode code points.
//!
//! The tagger is an averaged structured perceptron over BILOU tags with Viterbi decoding,
//! trained in this crate on CoNLL-2003 and part of re3d (`cargo xtask train-ner`; see
//! `data/ner/PROVENANCE.md` for the data, the run and the scores).
//! Pure: no I/O. Load a model from bytes, then ask it for the names in a text.
//!
//! ```
//! use dossier_ner::{train, AnnotatedDocument, EntityKind, GoldSpan, Model, TrainingOptions};
//!
//! let documents = vec![AnnotatedDocument {
//!     text: "Ada Okafor flew to Lagos.".into(),
//!     entities: vec![
//!         GoldSpan { kind: EntityKind::Person, start: 0, end: 10 },
//!         GoldSpan { kind: EntityKind::Location, start: 19, end: 24 },
//!     ],
//! }];
//! let options = TrainingOptions { epochs: 5, log2_buckets: 12, ..TrainingOptions::default() };
//! let (model, _) = train(&documents, &options, "a doctest", |_| {})?;
//! let model = Model::from_bytes(&model.to_bytes())?;
//! let found = model.recognise("Ada Okafor flew to Lagos.");
//! assert_eq!(found[1].text, "Lagos");
//! assert_eq!((found[1].kind, found[1].start, found[1].end), (EntityKind::Location, 19, 24));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! The parts, in the order text flows through them: [`tokenize()`](tokenize::tokenize)
//! (Penn-Treebank-style tokens, as CoNLL-2003 has them), `features.rs` (hashed observation
//! features) with `document_context.rs` (what the rest of the document says about a word)
//! and `gazetteer.rs` (names seen in training), `perceptron.rs` (scoring, Viterbi,
//! learning), `tags.rs` (BILOU), `model.rs` and `model_format.rs` (the weights and their
//! file). Training: `training.rs`, with [`augment`] (title-case headlines); scoring:
//! `evaluate.rs`. The binaries `dossier-train-ner` and `dossier-eval-ner` read the data.

pub mod augment;
mod document_context;
mod error;
mod evaluate;
mod features;
mod gazetteer;
mod hashing;
mod model;
mod model_format;
mod perceptron;
mod tags;
pub mod tokenize;
mod training;

pub use augment::title_case_first_line;
pub use error::Error;
pub use evaluate::{Counts, Scores};
pub use model::{Entity, Model};
pub use model_format::FORMAT_VERSION;
pub use tags::EntityKind;
pub use tokenize::tokenize;
pub use training::{
    train, AlignmentReport, AnnotatedDocument, Epoch, GoldSpan, TrainingError, TrainingOptions,
    MAX_LOG2_BUCKETS, MIN_LOG2_BUCKETS,
};

//! Reading the gold NER files (`../shared/data/ner/*.jsonl.gz`) into annotated documents.
//! Shared by the trainer and the evaluator; the only place that reads those files.

use std::fs::File;
use std::io::{BufRead, BufReader};
use std::path::Path;

use anyhow::{bail, Context, Result};
use dossier_ner::{AnnotatedDocument, EntityKind, GoldSpan};
use flate2::read::MultiGzDecoder;
use serde::Deserialize;

/// Where the data lives, relative to the workspace root (see ../shared/data/README.md).
pub const CONLL_VALID: &str = "../shared/data/ner/conll2003-valid.jsonl.gz";
pub const RE3D: &str = "../shared/data/ner/re3d.jsonl.gz";

/// re3d is split by document: with its ids sorted, every third document (indexes 0, 3,
/// 6, …) is held out for evaluation and never trained on. Fixed, so that every run and
/// every report uses the same held-out third.
pub const RE3D_HELD_OUT_EVERY: usize = 3;

/// Written into the provenance of a model trained on re3d's training split, so that the
/// evaluator knows not to score it on all of re3d.
pub const RE3D_TRAINING_MARK: &str = "re3d training split";

#[derive(Deserialize)]
struct Record {
    id: String,
    text: String,
    entities: Vec<RecordEntity>,
    /// re3d's per-document licence; CoNLL-2003 records have none.
    #[serde(default)]
    licence: Option<String>,
}

#[derive(Deserialize)]
struct RecordEntity {
    #[serde(rename = "type")]
    kind: String,
    start: usize,
    end: usize,
}

/// One gold document, its id and its licence if the file gives one.
#[derive(Clone)]
pub struct GoldDocument {
    pub id: String,
    pub licence: Option<String>,
    pub document: AnnotatedDocument,
}

/// How a file's entity types become [`EntityKind`]s; types mapped to `None` are dropped.
pub type KindMap = fn(&str) -> Option<EntityKind>;

/// CoNLL-2003 types are already PER, ORG, LOC, MISC.
pub fn conll_kind(label: &str) -> Option<EntityKind> {
    EntityKind::from_label(label)
}

/// re3d's three types that correspond to CoNLL-2003's. Its other eleven (Nationality,
/// Temporal, Weapon, …) are not scored.
pub fn re3d_kind(label: &str) -> Option<EntityKind> {
    match label {
        "Person" => Some(EntityKind::Person),
        "Organisation" => Some(EntityKind::Organisation),
        "Location" => Some(EntityKind::Location),
        _ => None,
    }
}

/// Gold read from one file, and how many of its spans were unusable.
pub struct GoldFile {
    pub documents: Vec<GoldDocument>,
    /// Spans that are empty, blank or outside their text (re3d has three blank ones).
    pub unusable_spans: usize,
}

/// Reads a `.jsonl.gz` gold file. Entities of types `kinds` does not map are dropped.
pub fn read_gold(path: &Path, kinds: KindMap) -> Result<GoldFile> {
    let file = File::open(path).with_context(|| format!("cannot open {}", path.display()))?;
    let reader = BufReader::new(MultiGzDecoder::new(file));
    let mut documents = Vec::new();
    let mut unusable_spans = 0;
    for (index, line) in reader.lines().enumerate() {
        let line_number = index + 1;
        let line =
            line.with_context(|| format!("{}:{line_number}: cannot read", path.display()))?;
        if line.trim().is_empty() {
            continue;
        }
        let record: Record = serde_json::from_str(&line).with_context(|| {
            format!(
                "{}:{line_number}: not a gold record ({{\"id\", \"text\", \"entities\": [{{\"type\", \"start\", \"end\"}}]}})",
                path.display()
            )
        })?;
        let chars: Vec<char> = record.text.chars().collect();
        let mut entities = Vec::new();
        for entity in &record.entities {
            let Some(kind) = kinds(&entity.kind) else {
                continue;
            };
            let inside = entity.start < entity.end && entity.end <= chars.len();
            if !inside
                || chars[entity.start..entity.end]
                    .iter()
                    .all(|c| c.is_whitespace())
            {
                unusable_spans += 1;
                continue;
            }
            entities.push(GoldSpan {
                kind,
                start: entity.start,
                end: entity.end,
            });
        }
        documents.push(GoldDocument {
            id: record.id,
            licence: record.licence,
            document: AnnotatedDocument {
                text: record.text,
                entities,
            },
        });
    }
    if documents.is_empty() {
        bail!("{} holds no documents", path.display());
    }
    Ok(GoldFile {
        documents,
        unusable_spans,
    })
}

/// re3d's documents split into (training, held out) by [`RE3D_HELD_OUT_EVERY`].
pub fn split_re3d(mut documents: Vec<GoldDocument>) -> (Vec<GoldDocument>, Vec<GoldDocument>) {
    documents.sort_by(|a, b| a.id.cmp(&b.id));
    let (mut training, mut held_out) = (Vec::new(), Vec::new());
    for (index, document) in documents.into_iter().enumerate() {
        if index % RE3D_HELD_OUT_EVERY == 0 {
            held_out.push(document);
        } else {
            training.push(document);
        }
    }
    (training, held_out)
}

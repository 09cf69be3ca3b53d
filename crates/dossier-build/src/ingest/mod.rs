//! Ingest: a corpus folder (or one file) in, documents out, with every file and record either
//! kept or listed in the build report with its reason.
//!
//! | file            | documents                                                      |
//! |-----------------|----------------------------------------------------------------|
//! | `.txt`          | one; title from a headline first line (see [`title`])           |
//! | `.md`           | one; optional YAML front matter (see [`markdown`])              |
//! | `.jsonl[.gz]`   | one per line (see [`jsonl`])                                    |
//!
//! Ids are the path relative to the corpus root for files and the record's id for JSONL, so
//! they stay the same from build to build. Two documents with one id fail the build, naming
//! both places.

mod decode;
pub mod jsonl;
pub mod markdown;
pub mod title;

use std::collections::HashMap;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use dossier_core::Document;

use crate::report::BuildReport;

/// The collection's own settings file at the corpus root; never ingested as a document.
pub const CONFIG_FILE: &str = "dossier.toml";

/// Why ingest stopped. Each names the file (and line and column, where there is one).
#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    #[error("{path}: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}:{line}:{column}: malformed JSON: {message}")]
    MalformedJson {
        path: String,
        line: usize,
        column: usize,
        message: String,
    },
    #[error("{path}:{line}: {message}")]
    InvalidRecord {
        path: String,
        line: usize,
        message: String,
    },
    #[error("{path}:{line}:{column}: malformed front matter: {message}")]
    MalformedFrontMatter {
        path: String,
        line: usize,
        column: usize,
        message: String,
    },
    #[error("duplicate document id {id:?}: first at {first}, again at {second}")]
    DuplicateId {
        id: String,
        first: String,
        second: String,
    },
    #[error("{path}: corpus path does not exist")]
    NotFound { path: String },
}

/// A document and where it came from (`path` or `path:line`), for error messages.
#[derive(Debug, Clone)]
pub struct IngestedDocument {
    pub document: Document,
    pub place: String,
}

/// Reads every document under `corpus` (a folder, walked recursively in name order, or one
/// file). Problems that lose nothing (an empty file, a non-UTF-8 file) go into `report`;
/// problems that would lose or confuse data stop ingest with an error naming the place.
pub fn ingest_corpus(
    corpus: &Path,
    report: &mut BuildReport,
) -> Result<Vec<IngestedDocument>, IngestError> {
    if !corpus.exists() {
        return Err(IngestError::NotFound {
            path: corpus.display().to_string(),
        });
    }
    let (root, files) = if corpus.is_file() {
        let root = corpus.parent().map(Path::to_path_buf).unwrap_or_default();
        (root, vec![corpus.to_path_buf()])
    } else {
        (corpus.to_path_buf(), list_files(corpus, report)?)
    };

    let mut documents = Vec::new();
    for path in files {
        let relative = relative_id(&root, &path);
        match FileKind::of(&path) {
            Some(kind) => {
                let before = documents.len();
                read_file(&path, &relative, kind, report, &mut documents)?;
                if documents.len() > before || kind == FileKind::Jsonl {
                    report.files += 1;
                }
            }
            None if is_config(&root, &path) => {}
            None => report.skip(
                relative,
                "unsupported file type; Dossier reads .txt, .md, .jsonl and .jsonl.gz",
            ),
        }
    }
    check_unique_ids(&documents)?;
    report.documents = documents.len();
    Ok(documents)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum FileKind {
    Text,
    Markdown,
    Jsonl,
}

impl FileKind {
    fn of(path: &Path) -> Option<FileKind> {
        let name = path.file_name()?.to_string_lossy().to_lowercase();
        if name.ends_with(".jsonl") || name.ends_with(".jsonl.gz") {
            Some(FileKind::Jsonl)
        } else if name.ends_with(".txt") {
            Some(FileKind::Text)
        } else if name.ends_with(".md") || name.ends_with(".markdown") {
            Some(FileKind::Markdown)
        } else {
            None
        }
    }
}

fn is_config(root: &Path, path: &Path) -> bool {
    path.parent() == Some(root) && path.file_name().is_some_and(|n| n == CONFIG_FILE)
}

fn list_files(root: &Path, report: &mut BuildReport) -> Result<Vec<PathBuf>, IngestError> {
    let mut files = Vec::new();
    let walker = walkdir::WalkDir::new(root)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter();
    let mut walker = walker;
    while let Some(entry) = walker.next() {
        let entry = match entry {
            Ok(entry) => entry,
            Err(error) => {
                let place = error
                    .path()
                    .map(|p| relative_id(root, p))
                    .unwrap_or_else(|| root.display().to_string());
                report.skip(place, format!("could not be read: {error}"));
                continue;
            }
        };
        let hidden = entry.depth() > 0 && entry.file_name().to_string_lossy().starts_with('.');
        if entry.file_type().is_dir() {
            if hidden {
                report.skip(relative_id(root, entry.path()), "hidden folder");
                walker.skip_current_dir();
            }
            continue;
        }
        if hidden {
            report.skip(relative_id(root, entry.path()), "hidden file");
            continue;
        }
        files.push(entry.into_path());
    }
    Ok(files)
}

/// The path relative to the corpus root with `/` separators: the same id on every system.
fn relative_id(root: &Path, path: &Path) -> String {
    let relative = path.strip_prefix(root).unwrap_or(path);
    relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

fn read_file(
    path: &Path,
    relative: &str,
    kind: FileKind,
    report: &mut BuildReport,
    documents: &mut Vec<IngestedDocument>,
) -> Result<(), IngestError> {
    let io_error = |source| IngestError::Io {
        path: relative.to_owned(),
        source,
    };
    let mut bytes = fs::read(path).map_err(io_error)?;
    if relative.to_lowercase().ends_with(".gz") {
        let mut inflated = Vec::new();
        flate2::read::MultiGzDecoder::new(bytes.as_slice())
            .read_to_end(&mut inflated)
            .map_err(io_error)?;
        bytes = inflated;
    }
    let text = decode::decode_text(&bytes, relative, report);
    if text.trim().is_empty() {
        report.skip(relative, "empty file");
        return Ok(());
    }
    match kind {
        FileKind::Jsonl => jsonl::read_records(&text, relative, report, documents),
        FileKind::Markdown => {
            let document = markdown::read_markdown(&text, relative)?;
            documents.push(IngestedDocument {
                document,
                place: relative.to_owned(),
            });
            Ok(())
        }
        FileKind::Text => {
            let titled = title::split_title(&text);
            documents.push(IngestedDocument {
                document: Document {
                    id: relative.to_owned(),
                    title: titled.title,
                    text: titled.body,
                    date: titled.date.unwrap_or_default(),
                    ..Document::default()
                },
                place: relative.to_owned(),
            });
            Ok(())
        }
    }
}

fn check_unique_ids(documents: &[IngestedDocument]) -> Result<(), IngestError> {
    let mut seen: HashMap<&str, &str> = HashMap::with_capacity(documents.len());
    for doc in documents {
        if let Some(first) = seen.insert(&doc.document.id, &doc.place) {
            return Err(IngestError::DuplicateId {
                id: doc.document.id.clone(),
                first: first.to_owned(),
                second: doc.place.clone(),
            });
        }
    }
    Ok(())
}

//! `dossier.toml` at the corpus root: what the collection is called and what it is about, and
//! the curator's corrections to the entities (see [`crate::curation`]).

use std::path::Path;

use dossier_core::CollectionInfo;
use serde::Deserialize;
use toml::Spanned;

use crate::curation::{Hide, Merge, Rename, RuleError, RuleOutcome, Rules, Split, Tag};

/// Why the collection settings could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("{path}: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}:{line}:{column}: {message}")]
    Invalid {
        path: String,
        line: usize,
        column: usize,
        message: String,
    },
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct CollectionFile {
    title: Option<String>,
    description: Option<String>,
    #[serde(default)]
    rename: Vec<Spanned<Rename>>,
    #[serde(default)]
    merge: Vec<Spanned<Merge>>,
    #[serde(default)]
    split: Vec<Spanned<Split>>,
    #[serde(default)]
    hide: Vec<Spanned<Hide>>,
    #[serde(default)]
    tag: Vec<Spanned<Tag>>,
}

/// A corpus's settings: its collection info and curation rules, and where they came from.
#[derive(Debug, Default)]
pub struct CorpusConfig {
    pub collection: CollectionInfo,
    pub rules: Rules,
    /// The settings file and its text, for placing errors; empty without a file.
    path: String,
    text: String,
}

impl CorpusConfig {
    /// A rule's failure as an error at its line in the settings file.
    pub fn rule_error(&self, error: RuleError) -> ConfigError {
        let (line, column) = line_and_column(&self.text, error.offset);
        ConfigError::Invalid {
            path: self.path.clone(),
            line,
            column,
            message: error.message,
        }
    }

    /// A rule's outcome as a report line: `dossier.toml:LINE: what it did`.
    pub fn describe(&self, outcome: &RuleOutcome) -> String {
        let (line, _) = line_and_column(&self.text, outcome.offset);
        format!("{}:{line}: {}", self.path, outcome.message)
    }
}

/// Reads `<corpus>/dossier.toml`'s collection info (see [`read_config`]).
pub fn read_collection_info(corpus: &Path) -> Result<CollectionInfo, ConfigError> {
    Ok(read_config(corpus)?.collection)
}

/// Reads `<corpus>/dossier.toml` if there is one. Without it, the collection is named after
/// its folder (or file), has no description and no curation rules.
pub fn read_config(corpus: &Path) -> Result<CorpusConfig, ConfigError> {
    let fallback_title = corpus
        .file_stem()
        .map(|s| s.to_string_lossy().trim_end_matches(".jsonl").to_owned())
        .unwrap_or_else(|| "Dossier".to_owned());
    let config_path = corpus.join(crate::ingest::CONFIG_FILE);
    if !corpus.is_dir() || !config_path.exists() {
        return Ok(CorpusConfig {
            collection: CollectionInfo {
                title: fallback_title,
                description: String::new(),
            },
            ..CorpusConfig::default()
        });
    }
    let display = config_path.display().to_string();
    let text = std::fs::read_to_string(&config_path).map_err(|source| ConfigError::Io {
        path: display.clone(),
        source,
    })?;
    let parsed: CollectionFile = toml::from_str(&text).map_err(|error| {
        let (line, column) = error
            .span()
            .map(|span| line_and_column(&text, span.start))
            .unwrap_or((1, 1));
        ConfigError::Invalid {
            path: display.clone(),
            line,
            column,
            message: error.message().to_owned(),
        }
    })?;
    Ok(CorpusConfig {
        collection: CollectionInfo {
            title: parsed
                .title
                .map(|t| t.trim().to_owned())
                .filter(|t| !t.is_empty())
                .unwrap_or(fallback_title),
            description: parsed.description.unwrap_or_default().trim().to_owned(),
        },
        rules: Rules {
            rename: parsed.rename,
            merge: parsed.merge,
            split: parsed.split,
            hide: parsed.hide,
            tag: parsed.tag,
        },
        path: display,
        text,
    })
}

/// 1-based line and column (in characters) of a byte offset.
fn line_and_column(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

//! The three engines under test, each run as its own process over one collection: Dossier's
//! release CLI and the two npm peers through `eval/peers.mjs`. Every engine reads the same
//! files and prints a TREC run, so none is measured on a different footing.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};

/// Hits per query: enough for Recall@100.
pub const LIMIT: usize = 100;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Engine {
    Dossier,
    MiniSearch,
    Lunr,
}

impl Engine {
    pub const ALL: [Engine; 3] = [Engine::Dossier, Engine::MiniSearch, Engine::Lunr];

    pub fn name(self) -> &'static str {
        match self {
            Engine::Dossier => "Dossier",
            Engine::MiniSearch => "MiniSearch",
            Engine::Lunr => "Lunr",
        }
    }
}

/// One BEIR-layout collection folder.
#[derive(Debug, Clone)]
pub struct Collection {
    pub name: String,
    pub corpus: PathBuf,
    pub queries: PathBuf,
    pub qrels: PathBuf,
}

impl Collection {
    /// The folder as a collection, or `None` when it lacks one of the three files.
    pub fn at(folder: &Path) -> Option<Collection> {
        let collection = Collection {
            name: folder.file_name()?.to_string_lossy().into_owned(),
            corpus: folder.join("corpus.jsonl.gz"),
            queries: folder.join("queries.jsonl"),
            qrels: folder.join("qrels.tsv"),
        };
        [&collection.corpus, &collection.queries, &collection.qrels]
            .iter()
            .all(|f| f.is_file())
            .then_some(collection)
    }
}

/// Where the programs are: the `dossier` binary built beside this one, and the peers script.
pub struct Programs {
    pub dossier: PathBuf,
    pub peers_script: PathBuf,
}

/// A run's text and how long the process took, start to exit: reading the corpus, indexing it
/// and answering every query.
pub struct Timed {
    pub run: String,
    pub elapsed: Duration,
}

pub fn run_engine(engine: Engine, collection: &Collection, programs: &Programs) -> Result<Timed> {
    let mut command = match engine {
        Engine::Dossier => {
            let mut c = Command::new(&programs.dossier);
            c.arg("run")
                .arg(&collection.corpus)
                .arg("--queries")
                .arg(&collection.queries)
                .arg("--limit")
                .arg(LIMIT.to_string());
            c
        }
        Engine::MiniSearch | Engine::Lunr => {
            let mut c = Command::new("node");
            c.arg(&programs.peers_script)
                .arg(engine.name().to_lowercase())
                .arg(&collection.corpus)
                .arg(&collection.queries)
                .arg(LIMIT.to_string());
            // Bare `minisearch` and `lunr` imports resolve from the script's own node_modules.
            if let Some(folder) = programs.peers_script.parent() {
                c.current_dir(folder);
            }
            c
        }
    };
    let described = describe(&command);
    let started = Instant::now();
    let output = command
        .output()
        .with_context(|| format!("{}: cannot start {described}", collection.name))?;
    let elapsed = started.elapsed();
    let stderr = String::from_utf8_lossy(&output.stderr);
    if !output.status.success() {
        bail!(
            "{}: {} failed ({}): {described}\n{}",
            collection.name,
            engine.name(),
            output.status,
            stderr.trim_end()
        );
    }
    // Warnings (a skipped record, say) matter to the result, so they are shown, not dropped.
    for line in stderr.lines().filter(|l| !l.trim().is_empty()) {
        eprintln!("{} / {}: {line}", collection.name, engine.name());
    }
    let run = String::from_utf8(output.stdout).with_context(|| {
        format!(
            "{}: {} printed a run that is not UTF-8",
            collection.name,
            engine.name()
        )
    })?;
    Ok(Timed { run, elapsed })
}

fn describe(command: &Command) -> String {
    std::iter::once(command.get_program())
        .chain(command.get_args())
        .map(|a| a.to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join(" ")
}

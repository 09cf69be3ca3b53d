//! `cargo xtask eval-ir [--data-dir DIR]`: how well Dossier ranks, beside MiniSearch and
//! Lunr, on the standard test collections.
//!
//! For each collection folder under the data directory (default `../shared/data/ir` beside
//! the workspace; BEIR layout: `corpus.jsonl.gz`, `queries.jsonl`, `qrels.tsv`), the release
//! `dossier run` and `node eval/peers.mjs` each index the corpus and answer every query with
//! their top 100; the runs are scored here with trec_eval's nDCG@10 and Recall@100 (see
//! `trec.rs`) and printed as Markdown, with the plain-BM25 reference figures and how long
//! each engine took. Usage: `dossier-eval-ir [DATA_DIR]`.

mod engines;
mod report;
mod trec;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{bail, Context, Result};

use engines::{run_engine, Collection, Engine, Programs};
use report::{CollectionResult, EngineResult};
use trec::{evaluate, Qrels, Run, RunOrder};

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("dossier-eval-ir: error: {error:#}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<()> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let data_dir = match std::env::args_os().nth(1) {
        Some(arg) if arg.to_string_lossy().starts_with('-') => {
            bail!("usage: dossier-eval-ir [DATA_DIR] (default ../shared/data/ir)")
        }
        Some(arg) => PathBuf::from(arg),
        None => root.join("../shared/data/ir"),
    };
    let programs = find_programs(&root)?;
    let collections = find_collections(&data_dir)?;

    let mut results = Vec::new();
    for collection in &collections {
        results.push(evaluate_collection(collection, &programs)?);
    }

    println!("Search relevance, top {} per query:\n", engines::LIMIT);
    print!("{}", report::relevance_table(&results));
    let notes = report::order_notes(&results);
    if !notes.is_empty() {
        println!("\nThe table ranks each run as trec_eval does (score, then id). But:\n");
        print!("{notes}");
    }
    println!("\nTime to index the corpus and answer every query (one run, whole process):\n");
    print!("{}", report::timing_table(&results));
    Ok(())
}

fn find_programs(root: &Path) -> Result<Programs> {
    // The `dossier` CLI built by the same `cargo build --release` as this binary.
    let here = std::env::current_exe().context("cannot locate this executable")?;
    let dossier = here
        .with_file_name("dossier")
        .with_extension(std::env::consts::EXE_EXTENSION);
    if !dossier.is_file() {
        bail!(
            "{} is missing: build it with `cargo build --release -p dossier-build` \
             (cargo xtask eval-ir does)",
            dossier.display()
        );
    }
    let peers_script = root.join("eval/peers.mjs");
    if !root.join("eval/node_modules").is_dir() {
        bail!(
            "{} has no node_modules: run `npm ci` there (cargo xtask eval-ir does)",
            root.join("eval").display()
        );
    }
    Ok(Programs {
        dossier,
        peers_script,
    })
}

/// Every sub-folder holding a BEIR collection, by name; folders missing a file are named.
fn find_collections(data_dir: &Path) -> Result<Vec<Collection>> {
    let entries = std::fs::read_dir(data_dir)
        .with_context(|| format!("cannot read data directory {}", data_dir.display()))?;
    let mut folders = Vec::new();
    for entry in entries {
        let entry = entry.with_context(|| format!("cannot list {}", data_dir.display()))?;
        if entry.path().is_dir() {
            folders.push(entry.path());
        }
    }
    folders.sort();
    let mut collections = Vec::new();
    for folder in folders {
        match Collection::at(&folder) {
            Some(collection) => collections.push(collection),
            None => eprintln!(
                "skipping {}: it needs corpus.jsonl.gz, queries.jsonl and qrels.tsv",
                folder.display()
            ),
        }
    }
    if collections.is_empty() {
        bail!("no collections under {}", data_dir.display());
    }
    Ok(collections)
}

fn evaluate_collection(collection: &Collection, programs: &Programs) -> Result<CollectionResult> {
    let qrels_text = std::fs::read_to_string(&collection.qrels)
        .with_context(|| format!("cannot read {}", collection.qrels.display()))?;
    let qrels = Qrels::parse(&qrels_text)
        .with_context(|| format!("bad qrels {}", collection.qrels.display()))?;
    let mut engines = Vec::new();
    for engine in Engine::ALL {
        let timed = run_engine(engine, collection, programs)?;
        let run = Run::parse(&timed.run).with_context(|| {
            format!(
                "{}: {} printed a malformed TREC run",
                collection.name,
                engine.name()
            )
        })?;
        let scores = evaluate(&qrels, &run, RunOrder::TrecEval);
        let out_of_order = match run.queries_listed_out_of_score_order() {
            0 => None,
            queries => Some((queries, evaluate(&qrels, &run, RunOrder::AsListed))),
        };
        eprintln!(
            "{}: {} nDCG@10 {:.3} R@100 {:.3} in {:.2} s",
            collection.name,
            engine.name(),
            scores.ndcg_at_10,
            scores.recall_at_100,
            timed.elapsed.as_secs_f64()
        );
        engines.push(EngineResult {
            engine,
            scores,
            elapsed: timed.elapsed,
            out_of_order,
        });
    }
    Ok(CollectionResult {
        name: collection.name.clone(),
        engines,
    })
}

//! Trains the NER model and writes it. With no arguments, from the workspace root, it makes
//! the committed `data/ner/model.bin` (see `data/ner/PROVENANCE.md`):
//!
//! ```text
//! cargo run --release -p dossier-ner --bin dossier-train-ner     # or: cargo xtask train-ner
//! ```

#[path = "shared/gold_files.rs"]
mod gold_files;
#[path = "shared/re3d_training.rs"]
mod re3d_training;
#[path = "shared/scoring.rs"]
mod scoring;

use std::path::PathBuf;
use std::time::Instant;

use anyhow::{Context, Result};
use clap::Parser;
use dossier_ner::{train, AnnotatedDocument, TrainingOptions, FORMAT_VERSION};

use gold_files::{conll_kind, read_gold, split_re3d};

const CONLL_TRAIN: &str = "../shared/data/ner/conll2003-train.jsonl.gz";

#[derive(Parser)]
#[command(
    about = "Train Dossier's named-entity recogniser on CoNLL-2003 and re3d's training split."
)]
struct Arguments {
    /// CoNLL-2003 training split (.jsonl.gz).
    #[arg(long, default_value = CONLL_TRAIN)]
    conll: PathBuf,
    /// re3d (.jsonl.gz); the trainer reads only its training split (see gold_files.rs).
    #[arg(long, default_value = gold_files::RE3D)]
    re3d: PathBuf,
    /// Train on CoNLL-2003 alone.
    #[arg(long)]
    conll_only: bool,
    /// Score the averaged weights on CoNLL-2003 validation after every epoch (for tuning).
    #[arg(long)]
    dev: bool,
    #[arg(long, default_value = gold_files::CONLL_VALID)]
    dev_path: PathBuf,
    #[arg(long, default_value_t = TrainingOptions::default().epochs)]
    epochs: usize,
    #[arg(long, default_value_t = TrainingOptions::default().seed)]
    seed: u64,
    #[arg(long, default_value_t = TrainingOptions::default().log2_buckets)]
    log2_buckets: u8,
    #[arg(long, default_value_t = TrainingOptions::default().gazetteer_folds)]
    gazetteer_folds: usize,
    /// Where to write the model.
    #[arg(long, default_value = "data/ner/model.bin")]
    out: PathBuf,
}

fn main() -> Result<()> {
    let arguments = Arguments::parse();
    let started = Instant::now();
    let conll = read_gold(&arguments.conll, conll_kind)?;
    eprintln!(
        "CoNLL-2003: {} documents from {} ({} unusable spans)",
        conll.documents.len(),
        arguments.conll.display(),
        conll.unusable_spans
    );
    let mut sources = vec![format!(
        "CoNLL-2003 English train ({} documents)",
        conll.documents.len()
    )];
    let mut documents: Vec<AnnotatedDocument> = conll
        .documents
        .into_iter()
        .map(|gold| gold.document)
        .collect();
    if !arguments.conll_only {
        let re3d = read_gold(&arguments.re3d, re3d_training::training_kind)?;
        let (training_split, held_out) = split_re3d(re3d.documents.clone());
        let split_size = training_split.len();
        let training: Vec<_> = training_split
            .into_iter()
            .filter(re3d_training::may_train_on)
            .collect();
        eprintln!(
            "re3d: training on {} of the {split_size} documents of its training split (licences: {}); {} held out; {} unusable spans",
            training.len(),
            re3d_training::TRAINING_LICENCES.join(", "),
            held_out.len(),
            re3d.unusable_spans
        );
        sources.push(format!(
            "the {} ({} of re3d's {} documents: sorted by id, those at positions that are not multiples of {}, licensed {}; mentions cut to names as CoNLL-2003 marks them; Person, Organisation, Location, Nationality as PER, ORG, LOC, MISC)",
            gold_files::RE3D_TRAINING_MARK,
            training.len(),
            split_size + held_out.len(),
            gold_files::RE3D_HELD_OUT_EVERY,
            re3d_training::TRAINING_LICENCES.join(", "),
        ));
        documents.extend(
            training
                .into_iter()
                .map(|gold| re3d_training::names_only(gold.document)),
        );
    }
    let dev = if arguments.dev {
        Some(read_gold(&arguments.dev_path, conll_kind)?.documents)
    } else {
        None
    };

    let options = TrainingOptions {
        epochs: arguments.epochs,
        seed: arguments.seed,
        log2_buckets: arguments.log2_buckets,
        gazetteer_folds: arguments.gazetteer_folds,
    };
    let provenance = format!(
        "dossier-ner {} (model format {FORMAT_VERSION}); trained on {}; averaged structured perceptron over BILOU tags, {} epochs, seed {}, 2^{} hashed feature buckets, gazetteer features from {} folds",
        env!("CARGO_PKG_VERSION"),
        sources.join(" and "),
        options.epochs,
        options.seed,
        options.log2_buckets,
        options.gazetteer_folds,
    );
    let (model, report) = train(&documents, &options, &provenance, |epoch| {
        let mut line = format!(
            "epoch {:>2}: {} tokens wrong, {:.1} s",
            epoch.number,
            epoch.wrong_tokens,
            started.elapsed().as_secs_f64()
        );
        if let Some(dev) = &dev {
            let documents = dev.iter().map(|gold| &gold.document);
            let scores = scoring::score(&epoch.model(), documents, &scoring::HEADLINE_KINDS);
            line.push_str(&format!(
                ", validation micro F1 {:.4}",
                scores.micro(&scoring::HEADLINE_KINDS).f1()
            ));
        }
        eprintln!("{line}");
    })?;
    eprintln!(
        "{} sentences, {} tokens; gold spans: {} used, {} not on token boundaries, {} nested or duplicate",
        report.sentences, report.tokens, report.aligned, report.misaligned, report.nested
    );

    let bytes = model.to_bytes();
    if let Some(parent) = arguments.out.parent() {
        std::fs::create_dir_all(parent)
            .with_context(|| format!("cannot create {}", parent.display()))?;
    }
    std::fs::write(&arguments.out, &bytes)
        .with_context(|| format!("cannot write {}", arguments.out.display()))?;
    eprintln!(
        "wrote {} ({} bytes: {} weight rows, {} gazetteer keys) in {:.1} s",
        arguments.out.display(),
        bytes.len(),
        model.stored_rows(),
        model.gazetteer_keys(),
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

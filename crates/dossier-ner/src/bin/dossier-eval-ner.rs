//! Scores the NER model on data it was not trained on and prints Markdown tables:
//! exact-span precision, recall and F1 per type, and micro over PER, ORG and LOC.
//!
//! ```text
//! cargo run --release -p dossier-ner --bin dossier-eval-ner     # or: cargo xtask eval-ner
//! ```
//!
//! re3d is scored on its held-out third (the part the trainer never reads), and on all of
//! it as well when the model's provenance says it was not trained on re3d at all. re3d's
//! gold nests spans (`Regional Council` inside `The Members of the Regional Council`) while
//! the tagger finds one flat layer, so it is scored twice: against every gold span, and
//! against the outermost ones.

#[path = "shared/gold_files.rs"]
mod gold_files;
#[path = "shared/scoring.rs"]
mod scoring;

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::Instant;

use anyhow::{Context, Result};
use clap::Parser;
use dossier_ner::{
    title_case_first_line, AnnotatedDocument, Counts, EntityKind, GoldSpan, Model, Scores,
};

use gold_files::{conll_kind, re3d_kind, read_gold, split_re3d, GoldDocument};
use scoring::{score, HEADLINE_KINDS};

#[derive(Parser)]
#[command(about = "Score Dossier's named-entity recogniser on CoNLL-2003 validation and re3d.")]
struct Arguments {
    #[arg(long, default_value = "data/ner/model.bin")]
    model: PathBuf,
    #[arg(long, default_value = gold_files::CONLL_VALID)]
    conll: PathBuf,
    #[arg(long, default_value = gold_files::RE3D)]
    re3d: PathBuf,
}

fn main() -> Result<()> {
    let arguments = Arguments::parse();
    let bytes = std::fs::read(&arguments.model)
        .with_context(|| format!("cannot read {}", arguments.model.display()))?;
    let model = Model::from_bytes(&bytes)
        .with_context(|| format!("cannot load {}", arguments.model.display()))?;
    println!(
        "Model `{}` ({} bytes): {}\n",
        arguments.model.display(),
        bytes.len(),
        model.provenance()
    );

    let conll = read_gold(&arguments.conll, conll_kind)?;
    let documents: Vec<&AnnotatedDocument> =
        conll.documents.iter().map(|gold| &gold.document).collect();
    let started = Instant::now();
    let scores = score(&model, documents.iter().copied(), &EntityKind::ALL);
    let seconds = started.elapsed().as_secs_f64();
    let characters: usize = documents.iter().map(|d| d.text.chars().count()).sum();
    println!(
        "### CoNLL-2003 validation ({} documents; MISC shown, not in the micro average)\n\n{}",
        documents.len(),
        markdown_table(&scores, &EntityKind::ALL)
    );
    println!(
        "Tagging speed: {:.0} thousand characters a second ({characters} characters in {seconds:.2} s).\n",
        characters as f64 / seconds / 1000.0
    );
    println!(
        "### CoNLL-2003 validation, first lines rewritten in title case, scored on those lines only\n\nNews pages title articles in title case; CoNLL-2003 has none. The whole document is tagged, as Dossier tags an article; only the entities of its first line are scored. A robustness check, not a standard measure.\n\n{}",
        markdown_table(&score_title_cased_headlines(&model, &documents), &EntityKind::ALL)
    );

    let re3d = read_gold(&arguments.re3d, re3d_kind)?;
    println!(
        "re3d gold: Person, Organisation, Location as PER, ORG, LOC; {} blank spans in the file left out.\n",
        re3d.unusable_spans
    );
    let (training_split, held_out) = split_re3d(re3d.documents);
    let mut parts = vec![("held-out third", held_out.clone())];
    if !model.provenance().contains(gold_files::RE3D_TRAINING_MARK) {
        let mut all = held_out;
        all.extend(training_split);
        parts.push(("all documents (the model was not trained on re3d)", all));
    }
    for (which, documents) in parts {
        report_re3d(&model, which, &documents);
    }
    Ok(())
}

fn report_re3d(model: &Model, which: &str, documents: &[GoldDocument]) {
    let mut licences: BTreeMap<&str, usize> = BTreeMap::new();
    for gold in documents {
        *licences
            .entry(gold.licence.as_deref().unwrap_or("unstated"))
            .or_default() += 1;
    }
    let licences: Vec<String> = licences
        .iter()
        .map(|(licence, n)| format!("{n} {licence}"))
        .collect();
    let all_spans: Vec<AnnotatedDocument> =
        documents.iter().map(|gold| gold.document.clone()).collect();
    let outermost: Vec<AnnotatedDocument> = all_spans
        .iter()
        .map(|document| AnnotatedDocument {
            text: document.text.clone(),
            entities: outermost_spans(&document.entities),
        })
        .collect();
    let gold_count =
        |docs: &[AnnotatedDocument]| docs.iter().map(|d| d.entities.len()).sum::<usize>();
    println!(
        "### re3d, {which} ({} documents: {})\n",
        all_spans.len(),
        licences.join(", ")
    );
    println!(
        "Against every gold span ({} spans, nested ones included):\n\n{}",
        gold_count(&all_spans),
        markdown_table(&score(model, &all_spans, &HEADLINE_KINDS), &HEADLINE_KINDS)
    );
    println!(
        "Against the outermost gold spans only ({} spans; a span inside or overlapping an earlier, longer one is left out):\n\n{}",
        gold_count(&outermost),
        markdown_table(&score(model, &outermost, &HEADLINE_KINDS), &HEADLINE_KINDS)
    );
}

/// Scores of the first lines of `documents` once they are written in title case.
fn score_title_cased_headlines(model: &Model, documents: &[&AnnotatedDocument]) -> Scores {
    let mut scores = Scores::default();
    for document in documents {
        let titled = title_case_first_line(document);
        let first_line_end = titled
            .text
            .split('\n')
            .next()
            .unwrap_or_default()
            .chars()
            .count();
        let in_first_line = |span: &GoldSpan| span.end <= first_line_end;
        let gold: Vec<GoldSpan> = titled
            .entities
            .iter()
            .copied()
            .filter(in_first_line)
            .collect();
        let predicted: Vec<GoldSpan> = model
            .recognise(&titled.text)
            .into_iter()
            .map(|entity| GoldSpan {
                kind: entity.kind,
                start: entity.start,
                end: entity.end,
            })
            .filter(in_first_line)
            .collect();
        scores.add_document(&gold, &predicted);
    }
    scores
}

/// The flat layer of gold a tagger can produce: earlier start first, then longer, keeping a
/// span only if it begins after the last kept one ends (the rule the trainer flattens by).
fn outermost_spans(spans: &[GoldSpan]) -> Vec<GoldSpan> {
    let mut sorted = spans.to_vec();
    sorted.sort_by_key(|span| (span.start, std::cmp::Reverse(span.end), span.kind));
    let mut kept: Vec<GoldSpan> = Vec::new();
    for span in sorted {
        if kept.last().is_none_or(|last| span.start >= last.end) {
            kept.push(span);
        }
    }
    kept
}

/// A Markdown table: one row per kind, then the micro average over [`HEADLINE_KINDS`].
fn markdown_table(scores: &Scores, kinds: &[EntityKind]) -> String {
    let mut out = String::from(
        "| type | gold | predicted | precision | recall | F1 |\n|---|---:|---:|---:|---:|---:|\n",
    );
    for &kind in kinds {
        out.push_str(&table_row(kind.label(), scores.kind(kind)));
    }
    out.push_str(&table_row(
        "**micro PER+ORG+LOC**",
        scores.micro(&HEADLINE_KINDS),
    ));
    out
}

fn table_row(name: &str, counts: Counts) -> String {
    format!(
        "| {name} | {} | {} | {:.3} | {:.3} | {:.3} |\n",
        counts.true_positives + counts.false_negatives,
        counts.true_positives + counts.false_positives,
        counts.precision(),
        counts.recall(),
        counts.f1(),
    )
}

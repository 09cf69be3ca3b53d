//! The Markdown tables `cargo xtask eval-ir` prints.

use std::fmt::Write as _;
use std::time::Duration;

use crate::engines::Engine;
use crate::trec::Scores;

/// Plain BM25 (k1 0.9, b 0.4, no stemming) nDCG@10 on the same collections, from
/// ../shared/data/README.md: the bar a default lexical engine should reach.
const BM25_REFERENCE_NDCG_AT_10: [(&str, f64); 4] = [
    ("cranfield", 0.333),
    ("cisi", 0.267),
    ("medline", 0.673),
    ("npl", 0.382),
];

/// One engine's result on one collection.
pub struct EngineResult {
    pub engine: Engine,
    pub scores: Scores,
    pub elapsed: Duration,
    /// Queries whose run lists documents against their score order, and the scores when the
    /// listed order is taken as the ranking instead (see `trec::RunOrder`).
    pub out_of_order: Option<(usize, Scores)>,
}

pub struct CollectionResult {
    pub name: String,
    pub engines: Vec<EngineResult>,
}

pub fn relevance_table(results: &[CollectionResult]) -> String {
    let names: Vec<&str> = Engine::ALL.iter().map(|e| e.name()).collect();
    let mut out = String::new();
    let _ = writeln!(
        out,
        "| collection | judged queries | {} | BM25 ref. nDCG@10 | {} |",
        names
            .iter()
            .map(|n| format!("{n} nDCG@10"))
            .collect::<Vec<_>>()
            .join(" | "),
        names
            .iter()
            .map(|n| format!("{n} R@100"))
            .collect::<Vec<_>>()
            .join(" | "),
    );
    let _ = writeln!(out, "|---|--:|{}", "--:|".repeat(2 * names.len() + 1));
    for collection in results {
        let judged = collection
            .engines
            .first()
            .map_or(0, |e| e.scores.judged_queries);
        let ndcg = engine_cells(collection, |r| format!("{:.3}", r.scores.ndcg_at_10));
        let recall = engine_cells(collection, |r| format!("{:.3}", r.scores.recall_at_100));
        let reference = BM25_REFERENCE_NDCG_AT_10
            .iter()
            .find(|(name, _)| name.eq_ignore_ascii_case(&collection.name))
            .map_or_else(|| "–".to_owned(), |(_, v)| format!("{v:.3}"));
        let _ = writeln!(
            out,
            "| {} | {judged} | {ndcg} | {reference} | {recall} |",
            collection.name
        );
    }
    out
}

/// One cell per engine, in `Engine::ALL` order, `–` where the engine has no result.
fn engine_cells(collection: &CollectionResult, cell: impl Fn(&EngineResult) -> String) -> String {
    Engine::ALL
        .iter()
        .map(|engine| {
            collection
                .engines
                .iter()
                .find(|r| r.engine == *engine)
                .map_or_else(|| "–".to_owned(), &cell)
        })
        .collect::<Vec<_>>()
        .join(" | ")
}

pub fn timing_table(results: &[CollectionResult]) -> String {
    let mut out = String::new();
    let names: Vec<&str> = Engine::ALL.iter().map(|e| e.name()).collect();
    let _ = writeln!(out, "| collection | {} |", names.join(" | "));
    let _ = writeln!(out, "|---|{}", "--:|".repeat(names.len()));
    for collection in results {
        let cells = engine_cells(collection, |r| format!("{:.2} s", r.elapsed.as_secs_f64()));
        let _ = writeln!(out, "| {} | {cells} |", collection.name);
    }
    out
}

/// Notes on runs whose printed scores contradict their own order, with what they would score
/// if their order were taken as it is listed; empty when every run is consistent.
pub fn order_notes(results: &[CollectionResult]) -> String {
    let mut out = String::new();
    for collection in results {
        for result in &collection.engines {
            if let Some((queries, as_listed)) = result.out_of_order {
                let queries = match queries {
                    1 => "1 query lists".to_owned(),
                    n => format!("{n} queries list"),
                };
                let _ = writeln!(
                    out,
                    "- {} on {}: {queries} hits out of score order; ranked as listed instead \
                     of by score: nDCG@10 {:.3}, R@100 {:.3}.",
                    result.engine.name(),
                    collection.name,
                    as_listed.ndcg_at_10,
                    as_listed.recall_at_100,
                );
            }
        }
    }
    out
}

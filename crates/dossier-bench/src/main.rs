//! `cargo xtask bench [CORPUS]`: how fast Dossier answers and how big the bundle is.
//!
//! The corpus defaults to Reuters-21578 from ../shared/data (21,578 newswire records), and to
//! the default corpus when that is absent. Queries are drawn from the corpus itself with a
//! fixed seed, so every run asks the same 200 questions of the same data:
//! 60 single words, 40 two-word queries, 20 quoted phrases, 20 one-letter typos, and 60
//! prefixes of 10 words typed letter by letter (as the page sees them while someone types).
//! Each query fetches the top 20 hits with snippets, as the page does. Timings are medians and
//! 95th percentiles over 5 rounds of the whole set, after one warm-up round.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use dossier_build::compile_corpus;
use dossier_core::analysis::tokenize;
use dossier_core::{make_snippet, search, Bundle, SearchOptions};

const ROUNDS: usize = 5;
const TOP: usize = 20;

fn main() -> Result<()> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let corpus = std::env::args()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            let reuters = root.join("../shared/data/corpora/reuters21578.jsonl.gz");
            if reuters.exists() {
                reuters
            } else {
                root.join("corpus")
            }
        });
    println!("corpus: {}", corpus.display());

    // A bundle written by `dossier build` is measured as it is, without the 40 s compile:
    // quicker when only the engine changed.
    let started = Instant::now();
    let bytes = if corpus.extension().is_some_and(|e| e == "dossier") {
        std::fs::read(&corpus).with_context(|| format!("read {}", corpus.display()))?
    } else {
        let compiled =
            compile_corpus(&corpus).with_context(|| format!("compile {}", corpus.display()))?;
        println!("{}", compiled.report.summary());
        compiled.bundle
    };
    let compile_time = started.elapsed();

    let bundle = Bundle::open(&bytes)?;
    let text_bytes: usize = (0..bundle.doc_count())
        .filter_map(|d| bundle.document(d).ok())
        .map(|d| d.title.len() + d.text.len())
        .sum();
    let brotli_bytes = brotli_size(&bytes)?;

    let mut opens: Vec<Duration> = (0..101)
        .map(|_| {
            let t = Instant::now();
            let opened = Bundle::open(&bytes).map(|b| b.doc_count());
            let elapsed = t.elapsed();
            std::hint::black_box(opened.ok());
            elapsed
        })
        .collect();

    let queries = realistic_queries(&bundle);
    let options = SearchOptions {
        limit: TOP,
        last_word_is_prefix: true,
        ..SearchOptions::default()
    };
    let run_query = |query: &str| -> Result<usize> {
        let results = search(&bundle, query, &options)?;
        let mut chars = 0;
        for hit in &results.hits {
            let doc = bundle.document(hit.doc)?;
            chars += make_snippet(doc.text, &results.matched_terms).text.len();
        }
        Ok(chars + results.total)
    };
    for (_, query) in &queries {
        std::hint::black_box(run_query(query)?);
    }
    let mut times: Vec<(Duration, &str)> = Vec::new();
    let mut by_query: Vec<(Duration, &str)> = Vec::new();
    let mut search_only: Vec<Duration> = Vec::new();
    for _ in 0..ROUNDS {
        for (kind, query) in &queries {
            let t = Instant::now();
            std::hint::black_box(run_query(query)?);
            times.push((t.elapsed(), kind));
            by_query.push((t.elapsed(), query));
            let t = Instant::now();
            std::hint::black_box(search(&bundle, query, &options)?.total);
            search_only.push(t.elapsed());
        }
    }

    println!();
    println!("| measure | value |");
    println!("|---|---|");
    println!("| documents | {} |", bundle.doc_count());
    println!(
        "| corpus text (titles + texts) | {} |",
        megabytes(text_bytes)
    );
    println!(
        "| bundle, raw | {} ({:.2}× the text) |",
        megabytes(bytes.len()),
        bytes.len() as f64 / text_bytes.max(1) as f64
    );
    println!(
        "| bundle, brotli | {} ({:.2}× the text) |",
        megabytes(brotli_bytes),
        brotli_bytes as f64 / text_bytes.max(1) as f64
    );
    println!(
        "| compile corpus → bundle (or read the bundle) | {:.2} s |",
        compile_time.as_secs_f64()
    );
    // The map's outlines ship in every page beside the bundle (issue #6: at most 60 KB).
    let basemap =
        std::fs::read(root.join("data/geo/basemap.bin")).context("read data/geo/basemap.bin")?;
    println!(
        "| basemap (data/geo/basemap.bin), brotli / raw | {:.1} KB / {:.1} KB |",
        brotli_size(&basemap)? as f64 / 1024.0,
        basemap.len() as f64 / 1024.0
    );
    println!(
        "| bundle open, median of 101 | {} |",
        micros(percentile(&mut opens, 0.5))
    );
    let mut all: Vec<Duration> = times.iter().map(|(d, _)| *d).collect();
    println!(
        "| query + top {TOP} snippets, median ({} runs) | {} |",
        all.len(),
        micros(percentile(&mut all, 0.5))
    );
    println!(
        "| query + top {TOP} snippets, p95 | {} |",
        micros(percentile(&mut all, 0.95))
    );
    println!(
        "| — ranking alone (no snippets): median / p95 | {} / {} |",
        micros(percentile(&mut search_only, 0.5)),
        micros(percentile(&mut search_only, 0.95))
    );
    for kind in ["word", "two words", "phrase", "typo", "prefix"] {
        let mut of_kind: Vec<Duration> = times
            .iter()
            .filter(|(_, k)| *k == kind)
            .map(|(d, _)| *d)
            .collect();
        println!(
            "| — {kind}: median / p95 | {} / {} |",
            micros(percentile(&mut of_kind, 0.5)),
            micros(percentile(&mut of_kind, 0.95))
        );
    }
    by_query.sort_by_key(|(duration, _)| std::cmp::Reverse(*duration));
    by_query.dedup_by(|a, b| a.1 == b.1);
    let slowest: Vec<String> = by_query
        .iter()
        .take(8)
        .map(|(d, q)| format!("{q:?} {}", micros(*d)))
        .collect();
    println!("\nslowest queries: {}", slowest.join(", "));
    Ok(())
}

/// 200 queries drawn from document titles with a fixed-seed generator.
fn realistic_queries(bundle: &Bundle<'_>) -> Vec<(&'static str, String)> {
    let mut rng = SplitMix(0x5EED_D055_1E55);
    let docs = bundle.doc_count().max(1);
    let mut title_words = || -> Vec<String> {
        for _ in 0..1000 {
            let doc = (rng.next() % u64::from(docs)) as u32;
            let title = bundle.document(doc).map(|d| d.title).unwrap_or_default();
            let words: Vec<String> = tokenize(title)
                .into_iter()
                .map(|t| t.term)
                .filter(|t| t.len() >= 4 && t.chars().all(char::is_alphabetic))
                .collect();
            if words.len() >= 2 {
                return words;
            }
        }
        vec!["news".into(), "report".into()]
    };
    let mut queries = Vec::new();
    for _ in 0..60 {
        queries.push(("word", title_words()[0].clone()));
    }
    for _ in 0..40 {
        let w = title_words();
        queries.push(("two words", format!("{} {}", w[0], w[1])));
    }
    for _ in 0..20 {
        let w = title_words();
        queries.push(("phrase", format!("\"{} {}\"", w[0], w[1])));
    }
    for i in 0..20 {
        let mut word: Vec<char> = title_words()[0].chars().collect();
        let at = (i * 7 + 1) % word.len();
        word[at] = if word[at] == 'e' { 'a' } else { 'e' };
        queries.push(("typo", word.into_iter().collect()));
    }
    for _ in 0..10 {
        let word = title_words()[0].clone();
        for len in 1..=6 {
            queries.push(("prefix", word.chars().take(len).collect()));
        }
    }
    queries
}

struct SplitMix(u64);

impl SplitMix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
}

fn brotli_size(bytes: &[u8]) -> Result<usize> {
    let mut out = Vec::new();
    let params = brotli::enc::BrotliEncoderParams {
        quality: 9,
        lgwin: 22,
        ..Default::default()
    };
    brotli::BrotliCompress(&mut &bytes[..], &mut out, &params)?;
    Ok(out.len())
}

fn percentile(values: &mut [Duration], p: f64) -> Duration {
    if values.is_empty() {
        return Duration::ZERO;
    }
    values.sort_unstable();
    let index = ((values.len() - 1) as f64 * p).round() as usize;
    values[index]
}

fn micros(d: Duration) -> String {
    format!("{:.3} ms", d.as_secs_f64() * 1000.0)
}

fn megabytes(n: usize) -> String {
    format!("{:.2} MB", n as f64 / 1_000_000.0)
}

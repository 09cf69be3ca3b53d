//! The indexed search must return exactly what a scorer that reads every document from scratch
//! returns: same documents, same scores, same order.

use std::collections::{BTreeMap, BTreeSet};

use dossier_core::analysis::tokenize;
use dossier_core::search::{bm25f, idf, rank_hits, weights};
use dossier_core::{search, write_bundle, Bundle, CollectionInfo, Document, Hit, SearchOptions};
use proptest::prelude::*;

/// A document's title and text as folded words.
type Fields = (Vec<String>, Vec<String>);

/// Scores every document directly from its text, with no index.
fn brute_force(docs: &[Document], query: &str, prefix: bool) -> Vec<Hit> {
    let analysed: Vec<Fields> = docs
        .iter()
        .map(|d| {
            let words = |t: &str| tokenize(t).into_iter().map(|t| t.term).collect::<Vec<_>>();
            (words(&d.title), words(&d.text))
        })
        .collect();
    let n = docs.len() as u32;
    let avg = |f: &dyn Fn(&Fields) -> usize| {
        (analysed.iter().map(f).sum::<usize>() as f32 / n.max(1) as f32).max(1.0)
    };
    let (avg_title, avg_text) = (avg(&|a| a.0.len()), avg(&|a| a.1.len()));
    let vocabulary: BTreeSet<&String> = analysed
        .iter()
        .flat_map(|(a, b)| a.iter().chain(b))
        .collect();
    let df = |term: &str| {
        analysed
            .iter()
            .filter(|(a, b)| a.iter().chain(b).any(|t| t == term))
            .count() as u32
    };

    let words = dossier_core::search::query_words(query);
    let mut hits: BTreeMap<u32, Hit> = BTreeMap::new();
    for (i, word) in words.iter().enumerate() {
        let mut expansions: Vec<(String, f32)> = Vec::new();
        if vocabulary.contains(word) {
            expansions.push((word.clone(), 1.0));
        }
        if prefix && i == words.len() - 1 {
            let mut longer: Vec<(u32, String)> = vocabulary
                .iter()
                .filter(|t| t.starts_with(word.as_str()) && **t != word)
                .map(|t| (df(t), (*t).clone()))
                .collect();
            longer.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
            expansions.extend(
                longer
                    .into_iter()
                    .take(dossier_core::search::MAX_PREFIX_EXPANSIONS)
                    .map(|(_, t)| (t, weights::PREFIX_WEIGHT)),
            );
        }
        for (d, (title, text)) in analysed.iter().enumerate() {
            let best = expansions
                .iter()
                .filter_map(|(term, weight)| {
                    let title_tf = title.iter().filter(|t| *t == term).count() as u32;
                    let text_tf = text.iter().filter(|t| *t == term).count() as u32;
                    (title_tf + text_tf > 0).then(|| {
                        weight
                            * bm25f(
                                idf(n, df(term)),
                                title_tf,
                                title.len() as u32,
                                avg_title,
                                text_tf,
                                text.len() as u32,
                                avg_text,
                            )
                    })
                })
                .fold(None, |acc: Option<f32>, s| {
                    Some(acc.map_or(s, |a| a.max(s)))
                });
            if let Some(score) = best {
                let hit = hits.entry(d as u32).or_insert(Hit {
                    doc: d as u32,
                    score: 0.0,
                    matched_words: 0,
                });
                hit.score += score;
                hit.matched_words += 1;
            }
        }
    }
    let mut hits: Vec<Hit> = hits.into_values().collect();
    rank_hits(&mut hits);
    hits
}

fn corpus() -> impl Strategy<Value = Vec<Document>> {
    let word = prop::sample::select(vec![
        "iran", "iraq", "strike", "oil", "price", "prices", "baghdad", "bag", "the", "a",
    ]);
    let text = prop::collection::vec(word.clone(), 0..30).prop_map(|w| w.join(" "));
    let title = prop::collection::vec(word, 0..5).prop_map(|w| w.join(" "));
    prop::collection::vec((title, text), 1..15).prop_map(|docs| {
        docs.into_iter()
            .enumerate()
            .map(|(i, (title, text))| Document {
                id: format!("{i:03}"),
                title,
                text,
                ..Document::default()
            })
            .collect()
    })
}

proptest! {
    #[test]
    fn indexed_search_agrees_with_brute_force(
        docs in corpus(),
        query in prop::collection::vec(prop::sample::select(vec!["iran", "oil", "pri", "ba", "strike", "zzz", "the", "Bagh"]), 0..4),
        prefix in any::<bool>(),
    ) {
        let query = query.join(" ");
        let bytes = write_bundle(&CollectionInfo::default(), &docs).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let bundle = Bundle::open(&bytes).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let options = SearchOptions { limit: usize::MAX, last_word_is_prefix: prefix };
        let got = search(&bundle, &query, &options).map_err(|e| TestCaseError::fail(e.to_string()))?;
        if dossier_core::search::query_words(&query).is_empty() {
            prop_assert_eq!(got.total, docs.len());
            return Ok(());
        }
        let expected = brute_force(&docs, &query, prefix);
        prop_assert_eq!(got.total, expected.len());
        for (g, e) in got.hits.iter().zip(&expected) {
            prop_assert_eq!(g.matched_words, e.matched_words);
            prop_assert!((g.score - e.score).abs() < 1e-4, "score {} vs {}", g.score, e.score);
        }
        let got_docs: BTreeSet<u32> = got.hits.iter().map(|h| h.doc).collect();
        let expected_docs: BTreeSet<u32> = expected.iter().map(|h| h.doc).collect();
        prop_assert_eq!(got_docs, expected_docs);
    }
}

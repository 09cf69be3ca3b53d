//! The indexed search must return what a scorer that reads every document from scratch
//! returns: same documents, same scores, same "matches all" flags. The oracle shares only the
//! query parser, the text analysis and the BM25F formula with the engine; dictionary look-ups,
//! prefix and typo expansion, postings and positions are all recomputed by brute force.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::{BTreeMap, BTreeSet};

use dossier_core::analysis::{conflation_key, is_stop_word, stem, tokenize};
use dossier_core::expand::{
    max_prefix_expansions, MAX_TYPO_EXPANSIONS, PREFIX_WEIGHT, STEM_WEIGHT, TYPO_WEIGHTS,
    VARIANT_WEIGHT,
};
use dossier_core::fuzzy::{edit_distance, max_edits_for, prefix_edit_distance};
use dossier_core::query::{parse_query, Clause, Matcher};
use dossier_core::search::{bm25f_weighted, idf, rank_hits, weights};
use dossier_core::{search, write_bundle, Bundle, CollectionInfo, Document, Hit, SearchOptions};
use proptest::prelude::*;

/// A field's length for BM25F: its words that are not stop words.
fn content_len(words: &[String]) -> f32 {
    words.iter().filter(|w| !is_stop_word(w)).count() as f32
}

struct Oracle {
    title: Vec<Vec<String>>,
    text: Vec<Vec<String>>,
    vocabulary: BTreeSet<String>,
    avg_title: f32,
    avg_text: f32,
}

impl Oracle {
    fn new(docs: &[Document]) -> Oracle {
        let words = |t: &str| tokenize(t).into_iter().map(|t| t.term).collect::<Vec<_>>();
        let title: Vec<Vec<String>> = docs.iter().map(|d| words(&d.title)).collect();
        let text: Vec<Vec<String>> = docs.iter().map(|d| words(&d.text)).collect();
        let n = docs.len().max(1) as f32;
        let avg = |f: &[Vec<String>]| (f.iter().map(|w| content_len(w)).sum::<f32>() / n).max(1.0);
        let vocabulary = title.iter().chain(&text).flatten().cloned().collect();
        Oracle {
            avg_title: avg(&title),
            avg_text: avg(&text),
            title,
            text,
            vocabulary,
        }
    }

    fn df(&self, term: &str) -> u32 {
        (0..self.title.len())
            .filter(|&d| self.title[d].iter().chain(&self.text[d]).any(|t| t == term))
            .count() as u32
    }

    fn expansions(&self, word: &str, prefix: bool, tolerant: bool) -> Vec<(String, f32)> {
        let mut out: Vec<(String, f32)> = Vec::new();
        if self.vocabulary.contains(word) {
            out.push((word.to_owned(), 1.0));
        }
        for t in &self.vocabulary {
            if t != word && conflation_key(t) == conflation_key(word) {
                out.push((
                    t.clone(),
                    if stem(t) == stem(word) {
                        STEM_WEIGHT
                    } else {
                        VARIANT_WEIGHT
                    },
                ));
            }
        }
        if !tolerant {
            return out;
        }
        if prefix {
            let mut longer: Vec<(u32, String)> = self
                .vocabulary
                .iter()
                .filter(|t| t.starts_with(word) && *t != word && !out.iter().any(|(o, _)| o == *t))
                .filter(|t| !is_stop_word(t))
                .map(|t| (self.df(t), t.clone()))
                .collect();
            longer.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
            out.extend(
                longer
                    .into_iter()
                    .take(max_prefix_expansions(word.chars().count()))
                    .map(|(_, t)| (t, PREFIX_WEIGHT)),
            );
        }
        if out.is_empty() {
            let k = max_edits_for(word.chars().count()) as usize;
            let mut typos: Vec<(usize, u32, String)> = self
                .vocabulary
                .iter()
                .map(|t| {
                    let d = if prefix {
                        prefix_edit_distance(word.as_bytes(), t.as_bytes())
                    } else {
                        edit_distance(word.as_bytes(), t.as_bytes())
                    };
                    (d, self.df(t), t.clone())
                })
                .filter(|(d, _, _)| k > 0 && *d <= k)
                .collect();
            typos.sort_by(|a, b| {
                a.0.cmp(&b.0)
                    .then(b.1.cmp(&a.1))
                    .then_with(|| a.2.cmp(&b.2))
            });
            out.extend(
                typos
                    .into_iter()
                    .take(MAX_TYPO_EXPANSIONS)
                    .map(|(d, _, t)| {
                        let w = TYPO_WEIGHTS[d.clamp(1, 2) - 1];
                        (t, if prefix { w * PREFIX_WEIGHT } else { w })
                    }),
            );
        }
        out
    }

    /// A word's expansions as one weighted pseudo-term: occurrences summed with their
    /// weights, document frequency of the union.
    fn word_scores(&self, expansions: &[(String, f32)]) -> BTreeMap<usize, f32> {
        let n = self.title.len() as u32;
        let tf = |field: &Vec<String>| -> f32 {
            expansions
                .iter()
                .map(|(term, weight)| weight * field.iter().filter(|t| *t == term).count() as f32)
                .sum()
        };
        let present: Vec<usize> = (0..self.title.len())
            .filter(|&d| {
                self.title[d]
                    .iter()
                    .chain(&self.text[d])
                    .any(|t| expansions.iter().any(|(e, _)| e == t))
            })
            .collect();
        let idf = idf(n, present.len() as u32);
        present
            .into_iter()
            .map(|d| {
                let (tl, xl) = (content_len(&self.title[d]), content_len(&self.text[d]));
                let title_norm = 1.0 - weights::B_TITLE + weights::B_TITLE * tl / self.avg_title;
                let text_norm = 1.0 - weights::B_TEXT + weights::B_TEXT * xl / self.avg_text;
                (
                    d,
                    bm25f_weighted(
                        idf,
                        tf(&self.title[d]),
                        title_norm,
                        tf(&self.text[d]),
                        text_norm,
                    ),
                )
            })
            .collect()
    }

    fn positions(&self, doc: usize, expansions: &[(String, f32)]) -> (Vec<u32>, Vec<u32>) {
        let at = |field: &Vec<String>| {
            field
                .iter()
                .enumerate()
                .filter(|(_, t)| expansions.iter().any(|(e, _)| e == *t))
                .map(|(i, _)| i as u32)
                .collect()
        };
        (at(&self.title[doc]), at(&self.text[doc]))
    }

    fn search(&self, query: &str, prefix_option: bool) -> Vec<Hit> {
        let query = parse_query(query, prefix_option);
        let words: Vec<(&String, bool)> = query
            .clauses
            .iter()
            .map(|c| match c.alternatives.as_slice() {
                [Matcher::Word { term, prefix, .. }] => (term, *prefix),
                _ => panic!("the strategy only makes plain words"),
            })
            .collect();
        let all_stop = query.clauses.iter().all(Clause::is_stop_words);
        let required: Vec<bool> = query
            .clauses
            .iter()
            .map(|c| all_stop || !c.is_stop_words())
            .collect();
        let required_count = required.iter().filter(|r| **r).count() as u32;
        let mut hits: BTreeMap<usize, (f32, u32)> = BTreeMap::new();
        for ((word, prefix), is_required) in words.iter().zip(&required) {
            if !is_required {
                continue; // stop words beside other words are ignored
            }
            let expansions = self.expansions(word, *prefix, true);
            for (doc, score) in self.word_scores(&expansions) {
                let entry = hits.entry(doc).or_insert((0.0, 0));
                entry.0 += score;
                entry.1 += 1;
            }
        }
        let mut hits: Vec<Hit> = hits
            .into_iter()
            .filter(|(_, (_, matched))| *matched > 0)
            .map(|(doc, (score, matched))| Hit {
                doc: doc as u32,
                score,
                matches_all: matched == required_count,
            })
            .collect();
        rank_hits(&mut hits);
        let proximity_words: Vec<Vec<(String, f32)>> = query
            .clauses
            .iter()
            .zip(&words)
            .filter(|(c, _)| !c.is_stop_words())
            .map(|(_, (word, prefix))| self.expansions(word, *prefix, false))
            .collect();
        if proximity_words.len() >= 2 {
            for hit in &mut hits {
                let positions: Vec<_> = proximity_words
                    .iter()
                    .map(|e| self.positions(hit.doc as usize, e))
                    .collect();
                let closeness: f32 = positions
                    .windows(2)
                    .map(|pair| {
                        let gap = |a: &Vec<u32>, b: &Vec<u32>| {
                            a.iter()
                                .flat_map(|x| b.iter().map(move |y| x.abs_diff(*y)))
                                .min()
                                .unwrap_or(u32::MAX)
                        };
                        match gap(&pair[0].0, &pair[1].0).min(gap(&pair[0].1, &pair[1].1)) {
                            u32::MAX => 0.0,
                            d => 1.0 / d.max(1) as f32,
                        }
                    })
                    .sum::<f32>()
                    / (positions.len() - 1) as f32;
                hit.score *= 1.0 + weights::PROXIMITY_BOOST * closeness;
            }
            rank_hits(&mut hits);
        }
        hits
    }
}

fn corpus() -> impl Strategy<Value = Vec<Document>> {
    let word = prop::sample::select(vec![
        "iran",
        "iraq",
        "strike",
        "strikes",
        "oil",
        "price",
        "prices",
        "baghdad",
        "bag",
        "the",
        "a",
        "qasem",
        "qassem",
        "mobilisation",
        "mobilization",
        "soleimani",
    ]);
    let text = prop::collection::vec(word.clone(), 0..30).prop_map(|w| w.join(" "));
    let title = prop::collection::vec(word, 0..5).prop_map(|w| w.join(" "));
    prop::collection::vec((title, text), 1..12).prop_map(|docs| {
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

fn query_words() -> impl Strategy<Value = Vec<&'static str>> {
    prop::collection::vec(
        prop::sample::select(vec![
            "iran",
            "oil",
            "pri",
            "ba",
            "strike",
            "zzz",
            "the",
            "Bagh",
            "prices",
            "Qasem",
            "solemani",
            "irna",
            "mobilization",
            "strik",
        ]),
        0..4,
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn indexed_search_agrees_with_brute_force(docs in corpus(), words in query_words(), prefix in any::<bool>()) {
        let query = words.join(" ");
        let bytes = write_bundle(&CollectionInfo::default(), &docs).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let bundle = Bundle::open(&bytes).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let options = SearchOptions { limit: usize::MAX, last_word_is_prefix: prefix, ..SearchOptions::default() };
        let got = search(&bundle, &query, &options).map_err(|e| TestCaseError::fail(e.to_string()))?;
        if parse_query(&query, prefix).is_empty() {
            prop_assert_eq!(got.total, docs.len());
            return Ok(());
        }
        let expected = Oracle::new(&docs).search(&query, prefix);
        prop_assert_eq!(got.total, expected.len());
        let by_doc = |hits: &[Hit]| -> BTreeMap<u32, (bool, f32)> {
            hits.iter().map(|h| (h.doc, (h.matches_all, h.score))).collect()
        };
        let (got_map, expected_map) = (by_doc(&got.hits), by_doc(&expected));
        prop_assert_eq!(got_map.keys().collect::<Vec<_>>(), expected_map.keys().collect::<Vec<_>>());
        for (doc, (all, score)) in &got_map {
            let (e_all, e_score) = expected_map[doc];
            prop_assert_eq!(*all, e_all, "doc {}", doc);
            prop_assert!((score - e_score).abs() <= 1e-4 * e_score.abs().max(1.0), "doc {} score {} vs {}", doc, score, e_score);
        }
    }
}

//! Query evaluation and ranking: a query string in, ranked documents out.
//!
//! A query is a list of words. Each word is looked up exactly; the last word, while the user
//! is still typing it, also matches as a prefix (`Khame` → `khamenei`). Documents that contain
//! every word rank above documents that contain only some, and within those groups by BM25F
//! over the title and the text.

use std::collections::BTreeSet;

use fst::{Automaton, IntoStreamer, Streamer};

use crate::analysis::tokenize;
use crate::bundle::{Bundle, BundleError};
use crate::document::DocId;

/// Ranking weights. Each is a named constant with the reason it has the value it has.
pub mod weights {
    /// BM25 term-frequency saturation: how quickly repeated occurrences stop adding score.
    /// 1.2 is the usual default from the Okapi experiments; news texts are short enough that
    /// a lower saturation would over-reward repetition.
    pub const K1: f32 = 1.2;
    /// Length normalisation of the text field (0 = none, 1 = full). Long articles mention
    /// everything once; 0.75 is the Okapi default and penalises that padding.
    pub const B_TEXT: f32 = 0.75;
    /// Length normalisation of the title: titles vary less in length, so normalise less.
    pub const B_TITLE: f32 = 0.5;
    /// A word in the title is worth this many words in the text: titles say what a document
    /// is about, texts mention things in passing.
    pub const TITLE_WEIGHT: f32 = 3.0;
    /// A prefix match (`khame` for `khamenei`) is worth this share of an exact match, so
    /// a document containing the typed word itself outranks one containing a longer word.
    pub const PREFIX_WEIGHT: f32 = 0.6;
}

/// Queries with more distinct words than this keep the first ones: past a dozen words the
/// extra ones do not change the ranking, only the cost (a pasted 10,000-character query must
/// still answer instantly).
pub const MAX_QUERY_WORDS: usize = 32;

/// At most this many dictionary terms stand in for one prefix, the most frequent first: a
/// one-letter prefix would otherwise expand to most of the dictionary.
pub const MAX_PREFIX_EXPANSIONS: usize = 64;

/// How a query is run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchOptions {
    /// At most this many hits are returned (the total counts them all).
    pub limit: usize,
    /// Treat the last word as a prefix too: on while the user is typing.
    pub last_word_is_prefix: bool,
}

impl Default for SearchOptions {
    fn default() -> Self {
        SearchOptions {
            limit: 20,
            last_word_is_prefix: true,
        }
    }
}

/// One ranked document.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    pub doc: DocId,
    pub score: f32,
    /// How many of the query's words the document contains.
    pub matched_words: u32,
}

/// The answer to a query: the best hits and what matched, for snippets and highlighting.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SearchResults {
    /// How many documents match at all (every document for an empty query).
    pub total: usize,
    /// The best `limit` of them, best first.
    pub hits: Vec<Hit>,
    /// Every dictionary term the query matched (its words and their prefix expansions),
    /// sorted: what snippets and the reading view mark.
    pub matched_terms: Vec<String>,
}

/// One query word and the dictionary terms that stand for it, with their weights.
struct WordExpansion {
    terms: Vec<(String, u64, f32)>,
}

/// Runs `query` against `bundle`.
///
/// An empty query, or one with no words in it (only punctuation, emoji or spaces), lists every
/// document in bundle order. Cost: one dictionary look-up per word (a bounded prefix scan for
/// the last) and one pass over each matched term's postings.
pub fn search(
    bundle: &Bundle<'_>,
    query: &str,
    options: &SearchOptions,
) -> Result<SearchResults, BundleError> {
    let words = query_words(query);
    let doc_count = bundle.doc_count();
    if words.is_empty() {
        let hits = (0..doc_count)
            .take(options.limit)
            .map(|doc| Hit {
                doc,
                score: 0.0,
                matched_words: 0,
            })
            .collect();
        return Ok(SearchResults {
            total: doc_count as usize,
            hits,
            matched_terms: Vec::new(),
        });
    }

    let last = words.len() - 1;
    let expansions: Vec<WordExpansion> = words
        .iter()
        .enumerate()
        .map(|(i, word)| expand_word(bundle, word, options.last_word_is_prefix && i == last))
        .collect::<Result<_, _>>()?;

    let mut scores = vec![0f32; doc_count as usize];
    let mut matched = vec![0u32; doc_count as usize];
    let mut best = vec![0f32; doc_count as usize];
    let mut touched: Vec<DocId> = Vec::new();
    let (avg_title, avg_text) = bundle.average_field_lengths();
    let mut matched_terms = BTreeSet::new();

    for expansion in &expansions {
        for (term, offset, weight) in &expansion.terms {
            let postings = bundle.postings(*offset)?;
            let idf = idf(doc_count, postings.doc_freq());
            for posting in postings {
                let posting = posting?;
                let doc = posting.doc as usize;
                if doc >= best.len() {
                    return Err(BundleError::Corrupt("posting names a missing document"));
                }
                let (title_len, text_len) = bundle.field_lengths(posting.doc);
                let contribution = weight
                    * bm25f(
                        idf,
                        posting.title_positions.len() as u32,
                        title_len,
                        avg_title,
                        posting.text_positions.len() as u32,
                        text_len,
                        avg_text,
                    );
                if best[doc] == 0.0 {
                    touched.push(posting.doc);
                }
                best[doc] = best[doc].max(contribution);
            }
            matched_terms.insert(term.clone());
        }
        for &doc in &touched {
            let doc = doc as usize;
            scores[doc] += best[doc];
            matched[doc] += 1;
            best[doc] = 0.0;
        }
        touched.clear();
    }

    let mut hits: Vec<Hit> = (0..doc_count)
        .filter(|&doc| matched[doc as usize] > 0)
        .map(|doc| Hit {
            doc,
            score: scores[doc as usize],
            matched_words: matched[doc as usize],
        })
        .collect();
    let total = hits.len();
    rank_hits(&mut hits);
    hits.truncate(options.limit);
    Ok(SearchResults {
        total,
        hits,
        matched_terms: matched_terms.into_iter().collect(),
    })
}

/// Orders hits best first: more matched words, then higher score, then bundle order, so the
/// order is total and the same on every run.
pub fn rank_hits(hits: &mut [Hit]) {
    hits.sort_by(|a, b| {
        b.matched_words
            .cmp(&a.matched_words)
            .then(b.score.total_cmp(&a.score))
            .then(a.doc.cmp(&b.doc))
    });
}

/// The distinct folded words of a query, in order, at most [`MAX_QUERY_WORDS`].
pub fn query_words(query: &str) -> Vec<String> {
    let mut seen = BTreeSet::new();
    tokenize(query)
        .into_iter()
        .map(|token| token.term)
        .filter(|term| seen.insert(term.clone()))
        .take(MAX_QUERY_WORDS)
        .collect()
}

fn expand_word(
    bundle: &Bundle<'_>,
    word: &str,
    as_prefix: bool,
) -> Result<WordExpansion, BundleError> {
    let mut terms = Vec::new();
    if let Some(offset) = bundle.terms().get(word) {
        terms.push((word.to_owned(), offset, 1.0));
    }
    if as_prefix {
        let mut candidates = Vec::new();
        let mut stream = bundle
            .terms()
            .search(fst::automaton::Str::new(word).starts_with())
            .into_stream();
        while let Some((key, offset)) = stream.next() {
            if key == word.as_bytes() {
                continue;
            }
            let doc_freq = bundle.postings(offset)?.doc_freq();
            candidates.push((doc_freq, String::from_utf8_lossy(key).into_owned(), offset));
        }
        candidates.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
        terms.extend(
            candidates
                .into_iter()
                .take(MAX_PREFIX_EXPANSIONS)
                .map(|(_, term, offset)| (term, offset, weights::PREFIX_WEIGHT)),
        );
    }
    Ok(WordExpansion { terms })
}

/// Inverse document frequency, the BM25 variant that never goes negative.
pub fn idf(doc_count: u32, doc_freq: u32) -> f32 {
    let n = doc_count as f32;
    let df = doc_freq as f32;
    (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
}

/// BM25F: field frequencies are length-normalised per field, weighted, summed, and then
/// saturated once, so a word in both title and text is not counted as two separate terms.
pub fn bm25f(
    idf: f32,
    title_tf: u32,
    title_len: u32,
    avg_title_len: f32,
    text_tf: u32,
    text_len: u32,
    avg_text_len: f32,
) -> f32 {
    use weights::*;
    let title = title_tf as f32 / (1.0 - B_TITLE + B_TITLE * title_len as f32 / avg_title_len);
    let text = text_tf as f32 / (1.0 - B_TEXT + B_TEXT * text_len as f32 / avg_text_len);
    let tf = TITLE_WEIGHT * title + text;
    idf * tf / (K1 + tf)
}

//! Query evaluation and ranking: a query string in, ranked documents out.
//!
//! Each query word stands for a small set of dictionary terms (see [`expand`](crate::expand)):
//! the word itself, its inflections and spelling variants, words it begins while being typed,
//! and, when it matches nothing as typed, words a typo or two away. Each term's match is
//! scored with BM25F over title and text and discounted by how far it is from what was typed;
//! a word scores a document by its best term. Documents that match every word (stop words
//! aside) rank first, then documents that match some, each group by score; among the best,
//! documents where the words stand close together gain a proximity bonus.

use std::collections::BTreeSet;

use crate::bundle::{Bundle, BundleError};
use crate::document::DocId;
use crate::expand::{expand_word, Expansion, ExpansionScope};
use crate::facets::{filter_mask, FacetCounts, Filter};
use crate::query::{parse_plain, parse_query, Clause, Field, Matcher, Query};

/// Ranking weights. Each is a named constant with the reason it has the value it has.
pub mod weights {
    /// BM25 term-frequency saturation: how quickly repeated occurrences stop adding score.
    /// BM25F saturates the *weighted* sum of field frequencies, so a title occurrence
    /// already counts `TITLE_WEIGHT` times and the plain-BM25 default of 1.2 saturates too
    /// early. 2.1 is the best mean over the four test collections on a grid from 0.9 to 3.0,
    /// and leave-one-collection-out cross-validation (each collection scored at the value
    /// best on the other three: 2.1, 2.1 or 1.8, 2.5, 2.1) keeps every collection ahead of
    /// the peers, so the lead is not an artefact of tuning; docs/benchmarks.md has the table.
    pub const K1: f32 = 2.1;
    /// Length normalisation of the text field (0 = none, 1 = full). Long articles mention
    /// everything once; 0.75 is the Okapi default and penalises that padding.
    pub const B_TEXT: f32 = 0.75;
    /// Length normalisation of the title: titles vary less in length, so normalise less.
    pub const B_TITLE: f32 = 0.5;
    /// A word in the title is worth this many words in the text: titles say what a document
    /// is about, texts mention things in passing.
    pub const TITLE_WEIGHT: f32 = 3.0;
    /// The relative bonus (0–1) for query words standing next to each other; it falls off as
    /// 1/distance. Small enough that proximity reorders near-ties and never outweighs a
    /// clearly better BM25 match.
    pub const PROXIMITY_BOOST: f32 = 0.25;
}

/// Only this many of the best documents get the proximity bonus: it needs positions, and
/// below the first pages nobody looks.
pub const PROXIMITY_CANDIDATES: usize = 64;

/// How a query is run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchOptions {
    /// At most this many hits are returned (the total counts them all).
    pub limit: usize,
    /// Treat the last word as a prefix too, unless the query ends with a space: on while the
    /// user is typing.
    pub last_word_is_prefix: bool,
    /// Selected facet values: OR within a kind, AND across kinds, negated ones excluded.
    pub filters: Vec<Filter>,
    /// Read the query language (phrases, `-`, `OR`, groups, `title:`); when off, the query
    /// is plain text and every word of it is just a word (see `query::parse_plain`).
    pub operators: bool,
}

impl Default for SearchOptions {
    fn default() -> Self {
        SearchOptions {
            limit: 20,
            last_word_is_prefix: true,
            filters: Vec::new(),
            operators: true,
        }
    }
}

/// One ranked document.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    pub doc: DocId,
    pub score: f32,
    /// Whether the document matches every clause of the query (stop words aside).
    pub matches_all: bool,
}

/// The answer to a query: the best hits and what matched, for snippets and highlighting.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SearchResults {
    /// How many documents match at all (every document for an empty query).
    pub total: usize,
    /// The best `limit` of them, best first.
    pub hits: Vec<Hit>,
    /// Every dictionary term the query matched (its words and their expansions), sorted:
    /// what snippets and the reading view mark.
    pub matched_terms: Vec<String>,
    /// For every facet value of the collection, how many of all the results (not only the
    /// returned `hits`) carry it.
    pub facets: FacetCounts,
}

/// Runs `query` against `bundle`.
///
/// An empty query, or one with no words in it (only punctuation, emoji or spaces), lists every
/// document in bundle order; a query of only exclusions lists every other document.
pub fn search(
    bundle: &Bundle<'_>,
    query: &str,
    options: &SearchOptions,
) -> Result<SearchResults, BundleError> {
    let query = if options.operators {
        parse_query(query, options.last_word_is_prefix)
    } else {
        parse_plain(query, options.last_word_is_prefix)
    };
    evaluate(bundle, &query, &options.filters, options.limit)
}

/// A document's score for one matcher or clause: sorted by doc, no duplicates.
type Scores = Vec<(DocId, f32)>;

/// Where in one document a query word's terms stand, ascending.
#[derive(Debug, Clone, Default)]
struct FieldPositions {
    title: Vec<u32>,
    text: Vec<u32>,
}

struct Evaluation<'b, 'a> {
    bundle: &'b Bundle<'a>,
    matched_terms: BTreeSet<String>,
    /// Dense scratch for a word's weighted term frequencies per document (title, text),
    /// summed over its expansions; reset after each word.
    title_tf: Vec<f32>,
    text_tf: Vec<f32>,
    touched: Vec<DocId>,
}

/// Evaluates a parsed query.
pub fn evaluate(
    bundle: &Bundle<'_>,
    query: &Query,
    filters: &[Filter],
    limit: usize,
) -> Result<SearchResults, BundleError> {
    let doc_count = bundle.doc_count() as usize;
    let passes = filter_mask(bundle.facets(), filters, doc_count);
    let passes = |doc: DocId| passes.as_ref().is_none_or(|mask| mask[doc as usize]);
    let mut eval = Evaluation {
        bundle,
        matched_terms: BTreeSet::new(),
        title_tf: vec![0.0; doc_count],
        text_tf: vec![0.0; doc_count],
        touched: Vec::new(),
    };

    let mut excluded = vec![false; doc_count];
    for matcher in &query.excluded {
        for (doc, _) in eval.matcher(matcher, ExpansionScope::Exact)? {
            excluded[doc as usize] = true;
        }
    }
    if query.clauses.is_empty() {
        let mut hits: Vec<Hit> = (0..bundle.doc_count())
            .filter(|&doc| !excluded[doc as usize] && passes(doc))
            .map(|doc| Hit {
                doc,
                score: 0.0,
                matches_all: true,
            })
            .collect();
        let total = hits.len();
        let facets = facet_counts(bundle, &hits);
        hits.truncate(limit);
        return Ok(SearchResults {
            total,
            hits,
            matched_terms: Vec::new(),
            facets,
        });
    }

    // Stop words count towards "matches all" only when the query is nothing but stop words.
    let all_stop = query.clauses.iter().all(Clause::is_stop_words);
    let required: Vec<bool> = query
        .clauses
        .iter()
        .map(|c| all_stop || !c.is_stop_words())
        .collect();
    let required_count = required.iter().filter(|r| **r).count() as u32;

    // Beside other words, stop words are noise: like Lunr and most engines, ignore them. A
    // clause that comes again (a word repeated in a pasted paragraph) counts again, as in
    // Lunr's query vector, but is evaluated once.
    let mut distinct: Vec<(&Clause, u32)> = Vec::new();
    for (clause, _) in query.clauses.iter().zip(&required).filter(|(_, r)| **r) {
        match distinct.iter_mut().find(|(seen, _)| *seen == clause) {
            Some((_, times)) => *times += 1,
            None => distinct.push((clause, 1)),
        }
    }
    let mut scores = vec![0f32; doc_count];
    let mut matched_required = vec![0u32; doc_count];
    for (clause, times) in distinct {
        let scored = eval.clause(clause, ExpansionScope::Tolerant)?;
        for &(doc, score) in &scored {
            scores[doc as usize] += times as f32 * score;
            matched_required[doc as usize] += times;
        }
    }

    let mut hits: Vec<Hit> = (0..bundle.doc_count())
        .filter(|&doc| matched_required[doc as usize] > 0 && !excluded[doc as usize] && passes(doc))
        .map(|doc| Hit {
            doc,
            score: scores[doc as usize],
            matches_all: matched_required[doc as usize] == required_count,
        })
        .collect();
    let total = hits.len();
    let facets = facet_counts(bundle, &hits);
    keep_best_hits(&mut hits, limit.max(PROXIMITY_CANDIDATES));
    eval.apply_proximity(query, &mut hits)?;
    hits.truncate(limit);
    Ok(SearchResults {
        total,
        hits,
        matched_terms: eval.matched_terms.into_iter().collect(),
        facets,
    })
}

fn facet_counts(bundle: &Bundle<'_>, hits: &[Hit]) -> FacetCounts {
    bundle.facet_index().count(hits.iter().map(|hit| hit.doc))
}

/// Orders hits best first: documents matching every clause, then by score, then in bundle
/// order, so the order is total and the same on every run.
pub fn rank_hits(hits: &mut [Hit]) {
    hits.sort_by(better_hit);
}

fn better_hit(a: &Hit, b: &Hit) -> std::cmp::Ordering {
    b.matches_all
        .cmp(&a.matches_all)
        .then(b.score.total_cmp(&a.score))
        .then(a.doc.cmp(&b.doc))
}

/// Keeps the best `keep` hits, ranked: a selection, then a sort of only those, because a
/// one-letter prefix can match every document and nobody pages through all of them.
fn keep_best_hits(hits: &mut Vec<Hit>, keep: usize) {
    if keep == 0 {
        hits.clear();
        return;
    }
    if hits.len() > keep {
        hits.select_nth_unstable_by(keep - 1, better_hit);
        hits.truncate(keep);
    }
    rank_hits(hits);
}

impl Evaluation<'_, '_> {
    /// The sum of the scores of a clause's alternatives that a document matches.
    fn clause(&mut self, clause: &Clause, scope: ExpansionScope) -> Result<Scores, BundleError> {
        let mut merged: Scores = Vec::new();
        for alternative in &clause.alternatives {
            let scored = self.matcher(alternative, scope)?;
            merged = merge_sum(&merged, &scored);
        }
        Ok(merged)
    }

    fn matcher(&mut self, matcher: &Matcher, scope: ExpansionScope) -> Result<Scores, BundleError> {
        match matcher {
            Matcher::Word {
                term,
                field,
                prefix,
            } => {
                let expansions = expand_word(self.bundle, term, *prefix, scope)?;
                self.word(&expansions, *field)
            }
            Matcher::Phrase { terms, field } => self.phrase(terms, *field),
            Matcher::Group(clauses) => {
                let all_stop = clauses.iter().all(Clause::is_stop_words);
                let mut sum: Scores = Vec::new();
                let mut needed: Option<Vec<DocId>> = None;
                for clause in clauses {
                    let scored = self.clause(clause, scope)?;
                    if all_stop || !clause.is_stop_words() {
                        let docs: Vec<DocId> = scored.iter().map(|(d, _)| *d).collect();
                        needed = Some(match needed {
                            None => docs,
                            Some(previous) => intersect(&previous, &docs),
                        });
                    }
                    sum = merge_sum(&sum, &scored);
                }
                let needed = needed.unwrap_or_default();
                Ok(sum
                    .into_iter()
                    .filter(|(d, _)| needed.binary_search(d).is_ok())
                    .collect())
            }
        }
    }

    /// A word's score in each document. The word's expansions count as one term, as a
    /// stemmer would make them: their occurrences are summed, each weighted by how close the
    /// expansion is to what was typed, and the term's document frequency is that of the
    /// union. So a document saying "flow" twice and "flows" three times has five
    /// occurrences, and the exact form still weighs most.
    fn word(&mut self, expansions: &[Expansion], field: Field) -> Result<Scores, BundleError> {
        for expansion in expansions {
            let mut any = false;
            for posting in self.bundle.postings(expansion.offset)? {
                let posting = posting?;
                let text_tf = if field == Field::Title {
                    0
                } else {
                    posting.text_tf
                };
                if posting.title_tf + text_tf == 0 {
                    continue;
                }
                let doc = posting.doc as usize;
                if doc >= self.title_tf.len() {
                    return Err(BundleError::Corrupt("posting names a missing document"));
                }
                if self.title_tf[doc] == 0.0 && self.text_tf[doc] == 0.0 {
                    self.touched.push(posting.doc);
                }
                self.title_tf[doc] += expansion.weight * posting.title_tf as f32;
                self.text_tf[doc] += expansion.weight * text_tf as f32;
                any = true;
            }
            if any {
                self.matched_terms.insert(expansion.term.clone());
            }
        }
        let idf = idf(self.bundle.doc_count(), self.touched.len() as u32);
        // Several expansions touch documents out of order. When they touch a large share of
        // the collection (a prefix being typed), walking the dense arrays in document order
        // is several times cheaper than sorting the list.
        if self.touched.len() * 16 > self.title_tf.len() {
            self.touched.clear();
            let touched = self.title_tf.iter().zip(&self.text_tf).enumerate();
            self.touched.extend(
                touched
                    .filter(|(_, (title, text))| **title != 0.0 || **text != 0.0)
                    .map(|(doc, _)| doc as DocId),
            );
        } else {
            self.touched.sort_unstable();
        }
        let mut scores = Vec::with_capacity(self.touched.len());
        for &doc in &self.touched {
            let d = doc as usize;
            let (title_norm, text_norm) = self.bundle.length_norms(doc);
            let title = std::mem::take(&mut self.title_tf[d]);
            let text = std::mem::take(&mut self.text_tf[d]);
            scores.push((doc, bm25f_weighted(idf, title, title_norm, text, text_norm)));
        }
        self.touched.clear();
        Ok(scores)
    }

    /// Documents where the phrase's words stand next to each other in order, scored as if the
    /// phrase were one term (its own document frequency and occurrence counts).
    fn phrase(&mut self, terms: &[String], field: Field) -> Result<Scores, BundleError> {
        let mut per_word: Vec<Vec<Expansion>> = Vec::with_capacity(terms.len());
        let mut candidates: Option<Vec<DocId>> = None;
        for term in terms {
            let expansions = expand_word(self.bundle, term, false, ExpansionScope::Exact)?;
            let mut docs = Vec::new();
            for expansion in &expansions {
                for posting in self.bundle.postings(expansion.offset)? {
                    docs.push(posting?.doc);
                }
            }
            docs.sort_unstable();
            docs.dedup();
            candidates = Some(match candidates {
                None => docs,
                Some(previous) => intersect(&previous, &docs),
            });
            per_word.push(expansions);
        }
        let candidates = candidates.unwrap_or_default();
        if candidates.is_empty() {
            return Ok(Vec::new());
        }
        let positions: Vec<Vec<FieldPositions>> = per_word
            .iter()
            .map(|expansions| self.positions_in(expansions, &candidates))
            .collect::<Result<_, _>>()?;

        let mut counts: Vec<(DocId, u32, u32)> = Vec::new();
        for (i, &doc) in candidates.iter().enumerate() {
            let occurrences = |pick: fn(&FieldPositions) -> &Vec<u32>| -> u32 {
                pick(&positions[0][i])
                    .iter()
                    .filter(|&&start| {
                        positions.iter().enumerate().skip(1).all(|(offset, word)| {
                            pick(&word[i])
                                .binary_search(&(start + offset as u32))
                                .is_ok()
                        })
                    })
                    .count() as u32
            };
            let title = occurrences(|p| &p.title);
            let text = if field == Field::Title {
                0
            } else {
                occurrences(|p| &p.text)
            };
            if title + text > 0 {
                counts.push((doc, title, text));
            }
        }
        if counts.is_empty() {
            return Ok(Vec::new());
        }
        for expansions in &per_word {
            self.matched_terms
                .extend(expansions.iter().map(|e| e.term.clone()));
        }
        let idf = idf(self.bundle.doc_count(), counts.len() as u32);
        Ok(counts
            .into_iter()
            .map(|(doc, title, text)| {
                let (title_norm, text_norm) = self.bundle.length_norms(doc);
                (
                    doc,
                    bm25f_normalised(idf, title, title_norm, text, text_norm),
                )
            })
            .collect())
    }

    /// For each of `docs` (sorted), the merged title and text positions of all `expansions`.
    fn positions_in(
        &self,
        expansions: &[Expansion],
        docs: &[DocId],
    ) -> Result<Vec<FieldPositions>, BundleError> {
        let mut positions = vec![FieldPositions::default(); docs.len()];
        for expansion in expansions {
            for posting in self.bundle.postings(expansion.offset)? {
                let posting = posting?;
                if let Ok(i) = docs.binary_search(&posting.doc) {
                    let (title, text) = self.bundle.positions(&posting)?;
                    positions[i].title.extend(title);
                    positions[i].text.extend(text);
                }
            }
        }
        for field in &mut positions {
            field.title.sort_unstable();
            field.text.sort_unstable();
        }
        Ok(positions)
    }

    /// Boosts the best documents whose query words stand close together, then reorders them.
    fn apply_proximity(&mut self, query: &Query, hits: &mut [Hit]) -> Result<(), BundleError> {
        let words: Vec<Vec<Expansion>> = query
            .clauses
            .iter()
            .filter(|c| !c.is_stop_words())
            .filter_map(|c| match c.alternatives.as_slice() {
                [Matcher::Word {
                    term,
                    field: Field::Any,
                    prefix,
                }] => Some((term, *prefix)),
                _ => None,
            })
            .map(|(term, prefix)| expand_word(self.bundle, term, prefix, ExpansionScope::Exact))
            .collect::<Result<_, _>>()?;
        if words.len() < 2 {
            return Ok(());
        }
        let top = hits.len().min(PROXIMITY_CANDIDATES);
        let mut docs: Vec<DocId> = hits[..top].iter().map(|h| h.doc).collect();
        docs.sort_unstable();
        let positions: Vec<Vec<FieldPositions>> = words
            .iter()
            .map(|expansions| self.positions_in(expansions, &docs))
            .collect::<Result<_, _>>()?;
        for hit in &mut hits[..top] {
            let Ok(i) = docs.binary_search(&hit.doc) else {
                continue;
            };
            let closeness: f32 = positions
                .windows(2)
                .map(|pair| {
                    let title = min_distance(&pair[0][i].title, &pair[1][i].title);
                    let text = min_distance(&pair[0][i].text, &pair[1][i].text);
                    match title.min(text) {
                        u32::MAX => 0.0,
                        distance => 1.0 / distance.max(1) as f32,
                    }
                })
                .sum::<f32>()
                / (positions.len() - 1) as f32;
            hit.score *= 1.0 + weights::PROXIMITY_BOOST * closeness;
        }
        rank_hits(&mut hits[..top]);
        Ok(())
    }
}

/// The smallest gap between a position in `a` and one in `b` (both sorted), or `u32::MAX`.
fn min_distance(a: &[u32], b: &[u32]) -> u32 {
    let (mut i, mut j, mut best) = (0, 0, u32::MAX);
    while i < a.len() && j < b.len() {
        best = best.min(a[i].abs_diff(b[j]));
        if a[i] < b[j] {
            i += 1;
        } else {
            j += 1;
        }
    }
    best
}

fn merge_sum(a: &[(DocId, f32)], b: &[(DocId, f32)]) -> Scores {
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    while i < a.len() || j < b.len() {
        match (a.get(i), b.get(j)) {
            (Some(&(da, sa)), Some(&(db, sb))) if da == db => {
                out.push((da, sa + sb));
                i += 1;
                j += 1;
            }
            (Some(&(da, sa)), Some(&(db, _))) if da < db => {
                out.push((da, sa));
                i += 1;
            }
            (Some(_), Some(&(db, sb))) => {
                out.push((db, sb));
                j += 1;
            }
            (Some(&pair), None) => {
                out.push(pair);
                i += 1;
            }
            (None, Some(&pair)) => {
                out.push(pair);
                j += 1;
            }
            (None, None) => break,
        }
    }
    out
}

fn intersect(a: &[DocId], b: &[DocId]) -> Vec<DocId> {
    a.iter()
        .copied()
        .filter(|d| b.binary_search(d).is_ok())
        .collect()
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
    let title_norm = 1.0 - B_TITLE + B_TITLE * title_len as f32 / avg_title_len;
    let text_norm = 1.0 - B_TEXT + B_TEXT * text_len as f32 / avg_text_len;
    bm25f_normalised(idf, title_tf, title_norm, text_tf, text_norm)
}

/// [`bm25f`] with the length normalisations already computed (see `Bundle::length_norms`).
pub fn bm25f_normalised(
    idf: f32,
    title_tf: u32,
    title_norm: f32,
    text_tf: u32,
    text_norm: f32,
) -> f32 {
    bm25f_weighted(idf, title_tf as f32, title_norm, text_tf as f32, text_norm)
}

/// [`bm25f_normalised`] over weighted (fractional) term frequencies.
pub fn bm25f_weighted(
    idf: f32,
    title_tf: f32,
    title_norm: f32,
    text_tf: f32,
    text_norm: f32,
) -> f32 {
    let tf = weights::TITLE_WEIGHT * (title_tf / title_norm) + text_tf / text_norm;
    idf * tf / (weights::K1 + tf)
}

//! Which dictionary terms stand for a query word, and what each is worth.
//!
//! | match                                   | example               | weight            |
//! |-----------------------------------------|-----------------------|-------------------|
//! | the word itself                         | `prices` → prices     | 1.0               |
//! | same stem                               | `prices` → price      | [`STEM_WEIGHT`]    |
//! | same spelling-variant key, other stem   | `qasem` → qassem      | [`VARIANT_WEIGHT`] |
//! | a longer word, while typing             | `khame` → khamenei    | [`PREFIX_WEIGHT`]  |
//! | one or two typos away                   | `solemani` → soleimani| [`TYPO_WEIGHTS`]   |
//!
//! Typos are tried only when the word matches nothing as typed (neither exactly, nor as a
//! variant, nor — while typing — as a prefix): a word that is in the dictionary is what the
//! user meant.

use std::cmp::Reverse;

use fst::{Automaton, IntoStreamer, Streamer};

use crate::analysis::{conflation_key, is_stop_word, stem};
use crate::bundle::{Bundle, BundleError};
use crate::fuzzy::{edit_distance, max_edits_for, prefix_edit_distance, FuzzyTerm};

/// An inflection of the word (`price` for `prices`) is nearly as good as the word: the
/// exact form still ranks first.
pub const STEM_WEIGHT: f32 = 0.9;
/// A spelling variant (`Qassem` for `Qasem`, `mobilisation` for `mobilization`) is the same
/// name or word for the reader, but the form they typed ranks first.
pub const VARIANT_WEIGHT: f32 = 0.85;
/// A prefix match is worth this share of an exact match, so a document containing the typed
/// word itself outranks one containing a longer word.
pub const PREFIX_WEIGHT: f32 = 0.6;
/// A match one / two typos away: below exact and prefix matches.
pub const TYPO_WEIGHTS: [f32; 2] = [0.4, 0.25];

/// At most this many dictionary terms stand in for one prefix, the most frequent first: a
/// one-letter prefix would otherwise expand to most of the dictionary.
pub const MAX_PREFIX_EXPANSIONS: usize = 64;

/// How many terms a prefix of `chars` characters expands to. One or two typed letters say
/// little about the word to come, and their expansions are the corpus's most frequent
/// words, each with a long posting list: a few of them show results as fast as the user
/// types, and the list sharpens with every letter.
pub fn max_prefix_expansions(chars: usize) -> usize {
    match chars {
        0..=1 => MAX_PREFIX_EXPANSIONS / 16,
        2 => MAX_PREFIX_EXPANSIONS / 8,
        3 => MAX_PREFIX_EXPANSIONS / 4,
        _ => MAX_PREFIX_EXPANSIONS,
    }
}
/// At most this many typo matches, the fewest edits first, then the most frequent.
pub const MAX_TYPO_EXPANSIONS: usize = 16;
/// The typo automaton stops collecting after this many candidates; it only matters for
/// prefix typos of short words in huge dictionaries.
const MAX_TYPO_CANDIDATES: usize = 512;

/// How far a word may stray from what was typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExpansionScope {
    /// The word and its variants: for phrases, exclusions and proximity.
    Exact,
    /// Also prefixes (of a word being typed) and typos: for the words of a query.
    Tolerant,
}

/// A dictionary term standing for a query word.
#[derive(Debug, Clone, PartialEq)]
pub struct Expansion {
    pub term: String,
    /// The term's value in the dictionary: where its postings are (see `Bundle::postings`).
    pub offset: u64,
    pub weight: f32,
}

/// The terms that stand for `word` (folded), best first, each once.
pub fn expand_word(
    bundle: &Bundle<'_>,
    word: &str,
    prefix: bool,
    scope: ExpansionScope,
) -> Result<Vec<Expansion>, BundleError> {
    let mut expansions = Vec::new();
    if let Some(offset) = bundle.terms().get(word) {
        expansions.push(Expansion {
            term: word.to_owned(),
            offset,
            weight: 1.0,
        });
    }
    let word_stem = stem(word);
    for member in bundle.conflation_class(&conflation_key(word))? {
        if member == word {
            continue;
        }
        if let Some(offset) = bundle.terms().get(member) {
            let weight = if stem(member) == word_stem {
                STEM_WEIGHT
            } else {
                VARIANT_WEIGHT
            };
            expansions.push(Expansion {
                term: member.to_owned(),
                offset,
                weight,
            });
        }
    }
    if scope == ExpansionScope::Exact {
        return Ok(expansions);
    }
    if prefix {
        let found = prefix_expansions(bundle, word, &expansions)?;
        expansions.extend(found);
    }
    if expansions.is_empty() {
        expansions = typo_expansions(bundle, word, prefix)?;
    }
    Ok(expansions)
}

/// A dictionary term copied out of the stream: its bytes and its value.
type CopiedTerm = (Vec<u8>, u64);

fn prefix_expansions(
    bundle: &Bundle<'_>,
    word: &str,
    already: &[Expansion],
) -> Result<Vec<Expansion>, BundleError> {
    let keep = max_prefix_expansions(word.chars().count());
    // The best `keep`, most frequent first (ties: alphabetical, as the stream comes).
    let mut best: Vec<(Reverse<u32>, CopiedTerm)> = Vec::with_capacity(keep + 1);
    let mut stream = bundle
        .terms()
        .search(fst::automaton::Str::new(word).starts_with())
        .into_stream();
    while let Some((key, value)) = stream.next() {
        let rank = Reverse(Bundle::doc_freq_hint(value));
        keep_best(&mut best, keep, rank, || {
            if key == word.as_bytes() || already.iter().any(|e| e.term.as_bytes() == key) {
                return None;
            }
            // `th` is not a search for "the": stop words only match when typed whole.
            if std::str::from_utf8(key).is_ok_and(is_stop_word) {
                return None;
            }
            Some((key.to_vec(), value))
        });
    }
    Ok(best
        .into_iter()
        .map(|(_, (key, offset))| Expansion {
            term: String::from_utf8_lossy(&key).into_owned(),
            offset,
            weight: PREFIX_WEIGHT,
        })
        .collect())
}

/// Offers a streamed item to `best`, the best `keep` so far by `rank` (lowest first; equal
/// ranks in the order they came). `make` runs only for an item that makes the cut, and may
/// still turn it down: a prefix or typo search streams up to thousands of dictionary terms,
/// and only the few kept are copied out of the dictionary.
fn keep_best<R: Ord, T>(
    best: &mut Vec<(R, T)>,
    keep: usize,
    rank: R,
    make: impl FnOnce() -> Option<T>,
) {
    let at = best.partition_point(|(kept, _)| *kept <= rank);
    if at >= keep {
        return;
    }
    if let Some(item) = make() {
        best.insert(at, (rank, item));
        best.truncate(keep);
    }
}

fn typo_expansions(
    bundle: &Bundle<'_>,
    word: &str,
    prefix: bool,
) -> Result<Vec<Expansion>, BundleError> {
    let max_edits = max_edits_for(word.chars().count());
    if max_edits == 0 {
        return Ok(Vec::new());
    }
    // The best MAX_TYPO_EXPANSIONS: fewest edits, then most frequent, then (as the stream
    // comes) alphabetical.
    let mut best: Vec<((usize, Reverse<u32>), CopiedTerm)> =
        Vec::with_capacity(MAX_TYPO_EXPANSIONS + 1);
    let mut stream = bundle
        .terms()
        .search(FuzzyTerm::new(word, max_edits, prefix))
        .into_stream();
    let mut seen = 0;
    while let Some((key, offset)) = stream.next() {
        let edits = if prefix {
            prefix_edit_distance(word.as_bytes(), key)
        } else {
            edit_distance(word.as_bytes(), key)
        };
        let rank = (edits, Reverse(Bundle::doc_freq_hint(offset)));
        keep_best(&mut best, MAX_TYPO_EXPANSIONS, rank, || {
            Some((key.to_vec(), offset))
        });
        seen += 1;
        if seen >= MAX_TYPO_CANDIDATES {
            break;
        }
    }
    Ok(best
        .into_iter()
        .map(|((edits, _), (key, offset))| {
            let term = String::from_utf8_lossy(&key).into_owned();
            let weight = TYPO_WEIGHTS[edits.clamp(1, 2) - 1];
            // A prefix typo is both unfinished and mistyped: discount it for both.
            let weight = if prefix {
                weight * PREFIX_WEIGHT
            } else {
                weight
            };
            Expansion {
                term,
                offset,
                weight,
            }
        })
        .collect())
}

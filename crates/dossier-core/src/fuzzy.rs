//! Typo tolerance: an automaton that walks the term dictionary (an FST) and accepts the terms
//! within a few edits of a query word, optionally as a prefix while the word is being typed.
//!
//! Edits are insertions, deletions, substitutions and transpositions of adjacent letters
//! (optimal string alignment distance), counted on the bytes of the folded term. Folded terms
//! are ASCII for Latin-script text, where bytes are letters; in other scripts a letter is
//! 2–4 bytes, so a one-letter typo there costs more than one edit and is found less often.
//!
//! The automaton keeps one row of the edit-distance table per dictionary byte, so it prunes a
//! branch of the FST as soon as no continuation can come within the limit. fst's own
//! Levenshtein automaton builds a full DFA up front, which costs more than the whole search
//! for a two-edit query.

use fst::Automaton;

use crate::analysis::MAX_TERM_BYTES;

/// The most edits a word of `chars` characters tolerates: none below 4 letters (too many short
/// words are one edit apart), one from 4, two from 8.
pub fn max_edits_for(chars: usize) -> u8 {
    match chars {
        0..=3 => 0,
        4..=7 => 1,
        _ => 2,
    }
}

/// Accepts dictionary terms within `max_edits` of `query` (whole terms), or, in prefix mode,
/// terms that begin with something within `max_edits` of `query`.
#[derive(Debug, Clone)]
pub struct FuzzyTerm<'q> {
    query: &'q [u8],
    max_edits: u8,
    prefix: bool,
}

impl<'q> FuzzyTerm<'q> {
    /// A query longer than the longest dictionary term is cut to its length, as the index cut
    /// the terms: the table then fits in a fixed-size row.
    pub fn new(query: &'q str, max_edits: u8, prefix: bool) -> Self {
        let query = query.as_bytes();
        FuzzyTerm {
            query: &query[..query.len().min(MAX_TERM_BYTES)],
            max_edits,
            prefix,
        }
    }
}

/// Cells in a row of the table: one per query byte, plus the empty prefix.
const CELLS: usize = MAX_TERM_BYTES + 1;

/// One row of the edit-distance table, plus what a transposition needs: the previous row and
/// the previous byte. Fixed-size, so stepping the automaton never allocates: a two-edit
/// search visits thousands of dictionary nodes per keystroke.
#[derive(Debug, Clone)]
pub struct Row {
    cells: [u8; CELLS],
    /// The row before, valid when `last_byte` is set.
    previous: [u8; CELLS],
    last_byte: Option<u8>,
    /// Prefix mode: some prefix of the input so far was within the limit, so every
    /// continuation matches.
    prefix_matched: bool,
}

impl Automaton for FuzzyTerm<'_> {
    type State = Option<Row>;

    fn start(&self) -> Option<Row> {
        let mut cells = [0u8; CELLS];
        for (i, cell) in cells.iter_mut().enumerate().take(self.query.len() + 1) {
            *cell = (i as u8).min(self.max_edits + 1);
        }
        let prefix_matched = self.prefix && cells[self.query.len()] <= self.max_edits;
        Some(Row {
            cells,
            previous: [0; CELLS],
            last_byte: None,
            prefix_matched,
        })
    }

    fn is_match(&self, state: &Option<Row>) -> bool {
        state
            .as_ref()
            .is_some_and(|row| row.prefix_matched || row.cells[self.query.len()] <= self.max_edits)
    }

    fn can_match(&self, state: &Option<Row>) -> bool {
        state.is_some()
    }

    fn will_always_match(&self, state: &Option<Row>) -> bool {
        state.as_ref().is_some_and(|row| row.prefix_matched)
    }

    fn accept(&self, state: &Option<Row>, byte: u8) -> Option<Row> {
        let row = state.as_ref()?;
        if row.prefix_matched {
            return Some(row.clone());
        }
        let limit = self.max_edits + 1;
        let q = self.query;
        let mut cells = [0u8; CELLS];
        cells[0] = row.cells[0].saturating_add(1).min(limit);
        let mut any_within = cells[0] <= self.max_edits;
        for i in 1..=q.len() {
            let substitution = row.cells[i - 1] + u8::from(q[i - 1] != byte);
            let mut best = substitution.min(row.cells[i] + 1).min(cells[i - 1] + 1);
            if i >= 2 && row.last_byte == Some(q[i - 1]) && q[i - 2] == byte {
                best = best.min(row.previous[i - 2] + 1);
            }
            cells[i] = best.min(limit);
            any_within |= cells[i] <= self.max_edits;
        }
        if !any_within {
            return None;
        }
        let prefix_matched = self.prefix && cells[q.len()] <= self.max_edits;
        Some(Row {
            previous: row.cells,
            cells,
            last_byte: Some(byte),
            prefix_matched,
        })
    }
}

/// Optimal string alignment distance between two byte strings: the oracle the automaton is
/// tested against, and how search ranks a typo match by its number of edits.
pub fn edit_distance(a: &[u8], b: &[u8]) -> usize {
    distances_to_prefixes(a, b)[b.len()]
}

/// The fewest edits between `query` and any prefix of `term`.
pub fn prefix_edit_distance(query: &[u8], term: &[u8]) -> usize {
    distances_to_prefixes(query, term)
        .into_iter()
        .min()
        .unwrap_or(query.len())
}

/// The last row of the optimal-string-alignment table of `a` against `b`: entry `j` is the
/// distance between `a` and `b[..j]`. One table answers both distances above; a prefix typo
/// ranks up to hundreds of candidates per keystroke, so it is not rebuilt per prefix.
fn distances_to_prefixes(a: &[u8], b: &[u8]) -> Vec<usize> {
    let mut previous: Vec<usize> = vec![0; b.len() + 1];
    let mut row: Vec<usize> = (0..=b.len()).collect();
    let mut next: Vec<usize> = vec![0; b.len() + 1];
    for i in 1..=a.len() {
        next[0] = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            next[j] = (row[j - 1] + cost).min(row[j] + 1).min(next[j - 1] + 1);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                next[j] = next[j].min(previous[j - 2] + 1);
            }
        }
        std::mem::swap(&mut previous, &mut row);
        std::mem::swap(&mut row, &mut next);
    }
    row
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use fst::{IntoStreamer, Set, Streamer};
    use proptest::prelude::*;

    fn matches(words: &[&str], query: &str, edits: u8, prefix: bool) -> Vec<String> {
        let mut sorted: Vec<&str> = words.to_vec();
        sorted.sort_unstable();
        sorted.dedup();
        let set = Set::from_iter(sorted).expect("sorted set");
        let mut stream = set
            .search(FuzzyTerm::new(query, edits, prefix))
            .into_stream();
        let mut found = Vec::new();
        while let Some(key) = stream.next() {
            found.push(String::from_utf8_lossy(key).into_owned());
        }
        found
    }

    #[test]
    fn one_missing_letter_finds_the_word() {
        assert_eq!(
            matches(&["soleimani", "solomon"], "solemani", 1, false),
            ["soleimani"]
        );
    }

    #[test]
    fn a_swapped_pair_of_letters_is_one_edit() {
        assert_eq!(matches(&["iran", "iraq"], "irna", 1, false), ["iran"]);
        assert_eq!(edit_distance(b"irna", b"iran"), 1);
    }

    #[test]
    fn in_prefix_mode_a_mistyped_beginning_still_finds_longer_words() {
        assert_eq!(
            matches(&["khamenei", "kuwait"], "khami", 1, true),
            ["khamenei"]
        );
    }

    #[test]
    fn short_words_tolerate_no_typo_and_long_words_two() {
        assert_eq!(max_edits_for(3), 0);
        assert_eq!(max_edits_for(4), 1);
        assert_eq!(max_edits_for(8), 2);
    }

    proptest! {
        #[test]
        fn prefix_distance_is_the_distance_to_the_nearest_prefix(
            query in "[abc]{0,6}",
            term in "[abc]{0,8}",
        ) {
            let by_prefix = (0..=term.len())
                .map(|end| edit_distance(query.as_bytes(), &term.as_bytes()[..end]))
                .min();
            prop_assert_eq!(Some(prefix_edit_distance(query.as_bytes(), term.as_bytes())), by_prefix);
        }

        #[test]
        fn the_automaton_accepts_exactly_what_the_edit_distance_allows(
            words in proptest::collection::vec("[abc]{0,7}", 1..30),
            query in "[abc]{0,6}",
            edits in 0u8..3,
            prefix in any::<bool>(),
        ) {
            let refs: Vec<&str> = words.iter().map(String::as_str).collect();
            let got = matches(&refs, &query, edits, prefix);
            let mut expected: Vec<String> = words.iter()
                .filter(|w| {
                    let d = if prefix { prefix_edit_distance(query.as_bytes(), w.as_bytes()) }
                            else { edit_distance(query.as_bytes(), w.as_bytes()) };
                    d <= edits as usize
                })
                .cloned()
                .collect();
            expected.sort();
            expected.dedup();
            prop_assert_eq!(got, expected);
        }
    }
}

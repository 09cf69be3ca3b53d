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
    pub fn new(query: &'q str, max_edits: u8, prefix: bool) -> Self {
        FuzzyTerm {
            query: query.as_bytes(),
            max_edits,
            prefix,
        }
    }
}

/// One row of the edit-distance table, plus what a transposition needs: the previous row and
/// the previous byte.
#[derive(Debug, Clone)]
pub struct Row {
    cells: Vec<u8>,
    previous: Vec<u8>,
    last_byte: Option<u8>,
    /// Prefix mode: some prefix of the input so far was within the limit, so every
    /// continuation matches.
    prefix_matched: bool,
}

impl Automaton for FuzzyTerm<'_> {
    type State = Option<Row>;

    fn start(&self) -> Option<Row> {
        let cells: Vec<u8> = (0..=self.query.len())
            .map(|i| (i as u8).min(self.max_edits + 1))
            .collect();
        let prefix_matched = self.prefix && cells[self.query.len()] <= self.max_edits;
        Some(Row {
            previous: Vec::new(),
            cells,
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
        let mut cells = Vec::with_capacity(row.cells.len());
        cells.push(row.cells[0].saturating_add(1).min(limit));
        for i in 1..=q.len() {
            let substitution = row.cells[i - 1] + u8::from(q[i - 1] != byte);
            let mut best = substitution.min(row.cells[i] + 1).min(cells[i - 1] + 1);
            if i >= 2
                && row.last_byte == Some(q[i - 1])
                && q[i - 2] == byte
                && !row.previous.is_empty()
            {
                best = best.min(row.previous[i - 2] + 1);
            }
            cells.push(best.min(limit));
        }
        if cells.iter().all(|&c| c > self.max_edits) {
            return None;
        }
        let prefix_matched = self.prefix && cells[q.len()] <= self.max_edits;
        Some(Row {
            previous: row.cells.clone(),
            cells,
            last_byte: Some(byte),
            prefix_matched,
        })
    }
}

/// Optimal string alignment distance between two byte strings: the oracle the automaton is
/// tested against, and how search ranks a typo match by its number of edits.
pub fn edit_distance(a: &[u8], b: &[u8]) -> usize {
    let mut previous: Vec<usize> = Vec::new();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for i in 1..=a.len() {
        let mut next = vec![i; b.len() + 1];
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            next[j] = (row[j - 1] + cost).min(row[j] + 1).min(next[j - 1] + 1);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                next[j] = next[j].min(previous[j - 2] + 1);
            }
        }
        previous = std::mem::replace(&mut row, next);
    }
    row[b.len()]
}

/// The fewest edits between `query` and any prefix of `term`.
pub fn prefix_edit_distance(query: &[u8], term: &[u8]) -> usize {
    (0..=term.len())
        .map(|end| edit_distance(query, &term[..end]))
        .min()
        .unwrap_or(query.len())
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

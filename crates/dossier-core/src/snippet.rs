//! Snippets and highlights: which part of a text to show for a query, and which words in it
//! to mark. Everything here speaks in character (code point) offsets, the unit the views and
//! the CLI's JSON use.

use crate::analysis::for_each_word;

/// A snippet is about this many characters: two lines of a result list on a desktop.
pub const SNIPPET_CHARS: usize = 200;

/// The window starts this many characters before its first match, so the match has context.
const LEAD_CHARS: usize = 40;

/// A piece of text with the matched words marked.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Snippet {
    pub text: String,
    /// `[start, end)` character ranges of matched words in `text`, in order, not overlapping.
    pub highlights: Vec<(usize, usize)>,
}

/// Character ranges of every word of `text` whose folded form is one of `terms` (sorted).
pub fn highlight_ranges(text: &str, terms: &[String]) -> Vec<(usize, usize)> {
    word_char_ranges(text, terms)
        .into_iter()
        .filter(|(term, _, _)| term.is_some())
        .map(|(_, start, end)| (start, end))
        .collect()
}

/// The best window of about [`SNIPPET_CHARS`] characters of `text` for `terms` (sorted): the
/// one with the most distinct matched terms, then the most matches, then the earliest. White
/// space runs become single spaces; `…` marks text cut at either end. With no match, the
/// opening of the text.
pub fn make_snippet(text: &str, terms: &[String]) -> Snippet {
    let words = word_char_ranges(text, terms);
    let matches: Vec<(usize, usize, usize)> = words
        .iter()
        .enumerate()
        .filter(|(_, (term, _, _))| term.is_some())
        .map(|(i, (_, start, end))| (i, *start, *end))
        .collect();

    let chars: Vec<char> = text.chars().collect();
    let (window_start, window_end) = match best_window(&words, &matches, terms.len()) {
        Some(first_match) => {
            let anchor = words[first_match].1.saturating_sub(LEAD_CHARS);
            // Start on a word boundary: the first word starting at or after the anchor.
            let start = words
                .iter()
                .map(|(_, s, _)| *s)
                .find(|&s| s >= anchor)
                .unwrap_or(anchor)
                .min(words[first_match].1);
            (start, end_of_window(&words, start, chars.len()))
        }
        None => (0, end_of_window(&words, 0, chars.len())),
    };

    let mut snippet = Snippet::default();
    let mut out_len = 0usize;
    if window_start > 0 {
        snippet.text.push_str("… ");
        out_len += 2;
    }
    // out_position[i] = where chars[window_start + i] landed in the snippet.
    let mut out_position = Vec::with_capacity(window_end - window_start);
    let mut last_was_space = true;
    for &c in &chars[window_start..window_end] {
        out_position.push(out_len);
        if c.is_whitespace() {
            if !last_was_space {
                snippet.text.push(' ');
                out_len += 1;
            }
            last_was_space = true;
        } else {
            snippet.text.push(c);
            out_len += 1;
            last_was_space = false;
        }
    }
    if snippet.text.ends_with(' ') {
        snippet.text.pop();
        out_len -= 1;
    }
    if window_end < chars.len() {
        snippet.text.push_str(" …");
    }
    for &(_, start, end) in &matches {
        if start >= window_start && end <= window_end && end > start {
            let s = out_position[start - window_start];
            let e = out_position[end - 1 - window_start] + 1;
            snippet.highlights.push((s, e.min(out_len)));
        }
    }
    snippet
}

/// Index (into `words`) of the first match of the best window, if there is any match.
/// A sliding window over the matches: linear in their number.
fn best_window(words: &[Word], matches: &[(usize, usize, usize)], terms: usize) -> Option<usize> {
    // counts[t] = matches of term t in the window; `distinct` = how many are above 0.
    let mut counts = vec![0usize; terms];
    let mut distinct = 0usize;
    let term_of = |word_index: usize| words[word_index].0.unwrap_or(0);
    let mut best: Option<((usize, usize), usize)> = None;
    let mut end = 0;
    for (i, &(word_index, start, _)) in matches.iter().enumerate() {
        let limit = start + SNIPPET_CHARS - LEAD_CHARS;
        while end < matches.len() && matches[end].2 <= limit {
            let count = &mut counts[term_of(matches[end].0)];
            distinct += usize::from(*count == 0);
            *count += 1;
            end += 1;
        }
        let key = (distinct, end.saturating_sub(i));
        if best.as_ref().is_none_or(|(best_key, _)| key > *best_key) {
            best = Some((key, word_index));
        }
        if end > i {
            let count = &mut counts[term_of(word_index)];
            if *count > 0 {
                *count -= 1;
                distinct -= usize::from(*count == 0);
            }
        } else {
            end = i + 1;
        }
    }
    best.map(|(_, word_index)| word_index)
}

/// Where a window starting at `start` ends: after the last word that fits, or at the end.
fn end_of_window(words: &[Word], start: usize, text_len: usize) -> usize {
    let limit = start + SNIPPET_CHARS;
    if text_len <= limit {
        return text_len;
    }
    words
        .iter()
        .map(|(_, _, end)| *end)
        .take_while(|&end| end <= limit)
        .filter(|&end| end > start)
        .last()
        .unwrap_or(limit)
}

/// A word of a text: the index in the sorted query terms of its folded form, if it is one of
/// them, and its character range.
type Word = (Option<usize>, usize, usize);

/// Every word of `text` as (index of its folded form in `terms`, start char, end char). Only
/// the index is kept: a hit's text has hundreds of words, few of them matches.
fn word_char_ranges(text: &str, terms: &[String]) -> Vec<Word> {
    let mut ranges = Vec::new();
    let mut chars_before = 0usize;
    let mut bytes_seen = 0usize;
    for_each_word(text, |term, start, end| {
        chars_before += text[bytes_seen..start].chars().count();
        let len = text[start..end].chars().count();
        let matched = terms.binary_search_by(|t| t.as_str().cmp(term)).ok();
        ranges.push((matched, chars_before, chars_before + len));
        chars_before += len;
        bytes_seen = end;
    });
    ranges
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(list: &[&str]) -> Vec<String> {
        let mut v: Vec<String> = list.iter().map(|s| s.to_string()).collect();
        v.sort();
        v
    }

    fn marked(snippet: &Snippet) -> Vec<String> {
        let chars: Vec<char> = snippet.text.chars().collect();
        snippet
            .highlights
            .iter()
            .map(|&(s, e)| chars[s..e].iter().collect())
            .collect()
    }

    #[test]
    fn every_matched_word_in_the_window_is_marked_in_its_original_form() {
        let s = make_snippet("The Qāsem story. Qasem's death.", &terms(&["qasem"]));
        assert_eq!(marked(&s), ["Qāsem", "Qasem's"]);
    }

    #[test]
    fn the_window_moves_to_where_the_matches_are() {
        let text = format!(
            "{} needle here. {}",
            "filler ".repeat(100),
            "tail ".repeat(100)
        );
        let s = make_snippet(&text, &terms(&["needle"]));
        assert!(s.text.starts_with("… "));
        assert!(s.text.ends_with(" …"));
        assert_eq!(marked(&s), ["needle"]);
        assert!(s.text.chars().count() <= SNIPPET_CHARS + 4);
    }

    #[test]
    fn a_window_with_more_distinct_terms_beats_an_earlier_one() {
        let text = format!("alpha {} alpha beta", "x ".repeat(200));
        let s = make_snippet(&text, &terms(&["alpha", "beta"]));
        assert_eq!(marked(&s), ["alpha", "beta"]);
    }

    #[test]
    fn without_matches_the_snippet_is_the_opening_with_spaces_collapsed() {
        let s = make_snippet("First line\n\n  second   line", &[]);
        assert_eq!(s.text, "First line second line");
        assert!(s.highlights.is_empty());
    }

    /// The obvious quadratic window search: the oracle for `best_window`.
    fn best_window_brute_force(words: &[Word], matches: &[(usize, usize, usize)]) -> Option<usize> {
        let mut best: Option<((usize, usize), usize)> = None;
        for (i, &(word_index, start, _)) in matches.iter().enumerate() {
            let limit = start + SNIPPET_CHARS - LEAD_CHARS;
            let inside: Vec<Option<usize>> = matches[i..]
                .iter()
                .take_while(|(_, _, end)| *end <= limit)
                .map(|(w, _, _)| words[*w].0)
                .collect();
            let mut distinct = inside.clone();
            distinct.sort_unstable();
            distinct.dedup();
            let key = (distinct.len(), inside.len());
            if best.as_ref().is_none_or(|(best_key, _)| key > *best_key) {
                best = Some((key, word_index));
            }
        }
        best.map(|(_, word_index)| word_index)
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #[test]
        fn the_sliding_window_picks_what_the_quadratic_search_picks(
            text in "(alpha|beta|gamma|x{1,30}|[ .]){0,200}",
        ) {
            let terms = ["alpha".to_string(), "beta".to_string()];
            let words = word_char_ranges(&text, &terms);
            let matches: Vec<(usize, usize, usize)> = words
                .iter()
                .enumerate()
                .filter(|(_, (t, _, _))| t.is_some())
                .map(|(i, (_, s, e))| (i, *s, *e))
                .collect();
            proptest::prop_assert_eq!(best_window(&words, &matches, terms.len()), best_window_brute_force(&words, &matches));
        }
    }

    #[test]
    fn highlight_ranges_are_character_offsets() {
        let text = "Qāsem and qasem";
        assert_eq!(
            highlight_ranges(text, &terms(&["qasem"])),
            [(0, 5), (10, 15)]
        );
    }
}

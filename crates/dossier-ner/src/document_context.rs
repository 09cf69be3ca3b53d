//! What the rest of the document says about a token.
//!
//! A sentence alone often cannot tell: `OKAFOR WINS` in a headline in capitals, `Okafor`
//! first in a sentence, or `Tarvona` with nothing around it that says place or person. The
//! same document usually can. Two signals, both from the text only (no tags, so training
//! and tagging compute them alike):
//!
//! - **casing elsewhere**: whether the word is written in title case or in lower case where
//!   case is informative (not first in a sentence, not in a headline in capitals or in
//!   title case);
//! - **neighbours elsewhere**: the words before and after its other capitalised occurrences
//!   (`in Tarvona`, `Mrs Okafor`), the "context aggregation" of Ratinov & Roth (2009).

use std::collections::HashMap;

use crate::features::TokenView;

/// How many other occurrences of a word lend their neighbours. Enough to cover a name
/// repeated through an article; capped so that a very frequent word costs bounded work.
const MAX_OCCURRENCES_AGGREGATED: usize = 8;

/// Stands for a neighbour outside the sentence.
const EDGE: &str = "<edge>";

/// How a word is written: `Title` (`Lisbon`), `Upper` (`NATO`), `Lower`, or none of these.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Casing {
    Title,
    Upper,
    Lower,
    Other,
}

pub(crate) fn casing(word: &str) -> Casing {
    let mut letters = word.chars().filter(|c| c.is_alphabetic());
    let Some(first) = letters.next() else {
        return Casing::Other;
    };
    let (mut upper, mut lower) = (0, 0);
    for c in letters {
        if c.is_uppercase() {
            upper += 1;
        } else if c.is_lowercase() {
            lower += 1;
        }
    }
    match (first.is_uppercase(), upper, lower) {
        (true, 0, 0) => Casing::Title,
        (true, _, 0) => Casing::Upper,
        (true, _, _) => Casing::Title,
        (false, 0, _) if first.is_lowercase() => Casing::Lower,
        _ => Casing::Other,
    }
}

/// How a sentence uses capitals, which says how much a capital says about a name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum SentenceCase {
    /// Ordinary prose: a capital inside the sentence marks a name.
    Prose,
    /// No lower-case letter at all: a headline or dateline in capitals (CoNLL-2003 has many).
    Capitals,
    /// A headline in title case (`Envoy Flies To Lagos For Talks`), as news pages write
    /// their first line: almost every word is capitalised.
    Title,
}

impl SentenceCase {
    pub fn label(self) -> &'static str {
        match self {
            SentenceCase::Prose => "prose",
            SentenceCase::Capitals => "capitals",
            SentenceCase::Title => "title",
        }
    }
}

/// A headline in title case has at least this many words…
const TITLE_CASE_MIN_WORDS: usize = 4;
/// …and lower-case words only this short (`of`, `the`, `in`, `and`, `to`, `for`).
const TITLE_CASE_MAX_LOWER_LENGTH: usize = 3;

fn sentence_case(tokens: &[TokenView<'_>]) -> SentenceCase {
    let mut words = 0;
    let mut long_lower = false;
    let mut any_lower_letter = false;
    for token in tokens {
        any_lower_letter |= token.form.chars().any(char::is_lowercase);
        let Some(first) = token.form.chars().find(|c| c.is_alphabetic()) else {
            continue;
        };
        words += 1;
        if first.is_lowercase() && token.form.chars().count() > TITLE_CASE_MAX_LOWER_LENGTH {
            long_lower = true;
        }
    }
    match (words, any_lower_letter, long_lower) {
        (0, _, _) => SentenceCase::Prose,
        (_, false, _) => SentenceCase::Capitals,
        (n, true, false) if n >= TITLE_CASE_MIN_WORDS => SentenceCase::Title,
        _ => SentenceCase::Prose,
    }
}

/// Document-wide statistics, built once per document.
pub(crate) struct DocumentContext<'a> {
    sentence_cases: Vec<SentenceCase>,
    /// Per lower-cased word: (title-case count, lower-case count) where case is informative.
    casing_counts: HashMap<&'a str, (u32, u32)>,
    /// Per lower-cased word: where it occurs with a capital, up to one more than the cap
    /// (so that leaving out the token itself still leaves the cap).
    capitalised: HashMap<&'a str, Vec<(usize, usize)>>,
}

impl<'a> DocumentContext<'a> {
    pub fn new(views: &'a [Vec<TokenView<'_>>]) -> DocumentContext<'a> {
        let sentence_cases: Vec<SentenceCase> = views.iter().map(|s| sentence_case(s)).collect();
        let mut casing_counts: HashMap<&str, (u32, u32)> = HashMap::new();
        let mut capitalised: HashMap<&str, Vec<(usize, usize)>> = HashMap::new();
        for (s, sentence) in views.iter().enumerate() {
            for (i, token) in sentence.iter().enumerate() {
                let written = casing(&token.form);
                if matches!(written, Casing::Title | Casing::Upper) {
                    let places = capitalised.entry(token.folded.as_str()).or_default();
                    if places.len() <= MAX_OCCURRENCES_AGGREGATED {
                        places.push((s, i));
                    }
                }
                if Self::case_is_informative(&sentence_cases, s, i) {
                    let counts = casing_counts.entry(token.folded.as_str()).or_default();
                    match written {
                        Casing::Title => counts.0 += 1,
                        Casing::Lower => counts.1 += 1,
                        Casing::Upper | Casing::Other => {}
                    }
                }
            }
        }
        DocumentContext {
            sentence_cases,
            casing_counts,
            capitalised,
        }
    }

    fn case_is_informative(sentence_cases: &[SentenceCase], sentence: usize, index: usize) -> bool {
        index > 0 && sentence_cases[sentence] == SentenceCase::Prose
    }

    pub fn sentence_case(&self, sentence: usize) -> SentenceCase {
        self.sentence_cases[sentence]
    }

    /// (seen in title case elsewhere, seen in lower case elsewhere), this token left out.
    pub fn casing_elsewhere(
        &self,
        views: &[Vec<TokenView<'_>>],
        sentence: usize,
        index: usize,
    ) -> (bool, bool) {
        let token = &views[sentence][index];
        let (mut title, mut lower) = self
            .casing_counts
            .get(token.folded.as_str())
            .copied()
            .unwrap_or_default();
        if Self::case_is_informative(&self.sentence_cases, sentence, index) {
            match casing(&token.form) {
                Casing::Title => title = title.saturating_sub(1),
                Casing::Lower => lower = lower.saturating_sub(1),
                Casing::Upper | Casing::Other => {}
            }
        }
        (title > 0, lower > 0)
    }

    /// The (before, after) words of the word's other capitalised occurrences, at most
    /// [`MAX_OCCURRENCES_AGGREGATED`]; none for a word without a capital.
    pub fn neighbours_elsewhere<'v>(
        &self,
        views: &'v [Vec<TokenView<'_>>],
        sentence: usize,
        index: usize,
    ) -> Vec<(&'v str, &'v str)> {
        let token = &views[sentence][index];
        let places: &[(usize, usize)] = match casing(&token.form) {
            Casing::Title | Casing::Upper => self
                .capitalised
                .get(token.folded.as_str())
                .map_or(&[], Vec::as_slice),
            Casing::Lower | Casing::Other => &[],
        };
        places
            .iter()
            .filter(|&&place| place != (sentence, index))
            .take(MAX_OCCURRENCES_AGGREGATED)
            .map(|&(s, i)| {
                let words = &views[s];
                let before = i.checked_sub(1).map_or(EDGE, |b| words[b].word.as_str());
                let after = words.get(i + 1).map_or(EDGE, |a| a.word.as_str());
                (before, after)
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn casing_classes() {
        assert_eq!(casing("Lisbon"), Casing::Title);
        assert_eq!(casing("NATO"), Casing::Upper);
        assert_eq!(casing("I"), Casing::Title);
        assert_eq!(casing("iPhone"), Casing::Other);
        assert_eq!(casing("drone"), Casing::Lower);
        assert_eq!(casing("1996"), Casing::Other);
    }
}

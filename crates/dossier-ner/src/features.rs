//! What the tagger sees of each token: hashed observation features.
//!
//! A feature is a template and some strings (`word-1=the`, `shape=Xx`), hashed
//! ([`crate::hashing`]) to a bucket in a fixed-size weight table. Hashing needs no feature
//! dictionary in the model and bounds its size; collisions cost a little accuracy, which the
//! bucket count ([`crate::training::TrainingOptions::log2_buckets`]) trades against size.
//!
//! Features depend on the text only, never on tags, so the trainer computes them once per
//! sentence and reuses them every epoch. The set is the classic one for English news NER
//! (Ratinov & Roth 2009; Collins 2002): the word and its neighbours within two tokens,
//! word shapes, prefixes and suffixes, capitalisation in context, gazetteer matches, and
//! two document-level ones (see `document_context.rs`): how the same word is written
//! elsewhere in the document, and the words around its other occurrences.

use std::borrow::Cow;

use crate::document_context::{DocumentContext, SentenceCase};
use crate::gazetteer::{Gazetteer, MatchCase};
use crate::hashing::KeyHasher;
use crate::tags::EntityKind;
use crate::tokenize::Token;

/// Template ids: the first byte hashed into every feature key. Changing one changes every
/// bucket, so the model format version must change with them.
mod template {
    pub const BIAS: u8 = 1;
    pub const WORD: u8 = 2; // + offset index 0..=4 (offsets -2..=2)
    pub const FORM: u8 = 8;
    pub const BIGRAM_BEFORE: u8 = 9;
    pub const BIGRAM_AFTER: u8 = 10;
    pub const SHAPE: u8 = 11; // + offset index 0..=4
    pub const LONG_SHAPE: u8 = 17;
    pub const SHAPES_BEFORE: u8 = 18;
    pub const SHAPES_AFTER: u8 = 19;
    pub const PREFIX: u8 = 20; // + length 1..=4
    pub const SUFFIX: u8 = 25; // + length 1..=4
    pub const WORD_BEFORE_SHAPE: u8 = 30;
    pub const SHAPE_WORD_AFTER: u8 = 31;
    pub const SENTENCE_START_SHAPE: u8 = 32;
    pub const HEADLINE_WORD: u8 = 33;
    pub const GAZETTEER: u8 = 34;
    pub const DOCUMENT_CASE: u8 = 35;
    pub const WORD_BEFORE_ELSEWHERE: u8 = 36;
    pub const WORD_AFTER_ELSEWHERE: u8 = 37;
    pub const HEADLINE_SHAPE: u8 = 38;
}

/// How far the word and shape windows reach either side. Two tokens is the usual choice:
/// titles (`Prime Minister`) and prepositions (`in`, `at`) sit within it.
pub const WINDOW: usize = 2;

/// The longest prefix and suffix, in characters, used as features.
pub const AFFIX_LENGTH: usize = 4;

/// A run of one character class longer than this is shortened in the long shape, so that
/// `Lisbon` and `Helsinki` share `Xxxxx`.
const LONG_SHAPE_RUN: usize = 4;

/// Stands for words before the sentence start and after its end.
const PADDING: &str = "<pad>";

/// The hashed features of one sentence.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SentenceFeatures {
    offsets: Vec<usize>,
    buckets: Vec<u32>,
}

impl SentenceFeatures {
    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.offsets.len().saturating_sub(1)
    }

    /// The buckets of token `index`'s features.
    pub fn token(&self, index: usize) -> &[u32] {
        let from = self.offsets[index];
        let to = self.offsets[index + 1];
        &self.buckets[from..to]
    }
}

/// Typographic punctuation written as CoNLL-2003 writes it (ASCII), so that the `’s` of
/// `Norway’s` is the clitic `'s` the tagger learnt and `“` its `"`. Applied to every token
/// before features are made, and to gazetteer phrases.
pub fn normalise_punctuation(word: &str) -> Cow<'_, str> {
    let ascii = |c: char| match c {
        '’' | '‘' | '‛' | '`' | '´' | 'ʼ' | '′' => Some('\''),
        '“' | '”' | '„' | '‟' | '«' | '»' | '″' => Some('"'),
        '–' | '—' | '―' | '‐' | '‑' | '−' => Some('-'),
        _ => None,
    };
    if word.chars().any(|c| ascii(c).is_some()) {
        Cow::Owned(word.chars().map(|c| ascii(c).unwrap_or(c)).collect())
    } else {
        Cow::Borrowed(word)
    }
}

/// What features are made of, per token, computed once per document.
pub(crate) struct TokenView<'a> {
    /// The token with its punctuation normalised.
    pub form: Cow<'a, str>,
    /// Lower case, for the gazetteer and document statistics.
    pub folded: String,
    /// Lower case with every digit written `0`, so numbers share features.
    pub word: String,
    pub shape: String,
    pub long_shape: String,
}

impl<'a> TokenView<'a> {
    fn new(text: &'a str) -> TokenView<'a> {
        let form = normalise_punctuation(text);
        let folded = form.to_lowercase();
        let word = folded
            .chars()
            .map(|c| if c.is_ascii_digit() { '0' } else { c })
            .collect();
        TokenView {
            folded,
            word,
            shape: shape(&form, 1),
            long_shape: shape(&form, LONG_SHAPE_RUN),
            form,
        }
    }
}

/// A word's shape: capitals `X`, lower case `x`, digits `d`, other characters as they are,
/// runs of one class cut to `run` characters. `shape("U.S.", 1)` is `X.X.`, `shape("Lisbon",
/// 1)` is `Xx`, `shape("1996-08-22", 1)` is `d-d-d`.
pub fn shape(word: &str, run: usize) -> String {
    let mut out = String::new();
    let mut last = None;
    let mut repeat = 0;
    for c in word.chars() {
        let class = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_numeric() {
            'd'
        } else {
            c
        };
        repeat = if last == Some(class) { repeat + 1 } else { 1 };
        last = Some(class);
        if repeat <= run {
            out.push(class);
        }
    }
    out
}

/// Hashes features into buckets `0..2^log2_buckets`.
struct Emitter {
    mask: u64,
    buckets: Vec<u32>,
}

impl Emitter {
    fn push(&mut self, key: KeyHasher) {
        // The mask keeps the value below 2^log2_buckets ≤ 2^32, so it fits a u32.
        self.buckets.push((key.finish() & self.mask) as u32);
    }
}

/// The features of every sentence of one document. `sentences` are the tokenizer's output
/// for the whole document, so that the document-level features see all of it.
pub fn document_features(
    sentences: &[Vec<Token<'_>>],
    gazetteer: &Gazetteer,
    log2_buckets: u8,
) -> Vec<SentenceFeatures> {
    let views: Vec<Vec<TokenView<'_>>> = sentences
        .iter()
        .map(|sentence| {
            sentence
                .iter()
                .map(|token| TokenView::new(token.text))
                .collect()
        })
        .collect();
    let context = DocumentContext::new(&views);
    let mut emitter = Emitter {
        mask: (1u64 << log2_buckets.min(32)) - 1,
        buckets: Vec::new(),
    };
    (0..views.len())
        .map(|sentence| sentence_features(&views, sentence, &context, gazetteer, &mut emitter))
        .collect()
}

fn sentence_features(
    views: &[Vec<TokenView<'_>>],
    sentence: usize,
    context: &DocumentContext<'_>,
    gazetteer: &Gazetteer,
    emitter: &mut Emitter,
) -> SentenceFeatures {
    let tokens = &views[sentence];
    let sentence_case = context.sentence_case(sentence);
    let forms: Vec<&str> = tokens.iter().map(|t| t.form.as_ref()).collect();
    let folded: Vec<&str> = tokens.iter().map(|t| t.folded.as_str()).collect();
    let matches = gazetteer.find(&forms, &folded);
    let word_at = |index: isize| -> &str {
        usize::try_from(index)
            .ok()
            .and_then(|i| tokens.get(i))
            .map_or(PADDING, |t| t.word.as_str())
    };
    let shape_at = |index: isize| -> &str {
        usize::try_from(index)
            .ok()
            .and_then(|i| tokens.get(i))
            .map_or(PADDING, |t| t.shape.as_str())
    };

    let mut offsets = Vec::with_capacity(tokens.len() + 1);
    emitter.buckets.clear();
    offsets.push(0);
    for (index, token) in tokens.iter().enumerate() {
        let i = index as isize;
        let f = |template: u8| KeyHasher::new(template);
        emitter.push(f(template::BIAS));
        for (slot, offset) in (-(WINDOW as isize)..=WINDOW as isize).enumerate() {
            let slot = slot as u8;
            emitter.push(f(template::WORD + slot).part(word_at(i + offset)));
            emitter.push(f(template::SHAPE + slot).part(shape_at(i + offset)));
        }
        emitter.push(f(template::FORM).part(&token.form));
        emitter.push(
            f(template::BIGRAM_BEFORE)
                .part(word_at(i - 1))
                .part(&token.word),
        );
        emitter.push(
            f(template::BIGRAM_AFTER)
                .part(&token.word)
                .part(word_at(i + 1)),
        );
        emitter.push(f(template::LONG_SHAPE).part(&token.long_shape));
        emitter.push(
            f(template::SHAPES_BEFORE)
                .part(shape_at(i - 1))
                .part(&token.shape),
        );
        emitter.push(
            f(template::SHAPES_AFTER)
                .part(&token.shape)
                .part(shape_at(i + 1)),
        );
        emitter.push(
            f(template::WORD_BEFORE_SHAPE)
                .part(word_at(i - 1))
                .part(&token.shape),
        );
        emitter.push(
            f(template::SHAPE_WORD_AFTER)
                .part(&token.shape)
                .part(word_at(i + 1)),
        );
        affix_features(&token.word, emitter);
        if index == 0 {
            emitter.push(f(template::SENTENCE_START_SHAPE).part(&token.shape));
        }
        if sentence_case != SentenceCase::Prose {
            emitter.push(
                f(template::HEADLINE_WORD)
                    .part(sentence_case.label())
                    .part(&token.word),
            );
            emitter.push(
                f(template::HEADLINE_SHAPE)
                    .part(sentence_case.label())
                    .part(&token.shape),
            );
        }
        if token.form.chars().any(char::is_alphabetic) {
            let (title, lower) = context.casing_elsewhere(views, sentence, index);
            emitter.push(
                f(template::DOCUMENT_CASE)
                    .part(if title { "T" } else { "-" })
                    .part(if lower { "l" } else { "-" })
                    .part(&token.shape),
            );
        }
        let mut seen: Vec<(&str, &str)> = Vec::new();
        for (before, after) in context.neighbours_elsewhere(views, sentence, index) {
            if !seen.contains(&(before, after)) {
                seen.push((before, after));
                emitter.push(f(template::WORD_BEFORE_ELSEWHERE).part(before));
                emitter.push(f(template::WORD_AFTER_ELSEWHERE).part(after));
            }
        }
        for found in matches.iter().filter(|m| m.start <= index && index < m.end) {
            let position = match (found.end - found.start, index - found.start) {
                (1, _) => "U",
                (_, 0) => "B",
                (len, at) if at + 1 == len => "L",
                _ => "I",
            };
            let case = match found.case {
                MatchCase::Exact => "exact",
                MatchCase::Folded => "folded",
            };
            for kind in EntityKind::ALL {
                if found.kinds & (1 << kind.index()) != 0 {
                    emitter.push(
                        f(template::GAZETTEER)
                            .part(kind.label())
                            .part(position)
                            .part(case),
                    );
                }
            }
        }
        offsets.push(emitter.buckets.len());
    }
    SentenceFeatures {
        offsets,
        buckets: std::mem::take(&mut emitter.buckets),
    }
}

fn affix_features(word: &str, emitter: &mut Emitter) {
    let chars: Vec<char> = word.chars().collect();
    for length in 1..=AFFIX_LENGTH.min(chars.len()) {
        let prefix: String = chars[..length].iter().collect();
        let suffix: String = chars[chars.len() - length..].iter().collect();
        let length = length as u8;
        emitter.push(KeyHasher::new(template::PREFIX + length).part(&prefix));
        emitter.push(KeyHasher::new(template::SUFFIX + length).part(&suffix));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokenize::tokenize;

    #[test]
    fn shapes_generalise_words() {
        assert_eq!(shape("U.S.", 1), "X.X.");
        assert_eq!(shape("Lisbon", 1), "Xx");
        assert_eq!(shape("Lisbon", LONG_SHAPE_RUN), "Xxxxx");
        assert_eq!(shape("1996-08-22", 1), "d-d-d");
        assert_eq!(shape("al-Rashid", 1), "x-Xx");
    }

    const BUCKETS: u8 = 20;

    fn features_of(text: &str, gazetteer: &Gazetteer) -> Vec<SentenceFeatures> {
        document_features(&tokenize(text), gazetteer, BUCKETS)
    }

    #[test]
    fn every_token_gets_features_within_the_table() {
        let sentences = features_of(
            "Ms. Okafor flew to Lagos.\nLAGOS 2021-03-04",
            &Gazetteer::default(),
        );
        assert_eq!(
            sentences
                .iter()
                .map(SentenceFeatures::len)
                .collect::<Vec<_>>(),
            [6, 2]
        );
        for sentence in &sentences {
            for index in 0..sentence.len() {
                assert!(sentence.token(index).len() > 20);
                assert!(sentence.token(index).iter().all(|&b| b < 1 << BUCKETS));
            }
        }
    }

    #[test]
    fn features_are_deterministic_and_depend_on_context() {
        let a = features_of("They met Okafor in Lagos.", &Gazetteer::default());
        let b = features_of("They met Okafor in Lagos.", &Gazetteer::default());
        let c = features_of("They met Okafor near Lagos.", &Gazetteer::default());
        assert_eq!(a, b);
        // `Okafor` (token 2) sees `in` / `near` two tokens on; its own word feature is shared.
        assert_ne!(a[0].token(2), c[0].token(2));
        let shared = a[0]
            .token(2)
            .iter()
            .filter(|b| c[0].token(2).contains(b))
            .count();
        assert!(shared > 10);
    }

    #[test]
    fn a_capitals_headline_word_learns_its_case_from_the_document() {
        let gazetteer = Gazetteer::default();
        let seen = features_of("OKAFOR WINS\nThe race went to Okafor.", &gazetteer);
        let unseen = features_of("OKAFOR WINS\nThe race went to the winner.", &gazetteer);
        assert_ne!(seen[0].token(0), unseen[0].token(0));
    }

    #[test]
    fn a_name_sees_the_words_around_its_other_occurrences() {
        let gazetteer = Gazetteer::default();
        let once = features_of("Okafor spoke.", &gazetteer);
        let twice = features_of("Okafor spoke.\nThey met Mrs Okafor.", &gazetteer);
        // Two more features: `mrs` before and `.` after the other occurrence.
        assert_eq!(twice[0].token(0).len(), once[0].token(0).len() + 2);
    }

    #[test]
    fn gazetteer_matches_add_features() {
        let phrase: &[&str] = &["Lagos"];
        let gazetteer = Gazetteer::build([(phrase, EntityKind::Location)]);
        let with = features_of("They flew to Lagos.", &gazetteer);
        let without = features_of("They flew to Lagos.", &Gazetteer::default());
        assert_eq!(with[0].token(3).len(), without[0].token(3).len() + 2);
        assert_eq!(with[0].token(2), without[0].token(2));
    }
}

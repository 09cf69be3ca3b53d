//! Names seen as entities in the training data, looked up as phrases in new text.
//!
//! Word features already tell the tagger that `Lisbon` was a place; the gazetteer adds
//! what single words cannot: that `New York` was a place as a whole while `New` alone was
//! not, and it fires on every token of a known multi-word name. Keys are hashed (see
//! [`crate::hashing`]), so the model stores eight bytes and a kind mask per phrase rather
//! than the names themselves.
//!
//! A gazetteer built from the sentences the tagger trains on would be right on every one of
//! them, and the tagger would learn to trust it blindly; the trainer therefore builds one
//! per fold from the other folds (see `training.rs`). The model keeps the one built from
//! all the data.

use crate::hashing::KeyHasher;
use crate::tags::EntityKind;

/// The longest phrase, in tokens, that is stored or looked up. Longer names are rare and
/// their first tokens are usually names already stored on their own.
pub const MAX_PHRASE_TOKENS: usize = 6;

/// Hash template ids for the two kinds of key, kept apart from the feature templates.
const EXACT_KEY: u8 = 0xe0;
const FOLDED_KEY: u8 = 0xe1;

/// A bit per [`EntityKind`], in kind order.
pub type KindMask = u8;

/// How a phrase in the text matched: with its case as written, or only case-folded (which
/// is how headlines in capitals and sentence-initial words match).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MatchCase {
    Exact,
    Folded,
}

/// A gazetteer phrase found at tokens `start..end`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PhraseMatch {
    pub start: usize,
    pub end: usize,
    pub kinds: KindMask,
    pub case: MatchCase,
}

/// Hashed phrases and the kinds they were seen as. Sorted by key, keys unique.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Gazetteer {
    entries: Vec<(u64, KindMask)>,
}

impl Gazetteer {
    /// Collects every phrase (a name's tokens) with its kind; phrases longer than
    /// [`MAX_PHRASE_TOKENS`] are left out.
    pub fn build<'a>(phrases: impl IntoIterator<Item = (&'a [&'a str], EntityKind)>) -> Gazetteer {
        let mut entries = Vec::new();
        for (words, kind) in phrases {
            if words.is_empty() || words.len() > MAX_PHRASE_TOKENS {
                continue;
            }
            let bit = 1 << kind.index();
            let lower: Vec<String> = words.iter().map(|word| word.to_lowercase()).collect();
            let lower: Vec<&str> = lower.iter().map(String::as_str).collect();
            entries.push((phrase_key(words, MatchCase::Exact), bit));
            entries.push((phrase_key(&lower, MatchCase::Folded), bit));
        }
        Gazetteer::from_entries(entries)
    }

    /// Sorts and merges entries; used by [`Gazetteer::build`] and the model reader.
    pub(crate) fn from_entries(mut entries: Vec<(u64, KindMask)>) -> Gazetteer {
        entries.sort_unstable_by_key(|&(key, _)| key);
        let mut merged: Vec<(u64, KindMask)> = Vec::with_capacity(entries.len());
        for (key, kinds) in entries {
            match merged.last_mut() {
                Some(last) if last.0 == key => last.1 |= kinds,
                _ => merged.push((key, kinds)),
            }
        }
        Gazetteer { entries: merged }
    }

    pub(crate) fn entries(&self) -> &[(u64, KindMask)] {
        &self.entries
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    fn kinds(&self, key: u64) -> KindMask {
        self.entries
            .binary_search_by_key(&key, |&(k, _)| k)
            .map_or(0, |index| self.entries[index].1)
    }

    /// Every stored phrase in `words`, exact and case-folded. `folded` holds the same words
    /// lower-cased (the caller has them already).
    pub fn find(&self, words: &[&str], folded: &[&str]) -> Vec<PhraseMatch> {
        let mut found = Vec::new();
        for start in 0..words.len() {
            let longest = (words.len() - start).min(MAX_PHRASE_TOKENS);
            for end in start + 1..=start + longest {
                for (case, text) in [(MatchCase::Exact, words), (MatchCase::Folded, folded)] {
                    let kinds = self.kinds(phrase_key(&text[start..end], case));
                    if kinds != 0 {
                        found.push(PhraseMatch {
                            start,
                            end,
                            kinds,
                            case,
                        });
                    }
                }
            }
        }
        found
    }
}

/// The key of a phrase; for [`MatchCase::Folded`] the words must already be lower-cased.
fn phrase_key(words: &[&str], case: MatchCase) -> u64 {
    let template = match case {
        MatchCase::Exact => EXACT_KEY,
        MatchCase::Folded => FOLDED_KEY,
    };
    words
        .iter()
        .fold(KeyHasher::new(template), |hasher, word| hasher.part(word))
        .finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_phrases_exactly_and_case_folded() {
        let new_york: &[&str] = &["New", "York"];
        let acme: &[&str] = &["Acme"];
        let gazetteer = Gazetteer::build([
            (new_york, EntityKind::Location),
            (acme, EntityKind::Organisation),
            (acme, EntityKind::Person),
        ]);
        let words = ["in", "NEW", "YORK", "Acme"];
        let folded = ["in", "new", "york", "acme"];
        let found = gazetteer.find(&words, &folded);
        let location = 1 << EntityKind::Location.index();
        let both = (1 << EntityKind::Organisation.index()) | (1 << EntityKind::Person.index());
        assert_eq!(
            found,
            [
                PhraseMatch {
                    start: 1,
                    end: 3,
                    kinds: location,
                    case: MatchCase::Folded
                },
                PhraseMatch {
                    start: 3,
                    end: 4,
                    kinds: both,
                    case: MatchCase::Exact
                },
                PhraseMatch {
                    start: 3,
                    end: 4,
                    kinds: both,
                    case: MatchCase::Folded
                },
            ]
        );
    }
}

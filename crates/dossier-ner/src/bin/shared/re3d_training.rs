//! re3d documents as training data in CoNLL-2003's convention.
//!
//! re3d marks mentions, not just names: `the city`, `fighters`, `We`, `Ruritanian President
//! Ana Lopes`. CoNLL-2003 marks names only (`Ana Lopes`), and names are what Dossier lists.
//! Training on re3d as it is teaches the tagger to emit `the town` and `civilians` as
//! entities; rewritten here, it teaches raw-text names of re3d's domain (armed groups, towns,
//! typographic quotes) in the convention the rest of the training data uses.

use dossier_ner::{AnnotatedDocument, EntityKind, GoldSpan};

use crate::gold_files::{re3d_kind, GoldDocument};

/// The re3d licences whose documents the trainer may learn from: those that put no
/// condition on a derived model beyond attribution (given in data/ner/PROVENANCE.md).
/// re3d's CC BY-SA (Wikipedia) and CC BY-NC (BBC) documents are left out of training, so
/// that the weights carry neither share-alike nor non-commercial terms; they are still
/// scored when they fall in the held-out third.
pub const TRAINING_LICENCES: &[&str] = &[
    "public domain",
    "UK Open Government Licence v3.0",
    "CC BY 3.0 AU",
    "EEAS legal notice (reuse with attribution)",
];

/// Whether the trainer may learn from this document (see [`TRAINING_LICENCES`]).
pub fn may_train_on(document: &GoldDocument) -> bool {
    TRAINING_LICENCES.contains(&document.licence.as_deref().unwrap_or_default())
}

/// For training, re3d's nationalities (`Ruritanian`) are also CoNLL's MISC: leaving
/// them untagged would teach the tagger the opposite of what CoNLL-2003 teaches it.
pub fn training_kind(label: &str) -> Option<EntityKind> {
    match label {
        "Nationality" => Some(EntityKind::Misc),
        other => re3d_kind(other),
    }
}

/// Determiners and possessives that open a re3d mention but never a CoNLL name (`the
/// Alliance`, `our partners`); matched in any case.
const LEADING_FUNCTION_WORDS: &[&str] = &[
    "the", "a", "an", "our", "their", "its", "his", "her", "this", "these", "those", "all",
];

/// Titles and offices re3d puts before a person's name and CoNLL-2003 leaves out (`Foreign
/// Secretary Ana Lopes`); matched as written. Names in front of a title (`Ruritanian
/// President Ana Lopes`) go by another rule: they are annotated spans of their own.
#[rustfmt::skip] // A dozen a line rather than one.
const LEADING_TITLE_WORDS: &[&str] = &[
    "President", "Prime", "Minister", "Foreign", "Secretary", "Deputy", "Defense", "Defence",
    "Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Dr", "Dr.", "Col", "Col.", "Colonel", "Lt", "Lt.",
    "Lieutenant", "Gen", "Gen.", "General", "Maj.", "Major", "Capt.", "Captain", "Sgt.",
    "Sergeant", "Spc.", "Ambassador", "Sheikh", "King", "Queen", "Prince", "Special", "Envoy",
    "Commander", "Chief", "Senator", "Sen.", "Governor", "Admiral", "Adm.", "Brig.", "Petty",
    "Officer", "Staff", "HE",
];

/// Pronouns re3d tags as people and organisations (`We`, `He`).
const PRONOUNS: &[&str] = &["I", "We", "He", "She", "They", "It", "You", "Us"];

/// The document with its mentions cut to names: leading function words go; people lose
/// their titles and the names in front of them (another annotated span starting where the
/// person's does: a nationality, a country, a ministry); and what is then not a capitalised
/// name (pronouns, `the city`) is dropped.
pub fn names_only(document: AnnotatedDocument) -> AnnotatedDocument {
    let chars: Vec<char> = document.text.chars().collect();
    let entities = document
        .entities
        .iter()
        .filter_map(|&span| {
            let mut start = skip_leading_words(&chars, span.start, span.end, |word| {
                LEADING_FUNCTION_WORDS
                    .iter()
                    .any(|w| w.eq_ignore_ascii_case(word))
            });
            if span.kind == EntityKind::Person {
                loop {
                    let after_titles = skip_leading_words(&chars, start, span.end, |word| {
                        LEADING_TITLE_WORDS.contains(&word)
                    });
                    let after_names =
                        skip_leading_span(&chars, &document.entities, after_titles, span.end);
                    if after_names == start {
                        break;
                    }
                    start = after_names;
                }
            }
            let name: String = chars[start..span.end].iter().collect();
            let capitalised = name.chars().next().is_some_and(char::is_uppercase);
            (capitalised && !PRONOUNS.contains(&name.as_str()))
                .then_some(GoldSpan { start, ..span })
        })
        .collect();
    AnnotatedDocument {
        entities,
        ..document
    }
}

/// The start of `chars[start..end]` after skipping the leading words `skip` accepts, never
/// skipping the last word.
fn skip_leading_words(
    chars: &[char],
    mut start: usize,
    end: usize,
    skip: impl Fn(&str) -> bool,
) -> usize {
    loop {
        let word_end = (start..end)
            .find(|&i| chars[i].is_whitespace())
            .unwrap_or(end);
        let Some(next_word) = (word_end..end).find(|&i| !chars[i].is_whitespace()) else {
            return start;
        };
        let word: String = chars[start..word_end].iter().collect();
        if !skip(&word) {
            return start;
        }
        start = next_word;
    }
}

/// The start of `chars[start..end]` after skipping the longest annotated span that begins at
/// `start`, ends before `end` and is not a person (`Ana` inside `Ana Lopes` is the name
/// itself), and the space after it.
fn skip_leading_span(chars: &[char], spans: &[GoldSpan], start: usize, end: usize) -> usize {
    let inner_end = spans
        .iter()
        .filter(|other| other.kind != EntityKind::Person && other.start == start && other.end < end)
        .map(|other| other.end)
        .max();
    match inner_end {
        Some(inner_end) => (inner_end..end)
            .find(|&i| !chars[i].is_whitespace())
            .unwrap_or(start),
        None => start,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(kind: EntityKind, start: usize, end: usize) -> GoldSpan {
        GoldSpan { kind, start, end }
    }

    #[test]
    fn mentions_become_names() {
        let text = "Ruritanian President Ana Lopes told the Alliance that we would stay.";
        let document = AnnotatedDocument {
            text: text.into(),
            entities: vec![
                span(EntityKind::Person, 0, 30),
                span(EntityKind::Misc, 0, 10),
                span(EntityKind::Person, 21, 24),
                span(EntityKind::Organisation, 36, 48),
                span(EntityKind::Organisation, 54, 56),
            ],
        };
        let names = names_only(document);
        let chars: Vec<char> = text.chars().collect();
        let found: Vec<(EntityKind, String)> = names
            .entities
            .iter()
            .map(|s| (s.kind, chars[s.start..s.end].iter().collect()))
            .collect();
        assert_eq!(
            found,
            [
                (EntityKind::Person, "Ana Lopes".to_string()),
                (EntityKind::Misc, "Ruritanian".to_string()),
                (EntityKind::Person, "Ana".to_string()),
                (EntityKind::Organisation, "Alliance".to_string()),
            ]
        );
    }
}

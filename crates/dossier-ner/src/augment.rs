//! Training data in the shapes raw news takes and CoNLL-2003 lacks.
//!
//! News pages title their articles in title case (`Envoy Flies To Lagos For Talks`), where
//! every capital looks like a name. CoNLL-2003's headlines are in capitals or sentence case,
//! so a tagger trained on it alone marks `Flies To Lagos` as a name. Rewriting some lines of
//! the training documents in title case, gold spans unchanged, teaches it otherwise.

use crate::training::AnnotatedDocument;

/// A line longer than this many words is a paragraph, not a headline or a sentence that
/// could pass for one (re3d's texts have a paragraph a line), and is left as it is.
/// CoNLL-2003's headlines are all shorter.
pub const HEADLINE_MAX_WORDS: usize = 20;

/// The document with its first line in title case: each word starts with a capital, and a
/// word that was all capitals is lower-cased after its first letter (`LAGOS` → `Lagos`) unless
/// it is short enough to be an acronym. Character offsets do not move: a letter whose case
/// change would take more than one character is left as it is. A first line of more than
/// [`HEADLINE_MAX_WORDS`] words is left as it is.
pub fn title_case_first_line(document: &AnnotatedDocument) -> AnnotatedDocument {
    title_case_lines(document, &[0])
}

/// The document with the lines numbered in `lines` (from 0) in title case, as
/// [`title_case_first_line`] does it; lines of more than [`HEADLINE_MAX_WORDS`] words are
/// left as they are.
pub fn title_case_lines(document: &AnnotatedDocument, lines: &[usize]) -> AnnotatedDocument {
    let mut titled = String::with_capacity(document.text.len());
    for (number, line) in document.text.split('\n').enumerate() {
        if number > 0 {
            titled.push('\n');
        }
        if !lines.contains(&number) || line.split_whitespace().count() > HEADLINE_MAX_WORDS {
            titled.push_str(line);
            continue;
        }
        let shouting = !line.chars().any(char::is_lowercase);
        for (index, word) in line.split(' ').enumerate() {
            if index > 0 {
                titled.push(' ');
            }
            titled.push_str(&title_case_word(word, shouting));
        }
    }
    AnnotatedDocument {
        text: titled,
        entities: document.entities.clone(),
    }
}

/// Words in capitals this short stay in capitals when a capitals headline is title-cased:
/// they are more often acronyms (`EU`, `UN`, `US`) than words…
const ACRONYM_MAX_LENGTH: usize = 3;

/// …except these, the short words of headlines.
const SHORT_WORDS: &[&str] = &[
    "A", "AN", "THE", "AND", "OR", "BUT", "NOT", "NO", "OF", "IN", "ON", "AT", "TO", "FOR", "BY",
    "AS", "UP", "OFF", "OUT", "IS", "ARE", "WAS", "HAS", "HAD", "ITS", "HIS", "HER", "NEW", "TOP",
    "WIN", "GET", "CUT", "SET", "SAY", "ONE", "TWO", "SIX", "TEN", "BIG", "LOW", "END", "NOW",
];

fn title_case_word(word: &str, shouting: bool) -> String {
    let acronym = word.chars().count() <= ACRONYM_MAX_LENGTH && !SHORT_WORDS.contains(&word);
    let keep_rest = !shouting || acronym || word.contains('.');
    let mut out = String::with_capacity(word.len());
    let mut first = true;
    for c in word.chars() {
        let changed = if first && c.is_alphabetic() {
            first = false;
            single(c.to_uppercase())
        } else if !first && !keep_rest {
            single(c.to_lowercase())
        } else {
            None
        };
        out.push(changed.unwrap_or(c));
    }
    out
}

/// The one character a case mapping gives, if it gives exactly one.
fn single(mut mapped: impl Iterator<Item = char>) -> Option<char> {
    match (mapped.next(), mapped.next()) {
        (Some(c), None) => Some(c),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tags::EntityKind;
    use crate::training::GoldSpan;

    fn title(text: &str) -> String {
        let document = AnnotatedDocument {
            text: text.into(),
            entities: Vec::new(),
        };
        title_case_first_line(&document).text
    }

    #[test]
    fn first_lines_become_title_case_and_offsets_stay() {
        assert_eq!(
            title("Envoy flies to Lagos for talks\nBody text."),
            "Envoy Flies To Lagos For Talks\nBody text."
        );
        assert_eq!(
            title("SOCCER - EU CLUBS MEET IN LAGOS"),
            "Soccer - EU Clubs Meet In Lagos"
        );
        assert_eq!(title("U.S. envoy in Straße"), "U.S. Envoy In Straße");
        let paragraph = "a long first line ".repeat(HEADLINE_MAX_WORDS);
        assert_eq!(title(&paragraph), paragraph);
        let document = AnnotatedDocument {
            text: "one\ntwo words\nthree".into(),
            entities: Vec::new(),
        };
        assert_eq!(
            title_case_lines(&document, &[1, 2]).text,
            "one\nTwo Words\nThree"
        );
        let span = GoldSpan {
            kind: EntityKind::Location,
            start: 27,
            end: 32,
        };
        let document = AnnotatedDocument {
            text: "SOCCER - EU CLUBS MEET IN LAGOS".into(),
            entities: vec![span],
        };
        let titled = title_case_first_line(&document);
        assert_eq!(titled.text.chars().count(), document.text.chars().count());
        assert_eq!(titled.entities, [span]);
    }
}

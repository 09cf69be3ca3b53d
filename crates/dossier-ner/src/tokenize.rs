//! Raw English text → sentences of tokens, with offsets in Unicode code points.
//!
//! The tagger learns from CoNLL-2003, whose text is already split Penn-Treebank style
//! (`Germany 's representative`, `do n't`, `U.S. - Norway ,`). Raw news text must be cut the
//! same way or the features seen at run time differ from the ones learnt, and an entity
//! boundary that falls inside a token can never be found. So the rules here reproduce that
//! convention, and they leave already-spaced CoNLL text exactly as it is:
//!
//! - whitespace separates tokens, and a line break always ends a sentence (CoNLL puts one
//!   sentence on a line; news text puts one paragraph on a line);
//! - opening quotes and brackets come off the front of a word, closing punctuation off the
//!   back (`"Lisbon,"` → `"` `Lisbon` `,`);
//! - a final full stop is its own token unless the word is an abbreviation: it has an inner
//!   full stop (`U.S.`, `p.m.`), is a single letter (`J.`), or is in [`ABBREVIATIONS`];
//! - clitics split off: `Norway's` → `Norway` `'s`, `don't` → `do` `n't`, `States'` → `States` `'`;
//! - hyphens stay inside words (`al-Rashid`, `Kremlin-backed`), dashes split (`war—and`);
//! - a sentence also ends after `.`, `!` or `?` when the next token opens with a capital,
//!   a digit, a quote or a bracket.

use std::ops::Range;

/// One token: its text and where it is, in code points, end exclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token<'a> {
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
    /// Where `text` starts in the input, in bytes, so that a span of tokens can be cut from
    /// the input with its spacing.
    pub byte_start: usize,
}

/// Words written with a final full stop that belongs to them. Case matters: `Gen.` is an
/// abbreviation, `gen.` ends a sentence. Single letters (initials) and words with an inner
/// full stop are recognised without this list. The set is the titles, company suffixes,
/// months and US state forms that news agencies abbreviate (CoNLL-2003 has `Inc.`, `St.`,
/// `Calif.`, `vs.`); anything missing only costs a split full stop.
#[rustfmt::skip] // One group a line, as commented.
pub const ABBREVIATIONS: &[&str] = &[
    // Titles and ranks.
    "Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "Lt", "Col", "Maj", "Capt", "Cpt", "Sgt", "Cpl", "Pvt",
    "Adm", "Cmdr", "Brig", "Gov", "Sen", "Rep", "Rev", "Fr", "Hon", "Pres", "Amb", "Supt", "Insp",
    "Det", "Jr", "Sr", "St", "Mt", "Ft", "Messrs", "Mme", "Mlle",
    // Organisations and addresses.
    "Inc", "Corp", "Ltd", "Co", "Cos", "Bros", "Bhd", "Plc", "Pty", "Dept", "Univ", "Assn", "Ave",
    "Blvd", "Rd",
    // Months.
    "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
    // US states as news agencies write them.
    "Ala", "Ariz", "Ark", "Calif", "Colo", "Conn", "Del", "Fla", "Ga", "Ill", "Ind", "Kan", "Kans",
    "Ky", "La", "Md", "Mass", "Mich", "Minn", "Miss", "Mo", "Mont", "Neb", "Nev", "Okla", "Ore",
    "Pa", "Penn", "Tenn", "Tex", "Va", "Vt", "Wash", "Wis", "Wyo",
    // Others.
    "vs", "etc", "No", "Nos", "Vol", "vol", "approx", "est", "Fig", "fig",
];

/// Characters that open a quotation or a parenthesis and so come off the front of a word.
const OPENING: &[char] = &[
    '"', '\'', '`', '“', '‘', '„', '«', '‹', '(', '[', '{', '¿', '¡',
];

/// Characters that close something or end a clause and so come off the back of a word.
/// The full stop is handled separately (abbreviations keep theirs).
const CLOSING: &[char] = &[
    '"', '\'', '”', '’', '»', '›', ')', ']', '}', ',', ';', ':', '!', '?', '…',
];

/// Dashes that separate words even when written without spaces (`war—and`).
const DASHES: &[char] = &['—', '–', '―'];

/// Apostrophes, straight and typographic: `Norway's` and `Norway’s` split alike.
const APOSTROPHES: &[char] = &['\'', '’', '`'];

/// Clitics written after an apostrophe that are tokens of their own (Penn Treebank).
const CLITICS_AFTER_APOSTROPHE: &[&str] = &["s", "re", "ve", "ll", "d", "m"];

/// Split `text` into sentences of tokens. Offsets are code points into `text`.
///
/// ```
/// let sentences = dossier_ner::tokenize("Norway's envoy left the U.S. on Friday.");
/// let words: Vec<&str> = sentences[0].iter().map(|t| t.text).collect();
/// assert_eq!(words, ["Norway", "'s", "envoy", "left", "the", "U.S.", "on", "Friday", "."]);
/// assert_eq!((sentences[0][1].start, sentences[0][1].end), (6, 8));
/// ```
pub fn tokenize(text: &str) -> Vec<Vec<Token<'_>>> {
    let mut sentences = Vec::new();
    let mut current: Vec<Token<'_>> = Vec::new();
    // Set after `.`, `!` or `?` and kept across closing quotes and brackets, so that
    // `He left." Then` splits before `Then`.
    let mut after_terminal = false;
    for line in lines_with_offsets(text) {
        for chunk in chunks(&line) {
            for piece in split_chunk(chunk.text) {
                let piece_text = &chunk.text[piece.clone()];
                let start = chunk.start_char + chunk.text[..piece.start].chars().count();
                let token = Token {
                    text: piece_text,
                    start,
                    end: start + piece_text.chars().count(),
                    byte_start: chunk.byte_start + piece.start,
                };
                if after_terminal && starts_next_sentence(token.text) && !current.is_empty() {
                    sentences.push(std::mem::take(&mut current));
                }
                after_terminal =
                    ends_sentence(token.text) || (after_terminal && closes_quote(token.text));
                current.push(token);
            }
        }
        after_terminal = false;
        if !current.is_empty() {
            sentences.push(std::mem::take(&mut current));
        }
    }
    sentences
}

struct Located<'a> {
    text: &'a str,
    start_char: usize,
    byte_start: usize,
}

/// The lines of `text` with the offsets each starts at.
fn lines_with_offsets(text: &str) -> impl Iterator<Item = Located<'_>> {
    let (mut start_char, mut byte_start) = (0, 0);
    text.split('\n').map(move |line| {
        let located = Located {
            text: line,
            start_char,
            byte_start,
        };
        start_char += line.chars().count() + 1;
        byte_start += line.len() + 1;
        located
    })
}

/// The whitespace-separated runs of one line, with their offsets.
fn chunks<'a>(line: &Located<'a>) -> Vec<Located<'a>> {
    let (text, line_start) = (line.text, line.start_char);
    let mut found = Vec::new();
    // (byte, char) offsets where the current run began.
    let mut run: Option<(usize, usize)> = None;
    let located = |from: usize, to: usize, char_offset: usize| Located {
        text: &text[from..to],
        start_char: line_start + char_offset,
        byte_start: line.byte_start + from,
    };
    for (char_offset, (byte, c)) in text.char_indices().enumerate() {
        if c.is_whitespace() {
            if let Some((b, ch)) = run.take() {
                found.push(located(b, byte, ch));
            }
        } else if run.is_none() {
            run = Some((byte, char_offset));
        }
    }
    if let Some((b, ch)) = run {
        found.push(located(b, text.len(), ch));
    }
    found
}

/// Byte ranges of the tokens in one whitespace-free chunk, in order.
fn split_chunk(chunk: &str) -> Vec<Range<usize>> {
    let mut leading = Vec::new();
    let mut trailing = Vec::new();
    let (mut start, mut end) = (0, chunk.len());
    loop {
        let rest = &chunk[start..end];
        if rest.chars().nth(1).is_none() || is_clitic(rest) {
            break;
        }
        let first = rest.chars().next().unwrap_or(' ');
        let last = rest.chars().next_back().unwrap_or(' ');
        if OPENING.contains(&first) && !starts_with_clitic(rest) {
            leading.push(start..start + first.len_utf8());
            start += first.len_utf8();
        } else if CLOSING.contains(&last) {
            let back = end - last.len_utf8();
            trailing.push(back..end);
            end = back;
        } else if last == '.' {
            let dots = rest.len() - rest.trim_end_matches('.').len();
            let core = &rest[..rest.len() - dots];
            if dots > 1 || core.is_empty() {
                trailing.push(end - dots..end);
                end -= dots;
            } else if keeps_full_stop(core) {
                break;
            } else {
                trailing.push(end - 1..end);
                end -= 1;
            }
        } else {
            break;
        }
    }
    let mut pieces = leading;
    if start < end {
        pieces.extend(split_word(&chunk[start..end], start));
    }
    pieces.extend(trailing.into_iter().rev());
    pieces
}

/// Split the middle of a chunk at dashes and before a trailing clitic.
fn split_word(word: &str, offset: usize) -> Vec<Range<usize>> {
    let mut pieces = Vec::new();
    let mut from = 0;
    for (byte, c) in word.char_indices() {
        if DASHES.contains(&c) {
            if from < byte {
                pieces.extend(split_clitic(&word[from..byte], offset + from));
            }
            pieces.push(offset + byte..offset + byte + c.len_utf8());
            from = byte + c.len_utf8();
        }
    }
    if from < word.len() {
        pieces.extend(split_clitic(&word[from..], offset + from));
    }
    pieces
}

/// `Norway's` → `Norway` `'s`; `don't` → `do` `n't`; `States'` → `States` `'`.
fn split_clitic(word: &str, offset: usize) -> Vec<Range<usize>> {
    let whole = offset..offset + word.len();
    if is_clitic(word) {
        return vec![whole];
    }
    // `n't` (and `n’t`): the split falls before the `n`.
    let mut from_back = word.char_indices().rev();
    if let (Some((_, t)), Some((_, apostrophe)), Some((n_byte, n))) =
        (from_back.next(), from_back.next(), from_back.next())
    {
        if n_byte > 0
            && t.eq_ignore_ascii_case(&'t')
            && APOSTROPHES.contains(&apostrophe)
            && n.eq_ignore_ascii_case(&'n')
        {
            let cut = offset + n_byte;
            return vec![offset..cut, cut..whole.end];
        }
    }
    for (byte, c) in word.char_indices().rev() {
        if !APOSTROPHES.contains(&c) || byte == 0 {
            continue;
        }
        let after = &word[byte + c.len_utf8()..];
        let before_is_word = word[..byte]
            .chars()
            .all(|ch| ch.is_alphanumeric() || matches!(ch, '.' | '-') || APOSTROPHES.contains(&ch));
        let is_possessive_plural = after.is_empty() && word[..byte].ends_with(['s', 'S']);
        let is_clitic_tail = CLITICS_AFTER_APOSTROPHE
            .iter()
            .any(|clitic| after.eq_ignore_ascii_case(clitic));
        if before_is_word && (is_clitic_tail || is_possessive_plural) {
            let cut = offset + byte;
            return vec![offset..cut, cut..whole.end];
        }
        break;
    }
    vec![whole]
}

/// `'s`, `'re`, `n't` … written as a token of their own, as CoNLL text has them.
fn is_clitic(word: &str) -> bool {
    let mut chars = word.chars();
    match chars.next() {
        Some(c) if APOSTROPHES.contains(&c) => {
            let rest = chars.as_str();
            CLITICS_AFTER_APOSTROPHE
                .iter()
                .any(|clitic| rest.eq_ignore_ascii_case(clitic))
        }
        Some('n' | 'N') => {
            let mut rest = chars;
            matches!(
                (rest.next(), rest.next(), rest.next()),
                (Some(a), Some('t' | 'T'), None) if APOSTROPHES.contains(&a)
            )
        }
        _ => false,
    }
}

/// `'s` at the front of `'s,` is a clitic, not an opening quote.
fn starts_with_clitic(rest: &str) -> bool {
    let word_end = rest
        .char_indices()
        .skip(1)
        .find(|&(_, c)| !c.is_alphabetic())
        .map_or(rest.len(), |(byte, _)| byte);
    is_clitic(&rest[..word_end])
}

/// Whether a word written with a final full stop keeps it (`U.S.`, `J.`, `Inc.`).
fn keeps_full_stop(core: &str) -> bool {
    let mut letters = core.chars();
    let single_letter =
        matches!((letters.next(), letters.next()), (Some(c), None) if c.is_alphabetic());
    single_letter || core.contains('.') || ABBREVIATIONS.contains(&core)
}

fn ends_sentence(token: &str) -> bool {
    matches!(token, "." | "!" | "?") || (token.len() > 1 && token.chars().all(|c| c == '.'))
}

/// A closing quote or bracket that may follow a sentence's final full stop.
fn closes_quote(token: &str) -> bool {
    matches!(token, "\"" | "'" | "”" | "’" | "»" | ")" | "]" | "}")
}

/// Whether a token right after `.`, `!` or `?` begins the next sentence: a capital, a digit,
/// an opening quote or bracket. A quote that could be closing stays with the full stop.
fn starts_next_sentence(token: &str) -> bool {
    !closes_quote(token)
        && token
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || OPENING.contains(&c))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<Vec<&str>> {
        tokenize(text)
            .iter()
            .map(|sentence| sentence.iter().map(|token| token.text).collect())
            .collect()
    }

    fn flat(text: &str) -> Vec<&str> {
        words(text).concat()
    }

    #[test]
    fn offsets_are_code_points_and_cover_the_token_text() {
        let text = "Zoë’s convoy—near Zürich’s airport—was hit.";
        let chars: Vec<char> = text.chars().collect();
        for token in tokenize(text).concat() {
            let slice: String = chars[token.start..token.end].iter().collect();
            assert_eq!(slice, token.text);
        }
        let first = tokenize(text)[0][1];
        assert_eq!((first.text, first.start, first.end), ("’s", 3, 5));
    }

    #[test]
    fn possessives_and_negations_split_off() {
        assert_eq!(flat("Iran's"), ["Iran", "'s"]);
        assert_eq!(flat("Iran’s"), ["Iran", "’s"]);
        assert_eq!(flat("the States' envoys"), ["the", "States", "'", "envoys"]);
        assert_eq!(flat("we don't know"), ["we", "do", "n't", "know"]);
        assert_eq!(flat("O'Brien's"), ["O'Brien", "'s"]);
    }

    #[test]
    fn abbreviations_keep_their_full_stop() {
        assert_eq!(flat("the U.S. envoy"), ["the", "U.S.", "envoy"]);
        assert_eq!(
            flat("Acme Corp. and Mr. J. Smith"),
            ["Acme", "Corp.", "and", "Mr.", "J.", "Smith"]
        );
        assert_eq!(flat("at 5 p.m. today"), ["at", "5", "p.m.", "today"]);
    }

    #[test]
    fn punctuation_comes_off_words() {
        assert_eq!(
            flat("\"We will go,\" he said (in Oslo)."),
            ["\"", "We", "will", "go", ",", "\"", "he", "said", "(", "in", "Oslo", ")", "."]
        );
        assert_eq!(flat("“Retaliate”"), ["“", "Retaliate", "”"]);
        assert_eq!(flat("Wait..."), ["Wait", "..."]);
    }

    #[test]
    fn hyphens_stay_and_dashes_split() {
        assert_eq!(
            flat("Kremlin-backed al-Zubaidi"),
            ["Kremlin-backed", "al-Zubaidi"]
        );
        assert_eq!(flat("war—and peace"), ["war", "—", "and", "peace"]);
    }

    #[test]
    fn spaced_conll_text_is_left_as_it_is() {
        let text = "U.S. - Norway , Germany 's envoy said : \" We do n't . \"\nOSLO 1996-08-22";
        assert_eq!(
            words(text),
            [
                vec![
                    "U.S.", "-", "Norway", ",", "Germany", "'s", "envoy", "said", ":", "\"", "We",
                    "do", "n't", ".", "\""
                ],
                vec!["OSLO", "1996-08-22"],
            ]
        );
    }

    #[test]
    fn sentences_end_at_full_stops_before_capitals_and_at_line_breaks() {
        assert_eq!(
            words("He left. She stayed in the U.S. and waited.\nNew line"),
            [
                vec!["He", "left", "."],
                vec!["She", "stayed", "in", "the", "U.S.", "and", "waited", "."],
                vec!["New", "line"],
            ]
        );
    }

    #[test]
    fn empty_and_blank_text_has_no_sentences() {
        assert!(tokenize("").is_empty());
        assert!(tokenize("  \n\t \n").is_empty());
    }
}

//! Text analysis: how a text becomes the terms the index stores and a query looks up.
//!
//! The same function analyses documents at build time and queries in the browser, so a word is
//! found exactly when its folded form matches. Folding is deliberately forgiving of how people
//! type: case, diacritics, apostrophes and the dots of abbreviations all go away, so `Qāsem`,
//! `QASEM` and `qasem` are one term, `Kata'ib` is `kataib`, `U.S.` is `us`, and the possessive
//! `Iran's` is `iran`.

use unicode_normalization::{char::is_combining_mark, UnicodeNormalization};
use unicode_segmentation::UnicodeSegmentation;

/// Terms longer than this many bytes are cut: such "words" are hashes, URLs or base64 runs,
/// and letting them grow the dictionary without bound buys nothing.
pub const MAX_TERM_BYTES: usize = 64;

/// One word of a text, with where it stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// The folded form stored in and looked up from the index.
    pub term: String,
    /// Byte range of the word in the analysed text.
    pub start: usize,
    pub end: usize,
    /// Ordinal of the word among the text's words (0-based), for phrase and proximity checks.
    pub position: u32,
}

/// Splits `text` into words (Unicode UAX #29 boundaries) and folds each one.
///
/// Segments without a letter or digit (spaces, punctuation, emoji) are not words. Cost: one
/// pass over the text, one small allocation per word.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    for_each_word(text, |term, start, end| {
        tokens.push(Token {
            term: term.to_owned(),
            start,
            end,
            position: tokens.len() as u32,
        });
    });
    tokens
}

/// Calls `f(term, start, end)` for every word of `text` in order — the words and folded
/// terms of [`tokenize`], byte ranges included — folding into one reused buffer: snippets
/// walk every word of every hit on each keystroke, and only a few words are kept.
pub fn for_each_word(text: &str, mut f: impl FnMut(&str, usize, usize)) {
    let mut term = String::new();
    let mut word = |word: &str, start: usize| {
        // A segment without a letter or digit (space, punctuation, emoji, a run of `_`), or
        // one that folds to nothing, is not a word. Both segmenters decide it here, so they
        // cannot drift apart.
        if !word.chars().any(char::is_alphanumeric) {
            return;
        }
        fold_into(word, &mut term);
        if !term.is_empty() {
            f(&term, start, start + word.len());
        }
    };
    if text.is_ascii() {
        segment_ascii(text, &mut word);
    } else {
        for (start, segment) in text.split_word_bound_indices() {
            word(segment, start);
        }
    }
}

/// The word segments of ASCII text: the same as UAX #29 (a property test checks it against
/// `unicode-segmentation`), in one byte loop, several times faster. Snippets tokenize every
/// hit's text on every keystroke, so this is the hot path of the page.
///
/// For ASCII the UAX #29 rules reduce to: letters, digits and `_` run together (WB5, WB8–10,
/// WB13a/b); `.` `'` `:` join two letters (WB6/7); `.` `'` `,` `;` join two digits (WB11/12).
fn segment_ascii(text: &str, word: &mut impl FnMut(&str, usize)) {
    let bytes = text.as_bytes();
    let is_word = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
    let mut i = 0;
    while i < bytes.len() {
        if !is_word(bytes[i]) {
            i += 1;
            continue;
        }
        let start = i;
        i += 1;
        loop {
            match bytes.get(i) {
                Some(&b) if is_word(b) => i += 1,
                Some(&mid) => {
                    let (before, after) = (bytes[i - 1], bytes.get(i + 1).copied());
                    let joins_letters = matches!(mid, b'.' | b'\'' | b':')
                        && before.is_ascii_alphabetic()
                        && after.is_some_and(|a| a.is_ascii_alphabetic());
                    let joins_digits = matches!(mid, b'.' | b'\'' | b',' | b';')
                        && before.is_ascii_digit()
                        && after.is_some_and(|a| a.is_ascii_digit());
                    if joins_letters || joins_digits {
                        i += 2;
                    } else {
                        break;
                    }
                }
                None => break,
            }
        }
        word(&text[start..i], start);
    }
}

/// The folded form of one word: lower case, without diacritics, without a trailing possessive
/// `'s`, keeping only letters and digits.
pub fn fold(word: &str) -> String {
    let mut folded = String::new();
    fold_into(word, &mut folded);
    folded
}

/// [`fold`] into `folded`, which it clears first.
fn fold_into(word: &str, folded: &mut String) {
    folded.clear();
    let word = strip_possessive(word);
    if word.is_ascii() {
        fold_ascii(word, folded);
    } else {
        fold_unicode(word, folded);
    }
}

/// Most words of English text: no decomposition needed, and several times faster than NFKD,
/// which matters for snippets (every word of a hit is folded).
fn fold_ascii(word: &str, folded: &mut String) {
    folded.extend(
        word.bytes()
            .filter(u8::is_ascii_alphanumeric)
            .map(|b| char::from(b.to_ascii_lowercase())),
    );
    folded.truncate(MAX_TERM_BYTES);
}

fn fold_unicode(word: &str, folded: &mut String) {
    for c in word.nfkd() {
        if is_combining_mark(c) {
            continue;
        }
        for lower in c.to_lowercase() {
            if !lower.is_alphanumeric() {
                continue;
            }
            let base = base_letters(lower);
            let bytes = base.map_or(lower.len_utf8(), str::len);
            if folded.len() + bytes > MAX_TERM_BYTES {
                return;
            }
            match base {
                Some(base) => folded.push_str(base),
                None => folded.push(lower),
            }
        }
    }
}

/// Latin letters that are not a base letter plus a mark, so NFKD leaves them whole, spelled
/// as English text writes them: "Doğubayazıt" is "Dogubayazit", "Łódź" "Lodz", "Straße"
/// "Strasse".
fn base_letters(lower: char) -> Option<&'static str> {
    Some(match lower {
        'ı' => "i",
        'ł' => "l",
        'ø' => "o",
        'đ' | 'ð' => "d",
        'ħ' => "h",
        'ŧ' => "t",
        'ß' => "ss",
        'æ' => "ae",
        'œ' => "oe",
        'þ' => "th",
        _ => return None,
    })
}

fn strip_possessive(word: &str) -> &str {
    let mut chars = word.char_indices().rev();
    match (chars.next(), chars.next()) {
        (Some((_, s)), Some((apostrophe_at, a)))
            if (s == 's' || s == 'S') && is_apostrophe(a) && apostrophe_at > 0 =>
        {
            &word[..apostrophe_at]
        }
        _ => word,
    }
}

fn is_apostrophe(c: char) -> bool {
    matches!(
        c,
        '\'' | '\u{2019}' | '\u{2018}' | '\u{02BC}' | '\u{00B4}' | '`'
    )
}

/// The Snowball (Porter2) English stem of a folded term. Terms with digits are their own stem:
/// "1987" and "f16" are not English words.
pub fn stem(term: &str) -> String {
    if term.chars().any(|c| c.is_ascii_digit()) || !term.is_ascii() {
        return term.to_owned();
    }
    thread_local! {
        static STEMMER: rust_stemmers::Stemmer =
            rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::English);
    }
    STEMMER.with(|stemmer| stemmer.stem(term).into_owned())
}

/// The key that groups a term with its inflections and common spelling variants: British
/// `-isation`/`-ise` spelled the American way, stemmed, and doubled letters collapsed, so
/// `mobilisation`/`mobilization`, `prices`/`price` and `qassem`/`qasem` share a key. Search
/// uses it to find variants of a query word, ranked below the word itself.
pub fn conflation_key(term: &str) -> String {
    if term.chars().any(|c| c.is_ascii_digit()) {
        return term.to_owned();
    }
    let americanised = americanise(term);
    let stemmed = stem(&americanised);
    let mut key = String::with_capacity(stemmed.len());
    for c in stemmed.chars() {
        if key.ends_with(c) && c.is_alphabetic() {
            continue;
        }
        key.push(c);
    }
    key
}

fn americanise(term: &str) -> String {
    const ENDINGS: &[(&str, &str)] = &[
        ("isations", "izations"),
        ("isation", "ization"),
        ("ising", "izing"),
        ("ised", "ized"),
        ("ises", "izes"),
        ("ise", "ize"),
        ("yse", "yze"),
    ];
    for (british, american) in ENDINGS {
        if let Some(stem) = term.strip_suffix(british) {
            if stem.chars().count() >= 3 {
                return format!("{stem}{american}");
            }
        }
    }
    term.to_owned()
}

/// Common English function words (the usual ~150 of stop lists such as Lunr's and the
/// SMART system's short list). They still match (a query of only stop words works), but
/// a document need not contain them to count as matching all of a query's words.
pub fn is_stop_word(term: &str) -> bool {
    const STOP_WORDS: &[&str] = &[
        "a",
        "able",
        "about",
        "above",
        "across",
        "after",
        "again",
        "against",
        "all",
        "almost",
        "also",
        "am",
        "among",
        "an",
        "and",
        "any",
        "are",
        "as",
        "at",
        "be",
        "because",
        "been",
        "before",
        "being",
        "below",
        "between",
        "both",
        "but",
        "by",
        "can",
        "cannot",
        "could",
        "dear",
        "did",
        "do",
        "does",
        "doing",
        "down",
        "during",
        "each",
        "either",
        "else",
        "ever",
        "every",
        "few",
        "for",
        "from",
        "further",
        "get",
        "got",
        "had",
        "has",
        "have",
        "having",
        "he",
        "her",
        "here",
        "hers",
        "herself",
        "him",
        "himself",
        "his",
        "how",
        "however",
        "i",
        "if",
        "in",
        "into",
        "is",
        "it",
        "its",
        "itself",
        "just",
        "least",
        "let",
        "like",
        "likely",
        "may",
        "me",
        "might",
        "more",
        "most",
        "must",
        "my",
        "myself",
        "neither",
        "no",
        "nor",
        "not",
        "of",
        "off",
        "often",
        "on",
        "once",
        "only",
        "or",
        "other",
        "ought",
        "our",
        "ours",
        "ourselves",
        "out",
        "over",
        "own",
        "rather",
        "said",
        "say",
        "says",
        "she",
        "should",
        "since",
        "so",
        "some",
        "such",
        "than",
        "that",
        "the",
        "their",
        "theirs",
        "them",
        "themselves",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "through",
        "tis",
        "to",
        "too",
        "twas",
        "under",
        "until",
        "up",
        "upon",
        "us",
        "very",
        "wants",
        "was",
        "we",
        "were",
        "what",
        "when",
        "where",
        "which",
        "while",
        "who",
        "whom",
        "why",
        "will",
        "with",
        "would",
        "yet",
        "you",
        "your",
        "yours",
        "yourself",
        "yourselves",
    ];
    STOP_WORDS.binary_search(&term).is_ok()
}

/// Converts a byte offset in `text` to a character (Unicode code point) offset: the unit every
/// offset Dossier reports is in, as in Python's `str` indexing.
pub fn char_offset(text: &str, byte_offset: usize) -> usize {
    text[..byte_offset].chars().count()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The words (segments with a letter or digit) the ASCII fast path finds, with offsets.
    fn tokenize_ascii(text: &str) -> Vec<(usize, String)> {
        let mut words = Vec::new();
        segment_ascii(text, &mut |word: &str, start| {
            if word.chars().any(char::is_alphanumeric) {
                words.push((start, word.to_owned()));
            }
        });
        words
    }

    /// The same from unicode-segmentation's UAX #29 word bounds.
    fn tokenize_unicode(text: &str) -> Vec<(usize, String)> {
        text.split_word_bound_indices()
            .filter(|(_, word)| word.chars().any(char::is_alphanumeric))
            .map(|(start, word)| (start, word.to_owned()))
            .collect()
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #[test]
        fn the_ascii_fast_path_splits_words_exactly_as_uax29(text in "[aZ09_.,;:' \\-\n!?\"()]{0,40}") {
            proptest::prop_assert_eq!(tokenize_ascii(&text), tokenize_unicode(&text));
        }
    }

    #[test]
    fn the_ascii_fast_path_agrees_on_news_text() {
        let text =
            "U.S. officials said 2,000.5 troops (a 3'4 split) e.g. title:x isn't Kata'ib_2 -- ok.";
        assert_eq!(tokenize_ascii(text), tokenize_unicode(text));
    }

    fn terms(text: &str) -> Vec<String> {
        tokenize(text).into_iter().map(|t| t.term).collect()
    }

    #[test]
    fn case_and_diacritics_fold_to_one_term() {
        assert_eq!(terms("Qāsem QASEM qasem Qasém"), ["qasem"; 4]);
    }

    #[test]
    fn letters_without_a_decomposition_fold_to_their_english_spelling() {
        assert_eq!(
            terms("Doğubayazıt Łódź Straße Ærø Þórshöfn Đồng"),
            [
                "dogubayazit",
                "lodz",
                "strasse",
                "aero",
                "thorshofn",
                "dong"
            ]
        );
    }

    #[test]
    fn possessives_apostrophes_and_abbreviation_dots_fold_away() {
        assert_eq!(
            terms("Iran's Iran’s Kata'ib U.S."),
            ["iran", "iran", "kataib", "us"]
        );
    }

    #[test]
    fn hyphenated_names_split_into_their_parts() {
        assert_eq!(terms("al-Muhandis"), ["al", "muhandis"]);
    }

    #[test]
    fn punctuation_and_emoji_are_not_words() {
        assert_eq!(terms("— !! 🙂 ... ?"), Vec::<String>::new());
    }

    #[test]
    fn tokens_carry_byte_ranges_and_positions() {
        let text = "Ā b, c";
        let tokens = tokenize(text);
        assert_eq!(tokens.len(), 3);
        assert_eq!(&text[tokens[0].start..tokens[0].end], "Ā");
        assert_eq!(&text[tokens[2].start..tokens[2].end], "c");
        assert_eq!(tokens[2].position, 2);
    }

    #[test]
    fn the_ascii_fast_path_folds_like_the_unicode_path() {
        for word in [
            "U.S",
            "Iran",
            "ABC123",
            "x-y",
            "O'Brien",
            "Kata'ib",
            &"z".repeat(100),
        ] {
            let (mut ascii, mut unicode) = (String::new(), String::new());
            fold_ascii(word, &mut ascii);
            fold_unicode(word, &mut unicode);
            assert_eq!(ascii, unicode, "{word}");
        }
    }

    #[test]
    fn very_long_words_are_cut_at_the_term_limit() {
        let long = "x".repeat(1000);
        assert_eq!(fold(&long).len(), MAX_TERM_BYTES);
    }

    #[test]
    fn inflections_and_spelling_variants_share_a_conflation_key() {
        assert_eq!(conflation_key("prices"), conflation_key("price"));
        assert_eq!(
            conflation_key("mobilisation"),
            conflation_key("mobilization")
        );
        assert_eq!(conflation_key("qassem"), conflation_key("qasem"));
        assert_ne!(conflation_key("iran"), conflation_key("iraq"));
        assert_eq!(conflation_key("1987"), "1987");
    }

    #[test]
    fn every_stop_word_is_found_by_binary_search() {
        for word in ["the", "a", "with", "your", "about", "yourselves", "able"] {
            assert!(is_stop_word(word), "{word}");
        }
        assert!(!is_stop_word("strike"));
    }

    #[test]
    fn char_offsets_count_code_points_not_bytes() {
        let text = "Qāsem is";
        assert_eq!(char_offset(text, text.find("is").unwrap_or(0)), 6);
    }
}

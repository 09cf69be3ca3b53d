//! The query language: what people type, parsed into what search evaluates.
//!
//! ```text
//! iran strike            words: documents with all of them first, then with some
//! "oil prices"           a phrase: the words next to each other, in order
//! embassy -kuwait        -word and -"a phrase" exclude documents
//! iran OR iraq           OR between words, phrases or (groups)
//! (oil prices) OR gold   a group: all of its words
//! title:soleimani        only in titles (also title:"a phrase")
//! ```
//!
//! Parsing never fails: an unbalanced quote runs to the end, unmatched parentheses are
//! ignored or closed, a lone `-` or `OR` is ignored, and characters that are not words
//! (emoji, punctuation, control characters) separate words. Each input word goes through
//! [`analysis::tokenize`](crate::analysis::tokenize), so `al-Muhandis` is two words and
//! `U.S.` is `us`, exactly as in documents.

use crate::analysis::{is_stop_word, tokenize};

/// Past this many characters a query is cut: nobody types more, and a pasted page must not
/// cost more than a paragraph.
pub const MAX_QUERY_CHARS: usize = 1000;

/// At most this many distinct words that are not stop words are kept (all clauses and
/// exclusions together): each costs a posting scan, and past a few dozen extra words change
/// the ranking little. A stop word (ignored beside other words) and a word that comes again
/// (evaluated once) cost nothing and do not count: counting them cut pasted paragraphs after
/// a dozen real words, which lost 0.06 nDCG@10 on CISI.
pub const MAX_QUERY_WORDS: usize = 32;

/// Where a word or phrase must occur.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Any,
    Title,
}

/// Something a document can match.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Matcher {
    /// One folded word. `prefix` is set on the last word while the user is typing it.
    Word {
        term: String,
        field: Field,
        prefix: bool,
    },
    /// Folded words that must stand next to each other, in order.
    Phrase { terms: Vec<String>, field: Field },
    /// Clauses that must all match.
    Group(Vec<Clause>),
}

/// Alternatives joined by `OR`: a document matches the clause if it matches any of them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clause {
    pub alternatives: Vec<Matcher>,
}

impl Clause {
    /// Whether the clause is made only of stop words, which a document need not contain to
    /// count as matching the whole query.
    pub fn is_stop_words(&self) -> bool {
        self.alternatives
            .iter()
            .all(|alternative| match alternative {
                Matcher::Word { term, prefix, .. } => !prefix && is_stop_word(term),
                _ => false,
            })
    }
}

/// A parsed query.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Query {
    pub clauses: Vec<Clause>,
    /// Documents matching any of these are left out.
    pub excluded: Vec<Matcher>,
}

impl Query {
    pub fn is_empty(&self) -> bool {
        self.clauses.is_empty() && self.excluded.is_empty()
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Lexeme {
    Words {
        text: String,
        negated: bool,
        title: bool,
    },
    Quoted {
        text: String,
        negated: bool,
        title: bool,
    },
    Or,
    Open {
        negated: bool,
    },
    Close,
}

/// Parses `input`. With `last_word_is_prefix`, the final word also matches as a prefix,
/// unless the input ends with white space or a closing quote (the word is finished).
pub fn parse_query(input: &str, last_word_is_prefix: bool) -> Query {
    let input: String = input.chars().take(MAX_QUERY_CHARS).collect();
    let lexemes = lex(&input);
    let mut parser = Parser {
        lexemes: &lexemes,
        at: 0,
        counted: Vec::new(),
    };
    let (clauses, excluded) = parser.clauses(false);
    let mut query = Query { clauses, excluded };
    let typing = input
        .chars()
        .last()
        .is_some_and(|c| !c.is_whitespace() && c != '"' && c != ')');
    if last_word_is_prefix && typing {
        mark_last_word_as_prefix(&mut query);
    }
    query
}

/// Parses `input` as plain text, with no operators: every word is a clause of its own, as
/// [`parse_query`] reads text without quotes, parentheses, `-`, `OR` or `title:`. For text
/// that was not written in the query language: a question, a pasted paragraph, the queries of
/// a test collection (where `(` or an upper-case `OR` are prose, not operators).
pub fn parse_plain(input: &str, last_word_is_prefix: bool) -> Query {
    let input: String = input.chars().take(MAX_QUERY_CHARS).collect();
    let mut parser = Parser {
        lexemes: &[],
        at: 0,
        counted: Vec::new(),
    };
    let clauses = parser
        .words(&input, false)
        .into_iter()
        .map(|m| Clause {
            alternatives: vec![m],
        })
        .collect();
    let mut query = Query {
        clauses,
        excluded: Vec::new(),
    };
    let typing = input.chars().last().is_some_and(|c| !c.is_whitespace());
    if last_word_is_prefix && typing {
        mark_last_word_as_prefix(&mut query);
    }
    query
}

fn lex(input: &str) -> Vec<Lexeme> {
    let chars: Vec<char> = input.chars().collect();
    let mut lexemes = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_whitespace() || c.is_control() {
            i += 1;
            continue;
        }
        if c == ')' {
            lexemes.push(Lexeme::Close);
            i += 1;
            continue;
        }
        let negated = c == '-' && chars.get(i + 1).is_some_and(|n| !n.is_whitespace());
        if negated {
            i += 1;
        }
        let title = starts_with_ignore_case(&chars[i..], "title:")
            && chars.get(i + 6).is_some_and(|n| !n.is_whitespace());
        if title {
            i += 6;
        }
        match chars.get(i) {
            Some('"') => {
                let end = chars[i + 1..]
                    .iter()
                    .position(|&c| c == '"')
                    .map_or(chars.len(), |p| i + 1 + p);
                let text = chars[i + 1..end].iter().collect();
                lexemes.push(Lexeme::Quoted {
                    text,
                    negated,
                    title,
                });
                i = end + 1;
            }
            Some('(') if !title => {
                lexemes.push(Lexeme::Open { negated });
                i += 1;
            }
            Some(_) => {
                let end = chars[i..]
                    .iter()
                    .position(|&c| {
                        c.is_whitespace() || c.is_control() || matches!(c, '"' | '(' | ')')
                    })
                    .map_or(chars.len(), |p| i + p);
                let text: String = chars[i..end].iter().collect();
                if text == "OR" && !negated && !title {
                    lexemes.push(Lexeme::Or);
                } else {
                    lexemes.push(Lexeme::Words {
                        text,
                        negated,
                        title,
                    });
                }
                i = end;
            }
            None => {}
        }
    }
    lexemes
}

fn starts_with_ignore_case(chars: &[char], prefix: &str) -> bool {
    let mut it = chars.iter();
    prefix
        .chars()
        .all(|p| it.next().is_some_and(|c| c.to_ascii_lowercase() == p))
}

struct Parser<'l> {
    lexemes: &'l [Lexeme],
    at: usize,
    /// The distinct words counted towards [`MAX_QUERY_WORDS`] so far.
    counted: Vec<String>,
}

impl Parser<'_> {
    /// Whether `term` may join the query: a stop word or a word already in it always may
    /// (it costs no new posting scan), a new word while fewer than [`MAX_QUERY_WORDS`] are.
    fn admit(&mut self, term: &str) -> bool {
        if is_stop_word(term) || self.counted.iter().any(|t| t == term) {
            return true;
        }
        if self.counted.len() >= MAX_QUERY_WORDS {
            return false;
        }
        self.counted.push(term.to_owned());
        true
    }

    /// Clauses until the end, or until a `)` when `in_group`.
    fn clauses(&mut self, in_group: bool) -> (Vec<Clause>, Vec<Matcher>) {
        let mut clauses: Vec<Clause> = Vec::new();
        let mut excluded = Vec::new();
        let mut or_pending = false;
        while let Some(lexeme) = self.lexemes.get(self.at) {
            self.at += 1;
            let (matchers, negated) = match lexeme {
                Lexeme::Close if in_group => break,
                Lexeme::Close => continue, // an unmatched `)`
                Lexeme::Or => {
                    or_pending = !clauses.is_empty();
                    continue;
                }
                Lexeme::Open { negated } => {
                    let (inner, inner_excluded) = self.clauses(true);
                    excluded.extend(inner_excluded);
                    let group = match inner.len() {
                        0 => Vec::new(),
                        1 => inner.into_iter().flat_map(|c| c.alternatives).collect(),
                        _ => vec![Matcher::Group(inner)],
                    };
                    (group, *negated)
                }
                Lexeme::Words {
                    text,
                    negated,
                    title,
                } => (self.words(text, *title), *negated),
                Lexeme::Quoted {
                    text,
                    negated,
                    title,
                } => (self.phrase(text, *title).into_iter().collect(), *negated),
            };
            if matchers.is_empty() {
                continue;
            }
            if negated {
                excluded.extend(matchers);
                or_pending = false;
                continue;
            }
            let mut matchers = matchers.into_iter();
            if or_pending {
                if let (Some(last), Some(first)) = (clauses.last_mut(), matchers.next()) {
                    last.alternatives.push(first);
                }
                or_pending = false;
            }
            clauses.extend(matchers.map(|m| Clause {
                alternatives: vec![m],
            }));
        }
        (clauses, excluded)
    }

    /// One typed word may hold several (`al-Muhandis`, `U.S.-Iran`): each is a word.
    fn words(&mut self, text: &str, title: bool) -> Vec<Matcher> {
        let field = if title { Field::Title } else { Field::Any };
        let mut words = Vec::new();
        for token in tokenize(text) {
            if !self.admit(&token.term) {
                continue;
            }
            words.push(Matcher::Word {
                term: token.term,
                field,
                prefix: false,
            });
        }
        words
    }

    fn phrase(&mut self, text: &str, title: bool) -> Option<Matcher> {
        let field = if title { Field::Title } else { Field::Any };
        let terms: Vec<String> = tokenize(text)
            .into_iter()
            .map(|t| t.term)
            .take_while(|term| self.admit(term))
            .collect();
        match terms.len() {
            0 => None,
            1 => terms.into_iter().next().map(|term| Matcher::Word {
                term,
                field,
                prefix: false,
            }),
            _ => Some(Matcher::Phrase { terms, field }),
        }
    }
}

fn mark_last_word_as_prefix(query: &mut Query) {
    fn last_word(clauses: &mut [Clause]) -> Option<&mut Matcher> {
        let matcher = clauses.last_mut()?.alternatives.last_mut()?;
        match matcher {
            Matcher::Group(inner) => last_word(inner),
            Matcher::Word { .. } => Some(matcher),
            Matcher::Phrase { .. } => None,
        }
    }
    if let Some(Matcher::Word { prefix, .. }) = last_word(&mut query.clauses) {
        *prefix = true;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn word(term: &str) -> Matcher {
        Matcher::Word {
            term: term.into(),
            field: Field::Any,
            prefix: false,
        }
    }

    fn clause(alternatives: Vec<Matcher>) -> Clause {
        Clause { alternatives }
    }

    fn phrase(terms: &[&str]) -> Matcher {
        Matcher::Phrase {
            terms: terms.iter().map(|t| t.to_string()).collect(),
            field: Field::Any,
        }
    }

    #[test]
    fn words_become_one_clause_each() {
        let q = parse_query("Iran strike", false);
        assert_eq!(
            q.clauses,
            [clause(vec![word("iran")]), clause(vec![word("strike")])]
        );
    }

    #[test]
    fn the_last_word_is_a_prefix_only_while_it_is_being_typed() {
        let q = parse_query("iran Khame", true);
        assert_eq!(
            q.clauses[1].alternatives[0],
            Matcher::Word {
                term: "khame".into(),
                field: Field::Any,
                prefix: true
            }
        );
        let q = parse_query("iran Khame ", true);
        assert_eq!(q.clauses[1].alternatives[0], word("khame"));
    }

    #[test]
    fn quoted_words_are_a_phrase_and_an_unbalanced_quote_runs_to_the_end() {
        assert_eq!(
            parse_query("\"oil prices\" rise", false).clauses[0],
            clause(vec![phrase(&["oil", "prices"])])
        );
        assert_eq!(
            parse_query("rise \"oil prices", false).clauses[1],
            clause(vec![phrase(&["oil", "prices"])])
        );
    }

    #[test]
    fn a_minus_excludes_a_word_or_a_phrase_and_a_lone_minus_is_ignored() {
        let q = parse_query("embassy -Kuwait - -\"oil prices\"", false);
        assert_eq!(q.clauses, [clause(vec![word("embassy")])]);
        assert_eq!(q.excluded, [word("kuwait"), phrase(&["oil", "prices"])]);
    }

    #[test]
    fn or_joins_neighbouring_words_phrases_and_groups() {
        let q = parse_query("iran OR iraq strike", false);
        assert_eq!(
            q.clauses,
            [
                clause(vec![word("iran"), word("iraq")]),
                clause(vec![word("strike")])
            ]
        );
        let q = parse_query("(oil prices) OR \"gold price\"", false);
        assert_eq!(
            q.clauses,
            [clause(vec![
                Matcher::Group(vec![
                    clause(vec![word("oil")]),
                    clause(vec![word("prices")])
                ]),
                phrase(&["gold", "price"]),
            ])]
        );
    }

    #[test]
    fn a_dangling_or_and_lower_case_or_are_words_or_nothing() {
        assert_eq!(
            parse_query("OR iran OR", false).clauses,
            [clause(vec![word("iran")])]
        );
        assert_eq!(parse_query("war or peace", false).clauses.len(), 3);
    }

    #[test]
    fn title_restricts_a_word_or_phrase_to_titles() {
        let q = parse_query("title:Soleimani title:\"air strike\"", false);
        assert_eq!(
            q.clauses,
            [
                clause(vec![Matcher::Word {
                    term: "soleimani".into(),
                    field: Field::Title,
                    prefix: false
                }]),
                clause(vec![Matcher::Phrase {
                    terms: vec!["air".into(), "strike".into()],
                    field: Field::Title
                }]),
            ]
        );
    }

    #[test]
    fn hyphenated_and_dotted_words_read_as_documents_do() {
        let q = parse_query("al-Muhandis U.S.", false);
        assert_eq!(
            q.clauses,
            [
                clause(vec![word("al")]),
                clause(vec![word("muhandis")]),
                clause(vec![word("us")])
            ]
        );
    }

    #[test]
    fn unmatched_parentheses_are_ignored_or_closed() {
        assert_eq!(
            parse_query(") iran (", false).clauses,
            [clause(vec![word("iran")])]
        );
        assert_eq!(
            parse_query("(iran iraq", false).clauses,
            [clause(vec![Matcher::Group(vec![
                clause(vec![word("iran")]),
                clause(vec![word("iraq")])
            ])])]
        );
    }

    #[test]
    fn emoji_control_characters_and_right_to_left_text_never_fail() {
        assert!(parse_query("🙂🙂 \u{0007}\u{202e}", true).is_empty());
        let q = parse_query("طهران \u{0000} iran", true);
        assert_eq!(q.clauses.len(), 2);
    }

    #[test]
    fn a_ten_thousand_character_query_is_cut_to_the_word_limit() {
        let text: String = (0..2000).map(|i| format!("w{i} ")).collect();
        let q = parse_query(&text, true);
        assert_eq!(q.clauses.len(), MAX_QUERY_WORDS);
        let q = parse_query(&"word ".repeat(2000), true);
        assert_eq!(q.clauses.len(), MAX_QUERY_CHARS / "word ".len());
    }

    #[test]
    fn stop_words_and_repeated_words_do_not_count_towards_the_word_limit() {
        let mut text: String = (0..MAX_QUERY_WORDS).map(|i| format!("w{i} the ")).collect();
        text.push_str("w0 of w1 extra");
        for q in [parse_query(&text, false), parse_plain(&text, false)] {
            assert_eq!(q.clauses.len(), 2 * MAX_QUERY_WORDS + 3);
            assert_eq!(q.clauses.last(), Some(&clause(vec![word("w1")])));
        }
    }

    #[test]
    fn plain_text_has_no_operators() {
        let q = parse_plain(
            "(large-deflection) -dash \"oil\" LOW OR title:\"iran\"",
            false,
        );
        let words = [
            "large",
            "deflection",
            "dash",
            "oil",
            "low",
            "or",
            "title",
            "iran",
        ];
        assert_eq!(q.clauses, words.map(|w| clause(vec![word(w)])).to_vec());
        assert!(q.excluded.is_empty());
        let q = parse_plain("iran Khame", true);
        assert_eq!(
            q.clauses[1].alternatives[0],
            Matcher::Word {
                term: "khame".into(),
                field: Field::Any,
                prefix: true
            }
        );
        assert_eq!(
            parse_plain("iran Khame ", true).clauses[1],
            clause(vec![word("khame")])
        );
    }

    #[test]
    fn clauses_of_only_stop_words_are_known_as_such() {
        let q = parse_query("the strike", false);
        assert!(q.clauses[0].is_stop_words());
        assert!(!q.clauses[1].is_stop_words());
    }
}

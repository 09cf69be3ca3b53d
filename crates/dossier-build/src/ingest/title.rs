//! Titles for documents that do not declare one: a plain-text file's headline, or the opening
//! of its first sentence.

/// A derived title is cut to about this many characters, at a word boundary.
pub const TITLE_MAX_CHARS: usize = 100;

/// A first line longer than this reads as a paragraph, not a headline.
const HEADLINE_MAX_CHARS: usize = 200;

/// A plain text split into its title and its body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TitledText {
    pub title: String,
    pub body: String,
    /// `YYYY-MM-DD` from a leading `date YYYY-MM-DD` line, if there was one.
    pub date: Option<String>,
}

/// Splits a plain-text document into title and body.
///
/// A first line starting `date YYYY-MM-DD` gives the date, and the rest of that line counts as
/// the first line. The first line is the title when it reads as a headline (short, one
/// sentence, not ending like a sentence, with more text after it); the body is then the rest.
/// Otherwise the whole text is the body and the title is the opening of its first sentence.
pub fn split_title(text: &str) -> TitledText {
    let text = text.trim_start_matches('\u{feff}');
    let trimmed = text.trim_start();
    let (first_line, rest) = match trimmed.find('\n') {
        Some(at) => (&trimmed[..at], &trimmed[at + 1..]),
        None => (trimmed, ""),
    };
    let (date, first_line) = match leading_date(first_line.trim()) {
        Some((date, remainder)) => (Some(date), remainder),
        None => (None, first_line.trim()),
    };
    let rest = rest.trim();

    if is_headline(first_line) && !rest.is_empty() {
        return TitledText {
            title: first_line.to_owned(),
            body: rest.to_owned(),
            date,
        };
    }
    let body = if first_line.is_empty() {
        rest.to_owned()
    } else if rest.is_empty() {
        first_line.to_owned()
    } else {
        format!("{first_line}\n{rest}")
    };
    TitledText {
        title: opening_of_first_sentence(&body),
        body,
        date,
    }
}

/// `date 2020-01-03 rest` → (`2020-01-03`, `rest`).
fn leading_date(line: &str) -> Option<(String, &str)> {
    let after = line.strip_prefix("date ")?.trim_start();
    let candidate = after.get(..10)?;
    let bytes = candidate.as_bytes();
    let shape_ok = bytes.iter().enumerate().all(|(i, b)| match i {
        4 | 7 => *b == b'-',
        _ => b.is_ascii_digit(),
    });
    shape_ok.then(|| (candidate.to_owned(), after[10..].trim()))
}

fn is_headline(line: &str) -> bool {
    let chars = line.chars().count();
    if chars == 0 || chars > HEADLINE_MAX_CHARS {
        return false;
    }
    if sentence_end(line).is_some_and(|end| end < line.len()) {
        return false; // more than one sentence
    }
    match line.chars().last() {
        Some('.') => ends_with_abbreviation(line),
        Some(',' | ';' | ':') => false,
        _ => true,
    }
}

/// The opening of the first sentence, cut at a word boundary near [`TITLE_MAX_CHARS`].
pub fn opening_of_first_sentence(text: &str) -> String {
    let text = text.trim();
    let sentence = match sentence_end(text) {
        Some(end) => &text[..end],
        None => text,
    };
    let sentence = sentence.split_whitespace().collect::<Vec<_>>().join(" ");
    if sentence.chars().count() <= TITLE_MAX_CHARS {
        return sentence;
    }
    let mut cut = String::new();
    for word in sentence.split(' ') {
        if cut.chars().count() + word.chars().count() + 1 > TITLE_MAX_CHARS {
            break;
        }
        if !cut.is_empty() {
            cut.push(' ');
        }
        cut.push_str(word);
    }
    if cut.is_empty() {
        cut = sentence.chars().take(TITLE_MAX_CHARS).collect();
    }
    cut.push('…');
    cut
}

/// Byte offset just past the first sentence's final punctuation, if the text has a sentence
/// end followed by more text: `.`, `?` or `!` followed by white space and then a capital
/// letter, digit or quote, where the `.` does not end an abbreviation or an initial.
fn sentence_end(text: &str) -> Option<usize> {
    for (at, c) in text.char_indices() {
        if !matches!(c, '.' | '?' | '!') {
            continue;
        }
        let end = at + c.len_utf8();
        let after = &text[end..];
        let next_visible = after.trim_start();
        if next_visible.len() == after.len() {
            continue; // no white space after: "U.S." inside a word, "3.5"
        }
        let starts_new = next_visible
            .chars()
            .next()
            .is_some_and(|n| n.is_uppercase() || n.is_ascii_digit() || "\"“'‘(".contains(n));
        if !starts_new {
            continue;
        }
        if c == '.' && ends_with_abbreviation(&text[..end]) {
            continue;
        }
        return Some(end);
    }
    None
}

/// Whether the text ends with an abbreviation whose dot is not a full stop: initials
/// (`U.S.`, `J.`) or a short title (`Gen.`, `Mr.`).
fn ends_with_abbreviation(text: &str) -> bool {
    let word = text.rsplit(char::is_whitespace).next().unwrap_or("");
    let word = word.trim_start_matches(|c: char| !c.is_alphanumeric());
    let core = word.trim_end_matches('.');
    let initials = !core.is_empty()
        && core
            .split('.')
            .all(|part| part.chars().count() == 1 && part.chars().all(char::is_uppercase));
    const TITLES: &[&str] = &[
        "Mr", "Mrs", "Ms", "Dr", "Gen", "Lt", "Col", "Maj", "Capt", "Sgt", "Rep", "Sen", "Gov",
        "Prof", "St", "Jr", "Sr", "No", "vs", "Inc", "Corp", "Co", "Ltd", "Jan", "Feb", "Mar",
        "Apr", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec",
    ];
    initials || TITLES.contains(&core)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_first_line_followed_by_text_is_the_title() {
        let t = split_title("Strike In Baghdad Escalates Tensions With U.S.\n\nBody text. More.");
        assert_eq!(t.title, "Strike In Baghdad Escalates Tensions With U.S.");
        assert_eq!(t.body, "Body text. More.");
        assert_eq!(t.date, None);
    }

    #[test]
    fn a_first_line_that_is_a_sentence_makes_the_title_its_opening() {
        let text =
            "The Pentagon confirmed on the night of January 2 that the top commander General \
                    Someone has been killed in a U.S. drone strike in the capital.  \n\nMore text.";
        let t = split_title(text);
        assert!(t
            .title
            .starts_with("The Pentagon confirmed on the night of January 2"));
        assert!(t.title.ends_with('…'));
        assert!(t.title.chars().count() <= TITLE_MAX_CHARS + 1);
        assert!(t.body.starts_with("The Pentagon confirmed"));
        assert!(t.body.ends_with("More text."));
    }

    #[test]
    fn a_leading_date_line_sets_the_date_and_is_not_part_of_the_title() {
        let t = split_title(" date 2020-01-03 In Pictures: A Day In The City\n\nPhotos.");
        assert_eq!(t.date.as_deref(), Some("2020-01-03"));
        assert_eq!(t.title, "In Pictures: A Day In The City");
        assert_eq!(t.body, "Photos.");
    }

    #[test]
    fn a_single_paragraph_is_body_and_its_first_sentence_the_title() {
        let t = split_title("Mr. Smith went to Washington. He stayed.");
        assert_eq!(t.title, "Mr. Smith went to Washington.");
        assert_eq!(t.body, "Mr. Smith went to Washington. He stayed.");
    }

    #[test]
    fn two_sentences_on_the_first_line_are_not_a_headline() {
        let t = split_title("It rained. Then it stopped\n\nLater that day.");
        assert_eq!(t.title, "It rained.");
    }
}

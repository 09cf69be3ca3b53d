//! Sources: the outlets and agencies a text cites, found by how news text cites them, not by
//! a list of outlets.
//!
//! | pattern                                   | example                                |
//! |-------------------------------------------|----------------------------------------|
//! | according to NAME (then punctuation)      | "according to Example Wire, the …"     |
//! | as NAME reports / reported                | "as The Daily Example reports"         |
//! | reports / reported NAME (then punctuation)| "…, reports EW."                       |
//! | NAME correspondent / reporter             | "Example TV correspondent Ana Lopes"   |
//! | a photo credit in brackets                | "[EW Photo]", "[Ana Lopes/Example Wire]"|
//!
//! A NAME is a run of capitalised words (with "of"/"for" between them), a leading "The"
//! dropped. Offsets are character offsets into the text.

/// A cited source: where it stands and its name as written (without a leading "The").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CitedSource {
    pub start: usize,
    pub end: usize,
    pub name: String,
}

/// Longest source name, in words.
const MAX_NAME_WORDS: usize = 6;
/// Longest bracketed photo credit, in characters.
const MAX_CREDIT_CHARS: usize = 100;

pub fn cited_sources(text: &str) -> Vec<CitedSource> {
    let chars: Vec<char> = text.chars().collect();
    let lower: Vec<char> = chars.iter().flat_map(|c| c.to_lowercase()).collect();
    if lower.len() != chars.len() {
        // Lower-casing changed the length (rare scripts): offsets would not line up.
        return credits(&chars);
    }
    let mut found = Vec::new();
    let lowered: String = lower.iter().collect();
    let byte_to_char = |b: usize| lowered[..b].chars().count();

    for cue in ["according to ", "reports ", "reported "] {
        for (at, _) in lowered.match_indices(cue) {
            let after = byte_to_char(at) + cue.chars().count();
            if let Some(source) = name_at(&chars, after) {
                if ends_clause(&chars, source.end)
                    && !(cue != "according to " && preceded_by_as(&chars, byte_to_char(at)))
                {
                    found.push(source);
                }
            }
        }
    }
    for (at, _) in lowered.match_indices("as ") {
        let start = byte_to_char(at);
        if start > 0 && chars[start - 1].is_alphanumeric() {
            continue;
        }
        if let Some(source) = name_at(&chars, start + 3) {
            let rest: String = lower[source.end..].iter().take(10).collect();
            if rest.starts_with(" reports") || rest.starts_with(" reported") {
                found.push(source);
            }
        }
    }
    for cue in [" correspondent", " reporter"] {
        for (at, _) in lowered.match_indices(cue) {
            let end = byte_to_char(at);
            if let Some(source) = name_before(&chars, end) {
                found.push(source);
            }
        }
    }
    found.extend(credits(&chars));
    found.sort_by_key(|s| (s.start, s.end));
    found.dedup();
    found
}

/// "reports X" after "as" is the verb of "as X reports"; not a citation of its own.
fn preceded_by_as(chars: &[char], at: usize) -> bool {
    let before: String = chars[at.saturating_sub(40)..at].iter().collect();
    before
        .trim_end()
        .rsplit(' ')
        .nth(1)
        .is_some_and(|w| w.eq_ignore_ascii_case("as"))
}

fn is_name_word(word: &[char]) -> bool {
    word.first().is_some_and(|c| c.is_uppercase())
}

/// The capitalised name starting at `from` (after spaces), if there is one.
fn name_at(chars: &[char], from: usize) -> Option<CitedSource> {
    let mut at = from;
    while chars.get(at) == Some(&' ') {
        at += 1;
    }
    let mut words: Vec<(usize, usize)> = Vec::new();
    let mut cursor = at;
    while words.len() < MAX_NAME_WORDS {
        let start = cursor;
        let mut end = start;
        while end < chars.len()
            && (chars[end].is_alphanumeric() || matches!(chars[end], '-' | '\'' | '’' | '&' | '.'))
        {
            end += 1;
        }
        // A sentence-final dot belongs to the sentence, not to the name.
        while end > start && chars[end - 1] == '.' && !chars[start..end - 1].contains(&'.') {
            end -= 1;
        }
        if end == start {
            break;
        }
        let word = &chars[start..end];
        let lower: String = word.iter().collect::<String>().to_lowercase();
        let joiner = matches!(lower.as_str(), "of" | "for") && !words.is_empty();
        if !is_name_word(word) && !joiner {
            break;
        }
        words.push((start, end));
        if chars.get(end) != Some(&' ') {
            break;
        }
        cursor = end + 1;
    }
    while let Some(&(start, end)) = words.last() {
        if is_name_word(&chars[start..end]) {
            break;
        }
        words.pop();
    }
    let (&(first_start, first_end), &(_, last_end)) = (words.first()?, words.last()?);
    let mut start = first_start;
    let first: String = chars[first_start..first_end].iter().collect();
    if first == "The" && words.len() > 1 {
        start = words[1].0;
    }
    Some(CitedSource {
        start,
        end: last_end,
        name: chars[start..last_end].iter().collect(),
    })
}

/// The capitalised name ending at `end` (before a cue such as " correspondent").
fn name_before(chars: &[char], end: usize) -> Option<CitedSource> {
    let mut start = end;
    let mut words = 0;
    loop {
        let mut word_start = start;
        while word_start > 0
            && (chars[word_start - 1].is_alphanumeric()
                || matches!(chars[word_start - 1], '-' | '&'))
        {
            word_start -= 1;
        }
        if word_start == start
            || !is_name_word(&chars[word_start..start])
            || words == MAX_NAME_WORDS
        {
            break;
        }
        start = word_start;
        words += 1;
        if start == 0 || chars[start - 1] != ' ' {
            break;
        }
        start -= 1;
    }
    while chars.get(start) == Some(&' ') {
        start += 1;
    }
    (start < end).then(|| {
        let name: String = chars[start..end].iter().collect();
        let skip = if name.starts_with("The ") { 4 } else { 0 };
        CitedSource {
            start: start + skip,
            end,
            name: name[skip..].to_owned(),
        }
    })
}

/// Character ranges of the bracketed photo credits in `text` (see [`credits`]).
pub fn credit_spans(text: &str) -> Vec<(usize, usize)> {
    let chars: Vec<char> = text.chars().collect();
    bracket_credits(&chars)
        .into_iter()
        .map(|credit| (credit.open, credit.close + 1))
        .collect()
}

/// A bracket whose content reads as a credit.
struct Credit {
    open: usize,
    close: usize,
    /// The slash-separated parts, as character ranges.
    parts: Vec<(usize, usize)>,
}

fn bracket_credits(chars: &[char]) -> Vec<Credit> {
    let mut found = Vec::new();
    let mut at = 0;
    while let Some(open) = chars[at..].iter().position(|&c| c == '[').map(|p| p + at) {
        let Some(close) = chars[open..]
            .iter()
            .position(|&c| c == ']')
            .map(|p| p + open)
        else {
            break;
        };
        at = close + 1;
        if close - open > MAX_CREDIT_CHARS {
            continue;
        }
        // "File: Agency" and "Photo: Agency" label the credit; the label is not a name.
        let mut content_start = open + 1;
        let content: String = chars[open + 1..close].iter().collect();
        if let Some(colon) = content.find(':') {
            content_start += content[..colon + 1].chars().count();
        }
        let mut parts: Vec<(usize, usize)> = Vec::new();
        let mut part_start = content_start;
        let slashes = chars[content_start..close]
            .iter()
            .enumerate()
            .filter(|(_, &c)| c == '/')
            .map(|(i, _)| content_start + i);
        for boundary in slashes.chain(std::iter::once(close)) {
            parts.push((part_start, boundary));
            part_start = boundary + 1;
        }
        let credit_like = parts.iter().all(|&(s, e)| {
            let part: String = chars[s..e].iter().collect();
            let part = part.trim();
            // Names may hold lower-case particles ("[Ana al-Lopes/Example Wire]").
            !part.is_empty()
                && part.split_whitespace().all(|w| {
                    w.chars().next().is_some_and(|c| c.is_uppercase())
                        || super::spans::is_particle(w)
                })
        });
        if credit_like {
            found.push(Credit { open, close, parts });
        }
    }
    found
}

/// Bracketed photo credits: `[NAME Photo]`, `[Photographer/NAME]`, `[A/B/NAME]`. Each part
/// after a slash, and a part ending in "Photo", is an outlet; the first part of a credit
/// with slashes is the photographer.
fn credits(chars: &[char]) -> Vec<CitedSource> {
    let mut found = Vec::new();
    for Credit { parts, .. } in bracket_credits(chars) {
        let many = parts.len() > 1;
        for (index, &(s, e)) in parts.iter().enumerate() {
            let part: String = chars[s..e].iter().collect();
            let trimmed = part.trim();
            let lead = part.chars().count() - part.trim_start().chars().count();
            let start = s + lead;
            let mut end = start + trimmed.chars().count();
            let mut name = trimmed.to_owned();
            let photo = name.ends_with(" Photo") || name.ends_with(" Photos");
            if photo {
                let cut = name.rfind(' ').unwrap_or(name.len());
                end -= name[cut..].chars().count();
                name.truncate(cut);
            }
            if (!many || index > 0 || photo) && !name.is_empty() {
                found.push(CitedSource { start, end, name });
            }
        }
    }
    found
}

/// The photographers of bracketed credits with slashes (`[Ana Lopes/Example Wire]`): the
/// first part, as (start, end, name) in characters, unless it is an outlet's "… Photo".
pub fn credit_photographers(text: &str) -> Vec<(usize, usize, String)> {
    let chars: Vec<char> = text.chars().collect();
    bracket_credits(&chars)
        .into_iter()
        .filter(|credit| credit.parts.len() > 1)
        .filter_map(|credit| {
            let &(s, e) = credit.parts.first()?;
            let part: String = chars[s..e].iter().collect();
            let name = part.trim();
            if name.ends_with(" Photo") || name.ends_with(" Photos") {
                return None;
            }
            let start = s + (part.chars().count() - part.trim_start().chars().count());
            Some((start, start + name.chars().count(), name.to_owned()))
        })
        .collect()
}

fn ends_clause(chars: &[char], end: usize) -> bool {
    match chars.get(end) {
        None => true,
        Some(c) => matches!(c, ',' | '.' | ';' | ':' | ')' | '\n' | '!' | '?'),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<String> {
        cited_sources(text).into_iter().map(|s| s.name).collect()
    }

    #[test]
    fn according_to_a_name_then_punctuation_is_a_citation() {
        assert_eq!(
            names("According to Example Wire, the ministry said."),
            ["Example Wire"]
        );
        assert!(names("according to Ruritanian officials, it rained.").is_empty());
    }

    #[test]
    fn as_name_reports_is_a_citation_without_its_article() {
        assert_eq!(
            names("He is, as The Daily Example reports, a leader."),
            ["Daily Example"]
        );
    }

    #[test]
    fn reports_name_at_the_end_of_a_clause_is_a_citation() {
        assert_eq!(names("Troops may be deployed, reports EW."), ["EW"]);
    }

    #[test]
    fn a_correspondent_names_their_outlet() {
        assert_eq!(
            names("with Example TV correspondent Ana Lopes writing"),
            ["Example TV"]
        );
    }

    #[test]
    fn photo_credits_name_agencies_not_photographers() {
        assert_eq!(names("A burning car. [EW Photo]"), ["EW"]);
        assert_eq!(names("Crowds. [Ana Lopes/Example Wire]"), ["Example Wire"]);
        assert_eq!(
            names("[Ana Lopes/Region News Agency/EW]"),
            ["Region News Agency", "EW"]
        );
        assert!(names("[citation needed]").is_empty());
        assert_eq!(names("A protest. [File: EW]"), ["EW"]);
        assert_eq!(
            names("Crowds. [Ana al-Lopes / Example Wire]"),
            ["Example Wire"]
        );
    }

    #[test]
    fn a_bracketed_credit_names_its_photographer() {
        let text = "Crowds. [Ana al-Lopes/Example Wire] [EW Photo] [Example Wire]";
        let found = credit_photographers(text);
        assert_eq!(found.len(), 1, "{found:?}");
        let (start, end, name) = &found[0];
        assert_eq!(name, "Ana al-Lopes");
        let chars: Vec<char> = text.chars().collect();
        assert_eq!(
            chars[*start..*end].iter().collect::<String>(),
            "Ana al-Lopes"
        );
    }

    #[test]
    fn offsets_point_at_the_name_in_characters() {
        let text = "Qāsem, according to Example Wire.";
        let found = cited_sources(text);
        let chars: Vec<char> = text.chars().collect();
        let named: String = chars[found[0].start..found[0].end].iter().collect();
        assert_eq!(named, "Example Wire");
    }
}

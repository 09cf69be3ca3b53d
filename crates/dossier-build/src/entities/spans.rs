//! What a tagged span really names, before it becomes a mention: the tagger's spans carry
//! stray punctuation, run photo credits together ("Name/Agency]"), and take roles ("US
//! President") and common nouns ("US forces") for organisations.
//!
//! Only generic English and the gazetteer are known here; no name of any particular person,
//! organisation or place.

use dossier_core::PlaceKind;
use dossier_geo::gazetteer::EntryId;
use dossier_geo::Gazetteer;

use super::names::{is_office, is_title};

/// Characters that never begin or end a name: clause punctuation and slashes the tagger
/// sometimes swallows. A full stop is not among them: "U.S." and "Inc." end in one.
fn is_stray(c: char) -> bool {
    c.is_whitespace() || matches!(c, ',' | ';' | ':' | '|' | '/' | '\\' | '*')
}

/// Brackets and quotes, as (opening, closing) pairs.
const PAIRS: &[(char, char)] = &[
    ('[', ']'),
    ('(', ')'),
    ('{', '}'),
    ('<', '>'),
    ('“', '”'),
    ('"', '"'),
];

/// The span `text` (starting at character `start`) without stray punctuation at either end,
/// nor a bracket or quote whose partner is outside the span ("Reuters]", "“Hezbollah"), nor
/// a pair wrapping the whole span ("<Example Inc>"). A pair inside stays ("Example <EX>").
/// Its new start, end and text, or `None` when nothing is left.
pub fn trim_span(text: &str, start: usize) -> Option<(usize, usize, String)> {
    let chars: Vec<char> = text.chars().collect();
    let (mut from, mut to) = (0, chars.len());
    loop {
        let before = (from, to);
        while from < to && is_stray(chars[from]) {
            from += 1;
        }
        while to > from && is_stray(chars[to - 1]) {
            to -= 1;
        }
        if from < to {
            let (first, last) = (chars[from], chars[to - 1]);
            let inner = &chars[from + 1..to.max(from + 1)];
            for &(open, close) in PAIRS {
                if to - from >= 2 && first == open && last == close {
                    from += 1;
                    to -= 1;
                    break;
                }
                if first == open && !inner.contains(&close) {
                    from += 1;
                    break;
                }
                if last == close && !chars[from..to - 1].contains(&open) {
                    to -= 1;
                    break;
                }
            }
        }
        if (from, to) == before {
            break;
        }
    }
    let kept = &chars[from..to];
    (!kept.is_empty()).then(|| (start + from, start + to, kept.iter().collect()))
}

/// A photo credit run into one span, "Name/Agency" or "Name / Agency": the photographer's
/// part and each agency part after a slash, as (start, end, text) in characters from
/// `start`. `None` when the span has no slash or a part is empty.
pub fn slash_parts(text: &str, start: usize) -> Option<Vec<(usize, usize, String)>> {
    if !text.contains('/') {
        return None;
    }
    let mut parts = Vec::new();
    let mut offset = start;
    for part in text.split('/') {
        let length = part.chars().count();
        parts.push(trim_span(part, offset)?);
        offset += length + 1;
    }
    Some(parts)
}

/// Words that may stand in lower case inside or at the end of a name ("Bank of England",
/// "Hashd al-Shaabi", "Ludwig van Beethoven").
const NAME_PARTICLES: &[&str] = &[
    "al", "and", "bin", "da", "das", "de", "del", "der", "des", "di", "do", "dos", "du", "el",
    "for", "ibn", "la", "le", "of", "the", "van", "von", "y",
];

/// Whether `word` is a lower-case particle of a name, alone ("de") or joined to the name
/// it introduces ("al-Mousily").
pub fn is_particle(word: &str) -> bool {
    let lower = word.to_lowercase();
    let head = lower.split(['-', '\'', '’']).next().unwrap_or(&lower);
    NAME_PARTICLES.contains(&head)
}

/// Lower-case words that end companies' names ("Example Trading co", "Example Holdings inc").
const COMPANY_SUFFIXES: &[&str] = &[
    "ab", "ag", "bhd", "bv", "co", "corp", "gmbh", "inc", "llc", "lp", "ltd", "nv", "plc", "pty",
    "sa", "spa",
];

/// What a tagged organisation span names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OrganisationSpan {
    /// An organisation, written from `start` to `end` (characters) as the text.
    Organisation(usize, usize, String),
    /// Exactly a country's name or abbreviation: this country.
    Country(EntryId),
    /// Nothing a reader would look up as an organisation.
    None,
}

/// What of a tagged organisation span (at character `start`) names an organisation:
///
/// - lower-case words at the end that are neither particles nor company suffixes are common
///   nouns the tagger ran on with ("Example Motors unit", "US forces"): they go, and when
///   what is left is a place, a country or a demonym ("US", "Iraqi") nothing is left, since
///   the place is the geoparser's and "Iraqi forces" names no organisation;
/// - a place or demonym followed by offices only ("US President", "French Foreign
///   Minister") is a person's role, not an organisation; offices alone likewise;
/// - exactly a country's name or abbreviation ("U.S.") is a country acting, which the place
///   logic owns whether or not the geoparser took this span.
pub fn organisation_span(text: &str, start: usize, gazetteer: &Gazetteer) -> OrganisationSpan {
    organisation_words(text, start, gazetteer).unwrap_or(OrganisationSpan::None)
}

fn organisation_words(text: &str, start: usize, gazetteer: &Gazetteer) -> Option<OrganisationSpan> {
    // Words with their character ranges within `text`.
    let mut words: Vec<(usize, usize, &str)> = Vec::new();
    let mut offset = 0;
    for piece in text.split(' ') {
        let length = piece.chars().count();
        if !piece.is_empty() {
            words.push((offset, offset + length, piece));
        }
        offset += length + 1;
    }
    let common_noun = |word: &str| {
        let letters: String = word.chars().filter(|c| c.is_alphabetic()).collect();
        !letters.is_empty()
            && letters.chars().all(char::is_lowercase)
            && !is_particle(word)
            && !COMPANY_SUFFIXES.contains(&word.trim_end_matches('.'))
    };
    let nouns = words.iter().rev().take_while(|w| common_noun(w.2)).count();
    let kept = &words[..words.len() - nouns];
    let (&(first, _, _), &(_, last, _)) = (kept.first()?, kept.last()?);
    let chars: Vec<char> = text.chars().collect();
    let name: String = chars[first..last].iter().collect();
    if nouns > 0 && is_place_or_demonym(&name, gazetteer) {
        return None;
    }
    // An office and the titles before it ("Foreign Minister", "Deputy Secretary").
    let offices = if kept.last().is_some_and(|w| is_office(w.2)) {
        kept.iter().rev().take_while(|w| is_title(w.2)).count()
    } else {
        0
    };
    if offices > 0 {
        let role = &kept[..kept.len() - offices];
        let before: Vec<&str> = role.iter().map(|w| w.2).collect();
        if before.is_empty() || is_place_or_demonym(&before.join(" "), gazetteer) {
            return None;
        }
    }
    if let Some(country) = country(&name, gazetteer) {
        return Some(OrganisationSpan::Country(country));
    }
    Some(OrganisationSpan::Organisation(
        start + first,
        start + last,
        name,
    ))
}

/// The one country the gazetteer knows by this name, if there is exactly one.
fn country(name: &str, gazetteer: &Gazetteer) -> Option<EntryId> {
    let mut countries = gazetteer
        .lookup(name)
        .iter()
        .filter(|&&id| gazetteer.entry(id).kind == PlaceKind::Country);
    let first = countries.next().copied();
    first.filter(|_| countries.next().is_none())
}

/// A country, region or city the gazetteer knows by this name, or a demonym of one.
fn is_place_or_demonym(name: &str, gazetteer: &Gazetteer) -> bool {
    !gazetteer.lookup(name).is_empty() || !gazetteer.lookup_demonym(name).is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stray_brackets_and_quotes_leave_span_ends() {
        assert_eq!(
            trim_span("Example Wire]", 10),
            Some((10, 22, "Example Wire".to_owned()))
        );
        assert_eq!(
            trim_span("“Example Party”,", 0),
            Some((1, 14, "Example Party".to_owned()))
        );
        assert_eq!(trim_span("U.S.", 3), Some((3, 7, "U.S.".to_owned())));
        assert_eq!(trim_span("[]", 0), None);
    }

    #[test]
    fn a_slash_separates_a_photographer_from_an_agency() {
        assert_eq!(
            slash_parts("Ana de Lopes / Example Wire]", 5),
            Some(vec![
                (5, 17, "Ana de Lopes".to_owned()),
                (20, 32, "Example Wire".to_owned())
            ])
        );
        assert_eq!(slash_parts("Example Wire", 0), None);
        assert_eq!(slash_parts("Ana Lopes/", 0), None);
    }

    fn organisation(text: &str) -> OrganisationSpan {
        static GAZETTEER: std::sync::OnceLock<Gazetteer> = std::sync::OnceLock::new();
        let gazetteer = GAZETTEER
            .get_or_init(|| super::super::places::gazetteer().expect("the gazetteer loads"));
        organisation_span(text, 0, gazetteer)
    }

    fn kept(text: &str) -> Option<String> {
        match organisation(text) {
            OrganisationSpan::Organisation(_, _, name) => Some(name),
            _ => None,
        }
    }

    #[test]
    fn a_country_or_demonym_and_an_office_are_a_role_not_an_organisation() {
        assert_eq!(organisation("US President"), OrganisationSpan::None);
        assert_eq!(organisation("US Secretary"), OrganisationSpan::None);
        assert_eq!(
            organisation("French Foreign Minister"),
            OrganisationSpan::None
        );
        assert_eq!(organisation("President"), OrganisationSpan::None);
    }

    #[test]
    fn a_common_noun_after_a_country_or_demonym_is_no_organisation() {
        assert_eq!(organisation("US forces"), OrganisationSpan::None);
        assert_eq!(organisation("US missiles"), OrganisationSpan::None);
        assert_eq!(organisation("Iraqi forces"), OrganisationSpan::None);
    }

    #[test]
    fn a_common_noun_after_a_name_leaves_the_name() {
        assert_eq!(
            organisation("Example Motors unit"),
            OrganisationSpan::Organisation(0, 14, "Example Motors".to_owned())
        );
    }

    #[test]
    fn real_organisation_names_with_lower_case_words_survive() {
        for name in [
            "Department of State",
            "US Department of State",
            "Bank of England",
            "al-Shabaab",
            "Hashd al-Shaabi",
            "Example Trading co",
            "Banque Nationale de Paris",
            "Burger Queen",
            "Example Governor Holdings",
            "U.S. Embassy",
        ] {
            assert_eq!(kept(name).as_deref(), Some(name), "{name}");
        }
    }

    #[test]
    fn a_span_that_is_exactly_a_country_is_the_country() {
        assert!(matches!(organisation("U.S."), OrganisationSpan::Country(_)));
        assert!(matches!(
            organisation("Denmark"),
            OrganisationSpan::Country(_)
        ));
        assert!(kept("Denmark Holdings").is_some());
    }

    #[test]
    fn particles_may_be_lower_case_in_names() {
        assert!(is_particle("of"));
        assert!(is_particle("al-Shaabi"));
        assert!(is_particle("bin"));
        assert!(!is_particle("forces"));
        assert!(!is_particle("alliance"));
    }
}

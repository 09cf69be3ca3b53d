//! How a recognised name is written canonically, and when two names are the same entity.
//!
//! Only generic English is known here (titles, ranks, offices, articles, possessives); no
//! name of any particular person, organisation or place.

use dossier_core::analysis::{conflation_key, tokenize};

/// Titles, ranks and offices that stand before a person's name ("Maj Gen", "Defense
/// Secretary", "Ayatollah"). Matched word by word, case-insensitively, with or without a dot.
const PERSON_TITLES: &[&str] = &[
    "acting",
    "adm",
    "admiral",
    "ambassador",
    "archbishop",
    "ayatollah",
    "bishop",
    "brig",
    "brigadier",
    "capt",
    "captain",
    "cardinal",
    "chairman",
    "chancellor",
    "chief",
    "col",
    "colonel",
    "commander",
    "congressman",
    "congresswoman",
    "cpl",
    "defence",
    "defense",
    "deputy",
    "director",
    "dr",
    "emir",
    "field",
    "first",
    "foreign",
    "former",
    "gen",
    "general",
    "gov",
    "governor",
    "grand",
    "imam",
    "judge",
    "justice",
    "king",
    "lady",
    "leader",
    "lieutenant",
    "lord",
    "lt",
    "maj",
    "major",
    "marshal",
    "mayor",
    "minister",
    "miss",
    "mr",
    "mrs",
    "ms",
    "mullah",
    "officer",
    "pope",
    "premier",
    "president",
    "prime",
    "prince",
    "princess",
    "prof",
    "professor",
    "queen",
    "rabbi",
    "rep",
    "representative",
    "secretary",
    "sen",
    "senator",
    "sergeant",
    "sgt",
    "sheikh",
    "sir",
    "speaker",
    "state",
    "supreme",
    "vice",
];

/// Offices that end a role rather than begin a name ("US President", "Foreign Minister"):
/// the titles that name a post. Titles that also end organisations' names ("Burger King",
/// "Ohio State", "Dollar General") are left out.
const OFFICES: &[&str] = &[
    "ambassador",
    "chairman",
    "chancellor",
    "commander",
    "congressman",
    "congresswoman",
    "governor",
    "mayor",
    "minister",
    "premier",
    "president",
    "secretary",
    "senator",
    "speaker",
];

/// Whether `word` is a title, rank or office ("Foreign", "Gen."), with or without a dot.
pub fn is_title(word: &str) -> bool {
    PERSON_TITLES.contains(&word.trim_end_matches('.').to_lowercase().as_str())
}

/// Whether `word` names an office ("President", "secretary"), with or without a dot.
pub fn is_office(word: &str) -> bool {
    OFFICES.contains(&word.trim_end_matches('.').to_lowercase().as_str())
}

/// Words that join a title to another ("Secretary of State"), skipped inside a title run.
const TITLE_JOINERS: &[&str] = &["of", "the", "for"];

/// The canonical form of a person's name: leading titles removed, a possessive removed,
/// white space normalised. `None` when nothing but titles is left.
pub fn person_name(text: &str) -> Option<String> {
    let words: Vec<&str> = strip_possessive(text).split_whitespace().collect();
    let is_title = |w: &str| {
        let bare = w.trim_end_matches('.').to_lowercase();
        PERSON_TITLES.contains(&bare.as_str())
    };
    let mut start = 0;
    while start < words.len() {
        let lower = words[start].to_lowercase();
        if is_title(words[start])
            || (start > 0
                && TITLE_JOINERS.contains(&lower.as_str())
                && start + 1 < words.len()
                && is_title(words[start + 1]))
        {
            start += 1;
        } else {
            break;
        }
    }
    let name = words[start..].join(" ");
    (!name.is_empty() && name.chars().any(char::is_alphabetic)).then_some(name)
}

/// The canonical form of an organisation's or place's name: a leading "the" and a possessive
/// removed, white space normalised.
pub fn proper_name(text: &str) -> Option<String> {
    let text = strip_possessive(text);
    let mut words: Vec<&str> = text.split_whitespace().collect();
    if words.first().is_some_and(|w| w.eq_ignore_ascii_case("the")) && words.len() > 1 {
        words.remove(0);
    }
    let name = words.join(" ");
    (!name.is_empty() && name.chars().any(char::is_alphabetic)).then_some(name)
}

fn strip_possessive(text: &str) -> &str {
    let text = text.trim();
    for suffix in ["'s", "’s", "'", "’"] {
        if let Some(stripped) = text.strip_suffix(suffix) {
            return stripped.trim_end();
        }
    }
    text
}

/// The key under which spellings of one name meet: each word folded and reduced to its
/// conflation key (so `Qassem` = `Qasem`, `Mobilisation` = `Mobilization`).
pub fn name_key(name: &str) -> String {
    tokenize(name)
        .iter()
        .map(|token| conflation_key(&token.term))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The capital initials of a name's significant words: "Popular Mobilization Forces" → PMF.
pub fn initials(name: &str) -> String {
    name.split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .filter_map(|w| w.chars().next())
        .collect()
}

/// Whether `short` is an acronym of `long` ("PMF" for "Popular Mobilization Forces").
pub fn is_acronym_of(short: &str, long: &str) -> bool {
    let letters: String = short.chars().filter(|c| c.is_alphabetic()).collect();
    letters.chars().count() >= 2
        && letters.chars().all(char::is_uppercase)
        && initials(long) == letters
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_and_ranks_are_stripped_from_person_names() {
        assert_eq!(
            person_name("Maj Gen Ana Lopes").as_deref(),
            Some("Ana Lopes")
        );
        assert_eq!(
            person_name("Defense Secretary Mark Twain").as_deref(),
            Some("Mark Twain")
        );
        assert_eq!(
            person_name("Secretary of State John Doe").as_deref(),
            Some("John Doe")
        );
        assert_eq!(
            person_name("Ayatollah Someone's").as_deref(),
            Some("Someone")
        );
        assert_eq!(person_name("President"), None);
    }

    #[test]
    fn a_leading_the_and_possessives_leave_organisation_names() {
        assert_eq!(
            proper_name("the Example Herald's").as_deref(),
            Some("Example Herald")
        );
        assert_eq!(proper_name("The Hague").as_deref(), Some("Hague"));
    }

    #[test]
    fn spelling_variants_share_a_name_key() {
        assert_eq!(name_key("Qassem Example"), name_key("Qasem Example"));
        assert_eq!(
            name_key("Popular Mobilisation Forces"),
            name_key("Popular Mobilization Forces")
        );
        assert_ne!(name_key("Ana Lopes"), name_key("Ana Lopez Garcia"));
    }

    #[test]
    fn acronyms_match_the_initials_of_the_long_form() {
        assert!(is_acronym_of("PMF", "Popular Mobilization Forces"));
        assert!(is_acronym_of("IRGC", "Islamic Revolutionary Guard Corps"));
        assert!(!is_acronym_of("UN", "Popular Mobilization Forces"));
        assert!(!is_acronym_of("P", "Popular"));
    }
}

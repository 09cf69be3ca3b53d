//! Which of the packages' names a gazetteer entry keeps: names an English text could use for
//! the place, in Latin script, without codes, transliteration noise or duplicates.

use std::collections::HashSet;

use dossier_geo::gazetteer::name_key;

use super::curated::NO_PLURAL;

/// Whether a name is written the way English text writes a place: starting with a capital,
/// made of Latin letters (accented or not), spaces, hyphens, apostrophes and full stops.
/// Lower-case alternates in GeoNames are machine transliterations ("bagadada").
pub fn is_latin_name(name: &str) -> bool {
    let mut chars = name.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    first.is_uppercase()
        && is_latin_letter(first)
        && chars.all(|c| is_latin_letter(c) || matches!(c, ' ' | '-' | '\'' | '’' | '.'))
}

fn is_latin_letter(c: char) -> bool {
    c.is_ascii_alphabetic()
        || (c.is_alphabetic()
            && matches!(c as u32, 0x00C0..=0x024F | 0x1E00..=0x1EFF)
            && c != '×'
            && c != '÷')
}

/// An airport or ISO code rather than a name: all capitals, at most four letters ("BGW").
pub fn is_code(name: &str) -> bool {
    name.chars().count() <= 4 && name.chars().all(|c| c.is_ascii_uppercase())
}

/// Tagalog and Cebuano "city of …", "town of …": GeoNames has them for thousands of places.
const GENERIC_PREFIXES: &[&str] = &[
    "Lungsod ng ",
    "Dakbayan sa ",
    "Bayan ng ",
    "Lalawigan ng ",
    "Munisipyo ng ",
];

/// Names kept per city, by population: a big city has more exonyms worth knowing (Köln is
/// "Cologne", Mumbai "Bombay"), and GeoNames does not say which language each is.
fn alternates_cap(population: u64) -> usize {
    match population {
        1_000_000.. => 24,
        100_000.. => 12,
        _ => 6,
    }
}

/// A city's alternates: Latin-script names, no codes, no "city of" forms, at least three
/// characters, none that is the name of a country (Kuwait City's "Kuwait"), distinct from each
/// other and from the name once folded ("Baghdād" = "Baghdad"). When there are more than the
/// cap, single words before phrases and short before long (variants before descriptions),
/// then in the package's order.
pub fn city_alternates(
    name: &str,
    population: u64,
    alternates: &[String],
    country_keys: &HashSet<String>,
) -> Vec<String> {
    let mut seen = HashSet::from([name_key(name)]);
    let mut kept: Vec<&str> = Vec::new();
    for alternate in alternates {
        let alternate = alternate.trim();
        if !is_latin_name(alternate)
            || is_code(alternate)
            || alternate.chars().count() < 3
            || GENERIC_PREFIXES
                .iter()
                .any(|prefix| alternate.starts_with(prefix))
        {
            continue;
        }
        let key = name_key(alternate);
        if key.is_empty() || country_keys.contains(&key) || !seen.insert(key) {
            continue;
        }
        kept.push(alternate);
    }
    kept.sort_by_key(|name| (name.split(' ').count(), name.chars().count()));
    kept.truncate(alternates_cap(population));
    kept.into_iter().map(str::to_string).collect()
}

/// Names distinct once folded, in order, leaving out any that fold like `except`.
pub fn distinct(names: impl IntoIterator<Item = String>, except: &[&str]) -> Vec<String> {
    let mut seen: HashSet<String> = except.iter().map(|name| name_key(name)).collect();
    names
        .into_iter()
        .filter(|name| {
            let key = name_key(name);
            !key.is_empty() && seen.insert(key)
        })
        .collect()
}

/// A demonym and, where English makes one by adding "s", its plural: "Iraqi" → "Iraqis",
/// "American" → "Americans", "Turkmen" → "Turkmens"; but "Chinese", "Swiss", "Danish",
/// "Czech" and "Malagasy" are their own plural.
pub fn with_plural(demonym: &str) -> Vec<String> {
    let mut forms = vec![demonym.to_string()];
    let takes_s = ["an", "in", "en", "er", "i", "ot", "k", "o"]
        .iter()
        .any(|ending| demonym.ends_with(ending));
    if takes_s && !NO_PLURAL.contains(&demonym) && !demonym.contains(" and ") {
        forms.push(format!("{demonym}s"));
    }
    forms
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latin_names_only() {
        assert!(is_latin_name("Baghdād"));
        assert!(is_latin_name("Kata'ib"));
        assert!(!is_latin_name("bagadada"));
        assert!(!is_latin_name("Багдад"));
        assert!(!is_latin_name("Bagdad 2"));
    }

    #[test]
    fn city_alternates_drop_codes_noise_and_folded_duplicates() {
        let names: Vec<String> = [
            "BGW",
            "Bagdad",
            "Baghdād",
            "Baghdad",
            "Lungsod ng Baghdad",
            "bghdad",
            "Iraq",
            "Багдад",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        let countries = HashSet::from(["iraq".to_string()]);
        assert_eq!(
            city_alternates("Baghdad", 7_000_000, &names, &countries),
            vec!["Bagdad"]
        );
    }

    #[test]
    fn plurals_where_english_adds_an_s() {
        assert_eq!(with_plural("Iraqi"), vec!["Iraqi", "Iraqis"]);
        assert_eq!(with_plural("American"), vec!["American", "Americans"]);
        assert_eq!(with_plural("Chinese"), vec!["Chinese"]);
        assert_eq!(with_plural("Czech"), vec!["Czech"]);
        assert_eq!(with_plural("Mosotho"), vec!["Mosotho"]);
    }
}

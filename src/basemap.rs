//! The world map's outlines, compiled into the page (`data/geo/basemap.bin`, built by
//! `cargo xtask gazetteer`) and turned into SVG path data once, on first use: the map then
//! only moves these strings with a transform and never rebuilds them.

use std::collections::HashMap;
use std::sync::OnceLock;

use dossier_core::{FacetValue, PlaceKind};
use dossier_geo::basemap::{decode, Outline, OutlineKind};
use dossier_geo::outline_path::{outline_path, world_edge_path};
use dossier_geo::project;

static BASEMAP_BYTES: &[u8] = include_bytes!("../data/geo/basemap.bin");

/// Path data for each layer of the map, in [`dossier_geo::outline_path::PATH_UNITS`].
pub struct BasemapPaths {
    /// The projected world's edge, filled as sea.
    pub sea: String,
    /// Every country, filled as land and stroked as borders.
    pub countries: String,
    /// State and province borders, drawn lighter above the countries.
    pub states: String,
    /// Each outline alone, for shading the area of a place: (code, path data).
    pub outlines: Vec<(String, String)>,
    /// Each outline's bounding box in projected units: [min x, min y, max x, max y].
    pub boxes: Vec<[f32; 4]>,
    decoded: Vec<Outline>,
}

impl BasemapPaths {
    /// Indices of the outlines of `kind` whose box meets `area` ([min x, min y, max x, max y]
    /// in projected units).
    pub fn outlines_meeting(&self, kind: OutlineKind, area: [f64; 4]) -> Vec<usize> {
        self.decoded
            .iter()
            .zip(&self.boxes)
            .enumerate()
            .filter(|(_, (outline, b))| outline.kind == kind && box_meets(**b, area))
            .map(|(i, _)| i)
            .collect()
    }
}

/// Whether an outline's box meets `area` (both [min x, min y, max x, max y]).
pub fn box_meets(b: [f32; 4], area: [f64; 4]) -> bool {
    f64::from(b[0]) <= area[2]
        && f64::from(b[2]) >= area[0]
        && f64::from(b[1]) <= area[3]
        && f64::from(b[3]) >= area[1]
}

/// The box around an outline's points; an empty outline's box meets nothing.
fn bounding_box(outline: &Outline) -> [f32; 4] {
    let mut b = [
        f32::INFINITY,
        f32::INFINITY,
        f32::NEG_INFINITY,
        f32::NEG_INFINITY,
    ];
    for &[x, y] in outline.rings.iter().flatten() {
        b = [b[0].min(x), b[1].min(y), b[2].max(x), b[3].max(y)];
    }
    b
}

/// The basemap's paths; an empty map (sea only) if the compiled-in bytes are damaged, which
/// the test `the_compiled_basemap_decodes` rules out for the committed file.
pub fn paths() -> &'static BasemapPaths {
    static PATHS: OnceLock<BasemapPaths> = OnceLock::new();
    PATHS.get_or_init(|| {
        let decoded = decode(BASEMAP_BYTES).unwrap_or_default();
        let layer = |kind: OutlineKind| {
            decoded
                .iter()
                .filter(|outline| outline.kind == kind)
                .map(|outline| outline_path(&outline.rings))
                .collect::<String>()
        };
        BasemapPaths {
            sea: world_edge_path(),
            countries: layer(OutlineKind::Country),
            states: layer(OutlineKind::State),
            outlines: decoded
                .iter()
                .map(|outline| (outline.code.clone(), outline_path(&outline.rings)))
                .collect(),
            boxes: decoded.iter().map(bounding_box).collect(),
            decoded,
        }
    })
}

/// For each place value (index into `values`) that is a country or a state, the index of its
/// outline in [`BasemapPaths::outlines`]: a country by its ISO code, a state by the outline of
/// its country's states that contains its point. Computed once per page.
pub fn area_outlines(values: &'static [FacetValue]) -> &'static HashMap<u32, usize> {
    static AREAS: OnceLock<HashMap<u32, usize>> = OnceLock::new();
    AREAS.get_or_init(|| {
        let outlines = &paths().decoded;
        let countries: HashMap<&str, usize> = outlines
            .iter()
            .enumerate()
            .filter(|(_, outline)| outline.kind == OutlineKind::Country)
            .map(|(i, outline)| (outline.code.as_str(), i))
            .collect();
        values
            .iter()
            .enumerate()
            .filter_map(|(index, value)| {
                let location = value.location.as_ref()?;
                let outline = match location.kind {
                    PlaceKind::Country => countries.get(location.country.as_str()).copied(),
                    PlaceKind::State => {
                        let at = project(f64::from(location.lat), f64::from(location.lon));
                        let prefix = format!("{}-", location.country);
                        outlines.iter().position(|outline| {
                            outline.kind == OutlineKind::State
                                && outline.code.starts_with(&prefix)
                                && outline.contains(at.x as f32, at.y as f32)
                        })
                    }
                    _ => None,
                }?;
                Some((index as u32, outline))
            })
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_compiled_basemap_decodes() {
        let outlines = decode(BASEMAP_BYTES).expect("data/geo/basemap.bin decodes");
        assert!(
            outlines.iter().any(|o| o.code == "IQ"),
            "Iraq is on the map"
        );
        assert!(!paths().countries.is_empty());
    }

    #[test]
    fn zoomed_in_only_the_outlines_reaching_the_drawn_area_are_drawn() {
        let paths = paths();
        let code = |i: usize| paths.outlines[i].0.as_str();
        // A few hundred kilometres around Baghdad.
        let at = project(33.3, 44.4);
        let area = [at.x - 0.02, at.y - 0.02, at.x + 0.02, at.y + 0.02];
        let near: Vec<&str> = paths
            .outlines_meeting(OutlineKind::Country, area)
            .into_iter()
            .map(code)
            .collect();
        assert!(near.contains(&"IQ"), "{near:?}");
        // A country's box spans all its parts (France's overseas departments, Alaska's
        // islands past the antimeridian), so such countries are drawn everywhere; compact
        // ones far away are not.
        assert!(!near.contains(&"BR") && !near.contains(&"AU"), "{near:?}");
        assert!(near.len() < 10, "{near:?}");
        // The whole world's area meets every country.
        let world = [-10.0, -10.0, 10.0, 10.0];
        let countries = paths
            .decoded
            .iter()
            .filter(|o| o.kind == OutlineKind::Country);
        assert_eq!(
            paths.outlines_meeting(OutlineKind::Country, world).len(),
            countries.count()
        );
    }
}

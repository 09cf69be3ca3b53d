//! TopoJSON as `world-atlas` and `us-atlas` ship it: polygons made of shared arcs, quantised
//! and delta-encoded, in longitude and latitude. Arcs are simplified one at a time
//! (Visvalingam–Whyatt, measured in Equal Earth's plane), so a border shared by two countries
//! is simplified once and the neighbours still meet exactly. Rings are assembled from the
//! simplified arcs, cut where they cross the antimeridian (world-atlas leaves that to the
//! renderer: Russia's Chukotka and Fiji straddle it), and projected.

use std::cmp::{Ordering, Reverse};
use std::collections::{BTreeMap, BinaryHeap};
use std::path::Path;

use anyhow::{bail, Context, Result};
use dossier_geo::projection::project;
use serde::Deserialize;

/// A projected point: Equal Earth x, y (north up), in the projection's units.
pub type XY = [f64; 2];

#[derive(Deserialize)]
struct RawTopology {
    transform: Option<Transform>,
    objects: BTreeMap<String, RawCollection>,
    arcs: Vec<Vec<[f64; 2]>>,
}

#[derive(Deserialize)]
struct Transform {
    scale: [f64; 2],
    translate: [f64; 2],
}

#[derive(Deserialize)]
struct RawCollection {
    #[serde(default)]
    geometries: Vec<RawGeometry>,
}

#[derive(Deserialize)]
struct RawGeometry {
    #[serde(rename = "type")]
    kind: Option<String>,
    id: Option<String>,
    #[serde(default)]
    properties: Properties,
    #[serde(default)]
    arcs: serde_json::Value,
}

#[derive(Deserialize, Default)]
struct Properties {
    name: Option<String>,
}

/// One area of a geometry collection.
pub struct Feature {
    pub id: Option<String>,
    pub name: String,
    /// Per polygon, per ring (the first ring is the outer one, the others holes), the arcs:
    /// index `i` is arc `i`, index `!i` (that is, `-i - 1`) is arc `i` reversed.
    pub polygons: Vec<Vec<Vec<i64>>>,
}

/// A polygon ring assembled from arcs, closed (its last point repeats its first).
pub struct Ring {
    pub points: Vec<XY>,
    pub hole: bool,
}

/// A longitude and latitude in degrees.
type LonLat = [f64; 2];

pub struct Topology {
    /// Every arc, in longitude and latitude.
    arcs: Vec<Vec<LonLat>>,
    objects: BTreeMap<String, Vec<Feature>>,
}

impl Topology {
    /// Reads a TopoJSON file.
    pub fn load(path: &Path) -> Result<Topology> {
        let text = std::fs::read_to_string(path)
            .with_context(|| format!("cannot read {}", path.display()))?;
        let raw: RawTopology = serde_json::from_str(&text)
            .with_context(|| format!("{} is not the TopoJSON expected", path.display()))?;
        let arcs = raw
            .arcs
            .iter()
            .map(|arc| decode_arc(arc, raw.transform.as_ref()))
            .collect::<Vec<_>>();
        let mut objects = BTreeMap::new();
        for (name, collection) in raw.objects {
            let mut features = Vec::new();
            for (index, geometry) in collection.geometries.into_iter().enumerate() {
                let polygons = match geometry.kind.as_deref() {
                    Some("Polygon") => {
                        vec![serde_json::from_value::<Vec<Vec<i64>>>(geometry.arcs)]
                    }
                    Some("MultiPolygon") => {
                        match serde_json::from_value::<Vec<Vec<Vec<i64>>>>(geometry.arcs) {
                            Ok(polygons) => polygons.into_iter().map(Ok).collect(),
                            Err(error) => vec![Err(error)],
                        }
                    }
                    _ => Vec::new(),
                }
                .into_iter()
                .collect::<Result<Vec<_>, _>>()
                .with_context(|| {
                    format!(
                        "{}: object {name:?}, geometry {index}: bad arcs",
                        path.display()
                    )
                })?;
                for &arc in polygons.iter().flatten().flatten() {
                    let arc_index = if arc >= 0 { arc } else { !arc };
                    if arc_index as usize >= arcs.len() {
                        bail!(
                            "{}: object {name:?}, geometry {index} uses arc {arc}, but there are {}",
                            path.display(),
                            arcs.len()
                        );
                    }
                }
                features.push(Feature {
                    id: geometry.id,
                    name: geometry.properties.name.unwrap_or_default(),
                    polygons,
                });
            }
            objects.insert(name, features);
        }
        Ok(Topology { arcs, objects })
    }

    /// The features of one geometry collection ("countries", "states", "counties").
    pub fn features(&self, object: &str) -> Result<&[Feature]> {
        self.objects
            .get(object)
            .map(Vec::as_slice)
            .with_context(|| format!("the topology has no object {object:?}"))
    }

    /// Simplifies every arc, dropping points whose effective area is below `min_area`
    /// (projected units²). Arc ends, where borders meet, always stay.
    pub fn simplify(&mut self, min_area: f64) {
        for arc in &mut self.arcs {
            let projected: Vec<XY> = arc.iter().map(|&lonlat| projected(lonlat)).collect();
            let keep = visvalingam(&projected, min_area);
            let mut index = 0;
            arc.retain(|_| {
                index += 1;
                keep[index - 1]
            });
        }
    }

    /// The rings of a feature, in order, each closed and projected; a ring that crosses the
    /// antimeridian comes back as two.
    pub fn rings(&self, feature: &Feature) -> Vec<Ring> {
        let mut rings = Vec::new();
        for polygon in &feature.polygons {
            for (index, arcs) in polygon.iter().enumerate() {
                let mut points: Vec<LonLat> = Vec::new();
                for &arc in arcs {
                    let (reversed, arc) = if arc >= 0 {
                        (false, &self.arcs[arc as usize])
                    } else {
                        (true, &self.arcs[!arc as usize])
                    };
                    let ordered: Box<dyn Iterator<Item = &LonLat>> = if reversed {
                        Box::new(arc.iter().rev())
                    } else {
                        Box::new(arc.iter())
                    };
                    // Consecutive arcs share their junction point.
                    let skip = usize::from(!points.is_empty());
                    points.extend(ordered.skip(skip));
                }
                for part in cut_at_antimeridian(points) {
                    rings.push(Ring {
                        points: part.into_iter().map(projected).collect(),
                        hole: index > 0,
                    });
                }
            }
        }
        rings
    }
}

fn projected([lon, lat]: LonLat) -> XY {
    let point = project(lat, lon);
    [point.x, point.y]
}

/// A closed ring that crosses the antimeridian, as the two rings either side of it. Read with
/// its longitudes made continuous (179° then −179° becomes 179° then 181°), such a ring spills
/// past ±180°; it is clipped at the meridian it spills over, and the part beyond is shifted
/// back by 360°. A ring that only touches the meridian is returned with continuous longitudes,
/// so its points on 180° and on −180° are one meridian. A ring around a pole (Antarctica's) winds once around the globe instead and
/// is left as it is: its edge along the pole is where it closes.
fn cut_at_antimeridian(ring: Vec<LonLat>) -> Vec<Vec<LonLat>> {
    let Some(&first) = ring.first() else {
        return vec![ring];
    };
    let mut unwrapped = Vec::with_capacity(ring.len());
    let mut previous = first;
    let mut lon = first[0];
    for &point in &ring {
        let mut step = point[0] - previous[0];
        if step > 180.0 {
            step -= 360.0;
        } else if step < -180.0 {
            step += 360.0;
        }
        lon += step;
        unwrapped.push([lon, point[1]]);
        previous = point;
    }
    let winds = (lon - first[0]).abs() > 180.0;
    let (min, max) = unwrapped.iter().fold((f64::MAX, f64::MIN), |(lo, hi), p| {
        (lo.min(p[0]), hi.max(p[0]))
    });
    let meridian = if winds {
        return vec![ring];
    } else if max > 180.0 {
        180.0
    } else if min < -180.0 {
        -180.0
    } else {
        // Within ±180° once continuous: a ring with points on both 180° and −180° that are
        // one meridian (a sliver along it, in Fiji) collapses to its true width.
        return vec![unwrapped];
    };
    let shift = -2.0 * meridian;
    let near = clip(&unwrapped, meridian, |lon| {
        (lon - meridian) * meridian.signum() <= 0.0
    });
    let far = clip(&unwrapped, meridian, |lon| {
        (lon - meridian) * meridian.signum() >= 0.0
    })
    .into_iter()
    .map(|[lon, lat]| [lon + shift, lat])
    .collect();
    [near, far]
        .into_iter()
        .filter(|part: &Vec<LonLat>| part.len() >= 4)
        .collect()
}

/// Sutherland–Hodgman: the part of a closed ring on the kept side of a meridian, closed.
fn clip(ring: &[LonLat], meridian: f64, kept: impl Fn(f64) -> bool) -> Vec<LonLat> {
    let points = match ring.split_last() {
        Some((last, rest)) if Some(last) == rest.first() => rest,
        _ => ring,
    };
    let crossing = |a: LonLat, b: LonLat| {
        let t = (meridian - a[0]) / (b[0] - a[0]);
        [meridian, a[1] + t * (b[1] - a[1])]
    };
    let mut out = Vec::new();
    for (index, &current) in points.iter().enumerate() {
        let previous = points[(index + points.len() - 1) % points.len()];
        match (kept(previous[0]), kept(current[0])) {
            (true, true) => out.push(current),
            (true, false) => out.push(crossing(previous, current)),
            (false, true) => {
                out.push(crossing(previous, current));
                out.push(current);
            }
            (false, false) => {}
        }
    }
    if let Some(&start) = out.first() {
        out.push(start);
    }
    out
}

fn decode_arc(arc: &[[f64; 2]], transform: Option<&Transform>) -> Vec<LonLat> {
    let (mut x, mut y) = (0.0, 0.0);
    arc.iter()
        .map(|&[a, b]| match transform {
            Some(t) => {
                x += a;
                y += b;
                [
                    x * t.scale[0] + t.translate[0],
                    y * t.scale[1] + t.translate[1],
                ]
            }
            None => [a, b],
        })
        .collect()
}

/// Area of the triangle abc.
fn triangle_area(a: XY, b: XY, c: XY) -> f64 {
    ((b[0] - a[0]) * (c[1] - a[1]) - (c[0] - a[0]) * (b[1] - a[1])).abs() / 2.0
}

/// A heap key ordered by area, then by point index so the order is deterministic.
#[derive(PartialEq)]
struct ByArea(f64, usize);

impl Eq for ByArea {}

impl PartialOrd for ByArea {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for ByArea {
    fn cmp(&self, other: &Self) -> Ordering {
        self.0.total_cmp(&other.0).then(self.1.cmp(&other.1))
    }
}

/// Visvalingam–Whyatt: repeatedly removes the point whose triangle with its neighbours is
/// smallest, until every remaining triangle is at least `min_area`. A point's area never falls
/// below that of a point removed before it, so the result is the same as eliminating one point
/// at a time. A closed arc (an island) keeps at least a triangle. Returns which points stay.
pub fn visvalingam(points: &[XY], min_area: f64) -> Vec<bool> {
    let n = points.len();
    if n <= 2 {
        return vec![true; n];
    }
    let mut current = vec![f64::INFINITY; n];
    let mut weight = vec![f64::INFINITY; n];
    let mut prev: Vec<usize> = (0..n).map(|i| i.saturating_sub(1)).collect();
    let mut next: Vec<usize> = (0..n).map(|i| (i + 1).min(n - 1)).collect();
    let mut heap = BinaryHeap::new();
    for i in 1..n - 1 {
        current[i] = triangle_area(points[i - 1], points[i], points[i + 1]);
        heap.push(Reverse(ByArea(current[i], i)));
    }
    let mut removed = vec![false; n];
    while let Some(Reverse(ByArea(area, i))) = heap.pop() {
        if removed[i] || area != current[i] {
            continue;
        }
        removed[i] = true;
        weight[i] = area;
        let (p, q) = (prev[i], next[i]);
        next[p] = q;
        prev[q] = p;
        for j in [p, q] {
            if j != 0 && j != n - 1 {
                let fresh = triangle_area(points[prev[j]], points[j], points[next[j]]);
                current[j] = fresh.max(area);
                heap.push(Reverse(ByArea(current[j], j)));
            }
        }
    }
    let closed = points[0] == points[n - 1];
    if closed && n >= 4 {
        // Keep the two interior points that lasted longest, so an island stays a triangle.
        let mut order: Vec<usize> = (1..n - 1).collect();
        order.sort_by(|&a, &b| weight[b].total_cmp(&weight[a]).then(a.cmp(&b)));
        for &i in order.iter().take(2) {
            weight[i] = f64::INFINITY;
        }
    }
    weight.iter().map(|&w| w >= min_area).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn visvalingam_keeps_the_ends_and_the_corners() {
        let line = [[0.0, 0.0], [1.0, 0.01], [2.0, 0.0], [3.0, 2.0], [4.0, 0.0]];
        assert_eq!(visvalingam(&line, 0.1), vec![true, false, true, true, true]);
    }

    #[test]
    fn a_closed_arc_keeps_a_triangle() {
        let island = [[0.0, 0.0], [1.0, 0.0], [1.0, 1.0], [0.0, 1.0], [0.0, 0.0]];
        let kept = visvalingam(&island, 100.0);
        assert_eq!(kept.iter().filter(|&&k| k).count(), 4);
    }

    #[test]
    fn a_ring_across_the_antimeridian_is_cut_in_two() {
        let ring = vec![
            [178.0, -16.0],
            [-178.0, -16.0],
            [-178.0, -18.0],
            [178.0, -18.0],
            [178.0, -16.0],
        ];
        let parts = cut_at_antimeridian(ring);
        assert_eq!(parts.len(), 2);
        for part in &parts {
            assert_eq!(part.first(), part.last());
            let west = part.iter().all(|p| p[0] >= 178.0);
            let east = part.iter().all(|p| p[0] <= -178.0);
            assert!(west || east, "{part:?}");
        }
    }

    #[test]
    fn a_ring_around_the_pole_is_left_whole() {
        let ring = vec![
            [-180.0, -80.0],
            [0.0, -70.0],
            [180.0, -80.0],
            [180.0, -90.0],
            [-180.0, -90.0],
            [-180.0, -80.0],
        ];
        assert_eq!(cut_at_antimeridian(ring.clone()), vec![ring]);
    }
}

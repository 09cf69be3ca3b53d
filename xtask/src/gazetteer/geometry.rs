//! Points inside outlines: where a country's, state's or county's marker goes. Every test is
//! made on the projected outline the page draws, with the coordinates as the gazetteer file
//! rounds them, so a marker the build checked is a marker the reader sees inside its area.

use dossier_geo::basemap::Outline;
use dossier_geo::projection::{project, unproject, Point};

/// Decimal places of the gazetteer's coordinates (`PlaceEntry::to_line` writes `{:.4}`).
fn rounded(value: f64) -> f64 {
    (value * 1e4).round() / 1e4
}

/// Whether a latitude / longitude, rounded as the gazetteer writes it, lies inside `outline`.
pub fn inside(outline: &Outline, lat: f64, lon: f64) -> bool {
    let point = project(rounded(lat), rounded(lon));
    outline.contains(point.x as f32, point.y as f32)
}

/// How a point inside an outline was chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Choice {
    /// The first candidate the caller offered (for a country: its reference coordinates).
    First,
    /// A later candidate (for a country: its capital).
    Later,
    /// The outline's most interior point.
    Interior,
}

/// The first candidate (latitude, longitude) inside `outline`, else the outline's most
/// interior point; `None` only for an outline with no area.
pub fn point_inside(outline: &Outline, candidates: &[(f64, f64)]) -> Option<(f64, f64, Choice)> {
    for (index, &(lat, lon)) in candidates.iter().enumerate() {
        if inside(outline, lat, lon) {
            let choice = if index == 0 {
                Choice::First
            } else {
                Choice::Later
            };
            return Some((lat, lon, choice));
        }
    }
    let [x, y] = interior_point(outline)?;
    let (lat, lon) = unproject(Point {
        x: f64::from(x),
        y: f64::from(y),
    });
    Some((lat, lon, Choice::Interior))
}

/// Projected units per step when looking for land near a point (about 3 km on the map).
const NEAR_STEP: f64 = 0.0005;
/// Directions tried at each distance.
const NEAR_DIRECTIONS: usize = 72;

/// The point of `outline` nearest to (`lat`, `lon`), searched on rings of growing radius out
/// to `max_steps` steps of [`NEAR_STEP`]: the point itself when it is inside. For a reference
/// point that falls in the sea between an archipelago's islands.
pub fn nearest_inside(
    outline: &Outline,
    lat: f64,
    lon: f64,
    max_steps: usize,
) -> Option<(f64, f64)> {
    if inside(outline, lat, lon) {
        return Some((lat, lon));
    }
    let centre = project(lat, lon);
    for step in 1..=max_steps {
        let radius = step as f64 * NEAR_STEP;
        for direction in 0..NEAR_DIRECTIONS {
            let angle = std::f64::consts::TAU * direction as f64 / NEAR_DIRECTIONS as f64;
            let (lat, lon) = unproject(Point {
                x: centre.x + radius * angle.cos(),
                y: centre.y + radius * angle.sin(),
            });
            if inside(outline, lat, lon) {
                return Some((lat, lon));
            }
        }
    }
    None
}

/// Area-weighted centroid of the outline's largest ring, in latitude and longitude (it may lie
/// outside a concave ring: check with [`inside`]).
pub fn centroid(outline: &Outline) -> Option<(f64, f64)> {
    let ring = largest_ring(outline)?;
    let (mut cx, mut cy, mut twice_area) = (0.0f64, 0.0f64, 0.0f64);
    let mut previous = *ring.last()?;
    for &point in ring {
        let (x0, y0) = (f64::from(previous[0]), f64::from(previous[1]));
        let (x1, y1) = (f64::from(point[0]), f64::from(point[1]));
        let cross = x0 * y1 - x1 * y0;
        twice_area += cross;
        cx += (x0 + x1) * cross;
        cy += (y0 + y1) * cross;
        previous = point;
    }
    if twice_area == 0.0 {
        return None;
    }
    Some(unproject(Point {
        x: cx / (3.0 * twice_area),
        y: cy / (3.0 * twice_area),
    }))
}

/// The mean of all the outline's points, in latitude and longitude: a last resort for an
/// outline with no area.
pub fn mean_point(outline: &Outline) -> Option<(f64, f64)> {
    let points: Vec<&[f32; 2]> = outline.rings.iter().flatten().collect();
    if points.is_empty() {
        return None;
    }
    let n = points.len() as f64;
    Some(unproject(Point {
        x: points.iter().map(|p| f64::from(p[0])).sum::<f64>() / n,
        y: points.iter().map(|p| f64::from(p[1])).sum::<f64>() / n,
    }))
}

/// The share of the outline's area in its largest ring: near 1 for a country on one landmass,
/// low for an archipelago. Holes count as area too, which only lowers the share a little.
pub fn largest_ring_share(outline: &Outline) -> Option<f64> {
    let total: f64 = outline.rings.iter().map(|ring| ring_area(ring)).sum();
    let largest = ring_area(largest_ring(outline)?);
    (total > 0.0).then(|| largest / total)
}

fn ring_area(ring: &[[f32; 2]]) -> f64 {
    let Some(&last) = ring.last() else {
        return 0.0;
    };
    let mut previous = last;
    let mut twice = 0.0f64;
    for &point in ring {
        twice += f64::from(previous[0]) * f64::from(point[1])
            - f64::from(point[0]) * f64::from(previous[1]);
        previous = point;
    }
    (twice / 2.0).abs()
}

fn largest_ring(outline: &Outline) -> Option<&[[f32; 2]]> {
    outline
        .rings
        .iter()
        .filter(|ring| ring.len() >= 3)
        .max_by(|a, b| ring_area(a).total_cmp(&ring_area(b)))
        .map(Vec::as_slice)
}

/// Distance from a point to the nearest edge of any ring.
fn distance_to_edges(outline: &Outline, x: f32, y: f32) -> f32 {
    let mut nearest = f32::INFINITY;
    for ring in &outline.rings {
        let Some(&last) = ring.last() else { continue };
        let mut previous = last;
        for &point in ring {
            let ([ax, ay], [bx, by]) = (previous, point);
            let (dx, dy) = (bx - ax, by - ay);
            let length2 = dx * dx + dy * dy;
            let t = if length2 > 0.0 {
                (((x - ax) * dx + (y - ay) * dy) / length2).clamp(0.0, 1.0)
            } else {
                0.0
            };
            let (px, py) = (ax + t * dx - x, ay + t * dy - y);
            nearest = nearest.min(px * px + py * py);
            previous = point;
        }
    }
    nearest.sqrt()
}

/// Grid cells per side when searching for the most interior point.
const GRID: usize = 20;
/// Rounds of search, each on a finer grid around the best point so far.
const ROUNDS: usize = 4;

/// Approximately the point of the outline's largest ring farthest from every edge (its pole
/// of inaccessibility): a grid search over the ring's bounding box, refined around the best
/// cell. Holes count, so the point is never in a lake or an enclave.
pub fn interior_point(outline: &Outline) -> Option<[f32; 2]> {
    let ring = largest_ring(outline)?;
    let (mut x0, mut y0, mut x1, mut y1) = (f32::MAX, f32::MAX, f32::MIN, f32::MIN);
    for &[x, y] in ring {
        x0 = x0.min(x);
        y0 = y0.min(y);
        x1 = x1.max(x);
        y1 = y1.max(y);
    }
    let mut best: Option<(f32, [f32; 2])> = None;
    let (mut width, mut height) = (x1 - x0, y1 - y0);
    for _ in 0..ROUNDS {
        for i in 0..GRID {
            for j in 0..GRID {
                let x = x0 + (i as f32 + 0.5) * width / GRID as f32;
                let y = y0 + (j as f32 + 0.5) * height / GRID as f32;
                if !outline.contains(x, y) {
                    continue;
                }
                let distance = distance_to_edges(outline, x, y);
                if best.is_none_or(|(d, _)| distance > d) {
                    best = Some((distance, [x, y]));
                }
            }
        }
        let Some((_, [bx, by])) = best else { break };
        width = width * 4.0 / GRID as f32;
        height = height * 4.0 / GRID as f32;
        x0 = bx - width / 2.0;
        y0 = by - height / 2.0;
    }
    best.map(|(_, point)| point)
}

#[cfg(test)]
mod tests {
    use super::*;
    use dossier_geo::basemap::OutlineKind;

    /// An L-shaped outline whose centroid lies outside it.
    fn l_shape() -> Outline {
        Outline {
            kind: OutlineKind::Country,
            code: "LL".into(),
            name: "L".into(),
            rings: vec![vec![
                [0.0, 0.0],
                [0.4, 0.0],
                [0.4, 0.05],
                [0.05, 0.05],
                [0.05, 0.4],
                [0.0, 0.4],
            ]],
        }
    }

    #[test]
    fn the_interior_point_is_inside_even_when_the_centroid_is_not() {
        let outline = l_shape();
        let (lat, lon) = centroid(&outline).unwrap();
        assert!(!inside(&outline, lat, lon));
        let (lat, lon, choice) = point_inside(&outline, &[(lat, lon)]).unwrap();
        assert_eq!(choice, Choice::Interior);
        assert!(inside(&outline, lat, lon));
    }
}

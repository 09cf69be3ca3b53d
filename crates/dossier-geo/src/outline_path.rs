//! SVG path data for pre-projected outlines, built once so that the page only ever moves
//! them (see [`Viewport::path_transform`](crate::viewport::Viewport::path_transform)).
//!
//! Coordinates are integers: projected units times [`PATH_UNITS`], y flipped to point down as
//! SVG's does, each point after the first of a ring relative to the one before it. That keeps
//! the strings short (a basemap of ~200 countries is a few hundred kilobytes of path data,
//! parsed once) and exact: relative steps between rounded points add up to the rounded points.

use crate::projection::{project, Point};

/// Path units per projected unit. One unit is 1/10,000 of Earth's radius (≈ 0.6 km), finer
/// than the basemap's simplification, and coordinates stay below 2^15.
pub const PATH_UNITS: f64 = 10_000.0;

/// The path data of closed rings in projected units (y north-up), as `M … l … z` per ring;
/// rings of fewer than three points are left out.
pub fn outline_path(rings: &[Vec<[f32; 2]>]) -> String {
    let mut out = String::new();
    for ring in rings.iter().filter(|ring| ring.len() >= 3) {
        let mut previous: Option<(i64, i64)> = None;
        for &[x, y] in ring {
            let point = path_point(f64::from(x), f64::from(y));
            match previous {
                None => {
                    out.push('M');
                    push_pair(&mut out, point);
                    out.push('l');
                }
                Some(last) if last == point => continue,
                Some(last) => push_pair(&mut out, (point.0 - last.0, point.1 - last.1)),
            }
            previous = Some(point);
        }
        out.push('z');
    }
    out
}

/// The edge of the projected world — the meridians ±180° from pole to pole — as one closed
/// path: what the map fills as sea.
pub fn world_edge_path() -> String {
    const STEPS: i32 = 90;
    let meridian = |lon: f64| {
        (0..=STEPS).map(move |i| project(90.0 - 180.0 * f64::from(i) / f64::from(STEPS), lon))
    };
    let ring: Vec<[f32; 2]> = meridian(180.0)
        .chain(meridian(-180.0).collect::<Vec<Point>>().into_iter().rev())
        .map(|p| [p.x as f32, p.y as f32])
        .collect();
    outline_path(&[ring])
}

fn path_point(x: f64, y: f64) -> (i64, i64) {
    (
        (x * PATH_UNITS).round() as i64,
        (-y * PATH_UNITS).round() as i64,
    )
}

/// Appends `x y` with the fewest separators SVG allows: a minus sign separates on its own.
fn push_pair(out: &mut String, (x, y): (i64, i64)) {
    for value in [x, y] {
        let after_command = out.ends_with(|c: char| c.is_ascii_alphabetic());
        if value >= 0 && !after_command {
            out.push(' ');
        }
        out.push_str(&value.to_string());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Reads the path back into absolute points per ring, as a browser would.
    fn parse(path: &str) -> Vec<Vec<(i64, i64)>> {
        let mut rings = Vec::new();
        for ring in path.split('z').filter(|r| !r.is_empty()) {
            let ring = ring.strip_prefix('M').expect("ring starts with M");
            let (start, steps) = ring.split_once('l').expect("then l");
            let numbers = |s: &str| -> Vec<i64> {
                s.replace('-', " -")
                    .split_whitespace()
                    .map(|n| n.parse().expect("integer"))
                    .collect()
            };
            let start = numbers(start);
            let mut at = (start[0], start[1]);
            let mut points = vec![at];
            for step in numbers(steps).chunks(2) {
                at = (at.0 + step[0], at.1 + step[1]);
                points.push(at);
            }
            rings.push(points);
        }
        rings
    }

    #[test]
    fn rings_become_relative_integer_paths_with_y_pointing_down() {
        let path = outline_path(&[vec![[0.1, 0.2], [0.3, 0.2], [0.3, -0.1]]]);
        assert_eq!(path, "M1000-2000l2000 0 0 3000z");
        assert_eq!(
            parse(&path),
            [vec![(1000, -2000), (3000, -2000), (3000, 1000)]]
        );
    }

    #[test]
    fn relative_steps_add_up_to_the_rounded_points() {
        let ring: Vec<[f32; 2]> = (0..500)
            .map(|i| {
                let a = f64::from(i) * 0.0125;
                [(a.cos() * 1.3) as f32, (a.sin() * 0.7) as f32]
            })
            .collect();
        let parsed = parse(&outline_path(std::slice::from_ref(&ring)));
        let expected: Vec<(i64, i64)> = ring
            .iter()
            .map(|&[x, y]| path_point(f64::from(x), f64::from(y)))
            .collect();
        let mut deduped = expected.clone();
        deduped.dedup();
        assert_eq!(parsed, [deduped]);
    }

    #[test]
    fn degenerate_rings_are_left_out() {
        assert_eq!(outline_path(&[vec![[0.0, 0.0], [1.0, 1.0]]]), "");
    }

    #[test]
    fn the_world_edge_spans_the_projected_world() {
        let rings = parse(&world_edge_path());
        let xs: Vec<i64> = rings[0].iter().map(|p| p.0).collect();
        let half_width = (crate::projection::HALF_WIDTH * PATH_UNITS).round() as i64;
        assert_eq!(xs.iter().max(), Some(&half_width));
        assert_eq!(xs.iter().min(), Some(&-half_width));
    }
}

//! The Equal Earth projection (Šavrič, Patterson & Jenny 2018).
//!
//! Equal-area, so a country's shading is not inflated by its latitude, with straight parallels
//! (a pan is a translation) and a closed-form forward formula that is cheap enough to run for
//! every marker on every frame. Output units are those of the paper on the unit sphere:
//! x ∈ [−2.7066, 2.7066] (west to east), y ∈ [−1.3173, 1.3173] (south to north).

/// A projected point; y grows northwards (flip it for screen coordinates).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Point {
    pub x: f64,
    pub y: f64,
}

const A1: f64 = 1.340264;
const A2: f64 = -0.081106;
const A3: f64 = 0.000893;
const A4: f64 = 0.003796;

/// Half the width of the projected world (x at longitude ±180° on the equator).
pub const HALF_WIDTH: f64 = 2.706_629_5;
/// Half the height of the projected world (y at latitude 90°).
pub const HALF_HEIGHT: f64 = 1.317_362_3;

/// Projects latitude / longitude in degrees. Out-of-range input is clamped, not rejected:
/// the map must draw something for every place the build resolved.
pub fn project(lat: f64, lon: f64) -> Point {
    let phi = lat.clamp(-90.0, 90.0).to_radians();
    let lambda = lon.clamp(-180.0, 180.0).to_radians();
    let m = 3f64.sqrt() / 2.0;
    let theta = (m * phi.sin()).asin();
    let t2 = theta * theta;
    let t6 = t2 * t2 * t2;
    let denominator = 3.0 * (A1 + 3.0 * A2 * t2 + t6 * (7.0 * A3 + 9.0 * A4 * t2));
    let x = 2.0 * 3f64.sqrt() * lambda * theta.cos() / denominator;
    let y = theta * (A1 + A2 * t2 + t6 * (A3 + A4 * t2));
    Point { x, y }
}

/// The inverse of [`project`]: latitude and longitude in degrees of a projected point, by
/// Newton's method on the polynomial in θ (a few iterations reach 1e-12). Points outside the
/// projected world give clamped, meaningless coordinates rather than an error.
pub fn unproject(point: Point) -> (f64, f64) {
    let m = 3f64.sqrt() / 2.0;
    let y = point.y.clamp(-HALF_HEIGHT, HALF_HEIGHT);
    let mut theta = y;
    for _ in 0..12 {
        let t2 = theta * theta;
        let t6 = t2 * t2 * t2;
        let f = theta * (A1 + A2 * t2 + t6 * (A3 + A4 * t2)) - y;
        let derivative = A1 + 3.0 * A2 * t2 + t6 * (7.0 * A3 + 9.0 * A4 * t2);
        let step = f / derivative;
        theta -= step;
        if step.abs() < 1e-12 {
            break;
        }
    }
    let t2 = theta * theta;
    let t6 = t2 * t2 * t2;
    let lambda = m * point.x * (A1 + 3.0 * A2 * t2 + t6 * (7.0 * A3 + 9.0 * A4 * t2)) / theta.cos();
    let phi = (theta.sin() / m).clamp(-1.0, 1.0).asin();
    (
        phi.to_degrees().clamp(-90.0, 90.0),
        lambda.to_degrees().clamp(-180.0, 180.0),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn origin_projects_to_origin() {
        let p = project(0.0, 0.0);
        assert!(p.x.abs() < 1e-12 && p.y.abs() < 1e-12);
    }

    #[test]
    fn world_edges_match_the_published_extent() {
        let east = project(0.0, 180.0);
        let north = project(90.0, 0.0);
        assert!((east.x - HALF_WIDTH).abs() < 1e-4, "{east:?}");
        assert!((north.y - HALF_HEIGHT).abs() < 1e-4, "{north:?}");
    }

    #[test]
    fn north_is_up_and_east_is_right() {
        let baghdad = project(33.34, 44.40);
        let washington = project(38.90, -77.04);
        let sydney = project(-33.87, 151.21);
        assert!(baghdad.x > washington.x && sydney.x > baghdad.x);
        assert!(washington.y > baghdad.y && baghdad.y > 0.0 && sydney.y < 0.0);
    }

    #[test]
    fn unproject_inverts_project() {
        for &(lat, lon) in &[(33.34, 44.40), (-33.87, 151.21), (0.0, 0.0), (89.0, -179.0)] {
            let (back_lat, back_lon) = unproject(project(lat, lon));
            assert!((back_lat - lat).abs() < 1e-9 && (back_lon - lon).abs() < 1e-9);
        }
    }

    #[test]
    fn out_of_range_coordinates_are_clamped() {
        assert_eq!(project(100.0, 200.0), project(90.0, 180.0));
    }
}

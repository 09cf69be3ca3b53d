//! What part of the projected world a map shows: the mapping between projected units
//! ([`projection`](crate::projection), y north-up) and screen pixels (y down), and the moves
//! that change it — fit to points, zoom about a point, pan — each clamped so that the world
//! cannot be lost off screen.
//!
//! A view is a centre and a scale, so every move is a few multiplications and the same view
//! can be applied to a whole group of pre-projected outlines as one affine transform
//! ([`Viewport::path_transform`]).

use crate::projection::{Point, HALF_HEIGHT, HALF_WIDTH};

/// How far in the view can zoom, as a multiple of the scale at which the whole world fits.
/// 256× puts a city and its airport (≈ 15 km apart) some 30 px apart on a phone-sized map, so
/// every cluster can be split by zooming.
pub const MAX_ZOOM: f64 = 256.0;

/// A map's view: which projected point is at the centre of the screen, and how many screen
/// pixels one projected unit spans.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Viewport {
    /// Screen size in CSS pixels.
    pub width: f64,
    pub height: f64,
    /// The projected point shown at the centre of the screen.
    pub center: Point,
    /// Screen pixels per projected unit; between [`Viewport::min_scale`] and
    /// [`Viewport::max_scale`].
    pub scale: f64,
}

/// Pixels to keep clear at each edge of the screen when fitting points.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Padding {
    pub top: f64,
    pub right: f64,
    pub bottom: f64,
    pub left: f64,
}

impl Padding {
    /// The same padding at every edge.
    pub fn all(pixels: f64) -> Padding {
        Padding {
            top: pixels,
            right: pixels,
            bottom: pixels,
            left: pixels,
        }
    }
}

/// A point on the screen, in CSS pixels from the map's top-left corner.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ScreenPoint {
    pub x: f64,
    pub y: f64,
}

impl Viewport {
    /// The whole world, centred, as large as fits. A zero or negative size is taken as one
    /// pixel, so that a map measured before layout still has a usable view.
    pub fn world(width: f64, height: f64) -> Viewport {
        let (width, height) = (width.max(1.0), height.max(1.0));
        let scale = world_scale(width, height);
        Viewport {
            width,
            height,
            center: Point { x: 0.0, y: 0.0 },
            scale,
        }
    }

    /// The smallest scale: the whole world fits.
    pub fn min_scale(&self) -> f64 {
        world_scale(self.width, self.height)
    }

    /// The view of a `width` × `height` screen centred on projected point `center`, zoomed
    /// `zoom` times the world view, within the limits [`Viewport::pan`] keeps: how a view
    /// saved as centre and zoom (a link's) is shown again, on a screen of any size.
    pub fn looking_at(width: f64, height: f64, center: Point, zoom: f64) -> Viewport {
        let world = Viewport::world(width, height);
        Viewport {
            center,
            scale: world.scale * zoom,
            ..world
        }
        .clamped()
    }

    /// The largest scale: [`MAX_ZOOM`] times the world.
    pub fn max_scale(&self) -> f64 {
        self.min_scale() * MAX_ZOOM
    }

    /// How far in the view is, as a multiple of the world view (1 = whole world).
    pub fn zoom(&self) -> f64 {
        self.scale / self.min_scale()
    }

    /// Whether the view cannot zoom in any further.
    pub fn at_max_zoom(&self) -> bool {
        self.scale >= self.max_scale() * (1.0 - 1e-9)
    }

    /// Where projected point `p` is on the screen.
    pub fn to_screen(&self, p: Point) -> ScreenPoint {
        ScreenPoint {
            x: self.width / 2.0 + (p.x - self.center.x) * self.scale,
            y: self.height / 2.0 - (p.y - self.center.y) * self.scale,
        }
    }

    /// The projected point under screen point `s`.
    pub fn to_projected(&self, s: ScreenPoint) -> Point {
        Point {
            x: self.center.x + (s.x - self.width / 2.0) / self.scale,
            y: self.center.y - (s.y - self.height / 2.0) / self.scale,
        }
    }

    /// The view that shows every point of `points` inside `padding` (pixels to spare at each
    /// edge, so that markers and buttons leave them visible), zoomed in at most `max_zoom` times
    /// the world (so that one city does not fill the screen). No points: the whole world.
    pub fn fit(
        width: f64,
        height: f64,
        points: &[Point],
        padding: Padding,
        max_zoom: f64,
    ) -> Viewport {
        let world = Viewport::world(width, height);
        let Some(first) = points.first() else {
            return world;
        };
        let (mut min, mut max) = (*first, *first);
        for p in points {
            min = Point {
                x: min.x.min(p.x),
                y: min.y.min(p.y),
            };
            max = Point {
                x: max.x.max(p.x),
                y: max.y.max(p.y),
            };
        }
        let room_x = (world.width - padding.left - padding.right).max(1.0);
        let room_y = (world.height - padding.top - padding.bottom).max(1.0);
        let fitting = |room: f64, span: f64| {
            if span > 0.0 {
                room / span
            } else {
                f64::INFINITY
            }
        };
        let scale = fitting(room_x, max.x - min.x)
            .min(fitting(room_y, max.y - min.y))
            .clamp(world.scale, world.scale * max_zoom.clamp(1.0, MAX_ZOOM));
        // The points' centre goes to the centre of the padded room, which is off the screen's
        // centre by half the difference of opposite paddings.
        let shift_x = (padding.right - padding.left) / 2.0 / scale;
        let shift_y = (padding.bottom - padding.top) / 2.0 / scale;
        Viewport {
            center: Point {
                x: (min.x + max.x) / 2.0 + shift_x,
                y: (min.y + max.y) / 2.0 - shift_y,
            },
            scale,
            ..world
        }
        .clamped()
    }

    /// Zooms by `factor` (above 1 zooms in) keeping the projected point under screen point
    /// `about` where it is, as far as the zoom limits and the world's edges allow.
    pub fn zoom_about(&self, factor: f64, about: ScreenPoint) -> Viewport {
        if !factor.is_finite() || factor <= 0.0 {
            return *self;
        }
        let anchor = self.to_projected(about);
        let scale = (self.scale * factor).clamp(self.min_scale(), self.max_scale());
        // Keep `anchor` under `about`: solve to_screen(anchor) == about for the centre.
        Viewport {
            center: Point {
                x: anchor.x - (about.x - self.width / 2.0) / scale,
                y: anchor.y + (about.y - self.height / 2.0) / scale,
            },
            scale,
            ..*self
        }
        .clamped()
    }

    /// Moves the map by (`dx`, `dy`) screen pixels, as a drag does: the content follows the
    /// pointer, so the centre moves the other way.
    pub fn pan(&self, dx: f64, dy: f64) -> Viewport {
        Viewport {
            center: Point {
                x: self.center.x - dx / self.scale,
                y: self.center.y + dy / self.scale,
            },
            ..*self
        }
        .clamped()
    }

    /// The same view on a screen of another size: same centre, same scale where the limits
    /// of the new size allow it.
    pub fn resized(&self, width: f64, height: f64) -> Viewport {
        let world = Viewport::world(width, height);
        Viewport {
            center: self.center,
            scale: self.scale.clamp(world.scale, world.scale * MAX_ZOOM),
            ..world
        }
        .clamped()
    }

    /// The affine transform `(k, tx, ty)` — screen = (k·u + tx, k·v + ty) — that draws a
    /// path whose coordinates are `(u, v) = (x, −y) · units_per_projected` (see
    /// [`outline_path`](crate::outline_path::outline_path)) in this view. Applying it to a
    /// group moves pre-built paths without rebuilding them.
    pub fn path_transform(&self, units_per_projected: f64) -> (f64, f64, f64) {
        let k = self.scale / units_per_projected;
        let tx = self.width / 2.0 - self.center.x * self.scale;
        let ty = self.height / 2.0 + self.center.y * self.scale;
        (k, tx, ty)
    }

    /// The scale `a` and translation `(tx, ty)` that take what `shown` drew to where this
    /// view draws it: screen point `s` of `shown` is at `(a·s.x + tx, a·s.y + ty)` here. While a
    /// gesture runs, the page moves the last drawing with this as a CSS transform, which the
    /// browser composites without redrawing, and draws this view once the gesture settles.
    pub fn transform_from(&self, shown: &Viewport) -> (f64, f64, f64) {
        let a = self.scale / shown.scale;
        let tx = self.width / 2.0 + (shown.center.x - self.center.x) * self.scale
            - a * shown.width / 2.0;
        let ty = self.height / 2.0
            - (shown.center.y - self.center.y) * self.scale
            - a * shown.height / 2.0;
        (a, tx, ty)
    }

    /// The view with its scale within limits and its centre such that the world covers the
    /// screen wherever it is larger than the screen, and is centred where it is smaller: no
    /// empty band opens at an edge the world could fill.
    fn clamped(self) -> Viewport {
        let scale = if self.scale.is_finite() {
            self.scale.clamp(self.min_scale(), self.max_scale())
        } else {
            self.min_scale()
        };
        let coordinate = |v: f64, world_half: f64, screen_half: f64| {
            let room = world_half - screen_half;
            if v.is_finite() && room > 0.0 {
                v.clamp(-room, room)
            } else {
                0.0
            }
        };
        Viewport {
            center: Point {
                x: coordinate(self.center.x, HALF_WIDTH, self.width / 2.0 / scale),
                y: coordinate(self.center.y, HALF_HEIGHT, self.height / 2.0 / scale),
            },
            scale,
            ..self
        }
    }
}

/// Screen pixels per projected unit at which the whole world just fits `width` × `height`.
fn world_scale(width: f64, height: f64) -> f64 {
    (width / (2.0 * HALF_WIDTH)).min(height / (2.0 * HALF_HEIGHT))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::projection::project;

    fn close(a: ScreenPoint, x: f64, y: f64) -> bool {
        (a.x - x).abs() < 0.01 && (a.y - y).abs() < 0.01
    }

    #[test]
    fn known_cities_land_where_the_projection_puts_them_on_a_world_map() {
        // 1000 × 500 px: the world is limited by its height, 184.73 px per projected unit.
        // Expected positions from the Equal Earth formula worked by hand (Python, float64).
        let view = Viewport::world(1000.0, 500.0);
        let baghdad = view.to_screen(project(33.34, 44.40));
        let washington = view.to_screen(project(38.90, -77.04));
        let sydney = view.to_screen(project(-33.87, 151.21));
        assert!(close(baghdad, 613.52, 129.01), "{baghdad:?}");
        assert!(close(washington, 309.04, 110.48), "{washington:?}");
        assert!(close(sydney, 885.55, 372.79), "{sydney:?}");
    }

    #[test]
    fn the_whole_world_fits_the_world_view() {
        let view = Viewport::world(800.0, 600.0);
        let east = view.to_screen(project(0.0, 180.0));
        let west = view.to_screen(project(0.0, -180.0));
        assert!(
            close(east, 800.0, 300.0) && close(west, 0.0, 300.0),
            "{east:?} {west:?}"
        );
        let north = view.to_screen(project(90.0, 0.0));
        assert!(north.y > 0.0 && north.y < 300.0);
    }

    #[test]
    fn screen_and_projected_points_convert_both_ways() {
        let view = Viewport::world(640.0, 360.0)
            .zoom_about(7.5, ScreenPoint { x: 100.0, y: 50.0 })
            .pan(33.0, -12.0);
        let p = project(-12.5, 130.0);
        let back = view.to_projected(view.to_screen(p));
        assert!((back.x - p.x).abs() < 1e-12 && (back.y - p.y).abs() < 1e-12);
    }

    #[test]
    fn fitting_points_shows_them_all_inside_the_padding() {
        let points = [
            project(33.34, 44.40),
            project(38.90, -77.04),
            project(29.37, 47.98),
        ];
        let view = Viewport::fit(900.0, 400.0, &points, Padding::all(30.0), 16.0);
        for p in points {
            let s = view.to_screen(p);
            assert!(
                s.x >= 29.99 && s.x <= 870.01 && s.y >= 29.99 && s.y <= 370.01,
                "{s:?}"
            );
        }
        assert!(view.zoom() > 1.0);
    }

    #[test]
    fn fitting_one_point_centres_it_without_zooming_past_the_limit() {
        let kuwait = project(29.37, 47.98);
        let view = Viewport::fit(900.0, 400.0, &[kuwait], Padding::all(30.0), 12.0);
        assert!(close(view.to_screen(kuwait), 450.0, 200.0));
        assert!((view.zoom() - 12.0).abs() < 1e-9);
        assert_eq!(
            Viewport::fit(900.0, 400.0, &[], Padding::all(30.0), 12.0),
            Viewport::world(900.0, 400.0)
        );
    }

    #[test]
    fn uneven_padding_keeps_points_out_of_the_padded_edge() {
        let points = [project(33.34, 44.40), project(29.37, 47.98)];
        let padding = Padding {
            right: 120.0,
            ..Padding::all(20.0)
        };
        let view = Viewport::fit(900.0, 400.0, &points, padding, 64.0);
        let xs: Vec<f64> = points.iter().map(|&p| view.to_screen(p).x).collect();
        assert!(xs.iter().all(|&x| (19.99..=780.01).contains(&x)), "{xs:?}");
        let middle = (xs[0] + xs[1]) / 2.0;
        assert!(
            (middle - 400.0).abs() < 0.01,
            "centred in the padded room: {middle}"
        );
    }

    #[test]
    fn zooming_keeps_the_point_under_the_cursor_still() {
        let view =
            Viewport::world(1000.0, 500.0).zoom_about(4.0, ScreenPoint { x: 500.0, y: 250.0 });
        let cursor = ScreenPoint {
            x: 613.52,
            y: 129.01,
        };
        let under = view.to_projected(cursor);
        let zoomed = view.zoom_about(2.0, cursor);
        assert!(close(zoomed.to_screen(under), cursor.x, cursor.y));
        assert!((zoomed.zoom() - 8.0).abs() < 1e-9);
    }

    #[test]
    fn zoom_stops_at_the_world_and_at_the_maximum() {
        let world = Viewport::world(1000.0, 500.0);
        let middle = ScreenPoint { x: 500.0, y: 250.0 };
        assert_eq!(world.zoom_about(0.1, middle).scale, world.scale);
        let deep = world.zoom_about(1e9, middle);
        assert!((deep.zoom() - MAX_ZOOM).abs() < 1e-9 && deep.at_max_zoom());
        assert_eq!(world.zoom_about(f64::NAN, middle), world);
    }

    #[test]
    fn panning_moves_content_with_the_pointer_and_stops_at_the_world_edge() {
        let view =
            Viewport::world(1000.0, 500.0).zoom_about(8.0, ScreenPoint { x: 500.0, y: 250.0 });
        let baghdad = project(33.34, 44.40);
        let before = view.to_screen(baghdad);
        let after = view.pan(40.0, -25.0).to_screen(baghdad);
        assert!(close(after, before.x + 40.0, before.y - 25.0));
        // Dragged far to the left and down: the world's east and north edges meet the screen's.
        let far = view.pan(-1e7, 1e7);
        let north_east = far.to_screen(Point {
            x: HALF_WIDTH,
            y: HALF_HEIGHT,
        });
        assert!(close(north_east, 1000.0, 0.0), "{north_east:?}");
    }

    #[test]
    fn the_transform_from_an_earlier_view_moves_its_drawing_into_place() {
        let shown =
            Viewport::world(640.0, 480.0).zoom_about(3.0, ScreenPoint { x: 100.0, y: 300.0 });
        let now = shown
            .pan(-70.0, 25.0)
            .zoom_about(1.7, ScreenPoint { x: 500.0, y: 80.0 });
        let (a, tx, ty) = now.transform_from(&shown);
        for p in [
            project(33.34, 44.40),
            project(-33.87, 151.21),
            project(51.5, -0.1),
        ] {
            let before = shown.to_screen(p);
            assert!(close(
                now.to_screen(p),
                a * before.x + tx,
                a * before.y + ty
            ));
        }
    }

    #[test]
    fn the_path_transform_draws_path_units_where_points_project() {
        let view = Viewport::world(700.0, 420.0)
            .zoom_about(3.0, ScreenPoint { x: 200.0, y: 100.0 })
            .pan(10.0, 5.0);
        let units = 1000.0;
        let (k, tx, ty) = view.path_transform(units);
        let p = project(-33.87, 151.21);
        let s = view.to_screen(p);
        assert!(close(s, k * p.x * units + tx, k * -p.y * units + ty));
    }

    #[test]
    fn a_resize_keeps_the_centre_and_a_view_of_nothing_is_still_a_view() {
        let view =
            Viewport::world(1000.0, 500.0).zoom_about(5.0, ScreenPoint { x: 800.0, y: 100.0 });
        let resized = view.resized(400.0, 300.0);
        assert_eq!(resized.center, view.center);
        let empty = Viewport::world(0.0, -5.0);
        assert!(empty.scale.is_finite() && empty.scale > 0.0);
    }

    #[test]
    fn a_view_saved_as_centre_and_zoom_comes_back_on_a_screen_of_another_size() {
        let baghdad = project(33.31, 44.36);
        let saved = Viewport::world(1280.0, 900.0)
            .zoom_about(8.0, Viewport::world(1280.0, 900.0).to_screen(baghdad));
        let again = Viewport::looking_at(640.0, 450.0, saved.center, saved.zoom());
        assert!((again.zoom() - saved.zoom()).abs() < 1e-9);
        assert!((again.center.x - saved.center.x).abs() < 1e-12);
        assert!((again.center.y - saved.center.y).abs() < 1e-12);
        // Out of range asks are kept in range, as gestures are.
        let wild = Viewport::looking_at(640.0, 450.0, Point { x: 99.0, y: -99.0 }, 1e9);
        assert!(wild.at_max_zoom());
        assert_eq!(wild, wild.clamped());
        assert_eq!(
            Viewport::looking_at(640.0, 450.0, saved.center, 0.0).zoom(),
            1.0
        );
    }
}

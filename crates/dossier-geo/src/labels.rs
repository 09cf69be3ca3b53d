//! Map labels: names beside the larger markers, placed greedily so that no label covers
//! another label or another marker, and none leaves the screen.

use crate::viewport::ScreenPoint;

/// Width of a label's text as a share of its font size per character: a generous average for
/// system sans-serif fonts, so that estimated boxes hold the real text. The page measures no
/// text, which would cost a layout per label per frame.
pub const CHAR_WIDTH: f64 = 0.62;
/// Pixels between a marker's edge and its label.
pub const LABEL_OFFSET: f64 = 3.0;

/// A drawn marker, as labels must avoid it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Circle {
    pub center: ScreenPoint,
    pub radius: f64,
}

/// A screen rectangle, in CSS pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LabelBox {
    pub left: f64,
    pub top: f64,
    pub width: f64,
    pub height: f64,
}

impl LabelBox {
    fn intersects(&self, other: &LabelBox) -> bool {
        self.left < other.left + other.width
            && other.left < self.left + self.width
            && self.top < other.top + other.height
            && other.top < self.top + self.height
    }

    fn touches(&self, circle: &Circle) -> bool {
        let nearest_x = circle.center.x.clamp(self.left, self.left + self.width);
        let nearest_y = circle.center.y.clamp(self.top, self.top + self.height);
        let (dx, dy) = (circle.center.x - nearest_x, circle.center.y - nearest_y);
        dx * dx + dy * dy < circle.radius * circle.radius
    }
}

/// The estimated width in pixels of `text` at `font_px`.
pub fn text_width(text: &str, font_px: f64) -> f64 {
    text.chars().count() as f64 * CHAR_WIDTH * font_px
}

/// Places labels for `wanted` — (index into `circles`, text width), most important first —
/// on a `width` × `height` screen: each goes to the right of its marker, else left, above or
/// below, at the first spot that stays on screen and clear of every label placed before it
/// and every marker but its own, and outside every `reserved` box (the map's buttons); a label
/// with no such spot is left out. At most `limit` labels are placed. Returns (index into
/// `circles`, box) in placing order.
///
/// Cost: for each wanted label, four candidate boxes each checked against placed labels and
/// the markers in the grid cells the box covers.
pub fn place_labels(
    circles: &[Circle],
    wanted: &[(usize, f64)],
    font_px: f64,
    (width, height): (f64, f64),
    reserved: &[LabelBox],
    limit: usize,
) -> Vec<(usize, LabelBox)> {
    let grid = CircleGrid::new(circles);
    let line = font_px * 1.25;
    let mut placed: Vec<(usize, LabelBox)> = Vec::new();
    for &(index, text_width) in wanted {
        if placed.len() >= limit {
            break;
        }
        let Some(circle) = circles.get(index) else {
            continue;
        };
        let (x, y, r) = (
            circle.center.x,
            circle.center.y,
            circle.radius + LABEL_OFFSET,
        );
        let candidates = [
            (x + r, y - line / 2.0),
            (x - r - text_width, y - line / 2.0),
            (x - text_width / 2.0, y - r - line),
            (x - text_width / 2.0, y + r),
        ];
        let spot = candidates
            .into_iter()
            .map(|(left, top)| LabelBox {
                left,
                top,
                width: text_width,
                height: line,
            })
            .find(|candidate| {
                candidate.left >= 0.0
                    && candidate.top >= 0.0
                    && candidate.left + candidate.width <= width
                    && candidate.top + candidate.height <= height
                    && !placed.iter().any(|(_, other)| candidate.intersects(other))
                    && !reserved.iter().any(|other| candidate.intersects(other))
                    && !grid
                        .near(candidate)
                        .any(|other| other != index && candidate.touches(&circles[other]))
            });
        if let Some(spot) = spot {
            placed.push((index, spot));
        }
    }
    placed
}

/// Markers bucketed by the square cells their bounding boxes cover.
struct CircleGrid {
    cells: std::collections::HashMap<(i64, i64), Vec<usize>>,
}

const CELL: f64 = 64.0;

impl CircleGrid {
    fn new(circles: &[Circle]) -> CircleGrid {
        let mut cells: std::collections::HashMap<(i64, i64), Vec<usize>> =
            std::collections::HashMap::new();
        for (i, c) in circles.iter().enumerate() {
            let r = c.radius;
            for cell in covered(
                c.center.x - r,
                c.center.y - r,
                c.center.x + r,
                c.center.y + r,
            ) {
                cells.entry(cell).or_default().push(i);
            }
        }
        CircleGrid { cells }
    }

    /// The markers in the cells `area` covers; a marker may be listed more than once.
    fn near<'g>(&'g self, area: &LabelBox) -> impl Iterator<Item = usize> + 'g {
        covered(
            area.left,
            area.top,
            area.left + area.width,
            area.top + area.height,
        )
        .filter_map(|cell| self.cells.get(&cell))
        .flatten()
        .copied()
    }
}

fn covered(left: f64, top: f64, right: f64, bottom: f64) -> impl Iterator<Item = (i64, i64)> {
    let cell = |v: f64| (v / CELL).floor() as i64;
    let (x0, x1, y0, y1) = (cell(left), cell(right), cell(top), cell(bottom));
    (x0..=x1).flat_map(move |x| (y0..=y1).map(move |y| (x, y)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn circle(x: f64, y: f64, radius: f64) -> Circle {
        Circle {
            center: ScreenPoint { x, y },
            radius,
        }
    }

    #[test]
    fn a_label_goes_right_of_its_marker_when_there_is_room() {
        let placed = place_labels(
            &[circle(100.0, 100.0, 10.0)],
            &[(0, 50.0)],
            12.0,
            (400.0, 300.0),
            &[],
            10,
        );
        assert_eq!(placed.len(), 1);
        let (_, label) = placed[0];
        assert_eq!(label.left, 113.0);
        assert!((label.top + label.height / 2.0 - 100.0).abs() < 1e-9);
    }

    #[test]
    fn a_label_moves_left_at_the_screen_edge_and_around_a_neighbour() {
        let placed = place_labels(
            &[circle(380.0, 100.0, 10.0)],
            &[(0, 50.0)],
            12.0,
            (400.0, 300.0),
            &[],
            10,
        );
        assert!(placed[0].1.left + placed[0].1.width <= 367.0);
        let crowded = [circle(100.0, 100.0, 10.0), circle(140.0, 100.0, 10.0)];
        let placed = place_labels(&crowded, &[(0, 50.0)], 12.0, (400.0, 300.0), &[], 10);
        assert!(placed[0].1.left + placed[0].1.width <= 87.0, "{placed:?}");
    }

    #[test]
    fn the_more_important_label_wins_and_the_other_is_left_out() {
        // Two markers in a strip too low for labels above or below; the first has no room on
        // its left, and its right is the second marker.
        let circles = [circle(30.0, 15.0, 5.0), circle(70.0, 15.0, 5.0)];
        let placed = place_labels(
            &circles,
            &[(1, 40.0), (0, 40.0)],
            12.0,
            (200.0, 30.0),
            &[],
            10,
        );
        assert_eq!(placed.iter().map(|(i, _)| *i).collect::<Vec<_>>(), [1]);
    }

    #[test]
    fn labels_keep_out_of_reserved_boxes() {
        let buttons = LabelBox {
            left: 100.0,
            top: 80.0,
            width: 60.0,
            height: 40.0,
        };
        let placed = place_labels(
            &[circle(100.0, 100.0, 10.0)],
            &[(0, 50.0)],
            12.0,
            (400.0, 300.0),
            &[buttons],
            10,
        );
        assert!(placed[0].1.left + placed[0].1.width <= 87.0, "{placed:?}");
    }

    #[test]
    fn no_more_labels_than_the_limit() {
        let circles: Vec<Circle> = (0..10)
            .map(|i| circle(30.0, 20.0 + 40.0 * f64::from(i), 5.0))
            .collect();
        let wanted: Vec<(usize, f64)> = (0..10).map(|i| (i, 30.0)).collect();
        assert_eq!(
            place_labels(&circles, &wanted, 12.0, (400.0, 500.0), &[], 4).len(),
            4
        );
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #[test]
        fn placed_labels_overlap_nothing_and_stay_on_screen(
            raw in proptest::collection::vec((0.0f64..600.0, 0.0f64..400.0, 4.0f64..30.0, 10.0f64..120.0), 0..80),
        ) {
            let circles: Vec<Circle> = raw.iter().map(|&(x, y, r, _)| circle(x, y, r)).collect();
            let wanted: Vec<(usize, f64)> = raw.iter().enumerate().map(|(i, &(_, _, _, w))| (i, w)).collect();
            let buttons = LabelBox { left: 560.0, top: 0.0, width: 40.0, height: 120.0 };
            let placed = place_labels(&circles, &wanted, 12.0, (600.0, 400.0), &[buttons], 40);
            // Brute force: every pair of labels, every label against every other marker.
            for (i, (own, a)) in placed.iter().enumerate() {
                proptest::prop_assert!(a.left >= 0.0 && a.top >= 0.0 && a.left + a.width <= 600.0 && a.top + a.height <= 400.0);
                proptest::prop_assert!(!a.intersects(&buttons));
                for (_, b) in &placed[i + 1..] {
                    proptest::prop_assert!(!a.intersects(b), "{a:?} overlaps {b:?}");
                }
                for (j, c) in circles.iter().enumerate() {
                    proptest::prop_assert!(j == *own || !a.touches(c), "{a:?} covers marker {j}");
                }
            }
        }
    }
}

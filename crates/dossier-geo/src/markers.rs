//! Markers: how big each place's circle is, and which places share one at a given zoom.
//!
//! A marker's area is proportional to how many results mention its place. Markers that would
//! overlap on screen are drawn as one cluster carrying the sum of their counts; zooming in
//! spreads places apart, so clusters split. Clustering depends on the scale only, never on
//! the pan (it works in screen pixels relative to the projected origin), so dragging the map
//! moves clusters without recomputing them.

use std::cmp::Reverse;
use std::collections::HashMap;

use crate::projection::Point;

/// The radius of the place with the most results, in CSS pixels.
pub const MAX_RADIUS: f64 = 20.0;
/// The smallest radius, in CSS pixels: a place that one result in thousands mentions must
/// still be seen and hit. Below it area is no longer proportional to the count.
pub const MIN_RADIUS: f64 = 5.0;
/// The largest radius of a cluster, whose sum can exceed any single place's count: sums grow
/// without bound as the map zooms out, and a circle should not cover half the map.
pub const CLUSTER_MAX_RADIUS: f64 = 32.0;
/// Pixels between two markers below which they are drawn as one.
pub const GAP: f64 = 1.0;

/// One place to draw: an id chosen by the caller (a facet value), where it is, and how many
/// of the current results mention it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MapPlace {
    pub id: u32,
    pub at: Point,
    pub count: u32,
}

/// One drawn marker: a single place or several that overlap at the current zoom.
#[derive(Debug, Clone, PartialEq)]
pub struct Cluster {
    /// The members' centre, weighted by count, in projected units.
    pub at: Point,
    /// The sum of the members' counts.
    pub count: u32,
    /// The members' ids, the most mentioned first (ties by id).
    pub members: Vec<u32>,
    /// In CSS pixels.
    pub radius: f64,
}

/// A marker's radius for `count` when the most mentioned place has `max_count`: area in
/// proportion to the count, between [`MIN_RADIUS`] and [`CLUSTER_MAX_RADIUS`].
pub fn marker_radius(count: u32, max_count: u32) -> f64 {
    let share = f64::from(count) / f64::from(max_count.max(1));
    (MAX_RADIUS * share.sqrt()).clamp(MIN_RADIUS, CLUSTER_MAX_RADIUS)
}

/// Groups `places` into markers that do not overlap at `scale` screen pixels per projected
/// unit: while two markers overlap, the less mentioned joins the more mentioned (which then
/// moves to the members' weighted centre and grows). Deterministic: the same places and scale
/// give the same clusters, in the same order (most mentioned first, ties by first member).
///
/// Cost: a few passes over the places, each checking a marker against the markers in its
/// 3 × 3 neighbourhood of a grid whose cells are as wide as two of the largest markers.
pub fn cluster(places: &[MapPlace], scale: f64) -> Vec<Cluster> {
    let mut clusters = unclustered(places);
    let max_count = places.iter().map(|p| p.count).max().unwrap_or(1);
    let cell = 2.0 * CLUSTER_MAX_RADIUS + GAP;
    let key = |c: &Cluster| {
        let (x, y) = screen_offset(c.at, scale);
        ((x / cell).floor() as i64, (y / cell).floor() as i64)
    };
    loop {
        sort_by_count(&mut clusters);
        // Each marker is checked against those accepted before it, which keep their position
        // and size for the rest of the pass; merged members are added after it. A pass without
        // a merge therefore checked every pair, and each merge removes a marker, so this ends.
        let mut accepted: Vec<usize> = Vec::new();
        let mut joins: Vec<Option<usize>> = vec![None; clusters.len()];
        let mut grid: HashMap<(i64, i64), Vec<usize>> = HashMap::new();
        for i in 0..clusters.len() {
            let (cx, cy) = key(&clusters[i]);
            let overlapping = (cx - 1..=cx + 1)
                .flat_map(|x| (cy - 1..=cy + 1).map(move |y| (x, y)))
                .filter_map(|cell| grid.get(&cell))
                .flatten()
                .copied()
                .filter(|&j| overlap(&clusters[i], &clusters[j], scale))
                .min();
            match overlapping {
                Some(j) => joins[i] = Some(j),
                None => {
                    accepted.push(i);
                    grid.entry((cx, cy)).or_default().push(i);
                }
            }
        }
        if joins.iter().all(Option::is_none) {
            let count_of: HashMap<u32, u32> = places.iter().map(|p| (p.id, p.count)).collect();
            for c in &mut clusters {
                c.members
                    .sort_by_key(|id| (Reverse(count_of.get(id).copied().unwrap_or(0)), *id));
            }
            return clusters;
        }
        clusters = merge(clusters, &joins, max_count);
    }
}

/// Applies one pass's joins: each joining cluster's members move into the cluster it joins.
fn merge(clusters: Vec<Cluster>, joins: &[Option<usize>], max_count: u32) -> Vec<Cluster> {
    let mut weighted: Vec<(f64, f64)> = clusters
        .iter()
        .map(|c| (c.at.x * f64::from(c.count), c.at.y * f64::from(c.count)))
        .collect();
    let mut kept: Vec<Option<Cluster>> = clusters.into_iter().map(Some).collect();
    for (i, join) in joins.iter().enumerate() {
        let Some(j) = *join else { continue };
        let Some(joining) = kept[i].take() else {
            continue;
        };
        let (wx, wy) = weighted[i];
        weighted[j].0 += wx;
        weighted[j].1 += wy;
        if let Some(target) = kept[j].as_mut() {
            target.count += joining.count;
            target.members.extend(joining.members);
        }
    }
    kept.into_iter()
        .zip(weighted)
        .filter_map(|(cluster, (wx, wy))| {
            let mut cluster = cluster?;
            if cluster.members.len() > 1 && cluster.count > 0 {
                let total = f64::from(cluster.count);
                cluster.at = Point {
                    x: wx / total,
                    y: wy / total,
                };
            }
            cluster.radius = marker_radius(cluster.count, max_count);
            Some(cluster)
        })
        .collect()
}

/// Where `p` is on a screen at `scale` whose origin is the projected origin: the pan only
/// adds a constant, so distances here are screen distances at any pan.
fn screen_offset(p: Point, scale: f64) -> (f64, f64) {
    (p.x * scale, -p.y * scale)
}

/// Whether two markers' circles come closer than [`GAP`] at `scale`.
pub fn overlap(a: &Cluster, b: &Cluster, scale: f64) -> bool {
    let (ax, ay) = screen_offset(a.at, scale);
    let (bx, by) = screen_offset(b.at, scale);
    let reach = a.radius + b.radius + GAP;
    (ax - bx).powi(2) + (ay - by).powi(2) < reach * reach
}

/// Every place as its own marker, for the deepest zoom: places that still overlap there are
/// (nearly) in one spot, and each must stay reachable on its own.
pub fn unclustered(places: &[MapPlace]) -> Vec<Cluster> {
    let max_count = places.iter().map(|p| p.count).max().unwrap_or(1);
    let mut clusters: Vec<Cluster> = places
        .iter()
        .map(|place| Cluster {
            at: place.at,
            count: place.count,
            members: vec![place.id],
            radius: marker_radius(place.count, max_count),
        })
        .collect();
    sort_by_count(&mut clusters);
    clusters
}

/// Most mentioned first, ties by first member: the order markers are accepted and drawn in.
fn sort_by_count(clusters: &mut [Cluster]) {
    clusters.sort_by(|a, b| b.count.cmp(&a.count).then(a.members[0].cmp(&b.members[0])));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::projection::project;

    fn place(id: u32, lat: f64, lon: f64, count: u32) -> MapPlace {
        MapPlace {
            id,
            at: project(lat, lon),
            count,
        }
    }

    fn gulf() -> Vec<MapPlace> {
        vec![
            place(0, 33.0, 44.0, 3),    // Iraq
            place(1, 29.37, 47.98, 1),  // Kuwait
            place(2, 33.34, 44.40, 3),  // Baghdad
            place(3, 32.0, 53.0, 4),    // Iran
            place(4, 38.90, -77.04, 5), // Washington
        ]
    }

    #[test]
    fn area_is_proportional_to_the_count_above_the_minimum() {
        let big = marker_radius(400, 400);
        let quarter = marker_radius(100, 400);
        assert!((big - MAX_RADIUS).abs() < 1e-9);
        assert!((quarter - MAX_RADIUS / 2.0).abs() < 1e-9);
        assert_eq!(marker_radius(1, 10_000), MIN_RADIUS);
        assert_eq!(marker_radius(50, 1), CLUSTER_MAX_RADIUS);
    }

    #[test]
    fn nearby_places_cluster_on_a_world_map_with_the_sum_of_their_counts() {
        // About 180 px per projected unit: a 1000 px wide world.
        let clusters = cluster(&gulf(), 180.0);
        let gulf_cluster = clusters
            .iter()
            .find(|c| c.members.contains(&1))
            .expect("Kuwait is drawn");
        assert!(gulf_cluster.members.len() > 1);
        let washington = clusters.iter().find(|c| c.members == [4]).expect("alone");
        assert_eq!(washington.count, 5);
        assert_eq!(clusters.iter().map(|c| c.count).sum::<u32>(), 16);
    }

    #[test]
    fn clusters_split_as_the_map_zooms_in() {
        let places = gulf();
        let at = |scale| cluster(&places, scale).len();
        assert!(at(180.0) < at(1_800.0));
        assert_eq!(at(180_000.0), 5, "every place on its own at street level");
    }

    #[test]
    fn the_most_mentioned_member_comes_first_and_the_order_is_stable() {
        let clusters = cluster(&gulf(), 180.0);
        for c in &clusters {
            assert!(c.members.windows(2).all(|pair| {
                let count = |id: u32| gulf()[id as usize].count;
                count(pair[0]) >= count(pair[1])
            }));
        }
        assert_eq!(clusters, cluster(&gulf(), 180.0));
    }

    #[test]
    fn places_in_one_spot_stay_apart_when_unclustered() {
        let same = [place(7, 10.0, 10.0, 2), place(8, 10.0, 10.0, 2)];
        assert_eq!(cluster(&same, 1e6).len(), 1);
        assert_eq!(unclustered(&same).len(), 2);
    }

    #[test]
    fn no_places_no_markers() {
        assert!(cluster(&[], 100.0).is_empty());
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #[test]
        fn drawn_clusters_never_overlap_and_account_for_every_place_once(
            raw in proptest::collection::vec((-60.0f64..70.0, -180.0f64..180.0, 1u32..200), 0..120),
            scale in 20.0f64..5_000.0,
        ) {
            let places: Vec<MapPlace> = raw
                .iter()
                .enumerate()
                .map(|(i, &(lat, lon, count))| place(i as u32, lat, lon, count))
                .collect();
            let clusters = cluster(&places, scale);
            // Brute force: every pair of drawn markers.
            for (i, a) in clusters.iter().enumerate() {
                for b in &clusters[i + 1..] {
                    proptest::prop_assert!(!overlap(a, b, scale), "{a:?} overlaps {b:?}");
                }
            }
            let mut seen: Vec<u32> = clusters.iter().flat_map(|c| c.members.iter().copied()).collect();
            seen.sort_unstable();
            proptest::prop_assert_eq!(seen, (0..places.len() as u32).collect::<Vec<_>>());
            for c in &clusters {
                let sum: u32 = c.members.iter().map(|&id| places[id as usize].count).sum();
                proptest::prop_assert_eq!(c.count, sum);
            }
        }
    }
}

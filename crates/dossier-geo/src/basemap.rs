//! The basemap: country (and state) outlines, already projected and simplified.
//!
//! `cargo xtask gazetteer` builds it once from Natural Earth (npm `world-atlas`, public
//! domain) and the US Census outlines in npm `us-atlas`, and commits it as
//! `data/geo/basemap.bin`; the page embeds those bytes and draws them. Projecting and
//! simplifying at build time keeps the page free of a map library and of per-frame
//! trigonometry: it only scales and translates.
//!
//! # Format, version 1
//!
//! `vu` is a LEB128 unsigned varint, `vs` a `vu` byte length then UTF-8, `vz` a zigzag-encoded
//! signed `vu` (0, −1, 1, −2, … ↦ 0, 1, 2, 3, …).
//!
//! ```text
//! magic b"DMAP"  u8 version = 1
//! vu scale             quantisation: integer units per projected unit (see `projection`)
//! vu feature_count
//! per feature:
//!   u8 kind            0 country, 1 state or province
//!   vs code            ISO 3166-1 alpha-2 ("IQ") or ISO 3166-2 ("US-NC")
//!   vs name
//!   vu ring_count
//!   per ring:          a closed polygon ring (the last point joins the first)
//!     vu point_count
//!     point_count × (vz dx, vz dy)   quantised Equal Earth x, y (north up), each a delta
//!                                    from the previous point; the first point of a feature
//!                                    is a delta from (0, 0), and each ring continues from
//!                                    the previous ring's last point
//! ```

use dossier_core::varint::{write_str, write_u64, Reader};
use dossier_core::BundleError;

pub const MAGIC: [u8; 4] = *b"DMAP";
pub const VERSION: u8 = 1;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutlineKind {
    Country,
    State,
}

/// One outlined area: its code, name and polygon rings in projected units.
#[derive(Debug, Clone, PartialEq)]
pub struct Outline {
    pub kind: OutlineKind,
    pub code: String,
    pub name: String,
    pub rings: Vec<Vec<[f32; 2]>>,
}

impl Outline {
    /// Whether a projected point is inside the outline (even-odd rule over all rings, so
    /// holes such as lakes and enclaves count as outside).
    pub fn contains(&self, x: f32, y: f32) -> bool {
        let mut inside = false;
        for ring in &self.rings {
            let mut previous = match ring.last() {
                Some(point) => *point,
                None => continue,
            };
            for &point in ring {
                let ([x1, y1], [x2, y2]) = (previous, point);
                if (y1 > y) != (y2 > y) && x < x1 + (y - y1) * (x2 - x1) / (y2 - y1) {
                    inside = !inside;
                }
                previous = point;
            }
        }
        inside
    }
}

/// Encodes outlines, quantising to `scale` units per projected unit. Points that quantise onto
/// their predecessor are dropped, and rings left with fewer than three points go too.
pub fn encode(outlines: &[Outline], scale: u32) -> Vec<u8> {
    let mut out = Vec::new();
    out.extend_from_slice(&MAGIC);
    out.push(VERSION);
    write_u64(&mut out, u64::from(scale));
    write_u64(&mut out, outlines.len() as u64);
    let quantise = |v: f32| (f64::from(v) * f64::from(scale)).round() as i64;
    for outline in outlines {
        out.push(match outline.kind {
            OutlineKind::Country => 0,
            OutlineKind::State => 1,
        });
        write_str(&mut out, &outline.code);
        write_str(&mut out, &outline.name);
        let rings: Vec<Vec<(i64, i64)>> = outline
            .rings
            .iter()
            .map(|ring| {
                let mut points: Vec<(i64, i64)> = ring
                    .iter()
                    .map(|&[x, y]| (quantise(x), quantise(y)))
                    .collect();
                points.dedup();
                if points.len() > 1 && points.first() == points.last() {
                    points.pop();
                }
                points
            })
            .filter(|points| points.len() >= 3)
            .collect();
        write_u64(&mut out, rings.len() as u64);
        let mut last = (0i64, 0i64);
        for ring in rings {
            write_u64(&mut out, ring.len() as u64);
            for point in ring {
                write_u64(&mut out, zigzag(point.0 - last.0));
                write_u64(&mut out, zigzag(point.1 - last.1));
                last = point;
            }
        }
    }
    out
}

/// Decodes a basemap; damaged bytes are an error, never a panic.
pub fn decode(bytes: &[u8]) -> Result<Vec<Outline>, BundleError> {
    if bytes.len() < 5 || bytes[..4] != MAGIC {
        return Err(BundleError::Corrupt("not a basemap (bad magic)"));
    }
    if bytes[4] != VERSION {
        return Err(BundleError::Corrupt("unsupported basemap version"));
    }
    let mut reader = Reader::at(bytes, 5);
    let scale = reader.u64()?;
    if scale == 0 {
        return Err(BundleError::Corrupt("basemap scale is zero"));
    }
    let scale = scale as f64;
    let count = reader.u64()?;
    let mut outlines = Vec::new();
    for _ in 0..count {
        let kind = match reader.byte()? {
            0 => OutlineKind::Country,
            1 => OutlineKind::State,
            _ => return Err(BundleError::Corrupt("unknown basemap outline kind")),
        };
        let code = reader.str()?.to_string();
        let name = reader.str()?.to_string();
        let ring_count = reader.u64()?;
        let mut rings = Vec::new();
        let mut last = (0i64, 0i64);
        for _ in 0..ring_count {
            let point_count = reader.u64()?;
            // Each point takes at least two bytes, so a count beyond the bytes left is damage.
            if point_count > bytes.len() as u64 {
                return Err(BundleError::Corrupt("basemap ring longer than the file"));
            }
            let mut ring = Vec::with_capacity(point_count as usize);
            for _ in 0..point_count {
                last.0 += unzigzag(reader.u64()?);
                last.1 += unzigzag(reader.u64()?);
                ring.push([
                    (last.0 as f64 / scale) as f32,
                    (last.1 as f64 / scale) as f32,
                ]);
            }
            rings.push(ring);
        }
        outlines.push(Outline {
            kind,
            code,
            name,
            rings,
        });
    }
    Ok(outlines)
}

fn zigzag(value: i64) -> u64 {
    ((value << 1) ^ (value >> 63)) as u64
}

fn unzigzag(value: u64) -> i64 {
    ((value >> 1) as i64) ^ -((value & 1) as i64)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn square(code: &str, x: f32, y: f32, side: f32) -> Outline {
        Outline {
            kind: OutlineKind::Country,
            code: code.into(),
            name: format!("Land {code}"),
            rings: vec![vec![
                [x, y],
                [x + side, y],
                [x + side, y + side],
                [x, y + side],
            ]],
        }
    }

    #[test]
    fn outlines_round_trip_within_the_quantisation_step() {
        let outlines = vec![
            square("AA", -1.5, 0.25, 0.5),
            square("BB", 2.0, -1.0, 0.125),
        ];
        let decoded = decode(&encode(&outlines, 4000)).unwrap();
        assert_eq!(decoded.len(), 2);
        for (a, b) in outlines.iter().zip(&decoded) {
            assert_eq!((&a.code, &a.name, a.kind), (&b.code, &b.name, b.kind));
            for (p, q) in a.rings[0].iter().zip(&b.rings[0]) {
                assert!((p[0] - q[0]).abs() <= 1.0 / 4000.0 && (p[1] - q[1]).abs() <= 1.0 / 4000.0);
            }
        }
    }

    #[test]
    fn containment_follows_the_ring_and_its_holes() {
        let mut land = square("AA", 0.0, 0.0, 1.0);
        assert!(land.contains(0.5, 0.5));
        assert!(!land.contains(1.5, 0.5));
        land.rings
            .push(vec![[0.25, 0.25], [0.75, 0.25], [0.75, 0.75], [0.25, 0.75]]);
        assert!(!land.contains(0.5, 0.5), "inside the hole");
        assert!(land.contains(0.1, 0.1));
    }

    #[test]
    fn damaged_bytes_are_an_error_not_a_panic() {
        let bytes = encode(&[square("AA", 0.0, 0.0, 1.0)], 1000);
        for cut in 0..bytes.len() {
            let _ = decode(&bytes[..cut]);
        }
        assert!(decode(b"nope").is_err());
    }

    #[test]
    fn degenerate_rings_are_dropped() {
        let line = Outline {
            rings: vec![vec![[0.0, 0.0], [0.00001, 0.0], [0.0, 0.00001]]],
            ..square("AA", 0.0, 0.0, 1.0)
        };
        assert!(decode(&encode(&[line], 10)).unwrap()[0].rings.is_empty());
    }
}

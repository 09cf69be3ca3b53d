//! The model file: a small versioned binary format, little-endian throughout.
//!
//! ```text
//! offset  size        field
//! 0       4           magic "DNER"
//! 4       2    u16    format version (FORMAT_VERSION)
//! 6       2    u16    tag count: 17 = Outside + BILOU over PER, ORG, LOC, MISC, in that order
//! 8       1    u8     log2 of the feature bucket count (feature hashing, see features.rs)
//! 9       3           zero
//! 12      4    f32    emission scale: weight = stored integer × scale
//! 16      4    u32    provenance length P, then P bytes of UTF-8 text
//! ..      18×17×4     transition weights, f32: rows = previous tag (last row: sentence start),
//!                     columns = next tag
//! ..      4    u32    emission row count R, then R rows, each:
//!                       varint  bucket − previous row's bucket − 1 (the first: its bucket)
//!                       17 × zigzag varint  quantised weight per tag (i16 range)
//! ..      4    u32    gazetteer key count G, then G × (u64 key, u8 kind mask), keys ascending
//! ..      8    u64    checksum: FNV-1a 64 of every byte before it
//! ```
//!
//! Varints are LEB128 (seven bits a byte, low first). Most weights are small, so zigzag
//! varints halve the size of `i16`s; buckets are ascending, so deltas fit a byte or two.

use crate::error::Error;
use crate::gazetteer::Gazetteer;
use crate::model::{Model, NO_ROW};
use crate::perceptron::TRANSITION_COUNT;
use crate::tags::TAG_COUNT;
use crate::training::MAX_LOG2_BUCKETS;

const MAGIC: &[u8; 4] = b"DNER";

/// Bumped whenever the bytes, the feature templates, the hash or the tag set change: an
/// old model would load but tag nonsense.
pub const FORMAT_VERSION: u16 = 1;

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

fn checksum(bytes: &[u8]) -> u64 {
    bytes.iter().fold(FNV_OFFSET, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(FNV_PRIME)
    })
}

impl Model {
    /// The model in the format above.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::new();
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
        out.extend_from_slice(&(TAG_COUNT as u16).to_le_bytes());
        out.push(self.log2_buckets);
        out.extend_from_slice(&[0; 3]);
        out.extend_from_slice(&self.scale.to_le_bytes());
        out.extend_from_slice(&(self.provenance.len() as u32).to_le_bytes());
        out.extend_from_slice(self.provenance.as_bytes());
        for weight in &self.transitions {
            out.extend_from_slice(&weight.to_le_bytes());
        }
        out.extend_from_slice(&(self.stored_rows() as u32).to_le_bytes());
        let mut next_bucket = 0;
        for (bucket, &row) in self.row_of_bucket.iter().enumerate() {
            if row == NO_ROW {
                continue;
            }
            write_varint(&mut out, (bucket - next_bucket) as u64);
            next_bucket = bucket + 1;
            let from = row as usize * TAG_COUNT;
            for &weight in &self.rows[from..from + TAG_COUNT] {
                write_varint(&mut out, zigzag(weight));
            }
        }
        let entries = self.gazetteer.entries();
        out.extend_from_slice(&(entries.len() as u32).to_le_bytes());
        for &(key, kinds) in entries {
            out.extend_from_slice(&key.to_le_bytes());
            out.push(kinds);
        }
        let sum = checksum(&out);
        out.extend_from_slice(&sum.to_le_bytes());
        out
    }

    /// Reads a model written by [`Model::to_bytes`], checking every length against the bytes
    /// there are.
    pub fn from_bytes(bytes: &[u8]) -> Result<Model, Error> {
        if bytes.get(..4) != Some(MAGIC.as_slice()) {
            return Err(Error::NotAModel);
        }
        let mut reader = Reader { bytes, at: 4 };
        let version = u16::from_le_bytes(reader.array("format version")?);
        if version != FORMAT_VERSION {
            return Err(Error::UnsupportedVersion {
                found: version,
                supported: FORMAT_VERSION,
            });
        }
        let body_end = bytes.len().checked_sub(8).ok_or(Error::Truncated {
            what: "checksum",
            offset: 0,
            needed: 8,
            available: bytes.len(),
        })?;
        let stored_sum = u64::from_le_bytes(
            Reader {
                bytes,
                at: body_end,
            }
            .array("checksum")?,
        );
        if checksum(&bytes[..body_end]) != stored_sum {
            return Err(Error::Checksum);
        }
        let mut reader = Reader {
            bytes: &bytes[..body_end],
            at: reader.at,
        };

        let tag_count = u16::from_le_bytes(reader.array("tag count")?);
        if usize::from(tag_count) != TAG_COUNT {
            return Err(reader.invalid(format!(
                "{tag_count} tags; this build tags with {TAG_COUNT}"
            )));
        }
        let [log2_buckets] = reader.array("bucket count")?;
        if log2_buckets > MAX_LOG2_BUCKETS {
            return Err(reader.invalid(format!(
                "2^{log2_buckets} buckets is more than 2^{MAX_LOG2_BUCKETS}"
            )));
        }
        reader.take("reserved bytes", 3)?;
        let scale = f32::from_le_bytes(reader.array("emission scale")?);
        if !scale.is_finite() || scale <= 0.0 {
            return Err(reader.invalid(format!("emission scale {scale} is not a positive number")));
        }
        let provenance_len = reader.u32_len("provenance length")?;
        let provenance = std::str::from_utf8(reader.take("provenance", provenance_len)?)
            .map_err(|_| reader.invalid("provenance is not UTF-8".into()))?
            .to_string();
        let mut transitions = Vec::with_capacity(TRANSITION_COUNT);
        for _ in 0..TRANSITION_COUNT {
            transitions.push(f32::from_le_bytes(reader.array("transition weights")?));
        }

        let bucket_count = 1usize << log2_buckets;
        let row_count = reader.u32_len("emission row count")?;
        if row_count > bucket_count {
            return Err(reader.invalid(format!("{row_count} rows for {bucket_count} buckets")));
        }
        let mut row_of_bucket = vec![NO_ROW; bucket_count];
        let mut rows = Vec::with_capacity(row_count * TAG_COUNT);
        let mut next_bucket = 0usize;
        for row in 0..row_count {
            let gap = reader.varint("emission row bucket")?;
            let bucket = usize::try_from(gap)
                .ok()
                .and_then(|gap| next_bucket.checked_add(gap))
                .filter(|&bucket| bucket < bucket_count)
                .ok_or_else(|| {
                    reader.invalid(format!("emission row {row} lies past the last bucket"))
                })?;
            // row < row_count ≤ bucket_count ≤ 2^28.
            row_of_bucket[bucket] = row as u32;
            next_bucket = bucket + 1;
            for _ in 0..TAG_COUNT {
                let value = reader.varint("emission weight")?;
                let weight = unzigzag(value).ok_or_else(|| {
                    reader.invalid(format!("emission weight {value} is outside the i16 range"))
                })?;
                rows.push(weight);
            }
        }

        let key_count = reader.u32_len("gazetteer key count")?;
        let mut entries = Vec::with_capacity(key_count.min(reader.remaining() / 9));
        let mut previous = None;
        for _ in 0..key_count {
            let key = u64::from_le_bytes(reader.array("gazetteer key")?);
            let [kinds] = reader.array("gazetteer kinds")?;
            if previous.is_some_and(|p| p >= key) {
                return Err(reader.invalid("gazetteer keys are not ascending".into()));
            }
            previous = Some(key);
            entries.push((key, kinds));
        }
        if reader.remaining() != 0 {
            return Err(
                reader.invalid(format!("{} bytes follow the gazetteer", reader.remaining()))
            );
        }
        Ok(Model {
            log2_buckets,
            row_of_bucket,
            rows,
            scale,
            transitions,
            gazetteer: Gazetteer::from_entries(entries),
            provenance,
        })
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn remaining(&self) -> usize {
        self.bytes.len() - self.at
    }

    fn take(&mut self, what: &'static str, needed: usize) -> Result<&'a [u8], Error> {
        let slice = self
            .at
            .checked_add(needed)
            .and_then(|end| self.bytes.get(self.at..end))
            .ok_or(Error::Truncated {
                what,
                offset: self.at,
                needed,
                available: self.remaining(),
            })?;
        self.at += needed;
        Ok(slice)
    }

    fn array<const N: usize>(&mut self, what: &'static str) -> Result<[u8; N], Error> {
        let mut array = [0; N];
        array.copy_from_slice(self.take(what, N)?);
        Ok(array)
    }

    fn u32_len(&mut self, what: &'static str) -> Result<usize, Error> {
        let value = u32::from_le_bytes(self.array(what)?);
        usize::try_from(value)
            .map_err(|_| self.invalid(format!("{what} {value} does not fit in memory")))
    }

    fn varint(&mut self, what: &'static str) -> Result<u64, Error> {
        let mut value = 0u64;
        for shift in (0..64).step_by(7) {
            let [byte] = self.array(what)?;
            value |= u64::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                return Ok(value);
            }
        }
        Err(self.invalid(format!("{what} is a varint longer than ten bytes")))
    }

    fn invalid(&self, what: String) -> Error {
        Error::Invalid {
            what,
            offset: self.at,
        }
    }
}

fn write_varint(out: &mut Vec<u8>, mut value: u64) {
    while value >= 0x80 {
        out.push((value as u8 & 0x7f) | 0x80);
        value >>= 7;
    }
    out.push(value as u8);
}

fn zigzag(value: i16) -> u64 {
    let value = i32::from(value);
    ((value << 1) ^ (value >> 31)) as u32 as u64
}

fn unzigzag(value: u64) -> Option<i16> {
    let value = u32::try_from(value).ok()?;
    let decoded = (value >> 1) as i32 ^ -((value & 1) as i32);
    i16::try_from(decoded).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tags::EntityKind;

    fn small_model() -> Model {
        let log2_buckets = 6;
        let mut emissions = vec![0.0; (1 << log2_buckets) * TAG_COUNT];
        emissions[3 * TAG_COUNT + 1] = 2.5;
        emissions[3 * TAG_COUNT + 16] = -1.0;
        emissions[40 * TAG_COUNT] = 0.75;
        let transitions = (0..TRANSITION_COUNT)
            .map(|i| i as f32 * 0.5 - 3.0)
            .collect();
        let phrase: &[&str] = &["Lagos"];
        let gazetteer = Gazetteer::build([(phrase, EntityKind::Location)]);
        Model::from_weights(
            log2_buckets,
            &emissions,
            transitions,
            gazetteer,
            "a test model".into(),
        )
    }

    #[test]
    fn a_model_survives_the_round_trip() {
        let model = small_model();
        assert_eq!(model.stored_rows(), 2);
        let bytes = model.to_bytes();
        assert_eq!(Model::from_bytes(&bytes), Ok(model));
    }

    #[test]
    fn zigzag_covers_the_i16_range() {
        for value in [0, 1, -1, 63, -64, 64, i16::MAX, i16::MIN] {
            assert_eq!(unzigzag(zigzag(value)), Some(value));
        }
        assert_eq!(unzigzag(u64::from(u16::MAX) + 1), None);
    }

    #[test]
    fn damaged_bytes_are_refused_with_a_reason() {
        let bytes = small_model().to_bytes();
        assert_eq!(Model::from_bytes(b"PK\x03\x04"), Err(Error::NotAModel));
        let mut newer = bytes.clone();
        newer[4] = 9;
        assert_eq!(
            Model::from_bytes(&newer),
            Err(Error::UnsupportedVersion {
                found: 9,
                supported: FORMAT_VERSION
            })
        );
        let mut flipped = bytes.clone();
        flipped[30] ^= 1;
        assert_eq!(Model::from_bytes(&flipped), Err(Error::Checksum));
        assert!(matches!(
            Model::from_bytes(&bytes[..7]),
            Err(Error::Truncated { .. })
        ));
        for cut in [bytes.len() / 2, bytes.len() - 1] {
            assert!(Model::from_bytes(&bytes[..cut]).is_err());
        }
    }
}

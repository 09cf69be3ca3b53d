//! LEB128 unsigned varints and length-prefixed strings: the small integers of the bundle.
//!
//! Both the bundle writer (native, in `dossier-build`) and the reader (here) use these
//! functions, so the two cannot drift apart.

use crate::bundle::BundleError;

/// Appends `value` as a LEB128 varint (7 bits a byte, high bit = more bytes follow).
pub fn write_u64(out: &mut Vec<u8>, mut value: u64) {
    while value >= 0x80 {
        out.push((value as u8) | 0x80);
        value >>= 7;
    }
    out.push(value as u8);
}

/// Appends `text` as a varint byte length followed by its UTF-8 bytes.
pub fn write_str(out: &mut Vec<u8>, text: &str) {
    write_u64(out, text.len() as u64);
    out.extend_from_slice(text.as_bytes());
}

/// A cursor over bundle bytes that fails with [`BundleError::Truncated`] instead of panicking
/// when the bytes end early, so a damaged bundle is an error, not a crash.
#[derive(Debug, Clone)]
pub struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    pub fn new(bytes: &'a [u8]) -> Self {
        Reader { bytes, at: 0 }
    }

    pub fn at(bytes: &'a [u8], at: usize) -> Self {
        Reader { bytes, at }
    }

    pub fn is_empty(&self) -> bool {
        self.at >= self.bytes.len()
    }

    pub fn u64(&mut self) -> Result<u64, BundleError> {
        let mut value = 0u64;
        let mut shift = 0u32;
        loop {
            let byte = *self.bytes.get(self.at).ok_or(BundleError::Truncated)?;
            self.at += 1;
            if shift >= 64 {
                return Err(BundleError::Corrupt("varint longer than 64 bits"));
            }
            value |= u64::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                return Ok(value);
            }
            shift += 7;
        }
    }

    pub fn byte(&mut self) -> Result<u8, BundleError> {
        let byte = *self.bytes.get(self.at).ok_or(BundleError::Truncated)?;
        self.at += 1;
        Ok(byte)
    }

    pub fn u32(&mut self) -> Result<u32, BundleError> {
        u32::try_from(self.u64()?).map_err(|_| BundleError::Corrupt("varint exceeds 32 bits"))
    }

    pub fn str(&mut self) -> Result<&'a str, BundleError> {
        let len = usize::try_from(self.u64()?).map_err(|_| BundleError::Truncated)?;
        let end = self.at.checked_add(len).ok_or(BundleError::Truncated)?;
        let bytes = self.bytes.get(self.at..end).ok_or(BundleError::Truncated)?;
        self.at = end;
        std::str::from_utf8(bytes).map_err(|_| BundleError::Corrupt("string is not UTF-8"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn varints_round_trip(values in proptest::collection::vec(any::<u64>(), 0..50)) {
            let mut out = Vec::new();
            for &v in &values { write_u64(&mut out, v); }
            let mut reader = Reader::new(&out);
            for &v in &values { prop_assert_eq!(reader.u64().ok(), Some(v)); }
            prop_assert!(reader.is_empty());
        }

        #[test]
        fn strings_round_trip(values in proptest::collection::vec(".*", 0..20)) {
            let mut out = Vec::new();
            for v in &values { write_str(&mut out, v); }
            let mut reader = Reader::new(&out);
            for v in &values { prop_assert_eq!(reader.str().ok(), Some(v.as_str())); }
        }
    }

    #[test]
    fn truncated_input_is_an_error_not_a_panic() {
        let mut reader = Reader::new(&[0x80, 0x80]);
        assert_eq!(reader.u64(), Err(BundleError::Truncated));
        let mut reader = Reader::new(&[5, b'a']);
        assert_eq!(reader.str(), Err(BundleError::Truncated));
    }
}

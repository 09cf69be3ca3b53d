//! Bytes to text: UTF-8 when the bytes are UTF-8, otherwise Windows-1252 with a warning.
//!
//! Windows-1252 is the fallback because every byte sequence decodes under it (nothing is lost)
//! and it is what older English corpora really are: Reuters-21578 is Latin-1, and Latin-1
//! text is Windows-1252 text for every printable character.

use crate::report::BuildReport;

pub fn decode_text(bytes: &[u8], place: &str, report: &mut BuildReport) -> String {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => text.to_owned(),
        Err(error) => {
            report.warn(
                place,
                format!(
                    "not valid UTF-8 (first bad byte at offset {}); decoded as Windows-1252",
                    error.valid_up_to()
                ),
            );
            let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes);
            text.into_owned()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_passes_through_without_warning() {
        let mut report = BuildReport::default();
        assert_eq!(
            decode_text("Qāsem".as_bytes(), "a.txt", &mut report),
            "Qāsem"
        );
        assert!(report.warnings.is_empty());
    }

    #[test]
    fn latin1_bytes_decode_as_windows_1252_with_a_warning_naming_the_file() {
        let mut report = BuildReport::default();
        let text = decode_text(b"caf\xe9 \x93quoted\x94", "old.txt", &mut report);
        assert_eq!(text, "café “quoted”");
        assert_eq!(report.warnings.len(), 1);
        assert_eq!(report.warnings[0].place, "old.txt");
        assert!(report.warnings[0].message.contains("Windows-1252"));
    }

    #[test]
    fn a_byte_order_mark_is_dropped() {
        let mut report = BuildReport::default();
        assert_eq!(decode_text(b"\xEF\xBB\xBFhi", "a.txt", &mut report), "hi");
    }
}

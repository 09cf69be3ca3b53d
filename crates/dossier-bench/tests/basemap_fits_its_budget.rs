//! The basemap is compiled into every page; the map's issue (#6) allows it 60 KB brotli'd, the
//! compression static hosts serve the page's wasm with. Measured as `cargo xtask bench` quotes
//! sizes: brotli quality 9, 4 MB window.

const BUDGET_BYTES: usize = 60 * 1024;

#[test]
fn the_basemap_adds_at_most_60_kb_brotli() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/geo/basemap.bin");
    let bytes = std::fs::read(path).expect("data/geo/basemap.bin is committed");
    let mut compressed = Vec::new();
    let params = brotli::enc::BrotliEncoderParams {
        quality: 9,
        lgwin: 22,
        ..Default::default()
    };
    brotli::BrotliCompress(&mut &bytes[..], &mut compressed, &params).expect("in memory");
    assert!(
        compressed.len() <= BUDGET_BYTES,
        "the basemap is {} bytes brotli'd, over its budget of {BUDGET_BYTES}",
        compressed.len()
    );
}

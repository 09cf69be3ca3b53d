//! Pins the bundle's bytes for a fixture corpus. A change here means every bundle already
//! published reads differently: bump `FORMAT_VERSION` in dossier-core's `bundle.rs`, document
//! the new layout there, then re-bless with `DOSSIER_BLESS=1 cargo test -p dossier-build --test golden`.

use std::path::Path;

use dossier_build::compile_corpus;
use dossier_core::{search, Bundle, SearchOptions};

const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/golden");
const GOLDEN: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/golden/bundle.dossier");

#[test]
fn bundle_bytes_for_the_fixture_corpus_are_unchanged() {
    let compiled = compile_corpus(Path::new(FIXTURE)).expect("the fixture corpus compiles");
    if std::env::var_os("DOSSIER_BLESS").is_some() {
        std::fs::write(GOLDEN, &compiled.bundle).expect("write golden bundle");
    }
    let golden = std::fs::read(GOLDEN).expect("golden bundle exists (bless it once)");
    assert!(
        compiled.bundle == golden,
        "bundle bytes changed ({} bytes now, {} pinned): bump FORMAT_VERSION and re-bless",
        compiled.bundle.len(),
        golden.len()
    );
}

#[test]
fn the_golden_bundle_answers_queries() {
    let golden = std::fs::read(GOLDEN).expect("golden bundle exists");
    let bundle = Bundle::open(&golden).expect("golden bundle opens");
    assert_eq!(bundle.collection().title, "Golden fixture");
    assert_eq!(bundle.doc_count(), 3);
    let results = search(&bundle, "oil prices", &SearchOptions::default()).expect("search");
    assert_eq!(results.total, 2);
    let ids: Vec<&str> = results
        .hits
        .iter()
        .map(|h| bundle.document(h.doc).map(|d| d.id).unwrap_or_default())
        .collect();
    assert!(
        ids.contains(&"airport.txt") && ids.contains(&"markets.md"),
        "{ids:?}"
    );
    let markets = bundle.document(1).expect("second document");
    assert_eq!(markets.id, "markets.md");
    assert_eq!(markets.tags, ["markets", "oil"]);
    assert_eq!(markets.source, "Example Wire");
}

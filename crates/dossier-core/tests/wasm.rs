//! The core in a real browser: the golden bundle opened and searched inside headless Chromium
//! (`cargo xtask test` runs this with wasm-bindgen-test-runner and ChromeDriver).
#![cfg(target_arch = "wasm32")]

use dossier_core::{make_snippet, search, Bundle, SearchOptions};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

static GOLDEN: &[u8] = include_bytes!("../../dossier-build/tests/golden/bundle.dossier");

#[wasm_bindgen_test]
fn the_golden_bundle_opens_in_the_browser() {
    let bundle = Bundle::open(GOLDEN).expect("bundle opens");
    assert_eq!(bundle.doc_count(), 3);
    assert_eq!(bundle.collection().title, "Golden fixture");
}

#[wasm_bindgen_test]
fn search_and_snippets_work_in_the_browser() {
    let bundle = Bundle::open(GOLDEN).expect("bundle opens");
    let results = search(&bundle, "qasem", &SearchOptions::default()).expect("search");
    assert_eq!(results.total, 1);
    let doc = bundle.document(results.hits[0].doc).expect("document");
    let snippet = make_snippet(doc.text, &results.matched_terms);
    let marked: Vec<String> = snippet
        .highlights
        .iter()
        .map(|&(s, e)| snippet.text.chars().skip(s).take(e - s).collect())
        .collect();
    assert_eq!(marked, ["Qāsem"]);
}

#[wasm_bindgen_test]
fn prefixes_typos_and_phrases_work_in_the_browser() {
    let bundle = Bundle::open(GOLDEN).expect("bundle opens");
    let count = |query: &str| {
        search(&bundle, query, &SearchOptions::default())
            .expect("search")
            .total
    };
    assert_eq!(count("reve"), 1, "prefix of revenge");
    assert_eq!(count("revnge "), 1, "one typo from revenge");
    assert_eq!(count("\"oil prices\""), 2);
    assert_eq!(count("oil -markets"), 1);
    assert_eq!(count("zzzz"), 0);
}

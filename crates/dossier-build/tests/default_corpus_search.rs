//! The checks on the default corpus (`corpus/` at the workspace root): what a reader
//! of those five articles types, and what they must get.

use std::path::Path;
use std::sync::OnceLock;

use dossier_build::compile_corpus;
use dossier_core::{search, Bundle, SearchOptions};

fn bundle_bytes() -> &'static [u8] {
    static BYTES: OnceLock<Vec<u8>> = OnceLock::new();
    BYTES.get_or_init(|| {
        let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus");
        compile_corpus(&corpus)
            .expect("the default corpus compiles")
            .bundle
    })
}

/// Ids of every document the query finds, typed as a user would (last word a prefix).
fn found(query: &str) -> Vec<String> {
    let bundle = Bundle::open(bundle_bytes()).expect("bundle opens");
    let options = SearchOptions {
        limit: 100,
        last_word_is_prefix: true,
        ..SearchOptions::default()
    };
    let results = search(&bundle, query, &options).expect("search");
    assert_eq!(results.total, results.hits.len());
    results
        .hits
        .iter()
        .map(|h| bundle.document(h.doc).expect("doc").id.to_owned())
        .collect()
}

fn text_of(id: &str) -> String {
    let bundle = Bundle::open(bundle_bytes()).expect("bundle opens");
    let doc = bundle.find_document(id).expect("id exists");
    bundle.document(doc).expect("doc").text.to_owned()
}

#[test]
fn qasem_finds_all_five_articles_whichever_spelling_they_use() {
    assert_eq!(found("Qasem").len(), 5);
}

#[test]
fn muhandis_finds_the_three_articles_that_name_him() {
    assert_eq!(found("Muhandis").len(), 3);
}

#[test]
fn a_misspelt_solemani_still_finds_all_five() {
    assert_eq!(found("Solemani").len(), 5);
}

#[test]
fn the_prefix_khame_finds_the_three_articles_naming_khamenei() {
    assert_eq!(found("Khame").len(), 3);
}

#[test]
fn the_phrase_oil_prices_is_in_one_article() {
    let ids = found("\"oil prices\"");
    assert_eq!(ids.len(), 1);
    assert!(text_of(&ids[0]).to_lowercase().contains("oil prices"));
}

#[test]
fn embassy_minus_kuwait_leaves_out_the_article_that_mentions_kuwait() {
    let with_embassy = found("embassy");
    let without_kuwait = found("embassy -Kuwait");
    assert_eq!(without_kuwait.len() + 1, with_embassy.len());
    for id in &without_kuwait {
        assert!(!text_of(id).contains("Kuwait"), "{id} mentions Kuwait");
    }
    let left_out: Vec<&String> = with_embassy
        .iter()
        .filter(|id| !without_kuwait.contains(id))
        .collect();
    assert!(text_of(left_out[0]).contains("Kuwait"));
}

//! Each case of the query language, evaluated on a small corpus written for it.
#![cfg(not(target_arch = "wasm32"))]

use dossier_core::{search, write_bundle, Bundle, CollectionInfo, Document, SearchOptions};

const DOCS: &[(&str, &str, &str)] = &[
    (
        "alpha",
        "Oil prices rise",
        "Oil prices rose sharply after the strike on the airport.",
    ),
    (
        "bravo",
        "Markets",
        "The price of oil fell, then prices of gold rose.",
    ),
    (
        "charlie",
        "Embassy attacked",
        "Protesters attacked the embassy in the capital. Kuwait closed its embassy.",
    ),
    (
        "delta",
        "Embassy reopens",
        "The embassy reopened on Monday after the protests ended.",
    ),
    (
        "echo",
        "Commander killed",
        "The commander Soleimani was killed in a drone strike.",
    ),
    (
        "foxtrot",
        "Leaders mourn",
        "Supreme leader Khamenei mourned the commander and promised revenge.",
    ),
    (
        "golf",
        "Weather",
        "Rain and wind across the region, with the coast hit hardest.",
    ),
];

fn bundle_bytes() -> Vec<u8> {
    let docs: Vec<Document> = DOCS
        .iter()
        .map(|(id, title, text)| Document {
            id: (*id).into(),
            title: (*title).into(),
            text: (*text).into(),
            ..Document::default()
        })
        .collect();
    write_bundle(&CollectionInfo::default(), &docs).expect("bundle")
}

/// Ids found for `query` as a finished query (no prefix), best first.
fn ids(query: &str) -> Vec<String> {
    ids_with(query, false)
}

fn ids_with(query: &str, typing: bool) -> Vec<String> {
    let bytes = bundle_bytes();
    let bundle = Bundle::open(&bytes).expect("opens");
    let options = SearchOptions {
        limit: 100,
        last_word_is_prefix: typing,
        ..SearchOptions::default()
    };
    let results = search(&bundle, query, &options).expect("search never fails");
    results
        .hits
        .iter()
        .map(|h| bundle.document(h.doc).expect("doc").id.to_owned())
        .collect()
}

#[test]
fn documents_with_all_the_words_come_before_documents_with_some() {
    let found = ids("embassy kuwait");
    assert_eq!(found[0], "charlie");
    assert_eq!(found.len(), 2);
}

#[test]
fn stop_words_are_not_needed_for_a_document_to_match_all_words() {
    // "the" is in neither title; bravo has no "strike" but both have "the".
    let found = ids("the strike airport");
    assert_eq!(found[0], "alpha");
}

#[test]
fn a_query_of_only_stop_words_still_finds_documents() {
    assert!(!ids("the and").is_empty());
}

#[test]
fn a_phrase_needs_its_words_next_to_each_other_in_order() {
    assert_eq!(ids("\"oil prices\""), ["alpha"]);
    assert_eq!(ids("\"prices oil\""), Vec::<String>::new());
}

#[test]
fn a_phrase_inside_a_longer_query_still_counts_as_one_clause() {
    assert_eq!(ids("\"oil prices\" strike")[0], "alpha");
}

#[test]
fn minus_a_word_excludes_the_documents_that_contain_it() {
    assert_eq!(ids("embassy -Kuwait"), ["delta"]);
}

#[test]
fn minus_a_phrase_excludes_only_documents_with_the_phrase() {
    let found = ids("oil -\"oil prices\"");
    assert_eq!(found, ["bravo"]);
}

#[test]
fn a_query_of_only_exclusions_lists_everything_else() {
    assert_eq!(ids("-embassy").len(), DOCS.len() - 2);
}

#[test]
fn or_between_words_matches_either() {
    let mut found = ids("Soleimani OR Khamenei");
    found.sort();
    assert_eq!(found, ["echo", "foxtrot"]);
}

#[test]
fn or_between_groups_matches_either_group_whole() {
    let mut found = ids("(embassy reopened) OR (drone strike)");
    found.sort();
    assert_eq!(found, ["delta", "echo"]);
}

#[test]
fn title_restricts_a_word_to_titles() {
    assert_eq!(ids("title:embassy").len(), 2);
    assert_eq!(ids("title:protesters"), Vec::<String>::new());
    assert_eq!(ids("title:\"oil prices\""), ["alpha"]);
}

#[test]
fn the_word_being_typed_matches_as_a_prefix() {
    assert_eq!(ids_with("Khame", true), ["foxtrot"]);
    assert_eq!(ids_with("Khame ", true), Vec::<String>::new());
}

#[test]
fn a_typo_finds_the_word_and_ranks_below_an_exact_match() {
    assert_eq!(ids("Solemani"), ["echo"]);
    // "strike" is exact in two documents; "strik" reaches them only as a typo.
    assert_eq!(ids("strik").len(), 2);
}

#[test]
fn a_word_that_matches_exactly_is_never_expanded_by_typo() {
    // "rain" is in the dictionary; "rains", "main", "pain" would be one edit away.
    assert_eq!(ids("rain"), ["golf"]);
}

#[test]
fn an_inflection_matches_and_ranks_below_the_exact_form() {
    let docs: Vec<Document> = [
        ("one", "the price was high"),
        ("two", "the prices were high"),
    ]
    .iter()
    .map(|(id, text)| Document {
        id: (*id).into(),
        text: (*text).into(),
        ..Document::default()
    })
    .collect();
    let bytes = write_bundle(&CollectionInfo::default(), &docs).expect("bundle");
    let bundle = Bundle::open(&bytes).expect("opens");
    let options = SearchOptions {
        limit: 10,
        last_word_is_prefix: false,
        ..SearchOptions::default()
    };
    for (query, first) in [("price", 0), ("prices", 1)] {
        let results = search(&bundle, query, &options).expect("search");
        assert_eq!(results.total, 2, "{query} finds both forms");
        assert_eq!(results.hits[0].doc, first, "{query}: the exact form first");
        assert!(results.hits[0].score > results.hits[1].score);
    }
}

#[test]
fn words_standing_together_outrank_the_same_words_apart() {
    let found = ids("commander killed");
    assert_eq!(found[0], "echo");
}

#[test]
fn malformed_queries_degrade_instead_of_failing() {
    for query in [
        "\"oil prices",
        "-",
        "- -",
        "((( embassy",
        "embassy )))",
        "OR OR OR",
        "title:",
        "🙂 oil 🙂",
        "\u{202e}oil\u{202c} \u{0000}\u{0007}",
        "نفط oil",
        &"oil ".repeat(2500),
        &"x".repeat(10_000),
    ] {
        let _ = ids_with(query, true);
    }
    assert_eq!(ids("🙂 oil 🙂").len(), 2);
    assert_eq!(ids("\"oil prices")[0], "alpha");
}

//! The entities issue's checks on the default corpus (`corpus/`): what a reader filtering the
//! five articles by people, organisations, places and sources must find.

use std::path::Path;
use std::sync::OnceLock;

use dossier_build::compile_corpus;
use dossier_core::{Bundle, FacetKind, FacetValue};

fn facets() -> &'static [FacetValue] {
    static FACETS: OnceLock<Vec<FacetValue>> = OnceLock::new();
    FACETS.get_or_init(|| {
        let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus");
        let bytes = compile_corpus(&corpus)
            .expect("the default corpus compiles")
            .bundle;
        Bundle::open(&bytes).expect("opens").facets().to_vec()
    })
}

fn named(kind: FacetKind, needle: &str) -> Vec<&'static FacetValue> {
    facets()
        .iter()
        .filter(|v| {
            v.kind == kind
                && (v.name.contains(needle) || v.aliases.iter().any(|a| a.contains(needle)))
        })
        .collect()
}

#[test]
fn one_person_tag_for_soleimani_covers_all_five_articles() {
    let found = named(FacetKind::Person, "Soleimani");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].docs.len(), 5);
}

#[test]
fn al_muhandis_is_one_person_in_three_articles() {
    let found = named(FacetKind::Person, "Muhandis");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].docs.len(), 3);
}

#[test]
fn the_popular_mobilization_forces_merge_across_spellings() {
    let found: Vec<_> = named(FacetKind::Organization, "Popular Mobili")
        .into_iter()
        .filter(|v| v.name.ends_with("Forces"))
        .collect();
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].aliases.iter().any(|a| a == "PMF"),
        "the acronym defined in the text is an alias"
    );
    let spellings: Vec<&str> = std::iter::once(found[0].name.as_str())
        .chain(found[0].aliases.iter().map(String::as_str))
        .collect();
    assert!(
        spellings.iter().any(|s| s.contains("Mobilization")),
        "{spellings:?}"
    );
    assert!(
        spellings.iter().any(|s| s.contains("Mobilisation")),
        "{spellings:?}"
    );
}

#[test]
fn news_agencies_cited_are_sources_not_places() {
    for agency in ["Reuters", "AP", "CNN"] {
        assert!(
            facets()
                .iter()
                .any(|v| v.kind == FacetKind::Source && v.name == agency),
            "{agency} is a source"
        );
        assert!(
            !facets()
                .iter()
                .any(|v| v.kind == FacetKind::Place && v.name == agency),
            "{agency} is not a place"
        );
    }
}

#[test]
fn no_place_is_named_after_an_outlet_a_force_or_a_party() {
    for name in ["Washington Post", "Quds", "Hezbollah"] {
        let places = named(FacetKind::Place, name);
        assert!(places.is_empty(), "{places:?}");
    }
}

//! Wire text as archives hold it. Hard-wrapped plain text (Reuters' wires, mail) breaks lines
//! inside names: a place wrapped across a line is still that one place, and its pieces are no
//! places or organisations. Old wires name former states and seats of power.

use dossier_build::compile_corpus;
use dossier_core::{Bundle, FacetKind};

/// The facet values of each kind that compiling one wire article gives.
fn facets_of(wire: &str) -> impl Fn(FacetKind) -> Vec<String> {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("wire.txt"), wire).expect("write article");
    let compiled = compile_corpus(dir.path()).expect("compiles");
    let bundle = Bundle::open(&compiled.bundle).expect("opens");
    let facets: Vec<(FacetKind, String)> = bundle
        .facets()
        .iter()
        .map(|value| (value.kind, value.name.clone()))
        .collect();
    move |kind| {
        facets
            .iter()
            .filter(|(k, _)| *k == kind)
            .map(|(_, name)| name.clone())
            .collect()
    }
}

#[test]
fn a_place_wrapped_across_a_line_is_one_place_and_its_pieces_are_nothing() {
    let named = facets_of(
        "Trade talks\n\nTraders in New\nYork said prices in South\nAfrica and the United\n\
         States rose after talks in Hong\nKong on Monday.\n",
    );
    let places = named(FacetKind::Place);
    let places: Vec<&str> = places.iter().map(String::as_str).collect();
    for whole in ["New York", "South Africa", "United States", "Hong Kong"] {
        assert!(places.contains(&whole), "{whole} missing from {places:?}");
    }
    for piece in ["York", "Africa", "Kong", "United"] {
        assert!(!places.contains(&piece), "{piece} among {places:?}");
    }
    let organisations = named(FacetKind::Organization);
    assert!(
        !organisations
            .iter()
            .any(|o| ["United", "York"].contains(&o.as_str())),
        "{organisations:?}"
    );
}

#[test]
fn a_former_state_is_its_successor_and_a_seat_of_power_an_organisation() {
    let named = facets_of(
        "Grain talks\n\nThe White House said West Germany and the Soviet\nUnion would buy \
         wheat, and a White House spokesman said Yugoslav buyers were in Zaire.\n",
    );
    let places = named(FacetKind::Place);
    for country in [
        "Germany",
        "Russia",
        "Serbia",
        "Democratic Republic of the Congo",
    ] {
        assert!(
            places.iter().any(|p| p == country),
            "{country} missing from {places:?}"
        );
    }
    for wrong in ["White House", "Casablanca", "Soviet"] {
        assert!(
            !places.iter().any(|p| p == wrong),
            "{wrong} among {places:?}"
        );
    }
    let organisations = named(FacetKind::Organization);
    assert!(
        organisations.iter().any(|o| o == "White House"),
        "{organisations:?}"
    );
}

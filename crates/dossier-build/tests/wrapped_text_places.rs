//! Hard-wrapped plain text (Reuters' wires, mail) breaks lines inside names: a place wrapped
//! across a line is still that one place, and its pieces are no places or organisations.

use dossier_build::compile_corpus;
use dossier_core::{Bundle, FacetKind};

#[test]
fn a_place_wrapped_across_a_line_is_one_place_and_its_pieces_are_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(
        dir.path().join("wire.txt"),
        "Trade talks\n\nTraders in New\nYork said prices in South\nAfrica and the United\n\
         States rose after talks in Hong\nKong on Monday.\n",
    )
    .expect("write article");
    let compiled = compile_corpus(dir.path()).expect("compiles");
    let bundle = Bundle::open(&compiled.bundle).expect("opens");
    let named = |kind: FacetKind| -> Vec<&str> {
        bundle
            .facets()
            .iter()
            .filter(|value| value.kind == kind)
            .map(|value| value.name.as_str())
            .collect()
    };
    let places = named(FacetKind::Place);
    for whole in ["New York", "South Africa", "United States", "Hong Kong"] {
        assert!(places.contains(&whole), "{whole} missing from {places:?}");
    }
    for piece in ["York", "Africa", "Kong", "United"] {
        assert!(!places.contains(&piece), "{piece} among {places:?}");
    }
    let organisations = named(FacetKind::Organization);
    assert!(
        !organisations.iter().any(|o| ["United", "York"].contains(o)),
        "{organisations:?}"
    );
}

//! The places issue's checks on the default corpus (`corpus/`): every place the articles name
//! lands where it is, and no outlet or organisation becomes a pin.

use std::path::Path;
use std::sync::OnceLock;

use dossier_build::compile_corpus;
use dossier_core::{Bundle, FacetKind, FacetValue, PlaceKind};
use dossier_geo::basemap::{self, Outline};
use dossier_geo::geoparse::distance_km;
use dossier_geo::project;

fn places() -> &'static [FacetValue] {
    static PLACES: OnceLock<Vec<FacetValue>> = OnceLock::new();
    PLACES.get_or_init(|| {
        let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus");
        let bytes = compile_corpus(&corpus)
            .expect("the default corpus compiles")
            .bundle;
        let bundle = Bundle::open(&bytes).expect("opens");
        bundle
            .facets()
            .iter()
            .filter(|value| value.kind == FacetKind::Place)
            .cloned()
            .collect()
    })
}

fn outlines() -> &'static [Outline] {
    static OUTLINES: OnceLock<Vec<Outline>> = OnceLock::new();
    OUTLINES.get_or_init(|| {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/geo/basemap.bin");
        let bytes = std::fs::read(&path).expect("the committed basemap");
        basemap::decode(&bytes).expect("decodes")
    })
}

fn place(name: &str) -> &'static FacetValue {
    places()
        .iter()
        .find(|value| value.name == name)
        .unwrap_or_else(|| {
            let names: Vec<&str> = places().iter().map(|v| v.name.as_str()).collect();
            panic!("no place named {name:?} among {names:?}")
        })
}

/// A point place within `km` of where it is.
fn assert_near(name: &str, lat: f64, lon: f64, km: f64) {
    let location = place(name).location.as_ref().expect("resolved");
    let off = distance_km(f64::from(location.lat), f64::from(location.lon), lat, lon);
    assert!(
        off <= km,
        "{name} is {off:.0} km from where it is ({location:?})"
    );
}

/// An area place whose point lies inside its outline (ISO code as in the basemap).
fn assert_inside(name: &str, kind: PlaceKind, code: &str) {
    let location = place(name).location.as_ref().expect("resolved");
    assert_eq!(location.kind, kind, "{name}: {location:?}");
    let outline = outlines()
        .iter()
        .find(|outline| outline.code == code)
        .unwrap_or_else(|| panic!("no outline {code}"));
    let point = project(f64::from(location.lat), f64::from(location.lon));
    assert!(
        outline.contains(point.x as f32, point.y as f32),
        "{name} at {location:?} is outside {code}"
    );
}

#[test]
fn cities_are_within_fifty_kilometres_of_where_they_are() {
    assert_near("Baghdad", 33.315, 44.366, 50.0);
    assert_near("Tehran", 35.689, 51.389, 50.0);
}

#[test]
fn countries_and_states_are_inside_their_outlines() {
    for (name, code) in [
        ("Iraq", "IQ"),
        ("Iran", "IR"),
        ("Syria", "SY"),
        ("Kuwait", "KW"),
        ("Lebanon", "LB"),
        ("Israel", "IL"),
        ("Russia", "RU"),
        ("United States", "US"),
    ] {
        assert_inside(name, PlaceKind::Country, code);
    }
    assert_inside("North Carolina", PlaceKind::State, "US-NC");
}

#[test]
fn outlets_and_organisations_put_no_pin_down() {
    for value in places() {
        let names = std::iter::once(&value.name).chain(&value.aliases);
        for name in names {
            for outlet in ["Washington Post", "Quds", "Hezbollah", "Reuters"] {
                assert!(
                    !name.contains(outlet),
                    "place {:?} comes from {outlet:?}",
                    value.name
                );
            }
        }
    }
}

#[test]
fn demonyms_count_toward_their_country() {
    let iran = place("Iran");
    assert!(
        iran.aliases.iter().any(|alias| alias == "Iranian"),
        "{iran:?}"
    );
}

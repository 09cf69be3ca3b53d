//! The committed `data/geo/` files (built by `cargo xtask gazetteer`) parse, and their markers
//! sit where the map draws their areas.

use std::io::Read;
use std::sync::OnceLock;

use dossier_geo::basemap::{self, Outline, OutlineKind};
use dossier_geo::{project, Gazetteer, PlaceEntry, PlaceKind};

struct Committed {
    gazetteer: Gazetteer,
    outlines: Vec<Outline>,
}

/// Parsed once for every test of this file (the gazetteer has some 185,000 entries).
fn committed() -> &'static Committed {
    static COMMITTED: OnceLock<Committed> = OnceLock::new();
    COMMITTED.get_or_init(|| {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/geo");
        let compressed = std::fs::read(format!("{dir}/gazetteer.tsv.gz")).unwrap();
        let mut text = String::new();
        flate2::read::GzDecoder::new(compressed.as_slice())
            .read_to_string(&mut text)
            .unwrap();
        assert!(
            text.starts_with("# Dossier gazetteer"),
            "the header comment"
        );
        let bytes = std::fs::read(format!("{dir}/basemap.bin")).unwrap();
        Committed {
            gazetteer: Gazetteer::parse(&text).unwrap(),
            outlines: basemap::decode(&bytes).unwrap(),
        }
    })
}

fn find(name: &str, kind: PlaceKind, country: &str) -> &'static PlaceEntry {
    let g = &committed().gazetteer;
    g.lookup(name)
        .iter()
        .map(|&id| g.entry(id))
        .find(|e| e.kind == kind && e.country == country)
        .unwrap_or_else(|| panic!("no {kind} {name:?} in {country}"))
}

fn outline(code: &str) -> &'static Outline {
    committed()
        .outlines
        .iter()
        .find(|o| o.code == code)
        .unwrap_or_else(|| panic!("no outline {code}"))
}

fn inside(entry: &PlaceEntry, outline: &Outline) -> bool {
    let p = project(entry.lat, entry.lon);
    outline.contains(p.x as f32, p.y as f32)
}

/// The country codes of the countries among `ids`.
fn countries(ids: &[u32]) -> Vec<String> {
    let g = &committed().gazetteer;
    ids.iter()
        .map(|&id| g.entry(id))
        .filter(|e| e.kind == PlaceKind::Country)
        .map(|e| e.country.clone())
        .collect()
}

#[test]
fn every_kind_of_place_is_there() {
    let entries = committed().gazetteer.entries();
    let count = |kind| entries.iter().filter(|e| e.kind == kind).count();
    assert_eq!(count(PlaceKind::Continent), 7);
    assert!(count(PlaceKind::Country) > 240);
    assert!(count(PlaceKind::State) > 3000, "US states and provinces");
    assert!(count(PlaceKind::County) > 3000);
    assert!(count(PlaceKind::City) > 150_000);
    assert!(count(PlaceKind::Airport) > 5000);
    assert!(count(PlaceKind::Region) > 20);
}

#[test]
fn baghdad_is_a_city_of_millions_in_iraq() {
    let baghdad = find("Baghdad", PlaceKind::City, "IQ");
    assert!(baghdad.population > 1_000_000);
    assert!(baghdad.names().any(|n| n == "Bagdad"));
}

#[test]
fn kuwait_and_north_carolina_are_inside_their_outlines() {
    assert!(inside(
        find("Kuwait", PlaceKind::Country, "KW"),
        outline("KW")
    ));
    assert!(inside(
        find("North Carolina", PlaceKind::State, "US"),
        outline("US-NC")
    ));
}

#[test]
fn every_country_and_us_state_with_an_outline_has_its_marker_inside_it() {
    let c = committed();
    for outline in &c.outlines {
        let (kind, country) = match outline.kind {
            OutlineKind::Country => (PlaceKind::Country, outline.code.as_str()),
            OutlineKind::State => (PlaceKind::State, "US"),
        };
        let entry = c
            .gazetteer
            .entries()
            .iter()
            .find(|e| e.kind == kind && e.country == country && e.name == outline.name)
            .unwrap_or_else(|| panic!("no entry for outline {}", outline.code));
        assert!(
            inside(entry, outline),
            "{} outside {}",
            entry.name,
            outline.code
        );
    }
}

#[test]
fn common_short_forms_and_demonyms_resolve() {
    let g = &committed().gazetteer;
    assert_eq!(countries(g.lookup("U.S.")), ["US"]);
    assert_eq!(countries(g.lookup("Britain")), ["GB"]);
    assert_eq!(countries(g.lookup_demonym("Iraqis")), ["IQ"]);
    assert_eq!(countries(g.lookup_demonym("British")), ["GB"]);
    assert!(g
        .lookup("Middle East")
        .iter()
        .any(|&id| g.entry(id).kind == PlaceKind::Region));
}

#[test]
fn former_states_resolve_to_the_country_that_holds_their_capital() {
    let g = &committed().gazetteer;
    assert_eq!(countries(g.lookup("Soviet Union")), ["RU"]);
    assert_eq!(countries(g.lookup("U.S.S.R.")), ["RU"]);
    assert_eq!(countries(g.lookup("West Germany")), ["DE"]);
    assert_eq!(countries(g.lookup("Zaire")), ["CD"]);
    assert_eq!(countries(g.lookup("Yugoslavia")), ["RS"]);
    assert_eq!(countries(g.lookup_demonym("Soviet")), ["RU"]);
    assert_eq!(countries(g.lookup_demonym("West German")), ["DE"]);
    // The Angolan province keeps its name beside the former country.
    assert!(g
        .lookup("Zaire")
        .iter()
        .any(|&id| g.entry(id).kind == PlaceKind::State && g.entry(id).country == "AO"));
}

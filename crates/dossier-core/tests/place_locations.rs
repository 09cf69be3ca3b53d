//! Places keep their resolved locations through the bundle, so the map needs nothing else.

use dossier_core::{
    write_bundle_with_entities, Bundle, CollectionInfo, Document, FacetKind, FacetValue, Location,
    PlaceKind,
};

fn doc(id: &str) -> Document {
    Document {
        id: id.into(),
        title: format!("Title {id}"),
        text: "Some text".into(),
        ..Default::default()
    }
}

fn place(name: &str, docs: &[u32], location: Option<Location>) -> FacetValue {
    FacetValue {
        kind: FacetKind::Place,
        name: name.into(),
        aliases: Vec::new(),
        mentions: docs.len() as u32,
        docs: docs.to_vec(),
        location,
    }
}

#[test]
fn resolved_places_carry_coordinates_and_unresolved_ones_stay_unplaced() {
    let kuwait = Location {
        lat: 29.5,
        lon: 47.75,
        kind: PlaceKind::Country,
        country: "KW".into(),
        geonameid: Some(285570),
    };
    let entities = vec![
        place("Kuwait", &[1], Some(kuwait.clone())),
        place("Nowhere Springs", &[0, 1], None),
    ];
    let bytes = write_bundle_with_entities(
        &CollectionInfo::default(),
        &[doc("b"), doc("a")],
        &entities,
        &[],
    )
    .unwrap();
    let bundle = Bundle::open(&bytes).unwrap();
    let places: Vec<&FacetValue> = bundle
        .facets()
        .iter()
        .filter(|value| value.kind == FacetKind::Place)
        .collect();
    assert_eq!(places.len(), 2);
    assert_eq!(places[0].name, "Kuwait");
    assert_eq!(places[0].location, Some(kuwait));
    // Input document 1 is "a", the first in bundle order.
    assert_eq!(places[0].docs, vec![0]);
    assert_eq!(places[1].location, None);
}

#[test]
fn only_places_keep_a_location() {
    let mut person = place("Someone", &[0], None);
    person.kind = FacetKind::Person;
    person.location = Some(Location {
        lat: 0.0,
        lon: 0.0,
        kind: PlaceKind::City,
        country: String::new(),
        geonameid: None,
    });
    let bytes = write_bundle_with_entities(&CollectionInfo::default(), &[doc("a")], &[person], &[])
        .unwrap();
    let bundle = Bundle::open(&bytes).unwrap();
    assert_eq!(bundle.facets()[0].location, None);
}

#[test]
fn mentions_come_back_per_document_by_start_without_overlaps() {
    use dossier_core::EntityMention;
    let entities = vec![place("Kuwait", &[1], None), place("Iraq", &[1], None)];
    let mention = |name: &str, start: u32, end: u32| EntityMention {
        doc: 1,
        kind: FacetKind::Place,
        name: name.into(),
        start,
        end,
    };
    let mentions = vec![
        mention("Kuwait", 20, 26),
        mention("Iraq", 3, 7),
        mention("Iraq", 5, 9),
        mention("Nowhere", 30, 37),
    ];
    let bytes = write_bundle_with_entities(
        &CollectionInfo::default(),
        &[doc("b"), doc("a")],
        &entities,
        &mentions,
    )
    .unwrap();
    let bundle = Bundle::open(&bytes).unwrap();
    let names: Vec<(&str, u32, u32)> = bundle
        .mentions(0)
        .unwrap()
        .iter()
        .map(|m| {
            (
                bundle.facets()[m.value as usize].name.as_str(),
                m.start,
                m.end,
            )
        })
        .collect();
    assert_eq!(names, [("Iraq", 3, 7), ("Kuwait", 20, 26)]);
    assert!(bundle.mentions(1).unwrap().is_empty());
    assert!(bundle.mentions(2).is_err());
}

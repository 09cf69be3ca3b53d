//! The committed model (`data/ner/model.bin`) loads and finds people, places and
//! organisations in text written for this test. See: data/ner/PROVENANCE.md.

use dossier_ner::{Entity, EntityKind, Model};

fn committed_model() -> Model {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/ner/model.bin");
    let bytes = std::fs::read(path)
        .expect("data/ner/model.bin is committed; `cargo xtask train-ner` rebuilds it");
    Model::from_bytes(&bytes).expect("the committed model is in the current format")
}

fn found(entities: &[Entity]) -> Vec<(EntityKind, &str)> {
    entities.iter().map(|e| (e.kind, e.text.as_str())).collect()
}

#[test]
fn finds_a_person_and_a_place() {
    let model = committed_model();
    let entities =
        model.recognise("Jacinda Ardern flew to Copenhagen on Tuesday to meet Danish officials.");
    let found = found(&entities);
    assert!(
        found.contains(&(EntityKind::Person, "Jacinda Ardern")),
        "{found:?}"
    );
    assert!(
        found.contains(&(EntityKind::Location, "Copenhagen")),
        "{found:?}"
    );
}

#[test]
fn offsets_are_code_points_in_raw_text_with_typographic_quotes() {
    let model = committed_model();
    let text =
        "“We will rebuild,” said Zoë Moreau, the mayor of Zürich’s twin town, after talks in Oslo.";
    let entities = model.recognise(text);
    let chars: Vec<char> = text.chars().collect();
    for entity in &entities {
        let slice: String = chars[entity.start..entity.end].iter().collect();
        assert_eq!(slice, entity.text);
    }
    let spans: Vec<(EntityKind, usize, usize)> =
        entities.iter().map(|e| (e.kind, e.start, e.end)).collect();
    assert!(
        spans.contains(&(EntityKind::Person, 24, 34)),
        "{entities:?}"
    );
    assert!(
        spans.contains(&(EntityKind::Location, 49, 55)),
        "`Zürich` without its `’s`: {entities:?}"
    );
    assert!(
        spans.contains(&(EntityKind::Location, 84, 88)),
        "{entities:?}"
    );
}

#[test]
fn finds_an_organisation_by_its_full_name() {
    let model = committed_model();
    let entities = model.recognise(
        "The World Health Organization sent doctors to Lagos, where Amina Okafor runs a clinic.",
    );
    assert_eq!(
        found(&entities),
        [
            (EntityKind::Organisation, "World Health Organization"),
            (EntityKind::Location, "Lagos"),
            (EntityKind::Person, "Amina Okafor"),
        ]
    );
}

#[test]
fn a_title_case_headline_is_not_one_long_name() {
    let model = committed_model();
    let text = "Jacinda Ardern Arrives In Copenhagen For Climate Talks\n\
                Jacinda Ardern landed in the Danish capital on Monday for two days of talks.";
    let entities = model.recognise(text);
    let spans: Vec<(EntityKind, usize, usize)> =
        entities.iter().map(|e| (e.kind, e.start, e.end)).collect();
    assert!(spans.contains(&(EntityKind::Person, 0, 14)), "{entities:?}");
    assert!(
        spans.contains(&(EntityKind::Location, 26, 36)),
        "{entities:?}"
    );
    for entity in &entities {
        assert!(
            !entity.text.contains("Arrives") && !entity.text.contains("Talks"),
            "{entities:?}"
        );
    }
}

#[test]
fn text_without_names_has_no_entities() {
    let model = committed_model();
    assert!(model.recognise("").is_empty());
    assert!(model
        .recognise("it rained all day and the roads were closed.")
        .is_empty());
}

//! Curation rules in `dossier.toml`: each changes what it says, the report says what it
//! changed, and a rule that matches nothing stops the build at its line.

use std::path::Path;

use dossier_build::{compile_corpus, BuildError, CompiledCorpus, ConfigError};
use dossier_core::{Bundle, FacetKind, FacetValue};

const ARTICLES: [(&str, &str); 3] = [
    (
        "one.md",
        "# Talks in Geneva\n\nDefense Secretary Mark Esper met John Smith of the World Health Organization (WHO) in Geneva. The militia leaders stayed away.\n",
    ),
    (
        "two.md",
        "# Markets\n\nMark Esper spoke to reporters in Paris. The WHO did not comment.\n",
    ),
    (
        "three.md",
        "# Weather\n\nRain fell in London on Tuesday, and John Smith went home.\n",
    ),
];

fn compile(rules: &str) -> Result<CompiledCorpus, BuildError> {
    let dir = tempfile::tempdir().expect("temp dir");
    for (name, text) in ARTICLES {
        std::fs::write(dir.path().join(name), text).expect("write article");
    }
    std::fs::write(
        dir.path().join("dossier.toml"),
        format!("title = \"Test\"\n{rules}"),
    )
    .expect("write settings");
    compile_corpus(dir.path())
}

fn values(compiled: &CompiledCorpus) -> Vec<FacetValue> {
    Bundle::open(&compiled.bundle)
        .expect("opens")
        .facets()
        .to_vec()
}

fn find<'v>(values: &'v [FacetValue], kind: FacetKind, name: &str) -> Option<&'v FacetValue> {
    values.iter().find(|v| v.kind == kind && v.name == name)
}

#[test]
fn rename_gives_an_entity_a_new_name_and_kind_and_keeps_the_old_as_an_alias() {
    let compiled =
        compile("[[rename]]\nfrom = \"Mark Esper\"\nto = \"Secretary Esper\"\nto_kind = \"org\"\n")
            .expect("builds");
    let values = values(&compiled);
    let renamed = find(&values, FacetKind::Organization, "Secretary Esper").expect("renamed");
    assert_eq!(renamed.docs.len(), 2);
    assert!(renamed.aliases.iter().any(|a| a == "Mark Esper"));
    assert!(find(&values, FacetKind::Person, "Mark Esper").is_none());
    assert!(
        compiled.report.curation[0]
            .contains(":2: rename \"Mark Esper\" → \"Secretary Esper\": 1 entity"),
        "{:?}",
        compiled.report.curation
    );
}

#[test]
fn merge_makes_several_entities_one() {
    let compiled = compile("[[merge]]\ninto = \"Europe's cities\"\nnames = [\"Geneva\", \"Paris\"]\nkind = \"place\"\n")
        .expect("builds");
    let values = values(&compiled);
    let merged = find(&values, FacetKind::Place, "Europe's cities").expect("merged");
    assert_eq!(merged.docs.len(), 2);
    assert!(find(&values, FacetKind::Place, "Paris").is_none());
    assert!(find(&values, FacetKind::Place, "London").is_some());
}

#[test]
fn hide_removes_an_entity_and_its_mentions() {
    let compiled = compile("[[hide]]\nname = \"London\"\n").expect("builds");
    let values = values(&compiled);
    assert!(find(&values, FacetKind::Place, "London").is_none());
    let bundle = Bundle::open(&compiled.bundle).expect("opens");
    for doc in 0..bundle.doc_count() {
        for mention in bundle.mentions(doc).expect("mentions") {
            assert_ne!(bundle.facets()[mention.value as usize].name, "London");
        }
    }
}

#[test]
fn split_moves_some_spellings_to_a_new_entity() {
    // "World Health Organization (WHO)" makes WHO an alias; the curator says the bare "WHO"
    // of the second article is another entity.
    let compiled = compile(
        "[[split]]\nname = \"World Health Organization\"\naliases = [\"WHO\"]\ninto = \"The Who\"\n",
    )
    .expect("builds");
    let values = values(&compiled);
    let split = values
        .iter()
        .find(|v| v.name == "The Who")
        .expect("split off");
    assert!(!split.docs.is_empty());
    let kept = values
        .iter()
        .find(|v| v.name == "World Health Organization")
        .expect("the rest stays");
    assert_eq!(kept.docs.len(), 1);
}

#[test]
fn tag_rules_tag_documents_by_words_and_by_entities() {
    let compiled = compile(
        "[[tag]]\ntag = \"Militias\"\nwords = [\"militia leaders\"]\n\n[[tag]]\ntag = \"Esper\"\nentities = [\"person=Mark Esper\"]\n",
    )
    .expect("builds");
    let values = values(&compiled);
    assert_eq!(
        find(&values, FacetKind::Tag, "Militias").map(|v| v.docs.len()),
        Some(1)
    );
    assert_eq!(
        find(&values, FacetKind::Tag, "Esper").map(|v| v.docs.len()),
        Some(2)
    );
    assert_eq!(
        compiled.report.curation.len(),
        2,
        "{:?}",
        compiled.report.curation
    );
}

#[test]
fn a_rule_that_matches_nothing_stops_the_build_at_its_line() {
    let error = compile("\n\n[[hide]]\nname = \"Atlantis\"\n").expect_err("rejected");
    match error {
        BuildError::Config(ConfigError::Invalid {
            path,
            line,
            message,
            ..
        }) => {
            assert!(Path::new(&path).ends_with("dossier.toml"), "{path}");
            assert_eq!(line, 4);
            assert!(
                message.contains("hide \"Atlantis\" matches nothing"),
                "{message}"
            );
        }
        other => panic!("expected a config error, got {other:?}"),
    }
}

#[test]
fn a_misspelt_setting_is_an_error_not_ignored() {
    let error =
        compile("[[rename]]\nfrom = \"Mark Esper\"\nnew_name = \"X\"\n").expect_err("rejected");
    assert!(error.to_string().contains("dossier.toml:"), "{error}");
}

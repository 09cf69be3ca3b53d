//! Entities: the people, organisations, places and sources a corpus mentions, recognised at
//! build time and merged across spellings into facet values.
//!
//! 1. Each document (title and text together, so the tagger sees the whole context) goes
//!    through the named-entity model (`dossier-ner`), and through [`sources`] for the outlets
//!    it cites.
//! 2. Names are made canonical ([`names`]): titles and ranks off people, "the" and
//!    possessives off everything.
//! 3. Mentions merge: a cited source wins over an organisation or place at the same span, and
//!    a name cited as a source anywhere is a source everywhere; an acronym defined in a text
//!    ("Long Name (LN)") is the long name; a lone surname after a full name in the same
//!    document is that person, and elsewhere too when only one known person has it; names
//!    whose words share conflation keys are one entity (`Qassem` = `Qasem`).
//! 4. Each entity takes the kind most of its mentions have, and its most frequent spelling as
//!    its name; the other spellings are its aliases.

pub mod names;
pub mod sources;

use std::collections::{BTreeMap, BTreeSet, HashMap};

use dossier_core::{Document, FacetKind, FacetValue};
use dossier_ner::{EntityKind, Model};

use names::{is_acronym_of, name_key, person_name, proper_name};
use sources::cited_sources;

/// The named-entity model, trained by `cargo xtask train-ner` (see data/ner/PROVENANCE.md).
static MODEL_BYTES: &[u8] = include_bytes!("../../../../data/ner/model.bin");

/// Loads the model compiled into this crate.
pub fn model() -> Result<Model, dossier_ner::Error> {
    Model::from_bytes(MODEL_BYTES)
}

/// One mention, made canonical.
#[derive(Debug, Clone)]
struct Mention {
    doc: usize,
    kind: FacetKind,
    /// The name after merging (an acronym's long form, a surname's full name).
    name: String,
    /// The canonical name as written here: an alias of the entity when it differs.
    written: String,
    start: usize,
    end: usize,
}

/// The entities of `documents` as facet values whose `docs` index into `documents`.
pub fn extract_entities(model: &Model, documents: &[Document]) -> Vec<FacetValue> {
    let mut mentions: Vec<Mention> = Vec::new();
    let mut acronyms: HashMap<String, String> = HashMap::new();
    for (doc, document) in documents.iter().enumerate() {
        let text = format!("{}\n\n{}", document.title, document.text);
        let found = document_mentions(model, doc, &text);
        find_acronyms(&text, &found, &mut acronyms);
        mentions.extend(found);
    }
    apply_acronyms(&mut mentions, &acronyms);
    cited_everywhere(&mut mentions);
    resolve_short_names(&mut mentions);
    group(mentions)
}

fn document_mentions(model: &Model, doc: usize, text: &str) -> Vec<Mention> {
    let cited = cited_sources(text);
    let mut mentions: Vec<Mention> = cited
        .iter()
        .filter_map(|source| {
            let name = proper_name(&source.name)?;
            Some(Mention {
                doc,
                kind: FacetKind::Source,
                written: name.clone(),
                name,
                start: source.start,
                end: source.end,
            })
        })
        .collect();
    let credits = sources::credit_spans(text);
    for entity in model.recognise(text) {
        // Bracketed photo credits are bylines, not mentions; their outlets are already sources.
        if credits
            .iter()
            .any(|&(start, end)| entity.start < end && start < entity.end)
        {
            continue;
        }
        let overlaps_source = cited
            .iter()
            .any(|s| entity.start < s.end && s.start < entity.end);
        let (kind, name) = match entity.kind {
            EntityKind::Person => (FacetKind::Person, person_name(&entity.text)),
            EntityKind::Organisation if !overlaps_source => {
                (FacetKind::Organization, proper_name(&entity.text))
            }
            EntityKind::Location if !overlaps_source => {
                (FacetKind::Place, proper_name(&entity.text))
            }
            _ => continue,
        };
        if kind == FacetKind::Person && overlaps_source {
            // A photographer in a credit, or a person cited: the person, not a source.
            mentions.retain(|m| {
                !(m.kind == FacetKind::Source && m.start < entity.end && entity.start < m.end)
            });
        }
        if let Some(name) = name {
            mentions.push(Mention {
                doc,
                kind,
                written: name.clone(),
                name,
                start: entity.start,
                end: entity.end,
            });
        }
    }
    mentions
}

/// "Long Name (LN)": LN stands for Long Name wherever it appears in the corpus.
fn find_acronyms(text: &str, mentions: &[Mention], acronyms: &mut HashMap<String, String>) {
    let chars: Vec<char> = text.chars().collect();
    for mention in mentions.iter().filter(|m| m.kind != FacetKind::Person) {
        let after: String = chars[mention.end..].iter().take(16).collect();
        let Some(inside) = after
            .strip_prefix(" (")
            .and_then(|rest| rest.split(')').next())
        else {
            continue;
        };
        if is_acronym_of(inside, &mention.name) {
            acronyms
                .entry(inside.to_owned())
                .or_insert_with(|| mention.name.clone());
        }
    }
}

fn apply_acronyms(mentions: &mut [Mention], acronyms: &HashMap<String, String>) {
    for mention in mentions.iter_mut().filter(|m| m.kind != FacetKind::Person) {
        if let Some(long) = acronyms.get(&mention.name) {
            mention.name = long.clone();
        }
    }
}

/// A name cited as a source anywhere is a source wherever it is an organisation or a place.
fn cited_everywhere(mentions: &mut [Mention]) {
    let sources: BTreeSet<String> = mentions
        .iter()
        .filter(|m| m.kind == FacetKind::Source)
        .map(|m| name_key(&m.name))
        .collect();
    for mention in mentions.iter_mut() {
        if matches!(mention.kind, FacetKind::Organization | FacetKind::Place)
            && sources.contains(&name_key(&mention.name))
        {
            mention.kind = FacetKind::Source;
        }
    }
}

/// A short person name that is the first or last words of a longer one ("Esper" of "Mark
/// Esper", "Abu Mahdi" of "Abu Mahdi al-Muhandis") is that person: the longer name in the
/// same document if there is one, else the only longer name in the corpus it fits.
fn resolve_short_names(mentions: &mut [Mention]) {
    let words = |name: &str| -> Vec<String> {
        name.split_whitespace()
            .map(name_key)
            .filter(|w| !w.is_empty())
            .collect()
    };
    let fits = |short: &[String], long: &[String]| {
        short.len() < long.len() && (long.starts_with(short) || long.ends_with(short))
    };
    let people: Vec<(usize, String, Vec<String>)> = mentions
        .iter()
        .filter(|m| m.kind == FacetKind::Person)
        .map(|m| (m.doc, m.name.clone(), words(&m.name)))
        .collect();
    for mention in mentions.iter_mut().filter(|m| m.kind == FacetKind::Person) {
        let short = words(&mention.name);
        if short.is_empty() {
            continue;
        }
        let longest = |candidates: Vec<&(usize, String, Vec<String>)>| {
            candidates
                .into_iter()
                .max_by_key(|(_, name, w)| (w.len(), name.len()))
                .map(|(_, name, _)| name.clone())
        };
        let in_document: Vec<_> = people
            .iter()
            .filter(|(doc, _, long)| *doc == mention.doc && fits(&short, long))
            .collect();
        if let Some(full) = longest(in_document) {
            mention.name = full;
            continue;
        }
        let in_corpus: Vec<_> = people
            .iter()
            .filter(|(_, _, long)| fits(&short, long))
            .collect();
        let distinct: BTreeSet<String> = in_corpus
            .iter()
            .map(|(_, name, _)| name_key(name))
            .collect();
        // Only one longer name it could be (its spellings aside), and that one is not itself
        // the short part of an even longer name.
        if distinct.len() == 1 {
            if let Some(full) = longest(in_corpus) {
                mention.name = full;
            }
        }
    }
}

fn group(mentions: Vec<Mention>) -> Vec<FacetValue> {
    struct Group {
        kinds: BTreeMap<FacetKind, u32>,
        spellings: BTreeMap<String, u32>,
        written: BTreeSet<String>,
        docs: BTreeSet<u32>,
        mentions: u32,
    }
    let mut groups: BTreeMap<String, Group> = BTreeMap::new();
    for mention in mentions {
        let group = groups
            .entry(name_key(&mention.name))
            .or_insert_with(|| Group {
                kinds: BTreeMap::new(),
                spellings: BTreeMap::new(),
                written: BTreeSet::new(),
                docs: BTreeSet::new(),
                mentions: 0,
            });
        group.written.insert(mention.written);
        *group.kinds.entry(mention.kind).or_default() += 1;
        *group.spellings.entry(mention.name).or_default() += 1;
        group.docs.insert(mention.doc as u32);
        group.mentions += 1;
    }
    groups
        .into_values()
        .filter_map(|group| {
            // A source is a source however else it was tagged; otherwise the majority kind.
            let kind = if group.kinds.contains_key(&FacetKind::Source) {
                FacetKind::Source
            } else {
                group
                    .kinds
                    .iter()
                    .max_by_key(|(kind, count)| (**count, std::cmp::Reverse(**kind)))
                    .map(|(kind, _)| *kind)?
            };
            let mut spellings: Vec<(String, u32)> = group.spellings.into_iter().collect();
            spellings.sort_by(|a, b| {
                b.1.cmp(&a.1)
                    .then(b.0.len().cmp(&a.0.len()))
                    .then_with(|| a.0.cmp(&b.0))
            });
            let name = spellings.first()?.0.clone();
            let aliases = spellings
                .into_iter()
                .map(|(spelling, _)| spelling)
                .chain(group.written)
                .filter(|alias| *alias != name)
                .collect::<BTreeSet<_>>()
                .into_iter()
                .collect();
            Some(FacetValue {
                kind,
                name,
                aliases,
                mentions: group.mentions,
                docs: group.docs.into_iter().collect(),
                location: None,
            })
        })
        .collect()
}

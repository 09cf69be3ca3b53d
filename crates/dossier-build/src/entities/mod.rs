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
pub mod places;
pub mod sources;
pub mod spans;

use std::collections::{BTreeMap, BTreeSet, HashMap};

use dossier_core::{Document, EntityMention, FacetKind, FacetValue, Location};
use dossier_geo::gazetteer::EntryId;
use dossier_geo::geoparse::is_seat_of_power;
use dossier_geo::{Gazetteer, PlaceMention};
use dossier_ner::{Entity, EntityKind, Model};

use crate::curation::{RuleError, RuleOutcome, Rules, SplitRule};
use names::{is_acronym_of, name_key, person_name, proper_name};
use sources::{cited_sources, CitedSource};

/// The named-entity model, trained by `cargo xtask train-ner` (see data/ner/PROVENANCE.md).
static MODEL_BYTES: &[u8] = include_bytes!("../../../../data/ner/model.bin");

/// Loads the model compiled into this crate.
pub fn model() -> Result<Model, dossier_ner::Error> {
    Model::from_bytes(MODEL_BYTES)
}

/// What recognition needs: the tagger's model and the geoparser's gazetteer, loaded once.
pub struct Recognisers {
    pub model: Model,
    pub gazetteer: Gazetteer,
}

#[derive(Debug, thiserror::Error)]
pub enum RecognisersError {
    #[error("the named-entity model in data/ner/model.bin cannot be read: {0}")]
    Model(#[from] dossier_ner::Error),
    #[error(transparent)]
    Gazetteer(#[from] places::GazetteerLoadError),
}

/// Loads the model and the gazetteer compiled into this crate.
pub fn recognisers() -> Result<Recognisers, RecognisersError> {
    Ok(Recognisers {
        model: model()?,
        gazetteer: places::gazetteer()?,
    })
}

/// What the tagger and the geoparser find in each text, read as one corpus (the geoparser's
/// country prior is the corpus's). Cited sources and photo credits never become places.
pub fn recognise_corpus(recognisers: &Recognisers, texts: &[&str]) -> Vec<Recognised> {
    let tagged: Vec<Vec<Entity>> = texts
        .iter()
        .map(|text| recognisers.model.recognise(text))
        .collect();
    let blocked: Vec<Vec<(usize, usize)>> = texts.iter().map(|text| not_places(text)).collect();
    let inputs: Vec<places::TaggedText<'_>> = texts
        .iter()
        .zip(&tagged)
        .zip(&blocked)
        .map(|((text, entities), not_places)| places::TaggedText {
            text,
            entities,
            not_places,
        })
        .collect();
    let places = places::find_corpus_places(&recognisers.gazetteer, &inputs);
    tagged
        .into_iter()
        .zip(places)
        .map(|(entities, places)| Recognised { entities, places })
        .collect()
}

/// One text's named entities (from the tagger) and places (from the geoparser).
pub struct Recognised {
    pub entities: Vec<Entity>,
    pub places: Vec<PlaceMention>,
}

/// Spans that are no place whatever the tagger says: cited sources and photo credits.
fn not_places(text: &str) -> Vec<(usize, usize)> {
    cited_sources(text)
        .iter()
        .map(|source| (source.start, source.end))
        .chain(sources::credit_spans(text))
        .collect()
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
    /// For a place: the gazetteer entry the geoparser resolved it to.
    place: Option<EntryId>,
}

impl Mention {
    /// A mention of a name as written here, not a resolved place.
    fn named(doc: usize, kind: FacetKind, name: String, start: usize, end: usize) -> Mention {
        Mention {
            doc,
            kind,
            written: name.clone(),
            name,
            start,
            end,
            place: None,
        }
    }
}

/// What recognition found in a corpus: the entities as facet values whose `docs` index into
/// the documents, and where each is mentioned in each text.
#[derive(Debug, Default)]
pub struct Entities {
    pub values: Vec<FacetValue>,
    pub mentions: Vec<EntityMention>,
}

/// The entities of `documents` and their mentions, without curation.
pub fn extract_entities(recognisers: &Recognisers, documents: &[Document]) -> Entities {
    // No rules cannot fail.
    extract_curated_entities(recognisers, documents, &Rules::default())
        .map(|(entities, _)| entities)
        .unwrap_or_default()
}

/// The entities of `documents` and their mentions, with a curator's rules applied, and
/// what each rule changed.
pub fn extract_curated_entities(
    recognisers: &Recognisers,
    documents: &[Document],
    rules: &Rules,
) -> Result<(Entities, Vec<RuleOutcome>), RuleError> {
    let mut mentions: Vec<Mention> = Vec::new();
    let mut acronyms: HashMap<String, String> = HashMap::new();
    let texts: Vec<String> = documents
        .iter()
        .map(|document| format!("{}{TITLE_SEPARATOR}{}", document.title, document.text))
        .collect();
    let text_refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    let recognised = recognise_corpus(recognisers, &text_refs);
    let cited: Vec<Vec<CitedSource>> = texts.iter().map(|text| cited_sources(text)).collect();
    // Every name cited as a source somewhere: what the part after a photo credit's slash
    // must be for the span to split into a photographer and an agency.
    let known_sources: BTreeSet<String> = cited
        .iter()
        .flatten()
        .map(|source| name_key(&source.name))
        .collect();
    for (doc, ((text, recognised), cited)) in texts.iter().zip(recognised).zip(&cited).enumerate() {
        let found = document_mentions(
            doc,
            text,
            cited,
            recognised,
            &recognisers.gazetteer,
            &known_sources,
        );
        find_acronyms(text, &found, &mut acronyms);
        mentions.extend(found);
    }
    apply_acronyms(&mut mentions, &acronyms);
    cited_everywhere(&mut mentions);
    titled_people(&mut mentions);
    resolve_short_names(&mut mentions);
    let mut outcomes = apply_splits(&mut mentions, &rules.splits()?)?;
    let (mut values, mut names) = group(&mentions, &recognisers.gazetteer);
    let (moves, more) = rules.apply_to_entities(&mut values)?;
    outcomes.extend(more);
    names.retain(|_, name| match moves.get(name) {
        Some(Some(moved)) => {
            *name = moved.clone();
            true
        }
        Some(None) => false,
        None => true,
    });
    let mentions = mentions
        .iter()
        .filter_map(|mention| {
            // Recognition reads the title and text together; the reading view marks the text.
            let title = documents.get(mention.doc)?.title.chars().count() + TITLE_SEPARATOR.len();
            let (kind, name) = names.get(&group_key(mention))?.clone();
            Some(EntityMention {
                doc: mention.doc as u32,
                kind,
                name,
                start: u32::try_from(mention.start.checked_sub(title)?).ok()?,
                end: u32::try_from(mention.end.checked_sub(title)?).ok()?,
            })
        })
        .collect();
    Ok((Entities { values, mentions }, outcomes))
}

/// `[[split]]`: mentions of an entity written as one of the rule's spellings become the
/// rule's new entity (no longer tied to a gazetteer place).
fn apply_splits(
    mentions: &mut [Mention],
    rules: &[SplitRule],
) -> Result<Vec<RuleOutcome>, RuleError> {
    let mut outcomes = Vec::new();
    for rule in rules {
        let mut docs = BTreeSet::new();
        let mut count = 0;
        for mention in mentions.iter_mut().filter(|m| {
            rule.kind.is_none_or(|k| k == m.kind)
                && name_key(&m.name) == rule.name
                && rule.aliases.contains(&name_key(&m.written))
        }) {
            mention.name = rule.into.clone();
            mention.place = None;
            docs.insert(mention.doc);
            count += 1;
        }
        if count == 0 {
            return Err(RuleError {
                offset: rule.offset,
                message: format!(
                    "split into {:?} matches nothing; remove the rule or fix its names",
                    rule.into
                ),
            });
        }
        outcomes.push(RuleOutcome {
            offset: rule.offset,
            message: format!(
                "split {:?} from its entity: {count} mentions in {} documents",
                rule.into,
                docs.len()
            ),
        });
    }
    Ok(outcomes)
}

/// Between the title and the text when both are read as one (ASCII, so its length in code
/// points is its length in bytes).
const TITLE_SEPARATOR: &str = "\n\n";

/// The mentions of one document: its `text`, the sources it cites (`cited_sources`), what
/// the tagger and the geoparser found in it.
fn document_mentions(
    doc: usize,
    text: &str,
    cited: &[CitedSource],
    recognised: Recognised,
    gazetteer: &Gazetteer,
    known_sources: &BTreeSet<String>,
) -> Vec<Mention> {
    let Recognised { entities, places } = recognised;
    let mut mentions: Vec<Mention> = cited
        .iter()
        .filter_map(|source| {
            let name = proper_name(&source.name)?;
            Some(Mention::named(
                doc,
                FacetKind::Source,
                name,
                source.start,
                source.end,
            ))
        })
        .collect();
    let credits = sources::credit_spans(text);
    // The photographer of a bracketed credit is a person the reader may look for; the
    // agencies after the slash are sources already (above).
    for (start, end, written) in sources::credit_photographers(text) {
        if known_sources.contains(&name_key(&written)) {
            continue;
        }
        if let Some(name) = person_name(&written) {
            mentions.push(Mention::named(doc, FacetKind::Person, name, start, end));
        }
    }
    for place in places {
        let entry = place.entry.map(|id| gazetteer.entry(id));
        let Some(written) = proper_name(&place.text) else {
            continue;
        };
        mentions.push(Mention {
            doc,
            kind: FacetKind::Place,
            name: entry.map_or_else(|| written.clone(), |entry| entry.name.clone()),
            written,
            start: place.start,
            end: place.end,
            place: place.entry,
        });
    }
    let place_spans: Vec<(usize, usize)> = mentions
        .iter()
        .filter(|m| m.kind == FacetKind::Place)
        .map(|m| (m.start, m.end))
        .collect();
    for entity in entities {
        // The geoparser took this very span for a place ("Baghdad International Airport",
        // a country acting), or a place's name holds it (the tagger's "United" of "United
        // States" wrapped across a line): it is not also an organisation or a person.
        if place_spans
            .iter()
            .any(|&(start, end)| start <= entity.start && entity.end <= end)
        {
            continue;
        }
        // Bracketed photo credits are bylines, not mentions; their outlets are already sources.
        if credits
            .iter()
            .any(|&(start, end)| entity.start < end && start < entity.end)
        {
            continue;
        }
        // Brackets and quotes the tagger swallowed are not part of the name.
        let Some((start, end, text)) = spans::trim_span(&entity.text, entity.start) else {
            continue;
        };
        if matches!(entity.kind, EntityKind::Person | EntityKind::Organisation) {
            if let Some(split) = photo_credit(doc, start, &text, known_sources) {
                mentions.extend(split);
                continue;
            }
        }
        let (start, end, text) = match entity.kind {
            EntityKind::Organisation => match spans::organisation_span(&text, start, gazetteer) {
                spans::OrganisationSpan::Organisation(start, end, text) => (start, end, text),
                spans::OrganisationSpan::None => continue,
                // A country acting ("U.S." said) that the geoparser left to the tagger: the
                // country, as the geoparser would have resolved it.
                spans::OrganisationSpan::Country(entry) => {
                    if let Some(written) = proper_name(&text) {
                        mentions.push(Mention {
                            doc,
                            kind: FacetKind::Place,
                            name: gazetteer.entry(entry).name.clone(),
                            written,
                            start,
                            end,
                            place: Some(entry),
                        });
                    }
                    continue;
                }
            },
            _ => (start, end, text),
        };
        let overlaps_source = cited.iter().any(|s| start < s.end && s.start < end);
        let (kind, name) = match entity.kind {
            EntityKind::Person => (FacetKind::Person, person_name(&text)),
            EntityKind::Organisation if !overlaps_source => {
                (FacetKind::Organization, proper_name(&text))
            }
            // The geoparser leaves "the White House" and "the Kremlin" to the institutions
            // inside them.
            EntityKind::Location if !overlaps_source && is_seat_of_power(&text) => {
                (FacetKind::Organization, proper_name(&text))
            }
            // Places come from the geoparser above, which starts from these spans.
            _ => continue,
        };
        if kind == FacetKind::Person && overlaps_source {
            // A photographer in a credit, or a person cited: the person, not a source.
            mentions.retain(|m| !(m.kind == FacetKind::Source && m.start < end && start < m.end));
        }
        if let Some(name) = name {
            mentions.push(Mention::named(doc, kind, name, start, end));
        }
    }
    mentions
}

/// A photo credit outside brackets run into one tagged span, "Name/Agency" or "Name /
/// Agency": a person (the name) and a source for each part after a slash, when each of those
/// parts is cited as a source in the corpus. `None` for any other span ("AC/DC").
fn photo_credit(
    doc: usize,
    start: usize,
    text: &str,
    known_sources: &BTreeSet<String>,
) -> Option<Vec<Mention>> {
    let parts = spans::slash_parts(text, start)?;
    let (photographer, agencies) = parts.split_first()?;
    let is_source = |name: &str| known_sources.contains(&name_key(name));
    if agencies.is_empty() || !agencies.iter().all(|(_, _, name)| is_source(name)) {
        return None;
    }
    let mention = |kind, name, start, end| Mention::named(doc, kind, name, start, end);
    let mut found: Vec<Mention> = agencies
        .iter()
        .filter_map(|(start, end, name)| {
            Some(mention(FacetKind::Source, proper_name(name)?, *start, *end))
        })
        .collect();
    let (start, end, name) = photographer;
    // A first part that is itself an outlet ("AFP/Agency") is a second source.
    if is_source(name) {
        found.extend(proper_name(name).map(|n| mention(FacetKind::Source, n, *start, *end)));
    } else if let Some(person) = person_name(name) {
        found.push(mention(FacetKind::Person, person, *start, *end));
    }
    Some(found)
}

/// An organisation written as a title and a name ("General Ana", "Minister Lopes") is a
/// person, when the name without its titles is a person's name in the same document, or its
/// first or last words; the surname and first-name merging then makes it that person.
/// Titles alone cannot decide: "General Motors" and "First Example Bank" begin with words
/// that are also titles. Nor can a person anywhere in the corpus: somewhere the tagger took
/// "Department" or "Motors Corp" for a person.
fn titled_people(mentions: &mut [Mention]) {
    let words = |name: &str| -> Vec<String> {
        name.split_whitespace()
            .map(name_key)
            .filter(|w| !w.is_empty())
            .collect()
    };
    let people: BTreeSet<(usize, Vec<String>)> = mentions
        .iter()
        .filter(|m| m.kind == FacetKind::Person)
        .map(|m| (m.doc, words(&m.name)))
        .filter(|(_, w)| !w.is_empty())
        .collect();
    for mention in mentions
        .iter_mut()
        .filter(|m| m.kind == FacetKind::Organization)
    {
        let Some(name) = person_name(&mention.written) else {
            continue;
        };
        let short = words(&name);
        let titled = short.len() < words(&mention.written).len();
        let capitalised = name
            .split_whitespace()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase) || spans::is_particle(w));
        let known = !short.is_empty()
            && people.iter().any(|(doc, long)| {
                // A full name: a one-word "person" may be the tagger's mistake.
                *doc == mention.doc
                    && long.len() >= 2
                    && long.len() >= short.len()
                    && (long.starts_with(&short) || long.ends_with(&short))
            });
        if titled && capitalised && known {
            mention.kind = FacetKind::Person;
            mention.written = name.clone();
            mention.name = name;
        }
    }
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

/// The key mentions of one entity share. A resolved place is its gazetteer entry, whatever
/// it was called: "U.S.", "America" and "American" are one place, and two Alexandrias are two.
fn group_key(mention: &Mention) -> String {
    match (mention.kind, mention.place) {
        (FacetKind::Place, Some(entry)) => format!("\u{1}place {entry}"),
        _ => name_key(&mention.name),
    }
}

/// Entities as facet values, and the value each group key became.
fn group(
    mentions: &[Mention],
    gazetteer: &Gazetteer,
) -> (Vec<FacetValue>, HashMap<String, (FacetKind, String)>) {
    struct Group {
        place: Option<EntryId>,
        kinds: BTreeMap<FacetKind, u32>,
        spellings: BTreeMap<String, u32>,
        written: BTreeSet<String>,
        docs: BTreeSet<u32>,
        mentions: u32,
    }
    let mut groups: BTreeMap<String, Group> = BTreeMap::new();
    for mention in mentions {
        let group = groups.entry(group_key(mention)).or_insert_with(|| Group {
            place: None,
            kinds: BTreeMap::new(),
            spellings: BTreeMap::new(),
            written: BTreeSet::new(),
            docs: BTreeSet::new(),
            mentions: 0,
        });
        if mention.kind == FacetKind::Place {
            group.place = group.place.or(mention.place);
        }
        group.written.insert(mention.written.clone());
        *group.kinds.entry(mention.kind).or_default() += 1;
        *group.spellings.entry(mention.name.clone()).or_default() += 1;
        group.docs.insert(mention.doc as u32);
        group.mentions += 1;
    }
    let mut keyed: Vec<(String, Option<EntryId>, FacetValue)> = groups
        .into_iter()
        .filter_map(|(key, group)| {
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
            let place = group.place.filter(|_| kind == FacetKind::Place);
            let entry = place.map(|id| gazetteer.entry(id));
            // A resolved place goes by its gazetteer name; anything else by its most
            // frequent spelling.
            let name = match entry {
                Some(entry) => entry.name.clone(),
                None => spellings.first()?.0.clone(),
            };
            let aliases = spellings
                .into_iter()
                .map(|(spelling, _)| spelling)
                .chain(group.written)
                .filter(|alias| *alias != name)
                .collect::<BTreeSet<_>>()
                .into_iter()
                .collect();
            let value = FacetValue {
                kind,
                name,
                aliases,
                mentions: group.mentions,
                docs: group.docs.into_iter().collect(),
                location: entry.map(|entry| Location {
                    lat: entry.lat as f32,
                    lon: entry.lon as f32,
                    kind: entry.kind,
                    country: entry.country.clone(),
                    geonameid: entry.geonameid,
                }),
            };
            Some((key, place, value))
        })
        .collect();
    disambiguate_place_names(&mut keyed, gazetteer);
    let names = keyed
        .iter()
        .map(|(key, _, value)| (key.clone(), (value.kind, value.name.clone())))
        .collect();
    (
        keyed.into_iter().map(|(_, _, value)| value).collect(),
        names,
    )
}

/// Two different places of the same name ("Alexandria" in Egypt and in Louisiana) get the
/// name of their state or country after a comma, since a facet value is its name.
fn disambiguate_place_names(
    values: &mut [(String, Option<EntryId>, FacetValue)],
    gazetteer: &Gazetteer,
) {
    let mut by_name: HashMap<(FacetKind, String), usize> = HashMap::new();
    for (_, _, value) in values.iter() {
        *by_name.entry((value.kind, value.name.clone())).or_default() += 1;
    }
    for (_, place, value) in values.iter_mut() {
        let shared = by_name
            .get(&(value.kind, value.name.clone()))
            .copied()
            .unwrap_or(0)
            > 1;
        let Some(entry) = place.filter(|_| shared).map(|id| gazetteer.entry(id)) else {
            continue;
        };
        let within = if entry.admin1.is_empty() {
            &entry.country
        } else {
            &entry.admin1
        };
        if within.is_empty() {
            continue;
        }
        let qualified = format!("{}, {within}", value.name);
        value.aliases.retain(|alias| *alias != qualified);
        value
            .aliases
            .push(std::mem::replace(&mut value.name, qualified));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mention(doc: usize, kind: FacetKind, name: &str) -> Mention {
        Mention::named(doc, kind, name.to_owned(), 0, name.chars().count())
    }

    fn kinds_and_names(mentions: &[Mention]) -> Vec<(FacetKind, &str)> {
        mentions.iter().map(|m| (m.kind, m.name.as_str())).collect()
    }

    #[test]
    fn a_title_before_a_name_makes_a_person_not_an_organisation() {
        let mut mentions = vec![
            mention(0, FacetKind::Person, "Ana Lopes"),
            mention(0, FacetKind::Organization, "General Ana"),
            mention(0, FacetKind::Organization, "Maj Gen Lopes"),
            mention(1, FacetKind::Organization, "President Ana"),
        ];
        titled_people(&mut mentions);
        resolve_short_names(&mut mentions);
        assert_eq!(
            kinds_and_names(&mentions),
            [
                (FacetKind::Person, "Ana Lopes"),
                (FacetKind::Person, "Ana Lopes"),
                (FacetKind::Person, "Ana Lopes"),
                // No person of that name in its own document: the tagger's call stands.
                (FacetKind::Organization, "President Ana"),
            ]
        );
    }

    #[test]
    fn organisations_beginning_with_a_title_word_stay_organisations() {
        let mut mentions = vec![
            mention(0, FacetKind::Person, "Ana Lopes"),
            // A one-word "person" is too often the tagger's mistake to decide anything.
            mention(0, FacetKind::Person, "Example"),
            mention(0, FacetKind::Organization, "General Motors"),
            mention(0, FacetKind::Organization, "First Example"),
            mention(0, FacetKind::Organization, "State Department"),
            mention(0, FacetKind::Organization, "Supreme Court of Ana"),
        ];
        titled_people(&mut mentions);
        assert_eq!(
            kinds_and_names(&mentions)[2..],
            [
                (FacetKind::Organization, "General Motors"),
                (FacetKind::Organization, "First Example"),
                (FacetKind::Organization, "State Department"),
                (FacetKind::Organization, "Supreme Court of Ana"),
            ]
        );
    }

    #[test]
    fn a_photo_credit_splits_into_a_person_and_its_agency() {
        let known: BTreeSet<String> = [name_key("Example Wire")].into_iter().collect();
        let text = "Ana al-Lopes / Example Wire";
        let found = photo_credit(3, 10, text, &known).expect("a credit");
        assert_eq!(
            kinds_and_names(&found),
            [
                (FacetKind::Source, "Example Wire"),
                (FacetKind::Person, "Ana al-Lopes"),
            ]
        );
        assert_eq!((found[0].start, found[0].end), (25, 37));
        assert_eq!((found[1].start, found[1].end), (10, 22));
        assert!(found.iter().all(|m| m.doc == 3));
    }

    #[test]
    fn a_slash_between_names_that_are_no_sources_is_no_credit() {
        let known: BTreeSet<String> = [name_key("Example Wire")].into_iter().collect();
        assert!(photo_credit(0, 0, "Example Rock/Other Band", &known).is_none());
        assert!(photo_credit(0, 0, "Example Wire", &known).is_none());
    }
}

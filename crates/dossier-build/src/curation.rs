//! Curation: a person's corrections to what recognition found, written in `dossier.toml`.
//!
//! ```toml
//! [[rename]]                 # an entity gets another name (and, optionally, kind)
//! from = "Deutsche Welle"
//! to = "Deutsche Welle"
//! kind = "person"            # optional: only entities of this kind
//! to_kind = "source"         # optional
//!
//! [[merge]]                  # several entities are one
//! into = "Popular Mobilization Forces"
//! names = ["Hashd al-Shaabi", "PMU"]
//!
//! [[split]]                  # some spellings of an entity are another one
//! name = "Georgia"
//! aliases = ["Republic of Georgia"]
//! into = "Georgia (country)"
//!
//! [[hide]]                   # an entity is noise
//! name = "Reuters Staff"
//!
//! [[tag]]                    # documents that mention any of these entities, or any of
//! tag = "Militias"           # these words or phrases, get a declared tag
//! entities = ["org=Kata'ib Hezbollah"]
//! words = ["militia", "paramilitary"]
//! ```
//!
//! `split` works on mentions, as recognised and merged automatically, before the other rules;
//! then come `rename`, `merge` and `hide`, each in file order; `tag` sees the result.
//! Names match an entity's name or any of its aliases, ignoring case, diacritics and
//! punctuation. Every rule must change something: one that matches nothing is an error that
//! names its line, since it is almost always a typo or a rule the corpus has outgrown. The
//! build report lists what each rule changed.

use std::collections::{BTreeSet, HashMap};

use dossier_core::analysis::tokenize;
use dossier_core::{Document, FacetKind, FacetValue};
use serde::Deserialize;
use toml::Spanned;

use crate::entities::names::name_key;

/// The curation rules of a `dossier.toml`, each with its place in the file.
#[derive(Debug, Default)]
pub struct Rules {
    pub(crate) rename: Vec<Spanned<Rename>>,
    pub(crate) merge: Vec<Spanned<Merge>>,
    pub(crate) split: Vec<Spanned<Split>>,
    pub(crate) hide: Vec<Spanned<Hide>>,
    pub(crate) tag: Vec<Spanned<Tag>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Rename {
    from: String,
    to: String,
    kind: Option<String>,
    to_kind: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Merge {
    into: String,
    names: Vec<String>,
    kind: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Split {
    name: String,
    aliases: Vec<String>,
    into: String,
    kind: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Hide {
    name: String,
    kind: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Tag {
    tag: String,
    #[serde(default)]
    entities: Vec<String>,
    #[serde(default)]
    words: Vec<String>,
}

/// A rule that could not be applied, with the byte offset of its table in `dossier.toml`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleError {
    pub offset: usize,
    pub message: String,
}

/// What one rule did, with the byte offset of its table in `dossier.toml`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleOutcome {
    pub offset: usize,
    pub message: String,
}

/// An entity's identity as the bundle writer and the mention list know it.
pub type EntityName = (FacetKind, String);

/// Where each entity went: renamed, merged into another, or hidden (`None`).
pub type Moves = HashMap<EntityName, Option<EntityName>>;

fn kind_of(kind: &Option<String>, offset: usize) -> Result<Option<FacetKind>, RuleError> {
    match kind {
        None => Ok(None),
        Some(text) => match FacetKind::from_key(text) {
            Some(
                kind @ (FacetKind::Person
                | FacetKind::Organization
                | FacetKind::Place
                | FacetKind::Source),
            ) => Ok(Some(kind)),
            _ => Err(RuleError {
                offset,
                message: format!(
                    "kind {text:?} is not an entity kind (person, org, place or source)"
                ),
            }),
        },
    }
}

fn is_called(value: &FacetValue, key: &str) -> bool {
    name_key(&value.name) == key || value.aliases.iter().any(|alias| name_key(alias) == key)
}

fn is_entity(kind: FacetKind) -> bool {
    matches!(
        kind,
        FacetKind::Person | FacetKind::Organization | FacetKind::Place | FacetKind::Source
    )
}

fn plural(n: usize, one: &str) -> String {
    match (n, one.strip_suffix('y')) {
        (1, _) => format!("1 {one}"),
        (_, Some(stem)) => format!("{n} {stem}ies"),
        (_, None) => format!("{n} {one}s"),
    }
}

impl Rules {
    pub fn is_empty(&self) -> bool {
        self.rename.is_empty()
            && self.merge.is_empty()
            && self.split.is_empty()
            && self.hide.is_empty()
            && self.tag.is_empty()
    }

    /// The `[[split]]` rules as (kind, entity name key, alias keys, new name), for the
    /// mention-level pass that runs before mentions are grouped into entities.
    pub fn splits(&self) -> Result<Vec<SplitRule>, RuleError> {
        self.split
            .iter()
            .map(|rule| {
                let offset = rule.span().start;
                let split = rule.get_ref();
                Ok(SplitRule {
                    offset,
                    kind: kind_of(&split.kind, offset)?,
                    name: name_key(&split.name),
                    aliases: split.aliases.iter().map(|a| name_key(a)).collect(),
                    into: split.into.trim().to_owned(),
                })
            })
            .collect()
    }

    /// Applies rename, merge and hide to the entities, in that order and each in file order.
    /// Returns where each changed entity went and what each rule did.
    pub fn apply_to_entities(
        &self,
        values: &mut Vec<FacetValue>,
    ) -> Result<(Moves, Vec<RuleOutcome>), RuleError> {
        let mut moves: Moves = HashMap::new();
        let mut outcomes = Vec::new();
        let record = |moves: &mut Moves, from: EntityName, to: Option<EntityName>| {
            // Anything that had moved to `from` moves on with it.
            for target in moves.values_mut() {
                if target.as_ref() == Some(&from) {
                    *target = to.clone();
                }
            }
            moves.insert(from, to);
        };

        for rule in &self.rename {
            let offset = rule.span().start;
            let rename = rule.get_ref();
            let kind = kind_of(&rename.kind, offset)?;
            let to_kind = kind_of(&rename.to_kind, offset)?;
            let key = name_key(&rename.from);
            let mut changed = 0;
            for value in values.iter_mut().filter(|v| {
                is_entity(v.kind) && kind.is_none_or(|k| k == v.kind) && is_called(v, &key)
            }) {
                let from = (value.kind, value.name.clone());
                let old = std::mem::replace(&mut value.name, rename.to.trim().to_owned());
                if old != value.name {
                    value.aliases.push(old);
                }
                value.kind = to_kind.unwrap_or(value.kind);
                record(&mut moves, from, Some((value.kind, value.name.clone())));
                changed += 1;
            }
            if changed == 0 {
                return Err(nothing(offset, &format!("rename {:?}", rename.from)));
            }
            outcomes.push(RuleOutcome {
                offset,
                message: format!(
                    "rename {:?} → {:?}: {}",
                    rename.from,
                    rename.to,
                    plural(changed, "entity")
                ),
            });
        }

        for rule in &self.merge {
            let offset = rule.span().start;
            let merge = rule.get_ref();
            let kind = kind_of(&merge.kind, offset)?;
            let into_key = name_key(&merge.into);
            let keys: BTreeSet<String> = merge.names.iter().map(|n| name_key(n)).collect();
            let matching: Vec<usize> = (0..values.len())
                .filter(|&i| {
                    let v = &values[i];
                    is_entity(v.kind)
                        && kind.is_none_or(|k| k == v.kind)
                        && (keys.iter().any(|key| is_called(v, key)) || is_called(v, &into_key))
                })
                .collect();
            let Some(&target) = matching
                .iter()
                .find(|&&i| name_key(&values[i].name) == into_key)
                .or(matching.first())
            else {
                return Err(nothing(offset, &format!("merge into {:?}", merge.into)));
            };
            if matching.len() < 2 && name_key(&values[target].name) == into_key {
                return Err(nothing(
                    offset,
                    &format!(
                        "merge into {:?} (no other entity has those names)",
                        merge.into
                    ),
                ));
            }
            let target_from = (values[target].kind, values[target].name.clone());
            let mut merged = values[target].clone();
            let old = std::mem::replace(&mut merged.name, merge.into.trim().to_owned());
            if old != merged.name {
                merged.aliases.push(old);
            }
            let mut docs: BTreeSet<u32> = merged.docs.iter().copied().collect();
            for &i in matching.iter().filter(|&&i| i != target) {
                let other = &values[i];
                merged.aliases.push(other.name.clone());
                merged.aliases.extend(other.aliases.iter().cloned());
                merged.mentions += other.mentions;
                docs.extend(other.docs.iter().copied());
                if merged.location.is_none() {
                    merged.location = other.location.clone();
                }
            }
            merged.docs = docs.into_iter().collect();
            merged.aliases.retain(|alias| *alias != merged.name);
            merged.aliases.sort();
            merged.aliases.dedup();
            let to = (merged.kind, merged.name.clone());
            record(&mut moves, target_from, Some(to.clone()));
            for &i in matching.iter().filter(|&&i| i != target) {
                record(
                    &mut moves,
                    (values[i].kind, values[i].name.clone()),
                    Some(to.clone()),
                );
            }
            let count = matching.len();
            *values = std::mem::take(values)
                .into_iter()
                .enumerate()
                .filter_map(|(i, value)| {
                    if i == target {
                        Some(merged.clone())
                    } else if matching.contains(&i) {
                        None
                    } else {
                        Some(value)
                    }
                })
                .collect();
            outcomes.push(RuleOutcome {
                offset,
                message: format!("merge into {:?}: {}", merge.into, plural(count, "entity")),
            });
        }

        for rule in &self.hide {
            let offset = rule.span().start;
            let hide = rule.get_ref();
            let kind = kind_of(&hide.kind, offset)?;
            let key = name_key(&hide.name);
            let before = values.len();
            values.retain(|v| {
                let hidden =
                    is_entity(v.kind) && kind.is_none_or(|k| k == v.kind) && is_called(v, &key);
                if hidden {
                    record(&mut moves, (v.kind, v.name.clone()), None);
                }
                !hidden
            });
            let hidden = before - values.len();
            if hidden == 0 {
                return Err(nothing(offset, &format!("hide {:?}", hide.name)));
            }
            outcomes.push(RuleOutcome {
                offset,
                message: format!("hide {:?}: {}", hide.name, plural(hidden, "entity")),
            });
        }
        Ok((moves, outcomes))
    }

    /// Applies the `[[tag]]` rules: each adds its tag to the documents that mention one of its
    /// entities or contain one of its words or phrases (whole words, ignoring case and
    /// diacritics). `entities` are the final entity values, whose `docs` index `documents`.
    pub fn apply_tags(
        &self,
        documents: &mut [Document],
        entities: &[FacetValue],
    ) -> Result<Vec<RuleOutcome>, RuleError> {
        let mut outcomes = Vec::new();
        for rule in &self.tag {
            let offset = rule.span().start;
            let tag = rule.get_ref();
            let name = tag.tag.trim();
            if name.is_empty() {
                return Err(RuleError {
                    offset,
                    message: "a tag rule needs a non-empty `tag`".into(),
                });
            }
            if tag.entities.is_empty() && tag.words.is_empty() {
                return Err(RuleError {
                    offset,
                    message: format!("tag {name:?} has neither `entities` nor `words` to match"),
                });
            }
            let mut chosen: BTreeSet<usize> = BTreeSet::new();
            for wanted in &tag.entities {
                let filter = dossier_core::Filter::parse(wanted).ok_or_else(|| RuleError {
                    offset,
                    message: format!(
                        "entity {wanted:?} is not KIND=NAME (e.g. \"person=Jane Doe\")"
                    ),
                })?;
                let key = name_key(&filter.value);
                let found: Vec<&FacetValue> = entities
                    .iter()
                    .filter(|v| v.kind == filter.kind && is_called(v, &key))
                    .collect();
                if found.is_empty() {
                    return Err(nothing(offset, &format!("tag {name:?}: entity {wanted:?}")));
                }
                chosen.extend(
                    found
                        .iter()
                        .flat_map(|v| v.docs.iter().map(|&d| d as usize)),
                );
            }
            let phrases: Vec<Vec<String>> = tag
                .words
                .iter()
                .map(|words| {
                    tokenize(words)
                        .into_iter()
                        .map(|t| t.term)
                        .collect::<Vec<_>>()
                })
                .filter(|terms| !terms.is_empty())
                .collect();
            if !phrases.is_empty() {
                for (index, document) in documents.iter().enumerate() {
                    let terms: Vec<String> = tokenize(&document.title)
                        .into_iter()
                        .chain(tokenize(&document.text))
                        .map(|t| t.term)
                        .collect();
                    if phrases
                        .iter()
                        .any(|phrase| terms.windows(phrase.len()).any(|w| w == phrase.as_slice()))
                    {
                        chosen.insert(index);
                    }
                }
            }
            let mut added = 0;
            for &index in &chosen {
                if let Some(document) = documents.get_mut(index) {
                    if !document.tags.iter().any(|t| t == name) {
                        document.tags.push(name.to_owned());
                        added += 1;
                    }
                }
            }
            if chosen.is_empty() {
                return Err(nothing(offset, &format!("tag {name:?}")));
            }
            outcomes.push(RuleOutcome {
                offset,
                message: format!(
                    "tag {name:?}: {} matched, {added} newly tagged",
                    plural(chosen.len(), "document")
                ),
            });
        }
        Ok(outcomes)
    }
}

fn nothing(offset: usize, what: &str) -> RuleError {
    RuleError {
        offset,
        message: format!("{what} matches nothing; remove the rule or fix its names"),
    }
}

/// A `[[split]]` rule made ready for matching mentions.
#[derive(Debug, Clone)]
pub struct SplitRule {
    pub offset: usize,
    pub kind: Option<FacetKind>,
    /// Name key of the entity to split.
    pub name: String,
    /// Name keys of the spellings that are the other entity.
    pub aliases: BTreeSet<String>,
    pub into: String,
}

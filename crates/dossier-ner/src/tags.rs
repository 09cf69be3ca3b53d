//! Entity kinds and the BILOU tags the tagger predicts, one per token.
//!
//! BILOU (Begin, Inside, Last, Unit, Outside) rather than BIO: a separate tag for an entity's
//! last token and for one-token entities lets the weights learn how entities end, which BIO
//! leaves to the next token's tag. Ratinov & Roth (2009) measured it better on CoNLL-2003,
//! and the Viterbi search forbids impossible sequences, so every decoded sequence is a set
//! of well-formed spans.

use std::fmt;

/// What an entity is. CoNLL-2003's four classes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EntityKind {
    /// People, real or fictional.
    Person,
    /// Companies, agencies, parties, teams, armed groups.
    Organisation,
    /// Countries, cities, regions, geographic features.
    Location,
    /// Nationalities, events, works and other names.
    Misc,
}

impl EntityKind {
    /// Every kind, in tag order.
    pub const ALL: [EntityKind; 4] = [
        EntityKind::Person,
        EntityKind::Organisation,
        EntityKind::Location,
        EntityKind::Misc,
    ];

    /// The CoNLL label: `PER`, `ORG`, `LOC`, `MISC`.
    pub fn label(self) -> &'static str {
        match self {
            EntityKind::Person => "PER",
            EntityKind::Organisation => "ORG",
            EntityKind::Location => "LOC",
            EntityKind::Misc => "MISC",
        }
    }

    /// The kind named by a CoNLL label, if it is one.
    pub fn from_label(label: &str) -> Option<EntityKind> {
        EntityKind::ALL
            .into_iter()
            .find(|kind| kind.label() == label)
    }

    pub(crate) fn index(self) -> usize {
        self as usize
    }
}

impl fmt::Display for EntityKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// A token's place in an entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Position {
    Begin,
    Inside,
    Last,
    Unit,
}

const POSITIONS: usize = 4;

/// Number of tags: Outside, then Begin/Inside/Last/Unit for each kind.
pub const TAG_COUNT: usize = 1 + POSITIONS * EntityKind::ALL.len();

/// A tag as an index in `0..TAG_COUNT`; 0 is Outside.
pub type Tag = usize;

pub const OUTSIDE: Tag = 0;

fn tag(kind: EntityKind, position: Position) -> Tag {
    1 + kind.index() * POSITIONS + position as usize
}

fn split(tag: Tag) -> Option<(EntityKind, Position)> {
    let index = tag.checked_sub(1)?;
    let kind = *EntityKind::ALL.get(index / POSITIONS)?;
    let position = [
        Position::Begin,
        Position::Inside,
        Position::Last,
        Position::Unit,
    ][index % POSITIONS];
    Some((kind, position))
}

/// Whether a sequence may start with `tag` (and, read backwards, end with one that allows
/// [`may_end`]).
pub fn may_start(tag: Tag) -> bool {
    matches!(
        split(tag),
        None | Some((_, Position::Begin | Position::Unit))
    )
}

/// Whether a sequence may end with `tag`.
pub fn may_end(tag: Tag) -> bool {
    matches!(
        split(tag),
        None | Some((_, Position::Last | Position::Unit))
    )
}

/// Whether `next` may follow `previous`: inside an entity only Inside or Last of the same
/// kind; outside one, only Outside, Begin or Unit.
pub fn may_follow(previous: Tag, next: Tag) -> bool {
    match split(previous) {
        Some((kind, Position::Begin | Position::Inside)) => {
            matches!(split(next), Some((k, Position::Inside | Position::Last)) if k == kind)
        }
        _ => may_start(next),
    }
}

/// A span of tokens `start..end` (end exclusive) and its kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TokenSpan {
    pub start: usize,
    pub end: usize,
    pub kind: EntityKind,
}

/// The tags for `len` tokens holding `spans`. Spans must not overlap and must lie inside
/// `0..len`; the caller flattens nested gold first.
pub fn encode(len: usize, spans: &[TokenSpan]) -> Vec<Tag> {
    let mut tags = vec![OUTSIDE; len];
    for span in spans.iter().filter(|s| s.start < s.end && s.end <= len) {
        if span.end - span.start == 1 {
            tags[span.start] = tag(span.kind, Position::Unit);
            continue;
        }
        tags[span.start] = tag(span.kind, Position::Begin);
        for slot in &mut tags[span.start + 1..span.end - 1] {
            *slot = tag(span.kind, Position::Inside);
        }
        tags[span.end - 1] = tag(span.kind, Position::Last);
    }
    tags
}

/// The spans a tag sequence describes. Ill-formed runs (which constrained decoding never
/// produces) are read leniently: an entity ends where its kind changes or Outside begins.
pub fn decode(tags: &[Tag]) -> Vec<TokenSpan> {
    let mut spans = Vec::new();
    let mut open: Option<(usize, EntityKind)> = None;
    for (index, &t) in tags.iter().enumerate() {
        let current = split(t);
        if let Some((start, kind)) = open {
            let continues =
                matches!(current, Some((k, Position::Inside | Position::Last)) if k == kind);
            if !continues {
                spans.push(TokenSpan {
                    start,
                    end: index,
                    kind,
                });
                open = None;
            }
        }
        match current {
            Some((kind, Position::Unit)) => spans.push(TokenSpan {
                start: index,
                end: index + 1,
                kind,
            }),
            Some((kind, Position::Last)) => {
                let start = open.take().map_or(index, |(start, _)| start);
                spans.push(TokenSpan {
                    start,
                    end: index + 1,
                    kind,
                });
            }
            Some((kind, Position::Begin | Position::Inside)) if open.is_none() => {
                open = Some((index, kind))
            }
            _ => {}
        }
    }
    if let Some((start, kind)) = open {
        spans.push(TokenSpan {
            start,
            end: tags.len(),
            kind,
        });
    }
    spans
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encoding_then_decoding_gives_the_spans_back() {
        let spans = vec![
            TokenSpan {
                start: 0,
                end: 1,
                kind: EntityKind::Location,
            },
            TokenSpan {
                start: 2,
                end: 5,
                kind: EntityKind::Person,
            },
            TokenSpan {
                start: 5,
                end: 7,
                kind: EntityKind::Organisation,
            },
        ];
        let tags = encode(8, &spans);
        assert_eq!(decode(&tags), spans);
        assert!(may_start(tags[0]) && may_end(tags[7]));
        assert!(tags.windows(2).all(|pair| may_follow(pair[0], pair[1])));
    }

    #[test]
    fn impossible_transitions_are_forbidden() {
        let begin_person = tag(EntityKind::Person, Position::Begin);
        let last_person = tag(EntityKind::Person, Position::Last);
        let last_place = tag(EntityKind::Location, Position::Last);
        assert!(may_follow(begin_person, last_person));
        assert!(!may_follow(begin_person, last_place));
        assert!(!may_follow(begin_person, OUTSIDE));
        assert!(!may_follow(OUTSIDE, last_person));
        assert!(!may_start(last_person) && !may_end(begin_person));
    }

    #[test]
    fn labels_round_trip() {
        for kind in EntityKind::ALL {
            assert_eq!(EntityKind::from_label(kind.label()), Some(kind));
        }
        assert_eq!(EntityKind::from_label("Person"), None);
    }
}

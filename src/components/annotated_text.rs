//! A paragraph of the reading view: the entities it names as buttons that filter by them,
//! the query's matches marked inside and outside them. Text only ever reaches the page as
//! text nodes, as in `marked_text.rs`.

use dossier_core::{FacetKind, FacetValue};
use yew::prelude::*;

/// An entity mention inside the paragraph: `[start, end)` in characters, and its value (an
/// index into the bundle's facet values).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mention {
    pub start: usize,
    pub end: usize,
    pub value: u32,
}

/// A run of the paragraph's characters that is uniformly inside or outside one mention and
/// one match.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    pub text: String,
    pub mention: Option<u32>,
    pub marked: bool,
}

/// Splits `text` at every mention and match edge. Mentions and matches must each be sorted
/// and not overlap among themselves; ones that break that, or run past the text, are
/// dropped rather than trusted.
pub fn annotate(text: &str, mentions: &[Mention], marks: &[(usize, usize)]) -> Vec<Piece> {
    let chars: Vec<char> = text.chars().collect();
    let mentions = well_formed(
        mentions.iter().map(|m| (m.start, m.end, m.value)),
        chars.len(),
    );
    let marks = well_formed(marks.iter().map(|&(s, e)| (s, e, 0)), chars.len());
    let mut cuts: Vec<usize> = mentions
        .iter()
        .chain(&marks)
        .flat_map(|&(start, end, _)| [start, end])
        .chain([0, chars.len()])
        .collect();
    cuts.sort_unstable();
    cuts.dedup();
    let covering = |spans: &[(usize, usize, u32)], at: usize| {
        spans
            .iter()
            .find(|&&(start, end, _)| start <= at && at < end)
            .map(|&(_, _, value)| value)
    };
    cuts.windows(2)
        .map(|w| Piece {
            text: chars[w[0]..w[1]].iter().collect(),
            mention: covering(&mentions, w[0]),
            marked: covering(&marks, w[0]).is_some(),
        })
        .collect()
}

fn well_formed(
    spans: impl Iterator<Item = (usize, usize, u32)>,
    len: usize,
) -> Vec<(usize, usize, u32)> {
    let mut kept: Vec<(usize, usize, u32)> = Vec::new();
    for (start, end, value) in spans {
        let after_previous = kept
            .last()
            .is_none_or(|&(_, previous_end, _)| start >= previous_end);
        if start < end && end <= len && after_previous {
            kept.push((start, end, value));
        }
    }
    kept
}

#[derive(Properties, PartialEq)]
pub struct AnnotatedTextProps {
    pub pieces: Vec<Piece>,
    /// (kind, value, negated): filter by an entity, as the facet panel does.
    pub on_filter: Callback<(FacetKind, String, bool)>,
}

/// The facet value `index` of the page's bundle.
fn facet_value(index: u32) -> Option<&'static FacetValue> {
    crate::corpus::bundle().ok()?.facets().get(index as usize)
}

/// What a mention of this kind is called in its button's name ("Filter by person: …").
pub fn kind_noun(kind: FacetKind) -> &'static str {
    match kind {
        FacetKind::Person => "person",
        FacetKind::Organization => "organization",
        FacetKind::Place => "place",
        FacetKind::Source => "source",
        FacetKind::Tag => "tag",
        FacetKind::Date => "date",
    }
}

/// The text a run of pieces shows.
fn visible(pieces: &[&Piece]) -> String {
    pieces.iter().map(|piece| piece.text.as_str()).collect()
}

/// "Filter by person: Qassem Soleimani"; when the text shows another spelling ("US" for United
/// States), it comes first, so that a speech-input user can say what they see (WCAG 2.5.3).
fn button_name(shown: &str, kind: FacetKind, name: &str) -> String {
    let action = format!("Filter by {}: {name}", kind_noun(kind));
    if name.to_lowercase().contains(&shown.to_lowercase()) {
        action
    } else {
        format!(
            "{shown}: {}",
            action
                .to_lowercase()
                .replacen(&name.to_lowercase(), name, 1)
        )
    }
}

#[function_component(AnnotatedText)]
pub fn annotated_text(props: &AnnotatedTextProps) -> Html {
    // Adjacent pieces of one mention (split by a match inside it) form one button.
    let mut groups: Vec<(Option<u32>, Vec<&Piece>)> = Vec::new();
    for piece in &props.pieces {
        match groups.last_mut() {
            Some((mention, pieces)) if piece.mention.is_some() && *mention == piece.mention => {
                pieces.push(piece)
            }
            _ => groups.push((piece.mention, vec![piece])),
        }
    }
    let text = |pieces: &[&Piece]| -> Html {
        pieces
            .iter()
            .map(|piece| {
                if piece.marked {
                    html! { <mark>{ piece.text.clone() }</mark> }
                } else {
                    html! { { piece.text.clone() } }
                }
            })
            .collect()
    };
    html! {
        <>
            { for groups.iter().map(|(mention, pieces)| {
                match mention.and_then(facet_value) {
                    Some(value) => {
                        let kind = value.kind;
                        let filter = {
                            let (on_filter, name) = (props.on_filter.clone(), value.name.clone());
                            move || on_filter.emit((kind, name.clone(), false))
                        };
                        let onclick = {
                            let filter = filter.clone();
                            Callback::from(move |_: MouseEvent| filter())
                        };
                        let onkeydown = Callback::from(move |event: KeyboardEvent| {
                            if event.key() == "Enter" || event.key() == " " {
                                event.prevent_default();
                                filter();
                            }
                        });
                        // A span acting as a button rather than a <button>: a button is an
                        // inline block, which cannot break across lines and strands the
                        // punctuation after a long name at the start of the next one.
                        html! {
                            <span role="button" tabindex="0" class={classes!("entity", kind.key())}
                                  aria-label={button_name(&visible(pieces), kind, &value.name)}
                                  title={format!("{}: {}", kind_noun(kind), value.name)}
                                  {onclick} {onkeydown}>
                                { text(pieces) }
                            </span>
                        }
                    }
                    None => text(pieces),
                }
            }) }
        </>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn piece(text: &str, mention: Option<u32>, marked: bool) -> Piece {
        Piece {
            text: text.into(),
            mention,
            marked,
        }
    }

    #[test]
    fn a_match_inside_a_mention_splits_it_and_both_are_kept() {
        let mentions = [Mention {
            start: 4,
            end: 19,
            value: 7,
        }];
        let pieces = annotate("Gen Qāsem Soleimani died", &mentions, &[(10, 19)]);
        assert_eq!(
            pieces,
            [
                piece("Gen ", None, false),
                piece("Qāsem ", Some(7), false),
                piece("Soleimani", Some(7), true),
                piece(" died", None, false),
            ]
        );
    }

    #[test]
    fn a_match_across_a_mention_edge_is_cut_there() {
        let mentions = [Mention {
            start: 0,
            end: 4,
            value: 1,
        }];
        assert_eq!(
            annotate("Iraq oil", &mentions, &[(2, 8)]),
            [
                piece("Ir", Some(1), false),
                piece("aq", Some(1), true),
                piece(" oil", None, true),
            ]
        );
    }

    #[test]
    fn a_button_shown_as_another_spelling_names_that_spelling_first() {
        assert_eq!(
            button_name("Soleimani", FacetKind::Person, "Qassem Soleimani"),
            "Filter by person: Qassem Soleimani"
        );
        assert_eq!(
            button_name("US", FacetKind::Place, "United States"),
            "US: filter by place: United States"
        );
    }

    #[test]
    fn spans_past_the_text_or_out_of_order_are_dropped() {
        let mentions = [
            Mention {
                start: 2,
                end: 3,
                value: 1,
            },
            Mention {
                start: 0,
                end: 1,
                value: 2,
            },
            Mention {
                start: 3,
                end: 99,
                value: 3,
            },
        ];
        assert_eq!(
            annotate("abcd", &mentions, &[]),
            [
                piece("ab", None, false),
                piece("c", Some(1), false),
                piece("d", None, false),
            ]
        );
        assert_eq!(annotate("", &[], &[]), []);
    }
}

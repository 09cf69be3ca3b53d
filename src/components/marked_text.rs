//! Text with some character ranges marked, rendered as text nodes and `<mark>` elements.
//!
//! Corpus text only ever reaches the page through here, as text nodes: markup in a document
//! (`<script>`, `<img onerror>`) is shown as the characters it is and never parsed.

use std::rc::Rc;

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct MarkedTextProps {
    pub text: AttrValue,
    /// `[start, end)` character ranges to mark, in order, not overlapping.
    pub ranges: Rc<Vec<(usize, usize)>>,
}

#[function_component(MarkedText)]
pub fn marked_text(props: &MarkedTextProps) -> Html {
    let pieces = split_marked(&props.text, &props.ranges);
    html! {
        <>
            { for pieces.into_iter().map(|(text, marked)| if marked {
                html! { <mark>{ text }</mark> }
            } else {
                html! { { text } }
            }) }
        </>
    }
}

/// Splits `text` into (piece, is_marked) by character ranges; out-of-order or out-of-range
/// ranges are ignored rather than trusted.
fn split_marked(text: &str, ranges: &[(usize, usize)]) -> Vec<(String, bool)> {
    let chars: Vec<char> = text.chars().collect();
    let mut pieces = Vec::new();
    let mut at = 0;
    for &(start, end) in ranges {
        if start < at || end > chars.len() || start >= end {
            continue;
        }
        if start > at {
            pieces.push((chars[at..start].iter().collect(), false));
        }
        pieces.push((chars[start..end].iter().collect(), true));
        at = end;
    }
    if at < chars.len() {
        pieces.push((chars[at..].iter().collect(), false));
    }
    pieces
}

#[cfg(test)]
mod tests {
    use super::split_marked;

    #[test]
    fn ranges_split_text_into_marked_and_plain_pieces() {
        let pieces = split_marked("Qāsem and qasem", &[(0, 5), (10, 15)]);
        assert_eq!(
            pieces,
            [
                ("Qāsem".into(), true),
                (" and ".into(), false),
                ("qasem".into(), true)
            ]
        );
    }

    #[test]
    fn bad_ranges_are_ignored() {
        let pieces = split_marked("abc", &[(2, 9), (1, 1), (0, 1)]);
        assert_eq!(pieces, [("a".into(), true), ("bc".into(), false)]);
    }
}

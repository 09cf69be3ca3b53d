//! The reading view: one document, whole, with the query's matches marked.

use std::rc::Rc;

use dossier_core::{highlight_ranges, DocId};
use web_sys::HtmlElement;
use yew::prelude::*;

use super::marked_text::MarkedText;
use crate::corpus;

#[derive(Properties, PartialEq)]
pub struct ReaderProps {
    pub doc: DocId,
    /// Sorted folded terms to mark (from the search results).
    pub matched_terms: Rc<Vec<String>>,
    pub on_close: Callback<()>,
}

#[function_component(Reader)]
pub fn reader(props: &ReaderProps) -> Html {
    let heading = use_node_ref();
    {
        // Move focus to the document's heading when it opens, so keyboard and screen-reader
        // users land at its start.
        let heading = heading.clone();
        use_effect_with(props.doc, move |_| {
            if let Some(h) = heading.cast::<HtmlElement>() {
                let _ = h.focus();
            }
        });
    }
    let on_close = {
        let cb = props.on_close.clone();
        Callback::from(move |_| cb.emit(()))
    };
    let Some(document) = corpus::document(props.doc) else {
        return html! { <p class="notice" role="alert">{ "This document could not be read." }</p> };
    };
    let meta: Vec<&str> = [document.source, document.date]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect();
    let paragraphs = split_paragraphs(document.text)
        .into_iter()
        .map(|paragraph| {
            let ranges = Rc::new(highlight_ranges(paragraph, &props.matched_terms));
            html! { <p><MarkedText text={AttrValue::from(paragraph.to_owned())} {ranges} /></p> }
        });
    html! {
        <article class="reader" aria-labelledby="reader-title">
            <button type="button" class="back" onclick={on_close}>{ "← Back to results" }</button>
            <h2 id="reader-title" tabindex="-1" ref={heading}>{ document.title }</h2>
            if !meta.is_empty() {
                <p class="result-meta">{ meta.join(" · ") }</p>
            }
            if is_web_link(document.url) {
                <p class="doc-url">
                    <a href={document.url.to_owned()} target="_blank" rel="noopener noreferrer">{ document.url }</a>
                </p>
            } else if !document.url.is_empty() {
                <p class="doc-url">{ document.url }</p>
            }
            if !document.tags.is_empty() {
                <ul class="tags" aria-label="Tags">
                    { for document.tags.iter().map(|t| html! { <li>{ *t }</li> }) }
                </ul>
            }
            <div class="doc-text">{ for paragraphs }</div>
        </article>
    }
}

/// Paragraphs are separated by blank lines (which may hold spaces); single line breaks stay
/// inside a paragraph and show as breaks (`white-space: pre-line`).
fn split_paragraphs(text: &str) -> Vec<&str> {
    let mut paragraphs = Vec::new();
    let mut start: Option<usize> = None;
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        if line.trim().is_empty() {
            if let Some(s) = start.take() {
                paragraphs.push(text[s..offset].trim());
            }
        } else if start.is_none() {
            start = Some(offset);
        }
        offset += line.len();
    }
    if let Some(s) = start {
        paragraphs.push(text[s..].trim());
    }
    paragraphs
}

/// Only http(s) URLs become links: a `javascript:` or `data:` URL in corpus data stays text.
fn is_web_link(url: &str) -> bool {
    let lower = url.trim_start().to_ascii_lowercase();
    lower.starts_with("https://") || lower.starts_with("http://")
}

#[cfg(test)]
mod tests {
    use super::{is_web_link, split_paragraphs};

    #[test]
    fn blank_lines_with_spaces_separate_paragraphs_and_single_breaks_do_not() {
        let text = "One\ncaption\n  \nTwo\n\n\nThree";
        assert_eq!(split_paragraphs(text), ["One\ncaption", "Two", "Three"]);
    }

    #[test]
    fn only_http_urls_become_links() {
        assert!(is_web_link("https://example.org/a"));
        assert!(is_web_link("HTTP://example.org"));
        assert!(!is_web_link("javascript:alert(1)"));
        assert!(!is_web_link(" data:text/html,<script>"));
    }
}

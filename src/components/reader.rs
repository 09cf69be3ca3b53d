//! The reading view: one document, whole, with the entities it names as buttons that filter by
//! them and the query's matches marked; previous and next through the results, and the
//! documents that share the most entities with it.

use std::rc::Rc;

use dossier_core::related::related_documents;
use dossier_core::{highlight_ranges, DocId, FacetKind, Filter, SearchResults};
use web_sys::HtmlElement;
use yew::prelude::*;

use super::annotated_text::{annotate, kind_noun, AnnotatedText, Mention};
use super::map::Map;
use crate::corpus;

/// How many related documents the reader lists.
const RELATED_SHOWN: usize = 5;

#[derive(Properties, PartialEq)]
pub struct ReaderProps {
    pub doc: DocId,
    /// Sorted folded terms to mark (from the search results).
    pub matched_terms: Rc<Vec<String>>,
    /// The document's place among the listed results (1-based) and how many are listed;
    /// `None` when it is not among them (a link to a document the query does not find).
    pub position: Option<(usize, usize)>,
    pub previous: Option<DocId>,
    pub next: Option<DocId>,
    pub on_open: Callback<DocId>,
    pub on_close: Callback<()>,
    /// (kind, value, negated): filter by an entity the text names.
    pub on_filter: Callback<(FacetKind, String, bool)>,
    /// The page's filters, which the document's map shows as selected places.
    pub filters: Rc<Vec<Filter>>,
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
    // The document's own places, as results of one document, for a map of them alone.
    let places = use_memo(props.doc, |&doc| places_of(doc).map(Rc::new));
    let on_close = props.on_close.reform(|_: MouseEvent| ());
    let Some(document) = corpus::document(props.doc) else {
        return html! { <p class="notice" role="alert">{ "This document could not be read." }</p> };
    };
    let meta: Vec<&str> = [document.source, document.date]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect();
    let mentions = corpus::bundle()
        .ok()
        .and_then(|bundle| bundle.mentions(props.doc).ok())
        .unwrap_or_default();
    let paragraphs = split_paragraphs(document.text)
        .into_iter()
        .map(|(start, paragraph)| {
            let end = start + paragraph.chars().count();
            let inside: Vec<Mention> = mentions
                .iter()
                .filter(|m| start <= m.start as usize && m.end as usize <= end)
                .map(|m| Mention {
                    start: m.start as usize - start,
                    end: m.end as usize - start,
                    value: m.value,
                })
                .collect();
            let marks = highlight_ranges(paragraph, &props.matched_terms);
            let pieces = annotate(paragraph, &inside, &marks);
            html! { <p><AnnotatedText {pieces} on_filter={props.on_filter.clone()} /></p> }
        });
    let open = |doc: DocId| props.on_open.reform(move |_: MouseEvent| doc);
    let related = corpus::bundle()
        .map(|bundle| related_documents(bundle.facet_index(), props.doc, RELATED_SHOWN))
        .unwrap_or_default();
    html! {
        <article class="reader" aria-labelledby="reader-title">
            <nav class="reader-nav" aria-label="Document">
                <button type="button" class="back" onclick={on_close}>{ "← Back to results" }</button>
                if let Some((at, of)) = props.position {
                    <span class="reader-position">{ format!("{at} of {of}") }</span>
                }
                <button type="button" class="step" disabled={props.previous.is_none()}
                        aria-keyshortcuts="k"
                        onclick={props.previous.map(open)}>{ "‹ Previous" }</button>
                <button type="button" class="step" disabled={props.next.is_none()}
                        aria-keyshortcuts="j"
                        onclick={props.next.map(open)}>{ "Next ›" }</button>
            </nav>
            <h2 id="reader-title" tabindex="-1" ref={heading}>{ document.title }</h2>
            if !meta.is_empty() {
                <p class="result-meta">{ meta.join(" · ") }</p>
            }
            if is_web_link(document.url) {
                <p class="doc-url">
                    <a href={document.url.to_owned()} target="_blank" rel="noopener noreferrer">
                        { document.url }<span class="visually-hidden">{ " (opens in a new tab)" }</span>
                    </a>
                </p>
            } else if !document.url.is_empty() {
                <p class="doc-url">{ document.url }</p>
            }
            if !document.tags.is_empty() {
                <ul class="tags" aria-label="Tags">
                    { for document.tags.iter().map(|t| html! { <li>{ *t }</li> }) }
                </ul>
            }
            if !mentions.is_empty() {
                <p class="entity-legend">
                    { "Names in the text filter by them: " }
                    { for [FacetKind::Person, FacetKind::Organization, FacetKind::Place, FacetKind::Source]
                        .into_iter()
                        .map(|kind| html! { <span class={classes!("entity", "sample", kind.key())}>{ kind_noun(kind) }</span> }) }
                </p>
            }
            <div class="doc-text">{ for paragraphs }</div>
            if let Some(places) = (*places).clone() {
                <Map label="Map of this document's places" results={places}
                     filters={props.filters.clone()} highlighted={None} on_toggle={props.on_filter.clone()} />
            }
            if !related.is_empty() {
                <section class="related" aria-labelledby="related-title">
                    <h3 id="related-title">{ "Related documents" }</h3>
                    <ol>
                        { for related.iter().filter_map(|r| {
                            let stored = corpus::document(r.doc)?;
                            Some(html! {
                                <li key={r.doc}>
                                    <button type="button" class="link" onclick={open(r.doc)}>{ stored.title }</button>
                                    <span class="related-count">{ format!(" · {} shared {}", r.shared, if r.shared == 1 { "name" } else { "names" }) }</span>
                                </li>
                            })
                        }) }
                    </ol>
                </section>
            }
        </article>
    }
}

/// `doc`'s place counts as the results of a search that found only it, or `None` when none of
/// its places is on the map.
fn places_of(doc: DocId) -> Option<SearchResults> {
    let bundle = corpus::bundle().ok()?;
    let facets = bundle.facet_index().count(std::iter::once(doc));
    let located = facets.get(&FacetKind::Place)?.iter().any(|c| {
        c.count > 0
            && bundle
                .facets()
                .get(c.value as usize)
                .is_some_and(|v| v.location.is_some())
    });
    located.then(|| SearchResults {
        total: 1,
        facets,
        ..SearchResults::default()
    })
}

/// Paragraphs are separated by blank lines (which may hold spaces); single line breaks stay
/// inside a paragraph and show as breaks (`white-space: pre-line`). Each comes with its offset
/// in characters from the start of the text, where entity mentions are counted from.
fn split_paragraphs(text: &str) -> Vec<(usize, &str)> {
    let mut paragraphs = Vec::new();
    let mut start: Option<usize> = None;
    let mut offset = 0;
    let mut push = |from: usize, to: usize| {
        let raw = &text[from..to];
        let trimmed = raw.trim_start();
        let lead = raw.len() - trimmed.len();
        paragraphs.push((from + lead, trimmed.trim_end()));
    };
    for line in text.split_inclusive('\n') {
        if line.trim().is_empty() {
            if let Some(s) = start.take() {
                push(s, offset);
            }
        } else if start.is_none() {
            start = Some(offset);
        }
        offset += line.len();
    }
    if let Some(s) = start {
        push(s, text.len());
    }
    // Byte offsets to character offsets, counting each stretch of text once.
    let mut chars = 0;
    let mut at = 0;
    paragraphs
        .into_iter()
        .map(|(byte, paragraph)| {
            chars += text[at..byte].chars().count();
            at = byte;
            (chars, paragraph)
        })
        .collect()
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
        let paragraphs: Vec<&str> = split_paragraphs(text).into_iter().map(|(_, p)| p).collect();
        assert_eq!(paragraphs, ["One\ncaption", "Two", "Three"]);
    }

    #[test]
    fn paragraphs_know_their_character_offset() {
        let text = "Qāsem é\n\n  Iraq\n\nIran";
        let paragraphs = split_paragraphs(text);
        assert_eq!(paragraphs, [(0, "Qāsem é"), (11, "Iraq"), (17, "Iran")]);
        for (start, paragraph) in paragraphs {
            let at: String = text
                .chars()
                .skip(start)
                .take(paragraph.chars().count())
                .collect();
            assert_eq!(at, paragraph);
        }
    }

    #[test]
    fn only_http_urls_become_links() {
        assert!(is_web_link("https://example.org/a"));
        assert!(is_web_link("HTTP://example.org"));
        assert!(!is_web_link("javascript:alert(1)"));
        assert!(!is_web_link(" data:text/html,<script>"));
    }
}

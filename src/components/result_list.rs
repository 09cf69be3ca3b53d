//! The list of results: title, source and date, and the snippet with its matches marked.

use std::rc::Rc;

use dossier_core::DocId;
use yew::prelude::*;

use super::marked_text::MarkedText;

/// One result as the list shows it, computed by the app from core results.
#[derive(Debug, Clone, PartialEq)]
pub struct ResultItem {
    pub doc: DocId,
    pub title: AttrValue,
    pub source: AttrValue,
    pub date: AttrValue,
    pub snippet: AttrValue,
    pub highlights: Rc<Vec<(usize, usize)>>,
}

/// The id of the button that opens result `doc`, where focus returns when its document closes.
pub fn result_button_id(doc: DocId) -> String {
    format!("result-{doc}")
}

#[derive(Properties, PartialEq)]
pub struct ResultListProps {
    pub items: Rc<Vec<ResultItem>>,
    pub total: usize,
    pub on_open: Callback<DocId>,
    pub on_show_more: Callback<()>,
    /// The result under the pointer or holding the focus, `None` when it leaves: the map
    /// highlights its places.
    pub on_hover: Callback<Option<DocId>>,
}

#[function_component(ResultList)]
pub fn result_list(props: &ResultListProps) -> Html {
    let items = props.items.iter().map(|item| {
        let on_open = props.on_open.clone();
        let doc = item.doc;
        let onclick = Callback::from(move |_| on_open.emit(doc));
        let enter = props.on_hover.reform(move |_: MouseEvent| Some(doc));
        let leave = props.on_hover.reform(|_: MouseEvent| None);
        let focus = props.on_hover.reform(move |_: FocusEvent| Some(doc));
        let blur = props.on_hover.reform(|_: FocusEvent| None);
        let meta: Vec<&str> = [item.source.as_str(), item.date.as_str()]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect();
        html! {
            <li key={item.doc} class="result"
                onmouseenter={enter} onmouseleave={leave} onfocusin={focus} onfocusout={blur}>
                <h2 class="result-title">
                    <button type="button" class="link" id={result_button_id(doc)} {onclick}>{ item.title.clone() }</button>
                </h2>
                if !meta.is_empty() {
                    <p class="result-meta">{ meta.join(" · ") }</p>
                }
                <p class="snippet">
                    <MarkedText text={item.snippet.clone()} ranges={item.highlights.clone()} />
                </p>
            </li>
        }
    });
    let more = props.total.saturating_sub(props.items.len());
    let on_show_more = {
        let cb = props.on_show_more.clone();
        Callback::from(move |_| cb.emit(()))
    };
    html! {
        <>
            <ul class="results" aria-label="Results">{ for items }</ul>
            if more > 0 {
                <button type="button" class="show-more" onclick={on_show_more}>
                    { format!("Show more ({more} not shown)") }
                </button>
            }
        </>
    }
}

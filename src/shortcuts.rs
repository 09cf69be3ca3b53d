//! The keyboard shortcuts: which key does what, decided here without a browser, and the list
//! the `?` dialog shows.

/// What a key press asks the page to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shortcut {
    FocusSearch,
    /// The next result in the list, or the next document in the reading view.
    Next,
    Previous,
    /// Close the reading view, or clear the search.
    Escape,
    ShowShortcuts,
}

/// Where the key was pressed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyTarget {
    /// The search box: typing there must stay typing.
    SearchBox,
    /// Another field or a widget with keys of its own (a facet's "Find in" box, the map):
    /// no key is ours.
    Widget,
    /// Anything else: a button, a link, the page.
    Page,
}

/// The shortcut for `key` (a `KeyboardEvent.key`), if any, while the page shows the results
/// or (`reading`) a document. Keys with Ctrl, Alt or Meta are never taken: they belong to the
/// browser and the system. While reading, the arrow keys keep scrolling the text.
pub fn shortcut_for(
    key: &str,
    modified: bool,
    target: KeyTarget,
    reading: bool,
) -> Option<Shortcut> {
    if modified {
        return None;
    }
    match (key, target) {
        (_, KeyTarget::Widget) => None,
        ("Escape", _) => Some(Shortcut::Escape),
        // From the search box, ↓ goes on to the results, as in a combobox.
        ("ArrowDown", KeyTarget::SearchBox) if !reading => Some(Shortcut::Next),
        (_, KeyTarget::SearchBox) => None,
        ("/", _) => Some(Shortcut::FocusSearch),
        ("j", _) => Some(Shortcut::Next),
        ("k", _) => Some(Shortcut::Previous),
        ("ArrowDown", _) if !reading => Some(Shortcut::Next),
        ("ArrowUp", _) if !reading => Some(Shortcut::Previous),
        ("?", _) => Some(Shortcut::ShowShortcuts),
        _ => None,
    }
}

/// Every shortcut as the dialog lists it: keys, then what they do.
pub const SHORTCUT_HELP: [(&str, &str); 6] = [
    ("/", "Search"),
    (
        "↓ or j",
        "Next result (j: in a document, the next document)",
    ),
    (
        "↑ or k",
        "Previous result (k: in a document, the previous one)",
    ),
    ("Enter", "Open the result in focus"),
    ("Esc", "Close the document, or clear the search"),
    ("?", "Show these shortcuts"),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters_typed_into_a_field_stay_letters() {
        for target in [KeyTarget::SearchBox, KeyTarget::Widget] {
            for key in ["/", "j", "k", "?", "ArrowUp"] {
                assert_eq!(shortcut_for(key, false, target, false), None, "{key}");
            }
        }
        assert_eq!(
            shortcut_for("Escape", false, KeyTarget::Widget, false),
            None
        );
    }

    #[test]
    fn on_the_page_keys_move_and_open() {
        let page = |key| shortcut_for(key, false, KeyTarget::Page, false);
        assert_eq!(page("/"), Some(Shortcut::FocusSearch));
        assert_eq!(page("j"), Some(Shortcut::Next));
        assert_eq!(page("ArrowUp"), Some(Shortcut::Previous));
        assert_eq!(page("?"), Some(Shortcut::ShowShortcuts));
        let search_box = |key| shortcut_for(key, false, KeyTarget::SearchBox, false);
        assert_eq!(search_box("Escape"), Some(Shortcut::Escape));
        assert_eq!(search_box("ArrowDown"), Some(Shortcut::Next));
    }

    #[test]
    fn in_a_document_the_arrows_scroll_and_j_k_step() {
        let reading = |key| shortcut_for(key, false, KeyTarget::Page, true);
        assert_eq!(reading("ArrowDown"), None);
        assert_eq!(reading("ArrowUp"), None);
        assert_eq!(reading("j"), Some(Shortcut::Next));
        assert_eq!(reading("k"), Some(Shortcut::Previous));
    }

    #[test]
    fn modified_keys_belong_to_the_browser() {
        assert_eq!(shortcut_for("k", true, KeyTarget::Page, false), None);
        assert_eq!(shortcut_for("/", true, KeyTarget::Page, false), None);
    }
}

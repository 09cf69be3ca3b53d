//! The page's views, one per file. Each renders what `dossier_core` computed; none ranks,
//! filters or parses anything itself.

pub mod annotated_text;
pub mod export_buttons;
pub mod facet_panel;
pub mod filter_chips;
pub mod map;
pub mod marked_text;
pub mod places_table;
pub mod reader;
pub mod result_count;
pub mod result_list;
pub mod search_box;
pub mod shortcuts_dialog;

//! Dossier's core: the document model, text analysis, the bundle format (writer and reader),
//! query evaluation, ranking and snippets.
//!
//! No I/O and no web: the page (wasm), the `dossier` CLI and the benchmarks all call the same
//! functions over the same bundle bytes.
//!
//! ```
//! use dossier_core::{search, write_bundle, Bundle, CollectionInfo, Document, SearchOptions};
//!
//! let docs = [Document { id: "a".into(), title: "Strike in Baghdad".into(), ..Default::default() }];
//! let bytes = write_bundle(&CollectionInfo::default(), &docs).unwrap();
//! let bundle = Bundle::open(&bytes).unwrap();
//! let results = search(&bundle, "bagh", &SearchOptions::default()).unwrap();
//! assert_eq!(results.total, 1);
//! ```

pub mod analysis;
pub mod bundle;
pub mod bundle_writer;
pub mod document;
pub mod expand;
pub mod export;
pub mod facets;
pub mod fuzzy;
pub mod link;
pub mod place;
pub mod query;
pub mod related;
pub mod search;
pub mod snippet;
pub mod varint;

pub use bundle::{Bundle, BundleError};
pub use bundle_writer::{write_bundle, write_bundle_with_entities, WriteError};
pub use document::{CollectionInfo, DocId, Document, StoredDocument};
pub use facets::{
    EntityMention, FacetCount, FacetCounts, FacetKind, FacetValue, Filter, MentionSpan,
};
pub use place::{Location, PlaceKind};
pub use search::{search, Hit, SearchOptions, SearchResults};
pub use snippet::{highlight_ranges, make_snippet, Snippet};

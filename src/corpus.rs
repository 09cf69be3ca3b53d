//! The bundle compiled into this page by `build.rs`, opened once.

use std::sync::OnceLock;

use dossier_core::{Bundle, BundleError};

static BUNDLE_BYTES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/corpus.dossier"));

/// The page's bundle. Opening reads only the header and section table, so this is cheap even
/// for a large corpus; the result (or the error) is kept for the page's lifetime.
pub fn bundle() -> Result<&'static Bundle<'static>, &'static BundleError> {
    static BUNDLE: OnceLock<Result<Bundle<'static>, BundleError>> = OnceLock::new();
    BUNDLE.get_or_init(|| Bundle::open(BUNDLE_BYTES)).as_ref()
}

/// One stored document of the page's bundle, or `None` if the bundle or the id is bad.
pub fn document(doc: dossier_core::DocId) -> Option<dossier_core::StoredDocument<'static>> {
    bundle().ok()?.document(doc).ok()
}

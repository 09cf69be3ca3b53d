//! The current results as a file the reader downloads: the text is made in the page
//! (`dossier_core::export`) and handed over as a blob, so nothing is requested.

use dossier_core::export::{export_places, export_records, to_csv, to_geojson, to_json};
use dossier_core::{Bundle, DocId};
use wasm_bindgen::JsCast;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    Csv,
    Json,
    GeoJson,
}

impl ExportFormat {
    pub const ALL: [ExportFormat; 3] =
        [ExportFormat::Csv, ExportFormat::Json, ExportFormat::GeoJson];

    pub fn label(self) -> &'static str {
        match self {
            ExportFormat::Csv => "CSV",
            ExportFormat::Json => "JSON",
            ExportFormat::GeoJson => "GeoJSON (places)",
        }
    }

    fn file_name(self) -> &'static str {
        match self {
            ExportFormat::Csv => "dossier-results.csv",
            ExportFormat::Json => "dossier-results.json",
            ExportFormat::GeoJson => "dossier-places.geojson",
        }
    }

    fn media_type(self) -> &'static str {
        match self {
            ExportFormat::Csv => "text/csv;charset=utf-8",
            ExportFormat::Json => "application/json",
            ExportFormat::GeoJson => "application/geo+json",
        }
    }
}

/// Offers `docs` (all the results, best first) as a download in `format`.
pub fn download_results(bundle: &Bundle<'static>, docs: &[DocId], format: ExportFormat) {
    let text = match format {
        ExportFormat::Csv => to_csv(&export_records(bundle, docs)),
        ExportFormat::Json => to_json(&export_records(bundle, docs)),
        ExportFormat::GeoJson => to_geojson(&export_places(bundle, docs)),
    };
    // A failure here (a browser without Blob URLs) leaves the page as it was; there is
    // nothing the reader could do about it.
    let _ = save(format.file_name(), format.media_type(), &text);
}

fn save(name: &str, media_type: &str, text: &str) -> Result<(), wasm_bindgen::JsValue> {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(media_type);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let document = gloo::utils::document();
    let link: web_sys::HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
    link.set_href(&url);
    link.set_download(name);
    link.click();
    // The click has started the download; the URL is no longer needed once it has been read.
    let revoke = url.clone();
    gloo::timers::callback::Timeout::new(10_000, move || {
        let _ = web_sys::Url::revoke_object_url(&revoke);
    })
    .forget();
    Ok(())
}

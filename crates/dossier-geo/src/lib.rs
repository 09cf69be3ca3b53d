//! Places: where the things a corpus mentions are on Earth.
//!
//! - [`gazetteer`]: the place names Dossier knows (built by `cargo xtask gazetteer` from
//!   GeoNames-derived registry packages, committed under `data/geo/`), and their look-up.
//! - [`projection`]: the Equal Earth projection shared by the basemap builder and the map, so
//!   that markers and outlines cannot disagree.
//! - [`basemap`]: the compact, pre-projected country and state outlines the map draws.
//! - The map's geometry, for the page: [`viewport`] (projected ↔ screen, fit, zoom, pan),
//!   [`markers`] (sizes and clusters), [`labels`] (placement without overlaps) and
//!   [`outline_path`] (SVG path data built once).
//!
//! No I/O and no web: the build step, the CLI and the page call the same functions.

pub mod basemap;
pub mod gazetteer;
pub mod geoparse;
pub mod labels;
pub mod markers;
pub mod outline_path;
pub mod projection;
pub mod viewport;

pub use gazetteer::{Gazetteer, GazetteerError, PlaceEntry, PlaceKind};
pub use geoparse::{geoparse, MentionSource, PlaceMention, SpanKind, TaggedSpan};
pub use projection::{project, Point};

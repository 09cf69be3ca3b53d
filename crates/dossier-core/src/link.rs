//! Deep links: the page's state as a URL fragment, and back.
//!
//! The fragment is `key=value` pairs joined by `&`, in this order, each only when it is not
//! empty:
//!
//! ```text
//! q=iran+strike          the query (`+` is a space)
//! f=person:Qassem+Soleimani   a selected value, `kind:value`, repeated, in selection order
//! nf=place:Kuwait        an excluded value, same form (selection order is kept across f/nf)
//! doc=article-3.md       the open document's id (ids survive a rebuild; numbers do not)
//! map=33.3,44.4,8        the map's centre (latitude, longitude) and zoom
//! v=1a2b3c4d             the corpus version the link was made against
//! ```
//!
//! Values are percent-encoded (UTF-8) except for letters, digits and `-._~:,/`, so links stay
//! readable and survive being pasted into mail or chat. Decoding never fails: a part it cannot
//! read is skipped and named in [`DecodedLink::problems`], so a mangled link still opens the
//! page, with a notice.
//!
//! ```
//! use dossier_core::link::{decode_link, encode_link, PageLink};
//! use dossier_core::{FacetKind, Filter};
//!
//! let link = PageLink {
//!     query: "oil prices".into(),
//!     filters: vec![Filter { kind: FacetKind::Place, value: "Iraq".into(), negated: true }],
//!     ..Default::default()
//! };
//! assert_eq!(encode_link(&link), "q=oil+prices&nf=place:Iraq");
//! assert_eq!(decode_link("#q=oil+prices&nf=place:Iraq").link, link);
//! ```

use crate::facets::{FacetKind, Filter};

/// Everything a link restores.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PageLink {
    pub query: String,
    /// In the order they were selected.
    pub filters: Vec<Filter>,
    /// The open document, by its id (`StoredDocument::id`).
    pub doc: Option<String>,
    pub map: Option<MapView>,
    /// [`corpus_version`] of the bundle the link was made against.
    pub version: Option<String>,
}

/// Where the map looks: its centre in degrees and its zoom (1 = the whole world fits).
/// Written with 4 decimals (about 11 m at the equator) and zoom with 2.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MapView {
    pub lat: f64,
    pub lon: f64,
    pub zoom: f64,
}

/// Decimals a link writes of the map's centre (about 11 m at the equator) and of its zoom.
const DEGREE_DECIMALS: usize = 4;
const ZOOM_DECIMALS: usize = 2;

impl MapView {
    /// The view as a link writes it ([`DEGREE_DECIMALS`], [`ZOOM_DECIMALS`]), so that a view
    /// compared with the one its link restores is equal to it.
    pub fn as_written(self) -> MapView {
        let round = |v: f64, places: usize| {
            let factor = 10f64.powi(places as i32);
            (v * factor).round() / factor
        };
        MapView {
            lat: round(self.lat, DEGREE_DECIMALS),
            lon: round(self.lon, DEGREE_DECIMALS),
            zoom: round(self.zoom, ZOOM_DECIMALS),
        }
    }
}

/// What [`decode_link`] read, and what it could not.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DecodedLink {
    pub link: PageLink,
    /// One line per part that was skipped, naming it, for the notice the page shows.
    pub problems: Vec<String>,
}

/// The fragment (without `#`) for `link`; empty for the empty state. A link that says
/// nothing but its version is empty too: it would open the same page as no link at all.
pub fn encode_link(link: &PageLink) -> String {
    let mut parts: Vec<String> = Vec::new();
    if !link.query.is_empty() {
        parts.push(format!("q={}", encode_component(&link.query)));
    }
    for filter in &link.filters {
        parts.push(format!(
            "{}={}:{}",
            if filter.negated { "nf" } else { "f" },
            filter.kind.key(),
            encode_component(&filter.value)
        ));
    }
    if let Some(doc) = &link.doc {
        parts.push(format!("doc={}", encode_component(doc)));
    }
    if let Some(map) = link.map {
        parts.push(format!(
            "map={},{},{}",
            decimal(map.lat, DEGREE_DECIMALS),
            decimal(map.lon, DEGREE_DECIMALS),
            decimal(map.zoom, ZOOM_DECIMALS)
        ));
    }
    if parts.is_empty() {
        return String::new();
    }
    if let Some(version) = &link.version {
        parts.push(format!("v={}", encode_component(version)));
    }
    parts.join("&")
}

/// Reads a fragment, with or without its leading `#`. Unknown keys, undecodable text,
/// unknown filter kinds and malformed map views are skipped and reported; the rest applies.
pub fn decode_link(fragment: &str) -> DecodedLink {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    let mut decoded = DecodedLink::default();
    for part in fragment.split('&').filter(|part| !part.is_empty()) {
        let (key, raw) = part.split_once('=').unwrap_or((part, ""));
        let Some(value) = decode_component(raw) else {
            decoded
                .problems
                .push(format!("“{key}” is not valid percent-encoded UTF-8"));
            continue;
        };
        let link = &mut decoded.link;
        match key {
            "q" => link.query = value,
            "f" | "nf" => match parse_filter(&value, key == "nf") {
                Some(filter) => link.filters.push(filter),
                None => decoded
                    .problems
                    .push(format!("the filter “{value}” is not kind:value")),
            },
            "doc" if !value.is_empty() => link.doc = Some(value),
            "map" => match parse_map(&value) {
                Some(map) => link.map = Some(map),
                None => decoded.problems.push(format!(
                    "the map view “{value}” is not latitude,longitude,zoom"
                )),
            },
            "v" if !value.is_empty() => link.version = Some(value),
            _ => decoded.problems.push(format!("“{key}” is not a link part")),
        }
    }
    decoded
}

/// The corpus version: FNV-1a (64 bit) over the bundle's bytes, folded to 32 bits and written
/// as 8 hex digits. Not a cryptographic hash: it only tells a reader that a link was made
/// against other data. Cost: one pass over the bytes.
pub fn corpus_version(bytes: &[u8]) -> String {
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    let hash = bytes.iter().fold(OFFSET, |hash, &byte| {
        (hash ^ u64::from(byte)).wrapping_mul(PRIME)
    });
    format!("{:08x}", (hash >> 32) as u32 ^ hash as u32)
}

fn parse_filter(value: &str, negated: bool) -> Option<Filter> {
    let (kind, name) = value.split_once(':')?;
    if name.is_empty() {
        return None;
    }
    Some(Filter {
        kind: FacetKind::from_key(kind)?,
        value: name.to_owned(),
        negated,
    })
}

fn parse_map(value: &str) -> Option<MapView> {
    let mut numbers = value.split(',').map(|n| n.trim().parse::<f64>().ok());
    let (lat, lon, zoom) = (numbers.next()??, numbers.next()??, numbers.next()??);
    let valid = numbers.next().is_none()
        && (-90.0..=90.0).contains(&lat)
        && (-180.0..=180.0).contains(&lon)
        && zoom.is_finite()
        && zoom > 0.0;
    valid.then_some(MapView { lat, lon, zoom })
}

/// `value` with at most `places` decimals, trailing zeros dropped (`33.3`, not `33.3000`).
fn decimal(value: f64, places: usize) -> String {
    let text = format!("{value:.places$}");
    let text = if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.')
    } else {
        &text
    };
    if text == "-0" {
        "0".to_owned()
    } else {
        text.to_owned()
    }
}

/// Percent-encodes `text`, a space as `+`, keeping what reads well in a fragment.
fn encode_component(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        match byte {
            b' ' => out.push('+'),
            b'A'..=b'Z'
            | b'a'..=b'z'
            | b'0'..=b'9'
            | b'-'
            | b'.'
            | b'_'
            | b'~'
            | b':'
            | b','
            | b'/' => out.push(char::from(byte)),
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

/// Reverses [`encode_component`], also accepting what browsers and people write by hand
/// (`%20`, lower-case hex, unescaped non-ASCII); `None` for a broken escape or bytes that are
/// not UTF-8.
fn decode_component(text: &str) -> Option<String> {
    let mut bytes = Vec::with_capacity(text.len());
    let mut rest = text.as_bytes();
    while let Some((&byte, tail)) = rest.split_first() {
        match byte {
            b'+' => bytes.push(b' '),
            b'%' => {
                let hex = tail.get(..2)?;
                let hex = std::str::from_utf8(hex).ok()?;
                bytes.push(u8::from_str_radix(hex, 16).ok()?);
                rest = &tail[2..];
                continue;
            }
            _ => bytes.push(byte),
        }
        rest = tail;
    }
    String::from_utf8(bytes).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn filter(kind: FacetKind, value: &str, negated: bool) -> Filter {
        Filter {
            kind,
            value: value.into(),
            negated,
        }
    }

    #[test]
    fn a_full_link_reads_as_its_parts() {
        let link = PageLink {
            query: "al-Muhandis \"oil prices\"".into(),
            filters: vec![
                filter(FacetKind::Person, "Qassem Soleimani", false),
                filter(FacetKind::Place, "Kuwait", true),
            ],
            doc: Some("reports/a&b.md".into()),
            map: Some(MapView {
                lat: 33.3152,
                lon: -44.3661,
                zoom: 8.0,
            }),
            version: Some("1a2b3c4d".into()),
        };
        let text = encode_link(&link);
        assert_eq!(
            text,
            "q=al-Muhandis+%22oil+prices%22&f=person:Qassem+Soleimani&nf=place:Kuwait\
             &doc=reports/a%26b.md&map=33.3152,-44.3661,8&v=1a2b3c4d"
        );
        assert_eq!(
            decode_link(&text),
            DecodedLink {
                link,
                problems: vec![]
            }
        );
    }

    #[test]
    fn the_empty_state_is_the_empty_fragment_whatever_the_version() {
        let link = PageLink {
            version: Some("00000000".into()),
            ..Default::default()
        };
        assert_eq!(encode_link(&link), "");
        assert_eq!(decode_link(""), DecodedLink::default());
        assert_eq!(decode_link("#"), DecodedLink::default());
    }

    #[test]
    fn a_mangled_link_keeps_what_it_can_and_names_the_rest() {
        let decoded =
            decode_link("#q=iran&f=colour:red&nf=place&doc=%E2%28&map=91,0,1&zz=1&f=tag:oil");
        assert_eq!(decoded.link.query, "iran");
        assert_eq!(decoded.link.filters, [filter(FacetKind::Tag, "oil", false)]);
        assert_eq!(decoded.link.doc, None);
        assert_eq!(decoded.link.map, None);
        assert_eq!(decoded.problems.len(), 5, "{:?}", decoded.problems);
    }

    #[test]
    fn hand_written_and_browser_escapes_decode() {
        let decoded = decode_link("q=Q%c4%81sem%20x&f=People:Qāsem");
        assert_eq!(decoded.link.query, "Qāsem x");
        assert_eq!(
            decoded.link.filters,
            [filter(FacetKind::Person, "Qāsem", false)]
        );
        assert!(decoded.problems.is_empty());
    }

    #[test]
    fn a_truncated_escape_is_a_problem_not_a_panic() {
        for fragment in ["q=%", "q=%4", "q=%zz", "doc=%C3"] {
            assert_eq!(decode_link(fragment).problems.len(), 1, "{fragment}");
        }
    }

    #[test]
    fn the_corpus_version_is_eight_hex_digits_and_follows_the_bytes() {
        let a = corpus_version(b"DOSR bundle");
        assert_eq!(a.len(), 8);
        assert!(a.bytes().all(|b| b.is_ascii_hexdigit()));
        assert_eq!(a, corpus_version(b"DOSR bundle"));
        assert_ne!(a, corpus_version(b"DOSR bundle."));
    }

    fn arbitrary_filter() -> impl proptest::strategy::Strategy<Value = Filter> {
        use proptest::prelude::*;
        (
            proptest::sample::select(FacetKind::ALL.to_vec()),
            "\\PC{1,12}",
            any::<bool>(),
        )
            .prop_map(|(kind, value, negated)| Filter {
                kind,
                value,
                negated,
            })
    }

    fn arbitrary_link() -> impl proptest::strategy::Strategy<Value = PageLink> {
        use proptest::prelude::*;
        let map = (
            -900_000i32..=900_000,
            -1_800_000i32..=1_800_000,
            1u32..=25_600,
        )
            .prop_map(|(lat, lon, zoom)| MapView {
                lat: f64::from(lat) / 1e4,
                lon: f64::from(lon) / 1e4,
                zoom: f64::from(zoom) / 1e2,
            });
        (
            "\\PC{0,20}",
            proptest::collection::vec(arbitrary_filter(), 0..4),
            proptest::option::of("\\PC{1,16}"),
            proptest::option::of(map),
            proptest::option::of("[0-9a-f]{8}"),
        )
            .prop_map(|(query, filters, doc, map, version)| PageLink {
                query,
                filters,
                doc,
                map,
                version,
            })
    }

    proptest::proptest! {
        #[test]
        fn every_link_round_trips(link in arbitrary_link()) {
            let text = encode_link(&link);
            let decoded = decode_link(&format!("#{text}"));
            proptest::prop_assert!(decoded.problems.is_empty(), "{:?}", decoded.problems);
            let empty = link.query.is_empty() && link.filters.is_empty() && link.doc.is_none() && link.map.is_none();
            let expected = if empty { PageLink::default() } else { link };
            proptest::prop_assert_eq!(decoded.link, expected);
        }

        #[test]
        fn decoding_anything_never_panics(text in "\\PC{0,60}") {
            let _ = decode_link(&text);
        }
    }

    proptest::proptest! {
        #[test]
        fn a_view_as_written_is_the_view_its_link_restores(
            lat in -85.0f64..85.0, lon in -180.0f64..180.0, zoom in 1.0f64..256.0,
        ) {
            let view = MapView { lat, lon, zoom }.as_written();
            let link = PageLink { map: Some(view), ..PageLink::default() };
            proptest::prop_assert_eq!(decode_link(&encode_link(&link)).link.map, Some(view));
        }
    }
}

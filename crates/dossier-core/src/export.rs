//! Results as files a reader takes away: CSV and JSON (one record per document) and GeoJSON
//! (one point per place). Pure text out, so the page only has to offer it as a download.
//!
//! Written by hand rather than with serde: the page's wasm carries no serializer, and these
//! three shapes are small enough to escape correctly here, with tests.

use crate::bundle::Bundle;
use crate::document::DocId;
use crate::facets::FacetKind;
use crate::related::is_entity;

/// One document as exported.
#[derive(Debug, Clone, PartialEq)]
pub struct ExportRecord<'a> {
    pub id: &'a str,
    pub title: &'a str,
    pub date: &'a str,
    pub source: &'a str,
    pub url: &'a str,
    pub tags: Vec<&'a str>,
    /// The entities it names, by kind, then name.
    pub entities: Vec<(FacetKind, &'a str)>,
}

/// One located place and the exported documents that name it.
#[derive(Debug, Clone, PartialEq)]
pub struct ExportPlace<'a> {
    pub name: &'a str,
    pub lat: f32,
    pub lon: f32,
    /// `PlaceKind::name`: city, country, …
    pub kind: &'static str,
    pub country: &'a str,
    /// Document ids, in the order of the documents exported.
    pub documents: Vec<&'a str>,
}

/// The records of `docs`, in their order; documents the bundle cannot read are left out.
pub fn export_records<'a>(bundle: &'a Bundle<'a>, docs: &[DocId]) -> Vec<ExportRecord<'a>> {
    let values = bundle.facets();
    docs.iter()
        .filter_map(|&doc| {
            let stored = bundle.document(doc).ok()?;
            let mut entities: Vec<(FacetKind, &'a str)> = bundle
                .facet_index()
                .doc_values(doc)
                .iter()
                .filter_map(|&v| values.get(v as usize))
                .filter(|value| is_entity(value.kind))
                .map(|value| (value.kind, value.name.as_str()))
                .collect();
            entities.sort();
            Some(ExportRecord {
                id: stored.id,
                title: stored.title,
                date: stored.date,
                source: stored.source,
                url: stored.url,
                tags: stored.tags,
                entities,
            })
        })
        .collect()
}

/// The located places that `docs` name, in the bundle's order (by name).
pub fn export_places<'a>(bundle: &'a Bundle<'a>, docs: &[DocId]) -> Vec<ExportPlace<'a>> {
    let ids: Vec<Option<&'a str>> = docs
        .iter()
        .map(|&doc| bundle.document(doc).ok().map(|d| d.id))
        .collect();
    bundle
        .facets()
        .iter()
        .filter(|value| value.kind == FacetKind::Place)
        .filter_map(|value| {
            let location = value.location.as_ref()?;
            let documents: Vec<&'a str> = docs
                .iter()
                .zip(&ids)
                .filter(|(doc, _)| value.docs.binary_search(doc).is_ok())
                .filter_map(|(_, id)| *id)
                .collect();
            (!documents.is_empty()).then(|| ExportPlace {
                name: &value.name,
                lat: location.lat,
                lon: location.lon,
                kind: location.kind.name(),
                country: &location.country,
                documents,
            })
        })
        .collect()
}

/// RFC 4180 CSV with a header row and CRLF line ends. Tags are joined by `; ` and entities
/// written `kind:name` joined by `; `.
pub fn to_csv(records: &[ExportRecord<'_>]) -> String {
    let mut out = String::from("id,title,date,source,url,tags,entities\r\n");
    for record in records {
        let entities: Vec<String> = record
            .entities
            .iter()
            .map(|(kind, name)| format!("{}:{name}", kind.key()))
            .collect();
        let cells = [
            csv_cell(record.id),
            csv_cell(record.title),
            csv_cell(record.date),
            csv_cell(record.source),
            csv_cell(record.url),
            csv_cell(&record.tags.join("; ")),
            csv_cell(&entities.join("; ")),
        ];
        out.push_str(&cells.join(","));
        out.push_str("\r\n");
    }
    out
}

/// A JSON array of objects: `id`, `title`, `date`, `source`, `url` (strings), `tags` (strings)
/// and `entities` (objects with `kind` and `name`).
pub fn to_json(records: &[ExportRecord<'_>]) -> String {
    let mut out = String::from("[");
    for (i, record) in records.iter().enumerate() {
        out.push_str(if i == 0 { "\n  {" } else { ",\n  {" });
        for (key, value) in [
            ("id", record.id),
            ("title", record.title),
            ("date", record.date),
            ("source", record.source),
            ("url", record.url),
        ] {
            out.push_str(&format!("\"{key}\": {}, ", json_string(value)));
        }
        let tags: Vec<String> = record.tags.iter().map(|t| json_string(t)).collect();
        out.push_str(&format!("\"tags\": [{}], ", tags.join(", ")));
        let entities: Vec<String> = record
            .entities
            .iter()
            .map(|(kind, name)| {
                format!(
                    "{{\"kind\": {}, \"name\": {}}}",
                    json_string(kind.key()),
                    json_string(name)
                )
            })
            .collect();
        out.push_str(&format!("\"entities\": [{}]}}", entities.join(", ")));
    }
    out.push_str(if records.is_empty() { "]\n" } else { "\n]\n" });
    out
}

/// A GeoJSON FeatureCollection (RFC 7946): one Point per place, `[longitude, latitude]`, with
/// `name`, `kind`, `country` and `documents` (ids) as properties.
pub fn to_geojson(places: &[ExportPlace<'_>]) -> String {
    let features: Vec<String> = places
        .iter()
        .map(|place| {
            let documents: Vec<String> = place.documents.iter().map(|d| json_string(d)).collect();
            format!(
                "    {{\"type\": \"Feature\", \"geometry\": {{\"type\": \"Point\", \"coordinates\": [{}, {}]}}, \
                 \"properties\": {{\"name\": {}, \"kind\": {}, \"country\": {}, \"documents\": [{}]}}}}",
                json_number(place.lon),
                json_number(place.lat),
                json_string(place.name),
                json_string(place.kind),
                json_string(place.country),
                documents.join(", ")
            )
        })
        .collect();
    format!(
        "{{\n  \"type\": \"FeatureCollection\",\n  \"features\": [{}{}{}]\n}}\n",
        if features.is_empty() { "" } else { "\n" },
        features.join(",\n"),
        if features.is_empty() { "" } else { "\n  " }
    )
}

/// One CSV field, quoted when it holds a comma, quote or line break (quotes doubled). A field
/// that a spreadsheet would run as a formula (`=`, `+`, `-`, `@` first) gets a leading `'`:
/// corpus text is untrusted, and opening an export must not run it.
fn csv_cell(text: &str) -> String {
    let guarded = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_owned()
    };
    if guarded.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", guarded.replace('"', "\"\""))
    } else {
        guarded
    }
}

/// A JSON string literal: quotes, backslashes and control characters escaped.
fn json_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if u32::from(c) < 0x20 => out.push_str(&format!("\\u{:04x}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A coordinate as JSON: the shortest decimal that reads back as the same `f32`; `null` for
/// a value JSON cannot hold.
fn json_number(value: f32) -> String {
    if value.is_finite() {
        format!("{value}")
    } else {
        "null".to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record<'a>(title: &'a str, tags: Vec<&'a str>) -> ExportRecord<'a> {
        ExportRecord {
            id: "a.md",
            title,
            date: "2020-01-03",
            source: "Reuters",
            url: "https://example.org/a?x=1,2",
            tags,
            entities: vec![
                (FacetKind::Person, "Qassem Soleimani"),
                (FacetKind::Place, "Iraq"),
            ],
        }
    }

    #[test]
    fn csv_quotes_commas_quotes_and_line_breaks() {
        let csv = to_csv(&[record(
            "Strike, \"retaliation\"\nand after",
            vec!["oil", "iran"],
        )]);
        assert_eq!(
            csv,
            "id,title,date,source,url,tags,entities\r\n\
             a.md,\"Strike, \"\"retaliation\"\"\nand after\",2020-01-03,Reuters,\
             \"https://example.org/a?x=1,2\",oil; iran,person:Qassem Soleimani; place:Iraq\r\n"
        );
    }

    #[test]
    fn csv_cells_that_would_run_as_formulas_are_defused() {
        assert_eq!(csv_cell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(csv_cell("@sum"), "'@sum");
        assert_eq!(csv_cell("plain"), "plain");
    }

    #[test]
    fn json_escapes_quotes_backslashes_and_control_characters() {
        let json = to_json(&[record("A \"b\" \\ c\n\u{1}é", vec![])]);
        assert!(
            json.contains(r#""title": "A \"b\" \\ c\n\u0001é""#),
            "{json}"
        );
        assert!(json.contains(r#""tags": []"#));
        assert!(json.contains(r#""entities": [{"kind": "person", "name": "Qassem Soleimani"}, {"kind": "place", "name": "Iraq"}]"#));
        assert_eq!(to_json(&[]), "[]\n");
    }

    #[test]
    fn geojson_points_are_longitude_then_latitude() {
        let places = [ExportPlace {
            name: "Baghdad",
            lat: 33.3406,
            lon: 44.4009,
            kind: "city",
            country: "IQ",
            documents: vec!["a.md", "b \"quoted\".md"],
        }];
        let geojson = to_geojson(&places);
        assert!(
            geojson.contains(r#""coordinates": [44.4009, 33.3406]"#),
            "{geojson}"
        );
        assert!(geojson.contains(r#""documents": ["a.md", "b \"quoted\".md"]"#));
        assert_eq!(
            to_geojson(&[]),
            "{\n  \"type\": \"FeatureCollection\",\n  \"features\": []\n}\n"
        );
    }
}

//! JSON Lines records: one JSON object a line.
//!
//! Known fields: `id` (or `_id`; a string or a number), `title`, `text`, `date`, `source`,
//! `url`, `tags` (a list of strings, or one string). Every other non-null field is kept as
//! metadata, its value as JSON text unless it is a string. A record without an id gets
//! `FILE:LINE`; a record without a title gets the opening of its text's first sentence.

use dossier_core::Document;
use serde_json::{Map, Value};

use super::title::opening_of_first_sentence;
use super::{IngestError, IngestedDocument};
use crate::report::BuildReport;

const KNOWN_FIELDS: &[&str] = &[
    "id", "_id", "title", "text", "date", "source", "url", "tags",
];

pub fn read_records(
    text: &str,
    path: &str,
    report: &mut BuildReport,
    documents: &mut Vec<IngestedDocument>,
) -> Result<(), IngestError> {
    for (index, line) in text.lines().enumerate() {
        let line_number = index + 1;
        let place = format!("{path}:{line_number}");
        if line.trim().is_empty() {
            report.skip(place, "blank line");
            continue;
        }
        let value: Value =
            serde_json::from_str(line).map_err(|error| IngestError::MalformedJson {
                path: path.to_owned(),
                line: line_number,
                column: error.column(),
                message: strip_position(&error.to_string()),
            })?;
        let Value::Object(record) = value else {
            return Err(IngestError::InvalidRecord {
                path: path.to_owned(),
                line: line_number,
                message: "expected a JSON object".into(),
            });
        };
        let invalid = |message: String| IngestError::InvalidRecord {
            path: path.to_owned(),
            line: line_number,
            message,
        };
        let document = record_to_document(&record, &place).map_err(invalid)?;
        if document.title.trim().is_empty() && document.text.trim().is_empty() {
            report.skip(place, "empty record (no title and no text)");
            continue;
        }
        documents.push(IngestedDocument { document, place });
    }
    Ok(())
}

fn record_to_document(record: &Map<String, Value>, place: &str) -> Result<Document, String> {
    let id = match record.get("id").or_else(|| record.get("_id")) {
        None | Some(Value::Null) => place.to_owned(),
        Some(Value::String(s)) if !s.trim().is_empty() => s.clone(),
        Some(Value::String(_)) => place.to_owned(),
        Some(Value::Number(n)) => n.to_string(),
        Some(_) => return Err("field `id` must be a string or a number".into()),
    };
    let text = text_field(record, "text")?;
    let mut title = text_field(record, "title")?;
    if title.trim().is_empty() {
        title = opening_of_first_sentence(&text);
    }
    let metadata = record
        .iter()
        .filter(|(key, value)| !KNOWN_FIELDS.contains(&key.as_str()) && !value.is_null())
        .map(|(key, value)| (key.clone(), value_as_text(value)))
        .collect();
    Ok(Document {
        id,
        title: title.trim().to_owned(),
        text,
        date: text_field(record, "date")?,
        source: text_field(record, "source")?,
        url: text_field(record, "url")?,
        tags: tags_field(record)?,
        metadata,
    })
}

fn text_field(record: &Map<String, Value>, key: &str) -> Result<String, String> {
    match record.get(key) {
        None | Some(Value::Null) => Ok(String::new()),
        Some(Value::String(s)) => Ok(s.clone()),
        Some(value @ (Value::Number(_) | Value::Bool(_))) => Ok(value.to_string()),
        Some(_) => Err(format!(
            "field `{key}` must be text, not a list or an object"
        )),
    }
}

fn tags_field(record: &Map<String, Value>) -> Result<Vec<String>, String> {
    let tags = match record.get("tags") {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::String(s)) => vec![s.clone()],
        Some(Value::Array(items)) => items
            .iter()
            .filter(|item| !item.is_null())
            .map(|item| match item {
                Value::String(s) => Ok(s.clone()),
                Value::Number(_) | Value::Bool(_) => Ok(item.to_string()),
                _ => Err("field `tags` must be a list of strings".to_owned()),
            })
            .collect::<Result<_, _>>()?,
        Some(_) => return Err("field `tags` must be a list of strings".into()),
    };
    Ok(tags
        .into_iter()
        .map(|t| t.trim().to_owned())
        .filter(|t| !t.is_empty())
        .collect())
}

fn value_as_text(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// serde_json ends its messages with " at line L column C"; we print our own position.
fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(at) => message[..at].to_owned(),
        None => message.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> (Result<Vec<IngestedDocument>, IngestError>, BuildReport) {
        let mut report = BuildReport::default();
        let mut docs = Vec::new();
        let result = read_records(text, "c.jsonl", &mut report, &mut docs).map(|_| docs);
        (result, report)
    }

    #[test]
    fn records_become_documents_with_their_fields_and_metadata() {
        let (docs, _) = read(
            r#"{"_id": 7, "title": "T", "text": "Body.", "date": "2020-01-03", "tags": ["a", "b"], "lang": "en", "n": 3}"#,
        );
        let doc = &docs.expect("valid record")[0].document;
        assert_eq!(doc.id, "7");
        assert_eq!(doc.title, "T");
        assert_eq!(doc.date, "2020-01-03");
        assert_eq!(doc.tags, ["a", "b"]);
        assert_eq!(
            doc.metadata,
            [("lang".into(), "en".into()), ("n".into(), "3".into())]
        );
    }

    #[test]
    fn a_record_without_id_is_named_by_file_and_line() {
        let (docs, _) = read("{\"text\": \"One.\"}\n{\"text\": \"Two. More.\"}");
        let docs = docs.expect("valid records");
        assert_eq!(docs[1].document.id, "c.jsonl:2");
        assert_eq!(docs[1].document.title, "Two.");
    }

    #[test]
    fn malformed_json_names_file_line_and_column() {
        let (result, _) = read("{\"text\": \"ok\"}\n{\"text\": oops}");
        let message = result.err().map(|e| e.to_string()).unwrap_or_default();
        assert!(
            message.starts_with("c.jsonl:2:10: malformed JSON"),
            "{message}"
        );
    }

    #[test]
    fn a_field_of_the_wrong_shape_names_the_line_and_field() {
        let (result, _) = read("{\"text\": [\"a\"]}");
        let message = result.err().map(|e| e.to_string()).unwrap_or_default();
        assert_eq!(
            message,
            "c.jsonl:1: field `text` must be text, not a list or an object"
        );
    }

    #[test]
    fn empty_records_and_blank_lines_are_skipped_and_reported() {
        let (docs, report) =
            read("{\"id\": \"a\", \"text\": \"\"}\n\n{\"id\": \"b\", \"text\": \"x\"}");
        assert_eq!(docs.expect("valid").len(), 1);
        let places: Vec<&str> = report.skipped.iter().map(|s| s.place.as_str()).collect();
        assert_eq!(places, ["c.jsonl:1", "c.jsonl:2"]);
    }
}

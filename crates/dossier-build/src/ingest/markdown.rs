//! Markdown files with optional YAML front matter.
//!
//! ```text
//! ---
//! title: A headline
//! date: 2020-01-03
//! source: A newspaper
//! url: https://example.org/story
//! tags: [one, two]        # or a single string
//! anything_else: kept as metadata
//! ---
//! The text.
//! ```
//!
//! Without a `title`, the first `# Heading` is the title; without one either, the opening of
//! the first sentence. The text is kept as written: the page shows it as text, never as HTML.

use dossier_core::Document;
use yaml_rust2::{Yaml, YamlLoader};

use super::title::opening_of_first_sentence;
use super::IngestError;

pub fn read_markdown(text: &str, path: &str) -> Result<Document, IngestError> {
    let (front, body) = split_front_matter(text);
    let mut document = Document {
        id: path.to_owned(),
        ..Document::default()
    };
    if let Some(front) = front {
        apply_front_matter(&mut document, front, path)?;
    }
    let mut body = body.trim().to_owned();
    if document.title.is_empty() {
        if let Some(heading) = body.lines().next().and_then(|l| l.strip_prefix("# ")) {
            document.title = heading.trim().to_owned();
            body = body[body.find('\n').unwrap_or(body.len())..]
                .trim()
                .to_owned();
        } else {
            document.title = opening_of_first_sentence(&body);
        }
    }
    document.text = body;
    Ok(document)
}

/// (front matter, body). Front matter is the text between a first line `---` and the next
/// line `---` (or `...`).
fn split_front_matter(text: &str) -> (Option<&str>, &str) {
    let Some(rest) = text
        .strip_prefix("---\n")
        .or_else(|| text.strip_prefix("---\r\n"))
    else {
        return (None, text);
    };
    let mut at = 0;
    for line in rest.split_inclusive('\n') {
        let bare = line.trim_end();
        if bare == "---" || bare == "..." {
            return (Some(&rest[..at]), &rest[at + line.len()..]);
        }
        at += line.len();
    }
    (None, text)
}

fn apply_front_matter(document: &mut Document, front: &str, path: &str) -> Result<(), IngestError> {
    // Line 1 of the file is the opening `---`, so front matter line N is file line N + 1.
    let malformed =
        |line: usize, column: usize, message: String| IngestError::MalformedFrontMatter {
            path: path.to_owned(),
            line: line + 1,
            column,
            message,
        };
    let docs = YamlLoader::load_from_str(front).map_err(|error| {
        let marker = error.marker();
        malformed(marker.line(), marker.col() + 1, error.info().to_owned())
    })?;
    let Some(root) = docs.into_iter().next() else {
        return Ok(());
    };
    let Yaml::Hash(map) = root else {
        return Err(malformed(1, 1, "expected `key: value` lines".into()));
    };
    for (key, value) in map {
        let key = scalar_text(&key).unwrap_or_default();
        match key.as_str() {
            "title" => document.title = scalar_text(&value).unwrap_or_default(),
            "date" => document.date = scalar_text(&value).unwrap_or_default(),
            "source" => document.source = scalar_text(&value).unwrap_or_default(),
            "url" => document.url = scalar_text(&value).unwrap_or_default(),
            "tags" => {
                document.tags = match value {
                    Yaml::Array(items) => items.iter().filter_map(scalar_text).collect(),
                    other => scalar_text(&other).into_iter().collect(),
                }
            }
            _ => {
                if let Some(text) = scalar_text(&value) {
                    document.metadata.push((key, text));
                }
            }
        }
    }
    Ok(())
}

fn scalar_text(value: &Yaml) -> Option<String> {
    match value {
        Yaml::String(s) | Yaml::Real(s) => Some(s.trim().to_owned()),
        Yaml::Integer(i) => Some(i.to_string()),
        Yaml::Boolean(b) => Some(b.to_string()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_fields_fill_the_document_and_the_rest_is_metadata() {
        let doc = read_markdown(
            "---\ntitle: Hello\ndate: 2020-01-03\ntags: [a, b]\nauthor: Me\n---\nBody text.\n",
            "x.md",
        )
        .expect("valid front matter");
        assert_eq!(doc.title, "Hello");
        assert_eq!(doc.date, "2020-01-03");
        assert_eq!(doc.tags, ["a", "b"]);
        assert_eq!(doc.metadata, [("author".into(), "Me".into())]);
        assert_eq!(doc.text, "Body text.");
    }

    #[test]
    fn without_front_matter_the_first_heading_is_the_title() {
        let doc = read_markdown("# Heading\n\nBody.", "x.md").expect("plain markdown");
        assert_eq!(doc.title, "Heading");
        assert_eq!(doc.text, "Body.");
    }

    #[test]
    fn malformed_front_matter_names_the_file_line() {
        let error = read_markdown("---\ntitle: ok\ntags: [a, b\n---\nBody", "x.md")
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(error.starts_with("x.md:"), "{error}");
        assert!(error.contains("malformed front matter"), "{error}");
    }
}

//! The document model: what one input document is once ingest has read it.

/// Index of a document in a bundle, in the order the corpus compiler wrote them (sorted by id).
pub type DocId = u32;

/// One document of the collection, as ingest produced it and the bundle stores it.
///
/// Optional fields are empty strings when absent: the bundle stores them that way, and the
/// views show nothing for them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Document {
    /// Stable id: the path relative to the corpus root for files, the record's id for JSONL.
    pub id: String,
    pub title: String,
    pub text: String,
    /// As the source gives it (ISO `YYYY-MM-DD` where ingest could recognise one).
    pub date: String,
    pub source: String,
    pub url: String,
    pub tags: Vec<String>,
    /// Any other fields of the input record, as `(key, value)` with JSON values rendered as
    /// text, in the order they appeared.
    pub metadata: Vec<(String, String)>,
}

/// A borrowed view of a stored document, decoded on demand from the bundle bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredDocument<'a> {
    pub id: &'a str,
    pub title: &'a str,
    pub text: &'a str,
    pub date: &'a str,
    pub source: &'a str,
    pub url: &'a str,
    pub tags: Vec<&'a str>,
    pub metadata: Vec<(&'a str, &'a str)>,
}

impl StoredDocument<'_> {
    pub fn to_owned_document(&self) -> Document {
        Document {
            id: self.id.to_owned(),
            title: self.title.to_owned(),
            text: self.text.to_owned(),
            date: self.date.to_owned(),
            source: self.source.to_owned(),
            url: self.url.to_owned(),
            tags: self.tags.iter().map(|t| (*t).to_owned()).collect(),
            metadata: self
                .metadata
                .iter()
                .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
                .collect(),
        }
    }
}

/// The collection as a whole: what `corpus/dossier.toml` says about it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CollectionInfo {
    pub title: String,
    pub description: String,
}

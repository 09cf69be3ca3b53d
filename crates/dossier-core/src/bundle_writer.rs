//! The bundle writer: documents in, bundle bytes out (the format is documented in
//! [`crate::bundle`]).
//!
//! It lives beside the reader, not in `dossier-build`, because it is pure (no I/O) and the
//! round-trip and oracle property tests need both halves in one crate.

use std::collections::BTreeMap;

use crate::analysis::{conflation_key, is_stop_word, tokenize, Token};
use crate::bundle::{section, term_value, FORMAT_VERSION, HEADER_LEN, MAGIC, SECTION_ENTRY_LEN};
use crate::document::{CollectionInfo, Document};
use crate::facets::EntityMention;
use crate::facets::{year_month, FacetKind, FacetValue};
use crate::varint::{write_str, write_u64};

/// Why a bundle could not be written.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum WriteError {
    #[error("the bundle would exceed 4 GiB, the most its 32-bit offsets can address")]
    TooLarge,
    #[error("two documents share the id {0:?}")]
    DuplicateId(String),
}

/// One term's occurrences in one document, gathered while indexing.
#[derive(Default)]
struct TermOccurrences {
    title: Vec<u32>,
    text: Vec<u32>,
}

/// Compiles `documents` into bundle bytes, with their declared tags and dates as facets.
/// Documents are stored sorted by id, so the bytes depend only on the input set, not on the
/// order files were read in.
///
/// Cost: one tokenisation of every title and text; memory proportional to the postings.
pub fn write_bundle(
    collection: &CollectionInfo,
    documents: &[Document],
) -> Result<Vec<u8>, WriteError> {
    write_bundle_with_entities(collection, documents, &[], &[])
}

/// [`write_bundle`] plus entity facets found at build time (people, organisations, places,
/// sources), whose `docs` are indices into `documents`, and where in each text they are
/// mentioned (mentions of a value that `entities` lacks, or overlapping an earlier one, are
/// left out).
pub fn write_bundle_with_entities(
    collection: &CollectionInfo,
    documents: &[Document],
    entities: &[FacetValue],
    mentions: &[EntityMention],
) -> Result<Vec<u8>, WriteError> {
    let mut order: Vec<&Document> = documents.iter().collect();
    order.sort_by(|a, b| a.id.cmp(&b.id));
    if let Some(pair) = order.windows(2).find(|pair| pair[0].id == pair[1].id) {
        return Err(WriteError::DuplicateId(pair[0].id.clone()));
    }

    let mut store = Vec::new();
    let mut doc_offsets = Vec::with_capacity(order.len() + 1);
    let mut lengths = Vec::with_capacity(order.len() * 8);
    // term → (doc → occurrences); BTreeMaps keep both in the order the FST and postings need.
    let mut index: BTreeMap<String, BTreeMap<u32, TermOccurrences>> = BTreeMap::new();

    for (doc_id, doc) in order.iter().enumerate() {
        let doc_id = u32::try_from(doc_id).map_err(|_| WriteError::TooLarge)?;
        doc_offsets.push(offset_u32(store.len())?);
        write_document(&mut store, doc);

        let title_tokens = tokenize(&doc.title);
        let text_tokens = tokenize(&doc.text);
        lengths.extend_from_slice(&content_words(&title_tokens).to_le_bytes());
        lengths.extend_from_slice(&content_words(&text_tokens).to_le_bytes());
        for token in title_tokens {
            let entry = index
                .entry(token.term)
                .or_default()
                .entry(doc_id)
                .or_default();
            entry.title.push(token.position);
        }
        for token in text_tokens {
            let entry = index
                .entry(token.term)
                .or_default()
                .entry(doc_id)
                .or_default();
            entry.text.push(token.position);
        }
    }
    doc_offsets.push(offset_u32(store.len())?);

    let mut postings = Vec::new();
    let mut positions = Vec::new();
    let mut terms = fst::MapBuilder::memory();
    let mut classes: BTreeMap<String, Vec<&str>> = BTreeMap::new();
    for (term, docs) in &index {
        // Keys come from a BTreeMap, so they are sorted and unique: insert cannot fail.
        terms
            .insert(
                term.as_bytes(),
                term_value(postings.len() as u64, docs.len() as u32),
            )
            .map_err(|_| WriteError::TooLarge)?;
        write_postings(&mut postings, &mut positions, docs);
        classes.entry(conflation_key(term)).or_default().push(term);
    }
    let terms = terms.into_inner().map_err(|_| WriteError::TooLarge)?;

    let mut class_bytes = Vec::new();
    let mut conflations = fst::MapBuilder::memory();
    for (key, members) in &classes {
        conflations
            .insert(key.as_bytes(), class_bytes.len() as u64)
            .map_err(|_| WriteError::TooLarge)?;
        write_u64(&mut class_bytes, members.len() as u64);
        for member in members {
            write_str(&mut class_bytes, member);
        }
    }
    let conflations = conflations.into_inner().map_err(|_| WriteError::TooLarge)?;

    let mut meta = Vec::new();
    write_str(&mut meta, &collection.title);
    write_str(&mut meta, &collection.description);

    let mut docs_section = Vec::with_capacity(4 + doc_offsets.len() * 4);
    docs_section.extend_from_slice(&(order.len() as u32).to_le_bytes());
    for offset in doc_offsets {
        docs_section.extend_from_slice(&offset.to_le_bytes());
    }

    let (facets, places, value_index) = write_facets(documents, entities);
    let mention_section = write_mentions(documents, mentions, &value_index)?;

    assemble(&[
        (section::META, &meta),
        (section::DOCS, &docs_section),
        (section::STOR, &store),
        (section::LENS, &lengths),
        (section::TERM, &terms),
        (section::POST, &postings),
        (section::POSN, &positions),
        (section::CONF, &conflations),
        (section::CLAS, &class_bytes),
        (section::FACE, &facets),
        (section::GEOS, &places),
        (section::MENT, &mention_section),
    ])
}

/// Each facet value's index in FACE, by kind and name.
type ValueIndex = BTreeMap<(FacetKind, String), u32>;

/// The FACE section (entity facets plus declared tags and year-month dates, with document
/// indices remapped from input order to bundle (id) order) and the GEOS section (where each
/// resolved place is).
fn write_facets(documents: &[Document], entities: &[FacetValue]) -> (Vec<u8>, Vec<u8>, ValueIndex) {
    let mut by_id: Vec<usize> = (0..documents.len()).collect();
    by_id.sort_by(|&a, &b| documents[a].id.cmp(&documents[b].id));
    let mut bundle_index = vec![0u32; documents.len()];
    for (position, &input) in by_id.iter().enumerate() {
        bundle_index[input] = position as u32;
    }

    let mut values: BTreeMap<(FacetKind, String), FacetValue> = BTreeMap::new();
    fn value_of<'v>(
        values: &'v mut BTreeMap<(FacetKind, String), FacetValue>,
        kind: FacetKind,
        name: &str,
    ) -> &'v mut FacetValue {
        values
            .entry((kind, name.to_owned()))
            .or_insert_with(|| FacetValue {
                kind,
                name: name.to_owned(),
                aliases: Vec::new(),
                mentions: 0,
                docs: Vec::new(),
                location: None,
            })
    }
    for (input_doc, doc) in documents.iter().enumerate() {
        let mut tags: Vec<&str> = doc.tags.iter().map(String::as_str).collect();
        tags.sort_unstable();
        tags.dedup();
        for tag in tags {
            let value = value_of(&mut values, FacetKind::Tag, tag);
            value.docs.push(bundle_index[input_doc]);
            value.mentions += 1;
        }
        if let Some(month) = year_month(&doc.date) {
            let value = value_of(&mut values, FacetKind::Date, &month);
            value.docs.push(bundle_index[input_doc]);
            value.mentions += 1;
        }
    }
    for entity in entities {
        let value = value_of(&mut values, entity.kind, &entity.name);
        value.mentions += entity.mentions;
        value.aliases.extend(entity.aliases.iter().cloned());
        if value.location.is_none() {
            value.location = entity.location.clone();
        }
        value.docs.extend(
            entity
                .docs
                .iter()
                .filter_map(|&input_doc| bundle_index.get(input_doc as usize).copied()),
        );
    }

    let mut out = Vec::new();
    let mut places = Vec::new();
    let mut place_count = 0u64;
    write_u64(&mut out, values.len() as u64);
    for (index, value) in values.values_mut().enumerate() {
        // Only places have locations; the reader rejects any other.
        if let Some(location) = value
            .location
            .as_ref()
            .filter(|_| value.kind == FacetKind::Place)
        {
            place_count += 1;
            write_u64(&mut places, index as u64);
            places.extend_from_slice(&location.lat.to_le_bytes());
            places.extend_from_slice(&location.lon.to_le_bytes());
            places.push(location.kind.code());
            write_str(&mut places, &location.country);
            write_u64(
                &mut places,
                location.geonameid.map_or(0, |id| u64::from(id) + 1),
            );
        }
        value.docs.sort_unstable();
        value.docs.dedup();
        value.aliases.sort();
        value.aliases.dedup();
        out.push(value.kind.code());
        write_str(&mut out, &value.name);
        write_u64(&mut out, value.aliases.len() as u64);
        for alias in &value.aliases {
            write_str(&mut out, alias);
        }
        write_u64(&mut out, u64::from(value.mentions));
        write_u64(&mut out, value.docs.len() as u64);
        let mut last = 0;
        for &doc in &value.docs {
            write_u64(&mut out, u64::from(doc - last));
            last = doc;
        }
    }
    let mut geos = Vec::with_capacity(places.len() + 4);
    write_u64(&mut geos, place_count);
    geos.extend_from_slice(&places);
    let value_index = values
        .into_keys()
        .enumerate()
        .map(|(index, key)| (key, index as u32))
        .collect();
    (out, geos, value_index)
}

/// The MENT section: per document in bundle order, its entity mentions by start.
fn write_mentions(
    documents: &[Document],
    mentions: &[EntityMention],
    value_index: &ValueIndex,
) -> Result<Vec<u8>, WriteError> {
    let mut by_doc: Vec<Vec<(u32, u32, u32)>> = vec![Vec::new(); documents.len()];
    for mention in mentions {
        let Some(&value) = value_index.get(&(mention.kind, mention.name.clone())) else {
            continue;
        };
        if let Some(list) = by_doc.get_mut(mention.doc as usize) {
            if mention.start < mention.end {
                list.push((mention.start, mention.end, value));
            }
        }
    }
    let mut order: Vec<usize> = (0..documents.len()).collect();
    order.sort_by(|&a, &b| documents[a].id.cmp(&documents[b].id));
    let mut body = Vec::new();
    let mut offsets = Vec::with_capacity((order.len() + 1) * 4);
    for input in order {
        offsets.extend_from_slice(&offset_u32(body.len())?.to_le_bytes());
        let list = &mut by_doc[input];
        list.sort_unstable();
        let mut kept: Vec<(u32, u32, u32)> = Vec::with_capacity(list.len());
        for &(start, end, value) in list.iter() {
            if kept
                .last()
                .is_none_or(|&(_, last_end, _)| start >= last_end)
            {
                kept.push((start, end, value));
            }
        }
        write_u64(&mut body, kept.len() as u64);
        let mut last_start = 0;
        for (start, end, value) in kept {
            write_u64(&mut body, u64::from(value));
            write_u64(&mut body, u64::from(start - last_start));
            write_u64(&mut body, u64::from(end - start));
            last_start = start;
        }
    }
    offsets.extend_from_slice(&offset_u32(body.len())?.to_le_bytes());
    let mut out = Vec::with_capacity(offsets.len() + body.len());
    out.extend_from_slice(&offsets);
    out.extend_from_slice(&body);
    Ok(out)
}

fn write_document(out: &mut Vec<u8>, doc: &Document) {
    for field in [
        &doc.id,
        &doc.title,
        &doc.text,
        &doc.date,
        &doc.source,
        &doc.url,
    ] {
        write_str(out, field);
    }
    write_u64(out, doc.tags.len() as u64);
    for tag in &doc.tags {
        write_str(out, tag);
    }
    write_u64(out, doc.metadata.len() as u64);
    for (key, value) in &doc.metadata {
        write_str(out, key);
        write_str(out, value);
    }
}

fn write_postings(
    out: &mut Vec<u8>,
    positions_out: &mut Vec<u8>,
    docs: &BTreeMap<u32, TermOccurrences>,
) {
    write_u64(out, docs.len() as u64);
    write_u64(out, positions_out.len() as u64);
    let mut last_doc = 0;
    for (&doc, occurrences) in docs {
        write_u64(out, u64::from(doc - last_doc));
        last_doc = doc;
        write_u64(out, occurrences.title.len() as u64);
        write_u64(out, occurrences.text.len() as u64);
        let before = positions_out.len();
        for positions in [&occurrences.title, &occurrences.text] {
            let mut last = 0;
            for &position in positions {
                write_u64(positions_out, u64::from(position - last));
                last = position;
            }
        }
        write_u64(out, (positions_out.len() - before) as u64);
    }
}

fn assemble(sections: &[([u8; 4], &Vec<u8>)]) -> Result<Vec<u8>, WriteError> {
    let body_start = HEADER_LEN + sections.len() * SECTION_ENTRY_LEN;
    let total: usize = body_start + sections.iter().map(|(_, s)| s.len()).sum::<usize>();
    offset_u32(total)?;
    let mut out = Vec::with_capacity(total);
    out.extend_from_slice(&MAGIC);
    out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
    out.extend_from_slice(&(sections.len() as u32).to_le_bytes());
    let mut offset = body_start;
    for (tag, bytes) in sections {
        out.extend_from_slice(tag);
        out.extend_from_slice(&offset_u32(offset)?.to_le_bytes());
        out.extend_from_slice(&offset_u32(bytes.len())?.to_le_bytes());
        offset += bytes.len();
    }
    for (_, bytes) in sections {
        out.extend_from_slice(bytes);
    }
    Ok(out)
}

fn offset_u32(value: usize) -> Result<u32, WriteError> {
    u32::try_from(value).map_err(|_| WriteError::TooLarge)
}

/// A field's length for BM25F: its words that are not stop words. Ranking ignores stop words
/// beside other words, so they must not make a document look longer either: a field that
/// says "the effect of the heat on the wall" is as long as "heat effect wall" (as Lunr, which
/// counts the words left after its stop-word filter).
fn content_words(tokens: &[Token]) -> u32 {
    tokens.iter().filter(|t| !is_stop_word(&t.term)).count() as u32
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bundle::Bundle;
    use proptest::prelude::*;

    fn doc(id: &str, title: &str, text: &str) -> Document {
        Document {
            id: id.into(),
            title: title.into(),
            text: text.into(),
            ..Document::default()
        }
    }

    #[test]
    fn duplicate_ids_are_refused() {
        let docs = [doc("a", "", "x"), doc("a", "", "y")];
        assert_eq!(
            write_bundle(&CollectionInfo::default(), &docs),
            Err(WriteError::DuplicateId("a".into()))
        );
    }

    #[test]
    fn documents_are_stored_sorted_by_id_whatever_the_input_order() {
        let one = write_bundle(
            &CollectionInfo::default(),
            &[doc("b", "", "1"), doc("a", "", "2")],
        );
        let two = write_bundle(
            &CollectionInfo::default(),
            &[doc("a", "", "2"), doc("b", "", "1")],
        );
        assert_eq!(one, two);
    }

    fn arbitrary_document() -> impl Strategy<Value = Document> {
        (
            "[a-z0-9/._-]{1,12}",
            "[A-Za-zĀ ]{0,30}",
            "\\PC{0,200}",
            "[0-9-]{0,10}",
            proptest::collection::vec("[a-z ]{1,10}", 0..3),
            proptest::collection::vec(("[a-z]{1,5}", ".{0,10}"), 0..3),
        )
            .prop_map(|(id, title, text, date, tags, metadata)| Document {
                id,
                title,
                text,
                date,
                source: "src".into(),
                url: String::new(),
                tags,
                metadata,
            })
    }

    proptest! {
        #[test]
        fn every_stored_field_reads_back_as_written(
            docs in proptest::collection::vec(arbitrary_document(), 0..12)
        ) {
            let mut docs = docs;
            docs.sort_by(|a, b| a.id.cmp(&b.id));
            docs.dedup_by(|a, b| a.id == b.id);
            let info = CollectionInfo { title: "T".into(), description: "D".into() };
            let bytes = write_bundle(&info, &docs).map_err(|e| TestCaseError::fail(e.to_string()))?;
            let bundle = Bundle::open(&bytes).map_err(|e| TestCaseError::fail(e.to_string()))?;
            prop_assert_eq!(bundle.collection(), &info);
            prop_assert_eq!(bundle.doc_count() as usize, docs.len());
            for (i, expected) in docs.iter().enumerate() {
                let stored = bundle.document(i as u32).map_err(|e| TestCaseError::fail(e.to_string()))?;
                prop_assert_eq!(&stored.to_owned_document(), expected);
            }
        }

        #[test]
        fn postings_list_every_occurrence_of_every_term(
            texts in proptest::collection::vec("[abc ]{0,40}", 1..8)
        ) {
            let docs: Vec<Document> = texts.iter().enumerate()
                .map(|(i, t)| doc(&format!("{i:03}"), "", t)).collect();
            let bytes = write_bundle(&CollectionInfo::default(), &docs).map_err(|e| TestCaseError::fail(e.to_string()))?;
            let bundle = Bundle::open(&bytes).map_err(|e| TestCaseError::fail(e.to_string()))?;
            for (d, document) in docs.iter().enumerate() {
                for token in tokenize(&document.text) {
                    let offset = bundle.terms().get(&token.term);
                    prop_assert!(offset.is_some());
                    let found = bundle.postings(offset.unwrap_or(0))
                        .map_err(|e| TestCaseError::fail(e.to_string()))?
                        .filter_map(Result::ok)
                        .filter(|p| p.doc == d as u32)
                        .any(|p| bundle.positions(&p).is_ok_and(|(_, text)| text.contains(&token.position)));
                    prop_assert!(found, "term {} at {} in doc {}", token.term, token.position, d);
                }
            }
        }
    }
}

//! The bundle reader: a compiled corpus, read in place.
//!
//! The corpus compiler (`dossier-build`) writes these bytes once; the page, the CLI and the
//! benchmarks read them without deserialising: opening a bundle checks the header and the
//! section table and nothing else, documents are decoded when asked for, and the term
//! dictionary is an `fst::Map` over the bytes themselves.
//!
//! # Format, version 3
//!
//! All fixed-width integers are little-endian. `vu` is a LEB128 unsigned varint; `vs` is a
//! `vu` byte length followed by that many bytes of UTF-8.
//!
//! ```text
//! header (16 bytes)
//! ┌──────────────┬──────────────┬──────────────┐
//! │ magic [u8;8] │ version u32  │ sections u32 │   magic = b"DOSSIER\0", version = 3
//! └──────────────┴──────────────┴──────────────┘
//! section table (sections × 12 bytes), sections in any order, each tag at most once
//! ┌──────────────┬──────────────┬──────────────┐
//! │ tag [u8;4]   │ offset u32   │ length u32   │   offset from the start of the bundle
//! └──────────────┴──────────────┴──────────────┘
//! "META"  vs collection title, vs collection description
//! "DOCS"  u32 doc_count, then (doc_count + 1) × u32 offsets into STOR;
//!         document d is STOR[off[d] .. off[d+1]]
//! "STOR"  per document: vs id, vs title, vs text, vs date, vs source, vs url,
//!         vu tag_count, tag_count × vs tag,
//!         vu meta_count, meta_count × (vs key, vs value)
//! "LENS"  doc_count × (u32 title_words, u32 text_words): field lengths for BM25F, in words
//!         that are not stop words (`analysis::is_stop_word`), which ranking ignores beside
//!         other words (version 2 counted every word)
//! "TERM"  fst::Map from folded term (see `analysis::fold`) to a packed value:
//!         (byte offset of the term's posting list in POST) << 24 | min(doc_freq, 2^24 − 1),
//!         so that ranking prefix and typo candidates by frequency reads no posting list
//! "POST"  per term, a posting list:
//!           vu doc_freq
//!           vu positions_at    byte offset in POSN of the first posting's positions
//!           doc_freq postings in ascending doc order:
//!             vu doc_delta     doc id minus the previous posting's (the first is absolute)
//!             vu title_tf      occurrences in the title
//!             vu text_tf       occurrences in the text
//!             vu positions_len bytes of this posting's positions in POSN
//! "POSN"  per posting, in POST order: title_tf × vu title positions, then text_tf × vu text
//!         positions; each a delta from the previous position of the same field (first
//!         absolute). Kept apart from POST so that ranking walks doc ids and frequencies
//!         without decoding positions; phrases and proximity decode only the documents
//!         they need, skipping the rest by positions_len.
//! "CONF"  fst::Map from conflation key (see `analysis::conflation_key`) to the byte offset
//!         of its class in CLAS; every key, since a query word that is not in the dictionary
//!         (`prices`) may share its key with one that is (`price`)
//! "CLAS"  per class: vu term_count, term_count × vs term (sorted)
//! "FACE"  facet values (see `facets`), sorted by kind then name:
//!           vu value_count, then per value:
//!             u8 kind     0 person, 1 organization, 2 place, 3 source, 4 tag, 5 date
//!             vs name, vu alias_count, alias_count × vs alias, vu mentions,
//!             vu doc_count, doc_count × vu doc_delta (ascending; first absolute)
//!         Optional: a bundle without it has no facets.
//! "GEOS"  where the resolved places are (see `place`), for the map:
//!           vu place_count, then per place, in FACE order:
//!             vu value     index of the place's value in FACE
//!             f32 lat, f32 lon   degrees, WGS 84
//!             u8 kind     `PlaceKind::code` (continent, region, country, state, county,
//!                         city, airport, other)
//!             vs country  ISO 3166-1 alpha-2, empty for continents and regions
//!             vu geonameid + 1, or 0 when it has none
//!         Optional (added within version 3): without it no place has a location.
//! "MENT"  where entities are mentioned in each document's text, for the reading view:
//!           (doc_count + 1) × u32 offsets into the bytes that follow (relative to their
//!           start); document d's mentions are bytes[off[d] .. off[d+1]]:
//!             vu mention_count, then per mention, by start, not overlapping:
//!               vu value   index of the entity's value in FACE
//!               vu start   code point offset in the text, minus the previous mention's start
//!               vu length  in code points
//!         Optional (added within version 3): without it no document has mentions.
//! ```
//!
//! Readers reject another magic or version. Sections with unknown tags are ignored, so a
//! section can be added without breaking older readers; changing an existing section's
//! layout is a new version. `tests/golden.rs` in `dossier-build` pins these bytes.

use crate::document::{CollectionInfo, DocId, StoredDocument};
use crate::facets::{FacetIndex, FacetKind, FacetValue, MentionSpan};
use crate::place::{Location, PlaceKind};
use crate::search::weights::{B_TEXT, B_TITLE};
use crate::varint::Reader;

pub const MAGIC: [u8; 8] = *b"DOSSIER\0";
pub const FORMAT_VERSION: u32 = 3;
pub const HEADER_LEN: usize = 16;
/// Low bits of a TERM value that hold the term's document frequency (capped).
pub const DOC_FREQ_BITS: u32 = 24;

/// The TERM value for a posting list at `offset` in POST with `doc_freq` documents.
pub fn term_value(offset: u64, doc_freq: u32) -> u64 {
    (offset << DOC_FREQ_BITS) | u64::from(doc_freq.min((1 << DOC_FREQ_BITS) - 1))
}
pub const SECTION_ENTRY_LEN: usize = 12;

/// Section tags of format version 3.
pub mod section {
    pub const META: [u8; 4] = *b"META";
    pub const DOCS: [u8; 4] = *b"DOCS";
    pub const STOR: [u8; 4] = *b"STOR";
    pub const LENS: [u8; 4] = *b"LENS";
    pub const TERM: [u8; 4] = *b"TERM";
    pub const POST: [u8; 4] = *b"POST";
    pub const POSN: [u8; 4] = *b"POSN";
    pub const CONF: [u8; 4] = *b"CONF";
    pub const CLAS: [u8; 4] = *b"CLAS";
    pub const FACE: [u8; 4] = *b"FACE";
    pub const GEOS: [u8; 4] = *b"GEOS";
    pub const MENT: [u8; 4] = *b"MENT";
}

/// Why bundle bytes could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BundleError {
    #[error("not a Dossier bundle (wrong magic bytes)")]
    NotABundle,
    #[error(
        "bundle format version {found} is not supported (this reader reads version {supported})"
    )]
    UnsupportedVersion { found: u32, supported: u32 },
    #[error("bundle is missing its {0} section")]
    MissingSection(&'static str),
    #[error("bundle ends early (truncated)")]
    Truncated,
    #[error("bundle is corrupt: {0}")]
    Corrupt(&'static str),
}

/// A compiled corpus over borrowed bytes (a `&'static [u8]` from `include_bytes!` in the
/// page, a `Vec<u8>` read from disk in the CLI).
#[derive(Clone)]
pub struct Bundle<'a> {
    collection: CollectionInfo,
    doc_offsets: &'a [u8],
    store: &'a [u8],
    lengths: &'a [u8],
    terms: fst::Map<&'a [u8]>,
    postings: &'a [u8],
    positions: &'a [u8],
    conflations: fst::Map<&'a [u8]>,
    classes: &'a [u8],
    doc_count: u32,
    avg_title_len: f32,
    avg_text_len: f32,
    /// Per document, BM25F's length normalisation of title and text (see
    /// [`Bundle::length_norms`]): derived once at open, 8 bytes a document, because ranking
    /// needs it for every posting it scores.
    length_norms: Vec<(f32, f32)>,
    /// Decoded at open: a few bytes a (document, value) pair, and every keystroke counts them.
    facets: FacetIndex,
    /// MENT: the offset table and the mention bytes.
    mentions: Option<(&'a [u8], &'a [u8])>,
}

impl std::fmt::Debug for Bundle<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Bundle")
            .field("collection", &self.collection)
            .field("doc_count", &self.doc_count)
            .field("terms", &self.terms.len())
            .finish()
    }
}

impl<'a> Bundle<'a> {
    /// Opens a bundle: checks the header, finds the sections, and averages the field lengths.
    /// Cost: O(sections + documents), with no allocation proportional to the text.
    pub fn open(bytes: &'a [u8]) -> Result<Self, BundleError> {
        let header = bytes.get(..HEADER_LEN).ok_or(BundleError::Truncated)?;
        if header[..8] != MAGIC {
            return Err(BundleError::NotABundle);
        }
        let version = read_u32(header, 8)?;
        if version != FORMAT_VERSION {
            return Err(BundleError::UnsupportedVersion {
                found: version,
                supported: FORMAT_VERSION,
            });
        }
        let section_count = read_u32(header, 12)? as usize;
        let table_len = section_count
            .checked_mul(SECTION_ENTRY_LEN)
            .ok_or(BundleError::Corrupt("section count overflows"))?;
        let table = bytes
            .get(HEADER_LEN..HEADER_LEN + table_len)
            .ok_or(BundleError::Truncated)?;
        let find = |tag: [u8; 4], name: &'static str| -> Result<&'a [u8], BundleError> {
            for entry in table.chunks_exact(SECTION_ENTRY_LEN) {
                if entry[..4] == tag {
                    let offset = read_u32(entry, 4)? as usize;
                    let len = read_u32(entry, 8)? as usize;
                    let end = offset.checked_add(len).ok_or(BundleError::Truncated)?;
                    return bytes.get(offset..end).ok_or(BundleError::Truncated);
                }
            }
            Err(BundleError::MissingSection(name))
        };

        let mut meta = Reader::new(find(section::META, "META")?);
        let collection = CollectionInfo {
            title: meta.str()?.to_owned(),
            description: meta.str()?.to_owned(),
        };

        let docs = find(section::DOCS, "DOCS")?;
        let doc_count = read_u32(docs, 0)?;
        let doc_offsets = docs.get(4..).ok_or(BundleError::Truncated)?;
        if doc_offsets.len() != (doc_count as usize + 1) * 4 {
            return Err(BundleError::Corrupt("document table length"));
        }
        let lengths = find(section::LENS, "LENS")?;
        if lengths.len() != doc_count as usize * 8 {
            return Err(BundleError::Corrupt("field length table length"));
        }
        let (mut title_sum, mut text_sum) = (0u64, 0u64);
        for pair in lengths.chunks_exact(8) {
            title_sum += u64::from(read_u32(pair, 0)?);
            text_sum += u64::from(read_u32(pair, 4)?);
        }
        let n = f64::from(doc_count.max(1));
        let avg_title_len = (title_sum as f64 / n).max(1.0) as f32;
        let avg_text_len = (text_sum as f64 / n).max(1.0) as f32;
        let mut length_norms = Vec::with_capacity(doc_count as usize);
        for pair in lengths.chunks_exact(8) {
            let (title, text) = (read_u32(pair, 0)? as f32, read_u32(pair, 4)? as f32);
            length_norms.push((
                1.0 - B_TITLE + B_TITLE * title / avg_title_len,
                1.0 - B_TEXT + B_TEXT * text / avg_text_len,
            ));
        }
        let terms = fst::Map::new(find(section::TERM, "TERM")?)
            .map_err(|_| BundleError::Corrupt("term dictionary"))?;

        let conflations = fst::Map::new(find(section::CONF, "CONF")?)
            .map_err(|_| BundleError::Corrupt("conflation dictionary"))?;
        let mut facets = match find(section::FACE, "FACE") {
            Ok(bytes) => read_facets(bytes, doc_count)?,
            Err(BundleError::MissingSection(_)) => Vec::new(),
            Err(other) => return Err(other),
        };
        let mentions = match find(section::MENT, "MENT") {
            Ok(bytes) => {
                let table_len = (doc_count as usize + 1) * 4;
                if bytes.len() < table_len {
                    return Err(BundleError::Corrupt("mention table length"));
                }
                Some(bytes.split_at(table_len))
            }
            Err(BundleError::MissingSection(_)) => None,
            Err(other) => return Err(other),
        };
        match find(section::GEOS, "GEOS") {
            Ok(bytes) => read_locations(bytes, &mut facets)?,
            Err(BundleError::MissingSection(_)) => {}
            Err(other) => return Err(other),
        }

        Ok(Bundle {
            collection,
            doc_offsets,
            store: find(section::STOR, "STOR")?,
            lengths,
            terms,
            postings: find(section::POST, "POST")?,
            positions: find(section::POSN, "POSN")?,
            conflations,
            classes: find(section::CLAS, "CLAS")?,
            facets: FacetIndex::new(facets, doc_count as usize),
            mentions,
            doc_count,
            avg_title_len,
            avg_text_len,
            length_norms,
        })
    }

    pub fn collection(&self) -> &CollectionInfo {
        &self.collection
    }

    pub fn doc_count(&self) -> u32 {
        self.doc_count
    }

    /// Decodes one document's stored fields (borrowed from the bundle bytes).
    pub fn document(&self, doc: DocId) -> Result<StoredDocument<'a>, BundleError> {
        if doc >= self.doc_count {
            return Err(BundleError::Corrupt("document id out of range"));
        }
        let start = read_u32(self.doc_offsets, doc as usize * 4)? as usize;
        let end = read_u32(self.doc_offsets, doc as usize * 4 + 4)? as usize;
        let bytes = self.store.get(start..end).ok_or(BundleError::Truncated)?;
        let mut r = Reader::new(bytes);
        let (id, title, text) = (r.str()?, r.str()?, r.str()?);
        let (date, source, url) = (r.str()?, r.str()?, r.str()?);
        let tag_count = r.u64()?;
        let mut tags = Vec::new();
        for _ in 0..tag_count {
            tags.push(r.str()?);
        }
        let meta_count = r.u64()?;
        let mut metadata = Vec::new();
        for _ in 0..meta_count {
            metadata.push((r.str()?, r.str()?));
        }
        Ok(StoredDocument {
            id,
            title,
            text,
            date,
            source,
            url,
            tags,
            metadata,
        })
    }

    /// Finds a document by its id. Cost: O(documents); the CLI and deep links call it once.
    pub fn find_document(&self, id: &str) -> Option<DocId> {
        (0..self.doc_count).find(|&d| self.document(d).map(|doc| doc.id == id).unwrap_or(false))
    }

    /// How many words of a document's title and text are not stop words: the lengths BM25F
    /// normalises by.
    pub fn field_lengths(&self, doc: DocId) -> (u32, u32) {
        let at = doc as usize * 8;
        (
            read_u32(self.lengths, at).unwrap_or(0),
            read_u32(self.lengths, at + 4).unwrap_or(0),
        )
    }

    /// Where entities are mentioned in a document's text, by start, not overlapping; empty
    /// when the bundle has no mentions.
    pub fn mentions(&self, doc: DocId) -> Result<Vec<MentionSpan>, BundleError> {
        let Some((table, body)) = self.mentions else {
            return Ok(Vec::new());
        };
        if doc >= self.doc_count {
            return Err(BundleError::Corrupt("document id out of range"));
        }
        let start = read_u32(table, doc as usize * 4)? as usize;
        let end = read_u32(table, doc as usize * 4 + 4)? as usize;
        let mut reader = Reader::new(body.get(start..end).ok_or(BundleError::Truncated)?);
        let count = reader.u64()?;
        let values = self.facets.values().len() as u64;
        let mut spans = Vec::new();
        let mut at = 0u32;
        for _ in 0..count {
            let value = reader.u64()?;
            if value >= values {
                return Err(BundleError::Corrupt("mention of a missing value"));
            }
            at = at
                .checked_add(reader.u32()?)
                .ok_or(BundleError::Corrupt("mention offset"))?;
            let end = at
                .checked_add(reader.u32()?)
                .ok_or(BundleError::Corrupt("mention length"))?;
            spans.push(MentionSpan {
                value: value as u32,
                start: at,
                end,
            });
        }
        Ok(spans)
    }

    /// Every facet value of the collection, sorted by kind then name.
    pub fn facets(&self) -> &[FacetValue] {
        self.facets.values()
    }

    /// The facet values with the index that counts them over a result set.
    pub fn facet_index(&self) -> &FacetIndex {
        &self.facets
    }

    /// BM25F's length normalisation of a document's title and text: `1 − b + b·len/avg_len`
    /// for each field, with the `b`s of `search::weights`.
    pub fn length_norms(&self, doc: DocId) -> (f32, f32) {
        self.length_norms
            .get(doc as usize)
            .copied()
            .unwrap_or((1.0, 1.0))
    }

    /// Average title and text lengths in tokens, over all documents.
    pub fn average_field_lengths(&self) -> (f32, f32) {
        (self.avg_title_len, self.avg_text_len)
    }

    /// The term dictionary, for exact, prefix and fuzzy look-ups.
    pub fn terms(&self) -> &fst::Map<&'a [u8]> {
        &self.terms
    }

    /// The document frequency a term's dictionary value records: exact below 2^24 − 1
    /// documents, that number above. Free: no posting list is read.
    pub fn doc_freq_hint(value: u64) -> u32 {
        (value & ((1 << DOC_FREQ_BITS) - 1)) as u32
    }

    /// The posting list of the term whose dictionary value is `value`.
    pub fn postings(&self, value: u64) -> Result<Postings<'a>, BundleError> {
        let at = usize::try_from(value >> DOC_FREQ_BITS).map_err(|_| BundleError::Truncated)?;
        let mut reader = Reader::at(self.postings, at);
        let doc_freq = reader.u32()?;
        let positions_at = usize::try_from(reader.u64()?).map_err(|_| BundleError::Truncated)?;
        Ok(Postings {
            reader,
            remaining: doc_freq,
            doc_freq,
            last_doc: 0,
            first: true,
            positions_at,
        })
    }

    /// The positions of one posting: its title positions and its text positions, ascending.
    pub fn positions(&self, posting: &Posting) -> Result<(Vec<u32>, Vec<u32>), BundleError> {
        let end = posting
            .positions_at
            .checked_add(posting.positions_len)
            .ok_or(BundleError::Truncated)?;
        let bytes = self
            .positions
            .get(posting.positions_at..end)
            .ok_or(BundleError::Truncated)?;
        let mut reader = Reader::new(bytes);
        let mut read_field = |count: u32| -> Result<Vec<u32>, BundleError> {
            let mut positions = Vec::with_capacity(count as usize);
            let mut last = 0u32;
            for i in 0..count {
                let delta = reader.u32()?;
                last = if i == 0 {
                    delta
                } else {
                    last.saturating_add(delta)
                };
                positions.push(last);
            }
            Ok(positions)
        };
        let title = read_field(posting.title_tf)?;
        let text = read_field(posting.text_tf)?;
        Ok((title, text))
    }

    /// The dictionary terms whose conflation key (see `analysis::conflation_key`) is `key`.
    pub fn conflation_class(&self, key: &str) -> Result<Vec<&'a str>, BundleError> {
        let Some(offset) = self.conflations.get(key) else {
            return Ok(Vec::new());
        };
        let at = usize::try_from(offset).map_err(|_| BundleError::Truncated)?;
        let mut reader = Reader::at(self.classes, at);
        let count = reader.u64()?;
        let mut terms = Vec::new();
        for _ in 0..count {
            terms.push(reader.str()?);
        }
        Ok(terms)
    }
}

/// One document's entry in a term's posting list. Positions are not decoded; ask
/// [`Bundle::positions`] for them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Posting {
    pub doc: DocId,
    pub title_tf: u32,
    pub text_tf: u32,
    positions_at: usize,
    positions_len: usize,
}

/// A term's posting list, decoded as it is walked.
#[derive(Debug, Clone)]
pub struct Postings<'a> {
    reader: Reader<'a>,
    remaining: u32,
    doc_freq: u32,
    last_doc: DocId,
    first: bool,
    positions_at: usize,
}

impl Postings<'_> {
    /// How many documents contain the term.
    pub fn doc_freq(&self) -> u32 {
        self.doc_freq
    }

    fn read_posting(&mut self) -> Result<Posting, BundleError> {
        let delta = self.reader.u32()?;
        let doc = if self.first {
            delta
        } else {
            self.last_doc
                .checked_add(delta)
                .ok_or(BundleError::Corrupt("posting doc id overflows"))?
        };
        self.first = false;
        self.last_doc = doc;
        let title_tf = self.reader.u32()?;
        let text_tf = self.reader.u32()?;
        let positions_len =
            usize::try_from(self.reader.u64()?).map_err(|_| BundleError::Truncated)?;
        let posting = Posting {
            doc,
            title_tf,
            text_tf,
            positions_at: self.positions_at,
            positions_len,
        };
        self.positions_at = self
            .positions_at
            .checked_add(positions_len)
            .ok_or(BundleError::Truncated)?;
        Ok(posting)
    }
}

impl Iterator for Postings<'_> {
    type Item = Result<Posting, BundleError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.remaining == 0 {
            return None;
        }
        self.remaining -= 1;
        let posting = self.read_posting();
        if posting.is_err() {
            self.remaining = 0;
        }
        Some(posting)
    }
}

fn read_facets(bytes: &[u8], doc_count: u32) -> Result<Vec<FacetValue>, BundleError> {
    let mut reader = Reader::new(bytes);
    let count = reader.u64()?;
    let mut values = Vec::new();
    for _ in 0..count {
        let kind =
            FacetKind::from_code(reader.byte()?).ok_or(BundleError::Corrupt("facet kind"))?;
        let name = reader.str()?.to_owned();
        let alias_count = reader.u64()?;
        let mut aliases = Vec::new();
        for _ in 0..alias_count {
            aliases.push(reader.str()?.to_owned());
        }
        let mentions = reader.u32()?;
        let doc_count_of_value = reader.u64()?;
        let mut docs = Vec::new();
        let mut last = 0u32;
        for i in 0..doc_count_of_value {
            let delta = reader.u32()?;
            last = if i == 0 {
                delta
            } else {
                last.checked_add(delta)
                    .ok_or(BundleError::Corrupt("facet doc id"))?
            };
            if last >= doc_count {
                return Err(BundleError::Corrupt("facet names a missing document"));
            }
            docs.push(last);
        }
        values.push(FacetValue {
            kind,
            name,
            aliases,
            mentions,
            docs,
            location: None,
        });
    }
    Ok(values)
}

fn read_locations(bytes: &[u8], values: &mut [FacetValue]) -> Result<(), BundleError> {
    let mut reader = Reader::new(bytes);
    let count = reader.u64()?;
    for _ in 0..count {
        let index = reader.u64()?;
        let mut float = || -> Result<f32, BundleError> {
            let bytes = [
                reader.byte()?,
                reader.byte()?,
                reader.byte()?,
                reader.byte()?,
            ];
            Ok(f32::from_le_bytes(bytes))
        };
        let (lat, lon) = (float()?, float()?);
        if !(-90.0..=90.0).contains(&lat) || !(-180.0..=180.0).contains(&lon) {
            return Err(BundleError::Corrupt("place coordinates out of range"));
        }
        let kind =
            PlaceKind::from_code(reader.byte()?).ok_or(BundleError::Corrupt("place kind"))?;
        let country = reader.str()?.to_owned();
        let geonameid = match reader.u64()? {
            0 => None,
            id => Some(u32::try_from(id - 1).map_err(|_| BundleError::Corrupt("geonameid"))?),
        };
        let value = usize::try_from(index)
            .ok()
            .and_then(|index| values.get_mut(index))
            .filter(|value| value.kind == FacetKind::Place)
            .ok_or(BundleError::Corrupt(
                "location of a value that is not a place",
            ))?;
        value.location = Some(Location {
            lat,
            lon,
            kind,
            country,
            geonameid,
        });
    }
    Ok(())
}

fn read_u32(bytes: &[u8], at: usize) -> Result<u32, BundleError> {
    let slice = bytes.get(at..at + 4).ok_or(BundleError::Truncated)?;
    let mut word = [0u8; 4];
    word.copy_from_slice(slice);
    Ok(u32::from_le_bytes(word))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bytes_that_are_not_a_bundle_are_rejected() {
        assert_eq!(Bundle::open(b"hello").err(), Some(BundleError::Truncated));
        assert_eq!(
            Bundle::open(b"NOTDOSSIER\0\0\0\0\0\0\0\0").err(),
            Some(BundleError::NotABundle)
        );
    }

    #[test]
    fn another_format_version_is_rejected_by_number() {
        let mut bytes = MAGIC.to_vec();
        bytes.extend_from_slice(&99u32.to_le_bytes());
        bytes.extend_from_slice(&0u32.to_le_bytes());
        assert_eq!(
            Bundle::open(&bytes).err(),
            Some(BundleError::UnsupportedVersion {
                found: 99,
                supported: FORMAT_VERSION
            })
        );
    }

    #[test]
    fn a_bundle_without_its_sections_names_the_missing_one() {
        let mut bytes = MAGIC.to_vec();
        bytes.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
        bytes.extend_from_slice(&0u32.to_le_bytes());
        assert_eq!(
            Bundle::open(&bytes).err(),
            Some(BundleError::MissingSection("META"))
        );
    }
}

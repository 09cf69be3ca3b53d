//! Places: the geoparser (`dossier-geo`) run over the tagger's output, with the gazetteer
//! committed under `data/geo/` (see its ATTRIBUTION.md; rebuilt by `cargo xtask gazetteer`).

use std::io::Read;

use dossier_geo::geoparse::{recognise_places, resolve_places, CountryPrior};
use dossier_geo::{Gazetteer, PlaceMention, SpanKind, TaggedSpan};
use dossier_ner::{Entity, EntityKind};

/// The gazetteer, gzip-compressed. Compiled in so that building a corpus needs no data files
/// at run time and no Python or npm.
static GAZETTEER_GZ: &[u8] = include_bytes!("../../../../data/geo/gazetteer.tsv.gz");

#[derive(Debug, thiserror::Error)]
pub enum GazetteerLoadError {
    #[error("data/geo/gazetteer.tsv.gz cannot be decompressed: {0}")]
    Decompress(#[from] std::io::Error),
    #[error("data/geo/gazetteer.tsv.gz: {0}")]
    Parse(#[from] dossier_geo::GazetteerError),
}

/// Loads the gazetteer compiled into this crate (about a quarter of a second).
pub fn gazetteer() -> Result<Gazetteer, GazetteerLoadError> {
    let mut text = String::new();
    flate2::read::GzDecoder::new(GAZETTEER_GZ).read_to_string(&mut text)?;
    Ok(Gazetteer::parse(&text)?)
}

/// The places of each text of a corpus, given the tagger's entities for it: recognised,
/// resolved once per text, then resolved again with the corpus's country prior. Spans in
/// `not_places` (cited sources, photo credits) are organisations to the geoparser, so "The
/// Washington Post reports" puts no pin in Washington.
pub fn find_corpus_places(
    gazetteer: &Gazetteer,
    texts: &[TaggedText<'_>],
) -> Vec<Vec<PlaceMention>> {
    let mut documents: Vec<Vec<PlaceMention>> = texts
        .iter()
        .map(
            |&TaggedText {
                 text,
                 entities,
                 not_places,
             }| {
                let mut mentions = recognise_places(gazetteer, text, &spans(entities, not_places));
                resolve_places(gazetteer, &mut mentions, &CountryPrior::default());
                mentions
            },
        )
        .collect();
    let prior = CountryPrior::from_documents(gazetteer, &documents);
    for mentions in &mut documents {
        resolve_places(gazetteer, mentions, &prior);
    }
    documents
}

/// A text with what the tagger found in it, and the spans that can be no place.
#[derive(Debug, Clone, Copy)]
pub struct TaggedText<'a> {
    pub text: &'a str,
    pub entities: &'a [Entity],
    pub not_places: &'a [(usize, usize)],
}

fn spans(entities: &[Entity], not_places: &[(usize, usize)]) -> Vec<TaggedSpan> {
    let mut spans: Vec<TaggedSpan> = not_places
        .iter()
        .map(|&(start, end)| TaggedSpan {
            kind: SpanKind::Organisation,
            start,
            end,
        })
        .collect();
    for entity in entities {
        let blocked = not_places
            .iter()
            .any(|&(start, end)| entity.start < end && start < entity.end);
        let kind = match entity.kind {
            EntityKind::Location if blocked => continue,
            EntityKind::Location => SpanKind::Place,
            EntityKind::Organisation => SpanKind::Organisation,
            EntityKind::Person => SpanKind::Person,
            EntityKind::Misc => SpanKind::Other,
        };
        spans.push(TaggedSpan {
            kind,
            start: entity.start,
            end: entity.end,
        });
    }
    spans
}

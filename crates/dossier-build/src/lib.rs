//! The corpus compiler: a folder of documents in, a Dossier bundle out.
//!
//! `ingest` reads the files (every one kept or reported), `config` reads the collection's
//! `dossier.toml`, and `dossier_core::write_bundle` writes the bytes. The app's `build.rs`,
//! the `dossier` CLI and the benchmarks all go through [`compile_corpus`].

pub mod config;
pub mod entities;
pub mod ingest;
pub mod report;

use std::path::Path;

use dossier_core::{write_bundle_with_entities, CollectionInfo, Document, WriteError};

pub use config::ConfigError;
pub use ingest::IngestError;
pub use report::BuildReport;

/// Why a corpus could not be compiled.
#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    #[error(transparent)]
    Ingest(#[from] IngestError),
    #[error(transparent)]
    Config(#[from] ConfigError),
    #[error(transparent)]
    Write(#[from] WriteError),
    #[error("the named-entity model in data/ner/model.bin cannot be read: {0}")]
    Model(#[from] dossier_ner::Error),
}

/// A compiled corpus: the bundle bytes and what the build did.
#[derive(Debug)]
pub struct CompiledCorpus {
    pub bundle: Vec<u8>,
    pub collection: CollectionInfo,
    pub report: BuildReport,
}

/// Reads the corpus at `corpus` (a folder or one file) and compiles it into bundle bytes.
pub fn compile_corpus(corpus: &Path) -> Result<CompiledCorpus, BuildError> {
    let collection = config::read_collection_info(corpus)?;
    let mut report = BuildReport::default();
    let documents: Vec<Document> = ingest::ingest_corpus(corpus, &mut report)?
        .into_iter()
        .map(|ingested| ingested.document)
        .collect();
    let model = entities::model()?;
    let entities = entities::extract_entities(&model, &documents);
    let bundle = write_bundle_with_entities(&collection, &documents, &entities)?;
    Ok(CompiledCorpus {
        bundle,
        collection,
        report,
    })
}

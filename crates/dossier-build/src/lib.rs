//! The corpus compiler: a folder of documents in, a Dossier bundle out.
//!
//! `ingest` reads the files (every one kept or reported), `config` reads the collection's
//! `dossier.toml`, and `dossier_core::write_bundle` writes the bytes. The app's `build.rs`,
//! the `dossier` CLI and the benchmarks all go through [`compile_corpus`].

pub mod config;
pub mod curation;
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
    #[error(transparent)]
    Recognisers(#[from] entities::RecognisersError),
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
    let config = config::read_config(corpus)?;
    let mut report = BuildReport::default();
    let mut documents: Vec<Document> = ingest::ingest_corpus(corpus, &mut report)?
        .into_iter()
        .map(|ingested| ingested.document)
        .collect();
    let recognisers = entities::recognisers()?;
    let (entities, mut outcomes) =
        entities::extract_curated_entities(&recognisers, &documents, &config.rules)
            .map_err(|error| config.rule_error(error))?;
    outcomes.extend(
        config
            .rules
            .apply_tags(&mut documents, &entities.values)
            .map_err(|error| config.rule_error(error))?,
    );
    report.curation = outcomes.iter().map(|o| config.describe(o)).collect();
    let bundle = write_bundle_with_entities(
        &config.collection,
        &documents,
        &entities.values,
        &entities.mentions,
    )?;
    Ok(CompiledCorpus {
        bundle,
        collection: config.collection,
        report,
    })
}

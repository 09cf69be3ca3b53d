//! Why a model could not be read.

/// A model file that cannot be used, with where in the bytes the problem is.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum Error {
    #[error("not a Dossier NER model: it does not start with the bytes \"DNER\"")]
    NotAModel,
    #[error("NER model format version {found} is not supported; this build reads version {supported} (retrain with `cargo xtask train-ner`)")]
    UnsupportedVersion { found: u16, supported: u16 },
    #[error("the NER model ends early: {what} needs {needed} bytes at offset {offset}, and {available} are left")]
    Truncated {
        what: &'static str,
        offset: usize,
        needed: usize,
        available: usize,
    },
    #[error("the NER model is invalid at offset {offset}: {what}")]
    Invalid { what: String, offset: usize },
    #[error("the NER model's checksum does not match its contents: the file is damaged")]
    Checksum,
}

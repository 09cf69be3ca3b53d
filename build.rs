//! Compiles the corpus into the bundle the app embeds.
//!
//! `$DOSSIER_CORPUS` (default `corpus/`, relative paths from the repository root) is ingested
//! and indexed by `dossier-build`, and the bytes land in `$OUT_DIR/corpus.dossier`, which
//! `src/corpus.rs` embeds with `include_bytes!`. Cargo re-runs this script when any file
//! under the corpus changes, so editing an article rebuilds the page.

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    println!("cargo:rerun-if-env-changed=DOSSIER_CORPUS");
    let root = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").unwrap_or_default());
    let corpus = std::env::var_os("DOSSIER_CORPUS")
        .map(PathBuf::from)
        .map(|p| if p.is_absolute() { p } else { root.join(p) })
        .unwrap_or_else(|| root.join("corpus"));
    println!("cargo:rerun-if-changed={}", corpus.display());

    let compiled = match dossier_build::compile_corpus(&corpus) {
        Ok(compiled) => compiled,
        Err(error) => {
            eprintln!("error: cannot compile corpus {}: {error}", corpus.display());
            return ExitCode::FAILURE;
        }
    };
    let out_dir = PathBuf::from(std::env::var_os("OUT_DIR").unwrap_or_default());
    let written = std::fs::write(out_dir.join("corpus.dossier"), &compiled.bundle).and_then(|()| {
        std::fs::write(
            out_dir.join("build-report.txt"),
            compiled.report.to_string(),
        )
    });
    // Links carry this version, so a link made against other data can say so.
    println!(
        "cargo:rustc-env=DOSSIER_CORPUS_VERSION={}",
        dossier_core::link::corpus_version(&compiled.bundle)
    );
    if let Err(error) = written {
        eprintln!(
            "error: cannot write the bundle to {}: {error}",
            out_dir.display()
        );
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}

//! `cargo xtask train-ner` and `cargo xtask eval-ner`: the named-entity recogniser's trainer
//! and evaluator (crates/dossier-ner), run from the workspace root so that their default
//! paths hold: the gold data in `../shared/data/ner/`, the model in `data/ner/model.bin`.

use anyhow::{bail, Result};

use crate::{cmd, run, say, workspace_root};

/// The gold files both commands read, relative to the workspace root.
const GOLD_DATA: &str = "../shared/data/ner";

/// Retrains `data/ner/model.bin` exactly as data/ner/PROVENANCE.md describes (a few
/// seconds of training after the build).
pub fn train() -> Result<()> {
    require_gold_data()?;
    say("training the NER model (data/ner/model.bin)");
    run_ner_binary("dossier-train-ner")
}

/// Prints the NER scores as Markdown tables: CoNLL-2003 validation and re3d's held-out part.
pub fn eval() -> Result<()> {
    require_gold_data()?;
    say("scoring the NER model on CoNLL-2003 validation and re3d");
    run_ner_binary("dossier-eval-ner")
}

fn run_ner_binary(binary: &str) -> Result<()> {
    run(cmd("cargo").args([
        "run",
        "--release",
        "--quiet",
        "--package",
        "dossier-ner",
        "--bin",
        binary,
    ]))
}

fn require_gold_data() -> Result<()> {
    let folder = workspace_root().join(GOLD_DATA);
    if !folder.is_dir() {
        bail!(
            "the NER gold data is not at {} (CoNLL-2003 and re3d, research licences: they are read in place, never copied into the repository)",
            folder.display()
        );
    }
    Ok(())
}

//! `cargo xtask eval-geo [--data-dir DIR]`: the geoparser scored on LGL and GeoVirus
//! (recognition P/R/F1 on exact spans, acc@161 km and mean error over the mentions found),
//! printed as Markdown. The work is done by `dossier-eval-geo`
//! (crates/dossier-bench/src/bin/eval_geo.rs).

use anyhow::{Context, Result};

use crate::{cmd, say};

/// `data_dir` holds lgl.jsonl.gz and geovirus.jsonl.gz; `None` means `../shared/data/geo`.
pub fn run(data_dir: Option<String>) -> Result<()> {
    say("building and running `dossier-eval-geo` (release)");
    let mut eval = cmd("cargo");
    eval.args([
        "run",
        "--release",
        "--quiet",
        "--package",
        "dossier-bench",
        "--bin",
        "dossier-eval-geo",
        "--",
    ]);
    if let Some(dir) = data_dir {
        // Commands run from the workspace root, so resolve against where the user typed it.
        let dir = std::path::absolute(&dir)
            .with_context(|| format!("cannot resolve data directory {dir}"))?;
        eval.arg(dir);
    }
    crate::run(&mut eval)
}

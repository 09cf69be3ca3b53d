//! `cargo xtask eval-geo [--data-dir DIR]`: the geoparser scored on LGL and GeoVirus
//! (recognition P/R/F1 on exact spans, acc@161 km and mean error over the mentions found),
//! printed as Markdown. The work is done by `dossier-eval-geo`
//! (crates/dossier-bench/src/bin/eval_geo.rs).

use anyhow::Result;

use crate::say;

/// `data_dir` holds lgl.jsonl.gz and geovirus.jsonl.gz; `None` means `../shared/data/geo`.
pub fn run(data_dir: Option<String>) -> Result<()> {
    say("building and running `dossier-eval-geo` (release)");
    crate::eval_ir::run_evaluator("dossier-eval-geo", data_dir)
}

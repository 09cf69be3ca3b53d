//! The map's frame times, the last part of `cargo xtask bench`: builds the site for the
//! bench's corpus and drives its map in headless Chromium (`e2e/map-frames.js`), which prints
//! how long frames took while the map panned and zoomed.

use std::path::PathBuf;

use anyhow::Result;

use crate::site::{build_site, SiteOptions};
use crate::test::E2E_PUBLIC_URL;
use crate::tools::{self, Need};
use crate::{cmd, run, say, workspace_root};

/// `corpus` as `cargo xtask bench` was given it; by default the corpus the speed benchmark
/// reads (Reuters-21578 when `../shared/data` has it, else the default corpus).
pub fn measure_frames(corpus: Option<PathBuf>) -> Result<()> {
    tools::ensure(Need::Tests)?;
    let root = workspace_root();
    let corpus = corpus.unwrap_or_else(|| {
        let reuters = root.join("../shared/data/corpora/reuters21578.jsonl.gz");
        if reuters.exists() {
            reuters
        } else {
            SiteOptions::default_corpus()
        }
    });
    let dist = root.join("target/bench/site");
    build_site(&SiteOptions {
        corpus,
        public_url: E2E_PUBLIC_URL.into(),
        dist: dist.clone(),
    })?;
    say("map frame times while panning and zooming (e2e/map-frames.js)");
    run(cmd("node")
        .arg("map-frames.js")
        .arg(&dist)
        .current_dir(root.join("e2e"))
        .env("DOSSIER_PUBLIC_URL", E2E_PUBLIC_URL))
}

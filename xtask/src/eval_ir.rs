//! `cargo xtask eval-ir [--data-dir DIR]`: search relevance of Dossier beside MiniSearch and
//! Lunr on the IR test collections (nDCG@10, Recall@100), printed as Markdown. The work is
//! done by `dossier-eval-ir` (crates/dossier-bench/src/bin/eval_ir); this step installs the
//! npm peers and builds what it runs.

use anyhow::{Context, Result};

use crate::tools::ensure_npm_packages;
use crate::{cmd, say, workspace_root};

/// `data_dir` holds one folder per collection; `None` means `../shared/data/ir` beside the
/// workspace.
pub fn run(data_dir: Option<String>) -> Result<()> {
    // The peers are pinned in eval/package-lock.json, so every run measures the same versions.
    ensure_npm_packages(&workspace_root().join("eval"))?;
    say("building the release `dossier` CLI and `dossier-eval-ir`");
    crate::run(cmd("cargo").args([
        "build",
        "--release",
        "--quiet",
        "--package",
        "dossier-build",
        "--package",
        "dossier-bench",
    ]))?;
    run_evaluator("dossier-eval-ir", data_dir)
}

/// Runs `bin` of `dossier-bench` (release), with `data_dir` made absolute if given.
pub fn run_evaluator(bin: &str, data_dir: Option<String>) -> Result<()> {
    let mut eval = cmd("cargo");
    eval.args([
        "run",
        "--release",
        "--quiet",
        "--package",
        "dossier-bench",
        "--bin",
        bin,
        "--",
    ]);
    if let Some(dir) = data_dir {
        // Commands run from the workspace root, so a relative path is resolved here, against
        // the folder the user typed it in.
        let dir = std::path::absolute(&dir)
            .with_context(|| format!("cannot resolve data directory {dir}"))?;
        eval.arg(dir);
    }
    crate::run(&mut eval)
}

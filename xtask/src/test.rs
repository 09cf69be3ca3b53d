//! `cargo xtask test`: every check, in the order that fails fastest.

use anyhow::Result;

use crate::single_file;
use crate::site::{build_site, SiteOptions};
use crate::tools::{tool_path, CHROMEDRIVER};
use crate::{cmd, run, say, workspace_root};

/// The end-to-end tests serve the built site under this sub-path, as a GitHub Pages project
/// page would be served.
pub const E2E_PUBLIC_URL: &str = "/dossier/";

pub fn run_all() -> Result<()> {
    let root = workspace_root();
    let steps = 6;
    warn_if_disk_is_short(&root);

    say(&format!("[1/{steps}] cargo fmt --check"));
    run(cmd("cargo").args(["fmt", "--all", "--check"]))?;

    say(&format!(
        "[2/{steps}] cargo clippy --all-targets -- -D warnings"
    ));
    run(cmd("cargo").args([
        "clippy",
        "--workspace",
        "--all-targets",
        "--quiet",
        "--",
        "-D",
        "warnings",
    ]))?;

    say(&format!(
        "[3/{steps}] cargo test --workspace (unit, property, ingest and golden tests)"
    ));
    run(cmd("cargo").args(["test", "--workspace", "--quiet"]))?;

    say(&format!(
        "[4/{steps}] wasm tests of dossier-core in headless Chromium"
    ));
    run(cmd("cargo")
        .args([
            "test",
            "--package",
            "dossier-core",
            "--target",
            "wasm32-unknown-unknown",
            "--test",
            "wasm",
        ])
        .current_dir(root.join("crates/dossier-core"))
        .env("PATH", tool_path())
        .env(
            "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER",
            "wasm-bindgen-test-runner",
        )
        .env("CHROMEDRIVER", CHROMEDRIVER))?;

    say(&format!(
        "[5/{steps}] building the sites the end-to-end tests open, and the single file"
    ));
    let e2e = root.join("target/e2e");
    let default_site = e2e.join("default");
    let hostile_site = e2e.join("hostile");
    build_site(&SiteOptions {
        corpus: SiteOptions::default_corpus(),
        public_url: E2E_PUBLIC_URL.into(),
        dist: default_site.clone(),
    })?;
    build_site(&SiteOptions {
        corpus: root.join("tests/fixtures/hostile"),
        public_url: E2E_PUBLIC_URL.into(),
        dist: hostile_site.clone(),
    })?;
    // From the default site's Trunk output: the single file needs no wasm build of its own.
    let single = single_file::assemble(
        &default_site,
        &SiteOptions::default_corpus(),
        &e2e.join("single"),
    )?;

    say(&format!(
        "[6/{steps}] end-to-end tests in headless Chromium (Playwright)"
    ));
    run(cmd("node")
        .args(["--test", "--test-concurrency=1"])
        .current_dir(root.join("e2e"))
        .env("DOSSIER_SITE_DEFAULT", &default_site)
        .env("DOSSIER_SITE_HOSTILE", &hostile_site)
        .env("DOSSIER_SINGLE_FILE", &single.path)
        .env("DOSSIER_PUBLIC_URL", E2E_PUBLIC_URL))?;

    say("all checks passed");
    Ok(())
}

/// A fresh `cargo xtask test` in CI writes 1.9 GB under target/. When the disk is shorter than
/// that, the build dies deep inside the linker ("Bus error", "No space left on device"); saying
/// so first names the cause.
fn warn_if_disk_is_short(root: &std::path::Path) {
    const NEEDED_GIB: f64 = 3.0;
    let Ok(output) = cmd("df").args(["-Pk"]).arg(root).output() else {
        return;
    };
    let text = String::from_utf8_lossy(&output.stdout);
    let free_kib = text
        .lines()
        .nth(1)
        .and_then(|line| line.split_whitespace().nth(3))
        .and_then(|field| field.parse::<f64>().ok());
    if let Some(free_kib) = free_kib {
        let free_gib = free_kib / (1024.0 * 1024.0);
        if free_gib < NEEDED_GIB {
            say(&format!(
                "warning: {free_gib:.1} GiB free on the disk of {}; the build needs about {NEEDED_GIB} GiB",
                root.display()
            ));
        }
    }
}

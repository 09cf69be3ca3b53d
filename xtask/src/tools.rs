//! Installs what the build and the tests need, when it is missing, and says so.
//!
//! Every tool comes from a registry this project may use: the wasm target from rustup, Trunk
//! and wasm-bindgen-cli from crates.io, wasm-opt (binaryen) and playwright-core from npm,
//! Chromium from Debian. Nothing downloads a prebuilt binary or a browser of its own.

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{bail, Context, Result};

use crate::{cmd, run, say, workspace_root};

pub const TRUNK_VERSION: &str = "0.21.14";
pub const CHROMIUM: &str = "/usr/bin/chromium";
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

/// What a step needs installed.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Need {
    /// Building the site: wasm target, Trunk, wasm-bindgen-cli, wasm-opt.
    Site,
    /// Everything `cargo xtask test` runs: the site tools plus Chromium and playwright-core.
    Tests,
}

pub fn ensure(need: Need) -> Result<()> {
    ensure_wasm_target()?;
    ensure_cargo_tool("trunk", "trunk", TRUNK_VERSION, true)?;
    let bindgen = wasm_bindgen_version()?;
    ensure_cargo_tool("wasm-bindgen", "wasm-bindgen-cli", &bindgen, false)?;
    ensure_npm_packages(&workspace_root().join("tools"))?;
    if need == Need::Tests {
        ensure_chromium()?;
        ensure_npm_packages(&workspace_root().join("e2e"))?;
    }
    Ok(())
}

/// `PATH` with the project's npm tools and cargo's bin folder first, for Trunk to find
/// wasm-opt and wasm-bindgen.
pub fn tool_path() -> std::ffi::OsString {
    let mut paths = vec![
        workspace_root().join("tools/node_modules/.bin"),
        cargo_bin_dir(),
    ];
    if let Some(path) = std::env::var_os("PATH") {
        paths.extend(std::env::split_paths(&path));
    }
    std::env::join_paths(paths).unwrap_or_default()
}

fn cargo_bin_dir() -> PathBuf {
    std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))
        .unwrap_or_default()
        .join("bin")
}

fn ensure_wasm_target() -> Result<()> {
    let installed = Command::new("rustup")
        .args(["target", "list", "--installed"])
        .output()
        .context("rustup is needed to add the wasm32 target")?;
    if String::from_utf8_lossy(&installed.stdout).contains("wasm32-unknown-unknown") {
        return Ok(());
    }
    say("installing the wasm32-unknown-unknown target (rustup)");
    run(cmd("rustup").args(["target", "add", "wasm32-unknown-unknown"]))
}

fn installed_version(binary: &str) -> Option<String> {
    let path = cargo_bin_dir().join(binary);
    let program = if path.exists() {
        path
    } else {
        PathBuf::from(binary)
    };
    let output = Command::new(program).arg("--version").output().ok()?;
    let text = String::from_utf8_lossy(&output.stdout).to_string();
    text.split_whitespace().nth(1).map(str::to_owned)
}

fn ensure_cargo_tool(binary: &str, krate: &str, version: &str, locked: bool) -> Result<()> {
    if installed_version(binary).as_deref() == Some(version) {
        return Ok(());
    }
    say(&format!(
        "installing {krate} {version} with cargo install (a few minutes, once)"
    ));
    let mut install = cmd("cargo");
    install.args(["install", krate, "--version", version]);
    if locked {
        install.arg("--locked");
    }
    run(&mut install)
}

/// The `wasm-bindgen` version Cargo.lock pins: the CLI must match it exactly.
pub fn wasm_bindgen_version() -> Result<String> {
    let lock = std::fs::read_to_string(workspace_root().join("Cargo.lock"))
        .context("cannot read Cargo.lock")?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line.trim() == "name = \"wasm-bindgen\"" {
            if let Some(version) = lines
                .next()
                .and_then(|l| l.trim().strip_prefix("version = "))
            {
                return Ok(version.trim_matches('"').to_owned());
            }
        }
    }
    bail!("Cargo.lock has no wasm-bindgen package")
}

/// Installs `dir`'s npm packages from its lock file when `node_modules` is missing or older.
pub fn ensure_npm_packages(dir: &Path) -> Result<()> {
    let marker = dir.join("node_modules/.package-lock.json");
    let lock = dir.join("package-lock.json");
    let fresh = match (marker.metadata(), lock.metadata()) {
        (Ok(m), Ok(l)) => m.modified().ok() >= l.modified().ok(),
        _ => false,
    };
    if fresh {
        return Ok(());
    }
    if Command::new("npm").arg("--version").output().is_err() {
        bail!(
            "npm is needed for {} (apt-get install -y nodejs npm)",
            dir.display()
        );
    }
    say(&format!("installing npm packages in {}", dir.display()));
    let verb = if lock.exists() { "ci" } else { "install" };
    run(cmd("npm")
        .args([verb, "--no-audit", "--no-fund", "--loglevel=error"])
        .current_dir(dir))
}

fn ensure_chromium() -> Result<()> {
    if Path::new(CHROMIUM).exists() && Path::new(CHROMEDRIVER).exists() {
        return Ok(());
    }
    let is_root = Command::new("id")
        .arg("-u")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
        .unwrap_or(false);
    if !is_root {
        bail!("Chromium is needed for the browser tests: sudo apt-get install -y chromium chromium-driver");
    }
    say("installing Chromium and ChromeDriver (apt-get)");
    run(cmd("apt-get").arg("update").arg("-qq"))?;
    run(cmd("apt-get")
        .args(["install", "-y", "-qq", "chromium", "chromium-driver"])
        .env("DEBIAN_FRONTEND", "noninteractive"))
}

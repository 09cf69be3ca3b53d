//! Building the static site: the corpus report first (fast, and it names bad input before
//! the long wasm build), then Trunk, then the Content-Security-Policy's script hashes.

use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use base64::Engine;
use sha2::{Digest, Sha256};

use crate::{cmd, run, say, tools, workspace_root};

/// The placeholder in index.html's Content-Security-Policy that [`pin_inline_scripts`] fills.
const HASHES_PLACEHOLDER: &str = "INLINE-SCRIPT-HASHES";

pub struct SiteOptions {
    pub corpus: PathBuf,
    pub public_url: String,
    pub dist: PathBuf,
}

impl SiteOptions {
    pub fn default_corpus() -> PathBuf {
        workspace_root().join("corpus")
    }
}

pub fn build_site(options: &SiteOptions) -> Result<()> {
    let corpus = absolute(&options.corpus);
    say(&format!("compiling the corpus {}", corpus.display()));
    let bundle = workspace_root().join("target/xtask/corpus.dossier");
    std::fs::create_dir_all(bundle.parent().unwrap_or(Path::new(".")))?;
    run(cmd("cargo")
        .args([
            "run",
            "--quiet",
            "--release",
            "--package",
            "dossier-build",
            "--bin",
            "dossier",
            "--",
            "build",
        ])
        .arg(&corpus)
        .arg("-o")
        .arg(&bundle))?;

    let dist = absolute(&options.dist);
    say(&format!(
        "building the site with Trunk into {} (public URL {})",
        dist.display(),
        options.public_url
    ));
    run(cmd("trunk")
        .args([
            "build",
            "--release",
            "--offline",
            "--public-url",
            &options.public_url,
        ])
        .arg("--dist")
        .arg(&dist)
        .current_dir(workspace_root())
        .env("PATH", tools::tool_path())
        .env("TRUNK_SKIP_VERSION_CHECK", "true")
        .env("DOSSIER_CORPUS", &corpus))?;
    pin_inline_scripts(&dist.join("index.html"))?;
    say(&format!("site ready in {}", dist.display()));
    Ok(())
}

fn absolute(path: &Path) -> PathBuf {
    if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir().unwrap_or_default().join(path)
    }
}

/// Replaces the CSP placeholder with the sha256 of every inline script in the page (Trunk's
/// module loader), so those scripts run and no other inline script can.
pub fn pin_inline_scripts(index: &Path) -> Result<()> {
    let html = std::fs::read_to_string(index)
        .with_context(|| format!("cannot read {}", index.display()))?;
    if !html.contains(HASHES_PLACEHOLDER) {
        bail!(
            "{} has no {HASHES_PLACEHOLDER} placeholder in its Content-Security-Policy",
            index.display()
        );
    }
    let hashes: Vec<String> = inline_scripts(&html)
        .into_iter()
        .map(|script| {
            let digest = Sha256::digest(script.as_bytes());
            format!(
                "'sha256-{}'",
                base64::engine::general_purpose::STANDARD.encode(digest)
            )
        })
        .collect();
    let html = html.replace(HASHES_PLACEHOLDER, &hashes.join(" "));
    std::fs::write(index, html).with_context(|| format!("cannot write {}", index.display()))
}

/// The bodies of `<script>` elements without a `src`.
fn inline_scripts(html: &str) -> Vec<&str> {
    let mut scripts = Vec::new();
    let mut rest = html;
    while let Some(open) = rest.find("<script") {
        let after_open = &rest[open..];
        let Some(tag_end) = after_open.find('>') else {
            break;
        };
        let tag = &after_open[..tag_end];
        let body_and_rest = &after_open[tag_end + 1..];
        let Some(close) = body_and_rest.find("</script>") else {
            break;
        };
        if !tag.contains(" src=") {
            scripts.push(&body_and_rest[..close]);
        }
        rest = &body_and_rest[close..];
    }
    scripts
}

#[cfg(test)]
mod tests {
    use super::inline_scripts;

    #[test]
    fn only_scripts_without_src_are_inline() {
        let html = r#"<script src="a.js"></script><script type="module">import x;</script>"#;
        assert_eq!(inline_scripts(html), ["import x;"]);
    }
}

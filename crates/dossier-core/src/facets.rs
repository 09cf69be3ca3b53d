//! Facets: the values a collection can be filtered by (people, organisations, places, sources,
//! declared tags, dates), which documents carry each, and exact counts over a result set.
//!
//! Selection follows what people expect of faceted search: values of one kind are alternatives
//! (OR), kinds narrow each other (AND), and a negated value leaves its documents out.

use std::collections::BTreeMap;

use crate::document::DocId;

/// What a facet value is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FacetKind {
    Person,
    Organization,
    Place,
    Source,
    /// A tag the corpus declares (front matter, JSONL `tags`).
    Tag,
    /// Year and month, `YYYY-MM`, from the document's date.
    Date,
}

impl FacetKind {
    pub const ALL: [FacetKind; 6] = [
        FacetKind::Person,
        FacetKind::Organization,
        FacetKind::Place,
        FacetKind::Source,
        FacetKind::Tag,
        FacetKind::Date,
    ];

    /// The short name used by the CLI (`--filter place=Iraq`) and in JSON.
    pub fn key(self) -> &'static str {
        match self {
            FacetKind::Person => "person",
            FacetKind::Organization => "org",
            FacetKind::Place => "place",
            FacetKind::Source => "source",
            FacetKind::Tag => "tag",
            FacetKind::Date => "date",
        }
    }

    /// The heading a reader sees for the group.
    pub fn label(self) -> &'static str {
        match self {
            FacetKind::Person => "People",
            FacetKind::Organization => "Organizations",
            FacetKind::Place => "Places",
            FacetKind::Source => "Sources",
            FacetKind::Tag => "Tags",
            FacetKind::Date => "Dates",
        }
    }

    pub fn from_key(key: &str) -> Option<FacetKind> {
        let key = key.trim().to_ascii_lowercase();
        FacetKind::ALL.into_iter().find(|kind| {
            kind.key() == key
                || kind.label().to_ascii_lowercase() == key
                || format!("{kind:?}").to_ascii_lowercase() == key
        })
    }

    pub(crate) fn code(self) -> u8 {
        self as u8
    }

    pub(crate) fn from_code(code: u8) -> Option<FacetKind> {
        FacetKind::ALL.get(code as usize).copied()
    }
}

/// One filterable value and the documents that carry it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FacetValue {
    pub kind: FacetKind,
    pub name: String,
    /// Other surface forms merged into this value (for entities).
    pub aliases: Vec<String>,
    /// How many times the value is mentioned in all documents (documents for tags and dates).
    pub mentions: u32,
    /// Ascending.
    pub docs: Vec<DocId>,
}

/// One selected value: `kind=value`, or `kind!=value` when negated.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Filter {
    pub kind: FacetKind,
    pub value: String,
    pub negated: bool,
}

impl Filter {
    /// Parses `kind=value` or `kind!=value` (the CLI's `--filter`).
    pub fn parse(text: &str) -> Option<Filter> {
        let (kind, value, negated) = match text.split_once("!=") {
            Some((kind, value)) => (kind, value, true),
            None => {
                let (kind, value) = text.split_once('=')?;
                (kind, value, false)
            }
        };
        let value = value.trim();
        if value.is_empty() {
            return None;
        }
        Some(Filter {
            kind: FacetKind::from_key(kind)?,
            value: value.to_owned(),
            negated,
        })
    }
}

/// A value and how many documents of the result set carry it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FacetCount {
    pub value: String,
    pub count: u32,
}

/// Counts for every value of every kind over one result set: most frequent first, then by
/// name. Every value is listed, with 0 where no result carries it, so nothing a reader has
/// seen or selected disappears.
pub type FacetCounts = BTreeMap<FacetKind, Vec<FacetCount>>;

/// Which documents pass `filters`, as a mask over all documents; `None` when there are no
/// filters. A filter naming a value the collection does not have matches no document.
pub fn filter_mask(
    values: &[FacetValue],
    filters: &[Filter],
    doc_count: usize,
) -> Option<Vec<bool>> {
    if filters.is_empty() {
        return None;
    }
    let mut mask = vec![true; doc_count];
    let docs_of = |filter: &Filter| -> &[DocId] {
        values
            .iter()
            .find(|v| v.kind == filter.kind && v.name == filter.value)
            .map_or(&[][..], |v| v.docs.as_slice())
    };
    for kind in FacetKind::ALL {
        let wanted: Vec<&Filter> = filters
            .iter()
            .filter(|f| f.kind == kind && !f.negated)
            .collect();
        if !wanted.is_empty() {
            let mut any = vec![false; doc_count];
            for filter in wanted {
                for &doc in docs_of(filter) {
                    if let Some(slot) = any.get_mut(doc as usize) {
                        *slot = true;
                    }
                }
            }
            for (keep, carried) in mask.iter_mut().zip(any) {
                *keep &= carried;
            }
        }
    }
    for filter in filters.iter().filter(|f| f.negated) {
        for &doc in docs_of(filter) {
            if let Some(slot) = mask.get_mut(doc as usize) {
                *slot = false;
            }
        }
    }
    Some(mask)
}

/// Counts every value over the documents marked in `in_results`.
pub fn count_facets(values: &[FacetValue], in_results: &[bool]) -> FacetCounts {
    let mut counts = FacetCounts::new();
    for value in values {
        let count = value
            .docs
            .iter()
            .filter(|&&doc| in_results.get(doc as usize).copied().unwrap_or(false))
            .count() as u32;
        counts.entry(value.kind).or_default().push(FacetCount {
            value: value.name.clone(),
            count,
        });
    }
    for list in counts.values_mut() {
        list.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.value.cmp(&b.value)));
    }
    counts
}

/// `YYYY-MM` from the date formats corpora use: ISO (`2020-01-03`, `2020-01-03T10:00`,
/// `2020/01/03`) and Reuters-style `26-FEB-1987 15:01:01.79`. `None` when unrecognised.
pub fn year_month(date: &str) -> Option<String> {
    let date = date.trim();
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let parts: Vec<&str> = date.split(['-', '/', ' ', 'T']).collect();
    match parts.as_slice() {
        [year, month, ..] if year.len() == 4 && digits(year) && digits(month) => {
            let month: u32 = month.parse().ok()?;
            (1..=12)
                .contains(&month)
                .then(|| format!("{year}-{month:02}"))
        }
        [day, month, year, ..] if digits(day) && year.len() >= 4 && digits(&year[..4]) => {
            const MONTHS: [&str; 12] = [
                "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
            ];
            let month = month.get(..3)?.to_ascii_lowercase();
            let index = MONTHS.iter().position(|m| *m == month)?;
            Some(format!("{}-{:02}", &year[..4], index + 1))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn value(kind: FacetKind, name: &str, docs: &[DocId]) -> FacetValue {
        FacetValue {
            kind,
            name: name.into(),
            aliases: Vec::new(),
            mentions: docs.len() as u32,
            docs: docs.to_vec(),
        }
    }

    fn filter(text: &str) -> Filter {
        Filter::parse(text).expect("valid filter")
    }

    fn passing(values: &[FacetValue], filters: &[&str]) -> Vec<DocId> {
        let filters: Vec<Filter> = filters.iter().map(|f| filter(f)).collect();
        let mask = filter_mask(values, &filters, 6).unwrap_or_else(|| vec![true; 6]);
        (0..6).filter(|&d| mask[d as usize]).collect()
    }

    fn sample() -> Vec<FacetValue> {
        vec![
            value(FacetKind::Place, "Iraq", &[0, 1, 2]),
            value(FacetKind::Place, "Iran", &[2, 3]),
            value(FacetKind::Tag, "oil", &[1, 3, 4]),
        ]
    }

    #[test]
    fn values_of_one_kind_are_alternatives() {
        assert_eq!(
            passing(&sample(), &["place=Iraq", "place=Iran"]),
            [0, 1, 2, 3]
        );
    }

    #[test]
    fn kinds_narrow_each_other() {
        assert_eq!(passing(&sample(), &["place=Iraq", "tag=oil"]), [1]);
    }

    #[test]
    fn a_negated_value_leaves_its_documents_out() {
        assert_eq!(passing(&sample(), &["place!=Iran"]), [0, 1, 4, 5]);
        assert_eq!(passing(&sample(), &["tag=oil", "place!=Iran"]), [1, 4]);
    }

    #[test]
    fn an_unknown_value_matches_nothing() {
        assert!(passing(&sample(), &["place=Atlantis"]).is_empty());
    }

    #[test]
    fn counts_cover_every_value_including_those_absent_from_the_results() {
        let in_results = [true, true, false, false, false, false];
        let counts = count_facets(&sample(), &in_results);
        let places: Vec<(&str, u32)> = counts[&FacetKind::Place]
            .iter()
            .map(|c| (c.value.as_str(), c.count))
            .collect();
        assert_eq!(places, [("Iraq", 2), ("Iran", 0)]);
        assert_eq!(counts[&FacetKind::Tag][0].count, 1);
    }

    #[test]
    fn filters_parse_from_kind_equals_value() {
        assert_eq!(filter("place=Iraq").kind, FacetKind::Place);
        assert!(filter("org!=Pentagon").negated);
        assert_eq!(filter("People=Someone").kind, FacetKind::Person);
        assert_eq!(Filter::parse("colour=red"), None);
        assert_eq!(Filter::parse("place="), None);
    }

    #[test]
    fn dates_become_year_and_month() {
        assert_eq!(year_month("2020-01-03").as_deref(), Some("2020-01"));
        assert_eq!(year_month("2020/1/3").as_deref(), Some("2020-01"));
        assert_eq!(
            year_month("26-FEB-1987 15:01:01.79").as_deref(),
            Some("1987-02")
        );
        assert_eq!(year_month("yesterday"), None);
        assert_eq!(year_month("2020-13-01"), None);
    }
}

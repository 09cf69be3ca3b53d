//! Facets: the values a collection can be filtered by (people, organisations, places, sources,
//! declared tags, dates), which documents carry each, and exact counts over a result set.
//!
//! Selection follows what people expect of faceted search: values of one kind are alternatives
//! (OR), kinds narrow each other (AND), and a negated value leaves its documents out.

use std::collections::BTreeMap;

use crate::document::DocId;
use crate::place::Location;

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
#[derive(Debug, Clone, PartialEq)]
pub struct FacetValue {
    pub kind: FacetKind,
    pub name: String,
    /// Other surface forms merged into this value (for entities).
    pub aliases: Vec<String>,
    /// How many times the value is mentioned in all documents (documents for tags and dates).
    pub mentions: u32,
    /// Ascending.
    pub docs: Vec<DocId>,
    /// Where a place is, when the geoparser resolved it; `None` for other kinds and for
    /// places it could not put on the map (they stay filterable).
    pub location: Option<Location>,
}

/// Where the build found an entity in a document, for the writer: `doc` indexes the input
/// documents and the offsets are code points into that document's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntityMention {
    pub doc: u32,
    pub kind: FacetKind,
    /// The facet value's name (after merging), which the writer maps to its index.
    pub name: String,
    pub start: u32,
    pub end: u32,
}

/// A mention as the bundle gives it back: the facet value (an index into
/// [`crate::Bundle::facets`]) and code point offsets into the document's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MentionSpan {
    pub value: u32,
    pub start: u32,
    pub end: u32,
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

/// A value (an index into the collection's facet values, see `Bundle::facets`) and how many
/// documents of the result set carry it. An index, not a name: a large corpus has tens of
/// thousands of values, and copying their names on every keystroke cost milliseconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FacetCount {
    pub value: u32,
    pub count: u32,
}

/// Counts for every value of every kind over one result set: most frequent first, then by
/// name. Every value is listed, with 0 where no result carries it, so nothing a reader has
/// seen or selected disappears.
pub type FacetCounts = BTreeMap<FacetKind, Vec<FacetCount>>;

/// The facet values of a collection with the index that counts them fast: for each document,
/// the values it carries. Built once when a bundle opens.
#[derive(Debug, Clone, Default)]
pub struct FacetIndex {
    values: Vec<FacetValue>,
    /// `doc_values[doc_offsets[d]..doc_offsets[d + 1]]`: the values document `d` carries.
    doc_offsets: Vec<u32>,
    doc_values: Vec<u32>,
    /// Every value, by kind, then by how many documents carry it (most first), then name:
    /// the order of values no result carries.
    global_order: Vec<u32>,
    /// For each kind (in `FacetKind::ALL` order), its range of `global_order`.
    kind_ranges: Vec<std::ops::Range<usize>>,
    /// How many documents carry each value, packed: counting the complement of a large
    /// result set reads them all, and reaching each through its `FacetValue` missed the
    /// cache on every one.
    totals: Vec<u32>,
}

impl FacetIndex {
    pub fn new(values: Vec<FacetValue>, doc_count: usize) -> FacetIndex {
        let mut doc_offsets = vec![0u32; doc_count + 1];
        for value in &values {
            for &doc in &value.docs {
                if let Some(slot) = doc_offsets.get_mut(doc as usize + 1) {
                    *slot += 1;
                }
            }
        }
        for d in 1..doc_offsets.len() {
            doc_offsets[d] += doc_offsets[d - 1];
        }
        let mut fill = doc_offsets.clone();
        let mut doc_values = vec![0u32; doc_offsets.last().copied().unwrap_or(0) as usize];
        for (index, value) in values.iter().enumerate() {
            for &doc in &value.docs {
                if let Some(at) = fill.get_mut(doc as usize) {
                    doc_values[*at as usize] = index as u32;
                    *at += 1;
                }
            }
        }
        let mut global_order: Vec<u32> = (0..values.len() as u32).collect();
        global_order.sort_by(|&a, &b| {
            let (a, b) = (&values[a as usize], &values[b as usize]);
            a.kind
                .cmp(&b.kind)
                .then(b.docs.len().cmp(&a.docs.len()))
                .then_with(|| a.name.cmp(&b.name))
        });
        let kind_ranges = FacetKind::ALL
            .iter()
            .map(|&kind| {
                let start = global_order.partition_point(|&v| values[v as usize].kind < kind);
                let end = global_order.partition_point(|&v| values[v as usize].kind <= kind);
                start..end
            })
            .collect();
        let totals = values.iter().map(|v| v.docs.len() as u32).collect();
        FacetIndex {
            values,
            doc_offsets,
            doc_values,
            global_order,
            kind_ranges,
            totals,
        }
    }

    pub fn values(&self) -> &[FacetValue] {
        &self.values
    }

    /// The values document `doc` carries (indexes into [`FacetIndex::values`]), ascending;
    /// empty for a document the index does not know.
    pub fn doc_values(&self, doc: DocId) -> &[u32] {
        let at = doc as usize;
        match (self.doc_offsets.get(at), self.doc_offsets.get(at + 1)) {
            (Some(&start), Some(&end)) => &self.doc_values[start as usize..end as usize],
            _ => &[],
        }
    }

    /// Counts every value over `docs` (the whole result set): most frequent first, ties by
    /// how many documents carry the value overall, then by name; then the values no result
    /// carries (count 0) in that same order. Cost: the
    /// values the result documents carry, plus one entry per value for the listing.
    pub fn count(&self, docs: impl Iterator<Item = DocId>) -> FacetCounts {
        let doc_count = self.doc_offsets.len().saturating_sub(1);
        let mut in_results = vec![false; doc_count];
        let mut result_count = 0usize;
        for doc in docs {
            if let Some(slot) = in_results.get_mut(doc as usize) {
                result_count += usize::from(!*slot);
                *slot = true;
            }
        }
        // Count whichever side is smaller: when most documents are results (an empty query,
        // a one-letter prefix), count the others and subtract from each value's total.
        let complement = result_count * 2 > doc_count;
        let mut counts = vec![0u32; self.values.len()];
        for (d, &inside) in in_results.iter().enumerate() {
            if inside != complement {
                let (start, end) = (
                    self.doc_offsets[d] as usize,
                    self.doc_offsets[d + 1] as usize,
                );
                for &value in &self.doc_values[start..end] {
                    counts[value as usize] += 1;
                }
            }
        }
        if complement {
            for (count, total) in counts.iter_mut().zip(&self.totals) {
                *count = total - *count;
            }
        }
        let mut result = FacetCounts::new();
        for (kind, range) in FacetKind::ALL.into_iter().zip(&self.kind_ranges) {
            let (mut carried, absent): (Vec<FacetCount>, Vec<FacetCount>) = self.global_order
                [range.clone()]
            .iter()
            .map(|&value| FacetCount {
                value,
                count: counts[value as usize],
            })
            .partition(|c| c.count > 0);
            if carried.is_empty() && absent.is_empty() {
                continue;
            }
            // `carried` is in the global order, so a stable sort on the count alone breaks
            // ties by overall frequency, then name, with integer comparisons only: a large
            // collection has tens of thousands of values to order on every keystroke.
            sort_by_count(&mut carried);
            carried.extend(absent);
            result.insert(kind, carried);
        }
        result
    }
}

/// Sorts `counts` by count, largest first, keeping the order of equal counts. Long lists of
/// small counts (the entities of a large result set: tens of thousands on a one-letter
/// prefix) take a counting sort, linear; short lists, or few values with large counts (the
/// months of a big collection), the library's merge sort.
fn sort_by_count(counts: &mut Vec<FacetCount>) {
    let max = counts.iter().map(|c| c.count).max().unwrap_or(0) as usize;
    if counts.len() < 256 || max > 4 * counts.len() {
        counts.sort_by_key(|c| std::cmp::Reverse(c.count));
        return;
    }
    // starts[i] = where the values counted max - i begin in the output.
    let mut starts = vec![0usize; max + 2];
    for c in counts.iter() {
        starts[max - c.count as usize + 1] += 1;
    }
    for i in 1..starts.len() {
        starts[i] += starts[i - 1];
    }
    let mut ordered = vec![FacetCount { value: 0, count: 0 }; counts.len()];
    for &c in counts.iter() {
        let slot = &mut starts[max - c.count as usize];
        ordered[*slot] = c;
        *slot += 1;
    }
    *counts = ordered;
}

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
            location: None,
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
        let index = FacetIndex::new(sample(), 6);
        let counts = index.count([0, 1].into_iter());
        let name = |c: &FacetCount| index.values()[c.value as usize].name.as_str();
        let places: Vec<(&str, u32)> = counts[&FacetKind::Place]
            .iter()
            .map(|c| (name(c), c.count))
            .collect();
        assert_eq!(places, [("Iraq", 2), ("Iran", 0)]);
        assert_eq!(counts[&FacetKind::Tag][0].count, 1);
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #[test]
        fn indexed_counts_equal_counting_each_value_by_hand(
            memberships in proptest::collection::vec(proptest::collection::btree_set(0u32..20, 0..8), 1..12),
            results in proptest::collection::btree_set(0u32..20, 0..20),
        ) {
            let values: Vec<FacetValue> = memberships
                .iter()
                .enumerate()
                .map(|(i, docs)| {
                    let kind = if i % 2 == 0 { FacetKind::Tag } else { FacetKind::Place };
                    value(kind, &format!("v{i:02}"), &docs.iter().copied().collect::<Vec<_>>())
                })
                .collect();
            let index = FacetIndex::new(values.clone(), 20);
            let counts = index.count(results.iter().copied());
            for list in counts.values() {
                for pair in list.windows(2) {
                    proptest::prop_assert!(pair[0].count >= pair[1].count);
                }
                for c in list {
                    let by_hand = values[c.value as usize].docs.iter().filter(|d| results.contains(d)).count() as u32;
                    proptest::prop_assert_eq!(c.count, by_hand);
                }
            }
            proptest::prop_assert_eq!(counts.values().map(Vec::len).sum::<usize>(), values.len());
        }
    }

    proptest::proptest! {
        #[test]
        fn sorting_by_count_is_a_stable_sort_by_count_descending(
            counts in proptest::collection::vec(
                proptest::prop_oneof![0u32..6, 0u32..2000],
                0..700,
            ),
        ) {
            let listed: Vec<FacetCount> = counts
                .iter()
                .enumerate()
                .map(|(value, &count)| FacetCount { value: value as u32, count })
                .collect();
            let mut by_library = listed.clone();
            by_library.sort_by_key(|c| std::cmp::Reverse(c.count));
            let mut ours = listed;
            sort_by_count(&mut ours);
            proptest::prop_assert_eq!(ours, by_library);
        }
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

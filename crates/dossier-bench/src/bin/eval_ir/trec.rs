//! Relevance judgements, TREC runs and the two measures the evaluation reports, defined as
//! trec_eval defines them so the numbers compare with published figures:
//!
//! - **nDCG@10** (`ndcg_cut_10`): gain = the qrels grade (negative grades count as 0),
//!   discount 1 / log2(rank + 1), normalised by the DCG of the query's judged documents
//!   sorted by grade, best first, cut at 10.
//! - **Recall@100** (`recall_100`): relevant documents (grade > 0) in the top 100, over all
//!   relevant documents of the query.
//!
//! Both are averaged over the queries that have at least one relevant document in the qrels;
//! such a query that is missing from the run scores 0 (trec_eval's `-c`), and queries the
//! qrels do not judge are ignored.
//!
//! **Order.** trec_eval ignores a run's rank column: it sorts each query's documents by score,
//! highest first, and breaks ties by document id in *descending* byte order. `RunOrder::TrecEval`
//! does the same; `RunOrder::AsListed` keeps the order of the lines instead, for engines whose
//! printed scores do not follow their own ranking.

use std::cmp::Ordering;
use std::collections::{BTreeMap, HashMap};

use thiserror::Error;

pub const NDCG_CUTOFF: usize = 10;
pub const RECALL_CUTOFF: usize = 100;

#[derive(Debug, Error, PartialEq)]
pub enum TrecError {
    #[error("line {line}: expected `query-id corpus-id grade`, got {text:?}")]
    MalformedJudgement { line: usize, text: String },
    #[error("line {line}: query {query} judges document {doc} twice")]
    DuplicateJudgement {
        line: usize,
        query: String,
        doc: String,
    },
    #[error("line {line}: expected `qid Q0 docid rank score tag`, got {text:?}")]
    MalformedRunLine { line: usize, text: String },
    #[error("line {line}: query {query} lists document {doc} twice")]
    DuplicateRunDoc {
        line: usize,
        query: String,
        doc: String,
    },
}

/// Graded judgements: query id → document id → grade.
#[derive(Debug, Default)]
pub struct Qrels {
    grades: BTreeMap<String, HashMap<String, i64>>,
}

impl Qrels {
    /// BEIR `qrels.tsv` (`query-id corpus-id score`, after an optional header line) or classic
    /// TREC qrels (`qid iteration docid grade`), separated by any whitespace.
    pub fn parse(text: &str) -> Result<Qrels, TrecError> {
        let mut qrels = Qrels::default();
        for (index, raw) in text.lines().enumerate() {
            let line = index + 1;
            let fields: Vec<&str> = raw.split_whitespace().collect();
            let parsed = match fields[..] {
                [] => continue,
                [query, doc, grade] | [query, _, doc, grade] => {
                    grade.parse::<i64>().ok().map(|g| (query, doc, g))
                }
                _ => None,
            };
            let Some((query, doc, grade)) = parsed else {
                // BEIR files open with `query-id corpus-id score`.
                if line == 1 {
                    continue;
                }
                return Err(TrecError::MalformedJudgement {
                    line,
                    text: raw.to_owned(),
                });
            };
            let judged = qrels.grades.entry(query.to_owned()).or_default();
            if judged.insert(doc.to_owned(), grade).is_some() {
                return Err(TrecError::DuplicateJudgement {
                    line,
                    query: query.to_owned(),
                    doc: doc.to_owned(),
                });
            }
        }
        Ok(qrels)
    }

    /// Queries with at least one relevant document: the ones the measures average over.
    pub fn judged_queries(&self) -> impl Iterator<Item = (&str, &HashMap<String, i64>)> {
        self.grades
            .iter()
            .filter(|(_, docs)| docs.values().any(|&g| g > 0))
            .map(|(q, docs)| (q.as_str(), docs))
    }
}

/// One line of a run: a document and the score the engine gave it.
#[derive(Debug, Clone, PartialEq)]
pub struct Retrieved {
    pub doc: String,
    pub score: f64,
}

/// A TREC run: query id → retrieved documents, in the order of the file's lines.
#[derive(Debug, Default)]
pub struct Run {
    by_query: HashMap<String, Vec<Retrieved>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RunOrder {
    /// Score descending, then document id descending, as trec_eval ranks.
    TrecEval,
    /// The order of the lines in the run.
    AsListed,
}

impl Run {
    /// `qid Q0 docid rank score tag` per line; the rank column is read but not trusted.
    pub fn parse(text: &str) -> Result<Run, TrecError> {
        let mut run = Run::default();
        for (index, raw) in text.lines().enumerate() {
            let line = index + 1;
            let fields: Vec<&str> = raw.split_whitespace().collect();
            let parsed = match fields[..] {
                [] => continue,
                [query, _, doc, rank, score, _] => rank
                    .parse::<u64>()
                    .ok()
                    .and(score.parse::<f64>().ok())
                    .filter(|s| s.is_finite())
                    .map(|s| (query, doc, s)),
                _ => None,
            };
            let Some((query, doc, score)) = parsed else {
                return Err(TrecError::MalformedRunLine {
                    line,
                    text: raw.to_owned(),
                });
            };
            let listed = run.by_query.entry(query.to_owned()).or_default();
            // trec_eval refuses these too: a document counted twice would inflate recall.
            if listed.iter().any(|r| r.doc == doc) {
                return Err(TrecError::DuplicateRunDoc {
                    line,
                    query: query.to_owned(),
                    doc: doc.to_owned(),
                });
            }
            listed.push(Retrieved {
                doc: doc.to_owned(),
                score,
            });
        }
        Ok(run)
    }

    /// A query's documents, best first under `order`.
    pub fn ranking(&self, query: &str, order: RunOrder) -> Vec<&Retrieved> {
        let mut ranked: Vec<&Retrieved> = self.by_query.get(query).into_iter().flatten().collect();
        if order == RunOrder::TrecEval {
            // Stable sort, but the id tie-break makes the order total anyway.
            ranked.sort_by(|a, b| trec_eval_order(a, b));
        }
        ranked
    }

    /// How many queries list their documents in an order their scores contradict: for those,
    /// trec_eval measures a different ranking from the one the engine produced.
    pub fn queries_listed_out_of_score_order(&self) -> usize {
        self.by_query
            .values()
            .filter(|listed| listed.windows(2).any(|w| w[1].score > w[0].score))
            .count()
    }
}

fn trec_eval_order(a: &Retrieved, b: &Retrieved) -> Ordering {
    b.score
        .total_cmp(&a.score)
        .then_with(|| b.doc.as_bytes().cmp(a.doc.as_bytes()))
}

/// Mean nDCG@10 and Recall@100 over the judged queries.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scores {
    pub ndcg_at_10: f64,
    pub recall_at_100: f64,
    pub judged_queries: usize,
}

pub fn evaluate(qrels: &Qrels, run: &Run, order: RunOrder) -> Scores {
    let mut ndcg_sum = 0.0;
    let mut recall_sum = 0.0;
    let mut judged_queries = 0;
    for (query, grades) in qrels.judged_queries() {
        let ranking: Vec<&str> = run
            .ranking(query, order)
            .into_iter()
            .map(|r| r.doc.as_str())
            .collect();
        ndcg_sum += ndcg_at(NDCG_CUTOFF, &ranking, grades);
        recall_sum += recall_at(RECALL_CUTOFF, &ranking, grades);
        judged_queries += 1;
    }
    let mean = |sum: f64| {
        if judged_queries == 0 {
            0.0
        } else {
            sum / judged_queries as f64
        }
    };
    Scores {
        ndcg_at_10: mean(ndcg_sum),
        recall_at_100: mean(recall_sum),
        judged_queries,
    }
}

fn gain(grade: i64) -> f64 {
    grade.max(0) as f64
}

/// DCG of gains in rank order; rank r (from 1) is discounted by log2(r + 1).
fn dcg(gains: impl Iterator<Item = f64>) -> f64 {
    gains
        .enumerate()
        .map(|(i, g)| g / (i as f64 + 2.0).log2())
        .sum()
}

/// nDCG at `k` of one query's ranking; 0 when no judged document has a positive grade.
pub fn ndcg_at(k: usize, ranking: &[&str], grades: &HashMap<String, i64>) -> f64 {
    let actual = dcg(ranking
        .iter()
        .take(k)
        .map(|doc| grades.get(*doc).map_or(0.0, |&g| gain(g))));
    let mut ideal_grades: Vec<i64> = grades.values().copied().collect();
    ideal_grades.sort_unstable_by(|a, b| b.cmp(a));
    let ideal = dcg(ideal_grades.into_iter().take(k).map(gain));
    if ideal > 0.0 {
        actual / ideal
    } else {
        0.0
    }
}

/// Share of the relevant documents (grade > 0) found in the top `k`; 0 when there are none.
pub fn recall_at(k: usize, ranking: &[&str], grades: &HashMap<String, i64>) -> f64 {
    let relevant = grades.values().filter(|&&g| g > 0).count();
    if relevant == 0 {
        return 0.0;
    }
    let found = ranking
        .iter()
        .take(k)
        .filter(|doc| grades.get(**doc).is_some_and(|&g| g > 0))
        .count();
    found as f64 / relevant as f64
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn grades(pairs: &[(&str, i64)]) -> HashMap<String, i64> {
        pairs.iter().map(|&(d, g)| (d.to_owned(), g)).collect()
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn ndcg_is_one_for_the_ideal_ordering() {
        let judged = grades(&[("a", 3), ("b", 2), ("c", 1)]);
        assert!(close(ndcg_at(10, &["a", "b", "c"], &judged), 1.0));
    }

    #[test]
    fn ndcg_discounts_by_log2_of_rank_plus_one() {
        // Relevant (grade 1) at rank 2 only: DCG = 1/log2(3); ideal puts it at rank 1: 1.
        let judged = grades(&[("hit", 1)]);
        let expected = 1.0 / 3f64.log2();
        assert!(close(ndcg_at(10, &["miss", "hit"], &judged), expected));
    }

    #[test]
    fn ndcg_uses_grades_as_gains() {
        // Run: b(1), a(3). DCG = 1 + 3/log2(3). Ideal: a(3), b(1) = 3 + 1/log2(3).
        let judged = grades(&[("a", 3), ("b", 1)]);
        let l3 = 3f64.log2();
        let expected = (1.0 + 3.0 / l3) / (3.0 + 1.0 / l3);
        assert!(close(ndcg_at(10, &["b", "a"], &judged), expected));
    }

    #[test]
    fn ndcg_ideal_counts_relevant_documents_the_run_missed() {
        // Two relevant documents, only one retrieved at rank 1: 1 / (1 + 1/log2(3)).
        let judged = grades(&[("a", 1), ("b", 1)]);
        let expected = 1.0 / (1.0 + 1.0 / 3f64.log2());
        assert!(close(ndcg_at(10, &["a", "x", "y"], &judged), expected));
    }

    #[test]
    fn ndcg_ignores_documents_below_the_cutoff() {
        let judged = grades(&[("late", 2)]);
        let ranking: Vec<String> = (0..10).map(|i| format!("miss{i}")).collect();
        let mut ranking: Vec<&str> = ranking.iter().map(String::as_str).collect();
        ranking.push("late");
        assert_eq!(ndcg_at(10, &ranking, &judged), 0.0);
    }

    #[test]
    fn zero_and_negative_grades_are_not_gains() {
        let judged = grades(&[("zero", 0), ("negative", -1), ("good", 1)]);
        let expected = 1.0 / 4f64.log2();
        assert!(close(
            ndcg_at(10, &["zero", "negative", "good"], &judged),
            expected
        ));
        assert!(close(
            recall_at(100, &["zero", "negative", "good"], &judged),
            1.0
        ));
    }

    #[test]
    fn recall_counts_relevant_documents_in_the_top_k() {
        let judged = grades(&[("a", 1), ("b", 2), ("c", 1), ("d", 0)]);
        assert!(close(
            recall_at(100, &["a", "d", "x", "c"], &judged),
            2.0 / 3.0
        ));
        assert!(close(recall_at(1, &["x", "a"], &judged), 0.0));
    }

    #[test]
    fn qrels_skip_the_beir_header_and_read_trec_format_too() {
        let beir = Qrels::parse("query-id\tcorpus-id\tscore\n1\td1\t2\n1\td2\t0\n2\td3\t0\n")
            .expect("valid qrels");
        let judged: Vec<&str> = beir.judged_queries().map(|(q, _)| q).collect();
        assert_eq!(judged, ["1"], "query 2 has no relevant document");
        let trec = Qrels::parse("7 0 doc 1\n").expect("valid qrels");
        assert_eq!(trec.judged_queries().count(), 1);
    }

    #[test]
    fn malformed_lines_are_reported_with_their_line_number() {
        let error = Qrels::parse("h\n1 d1 2\n1 d2 many\n").expect_err("bad grade");
        assert!(matches!(
            error,
            TrecError::MalformedJudgement { line: 3, .. }
        ));
        let error = Run::parse("1 Q0 d 1 0.5 x\n1 Q0 e 2 x\n").expect_err("short line");
        assert!(matches!(error, TrecError::MalformedRunLine { line: 2, .. }));
        let error = Run::parse("1 Q0 d 1 0.5 x\n1 Q0 d 2 0.4 x\n").expect_err("duplicate");
        assert!(matches!(error, TrecError::DuplicateRunDoc { line: 2, .. }));
    }

    #[test]
    fn trec_eval_order_sorts_by_score_then_document_id_descending() {
        let run = Run::parse("q Q0 a 1 1.0 x\nq Q0 c 2 2.0 x\nq Q0 b 3 1.0 x\n").expect("run");
        let ids = |order| -> Vec<String> {
            run.ranking("q", order)
                .into_iter()
                .map(|r| r.doc.clone())
                .collect()
        };
        assert_eq!(ids(RunOrder::TrecEval), ["c", "b", "a"]);
        assert_eq!(ids(RunOrder::AsListed), ["a", "c", "b"]);
        assert_eq!(run.queries_listed_out_of_score_order(), 1);
    }

    #[test]
    fn a_judged_query_missing_from_the_run_scores_zero() {
        let qrels = Qrels::parse("1 a 1\n2 b 1\n3 c 0\n").expect("qrels");
        let run = Run::parse("1 Q0 a 1 3.5 x\n9 Q0 z 1 1.0 x\n").expect("run");
        let scores = evaluate(&qrels, &run, RunOrder::TrecEval);
        assert_eq!(scores.judged_queries, 2, "query 3 has no relevant document");
        assert!(close(scores.ndcg_at_10, 0.5));
        assert!(close(scores.recall_at_100, 0.5));
    }

    proptest! {
        #[test]
        fn measures_stay_between_zero_and_one(
            judged in prop::collection::hash_map("[a-h]", -1i64..4, 1..8),
            ranking in prop::collection::vec("[a-l]", 0..15),
        ) {
            let mut seen = std::collections::HashSet::new();
            let ranking: Vec<&str> = ranking.iter().map(String::as_str).filter(|d| seen.insert(*d)).collect();
            let ndcg = ndcg_at(10, &ranking, &judged);
            let recall = recall_at(100, &ranking, &judged);
            prop_assert!((0.0..=1.0 + 1e-12).contains(&ndcg), "ndcg {ndcg}");
            prop_assert!((0.0..=1.0).contains(&recall), "recall {recall}");
        }

        #[test]
        fn ranking_by_grade_is_ideal(
            judged in prop::collection::hash_map("[a-z]{1,3}", 1i64..5, 1..30),
        ) {
            let mut ranking: Vec<&str> = judged.keys().map(String::as_str).collect();
            ranking.sort_by_key(|d| std::cmp::Reverse(judged[*d]));
            prop_assert!(close(ndcg_at(10, &ranking, &judged), 1.0));
            prop_assert!(close(recall_at(100, &ranking, &judged), 1.0));
        }
    }
}

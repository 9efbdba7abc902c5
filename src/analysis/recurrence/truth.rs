//! Ground truth for measuring recurrence detection (tests only): the keyed three-year chains of
//! fixtures/chains/ and synthetic stores, each with the set of true (earlier, later) pairs.

use std::collections::{HashMap, HashSet};

use serde::Deserialize;

use crate::model::{ItemId, Problem, Status};
use crate::synth::{generate, Label, SynthConfig};

/// Problems, the reported outcome of some of them, and the true recurrences.
pub(crate) struct Truth {
    pub problems: Vec<Problem>,
    pub outcomes: HashMap<ItemId, Status>,
    pub pairs: HashSet<(ItemId, ItemId)>,
}

#[derive(Deserialize)]
struct Chain {
    unit: String,
    years: Vec<ChainYear>,
}

#[derive(Deserialize)]
struct ChainYear {
    year: i32,
    problems: Vec<ChainProblem>,
    #[serde(default)]
    outcomes: HashMap<String, String>,
}

#[derive(Deserialize)]
struct ChainProblem {
    key: String,
    text: String,
    continues: Option<String>,
}

fn problem(n: usize, unit: &str, year: i32, text: &str) -> Problem {
    Problem {
        id: ItemId::problem(n as i64 + 1),
        uuid: String::new(),
        unit: unit.into(),
        year,
        category: None,
        text: text.into(),
    }
}

/// Every problem labelled with its thread (the first problem of its chain of continuations): two
/// problems of one unit from different years are a recurrence when their threads are equal.
fn pairs_of_threads(threads: &[(usize, &str, i32, usize)]) -> HashSet<(ItemId, ItemId)> {
    let mut pairs = HashSet::new();
    for &(a, unit_a, year_a, thread_a) in threads {
        for &(b, unit_b, year_b, thread_b) in threads {
            if unit_a == unit_b && year_a < year_b && thread_a == thread_b {
                pairs.insert((ItemId::problem(a as i64 + 1), ItemId::problem(b as i64 + 1)));
            }
        }
    }
    pairs
}

/// The chains of fixtures/chains/ (all of them in one store).
pub(crate) fn chains() -> Truth {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/chains");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().ends_with(".key.json"))
        .collect();
    files.sort();
    let mut problems = Vec::new();
    let mut outcomes = HashMap::new();
    let mut threads: Vec<(usize, String, i32, usize)> = Vec::new();
    for file in files {
        let chain: Chain = serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
        let mut index: HashMap<String, usize> = HashMap::new();
        for year in &chain.years {
            for (key, status) in &year.outcomes {
                let status = match status.as_str() {
                    "done" => Status::Done,
                    "ongoing" => Status::InProgress,
                    "not_done" => Status::NotDone,
                    other => panic!("{}: unknown outcome {other}", file.display()),
                };
                outcomes.insert(ItemId::problem(index[key] as i64 + 1), status);
            }
            for p in &year.problems {
                let n = problems.len();
                let thread = match &p.continues {
                    Some(key) => threads[index[key]].3,
                    None => n,
                };
                index.insert(p.key.clone(), n);
                threads.push((n, chain.unit.clone(), year.year, thread));
                problems.push(problem(n, &chain.unit, year.year, &p.text));
            }
        }
    }
    let borrowed: Vec<_> = threads
        .iter()
        .map(|(n, u, y, t)| (*n, u.as_str(), *y, *t))
        .collect();
    let pairs = pairs_of_threads(&borrowed);
    Truth {
        problems,
        outcomes,
        pairs,
    }
}

/// A synthetic store of `units` units over three years: two problems are the same when they
/// word the same shared theme (a unit's own problems are unique).
pub(crate) fn synthetic_with_seed(seed: u64, units: usize) -> Truth {
    let ledger = generate(&SynthConfig::new(units, 3).with_seed(seed));
    let mut problems = Vec::new();
    let mut threads = Vec::new();
    for (n, p) in ledger.problems.iter().enumerate() {
        let thread = match p.label {
            Label::Theme(t) => usize::from(t),
            Label::Local(k) => 100_000 + k as usize,
        };
        threads.push((n, ledger.units[p.unit].as_str(), p.year, thread));
        problems.push(problem(n, &ledger.units[p.unit], p.year, &p.text));
    }
    let pairs = pairs_of_threads(&threads);
    Truth {
        problems,
        outcomes: HashMap::new(),
        pairs,
    }
}

/// Precision, recall and F1 of `found` against the true pairs.
pub(crate) fn scores(
    truth: &HashSet<(ItemId, ItemId)>,
    found: &HashSet<(ItemId, ItemId)>,
) -> (f64, f64, f64) {
    let hits = found.intersection(truth).count() as f64;
    let precision = if found.is_empty() {
        0.0
    } else {
        hits / found.len() as f64
    };
    let recall = if truth.is_empty() {
        0.0
    } else {
        hits / truth.len() as f64
    };
    let f1 = if hits == 0.0 {
        0.0
    } else {
        2.0 * precision * recall / (precision + recall)
    };
    (precision, recall, f1)
}

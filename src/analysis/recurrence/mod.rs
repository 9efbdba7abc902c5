//! Recurring problems (年年改年年犯): pairs of one unit's problems from different years that read
//! as the same underlying problem in new words.
//!
//! The score of a pair is a weighted cosine of the words both problems use (segmented by jieba
//! with the genre's terms, synonyms read as one word), raised when the later text says the problem
//! is still there (仍, 反弹 …) and when the earlier one was reported unfinished (see `score`).
//! Weights come from a reference vocabulary shipped with the binary and the unit's own problems
//! only, so a pair's score does not move when other units are added. Between two years of a unit
//! each problem pairs with at most one problem of the other year (see `pairing`); a problem that
//! recurs over three years pairs with both earlier years. A person's decision wins over the
//! score: a rejected pair is never shown again and a confirmed one always is.

mod pairing;
pub mod score;

use std::collections::HashMap;

use serde::Serialize;

use score::UnitWords;
pub use score::{Evidence, Signals};

use crate::model::{Decision, ItemId, Problem, Status};

/// The least score for a proposed pair, measured on the fixture summaries' chains and a
/// synthetic store of the default seed (the `calibration` test); the figures on chains and a
/// seed it was not chosen on are in the `quality` test.
pub const DEFAULT_THRESHOLD: f64 = 0.26;
/// Scores from here up are shown as 高, from [`MEDIUM`] as 中, below as 低.
pub const HIGH: f64 = 0.50;
pub const MEDIUM: f64 = 0.35;

/// How sure a pair is, for a person: 高, 中 or 低.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    High,
    Medium,
    Low,
}

impl Level {
    pub fn of(score: f64) -> Level {
        if score >= HIGH {
            Level::High
        } else if score >= MEDIUM {
            Level::Medium
        } else {
            Level::Low
        }
    }

    pub fn zh(self) -> &'static str {
        match self {
            Level::High => "高",
            Level::Medium => "中",
            Level::Low => "低",
        }
    }

    pub fn en(self) -> &'static str {
        match self {
            Level::High => "high",
            Level::Medium => "medium",
            Level::Low => "low",
        }
    }
}

/// One side of a pair.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Side {
    pub id: ItemId,
    pub year: i32,
    pub text: String,
}

/// A proposed or decided recurrence.
#[derive(Debug, Clone, PartialEq)]
pub struct Pair {
    pub unit: String,
    pub earlier: Side,
    pub later: Side,
    pub evidence: Evidence,
    pub decision: Option<Decision>,
}

impl Pair {
    /// The score in [0, 1], two decimals.
    pub fn score(&self) -> f64 {
        self.evidence.score
    }

    pub fn level(&self) -> Level {
        Level::of(self.evidence.score)
    }
}

/// What a person or a later summary has said: decisions on pairs and reported outcomes.
#[derive(Debug, Clone, Default)]
pub struct Known {
    pub decisions: HashMap<(ItemId, ItemId), Decision>,
    /// The latest reported status of a problem (from a later summary or a progress entry).
    pub outcomes: HashMap<ItemId, Status>,
}

/// The recurrences among `problems` (pass every problem of the units in scope, all years):
/// pairs scoring at least `threshold`, each problem paired with at most one problem of each
/// other year, plus every confirmed pair; rejected pairs are left out. Ordered by unit, later
/// year, later id and earlier year. This is the one call a caller needs.
pub fn find_pairs(problems: &[Problem], known: &Known, threshold: f64) -> Vec<Pair> {
    find_pairs_with(problems, known, threshold, Signals::ALL)
}

/// [`find_pairs`] with a chosen set of signals (to measure what each is worth).
pub fn find_pairs_with(
    problems: &[Problem],
    known: &Known,
    threshold: f64,
    signals: Signals,
) -> Vec<Pair> {
    let mut by_unit: HashMap<&str, Vec<&Problem>> = HashMap::new();
    for problem in problems {
        by_unit.entry(&problem.unit).or_default().push(problem);
    }
    let mut pairs = Vec::new();
    for (unit, items) in by_unit {
        let words = UnitWords::new(&items, signals);
        let mut candidates = Vec::new();
        for (l, later) in items.iter().enumerate() {
            for (e, earlier) in items.iter().enumerate() {
                if earlier.year >= later.year {
                    continue;
                }
                let decision = known.decisions.get(&(earlier.id, later.id)).copied();
                if decision == Some(Decision::Rejected) {
                    continue;
                }
                let outcome = known.outcomes.get(&earlier.id).copied();
                let evidence = words.evidence(e, l, &later.text, outcome);
                if decision.is_some() || evidence.score >= threshold {
                    candidates.push(Pair {
                        unit: unit.to_string(),
                        earlier: side(earlier),
                        later: side(later),
                        evidence,
                        decision,
                    });
                }
            }
        }
        if signals.assignment {
            candidates = pairing::one_per_year(candidates);
        }
        pairs.extend(candidates);
    }
    pairs.sort_by(|a, b| order(a).cmp(&order(b)));
    pairs
}

fn side(p: &Problem) -> Side {
    Side {
        id: p.id,
        year: p.year,
        text: p.text.clone(),
    }
}

fn order(p: &Pair) -> (&str, i32, ItemId, i32, ItemId) {
    (
        &p.unit,
        p.later.year,
        p.later.id,
        p.earlier.year,
        p.earlier.id,
    )
}

/// The evidence for one pair, weighed as [`find_pairs`] weighs it: `unit_problems` are all the
/// problems of the pair's unit (both of the pair among them).
pub fn explain(
    unit_problems: &[Problem],
    outcomes: &HashMap<ItemId, Status>,
    earlier: &Problem,
    later: &Problem,
) -> Evidence {
    let mut items: Vec<&Problem> = unit_problems.iter().collect();
    for p in [earlier, later] {
        if !items.iter().any(|q| q.id == p.id) {
            items.push(p);
        }
    }
    let index = |p: &Problem| items.iter().position(|q| q.id == p.id).unwrap_or(0);
    let words = UnitWords::new(&items, Signals::ALL);
    let outcome = outcomes.get(&earlier.id).copied();
    words.evidence(index(earlier), index(later), &later.text, outcome)
}

#[cfg(test)]
mod calibration;
#[cfg(test)]
mod quality;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod truth;

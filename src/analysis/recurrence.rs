//! Recurring problems (年年改年年犯): pairs of one unit's problems from different years that read
//! as the same underlying problem in new words.
//!
//! Similarity is the cosine of character unigram and bigram counts (see `similarity`), compared
//! within each unit only, so the work is small even for a province store: a unit has a handful of
//! problems a year. A person's decision wins over the score: a rejected pair is never shown again
//! and a confirmed one always is.

use std::collections::HashMap;

use serde::Serialize;

use super::similarity::Profile;
use crate::model::{ItemId, Problem};
use crate::store::Decision;

/// The least similarity for a proposed pair. Chosen on the fixture chains (see the README,
/// "Year over year"): planted recurrences there score 0.44 and above, unrelated pairs of one
/// unit 0.36 and below.
pub const DEFAULT_THRESHOLD: f64 = 0.40;

/// One side of a pair.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Side {
    pub id: ItemId,
    pub year: i32,
    pub text: String,
}

/// A proposed or decided recurrence.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Pair {
    pub unit: String,
    pub earlier: Side,
    pub later: Side,
    /// Similarity in [0, 1], rounded to two decimals.
    pub score: f64,
    pub decision: Option<Decision>,
}

/// Pairs of problems of the same unit from different years scoring at least `threshold`, plus
/// every confirmed pair; rejected pairs are left out. Ordered by unit, later year, later id and
/// earlier year. A problem recurring over three years pairs with both earlier years.
pub fn find_pairs(
    problems: &[Problem],
    decisions: &HashMap<(ItemId, ItemId), Decision>,
    threshold: f64,
) -> Vec<Pair> {
    let mut by_unit: HashMap<&str, Vec<(&Problem, Profile)>> = HashMap::new();
    for problem in problems {
        by_unit
            .entry(&problem.unit)
            .or_default()
            .push((problem, Profile::new(&problem.text)));
    }
    let side = |p: &Problem| Side {
        id: p.id,
        year: p.year,
        text: p.text.clone(),
    };
    let mut pairs = Vec::new();
    for (unit, items) in by_unit {
        for (later, later_profile) in &items {
            for (earlier, earlier_profile) in &items {
                if earlier.year >= later.year {
                    continue;
                }
                let decision = decisions.get(&(earlier.id, later.id)).copied();
                let score = (earlier_profile.cosine(later_profile) * 100.0).round() / 100.0;
                let shown = match decision {
                    Some(Decision::Confirmed) => true,
                    Some(Decision::Rejected) => false,
                    None => score >= threshold,
                };
                if shown {
                    pairs.push(Pair {
                        unit: unit.to_string(),
                        earlier: side(earlier),
                        later: side(later),
                        score,
                        decision,
                    });
                }
            }
        }
    }
    pairs.sort_by(|a, b| {
        (
            &a.unit,
            a.later.year,
            a.later.id,
            a.earlier.year,
            a.earlier.id,
        )
            .cmp(&(
                &b.unit,
                b.later.year,
                b.later.id,
                b.earlier.year,
                b.earlier.id,
            ))
    });
    pairs
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problem(num: i64, unit: &str, year: i32, text: &str) -> Problem {
        Problem {
            id: ItemId::problem(num),
            uuid: String::new(),
            unit: unit.into(),
            year,
            category: None,
            text: text.into(),
        }
    }

    fn problems() -> Vec<Problem> {
        vec![
            problem(1, "甲局", 2022, "理论学习不够深入，学用结合不够紧密"),
            problem(2, "甲局", 2022, "基层党支部会议记录不规范"),
            problem(3, "甲局", 2023, "理论学习深度不够，学用结合仍不紧密"),
            problem(4, "甲局", 2024, "理论学习仍不够深入，学用脱节"),
            problem(5, "乙局", 2023, "理论学习不够深入，学用结合不够紧密"),
        ]
    }

    fn ids(pairs: &[Pair]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|p| (p.earlier.id.to_string(), p.later.id.to_string()))
            .collect()
    }

    #[test]
    fn a_problem_recurring_over_three_years_pairs_with_both_earlier_years() {
        let pairs = find_pairs(&problems(), &HashMap::new(), DEFAULT_THRESHOLD);
        let found = ids(&pairs);
        assert!(found.contains(&("P1".into(), "P3".into())), "{found:?}");
        assert!(found.contains(&("P1".into(), "P4".into())), "{found:?}");
        assert!(found.contains(&("P3".into(), "P4".into())), "{found:?}");
    }

    #[test]
    fn problems_of_other_units_and_of_the_same_year_never_pair() {
        let pairs = find_pairs(&problems(), &HashMap::new(), 0.0);
        assert!(pairs
            .iter()
            .all(|p| p.unit == "甲局" || p.earlier.id != ItemId::problem(1)));
        assert!(pairs.iter().all(|p| p.earlier.year < p.later.year));
        assert!(!ids(&pairs).contains(&("P1".into(), "P5".into())));
    }

    #[test]
    fn decisions_override_the_score() {
        let decisions = HashMap::from([
            ((ItemId::problem(1), ItemId::problem(3)), Decision::Rejected),
            (
                (ItemId::problem(2), ItemId::problem(4)),
                Decision::Confirmed,
            ),
        ]);
        let pairs = find_pairs(&problems(), &decisions, DEFAULT_THRESHOLD);
        let found = ids(&pairs);
        assert!(!found.contains(&("P1".into(), "P3".into())));
        let confirmed = pairs
            .iter()
            .find(|p| p.earlier.id == ItemId::problem(2))
            .unwrap();
        assert_eq!(confirmed.decision, Some(Decision::Confirmed));
    }
}

//! Recurring problems (年年改年年犯): pairs of one unit's problems from different years that read
//! as the same underlying problem in new words.
//!
//! Similarity is the cosine of character unigram and bigram counts weighted by how rare each one
//! is among all the problems given (IDF, see `similarity`), so the words every summary uses count
//! for little. Pairs are compared within each unit only, so the work is small even for a province
//! store: a unit has a handful of problems a year. A person's decision wins over the score: a rejected pair is never shown again
//! and a confirmed one always is.

use std::collections::HashMap;

use serde::Serialize;

use super::similarity::{Idf, Profile};
use crate::model::Decision;
use crate::model::{ItemId, Problem};

/// The least similarity for a proposed pair, chosen on the fixture chains (the `calibration`
/// test): with IDF weighting the 13 planted recurrences score 0.142–0.428 and the 68 other
/// cross-year pairs of one unit 0.133 at most. Unweighted cosine does not separate them (planted
/// pairs from 0.20, others up to 0.23), which is why the score is weighted.
pub const DEFAULT_THRESHOLD: f64 = 0.14;

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

/// Pairs of problems of the same unit from different years scoring at least `threshold` (IDF
/// learnt from all of `problems`, so pass the whole store for stable scores), plus
/// every confirmed pair; rejected pairs are left out. Ordered by unit, later year, later id and
/// earlier year. A problem recurring over three years pairs with both earlier years.
pub fn find_pairs(
    problems: &[Problem],
    decisions: &HashMap<(ItemId, ItemId), Decision>,
    threshold: f64,
) -> Vec<Pair> {
    let profiles: Vec<Profile> = problems.iter().map(|p| Profile::new(&p.text)).collect();
    let idf = Idf::new(&profiles);
    let mut by_unit: HashMap<&str, Vec<(&Problem, &Profile)>> = HashMap::new();
    for (problem, profile) in problems.iter().zip(&profiles) {
        by_unit
            .entry(&problem.unit)
            .or_default()
            .push((problem, profile));
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
                let score = (idf.cosine(earlier_profile, later_profile) * 100.0).round() / 100.0;
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

/// The score of one pair, weighted as [`find_pairs`] weighs it over `problems`.
pub fn pair_score(problems: &[Problem], earlier: &Problem, later: &Problem) -> f64 {
    let profiles: Vec<Profile> = problems.iter().map(|p| Profile::new(&p.text)).collect();
    let idf = Idf::new(&profiles);
    let score = idf.cosine(&Profile::new(&earlier.text), &Profile::new(&later.text));
    (score * 100.0).round() / 100.0
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

#[cfg(test)]
mod calibration {
    //! The default threshold, measured on the fixture chains: every planted recurrence must be
    //! found and no other pair of one unit's problems. Run with `--nocapture` to see the scores.

    use std::collections::HashMap;

    use super::*;

    /// Planted recurrences of fixtures/summaries/README.md, as (earlier, later) text snippets.
    const PLANTED: [(&str, &str); 14] = [
        ("以会代学、以读代学", "浮于表面"),
        ("以会代学、以读代学", "走深走实"),
        ("浮于表面", "走深走实"),
        ("两张皮", "载体和抓手"),
        ("辣味不足", "避重就轻"),
        ("一人多岗", "身兼数职"),
        ("一人多岗", "占比低"),
        ("身兼数职", "占比低"),
        ("证据材料不完整", "证据链不完整"),
        ("先锋模范作用发挥不明显", "带头作用发挥不够"),
        ("长效机制不健全", "监督机制还不够完善"),
        ("农村学校党组织", "战斗堡垒"),
        ("停留在面上", "听汇报"),
        ("", ""),
    ];

    pub(super) fn chain_problems() -> Vec<Problem> {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/summaries");
        let mut problems = Vec::new();
        let mut names: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| {
                let name = p.file_name().unwrap().to_string_lossy().into_owned();
                name.starts_with(['a', 'b', 'c'])
                    && (name.ends_with(".txt") || name.ends_with(".docx"))
            })
            .collect();
        names.sort();
        for path in names {
            let bytes = std::fs::read(&path).unwrap();
            let text = crate::import::read_document(&path.to_string_lossy(), &bytes, None).unwrap();
            let summary = crate::import::parse(&text);
            for p in summary.problems {
                problems.push(Problem {
                    id: ItemId::problem(problems.len() as i64 + 1),
                    uuid: String::new(),
                    unit: summary.unit.clone().unwrap(),
                    year: summary.year.unwrap(),
                    category: None,
                    text: p.text,
                });
            }
        }
        problems
    }

    pub(super) fn planted(earlier: &str, later: &str) -> bool {
        PLANTED
            .iter()
            .filter(|(e, _)| !e.is_empty())
            .any(|(e, l)| earlier.contains(e) && later.contains(l))
    }

    #[test]
    fn the_default_threshold_separates_planted_recurrences_from_other_pairs() {
        let problems = chain_problems();
        let pairs = find_pairs(&problems, &HashMap::new(), 0.0);
        let (mut hits, mut misses): (Vec<f64>, Vec<f64>) = (vec![], vec![]);
        for p in &pairs {
            if planted(&p.earlier.text, &p.later.text) {
                hits.push(p.score);
            } else {
                misses.push(p.score);
            }
        }
        hits.sort_by(f64::total_cmp);
        misses.sort_by(f64::total_cmp);
        println!("planted pairs ({}): {hits:?}", hits.len());
        println!(
            "other pairs ({}), top 10: {:?}",
            misses.len(),
            &misses[misses.len().saturating_sub(10)..]
        );
        assert_eq!(hits.len(), 13, "every planted pair is in the fixtures");
        assert!(
            hits.iter().all(|s| *s >= DEFAULT_THRESHOLD),
            "a planted pair is missed: {hits:?}"
        );
        assert!(
            misses.iter().all(|s| *s < DEFAULT_THRESHOLD),
            "an unrelated pair is proposed: {misses:?}"
        );
    }
}

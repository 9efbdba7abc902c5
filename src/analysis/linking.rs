//! Suggested links (`link --suggest`): for each measure that answers no problem yet, the problem(s)
//! of its unit it most likely answers, with the words they share and a plain-language strength.
//!
//! A year-N summary's measures answer its year-N problems, so a measure is compared with the
//! problems of its own year and, when it continues an earlier measure (a carry-over), with the
//! problems that measure answers. Only a unit with no problems in the measure's year falls back to
//! its earlier years. The score is the IDF-weighted cosine of character unigrams and bigrams
//! (see `similarity`), learnt over the unit's problems and measures, after the genre's boilerplate
//! (存在, 不够, 加强, 工作, 问题, 进一步 …) has been taken out of both texts; a measure's title, its
//! heading, counts a second time. Nothing here reads the store: inputs are plain values.

use std::collections::{HashMap, HashSet};

use serde::Serialize;

use super::similarity::{Idf, Profile};
use crate::model::{ItemId, Measure, Problem};

mod words;

pub use words::{shared_words, strip_boilerplate, BOILERPLATE};

/// The least score for a suggestion. Chosen on the fixture chains (the `calibration` test
/// and tests/test_link_suggest.rs): the 27 true links score 0.088–0.54 against the problems of
/// their year, the other same-year pairs 0.089 at most (always second to a true link, so cut
/// by [`SECOND_RATIO`]), and the one measure that answers no problem 0.022 at best.
pub const FLOOR: f64 = 0.08;
/// From this score a suggestion is 高 (high). When the fixtures' measures are compared with their
/// unit's problems of every year (reworded recurrences as decoys) 10 of 13 高 are right, 9 of 13
/// 中 and 4 of 8 低: the bands order the risk, and the year rule removes the decoys.
pub const HIGH: f64 = 0.30;
/// From this score a suggestion is 中 (medium); below it, 低 (low).
pub const MEDIUM: f64 = 0.18;
/// A second problem is proposed only when it scores at least this share of the best one.
pub const SECOND_RATIO: f64 = 0.85;
/// How sure a suggestion is, in plain language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Strength {
    High,
    Medium,
    Low,
}

impl Strength {
    /// The band of `score` (which is at least [`FLOOR`]).
    pub fn of(score: f64) -> Strength {
        if score >= HIGH {
            Strength::High
        } else if score >= MEDIUM {
            Strength::Medium
        } else {
            Strength::Low
        }
    }

    pub fn label_zh(self) -> &'static str {
        match self {
            Strength::High => "高",
            Strength::Medium => "中",
            Strength::Low => "低",
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Strength::High => "high",
            Strength::Medium => "medium",
            Strength::Low => "low",
        }
    }
}

/// One proposed link.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Suggestion {
    pub unit: String,
    pub measure: ItemId,
    pub measure_year: i32,
    pub measure_text: String,
    pub problem: ItemId,
    pub problem_year: i32,
    pub problem_text: String,
    /// A few words both texts use, longest first (see [`shared_words`]).
    pub shared_words: Vec<String>,
    pub strength: Strength,
    /// Similarity in [0, 1], rounded to two decimals.
    pub score: f64,
}

/// What the store says about existing links and carry-overs.
#[derive(Debug, Clone, Copy)]
pub struct Known<'a> {
    /// Every (measure, problem) link.
    pub links: &'a [(ItemId, ItemId)],
    /// Later measure → the measure it continues.
    pub carried_from: &'a HashMap<ItemId, ItemId>,
}

/// Suggestions for every measure of `measures` linked to no problem, compared with the problems
/// of its own unit among `problems` (pass whole units, so that the weights do not depend on
/// filters). At most one problem per measure, plus a second one scoring at least
/// [`SECOND_RATIO`] of the first; never a pair below [`FLOOR`]. Ordered by unit, measure year,
/// measure id, then best first.
pub fn suggest_links(
    problems: &[Problem],
    measures: &[Measure],
    known: &Known<'_>,
) -> Vec<Suggestion> {
    let mut out = Vec::new();
    for (measure, scored) in rank(problems, measures, known) {
        let best = scored.first().map(|(s, _)| *s).unwrap_or_default();
        for (rank, (s, problem)) in scored
            .into_iter()
            .filter(|(s, _)| *s >= FLOOR)
            .take(2)
            .enumerate()
        {
            if rank == 1 && s < best * SECOND_RATIO {
                break;
            }
            out.push(Suggestion {
                unit: measure.unit.clone(),
                measure: measure.id,
                measure_year: measure.year,
                measure_text: measure.text.clone(),
                problem: problem.id,
                problem_year: problem.year,
                problem_text: problem.text.clone(),
                shared_words: shared_words(&measure.text, &problem.text),
                strength: Strength::of(s),
                score: (s * 100.0).round() / 100.0,
            });
        }
    }
    out.sort_by(|a, b| {
        (&a.unit, a.measure_year, a.measure)
            .cmp(&(&b.unit, b.measure_year, b.measure))
            .then(b.score.total_cmp(&a.score))
    });
    out
}

/// Every unlinked measure with each of its candidate problems and their scores, best first.
fn rank<'a>(
    problems: &'a [Problem],
    measures: &'a [Measure],
    known: &Known<'_>,
) -> Vec<(&'a Measure, Vec<(f64, &'a Problem)>)> {
    let linked: HashSet<ItemId> = known.links.iter().map(|(m, _)| *m).collect();
    let mut answers: HashMap<ItemId, Vec<ItemId>> = HashMap::new();
    for (m, p) in known.links {
        answers.entry(*m).or_default().push(*p);
    }
    let mut units: Vec<&str> = measures.iter().map(|m| m.unit.as_str()).collect();
    units.sort_unstable();
    units.dedup();
    let mut out = Vec::new();
    for unit in units {
        let unit_problems: Vec<&Problem> = problems.iter().filter(|p| p.unit == unit).collect();
        let unit_measures: Vec<&Measure> = measures.iter().filter(|m| m.unit == unit).collect();
        let problem_profiles: HashMap<ItemId, Profile> = unit_problems
            .iter()
            .map(|p| (p.id, Profile::new(&strip_boilerplate(&p.text))))
            .collect();
        let measure_profiles: Vec<(Profile, Option<Profile>)> = unit_measures
            .iter()
            .map(|m| {
                let title = m
                    .title
                    .as_deref()
                    .map(|t| Profile::new(&strip_boilerplate(t)));
                (Profile::new(&strip_boilerplate(&m.text)), title)
            })
            .collect();
        let idf = Idf::new(
            problem_profiles
                .values()
                .chain(measure_profiles.iter().map(|(text, _)| text)),
        );
        for (measure, (text, title)) in unit_measures.iter().zip(&measure_profiles) {
            if linked.contains(&measure.id) {
                continue;
            }
            let mut scored: Vec<(f64, &Problem)> =
                candidates(measure, &unit_problems, known, &answers)
                    .into_iter()
                    .map(|p| {
                        (
                            score(&idf, text, title.as_ref(), &problem_profiles[&p.id]),
                            p,
                        )
                    })
                    .collect();
            scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.id.cmp(&b.1.id)));
            out.push((*measure, scored));
        }
    }
    out
}

/// The problems a measure may answer: those of its year, plus those the measure it continues
/// answers; when its unit named no problem in its year, the problems of earlier years.
fn candidates<'p>(
    measure: &Measure,
    unit_problems: &[&'p Problem],
    known: &Known<'_>,
    answers: &HashMap<ItemId, Vec<ItemId>>,
) -> Vec<&'p Problem> {
    let mut origins: HashSet<ItemId> = HashSet::new();
    let mut at = measure.id;
    // Follow the chain of carry-overs back (bounded, in case of a cycle).
    for _ in 0..16 {
        let Some(from) = known.carried_from.get(&at) else {
            break;
        };
        origins.extend(answers.get(from).into_iter().flatten());
        at = *from;
    }
    let same_year: Vec<&Problem> = unit_problems
        .iter()
        .copied()
        .filter(|p| p.year == measure.year || origins.contains(&p.id))
        .collect();
    if unit_problems.iter().any(|p| p.year == measure.year) {
        return same_year;
    }
    unit_problems
        .iter()
        .copied()
        .filter(|p| p.year < measure.year || origins.contains(&p.id))
        .collect()
}

/// The weighted cosine of a measure's text with a problem, the title counting as much again.
fn score(idf: &Idf, text: &Profile, title: Option<&Profile>, problem: &Profile) -> f64 {
    let body = idf.cosine(text, problem);
    match title {
        Some(title) if !title.is_empty() => (2.0 * body + idf.cosine(title, problem)) / 3.0,
        _ => body,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Deadline, Owner};

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

    fn measure(num: i64, unit: &str, year: i32, title: Option<&str>, text: &str) -> Measure {
        Measure {
            id: ItemId::measure(num),
            uuid: String::new(),
            unit: unit.into(),
            year,
            title: title.map(str::to_string),
            text: text.into(),
            owner: Owner::default(),
            deadline: Deadline::LongTerm,
        }
    }

    fn problems() -> Vec<Problem> {
        vec![
            problem(
                1,
                "甲局",
                2024,
                "教师师德师风建设长效机制不健全，监督不够有力",
            ),
            problem(2, "甲局", 2024, "校园安全隐患排查不彻底，安全责任压得不实"),
            problem(3, "甲局", 2024, "干部调查研究不够深入，调研停留在面上"),
            problem(4, "甲局", 2023, "食堂食品安全抽检批次偏少"),
            problem(5, "乙局", 2024, "校园安全隐患排查不彻底"),
        ]
    }

    fn pairs(suggestions: &[Suggestion]) -> Vec<(String, String)> {
        suggestions
            .iter()
            .map(|s| (s.measure.to_string(), s.problem.to_string()))
            .collect()
    }

    fn none() -> (Vec<(ItemId, ItemId)>, HashMap<ItemId, ItemId>) {
        (Vec::new(), HashMap::new())
    }

    #[test]
    fn each_unlinked_measure_gets_the_problem_of_its_year_it_shares_telling_words_with() {
        let measures = vec![
            measure(
                1,
                "甲局",
                2024,
                Some("压实安全责任"),
                "压实安全责任。每学期开展一次校园安全隐患拉网式排查",
            ),
            measure(
                2,
                "甲局",
                2024,
                Some("健全师德长效机制"),
                "健全师德长效机制。建立师德档案，完善监督评议办法",
            ),
        ];
        let (links, carried) = none();
        let known = Known {
            links: &links,
            carried_from: &carried,
        };
        let found = suggest_links(&problems(), &measures, &known);
        assert_eq!(
            pairs(&found),
            [("M1".into(), "P2".into()), ("M2".into(), "P1".into())]
        );
        assert!(
            found[0].shared_words.iter().any(|w| w.contains("安全")),
            "{found:?}"
        );
    }

    #[test]
    fn a_linked_measure_and_a_measure_like_no_problem_get_no_suggestion() {
        let measures = vec![
            measure(1, "甲局", 2024, None, "开展校园安全隐患排查"),
            measure(
                2,
                "甲局",
                2024,
                None,
                "落实中央八项规定精神，从严抓好作风纪律",
            ),
        ];
        let links = vec![(ItemId::measure(1), ItemId::problem(2))];
        let carried = HashMap::new();
        let known = Known {
            links: &links,
            carried_from: &carried,
        };
        assert_eq!(suggest_links(&problems(), &measures, &known), []);
    }

    #[test]
    fn problems_of_other_units_and_other_years_are_not_proposed_while_the_year_has_problems() {
        let measures = vec![measure(1, "甲局", 2024, None, "扩大食堂食品安全抽检批次")];
        let (links, carried) = none();
        let known = Known {
            links: &links,
            carried_from: &carried,
        };
        let found = suggest_links(&problems(), &measures, &known);
        assert!(
            found
                .iter()
                .all(|s| s.problem_year == 2024 && s.unit == "甲局"),
            "{found:?}"
        );
        assert!(!pairs(&found).contains(&("M1".into(), "P4".into())));
    }

    #[test]
    fn a_carried_over_measure_may_answer_the_problem_its_original_answered() {
        let measures = vec![
            measure(1, "甲局", 2023, None, "扩大食堂食品安全抽检批次"),
            measure(2, "甲局", 2024, None, "继续扩大食堂食品安全抽检批次"),
        ];
        let links = vec![(ItemId::measure(1), ItemId::problem(4))];
        let carried = HashMap::from([(ItemId::measure(2), ItemId::measure(1))]);
        let known = Known {
            links: &links,
            carried_from: &carried,
        };
        let found = suggest_links(&problems(), &measures, &known);
        assert_eq!(
            found.first().map(|s| s.problem),
            Some(ItemId::problem(4)),
            "{found:?}"
        );
        assert_eq!(found[0].problem_year, 2023);
    }

    #[test]
    fn a_year_without_problems_falls_back_to_earlier_years() {
        let measures = vec![measure(1, "甲局", 2025, None, "扩大食堂食品安全抽检批次")];
        let (links, carried) = none();
        let known = Known {
            links: &links,
            carried_from: &carried,
        };
        let found = suggest_links(&problems(), &measures, &known);
        assert_eq!(pairs(&found), [("M1".into(), "P4".into())]);
    }

    #[test]
    fn a_second_problem_is_proposed_only_when_nearly_as_close() {
        let problems = vec![
            problem(1, "甲局", 2024, "电梯维保单位履责不到位"),
            problem(2, "甲局", 2024, "电梯维保质量抽查偏少"),
            problem(3, "甲局", 2024, "执法案卷证据链不完整"),
        ];
        let measures = vec![measure(1, "甲局", 2024, None, "开展电梯维保专项检查")];
        let (links, carried) = none();
        let known = Known {
            links: &links,
            carried_from: &carried,
        };
        let found = suggest_links(&problems, &measures, &known);
        let ids: Vec<String> = found.iter().map(|s| s.problem.to_string()).collect();
        assert_eq!(ids.len(), 2, "{found:?}");
        assert!(!ids.contains(&"P3".to_string()));
        assert!(found[0].score >= found[1].score);
    }

    #[test]
    fn strength_bands_follow_the_thresholds() {
        assert_eq!(Strength::of(HIGH), Strength::High);
        assert_eq!(Strength::of(HIGH - 0.001), Strength::Medium);
        assert_eq!(Strength::of(MEDIUM), Strength::Medium);
        assert_eq!(Strength::of(FLOOR), Strength::Low);
    }
}

#[cfg(test)]
mod calibration;

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
mod tests;

#[cfg(test)]
mod calibration;

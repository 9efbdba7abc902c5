//! The value behind the supervising office's roll-up (各单位问题整改情况汇总): what became of the
//! units' previous-year problems, unit by unit, and what this year's problems have in common.
//!
//! Every figure is counted by `figures` over the rows `ledger` computed, exactly as `stats --by
//! unit` counts them: a unit's row here equals its `stats --by unit --from N-1 --to N-1` row, and
//! its recurrences equal `stats --by unit --from N --to N`'s. Shared problems are `common`'s
//! clusters of this year's problems. Only numbers, names and texts here; the wording lives in the
//! roll-up template.

use std::collections::{BTreeMap, HashMap, HashSet};

use chrono::NaiveDate;
use serde::Serialize;

use super::clusters::{cluster, ClusterOptions};
use super::figures::{Counts, Marks, Tally};
use super::ledger::LedgerRow;
use crate::model::{ItemId, ItemKind, ProblemText};

/// One unit's figures (or the totals over all units): in the roll-up, of the reviewed year's
/// items, with this year's recurrences; in the workbook's summary sheet, of the exported rows.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct UnitFigures {
    /// The unit's full name; "total" for the totals.
    pub unit: String,
    /// The reviewed year's problems by status.
    pub problems: Counts,
    /// The reviewed year's measures by status.
    pub measures: Counts,
    /// 整改完成率 of the reviewed year's problems, whole percent, or none when nothing counts.
    pub completion_rate: Option<u32>,
    /// 措施完成率 of the reviewed year's measures.
    pub measure_completion_rate: Option<u32>,
    /// The reviewed year's problems overdue at the as-of date.
    pub overdue_problems: usize,
    /// The reviewed year's measures overdue at the as-of date.
    pub overdue_measures: usize,
    /// This year's problems confirmed as recurrences of an earlier year's (反弹回潮).
    pub recurring: usize,
}

impl UnitFigures {
    /// The figures of `reviewed` (the reviewed year's tally) with `recurring` recurrences.
    pub fn new(unit: &str, reviewed: &Tally, recurring: usize, long_term_as_done: bool) -> Self {
        UnitFigures {
            unit: unit.to_string(),
            problems: reviewed.problems,
            measures: reviewed.measures,
            completion_rate: reviewed.completion_rate(long_term_as_done),
            measure_completion_rate: reviewed.measure_completion_rate(long_term_as_done),
            overdue_problems: reviewed.overdue_problems,
            overdue_measures: reviewed.overdue_measures,
            recurring,
        }
    }

    /// Overdue problems and measures together.
    pub fn overdue(&self) -> usize {
        self.overdue_problems + self.overdue_measures
    }
}

/// The units at one end of the completion rates; all of them when they tie.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Ranked {
    pub rate: u32,
    pub units: Vec<String>,
}

/// A unit with overdue items of the reviewed year.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OverdueUnit {
    pub unit: String,
    pub problems: usize,
    pub measures: usize,
}

/// A problem several units share (a `common` cluster of this year's problems).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SharedProblem {
    /// The representative wording: the member closest to the cluster's centre.
    pub text: String,
    /// The units naming it, in name order.
    pub units: Vec<String>,
    /// How many problems the cluster holds (a unit may name it more than once).
    pub problems: usize,
    pub ids: Vec<ItemId>,
}

/// A problem of this year confirmed as a recurrence.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Recurrence {
    pub id: ItemId,
    pub text: String,
    /// Years of the earlier problems it repeats, oldest first.
    pub recurs_from: Vec<i32>,
}

/// A unit's recurrences.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct UnitRecurrences {
    pub unit: String,
    pub problems: Vec<Recurrence>,
}

/// Everything the roll-up says.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Rollup {
    /// The year of the summary being written.
    pub year: i32,
    /// The year whose problems are reviewed (year − 1).
    pub reviewed_year: i32,
    pub as_of: NaiveDate,
    pub long_term_counts_as_done: bool,
    /// Every chosen unit, in name order, with its figures (the per-unit table).
    pub units: Vec<UnitFigures>,
    /// The figures over all chosen units.
    pub total: UnitFigures,
    /// How many units have a completion rate (some problem counting towards it).
    pub rated_units: usize,
    /// The highest and lowest completion rates and the units that have them; none when fewer
    /// than two units have a rate.
    pub highest: Option<Ranked>,
    pub lowest: Option<Ranked>,
    /// Units with overdue items of the reviewed year, most overdue items first.
    pub overdue_units: Vec<OverdueUnit>,
    /// This year's problems shared by at least two units, largest first.
    pub shared: Vec<SharedProblem>,
    /// Units with confirmed recurrences among this year's problems, in name order.
    pub recurrences: Vec<UnitRecurrences>,
}

/// What the roll-up is computed from.
pub struct RollupInput<'a> {
    /// The chosen units' names, in name order.
    pub units: &'a [String],
    /// The ledger rows of (at least) the chosen units, as of `as_of`.
    pub rows: &'a [LedgerRow],
    /// Confirmed recurrences: later problem → the earlier ones it repeats.
    pub recurs_from: &'a HashMap<ItemId, Vec<ItemId>>,
    /// This year's problems of the chosen units, for the shared problems.
    pub problems: &'a [ProblemText],
    pub year: i32,
    pub as_of: NaiveDate,
    pub long_term_as_done: bool,
}

/// Computes the year-`year` roll-up over the chosen units.
pub fn compute_rollup(input: &RollupInput<'_>) -> Rollup {
    let reviewed_year = input.year - 1;
    let long_term = input.long_term_as_done;
    let chosen: HashSet<&str> = input.units.iter().map(String::as_str).collect();
    let rows: Vec<&LedgerRow> = input
        .rows
        .iter()
        .filter(|r| chosen.contains(r.unit.as_str()))
        .collect();
    let recurring: HashSet<ItemId> = input.recurs_from.keys().copied().collect();
    let none = HashSet::new();
    let plain = Marks {
        recurring: &none,
        carried: &none,
    };
    let with_recurrences = Marks {
        recurring: &recurring,
        carried: &none,
    };
    let tally_of = |unit: Option<&str>, year: i32, marks: Marks<'_>| {
        Tally::of(
            rows.iter()
                .copied()
                .filter(|r| r.year == year && unit.is_none_or(|u| r.unit == u)),
            marks,
        )
    };
    let units: Vec<UnitFigures> = input
        .units
        .iter()
        .map(|unit| {
            let reviewed = tally_of(Some(unit), reviewed_year, plain);
            let current = tally_of(Some(unit), input.year, with_recurrences);
            UnitFigures::new(unit, &reviewed, current.recurring, long_term)
        })
        .collect();
    let total = UnitFigures::new(
        "total",
        &tally_of(None, reviewed_year, plain),
        tally_of(None, input.year, with_recurrences).recurring,
        long_term,
    );
    let rated: Vec<(u32, &str)> = units
        .iter()
        .filter_map(|u| u.completion_rate.map(|r| (r, u.unit.as_str())))
        .collect();
    let ranked = |rate: u32| Ranked {
        rate,
        units: rated
            .iter()
            .filter(|(r, _)| *r == rate)
            .map(|(_, u)| u.to_string())
            .collect(),
    };
    let (highest, lowest) = if rated.len() >= 2 {
        let max = rated
            .iter()
            .map(|(r, _)| *r)
            .max()
            .expect("two rated units");
        let min = rated
            .iter()
            .map(|(r, _)| *r)
            .min()
            .expect("two rated units");
        (Some(ranked(max)), Some(ranked(min)))
    } else {
        (None, None)
    };
    let mut overdue_units: Vec<OverdueUnit> = units
        .iter()
        .filter(|u| u.overdue() > 0)
        .map(|u| OverdueUnit {
            unit: u.unit.clone(),
            problems: u.overdue_problems,
            measures: u.overdue_measures,
        })
        .collect();
    overdue_units.sort_by_key(|u| std::cmp::Reverse(u.problems + u.measures));
    Rollup {
        year: input.year,
        reviewed_year,
        as_of: input.as_of,
        long_term_counts_as_done: long_term,
        rated_units: rated.len(),
        highest,
        lowest,
        overdue_units,
        shared: shared_problems(input.problems, &chosen, input.year),
        recurrences: recurrences(&rows, input.units, input.recurs_from, input.year),
        units,
        total,
    }
}

/// Each unit's figures over `rows` (every year they hold) and the totals, units in name order:
/// the workbook's 各单位汇总 sheet, counted as `stats --by unit` counts the same rows
/// (`recurring`: the problems confirmed as recurrences).
pub fn unit_table(
    rows: &[LedgerRow],
    recurring: &HashSet<ItemId>,
    long_term_as_done: bool,
) -> (Vec<UnitFigures>, UnitFigures) {
    let none = HashSet::new();
    let marks = Marks {
        recurring,
        carried: &none,
    };
    let mut by_unit: BTreeMap<&str, Tally> = BTreeMap::new();
    for row in rows {
        by_unit.entry(&row.unit).or_default().add(row, marks);
    }
    let figures = |unit: &str, t: &Tally| UnitFigures::new(unit, t, t.recurring, long_term_as_done);
    let units = by_unit.iter().map(|(unit, t)| figures(unit, t)).collect();
    (units, figures("total", &Tally::of(rows, marks)))
}

/// `common`'s clusters (default threshold, at least two units) of the chosen units' year-`year`
/// problems.
fn shared_problems(
    problems: &[ProblemText],
    chosen: &HashSet<&str>,
    year: i32,
) -> Vec<SharedProblem> {
    let problems: Vec<ProblemText> = problems
        .iter()
        .filter(|p| p.year == year && chosen.contains(p.unit.as_str()))
        .cloned()
        .collect();
    cluster(&problems, &ClusterOptions::default())
        .into_iter()
        .map(|c| SharedProblem {
            text: c.representative.text.clone(),
            units: c.units.iter().map(|u| u.to_string()).collect(),
            problems: c.members.len(),
            ids: c.members.iter().map(|p| p.id).collect(),
        })
        .collect()
}

/// The year-`year` problems of each unit confirmed as recurrences, with the years they repeat.
fn recurrences(
    rows: &[&LedgerRow],
    units: &[String],
    recurs_from: &HashMap<ItemId, Vec<ItemId>>,
    year: i32,
) -> Vec<UnitRecurrences> {
    let year_of: HashMap<ItemId, i32> = rows.iter().map(|r| (r.id, r.year)).collect();
    units
        .iter()
        .map(|unit| UnitRecurrences {
            unit: unit.clone(),
            problems: rows
                .iter()
                .filter(|r| r.kind() == ItemKind::Problem && r.year == year && &r.unit == unit)
                .filter_map(|r| {
                    let earlier = recurs_from.get(&r.id)?;
                    let mut years: Vec<i32> = earlier
                        .iter()
                        .filter_map(|e| year_of.get(e).copied())
                        .collect();
                    years.sort_unstable();
                    years.dedup();
                    Some(Recurrence {
                        id: r.id,
                        text: r.text.clone(),
                        recurs_from: years,
                    })
                })
                .collect(),
        })
        .filter(|u| !u.problems.is_empty())
        .collect()
}

#[cfg(test)]
pub(crate) mod tests;

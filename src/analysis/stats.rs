//! Statistics over years, units or owners. Every figure is counted by `figures` (the same
//! definitions as the report's): problems and measures apart, each by status; overdue problems
//! and measures apart; the completion rate over problems, the measure completion rate over
//! measures; recurrences and carry-overs.

use std::collections::BTreeMap;

use serde::Serialize;

use super::figures::{Counts, Marks, Tally};
use super::ledger::LedgerRow;
use crate::model::ItemKind;

/// What the rows of the statistics are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum GroupBy {
    /// One group per summary year
    #[default]
    Year,
    /// One group per unit
    Unit,
    /// One group per lead department (牵头部门): the measures it answers for
    Owner,
}

impl GroupBy {
    pub fn code(self) -> &'static str {
        match self {
            GroupBy::Year => "year",
            GroupBy::Unit => "unit",
            GroupBy::Owner => "owner",
        }
    }
}

/// The figures of one group (a year, a unit or an owner), or of all of them. By owner only the
/// measures are counted (an owner answers for measures): the problem figures are `None`.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Figures {
    /// The year, unit name or department; "total" for the totals.
    pub group: String,
    /// Problems by status; the parts add up to `problems.total`.
    pub problems: Option<Counts>,
    /// Measures by status; the parts add up to `measures.total`.
    pub measures: Counts,
    /// Problems overdue at the as-of date.
    pub overdue_problems: Option<usize>,
    /// Measures overdue at the as-of date.
    pub overdue_measures: usize,
    /// 整改完成率: problems done ÷ problems, whole percent (see `figures`).
    pub completion_rate: Option<u32>,
    /// 措施完成率: the same over measures.
    pub measure_completion_rate: Option<u32>,
    /// Problems confirmed as recurrences of an earlier year's.
    pub recurring: Option<usize>,
    /// Measures carried over into a later year's plan.
    pub carried_over: usize,
}

impl Figures {
    fn new(group: String, tally: &Tally, with_problems: bool, long_term_as_done: bool) -> Self {
        Figures {
            group,
            problems: with_problems.then_some(tally.problems),
            measures: tally.measures,
            overdue_problems: with_problems.then_some(tally.overdue_problems),
            overdue_measures: tally.overdue_measures,
            completion_rate: tally
                .completion_rate(long_term_as_done)
                .filter(|_| with_problems),
            measure_completion_rate: tally.measure_completion_rate(long_term_as_done),
            recurring: with_problems.then_some(tally.recurring),
            carried_over: tally.carried_over,
        }
    }
}

/// The groups in order (years ascending, names in text order) and the totals.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Stats {
    pub by: &'static str,
    /// Whether 长期坚持 items count as done in the completion rates.
    pub long_term_counts_as_done: bool,
    pub groups: Vec<Figures>,
    pub total: Figures,
}

/// Computes statistics over `rows` (the ledger as of a date, already limited to the years and
/// units wanted).
pub fn compute_stats(
    rows: &[LedgerRow],
    marks: Marks<'_>,
    by: GroupBy,
    long_term_as_done: bool,
) -> Stats {
    let mut tally = StatsTally::new(by, long_term_as_done);
    for row in rows {
        tally.add(row, marks);
    }
    tally.finish()
}

/// Statistics counted a row at a time, for a whole store read a unit at a time: the rows added,
/// in any order and any number of pieces, give the [`compute_stats`] of all of them.
#[derive(Debug, Clone)]
pub struct StatsTally {
    by: GroupBy,
    long_term_as_done: bool,
    groups: BTreeMap<(i32, String), Tally>,
    total: Tally,
}

impl StatsTally {
    pub fn new(by: GroupBy, long_term_as_done: bool) -> StatsTally {
        StatsTally {
            by,
            long_term_as_done,
            groups: BTreeMap::new(),
            total: Tally::default(),
        }
    }

    /// Counts one row in its group and in the totals.
    pub fn add(&mut self, row: &LedgerRow, marks: Marks<'_>) {
        let unassigned = "（未指定）";
        let key = match self.by {
            GroupBy::Year => (row.year, row.year.to_string()),
            GroupBy::Unit => (0, row.unit.clone()),
            GroupBy::Owner => match row.kind() {
                ItemKind::Problem => return,
                ItemKind::Measure => (
                    0,
                    row.owner
                        .owner_dept
                        .clone()
                        .unwrap_or_else(|| unassigned.to_string()),
                ),
            },
        };
        self.groups.entry(key).or_default().add(row, marks);
        self.total.add(row, marks);
    }

    /// The groups in order and the totals.
    pub fn finish(self) -> Stats {
        let with_problems = self.by != GroupBy::Owner;
        let long_term_as_done = self.long_term_as_done;
        Stats {
            by: self.by.code(),
            long_term_counts_as_done: long_term_as_done,
            groups: self
                .groups
                .into_iter()
                .map(|((_, name), t)| Figures::new(name, &t, with_problems, long_term_as_done))
                .collect(),
            total: Figures::new(
                "total".into(),
                &self.total,
                with_problems,
                long_term_as_done,
            ),
        }
    }
}

#[cfg(test)]
mod tests;

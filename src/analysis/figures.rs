//! The one definition of every figure: items by status, overdue items, completion rates,
//! recurrences and carry-overs. `stats` (every grouping) and `report` count through here, over
//! the rows `ledger` computed, so no two commands can disagree on a number.
//!
//! - Problems and measures are counted apart, each by its status; the parts add up to the total.
//! - Overdue problems and overdue measures are counted apart (see `status::days_overdue`).
//! - The completion rate (整改完成率) is problems done ÷ problems, leaving out dropped ones; a
//!   长期坚持 problem counts as done with `--long-term-as-done`, else it is left out of the rate
//!   and listed on its own. The measure completion rate (措施完成率) is the same over measures.

use std::collections::HashSet;

use serde::Serialize;

use super::ledger::LedgerRow;
use crate::model::{ItemId, ItemKind, Status};

/// Items by status. The parts always add up to `total`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub total: usize,
    pub done: usize,
    pub in_progress: usize,
    pub long_term: usize,
    pub not_done: usize,
    pub dropped: usize,
    pub planned: usize,
    pub unreported: usize,
}

impl Counts {
    pub fn add(&mut self, status: Status) {
        self.total += 1;
        *self.part_mut(status) += 1;
    }

    /// How many are in `status`.
    pub fn of(&self, status: Status) -> usize {
        let mut copy = *self;
        *copy.part_mut(status)
    }

    fn part_mut(&mut self, status: Status) -> &mut usize {
        match status {
            Status::Done => &mut self.done,
            Status::InProgress => &mut self.in_progress,
            Status::LongTerm => &mut self.long_term,
            Status::NotDone => &mut self.not_done,
            Status::Dropped => &mut self.dropped,
            Status::Planned => &mut self.planned,
            Status::Unreported => &mut self.unreported,
        }
    }

    /// The sum of the parts (equal to `total` by construction).
    pub fn sum_of_parts(&self) -> usize {
        Status::EVERY.iter().map(|s| self.of(*s)).sum()
    }

    /// Completion rate in whole percent, or `None` when nothing counts towards it. Dropped items
    /// never count; long-term ones count as complete or are left out, as chosen.
    pub fn completion_rate(&self, long_term_counts_as_done: bool) -> Option<u32> {
        let (complete, base) = if long_term_counts_as_done {
            (self.done + self.long_term, self.total - self.dropped)
        } else {
            (self.done, self.total - self.dropped - self.long_term)
        };
        (base > 0).then(|| ((complete * 100 + base / 2) / base) as u32)
    }
}

/// Everything counted over a set of ledger rows.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Tally {
    pub problems: Counts,
    pub measures: Counts,
    pub overdue_problems: usize,
    pub overdue_measures: usize,
    /// Problems confirmed as recurrences of an earlier year's (反弹回潮).
    pub recurring: usize,
    /// Measures carried over into a later year's plan (结转).
    pub carried_over: usize,
}

/// What marks an item beyond its status: confirmed recurrences and carry-overs.
#[derive(Debug, Clone, Copy)]
pub struct Marks<'a> {
    /// Problems confirmed as recurrences of an earlier year's.
    pub recurring: &'a HashSet<ItemId>,
    /// Measures carried over into a later year.
    pub carried: &'a HashSet<ItemId>,
}

impl Tally {
    /// Counts one row.
    pub fn add(&mut self, row: &LedgerRow, marks: Marks<'_>) {
        let overdue = usize::from(row.days_overdue.is_some());
        match row.kind() {
            ItemKind::Problem => {
                self.problems.add(row.status);
                self.overdue_problems += overdue;
                self.recurring += usize::from(marks.recurring.contains(&row.id));
            }
            ItemKind::Measure => {
                self.measures.add(row.status);
                self.overdue_measures += overdue;
                self.carried_over += usize::from(marks.carried.contains(&row.id));
            }
        }
    }

    /// Counts `rows`.
    pub fn of<'r>(rows: impl IntoIterator<Item = &'r LedgerRow>, marks: Marks<'_>) -> Tally {
        let mut tally = Tally::default();
        for row in rows {
            tally.add(row, marks);
        }
        tally
    }

    /// 整改完成率: problems done ÷ problems (see the module's rules).
    pub fn completion_rate(&self, long_term_counts_as_done: bool) -> Option<u32> {
        self.problems.completion_rate(long_term_counts_as_done)
    }

    /// 措施完成率: the same over measures.
    pub fn measure_completion_rate(&self, long_term_counts_as_done: bool) -> Option<u32> {
        self.measures.completion_rate(long_term_counts_as_done)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_completion_rate_leaves_out_dropped_items_and_long_term_ones_unless_asked() {
        let mut c = Counts::default();
        for s in [
            Status::Done,
            Status::Done,
            Status::LongTerm,
            Status::Dropped,
            Status::Unreported,
        ] {
            c.add(s);
        }
        assert_eq!(c.completion_rate(false), Some(67));
        assert_eq!(c.completion_rate(true), Some(75));
        assert_eq!(c.sum_of_parts(), c.total);
        assert_eq!(c.of(Status::Unreported), 1);
    }

    #[test]
    fn nothing_to_count_has_no_completion_rate() {
        let mut c = Counts::default();
        c.add(Status::Dropped);
        assert_eq!(c.completion_rate(false), None);
    }
}

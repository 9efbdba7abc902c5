//! The dashboard's figures, put together from the computations the other commands use, so that
//! the picture and the tables can never disagree: completion rates and status counts are
//! `stats --by year` and `stats --by unit` (`stats::compute_stats`), the overdue and due-soon
//! lists are `status --overdue` and `status --due-within` (`ledger::compute_ledger` with their
//! filters), and the recurrences are what `recur` lists, passed in already found.
//!
//! Nothing here reads the store or the clock; the as-of date and the rows come in.

use chrono::NaiveDate;

use super::figures::Marks;
use super::ledger::{compute_ledger, LedgerRow, RowFilter};
use super::stats::{compute_stats, GroupBy, Stats};
use crate::model::{ItemId, LedgerData};

/// One side of a recurring pair, as the dashboard shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct RecurSide {
    pub id: ItemId,
    pub year: i32,
    pub text: String,
}

/// A recurrence (年年改年年犯): a later problem that reads as an earlier one of the same unit.
#[derive(Debug, Clone, PartialEq)]
pub struct Recurrence {
    pub unit: String,
    pub earlier: RecurSide,
    pub later: RecurSide,
    /// The similarity `recur` gives the pair.
    pub score: f64,
}

/// What the dashboard covers.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Scope {
    /// The unit's name, or `None` for every unit.
    pub unit: Option<String>,
    /// The summary year, or `None` for every year.
    pub year: Option<i32>,
}

/// Everything the dashboard shows.
#[derive(Debug, Clone, PartialEq)]
pub struct Dashboard {
    pub scope: Scope,
    pub as_of: NaiveDate,
    /// As `stats --by year` counts them (its totals are the status counts).
    pub by_year: Stats,
    /// As `stats --by unit` counts them.
    pub by_unit: Stats,
    /// As `status --overdue` lists them: most overdue first within each unit and year.
    pub overdue: Vec<LedgerRow>,
    /// As `status --due-within` lists them: soonest first within each unit and year.
    pub due_soon: Vec<LedgerRow>,
    pub recurrences: Vec<Recurrence>,
}

/// The inputs, each loaded the way its command loads it.
pub struct Inputs<'a> {
    /// The ledger as `stats` loads it (every year of the scope's unit).
    pub figures: &'a LedgerData,
    /// The ledger as `status` loads it (the scope's unit and year).
    pub lists: &'a LedgerData,
    pub marks: Marks<'a>,
    /// How many days ahead counts as due soon.
    pub due_within: i64,
    pub recurrences: Vec<Recurrence>,
}

/// Computes the dashboard of `scope` as of `as_of`.
pub fn compute_dashboard(scope: Scope, as_of: NaiveDate, inputs: Inputs<'_>) -> Dashboard {
    let mut rows = compute_ledger(inputs.figures, as_of, &RowFilter::default());
    // As `stats --from N --to N` limits its rows.
    rows.retain(|r| scope.year.is_none_or(|y| r.year == y));
    let by_year = compute_stats(&rows, inputs.marks, GroupBy::Year, false);
    let by_unit = compute_stats(&rows, inputs.marks, GroupBy::Unit, false);
    let overdue = RowFilter {
        overdue: true,
        ..RowFilter::default()
    };
    let due_soon = RowFilter {
        due_within: Some(inputs.due_within),
        ..RowFilter::default()
    };
    Dashboard {
        overdue: compute_ledger(inputs.lists, as_of, &overdue),
        due_soon: compute_ledger(inputs.lists, as_of, &due_soon),
        scope,
        as_of,
        by_year,
        by_unit,
        recurrences: inputs.recurrences,
    }
}

#[cfg(test)]
mod tests;

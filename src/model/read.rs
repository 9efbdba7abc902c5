//! The read models: what the store hands to analysis and render, as plain values.
//!
//! The store builds these from its rows; `analysis` and `render` compute over them and print
//! them without knowing that SQL exists.

use serde::Serialize;

use super::{ItemId, Measure, Problem, ProgressEntry, Unit};

/// Everything analysis needs to compute statuses for the items in scope.
#[derive(Debug, Clone, Default)]
pub struct LedgerData {
    /// Problems in scope, by unit name, year and id.
    pub problems: Vec<Problem>,
    /// Measures in scope, by unit name, year and id.
    pub measures: Vec<Measure>,
    /// Measures outside the scope that are linked to a problem in it: they count towards the
    /// problem's status but are not rows of their own.
    pub linked_measures: Vec<Measure>,
    /// (problem, measure) pairs touching the scope, in id order.
    pub links: Vec<(ItemId, ItemId)>,
    /// Progress entries dated on or before the as-of date, oldest first, without evidence.
    pub progress: Vec<ProgressEntry>,
    /// The unit years in scope that a later summary has reported on by the as-of date.
    pub reported_years: Vec<ReportedYear>,
}

/// A unit's year that a later summary reported on (some outcome of it was read from that
/// summary, dated on or before the as-of date).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportedYear {
    /// The unit's full name.
    pub unit: String,
    /// The year of the items reported on.
    pub year: i32,
    /// The first later summary that reported on them.
    pub summary_year: i32,
}

/// A problem reduced to what text comparison needs: who named it, when, and how.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProblemText {
    pub id: ItemId,
    pub unit_id: i64,
    /// The unit's full name.
    pub unit: String,
    pub year: i32,
    pub text: String,
}

/// A unit with the size of its ledger, for `unit list`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct UnitSummary {
    #[serde(flatten)]
    pub unit: Unit,
    pub problems: i64,
    pub measures: i64,
}

/// What a person decided about a pair of problems.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Decision {
    Confirmed,
    Rejected,
}

impl Decision {
    pub fn code(self) -> &'static str {
        match self {
            Decision::Confirmed => "confirmed",
            Decision::Rejected => "rejected",
        }
    }
}

/// One operation as `undo --list` shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Operation {
    pub id: i64,
    pub at: String,
    pub actor: String,
    pub command: String,
    /// The operation it reverts, for an undo.
    pub reverts: Option<i64>,
    /// The undo that reverts it, if it is undone (and that undo is not undone itself).
    pub undone_by: Option<i64>,
    /// How many rows it changed.
    pub changes: i64,
}

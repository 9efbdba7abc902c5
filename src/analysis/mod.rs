//! Pure computations over domain values: statuses, deadlines, overdue, name suggestions.
//!
//! Nothing here touches the store, the clock or the terminal: inputs are plain values (with the
//! as-of date passed in), outputs are plain structs for the renderers.

pub mod clusters;
pub mod dashboard;
pub mod figures;
pub mod ledger;
pub mod linking;
pub mod matching;
pub mod names;
pub mod recurrence;
pub mod report;
pub mod rollup;
pub mod similarity;
pub mod stats;
pub mod status;
pub mod words;

pub use ledger::{compute_ledger, LedgerRow, RowFilter, RowOrder};
pub use status::{days_left, days_overdue, derive_problem_status, resolve_statuses, Resolved};

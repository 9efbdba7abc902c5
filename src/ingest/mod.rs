//! Recording parsed input in the store: the one way documents get in.
//!
//! Commands read files and arguments and call this module, inside the transaction they hold;
//! it writes what the pure readers (`import` for summaries, `exchange::sheet` for ledgers)
//! found, and records every change in the history. It holds no SQL (it calls `store`), no
//! argument parsing and no output formatting.
//!
//! [`summary`] records a parsed summary (its items in [`items`], or matched against the old ones
//! in [`replace`], and its reported outcomes in [`outcomes`]); [`ledger`] records a ledger read
//! from a sheet, dating its progress in [`progress`]; both find their unit with the one matcher
//! of [`units`] and link measures to problems through [`links`].

mod items;
pub mod ledger;
mod links;
mod outcomes;
mod progress;
mod replace;
pub mod summary;
pub mod units;

#[cfg(test)]
mod testing;

pub use ledger::{record_ledger, LedgerImport};
pub use summary::{record_summary, FileOutcome, FileReport, SummaryInput};
pub use units::{match_unit, UnitSource};

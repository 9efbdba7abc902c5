//! Understanding a ledger sheet: where its header is, what its columns hold, which rows are
//! problems and which are measures, and which rows cannot be read.
//!
//! Ledgers are kept in many shapes. A title row (and a 填报单位 line) may sit above the header; the
//! header may take two rows (责任主体 over 责任领导 / 责任单位 / 责任人); a problem spans the rows
//! of its measures, as one merged cell or repeated on each row or left blank below its first row.
//! A new 序号 or a new problem text starts a new problem. A measure written the same way under two
//! problems is one measure answering both. Nothing here touches the store: the result is plain
//! values, with each unreadable row reported by its number as people see it (1-based).
//!
//! This file holds the values a sheet is read into; `header` finds the header, `rows` reads
//! the items below it, `title` what is stated above it, and `cells` single cells' text.

mod cells;
mod header;
mod rows;
mod title;

use chrono::NaiveDate;

use super::columns::Field;
use super::entries::CellEntry;
use crate::model::WordedDeadline;
use crate::model::{Owner, Status};

pub(crate) use cells::{title_of, TITLE_CHARS};
pub use header::{find_header, Header};
pub use rows::read;
pub use title::unit_and_year;

/// What a sheet holds.
#[derive(Debug, Clone, PartialEq)]
pub struct Ledger {
    pub sheet: String,
    /// The (last) header row, 1-based.
    pub header_row: usize,
    /// The columns understood, in sheet order, with the header text they were read from.
    pub columns: Vec<(Field, String)>,
    /// The title above the header, if any.
    pub title: Option<String>,
    /// The unit named above the header (填报单位：…, or the title), if any.
    pub unit: Option<String>,
    /// The year named in the title, if any.
    pub year: Option<i32>,
    pub problems: Vec<LedgerProblem>,
    pub measures: Vec<LedgerMeasure>,
    pub warnings: Vec<RowWarning>,
}

/// The unit and year a row states in columns of its own, in a roll-up ledger.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct RowScope {
    pub unit: Option<String>,
    pub year: Option<i32>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct LedgerProblem {
    pub row: usize,
    pub scope: RowScope,
    pub text: String,
    pub category: Option<String>,
    /// The earlier year whose summary named the problem, when 问题来源 says so
    /// (`2024年度工作总结` on a 2025 sheet, as `export` writes it under a later year's measure).
    pub source_year: Option<i32>,
    /// The status of a problem listed without measures.
    pub outcome: Option<RowOutcome>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct LedgerMeasure {
    pub row: usize,
    pub scope: RowScope,
    pub title: Option<String>,
    pub text: String,
    pub owner: Owner,
    /// `None` when the cell is empty (the default deadline applies).
    pub deadline: Option<WordedDeadline>,
    /// Indices into [`Ledger::problems`] of the problems it answers.
    pub problems: Vec<usize>,
    pub outcome: Option<RowOutcome>,
}

/// The status a row reports, with its words and evidence.
#[derive(Debug, Clone, PartialEq)]
pub struct RowOutcome {
    pub status: Status,
    pub note: Option<String>,
    pub evidence: Vec<String>,
    /// 销号时间: the day the row says the item was closed.
    pub closed_on: Option<NaiveDate>,
    /// The dated entries its progress cell lists (an exported ledger), oldest first; the last
    /// is `status`, `note` and `evidence`. Empty for free text, read as one outcome.
    pub entries: Vec<CellEntry>,
}

/// A row that could not be read, or only partly.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowWarning {
    pub row: usize,
    pub kind: RowTrouble,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RowTrouble {
    /// The deadline cell holds no deadline; the row's measure is left out.
    BadDeadline(String),
    /// The year cell holds no year; the row is left out.
    BadYear(String),
    /// The status cell holds no status word; the items are imported without a status.
    UnknownStatus(String),
    /// A deadline on a row without a measure; problems have no deadline of their own.
    DeadlineWithoutMeasure(String),
    /// Content, but neither a problem nor a measure.
    NoItem,
    /// A line across the sheet (填表人：…); not an item.
    Note(String),
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_exported;

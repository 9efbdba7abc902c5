//! Domain types: the words of DESIGN.md as Rust values.
//!
//! These types know how to parse and print themselves (ids, statuses, deadlines) but nothing about
//! SQL or tables: the store builds them, analysis computes over them, render prints them.
//!
//! Ids, statuses and deadlines live in `ids`, `status` and `deadline`, the genre's words and
//! labels in `words`; this file holds the years
//! and dates a summary can name and the records built from them.

mod action;
pub(crate) mod dates;
mod deadline;
mod ids;
mod institution;
mod merged;
mod read;
mod standing;
mod status;
pub mod words;

use chrono::NaiveDate;
use serde::Serialize;

use crate::error::Error;

pub use action::Action;
pub use dates::parse_date;
pub use deadline::{end_of_month, plan_start, Deadline, WordedDeadline};
pub use ids::{ItemId, ItemKind};
pub use institution::{Institution, InstitutionSetting};
pub use merged::{Conflict, MergeNote, Merged, MergedCounts, Renumbered};
pub use read::{Decision, LedgerData, Operation, ProblemText, ReportedYear, UnitSummary};
pub use standing::{Basis, Standing};
pub use status::Status;

/// Years a summary can be about. Wider than any real ledger, narrow enough to catch typos.
pub const YEARS: std::ops::RangeInclusive<i32> = 1949..=2100;

/// Checks that `year` is one a summary can be about.
pub fn check_year(year: i32) -> Result<i32, Error> {
    if YEARS.contains(&year) {
        Ok(year)
    } else {
        Err(Error::YearOutOfRange(year))
    }
}

/// Who answers for a measure (责任清单). Every part is optional.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Owner {
    /// 责任领导
    pub leader: Option<String>,
    /// 牵头部门
    pub owner_dept: Option<String>,
    /// 配合部门, in the order given
    pub co_depts: Vec<String>,
    /// 责任人
    pub owner_person: Option<String>,
}

impl Owner {
    /// A short "who" for tables: the lead department and the person, else the leader.
    pub fn short(&self) -> String {
        let parts: Vec<&str> = [self.owner_dept.as_deref(), self.owner_person.as_deref()]
            .into_iter()
            .flatten()
            .collect();
        if parts.is_empty() {
            self.leader.clone().unwrap_or_default()
        } else {
            parts.join(" ")
        }
    }

    /// True when `needle` occurs in any of the owner's parts.
    pub fn mentions(&self, needle: &str) -> bool {
        [&self.leader, &self.owner_dept, &self.owner_person]
            .into_iter()
            .flatten()
            .chain(self.co_depts.iter())
            .any(|part| part.contains(needle))
    }
}

/// A unit (单位) and the other names it goes by.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Unit {
    pub id: i64,
    pub uuid: String,
    pub name: String,
    pub aliases: Vec<String>,
}

/// A problem (问题) named in the year-`year` summary of `unit`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Problem {
    pub id: ItemId,
    pub uuid: String,
    pub unit: String,
    pub year: i32,
    pub category: Option<String>,
    pub text: String,
}

/// A measure (整改措施) promised in the year-`year` summary of `unit`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Measure {
    pub id: ItemId,
    pub uuid: String,
    pub unit: String,
    pub year: i32,
    pub title: Option<String>,
    pub text: String,
    pub owner: Owner,
    pub deadline: Deadline,
    /// 建章立制 as the user set it; `None` reads it from the words ([`Institution::for_measure`]).
    pub institution: Option<InstitutionSetting>,
}

/// The imported summary an item was read from (its provenance).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SourceDocument {
    /// The year of the summary.
    pub year: i32,
    /// The file name it was imported from, when known.
    pub file_name: Option<String>,
}

/// A piece of evidence (佐证材料) attached to a progress entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Evidence {
    /// The path or reference as the user gave it.
    pub reference: String,
    /// Size and SHA-256 of the file when it existed at the time of recording.
    pub size_bytes: Option<u64>,
    pub sha256: Option<String>,
}

/// A dated progress entry (整改进展) against one item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ProgressEntry {
    pub seq: i64,
    pub uuid: String,
    pub item: ItemId,
    pub status: Status,
    pub date: NaiveDate,
    pub note: Option<String>,
    pub evidence: Vec<Evidence>,
    /// The year of the summary this entry was read from (a reported outcome), when imported.
    pub reported_in: Option<i32>,
}

/// One line of an item's history: what changed, when and by whom.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Event {
    pub seq: i64,
    pub at: String,
    pub actor: String,
    pub item: String,
    pub action: String,
    pub detail: serde_json::Value,
}

#[cfg(test)]
mod tests;

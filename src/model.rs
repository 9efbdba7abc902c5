//! Domain types: the words of DESIGN.md as Rust values.
//!
//! These types know how to parse and print themselves (ids, statuses, deadlines) but nothing about
//! SQL or tables: the store builds them, analysis computes over them, render prints them.

use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::error::Error;

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

/// Parses a calendar date written as YYYY-MM-DD.
pub fn parse_date(text: &str) -> Result<NaiveDate, Error> {
    let trimmed = text.trim();
    NaiveDate::parse_from_str(trimmed, "%Y-%m-%d")
        .ok()
        .filter(|d| YEARS.contains(&d.year()))
        .ok_or_else(|| Error::BadDate(text.to_string()))
}

/// Whether an item is a problem (问题) or a measure (整改措施).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemKind {
    Problem,
    Measure,
}

impl ItemKind {
    pub fn code(self) -> &'static str {
        match self {
            ItemKind::Problem => "problem",
            ItemKind::Measure => "measure",
        }
    }

    fn prefix(self) -> char {
        match self {
            ItemKind::Problem => 'P',
            ItemKind::Measure => 'M',
        }
    }
}

/// The short, typeable id of an item: `P12` for problem 12, `M34` for measure 34.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ItemId {
    pub kind: ItemKind,
    pub num: i64,
}

impl ItemId {
    pub fn problem(num: i64) -> Self {
        ItemId {
            kind: ItemKind::Problem,
            num,
        }
    }

    pub fn measure(num: i64) -> Self {
        ItemId {
            kind: ItemKind::Measure,
            num,
        }
    }
}

impl fmt::Display for ItemId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}{}", self.kind.prefix(), self.num)
    }
}

impl FromStr for ItemId {
    type Err = Error;

    /// Accepts `P12`, `p12`, `M3`; anything else is a malformed id.
    fn from_str(text: &str) -> Result<Self, Error> {
        let trimmed = text.trim();
        let mut chars = trimmed.chars();
        let kind = match chars.next() {
            Some('P' | 'p') => ItemKind::Problem,
            Some('M' | 'm') => ItemKind::Measure,
            _ => return Err(Error::MalformedId(text.to_string())),
        };
        let digits = chars.as_str();
        if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) {
            return Err(Error::MalformedId(text.to_string()));
        }
        match digits.parse::<i64>() {
            Ok(num) if num > 0 => Ok(ItemId { kind, num }),
            _ => Err(Error::MalformedId(text.to_string())),
        }
    }
}

impl Serialize for ItemId {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// The six statuses of DESIGN.md. Overdue is not one of them: it is derived.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Planned,
    InProgress,
    Done,
    LongTerm,
    NotDone,
    Dropped,
}

impl Status {
    pub const ALL: [Status; 6] = [
        Status::Planned,
        Status::InProgress,
        Status::Done,
        Status::LongTerm,
        Status::NotDone,
        Status::Dropped,
    ];

    /// The stable code used in the store, JSON and CSV.
    pub fn code(self) -> &'static str {
        match self {
            Status::Planned => "planned",
            Status::InProgress => "in_progress",
            Status::Done => "done",
            Status::LongTerm => "long_term",
            Status::NotDone => "not_done",
            Status::Dropped => "dropped",
        }
    }

    /// The Chinese label used in tables and reports.
    pub fn label_zh(self) -> &'static str {
        match self {
            Status::Planned => "未启动",
            Status::InProgress => "正在整改",
            Status::Done => "已完成",
            Status::LongTerm => "长期坚持",
            Status::NotDone => "未完成",
            Status::Dropped => "已撤销",
        }
    }

    /// The English label used with `--lang en`.
    pub fn label_en(self) -> &'static str {
        match self {
            Status::Planned => "planned",
            Status::InProgress => "in progress",
            Status::Done => "done",
            Status::LongTerm => "long-term",
            Status::NotDone => "not done",
            Status::Dropped => "dropped",
        }
    }

    /// Closed statuses end the clock: an item in one of them is never overdue.
    pub fn is_closed(self) -> bool {
        matches!(self, Status::Done | Status::LongTerm | Status::Dropped)
    }

    /// The statuses, as a user may type them, for error messages.
    pub fn valid_inputs() -> String {
        Status::ALL
            .iter()
            .map(|s| format!("{} ({})", s.code(), s.label_zh()))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

impl FromStr for Status {
    type Err = Error;

    /// Accepts the code (`done`), the Chinese label (`已完成`), or the English label.
    fn from_str(text: &str) -> Result<Self, Error> {
        let wanted = text.trim();
        Status::ALL
            .into_iter()
            .find(|s| {
                s.code().eq_ignore_ascii_case(wanted)
                    || s.label_zh() == wanted
                    || s.label_en().eq_ignore_ascii_case(wanted)
                    || s.code().replace('_', "-").eq_ignore_ascii_case(wanted)
            })
            .ok_or_else(|| Error::UnknownStatus(text.to_string()))
    }
}

/// When a measure is due.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Deadline {
    /// 限期: due by this date.
    ByDate(NaiveDate),
    /// 立行立改: due at once, on the day it was recorded.
    Immediate(NaiveDate),
    /// 长期坚持: ongoing by nature, never overdue.
    LongTerm,
}

impl Deadline {
    /// The default deadline of a year-`year` measure: the end of the following year.
    pub fn default_for_year(year: i32) -> Deadline {
        let end = NaiveDate::from_ymd_opt(year + 1, 12, 31).expect("December 31st exists");
        Deadline::ByDate(end)
    }

    /// Parses `YYYY-MM-DD`, `immediate` (立行立改) or `long-term` (长期坚持).
    /// `recorded_on` is the date an immediate measure falls due.
    pub fn parse(text: &str, recorded_on: NaiveDate) -> Result<Deadline, Error> {
        match text.trim() {
            "immediate" | "立行立改" => Ok(Deadline::Immediate(recorded_on)),
            "long-term" | "long_term" | "长期坚持" => Ok(Deadline::LongTerm),
            other => parse_date(other)
                .map(Deadline::ByDate)
                .map_err(|_| Error::BadDeadline(text.to_string())),
        }
    }

    pub fn kind_code(self) -> &'static str {
        match self {
            Deadline::ByDate(_) => "by_date",
            Deadline::Immediate(_) => "immediate",
            Deadline::LongTerm => "long_term",
        }
    }

    pub fn due(self) -> Option<NaiveDate> {
        match self {
            Deadline::ByDate(d) | Deadline::Immediate(d) => Some(d),
            Deadline::LongTerm => None,
        }
    }

    /// Rebuilds a deadline from its stored kind and date.
    pub fn from_parts(kind: &str, due: Option<NaiveDate>) -> Option<Deadline> {
        match (kind, due) {
            ("by_date", Some(d)) => Some(Deadline::ByDate(d)),
            ("immediate", Some(d)) => Some(Deadline::Immediate(d)),
            ("long_term", None) => Some(Deadline::LongTerm),
            _ => None,
        }
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
mod tests {
    use super::*;

    #[test]
    fn item_ids_round_trip_through_text() {
        for text in ["P1", "M34", "P120"] {
            assert_eq!(text.parse::<ItemId>().unwrap().to_string(), text);
        }
        assert_eq!("m7".parse::<ItemId>().unwrap(), ItemId::measure(7));
    }

    #[test]
    fn malformed_item_ids_are_refused() {
        for text in [
            "",
            "P",
            "X3",
            "P-1",
            "P0",
            "P1a",
            "12",
            "P99999999999999999999",
        ] {
            assert!(
                text.parse::<ItemId>().is_err(),
                "{text:?} should be refused"
            );
        }
    }

    #[test]
    fn statuses_parse_from_code_and_chinese_label() {
        assert_eq!("done".parse::<Status>().unwrap(), Status::Done);
        assert_eq!("已完成".parse::<Status>().unwrap(), Status::Done);
        assert_eq!("长期坚持".parse::<Status>().unwrap(), Status::LongTerm);
        assert_eq!("in-progress".parse::<Status>().unwrap(), Status::InProgress);
        assert!("finished".parse::<Status>().is_err());
    }

    #[test]
    fn dates_must_exist_on_the_calendar() {
        assert!(parse_date("2024-13-45").is_err());
        assert!(parse_date("2023-02-29").is_err());
        assert!(parse_date("2024-02-29").is_ok());
        assert!(parse_date("24-1-1").is_err());
    }

    #[test]
    fn default_deadline_is_the_end_of_the_following_year() {
        assert_eq!(
            Deadline::default_for_year(2024).due(),
            NaiveDate::from_ymd_opt(2025, 12, 31)
        );
    }

    #[test]
    fn owner_short_prefers_department_and_person() {
        let owner = Owner {
            leader: Some("王局长".into()),
            owner_dept: Some("办公室".into()),
            co_depts: vec![],
            owner_person: Some("李明".into()),
        };
        assert_eq!(owner.short(), "办公室 李明");
        let leader_only = Owner {
            leader: Some("王局长".into()),
            ..Owner::default()
        };
        assert_eq!(leader_only.short(), "王局长");
    }
}

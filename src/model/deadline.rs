//! When a measure is due: by a date, at once (立行立改), or ongoing and never overdue (长期坚持),
//! parsed from what people type and rebuilt from what the store holds.

use chrono::NaiveDate;

use super::parse_date;
use crate::error::Error;

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

/// 1 January of the year a year-`year` summary's measures are carried out in: the date a
/// 立行立改 measure read from a ledger without a date falls due.
pub fn plan_start(year: i32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year + 1, 1, 1).unwrap_or(NaiveDate::MAX)
}

impl Deadline {
    /// The default deadline of a year-`year` measure: the end of the following year.
    pub fn default_for_year(year: i32) -> Deadline {
        let end = NaiveDate::from_ymd_opt(year + 1, 12, 31).expect("December 31st exists");
        Deadline::ByDate(end)
    }

    /// Parses a date in any usual shape (see [`parse_date`]), `immediate` (立行立改) or `long-term` (长期坚持).
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

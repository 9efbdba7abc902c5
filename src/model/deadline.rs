//! When a measure is due: by a date, at once (立行立改), or ongoing and never overdue (长期坚持),
//! parsed from what people type and rebuilt from what the store holds; and a deadline as a
//! summary or a ledger words it ([`WordedDeadline`]), before the summary's year is known.

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

/// The last day of `month` in `year`; `None` for a month or year the calendar has not.
pub fn end_of_month(year: i32, month: u32) -> Option<NaiveDate> {
    let (y, m) = if month == 12 {
        (year.checked_add(1)?, 1)
    } else {
        (year, month + 1)
    };
    NaiveDate::from_ymd_opt(y, m, 1)?.pred_opt()
}

/// A deadline as a summary's sentence or a ledger's 整改时限 cell words it. A year-N summary's
/// measures are carried out during N+1 (the plan year), so a month without a year means the plan
/// year's; [`WordedDeadline::resolve`] turns the words into a [`Deadline`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WordedDeadline {
    /// A whole date: 2024-06-30, an Excel date.
    Date(NaiveDate),
    /// The last day of a month: 6月底前, 2024年6月底前, 第三季度, 年底前 (month 12). A `None`
    /// year is the plan year.
    EndOfMonth { year: Option<i32>, month: u32 },
    /// A day of a month: 9月30日前, 2024年9月30日前. A `None` year is the plan year; a day the
    /// month has not (2月30日) falls back to the month's end.
    OnDate {
        year: Option<i32>,
        month: u32,
        day: u32,
    },
    /// 立行立改: due on the day it is recorded.
    Immediate,
    /// 立行立改（2025-01-10）: due on the day named.
    ImmediateOn(NaiveDate),
    /// 长期坚持: ongoing, never overdue.
    LongTerm,
}

impl WordedDeadline {
    /// The deadline of a measure of the year-`summary_year` summary, recorded on `recorded_on`.
    /// A month past the calendar's end falls back to the year's default deadline.
    pub fn resolve(self, summary_year: i32, recorded_on: NaiveDate) -> Deadline {
        let plan_year = summary_year + 1;
        let month_end = |year: Option<i32>, month: u32| {
            end_of_month(year.unwrap_or(plan_year), month)
                .or_else(|| Deadline::default_for_year(summary_year).due())
                .unwrap_or(recorded_on)
        };
        match self {
            WordedDeadline::Date(d) => Deadline::ByDate(d),
            WordedDeadline::EndOfMonth { year, month } => Deadline::ByDate(month_end(year, month)),
            WordedDeadline::OnDate { year, month, day } => Deadline::ByDate(
                NaiveDate::from_ymd_opt(year.unwrap_or(plan_year), month, day)
                    .unwrap_or_else(|| month_end(year, month)),
            ),
            WordedDeadline::Immediate => Deadline::Immediate(recorded_on),
            WordedDeadline::ImmediateOn(d) => Deadline::Immediate(d),
            WordedDeadline::LongTerm => Deadline::LongTerm,
        }
    }
}

//! The dates a ledger's 整改进展 text states: `2025-05-20`, `2025/5/20`, `2025.5.20`,
//! `2025年5月20日` and `5月20日` (whose year is the one stated before it in the text, else the
//! plan year the caller gives).
//!
//! The shapes of a date are read by `model::dates`, the one date reader `--date`, `--as-of`,
//! `--due` and ledger cells share; this module finds them in running text.
//!
//! Pure text in, dates out: the caller decides which date a progress entry takes and what to do
//! with an impossible one (2025年2月30日), which is returned as written, never a panic.

use chrono::NaiveDate;

use crate::model::dates::written_dates;

/// What a progress text says about when it happened.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StatedDates {
    /// The real dates, in the order written.
    pub dates: Vec<NaiveDate>,
    /// Dates as written that do not exist (2025年2月30日).
    pub impossible: Vec<String>,
}

impl StatedDates {
    /// The latest date stated, if any.
    pub fn latest(&self) -> Option<NaiveDate> {
        self.dates.iter().max().copied()
    }
}

/// A date a progress text states that its entry cannot take.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateTrouble {
    /// 2025年2月30日: no such day.
    Impossible(String),
    /// After the as-of date: not yet happened, by the ledger's own date.
    AfterAsOf(NaiveDate),
    /// Before the summary's year began.
    BeforeYear(NaiveDate),
}

/// The dates `text` states; `plan_year` is the year of a `5月20日` written before any year.
pub fn stated_dates(text: &str, plan_year: i32) -> StatedDates {
    let mut stated = StatedDates::default();
    let mut year = plan_year;
    for written in written_dates(text) {
        if let Some(y) = written.year {
            year = y;
        }
        match NaiveDate::from_ymd_opt(year, written.month, written.day) {
            Some(date) => stated.dates.push(date),
            None => stated.impossible.push(written.text),
        }
    }
    stated
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn latest(text: &str) -> Option<NaiveDate> {
        stated_dates(text, 2025).latest()
    }

    #[test]
    fn an_iso_date_in_the_progress_text_is_read() {
        assert_eq!(latest("2025-05-20 新办法已印发"), Some(day(2025, 5, 20)));
    }

    #[test]
    fn dates_written_with_chinese_units_slashes_or_dots_are_read() {
        assert_eq!(latest("2025年5月20日印发实施"), Some(day(2025, 5, 20)));
        assert_eq!(latest("已于2025.5.20完成"), Some(day(2025, 5, 20)));
        assert_eq!(latest("2025/5/20 完成验收"), Some(day(2025, 5, 20)));
        assert_eq!(latest("２０２５－０５－２０已完成"), Some(day(2025, 5, 20)));
    }

    #[test]
    fn a_month_and_day_without_a_year_take_the_plan_year() {
        assert_eq!(
            stated_dates("5月20日召开专题会", 2024).latest(),
            Some(day(2024, 5, 20))
        );
    }

    #[test]
    fn a_month_and_day_take_the_year_stated_before_them() {
        let stated = stated_dates("2026年3月1日部署，5月20日印发", 2025);
        assert_eq!(stated.dates, [day(2026, 3, 1), day(2026, 5, 20)]);
    }

    #[test]
    fn the_latest_of_several_dated_lines_is_the_date() {
        let text = "2025-03-01 已部署；2025-05-20 新办法已印发";
        assert_eq!(latest(text), Some(day(2025, 5, 20)));
    }

    #[test]
    fn an_impossible_date_is_returned_as_written_not_a_date() {
        let stated = stated_dates("2025年2月30日完成", 2025);
        assert!(stated.dates.is_empty());
        assert_eq!(stated.impossible, ["2025年2月30日"]);
        assert_eq!(stated_dates("2025-13-01", 2025).impossible, ["2025-13-01"]);
    }

    #[test]
    fn numbers_that_are_no_dates_are_left_alone() {
        for text in [
            "完成率100%",
            "整改5项，约谈12人",
            "3月份召开",
            "2025年已完成",
            "文号2025-5",
        ] {
            assert_eq!(stated_dates(text, 2025), StatedDates::default(), "{text}");
        }
    }

    #[test]
    fn a_text_without_a_date_states_none() {
        assert_eq!(latest("新办法已印发"), None);
        assert_eq!(latest(""), None);
    }
}

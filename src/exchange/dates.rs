//! The dates a ledger's 整改进展 text states: `2025-05-20`, `2025/5/20`, `2025.5.20`,
//! `2025年5月20日` and `5月20日` (whose year is the one stated before it in the text, else the
//! plan year the caller gives).
//!
//! Pure text in, dates out: the caller decides which date a progress entry takes and what to do
//! with an impossible one (2025年2月30日), which is returned as written, never a panic.

use chrono::NaiveDate;

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

/// A date as written: its year if stated, month and day, and the text it was read from.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Written {
    year: Option<i32>,
    month: u32,
    day: u32,
    text: String,
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

/// Every date pattern in `text`, left to right, not overlapping.
fn written_dates(text: &str) -> Vec<Written> {
    let chars: Vec<char> = text.chars().map(half_width).collect();
    let mut found = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        // A number must start here, not in the middle of a longer one.
        if !chars[i].is_ascii_digit() || (i > 0 && chars[i - 1].is_ascii_digit()) {
            i += 1;
            continue;
        }
        match date_at(&chars, i) {
            Some((written, end)) => {
                found.push(written);
                i = end;
            }
            None => i += 1,
        }
    }
    found
}

/// The date starting at `chars[start]`, with the index just past it.
fn date_at(chars: &[char], start: usize) -> Option<(Written, usize)> {
    let (first, after_first) = number(chars, start)?;
    let sep = *chars.get(after_first)?;
    let text = |end: usize| chars[start..end].iter().collect::<String>();
    if after_first - start == 4 && matches!(sep, '-' | '/' | '.') {
        // 2025-05-20, 2025/5/20, 2025.5.20: the same separator twice.
        let (month, after_month) = number(chars, after_first + 1)?;
        if chars.get(after_month) != Some(&sep) {
            return None;
        }
        let (day, end) = number(chars, after_month + 1)?;
        let written = Written {
            year: Some(first as i32),
            month,
            day,
            text: text(end),
        };
        return (after_month - after_first <= 3 && end - after_month <= 3)
            .then_some((written, end));
    }
    let (year, month_start) = if after_first - start == 4 && sep == '年' {
        (Some(first as i32), after_first + 1)
    } else {
        (None, start)
    };
    let (month, after_month) = number(chars, month_start)?;
    if chars.get(after_month) != Some(&'月') || after_month - month_start > 2 {
        return None;
    }
    let (day, after_day) = number(chars, after_month + 1)?;
    if !matches!(chars.get(after_day), Some('日' | '号')) || after_day - after_month > 3 {
        return None;
    }
    let end = after_day + 1;
    let written = Written {
        year,
        month,
        day,
        text: text(end),
    };
    Some((written, end))
}

/// The run of ASCII digits at `chars[start]` (at most 4), with the index just past it.
fn number(chars: &[char], start: usize) -> Option<(u32, usize)> {
    let len = chars[start.min(chars.len())..]
        .iter()
        .take_while(|c| c.is_ascii_digit())
        .count();
    if len == 0 || len > 4 {
        return None;
    }
    let digits: String = chars[start..start + len].iter().collect();
    Some((digits.parse().ok()?, start + len))
}

/// Full-width digits and separators as ASCII: ２０２５－５－２０ → 2025-5-20.
fn half_width(c: char) -> char {
    match c {
        '０'..='９' | '－' | '／' | '．' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        other => other,
    }
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

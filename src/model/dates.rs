//! Reading a date the way people write it: `2025-05-20`, `2025/5/20`, `2025.5.20`,
//! `2025年5月20日` (or …20号), full-width digits included (２０２５年５月２０日).
//!
//! The one date reader: `--date`, `--as-of`, `--due` and the other deadline options, and the
//! ledger's date and progress cells all go through it. Pure text in, dates out.

use chrono::{Datelike, NaiveDate};

use super::YEARS;
use crate::error::Error;

/// Parses a whole text as one calendar date in any of the usual shapes; the year must be written
/// and the day must exist (2025年2月30日 is refused with [`Error::BadDate`]).
pub fn parse_date(text: &str) -> Result<NaiveDate, Error> {
    let chars: Vec<char> = text.trim().chars().map(half_width).collect();
    date_at(&chars, 0)
        .filter(|(written, end)| *end == chars.len() && written.year.is_some())
        .and_then(|(w, _)| NaiveDate::from_ymd_opt(w.year?, w.month, w.day))
        .filter(|d| YEARS.contains(&d.year()))
        .ok_or_else(|| Error::BadDate(text.to_string()))
}

/// A date as written: its year if stated, month and day, and the text it was read from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Written {
    pub(crate) year: Option<i32>,
    pub(crate) month: u32,
    pub(crate) day: u32,
    pub(crate) text: String,
}

/// Every date pattern in `text`, left to right, not overlapping.
pub(crate) fn written_dates(text: &str) -> Vec<Written> {
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
pub(crate) fn half_width(c: char) -> char {
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

    #[test]
    fn a_date_reads_the_same_in_every_usual_shape() {
        for text in [
            "2025-05-20",
            "2025-5-20",
            "2025/5/20",
            "2025.5.20",
            "2025年5月20日",
            "2025年05月20号",
            "２０２５年５月２０日",
            "２０２５－０５－２０",
            " 2025/05/20 ",
        ] {
            assert_eq!(parse_date(text).ok(), Some(day(2025, 5, 20)), "{text}");
        }
    }

    #[test]
    fn a_date_that_is_not_whole_or_does_not_exist_is_refused() {
        for text in [
            "2025年2月30日",
            "2024-13-45",
            "5月20日",
            "2025-05",
            "2025-05-20前",
            "2025/5.20",
            "20250520",
            "1800-01-01",
            "",
            "明天",
        ] {
            assert!(
                matches!(parse_date(text), Err(Error::BadDate(_))),
                "{text} should be refused"
            );
        }
    }
}

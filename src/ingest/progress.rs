//! The date of a ledger row's progress entry: the latest date its 整改进展 text states, else the
//! as-of date (and the caller says so in its summary).
//!
//! A stated date that does not exist, lies after the as-of date or before the summary's year is
//! not taken; each is a [`DateTrouble`] for the row's warnings. Pure: the text and dates in, the
//! choice out.

use chrono::NaiveDate;

use crate::exchange::dates::{stated_dates, DateTrouble};

/// The date a progress entry takes, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProgressDate {
    pub date: NaiveDate,
    /// True when the text stated it; false when it is the as-of date.
    pub stated: bool,
    pub troubles: Vec<DateTrouble>,
}

/// The date of the progress a year-`year` item's row reports in `text`, read at `as_of`. A date
/// written without a year (5月20日) takes the year written before it, else the plan year
/// (`year` + 1).
pub fn progress_date(text: Option<&str>, year: i32, as_of: NaiveDate) -> ProgressDate {
    let stated = stated_dates(text.unwrap_or_default(), year + 1);
    let mut troubles: Vec<DateTrouble> = stated
        .impossible
        .into_iter()
        .map(DateTrouble::Impossible)
        .collect();
    let year_start = NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or(NaiveDate::MIN);
    let mut usable = Vec::new();
    for date in stated.dates {
        if date > as_of {
            troubles.push(DateTrouble::AfterAsOf(date));
        } else if date < year_start {
            troubles.push(DateTrouble::BeforeYear(date));
        } else {
            usable.push(date);
        }
    }
    match usable.into_iter().max() {
        Some(date) => ProgressDate {
            date,
            stated: true,
            troubles,
        },
        None => ProgressDate {
            date: as_of,
            stated: false,
            troubles,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    const AS_OF: (i32, u32, u32) = (2025, 12, 31);

    fn date_of(text: &str) -> ProgressDate {
        let (y, m, d) = AS_OF;
        progress_date(Some(text), 2024, day(y, m, d))
    }

    #[test]
    fn progress_takes_the_date_its_text_states() {
        let dated = date_of("2025-05-20 新办法已印发");
        assert_eq!((dated.date, dated.stated), (day(2025, 5, 20), true));
        assert!(dated.troubles.is_empty());
    }

    #[test]
    fn progress_with_several_dated_lines_takes_the_latest() {
        let dated = date_of("2025-03-01 已部署；2025-05-20 新办法已印发");
        assert_eq!(dated.date, day(2025, 5, 20));
    }

    #[test]
    fn a_day_without_a_year_falls_in_the_plan_year() {
        assert_eq!(date_of("5月20日召开专题会议").date, day(2025, 5, 20));
    }

    #[test]
    fn progress_without_a_date_takes_the_as_of_date_and_says_so() {
        let dated = date_of("新办法已印发");
        assert_eq!((dated.date, dated.stated), (day(2025, 12, 31), false));
        assert!(!progress_date(None, 2024, day(2025, 12, 31)).stated);
    }

    #[test]
    fn a_date_after_the_as_of_date_is_a_trouble_not_the_date() {
        let dated = date_of("2026-03-01 完成验收");
        assert_eq!((dated.date, dated.stated), (day(2025, 12, 31), false));
        assert_eq!(dated.troubles, [DateTrouble::AfterAsOf(day(2026, 3, 1))]);
    }

    #[test]
    fn an_impossible_date_is_a_trouble_and_the_real_one_is_kept() {
        let dated = date_of("2025年2月30日部署，2025年4月1日完成");
        assert_eq!(dated.date, day(2025, 4, 1));
        assert_eq!(
            dated.troubles,
            [DateTrouble::Impossible("2025年2月30日".into())]
        );
    }

    #[test]
    fn a_date_before_the_summary_year_is_a_trouble() {
        let dated = date_of("2023-06-01 已部署");
        assert!(!dated.stated);
        assert_eq!(dated.troubles, [DateTrouble::BeforeYear(day(2023, 6, 1))]);
    }
}

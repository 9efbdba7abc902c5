//! Dates as official prose writes them: 2025年5月20日, and deadlines as 2025年6月底前 (the end
//! of a month), 2025年底前 (the end of a year) or 2025年9月15日前.

use chrono::{Datelike, NaiveDate};

/// `2025-05-20` → `2025年5月20日`.
pub fn cn_date(date: NaiveDate) -> String {
    format!("{}年{}月{}日", date.year(), date.month(), date.day())
}

/// A due date as a deadline phrase: `2025年6月底前`, `2025年底前`, `2025年9月15日前`.
pub fn cn_due(date: NaiveDate) -> String {
    let month_end = date
        .succ_opt()
        .is_none_or(|next| next.month() != date.month());
    match (month_end, date.month()) {
        (true, 12) => format!("{}年底前", date.year()),
        (true, month) => format!("{}年{}月底前", date.year(), month),
        (false, _) => format!("{}前", cn_date(date)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn dates_are_written_without_leading_zeros() {
        assert_eq!(cn_date(date(2025, 5, 2)), "2025年5月2日");
    }

    #[test]
    fn month_and_year_ends_read_as_the_genre_writes_deadlines() {
        assert_eq!(cn_due(date(2025, 6, 30)), "2025年6月底前");
        assert_eq!(cn_due(date(2024, 2, 29)), "2024年2月底前");
        assert_eq!(cn_due(date(2025, 12, 31)), "2025年底前");
        assert_eq!(cn_due(date(2025, 9, 15)), "2025年9月15日前");
    }
}

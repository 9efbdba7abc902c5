//! Deadlines as ledgers write them in the 整改时限 column.
//!
//! A cell holds a date (an Excel date, `2024-06-30`, `2024/6/30`, `2024.6.30`, `2024年6月30日前`),
//! a month or a part of the year (`2024年6月底前`, `2024年底前`, `上半年`, `第三季度`), or a kind
//! (`长期坚持`, `立行立改`; the words are in `model::words`). Without a year, a month means the
//! plan year: a year-N measure is carried out during N+1 ([`WordedDeadline::resolve`]).
//! Anything else is unreadable, and the caller reports the row.

use chrono::NaiveDate;

use crate::model::words::{deadline_words, DeadlineWord, Reader};
use crate::model::{WordedDeadline, YEARS};

/// Words after a date that do not change it: 2024年6月30日前完成.
const AFTER: &[&str] = &["以前", "之前", "前", "为止", "止", "完成", "内", "底", "末"];

/// Reads a deadline cell. `Ok(None)` for an empty cell, `Err(())` for words that are no deadline.
#[allow(clippy::result_unit_err)]
pub fn parse(text: &str) -> Result<Option<WordedDeadline>, ()> {
    let flat: String = text
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(half_width)
        .collect();
    if flat.is_empty() {
        return Ok(None);
    }
    // 立行立改并长期坚持: ongoing, so never overdue.
    if deadline_words(DeadlineWord::LongTerm, Reader::Cell)
        .iter()
        .any(|w| flat.contains(w))
    {
        return Ok(Some(WordedDeadline::LongTerm));
    }
    let immediate = deadline_words(DeadlineWord::Immediate, Reader::Cell);
    if let Some(word) = immediate.iter().find(|w| flat.contains(*w)) {
        let rest = flat.replace(word, "");
        let day = rest.trim_matches(['（', '）', '(', ')', '，', ',']);
        return Ok(Some(match crate::model::parse_date(day) {
            Ok(d) => WordedDeadline::ImmediateOn(d),
            Err(_) => WordedDeadline::Immediate,
        }));
    }
    dated(&flat).map(Some).ok_or(())
}

fn dated(text: &str) -> Option<WordedDeadline> {
    if let Ok(date) = crate::model::parse_date(text) {
        return Some(WordedDeadline::Date(date));
    }
    let mut rest = text;
    // Strip what may follow a date, repeatedly: 6月底前完成 → 6月.
    'strip: loop {
        for w in AFTER {
            if let Some(r) = rest.strip_suffix(w) {
                rest = r;
                continue 'strip;
            }
        }
        break;
    }
    let (year, rest) = leading_year(rest);
    let year = match year {
        Some(y) if !YEARS.contains(&y) => return None,
        y => y,
    };
    let rest = rest
        .strip_prefix("年度")
        .or_else(|| rest.strip_prefix('年'))
        .unwrap_or(rest);
    if rest.is_empty() || rest == "年" {
        // 2024年底前 → stripped to 2024年; 年底前 alone → the plan year.
        return Some(WordedDeadline::EndOfMonth { year, month: 12 });
    }
    if let Some(part) = part_of_year(rest) {
        return Some(WordedDeadline::EndOfMonth { year, month: part });
    }
    let numbers: Vec<u32> = rest
        .split(['-', '/', '.', '月', '日', '号'])
        .filter(|s| !s.is_empty())
        .map(|s| s.parse().ok())
        .collect::<Option<_>>()?;
    let separators_ok = year.is_some() || rest.contains('月');
    if !separators_ok {
        return None;
    }
    match numbers.as_slice() {
        [month] if (1..=12).contains(month) => Some(WordedDeadline::EndOfMonth {
            year,
            month: *month,
        }),
        [month, day] => match year {
            Some(y) => NaiveDate::from_ymd_opt(y, *month, *day).map(WordedDeadline::Date),
            // 2024 is a leap year: any day a month may have.
            None => NaiveDate::from_ymd_opt(2024, *month, *day).map(|_| WordedDeadline::OnDate {
                year: None,
                month: *month,
                day: *day,
            }),
        },
        _ => None,
    }
}

/// A four-digit year at the start of `text`, followed by 年 or a date separator.
fn leading_year(text: &str) -> (Option<i32>, &str) {
    let digits = text.chars().take_while(char::is_ascii_digit).count();
    if digits != 4 {
        return (None, text);
    }
    let (year, rest) = text.split_at(4);
    let rest = rest.strip_prefix(['-', '/', '.']).unwrap_or(rest);
    (year.parse().ok(), rest)
}

/// The last month of 上半年, 下半年, a quarter (第三季度, 三季度, 3季度).
fn part_of_year(text: &str) -> Option<u32> {
    match text {
        "上半年" => return Some(6),
        "下半年" => return Some(12),
        _ => {}
    }
    let quarter = text
        .strip_prefix('第')
        .unwrap_or(text)
        .strip_suffix("季度")?;
    let n = match quarter {
        "一" | "1" => 1,
        "二" | "2" => 2,
        "三" | "3" => 3,
        "四" | "4" => 4,
        _ => return None,
    };
    Some(3 * n)
}

fn half_width(c: char) -> char {
    match c {
        '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
        '－' | '—' => '-',
        '／' => '/',
        '．' => '.',
        c => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Deadline;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn resolved(text: &str) -> Deadline {
        parse(text)
            .unwrap()
            .unwrap()
            .resolve(2024, date(2025, 1, 10))
    }

    #[test]
    fn written_dates_in_every_usual_shape() {
        for text in [
            "2025-06-30",
            "2025/6/30",
            "2025.6.30",
            "2025年6月30日",
            "2025年6月30日前",
            "２０２５年６月３０日前完成",
        ] {
            assert_eq!(
                resolved(text),
                Deadline::ByDate(date(2025, 6, 30)),
                "{text}"
            );
        }
    }

    #[test]
    fn months_and_parts_of_the_year_end_on_their_last_day() {
        assert_eq!(
            resolved("2024年6月底前"),
            Deadline::ByDate(date(2024, 6, 30))
        );
        assert_eq!(resolved("2025年2月底"), Deadline::ByDate(date(2025, 2, 28)));
        assert_eq!(resolved("2025年底前"), Deadline::ByDate(date(2025, 12, 31)));
        assert_eq!(
            resolved("2025年上半年"),
            Deadline::ByDate(date(2025, 6, 30))
        );
        assert_eq!(resolved("第三季度"), Deadline::ByDate(date(2025, 9, 30)));
        assert_eq!(resolved("2025-09"), Deadline::ByDate(date(2025, 9, 30)));
    }

    #[test]
    fn without_a_year_a_month_is_in_the_plan_year() {
        assert_eq!(resolved("6月底前"), Deadline::ByDate(date(2025, 6, 30)));
        assert_eq!(resolved("9月15日前"), Deadline::ByDate(date(2025, 9, 15)));
        assert_eq!(resolved("年底前"), Deadline::ByDate(date(2025, 12, 31)));
    }

    #[test]
    fn kinds_are_read_from_their_words() {
        assert_eq!(resolved("长期坚持"), Deadline::LongTerm);
        assert_eq!(resolved("立行立改"), Deadline::Immediate(date(2025, 1, 10)));
        assert_eq!(resolved("立行立改，长期坚持"), Deadline::LongTerm);
        assert_eq!(
            resolved("立行立改（2025-01-20）"),
            Deadline::Immediate(date(2025, 1, 20))
        );
    }

    #[test]
    fn an_empty_cell_has_no_deadline_and_nonsense_is_refused() {
        assert_eq!(parse("  "), Ok(None));
        for text in [
            "六月中旬",
            "2024-13-45",
            "2025年2月30日",
            "尽快",
            "30",
            "3000年6月",
        ] {
            assert_eq!(parse(text), Err(()), "{text}");
        }
    }
}

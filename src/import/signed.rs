//! The date a summary is signed with: a line of its own near the end, `2023年1月12日` (also with
//! full-width digits or a space or two inside). Only the last few lines are looked at, so a date
//! in the body is never taken for it.

use chrono::NaiveDate;

use super::doc::Doc;

/// How many non-empty lines from the end the signature date may be on.
const TAIL_LINES: usize = 4;

/// The signing date of `doc`, when its tail has one.
pub fn date(doc: &Doc) -> Option<NaiveDate> {
    doc.text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .rev()
        .take(TAIL_LINES)
        .find_map(date_line)
}

/// The year a document signed on `date` reports on: one signed in January or February is about
/// the year before.
pub(super) fn reported_year(date: NaiveDate) -> i32 {
    use chrono::Datelike;
    if date.month() <= 2 {
        date.year() - 1
    } else {
        date.year()
    }
}

/// A line that is nothing but a date `YYYY年M月D日`.
fn date_line(line: &str) -> Option<NaiveDate> {
    let digits: String = line
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            other => other,
        })
        .collect();
    let rest = digits.strip_suffix('日')?;
    let (year, rest) = rest.split_once('年')?;
    let (month, day) = rest.split_once('月')?;
    let number = |s: &str| {
        (!s.is_empty() && s.chars().all(|c| c.is_ascii_digit()))
            .then(|| s.parse::<u32>().ok())
            .flatten()
    };
    if year.len() != 4 {
        return None;
    }
    NaiveDate::from_ymd_opt(number(year)? as i32, number(month)?, number(day)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn of(text: &str) -> Option<NaiveDate> {
        date(&Doc::new(text))
    }

    #[test]
    fn the_date_under_the_signature_is_the_signing_date() {
        let text = "某局2023年工作总结\n一、工作\n2023年3月5日召开会议。\n\n某局\n2024年1月18日\n";
        assert_eq!(of(text), NaiveDate::from_ymd_opt(2024, 1, 18));
        assert_eq!(
            of("总结\n\n某局\n２０２４年１月８日"),
            NaiveDate::from_ymd_opt(2024, 1, 8)
        );
    }

    #[test]
    fn a_date_in_the_body_or_an_impossible_one_is_no_signing_date() {
        let body = "某局2023年工作总结\n2023年3月5日召开会议。\n一是加强学习。\n二是改进作风。\n三是严明纪律。\n四是抓好落实。\n";
        assert_eq!(of(body), None);
        assert_eq!(of("总结\n某局\n2024年2月30日"), None);
        assert_eq!(of("总结\n于2024年1月8日印发"), None);
    }
}

//! Deadlines a measure states in its own words: 立行立改, 长期坚持, 6月底前, 2024年9月30日前, 年内 …
//!
//! A measure in the year-N summary is carried out during N+1, so a month without a year
//! (6月底前) means June of N+1. Resolving needs the summary's year, so the parsed form
//! ([`WordedDeadline`], shared with the ledger reader) keeps the words' meaning. The words of
//! each kind are in `model::words`.

use crate::model::words::{deadline_words, DeadlineWord, Reader};
use crate::model::WordedDeadline;

use super::text::{find_years, is_blank, one_of, parse_count};
use super::wordlists::Lists;

/// What may follow a month or a day to make it a deadline: 6月底前, 9月30日之前.
const BEFORE: &[&str] = &["底前", "前", "以前", "之前", "底", "末前", "末"];

/// The words of one kind a sentence may use (see `model::words`).
fn words(kind: DeadlineWord) -> &'static [&'static str] {
    static WORDS: std::sync::LazyLock<[Vec<&str>; 3]> = std::sync::LazyLock::new(|| {
        [
            DeadlineWord::Immediate,
            DeadlineWord::LongTerm,
            DeadlineWord::YearEnd,
        ]
        .map(|kind| deadline_words(kind, Reader::Prose))
    });
    &WORDS[kind as usize]
}

/// The word groups a deadline is read from, found in one pass (a bit per group; see [`Cue`]).
fn cue_lists() -> [&'static [&'static str]; 9] {
    [
        words(DeadlineWord::Immediate),
        &["上半年"],
        &["第一季度"],
        &["第二季度"],
        &["第三季度"],
        &["第四季度"],
        words(DeadlineWord::LongTerm),
        words(DeadlineWord::YearEnd),
        &["月"],
    ]
}

/// Indexes into [`cue_lists`].
#[derive(Clone, Copy)]
enum Cue {
    Immediate,
    FirstHalf,
    FirstQuarter,
    LongTerm = 6,
    YearEnd,
    Month,
}

/// The first deadline `text` states, if any.
pub(super) fn find(text: &str) -> Option<WordedDeadline> {
    static CUES: std::sync::LazyLock<Lists> = std::sync::LazyLock::new(|| Lists::new(&cue_lists()));
    let cues = CUES.of(text);
    let has = |cue: Cue| cues & (1 << cue as u32) != 0;
    if cues == 0 {
        return None;
    }
    if has(Cue::Immediate) {
        return Some(WordedDeadline::Immediate);
    }
    if has(Cue::FirstHalf) {
        return Some(WordedDeadline::EndOfMonth {
            year: None,
            month: 6,
        });
    }
    if let Some(q) = (0..4).find(|q| cues & (1 << (Cue::FirstQuarter as u32 + q)) != 0) {
        return Some(WordedDeadline::EndOfMonth {
            year: None,
            month: 3 * (q + 1),
        });
    }
    if let Some(found) = has(Cue::Month).then(|| dated(text)).flatten() {
        return Some(found);
    }
    if has(Cue::LongTerm) {
        return Some(WordedDeadline::LongTerm);
    }
    if !has(Cue::YearEnd) {
        return None;
    }
    let year_end = words(DeadlineWord::YearEnd)
        .iter()
        .filter_map(|w| text.find(w))
        .min()?;
    Some(WordedDeadline::EndOfMonth {
        year: year_ending(&text[..year_end]),
        month: 12,
    })
}

/// `(2024年)6月底前`, `(2024年)9月30日前`.
fn dated(text: &str) -> Option<WordedDeadline> {
    for (at, _) in text.match_indices('月') {
        let before = &text[..at];
        let Some((month, start)) = trailing_number(before) else {
            continue;
        };
        if !(1..=12).contains(&month) {
            continue;
        }
        let year = before[..start].strip_suffix('年').and_then(year_ending);
        let after = &text[at + '月'.len_utf8()..];
        if let Some((day, len)) = parse_count(after).filter(|(d, _)| (1..=31).contains(d)) {
            let rest = after[len..].strip_prefix(['日', '号']).unwrap_or("");
            if starts_before(rest) {
                return Some(WordedDeadline::OnDate { year, month, day });
            }
            continue;
        }
        let rest = after.strip_prefix('份').unwrap_or(after);
        if starts_before(rest) {
            return Some(WordedDeadline::EndOfMonth { year, month });
        }
    }
    None
}

/// The year written by the last four characters of `s` (`…2024`), if they are one.
fn year_ending(s: &str) -> Option<i32> {
    let tail: Vec<char> = s.chars().rev().take(4).collect();
    if tail.len() < 4 {
        return None;
    }
    let year: String = tail.iter().rev().collect();
    find_years(&format!("{year}年"))
        .next()
        .filter(|(_, at)| at.start == 0)
        .map(|(y, _)| y)
}

fn starts_before(rest: &str) -> bool {
    let rest = rest.trim_start_matches(is_blank);
    BEFORE.iter().any(|w| rest.starts_with(w)) || rest.starts_with("完成")
}

/// The number (1–31, Arabic or Chinese) that ends `s`, and where it starts.
fn trailing_number(s: &str) -> Option<(u32, usize)> {
    let mut start = s.len();
    for (i, c) in s.char_indices().rev() {
        let numeric =
            c.is_ascii_digit() || ('０'..='９').contains(&c) || one_of(c, "一二三四五六七八九十");
        if !numeric || s.len() - i > 9 {
            break;
        }
        start = i;
    }
    if start == s.len() {
        return None;
    }
    let (n, len) = parse_count(&s[start..])?;
    (start + len == s.len()).then_some((n, start))
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::model::Deadline;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn month_deadlines_fall_in_the_plan_year() {
        let found = find("6月底前完成制度修订").unwrap();
        assert_eq!(
            found,
            WordedDeadline::EndOfMonth {
                year: None,
                month: 6
            }
        );
        assert_eq!(
            found.resolve(2023, date(2024, 1, 5)),
            Deadline::ByDate(date(2024, 6, 30))
        );
    }

    #[test]
    fn explicit_dates_keep_their_year() {
        let found = find("于2024年9月30日前全部完成").unwrap();
        assert_eq!(
            found,
            WordedDeadline::OnDate {
                year: Some(2024),
                month: 9,
                day: 30
            }
        );
        assert_eq!(
            find("2024年三月底前建立台账"),
            Some(WordedDeadline::EndOfMonth {
                year: Some(2024),
                month: 3
            })
        );
    }

    #[test]
    fn kinds_without_a_date_are_read() {
        assert_eq!(find("此项立行立改"), Some(WordedDeadline::Immediate));
        assert_eq!(find("发现问题即知即改"), Some(WordedDeadline::Immediate));
        assert_eq!(find("此项长期坚持"), Some(WordedDeadline::LongTerm));
        assert_eq!(find("久久为功、常抓不懈"), None);
        let within = find("年内实现全覆盖").unwrap();
        assert_eq!(
            within.resolve(2023, date(2024, 1, 5)),
            Deadline::ByDate(date(2024, 12, 31))
        );
    }

    #[test]
    fn dates_that_are_not_deadlines_are_ignored() {
        assert_eq!(find("每月开展一次集中学习"), None);
        assert_eq!(find("6月召开了推进会"), None);
    }
}

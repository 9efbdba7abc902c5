//! Count sentences (查摆问题3个，已整改完成2项，1项持续推进) and checking them against the
//! outcomes reported item by item.
//!
//! A placeholder count (X项, xx个) is unknown: it is never read as zero and never checked.

use crate::error::Msg;
use crate::model::Status;

use super::status::phrases;
use super::text::{is_blank, parse_count, placeholder_len};

/// A number as a summary writes it: known, or a placeholder still to be filled in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Count {
    Known(u32),
    Unknown,
}

/// What one count sentence states about the problems of one year.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Tally {
    pub sentence: String,
    pub year: Option<i32>,
    pub total: Option<Count>,
    pub by_status: Vec<(Status, Count)>,
}

pub(super) const ALL_WORDS: &[&str] = &["全部", "均已", "全都", "悉数"];
const UNITS: &[char] = &['项', '个', '条', '件', '处', '类'];
const MEASURE_NOUNS: &[&str] = &["措施", "任务", "举措"];
const TOTAL_WORDS: &[&str] = &[
    "查摆", "梳理", "发现", "反馈", "检视", "存在", "共", "合计", "问题",
];

/// A count token (`3个`, `两项`, `X项`) in `s`: (start, end, count, measure-unit).
fn tokens(s: &str) -> Vec<(usize, usize, Count, bool)> {
    let mut out = Vec::new();
    let mut skip_to = 0;
    for (i, _) in s.char_indices() {
        if i < skip_to {
            continue;
        }
        let rest = &s[i..];
        let (count, len) = match parse_count(rest) {
            Some((n, len)) => (Count::Known(n), len),
            None => match placeholder_len(rest) {
                0 => continue,
                len => (Count::Unknown, len),
            },
        };
        let after = rest[len..].trim_start_matches(is_blank);
        let Some(unit) = after.chars().next().filter(|c| UNITS.contains(c)) else {
            continue;
        };
        let end = i + (rest.len() - after.len()) + unit.len_utf8();
        out.push((i, end, count, unit == '条'));
        skip_to = end;
    }
    out
}

/// Reads a count sentence about problems, if `sentence` is one (at least one status with a
/// count next to it). Sentences counting measures (…措施8条，已完成6条) are not about problems.
pub(super) fn read(sentence: &str, year: Option<i32>) -> Option<Tally> {
    let mut tally = Tally {
        sentence: sentence.trim().to_string(),
        year,
        total: None,
        by_status: Vec::new(),
    };
    let mut measures = false;
    for clause in sentence.split(['，', ',', '；', ';', '、', '。', '：', ':']) {
        let found = tokens(clause);
        if found.is_empty() {
            continue;
        }
        // The counted noun carries over to clauses that name none (措施8条，已完成6条).
        if MEASURE_NOUNS.iter().any(|n| clause.contains(n)) {
            measures = true;
        } else if clause.contains("问题") {
            measures = false;
        }
        let stated = phrases(clause);
        for &(start, end, count, by_the_clause) in &found {
            if measures || by_the_clause {
                continue;
            }
            // 3个问题中已完成整改2个: the count of problems is the total, the other a status count.
            let of_problems = clause[end..].starts_with("问题") || clause[..start].ends_with("共");
            let nearest = stated
                .iter()
                .min_by_key(|p| p.at.abs_diff(end).min((p.at + p.len).abs_diff(start)));
            match nearest {
                Some(p) if !of_problems => tally.by_status.push((p.status, count)),
                _ if (of_problems || TOTAL_WORDS.iter().any(|w| clause.contains(w)))
                    && tally.total.is_none() =>
                {
                    tally.total = Some(count);
                }
                _ => {}
            }
        }
    }
    // 查摆问题5个，已全部整改到位: all of them, with the one status.
    if let (Some(total), true) = (tally.total, tally.by_status.is_empty()) {
        let all = sentence
            .split(['，', ',', '；', ';', '。'])
            .find(|c| ALL_WORDS.iter().any(|w| c.contains(w)));
        if let Some(p) = all.and_then(|c| phrases(c).last().copied()) {
            tally.by_status.push((p.status, total));
        }
    }
    (!tally.by_status.is_empty()).then_some(tally)
}

/// Whether `sentence` is only a count sentence (its statuses all belong to counts).
/// A sentence about all of them at once (已全部整改销号) counts too: it names no one problem.
pub(super) fn is_count_sentence(sentence: &str) -> bool {
    read(sentence, None).is_some()
        || (!tokens(sentence).is_empty() && sentence.contains("完成率"))
        || ALL_WORDS.iter().any(|w| sentence.contains(w))
}

/// Warnings for a tally that disagrees with the outcomes reported for its year
/// (`reported` holds their statuses).
pub(super) fn check(tally: &Tally, reported: &[Status]) -> Vec<Msg> {
    let year = tally.year;
    let sentence = || tally.sentence.clone();
    let mut warnings = Vec::new();
    if reported.is_empty() {
        warnings.push(Msg::CountWithoutItems {
            sentence: sentence(),
            year,
        });
        return warnings;
    }
    for &(status, count) in &tally.by_status {
        let Count::Known(n) = count else { continue };
        let have = reported.iter().filter(|&&s| s == status).count();
        if n as usize != have {
            warnings.push(Msg::CountStatusDiffers {
                sentence: sentence(),
                year,
                status,
                said: n,
                have,
            });
        }
    }
    if let Some(Count::Known(total)) = tally.total {
        if total as usize != reported.len() {
            warnings.push(Msg::CountTotalDiffers {
                sentence: sentence(),
                year,
                said: total,
                have: reported.len(),
            });
        }
        let all_known: Option<u32> = tally
            .by_status
            .iter()
            .map(|(_, c)| match c {
                Count::Known(n) => Some(*n),
                Count::Unknown => None,
            })
            .sum();
        if let Some(sum) = all_known.filter(|&sum| sum != total) {
            warnings.push(Msg::CountDoesNotAddUp {
                sentence: sentence(),
                sum,
                total,
            });
        }
    }
    warnings
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_count_sentence_gives_counts_by_status() {
        let t = read("已整改完成2项，1项持续推进", Some(2022)).unwrap();
        assert_eq!(
            t.by_status,
            [
                (Status::Done, Count::Known(2)),
                (Status::InProgress, Count::Known(1))
            ]
        );
        let t = read("查摆问题3个，已完成整改两个，正在整改1个", None).unwrap();
        assert_eq!(t.total, Some(Count::Known(3)));
        assert_eq!(t.by_status.len(), 2);
    }

    #[test]
    fn all_of_a_stated_total_is_a_count() {
        let t = read("对上年度巡察反馈的5个问题，已全部整改到位", None).unwrap();
        assert_eq!(t.by_status, [(Status::Done, Count::Known(5))]);
    }

    #[test]
    fn the_count_of_problems_is_told_from_the_counts_by_status() {
        let t = read("3个问题中已完成整改2个，正在整改1个", None).unwrap();
        assert_eq!(t.total, Some(Count::Known(3)));
        assert_eq!(
            t.by_status,
            [
                (Status::Done, Count::Known(2)),
                (Status::InProgress, Count::Known(1))
            ]
        );
        let t = read("2023年度查摆的2个问题均已完成整改：", None).unwrap();
        assert_eq!(t.by_status, [(Status::Done, Count::Known(2))]);
    }

    #[test]
    fn placeholder_counts_are_unknown_never_zero() {
        let t = read("已整改完成X项，X项持续推进", None).unwrap();
        assert_eq!(t.by_status[0], (Status::Done, Count::Unknown));
        assert!(check(&t, &[Status::Done]).is_empty());
    }

    #[test]
    fn measure_counts_are_not_problem_counts() {
        assert!(read("制定整改措施8条，已完成6条", None).is_none());
        assert!(read("查摆问题3个，逐项制定措施，已整改到位X项", None).is_some());
    }

    #[test]
    fn a_disagreement_with_the_items_is_a_warning() {
        let t = read("已整改完成2项，1项持续推进", Some(2022)).unwrap();
        assert!(check(&t, &[Status::Done, Status::Done, Status::InProgress]).is_empty());
        let warnings = check(&t, &[Status::Done, Status::InProgress, Status::InProgress]);
        assert_eq!(warnings.len(), 2);
    }

    #[test]
    fn counts_that_do_not_add_up_are_a_warning() {
        let t = read("查摆问题4个，已整改完成2个，1个持续推进", Some(2022)).unwrap();
        let warnings = check(&t, &[Status::Done, Status::Done, Status::InProgress]);
        assert!(warnings.iter().any(|w| matches!(
            w,
            Msg::CountDoesNotAddUp {
                sum: 3,
                total: 4,
                ..
            }
        )));
    }

    #[test]
    fn sentences_without_a_counted_status_are_not_count_sentences() {
        assert!(read("理论学习不深入的问题已整改到位", None).is_none());
        assert!(read("开展集中学习12次", None).is_none());
    }
}

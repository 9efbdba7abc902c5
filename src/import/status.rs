//! Reading a rectification status from how the summary words it: 已完成整改/整改到位 → done,
//! 持续推进/正在整改 → in progress, 长期坚持 → long term, 尚未完成/未完成 → not done.
//!
//! The last status the text states wins, since the verdict usually closes the sentence
//! (已完成阶段性任务，仍在持续推进 is in progress; 已完成一半，整体尚未完成 is not done).
//! A done phrase right after a negation (未整改完成) reads as not done.

use crate::model::Status;

const NOT_DONE: &[&str] = &[
    "尚未完成",
    "未完成",
    "未能完成",
    "没有完成",
    "尚未整改",
    "未整改",
    "未到位",
    "尚未到位",
    "未按期",
    "未销号",
    "尚未解决",
    "未解决",
    "没有解决",
];

const IN_PROGRESS: &[&str] = &[
    "持续推进",
    "正在整改",
    "整改中",
    "正在推进",
    "推进中",
    "正在落实",
    "持续整改",
    "部分完成",
    "基本完成",
    "阶段性",
    "逐步推进",
    "初见成效",
    "有所改善",
    "有所好转",
    "正在进行",
];

const LONG_TERM: &[&str] = &["长期坚持", "长期整改", "长期推进", "需长期", "常抓不懈"];

const DONE: &[&str] = &[
    "已完成整改",
    "已整改完成",
    "整改完成",
    "已完成",
    "整改到位",
    "已整改",
    "已销号",
    "完成销号",
    "已解决",
    "得到解决",
    "得到有效解决",
    "已落实",
    "全部完成",
    "已按期完成",
    "完成整改",
];

/// Words that, just before a done phrase, negate it (未整改完成).
const NEGATIONS: &[&str] = &["未", "没有", "没", "尚未", "未能", "仍未"];

/// One status phrase found in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Phrase {
    pub at: usize,
    pub len: usize,
    pub status: Status,
}

/// Every status phrase in `s`, in order of position (a negated done phrase reads as not done).
pub(super) fn phrases(s: &str) -> Vec<Phrase> {
    let (matcher, statuses) = &*MATCHER;
    let mut found: Vec<(Phrase, usize)> = matcher
        .find_overlapping_iter(s)
        .map(|m| {
            let (status, order) = statuses[m.pattern().as_usize()];
            let at = m.start();
            let negated = status == Status::Done && NEGATIONS.iter().any(|n| s[..at].ends_with(n));
            let status = if negated { Status::NotDone } else { status };
            let phrase = Phrase {
                at,
                len: m.len(),
                status,
            };
            (phrase, order)
        })
        .collect();
    // At one position, the longest phrase first; then the order of the tables.
    found.sort_by_key(|(p, order)| (p.at, std::cmp::Reverse(p.len), *order));
    found.into_iter().map(|(p, _)| p).collect()
}

/// Every phrase of the tables in one automaton, with its status and its place in the tables.
static MATCHER: std::sync::LazyLock<(aho_corasick::AhoCorasick, Vec<(Status, usize)>)> =
    std::sync::LazyLock::new(|| {
        let tables: [(&[&str], Status); 4] = [
            (NOT_DONE, Status::NotDone),
            (IN_PROGRESS, Status::InProgress),
            (LONG_TERM, Status::LongTerm),
            (DONE, Status::Done),
        ];
        let (words, statuses): (Vec<&str>, Vec<(Status, usize)>) = tables
            .iter()
            .flat_map(|(words, status)| words.iter().map(move |w| (*w, *status)))
            .enumerate()
            .map(|(order, (w, status))| (w, (status, order)))
            .unzip();
        let matcher = super::wordlists::automaton(&words);
        (matcher, statuses)
    });

/// The status `s` states, if any (the last phrase in it).
pub fn status_of(s: &str) -> Option<Status> {
    phrases(s)
        .iter()
        .max_by_key(|p| p.at + p.len)
        .map(|p| p.status)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn done_phrases_read_as_done() {
        assert_eq!(status_of("目前已完成整改"), Some(Status::Done));
        assert_eq!(status_of("该问题已整改到位。"), Some(Status::Done));
    }

    #[test]
    fn a_negated_done_phrase_reads_as_not_done() {
        assert_eq!(
            status_of("尚未整改完成，原因是编制未批复"),
            Some(Status::NotDone)
        );
        assert_eq!(status_of("未完成"), Some(Status::NotDone));
        assert_eq!(status_of("已完成一半，整体尚未完成"), Some(Status::NotDone));
        assert_eq!(
            status_of("尚未完全解决，目前正在持续推进"),
            Some(Status::InProgress)
        );
    }

    #[test]
    fn the_last_stated_status_wins_otherwise() {
        assert_eq!(
            status_of("已完成阶段性任务，仍在持续推进"),
            Some(Status::InProgress)
        );
        assert_eq!(
            status_of("已建立制度，此项需长期坚持"),
            Some(Status::LongTerm)
        );
        assert_eq!(status_of("正在整改"), Some(Status::InProgress));
    }

    #[test]
    fn no_phrase_is_listed_twice() {
        let all: Vec<&str> = NOT_DONE
            .iter()
            .chain(IN_PROGRESS)
            .chain(LONG_TERM)
            .chain(DONE)
            .copied()
            .collect();
        let mut unique = all.clone();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(unique.len(), all.len());
    }

    #[test]
    fn text_without_a_status_has_none() {
        assert_eq!(status_of("组织集中学习12次"), None);
    }
}

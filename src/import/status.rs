//! Reading a rectification status from how the summary words it: 已完成整改/整改到位 → done,
//! 持续推进/正在整改 → in progress, 长期坚持 → long term, 尚未完成/未完成 → not done.
//!
//! The last status the text states wins, since the verdict usually closes the sentence
//! (已完成阶段性任务，仍在持续推进 is in progress; 已完成一半，整体尚未完成 is not done).
//! A done phrase right after a negation (未整改完成) reads as not done.

use crate::model::words::{status_words, Reader, NEGATIONS};
use crate::model::Status;

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
    // At one position, the longest phrase first; then the order of the table.
    found.sort_by_key(|(p, order)| (p.at, std::cmp::Reverse(p.len), *order));
    found.into_iter().map(|(p, _)| p).collect()
}

/// Every phrase a sentence may state a status with (see `model::words`) in one automaton, with
/// its status and its place in the table.
static MATCHER: std::sync::LazyLock<(aho_corasick::AhoCorasick, Vec<(Status, usize)>)> =
    std::sync::LazyLock::new(|| {
        let (words, statuses): (Vec<&str>, Vec<(Status, usize)>) = status_words(Reader::Prose)
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
    fn words_once_missing_from_one_table_are_read_in_sentences() {
        assert_eq!(status_of("各项工作正在有序推进"), Some(Status::InProgress));
        assert_eq!(status_of("久久为功、常抓不懈"), Some(Status::LongTerm));
    }

    #[test]
    fn text_without_a_status_has_none() {
        assert_eq!(status_of("组织集中学习12次"), None);
    }
}

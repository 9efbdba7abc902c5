//! Reading a status from a ledger's cell: the words ledgers use for one (已完成, 已整改, 正在推进,
//! 持续整改, 长期坚持 …; the table is `model::words`), mapped onto the six statuses.
//!
//! A cell may hold just the word or a sentence around it (已完成。印发了…; 目前尚未完成，原因是…).
//! The word that starts earliest wins, the longest at that place, so 尚未完成 is never read as 完成.

use crate::model::words::{status_words, Heard, Reader, STATUS_WORDS};
use crate::model::Status;

/// The status a cell states, with the word it was read from.
pub fn status_of(text: &str) -> Option<(Status, &'static str)> {
    let flat: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    if flat.is_empty() {
        return None;
    }
    if let Ok(status) = flat.parse::<Status>() {
        return Some((status, status.label_zh()));
    }
    // Words that mean a status only when they are the whole cell (是否完成: 是 / 否).
    if let Some(w) = STATUS_WORDS
        .iter()
        .find(|w| w.heard == Heard::AsWholeCell && w.word == flat)
    {
        return Some((w.status, w.word));
    }
    status_words(Reader::Cell)
        .filter_map(|(word, status)| flat.find(word).map(|at| (at, word, status)))
        .min_by(|a, b| a.0.cmp(&b.0).then(b.1.len().cmp(&a.1.len())))
        .map(|(_, word, status)| (status, word))
}

/// True when `text` says no more than its status word (已完成。), so it is not worth keeping as a
/// note.
pub fn is_only_the_word(text: &str, word: &str) -> bool {
    let rest: String = text
        .chars()
        .filter(|c| !c.is_whitespace() && !"。，,.；;！!".contains(*c))
        .collect();
    rest == word || rest.parse::<Status>().is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn status(text: &str) -> Option<Status> {
        status_of(text).map(|(s, _)| s)
    }

    #[test]
    fn the_usual_words_map_onto_the_six_statuses() {
        for (word, expected) in [
            ("已完成", Status::Done),
            ("已整改", Status::Done),
            ("完成", Status::Done),
            ("正在推进", Status::InProgress),
            ("持续整改", Status::InProgress),
            ("未完成", Status::NotDone),
            ("长期坚持", Status::LongTerm),
            ("未启动", Status::Planned),
            ("已撤销", Status::Dropped),
            ("done", Status::Done),
            ("正在整改", Status::InProgress),
            ("是", Status::Done),
        ] {
            assert_eq!(status(word), Some(expected), "{word}");
        }
    }

    #[test]
    fn a_negation_is_never_read_as_done() {
        assert_eq!(
            status("目前尚未完成，原因是资金未到位"),
            Some(Status::NotDone)
        );
        assert_eq!(status("未完成整改"), Some(Status::NotDone));
        assert_eq!(status("基本完成，剩余两项"), Some(Status::InProgress));
        assert_eq!(status("已完成整改。印发了管理办法"), Some(Status::Done));
    }

    #[test]
    fn text_without_a_status_word_has_no_status() {
        assert_eq!(status("已召开专题会议研究部署"), None);
        assert_eq!(status("  "), None);
        assert_eq!(status("长期有效"), None);
    }

    #[test]
    fn a_negated_closing_is_never_read_as_done() {
        assert_eq!(status("未销号"), Some(Status::NotDone));
        assert_eq!(status("尚未销号，待复核"), Some(Status::NotDone));
        assert_eq!(status("已销号"), Some(Status::Done));
    }

    #[test]
    fn a_bare_word_is_not_kept_as_a_note() {
        assert!(is_only_the_word("已完成。", "已完成"));
        assert!(!is_only_the_word("已完成。印发了管理办法", "已完成"));
    }
}

//! Tests of the vocabulary: every status has its words and labels, no word is listed twice, and
//! the worded deadlines resolve the same way for both readers.

use std::collections::HashSet;

use chrono::NaiveDate;

use super::*;
use crate::model::{end_of_month, Deadline, Status, WordedDeadline};

/// The statuses a summary's sentences state of an earlier year's item; it never writes 未启动 or
/// 已撤销 of one, and 未报告 is only derived.
const STATED_IN_PROSE: [Status; 4] = [
    Status::Done,
    Status::InProgress,
    Status::LongTerm,
    Status::NotDone,
];

#[test]
fn every_recordable_status_has_words_a_cell_may_hold() {
    for status in Status::ALL {
        let words: Vec<&str> = status_words(Reader::Cell)
            .filter(|(_, s)| *s == status)
            .map(|(w, _)| w)
            .collect();
        assert!(!words.is_empty(), "{status:?}");
        assert!(words.contains(&status.label_zh()), "{status:?}: {words:?}");
    }
}

#[test]
fn every_status_a_summary_states_has_words_a_sentence_may_hold() {
    for status in STATED_IN_PROSE {
        assert!(
            status_words(Reader::Prose).any(|(_, s)| s == status),
            "{status:?}"
        );
    }
    let prose: HashSet<Status> = status_words(Reader::Prose).map(|(_, s)| s).collect();
    assert_eq!(prose, STATED_IN_PROSE.into_iter().collect());
}

#[test]
fn the_words_both_readers_disagreed_on_are_read_by_both() {
    for (word, status) in [
        ("常抓不懈", Status::LongTerm),
        ("有序推进", Status::InProgress),
    ] {
        for reader in [Reader::Prose, Reader::Cell] {
            assert!(
                status_words(reader).any(|w| w == (word, status)),
                "{word} {reader:?}"
            );
        }
    }
    for word in ["立行立改", "即知即改", "立查立改", "马上就改"] {
        for reader in [Reader::Prose, Reader::Cell] {
            assert!(
                deadline_words(DeadlineWord::Immediate, reader).contains(&word),
                "{word} {reader:?}"
            );
        }
    }
}

#[test]
fn no_word_is_listed_twice() {
    let mut seen = HashSet::new();
    for w in STATUS_WORDS {
        assert!(seen.insert(w.word), "{}", w.word);
    }
    let mut seen = HashSet::new();
    for (word, _, _) in DEADLINE_WORDS {
        assert!(seen.insert(word), "{word}");
    }
}

#[test]
fn both_readers_have_words_for_an_immediate_and_an_ongoing_deadline() {
    for kind in [DeadlineWord::Immediate, DeadlineWord::LongTerm] {
        for reader in [Reader::Prose, Reader::Cell] {
            assert!(
                !deadline_words(kind, reader).is_empty(),
                "{kind:?} {reader:?}"
            );
        }
    }
    assert!(!deadline_words(DeadlineWord::YearEnd, Reader::Prose).is_empty());
}

#[test]
fn every_status_has_every_label_and_no_two_share_one() {
    let every = |label: fn(&Labels) -> &'static str| -> HashSet<&'static str> {
        Status::EVERY.iter().map(|s| label(s.labels())).collect()
    };
    let kinds: [fn(&Labels) -> &'static str; 5] = [
        |l| l.zh,
        |l| l.en,
        |l| l.zh_short,
        |l| l.en_short,
        |l| l.zh_counted,
    ];
    for label in kinds {
        let labels = every(label);
        assert_eq!(labels.len(), Status::EVERY.len(), "{labels:?}");
        assert!(labels.iter().all(|l| !l.trim().is_empty()));
    }
    for status in Status::EVERY {
        let l = status.labels();
        assert!(l.zh_counted.contains(l.zh), "{status:?}");
    }
    let tallied: HashSet<Status> = Status::TALLIED.into_iter().collect();
    assert_eq!(tallied, Status::EVERY.into_iter().collect());
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

#[test]
fn a_month_ends_on_its_last_day_leap_years_included() {
    assert_eq!(end_of_month(2024, 2), Some(date(2024, 2, 29)));
    assert_eq!(end_of_month(2025, 2), Some(date(2025, 2, 28)));
    assert_eq!(end_of_month(2025, 12), Some(date(2025, 12, 31)));
    assert_eq!(end_of_month(2025, 13), None);
}

#[test]
fn a_worded_deadline_without_a_year_falls_in_the_plan_year() {
    let recorded = date(2025, 1, 10);
    let resolve = |w: WordedDeadline| w.resolve(2024, recorded);
    assert_eq!(
        resolve(WordedDeadline::EndOfMonth {
            year: None,
            month: 6
        }),
        Deadline::ByDate(date(2025, 6, 30))
    );
    assert_eq!(
        resolve(WordedDeadline::OnDate {
            year: None,
            month: 2,
            day: 30
        }),
        Deadline::ByDate(date(2025, 2, 28))
    );
    assert_eq!(
        resolve(WordedDeadline::OnDate {
            year: Some(2024),
            month: 9,
            day: 30
        }),
        Deadline::ByDate(date(2024, 9, 30))
    );
    assert_eq!(
        resolve(WordedDeadline::Immediate),
        Deadline::Immediate(recorded)
    );
    assert_eq!(resolve(WordedDeadline::LongTerm), Deadline::LongTerm);
}

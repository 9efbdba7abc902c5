//! The statuses of an item, with their stored codes: the six a progress entry can record, and
//! 未报告, which only the ledger derives. Their labels and words are in [`super::words`].

use std::str::FromStr;

use serde::{Deserialize, Serialize};

use super::words::{status_words, Labels, Reader};
use crate::error::Error;

/// The six statuses of DESIGN.md, and `Unreported`. Overdue is not one of them: it is derived.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Planned,
    InProgress,
    Done,
    LongTerm,
    NotDone,
    Dropped,
    /// 未报告: a later summary reported on the item's year and said nothing of this item, and
    /// nothing else was recorded. Never recorded by a progress entry; the ledger derives it.
    Unreported,
}

impl Status {
    /// Every status, in the order tables and counts list them.
    pub const EVERY: [Status; 7] = [
        Status::Planned,
        Status::InProgress,
        Status::Done,
        Status::LongTerm,
        Status::NotDone,
        Status::Dropped,
        Status::Unreported,
    ];

    /// Every status in the order a report counts them and the figures sheets list them: the
    /// finished first, then the open, the dropped last.
    pub const TALLIED: [Status; 7] = [
        Status::Done,
        Status::InProgress,
        Status::LongTerm,
        Status::NotDone,
        Status::Planned,
        Status::Unreported,
        Status::Dropped,
    ];

    /// The statuses a progress entry can record.
    pub const ALL: [Status; 6] = [
        Status::Planned,
        Status::InProgress,
        Status::Done,
        Status::LongTerm,
        Status::NotDone,
        Status::Dropped,
    ];

    /// The stable code used in the store, JSON and CSV.
    pub fn code(self) -> &'static str {
        match self {
            Status::Planned => "planned",
            Status::InProgress => "in_progress",
            Status::Done => "done",
            Status::LongTerm => "long_term",
            Status::NotDone => "not_done",
            Status::Dropped => "dropped",
            Status::Unreported => "unreported",
        }
    }

    /// The Chinese label used in tables and reports (see [`Labels`]).
    pub fn label_zh(self) -> &'static str {
        Labels::of(self).zh
    }

    /// The English label used with `--lang en`.
    pub fn label_en(self) -> &'static str {
        Labels::of(self).en
    }

    /// Every label of the status: full and short, Chinese and English.
    pub fn labels(self) -> &'static Labels {
        Labels::of(self)
    }

    /// Closed statuses end the clock: an item in one of them is never overdue.
    pub fn is_closed(self) -> bool {
        matches!(self, Status::Done | Status::LongTerm | Status::Dropped)
    }

    /// Whether an item in this status can be overdue: an open status that is known. An
    /// unreported item is open, but nobody said it is unfinished, so it is listed apart.
    pub fn can_be_overdue(self) -> bool {
        !self.is_closed() && self != Status::Unreported
    }

    /// Every word accepted for each status a progress entry can record, one status a line, for
    /// `progress --help`: `done: 已完成, 完成, 已整改, 整改到位 …`.
    pub fn accepted_words() -> String {
        Status::ALL
            .iter()
            .map(|&status| {
                let mut words = vec![status.label_zh()];
                if status.label_en() != status.code() {
                    words.push(status.label_en());
                }
                for (word, _) in status_words(Reader::Cell).filter(|(_, s)| *s == status) {
                    if !words.contains(&word) {
                        words.push(word);
                    }
                }
                format!("  {}: {}", status.code(), words.join(", "))
            })
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// The statuses, as a user may type them, for error messages.
    pub fn valid_inputs() -> String {
        Status::ALL
            .iter()
            .map(|s| format!("{} ({})", s.code(), s.label_zh()))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

impl Status {
    /// Reads any status, `unreported` (未报告) included: for filters, not for progress entries.
    pub fn parse_any(text: &str) -> Result<Self, Error> {
        Status::find(&Status::EVERY, text)
    }

    fn find(among: &[Status], text: &str) -> Result<Self, Error> {
        let wanted = text.trim();
        among
            .iter()
            .copied()
            .find(|s| {
                s.code().eq_ignore_ascii_case(wanted)
                    || s.label_zh() == wanted
                    || s.label_en().eq_ignore_ascii_case(wanted)
                    || s.code().replace('_', "-").eq_ignore_ascii_case(wanted)
                    || status_words(Reader::Cell).any(|w| w == (wanted, *s))
            })
            .ok_or_else(|| Error::UnknownStatus(text.to_string()))
    }
}

impl FromStr for Status {
    type Err = Error;

    /// Accepts the code (`done`), the Chinese label (`已完成`), the English label, or one of the
    /// words a ledger cell may hold for it (整改到位, 推进中 …; see [`super::words`]) of a status a
    /// progress entry can record.
    fn from_str(text: &str) -> Result<Self, Error> {
        Status::find(&Status::ALL, text)
    }
}

//! The statuses of an item, with their stored codes and their Chinese and English labels: the six
//! a progress entry can record, and 未报告, which only the ledger derives.

use std::str::FromStr;

use serde::{Deserialize, Serialize};

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

    /// The Chinese label used in tables and reports.
    pub fn label_zh(self) -> &'static str {
        match self {
            Status::Planned => "未启动",
            Status::InProgress => "正在整改",
            Status::Done => "已完成",
            Status::LongTerm => "长期坚持",
            Status::NotDone => "未完成",
            Status::Dropped => "已撤销",
            Status::Unreported => "未报告",
        }
    }

    /// The English label used with `--lang en`.
    pub fn label_en(self) -> &'static str {
        match self {
            Status::Planned => "planned",
            Status::InProgress => "in progress",
            Status::Done => "done",
            Status::LongTerm => "long-term",
            Status::NotDone => "not done",
            Status::Dropped => "dropped",
            Status::Unreported => "not reported",
        }
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
            })
            .ok_or_else(|| Error::UnknownStatus(text.to_string()))
    }
}

impl FromStr for Status {
    type Err = Error;

    /// Accepts the code (`done`), the Chinese label (`已完成`), or the English label of a status
    /// a progress entry can record.
    fn from_str(text: &str) -> Result<Self, Error> {
        Status::find(&Status::ALL, text)
    }
}

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
                for (word, _) in STATUS_WORDS.iter().filter(|(_, s)| *s == status) {
                    if !words.contains(word) {
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

/// The words ledgers and users write for a status, and the status each means: the one list the
/// ledger reader searches cells for and `progress --status` / `status --status` accept as written.
/// Order does not matter: the ledger reader takes the earliest, longest word in a cell.
pub const STATUS_WORDS: &[(&str, Status)] = &[
    ("已完成", Status::Done),
    ("已整改", Status::Done),
    ("完成", Status::Done),
    ("整改完成", Status::Done),
    ("完成整改", Status::Done),
    ("已完成整改", Status::Done),
    ("已整改到位", Status::Done),
    ("整改到位", Status::Done),
    ("已办结", Status::Done),
    ("办结", Status::Done),
    ("已落实", Status::Done),
    ("已解决", Status::Done),
    ("销号", Status::Done),
    ("已销号", Status::Done),
    ("正在推进", Status::InProgress),
    ("正在整改", Status::InProgress),
    ("整改中", Status::InProgress),
    ("推进中", Status::InProgress),
    ("进行中", Status::InProgress),
    ("持续整改", Status::InProgress),
    ("持续推进", Status::InProgress),
    ("基本完成", Status::InProgress),
    ("部分完成", Status::InProgress),
    ("阶段性完成", Status::InProgress),
    ("正在落实", Status::InProgress),
    ("落实中", Status::InProgress),
    ("有序推进", Status::InProgress),
    ("长期坚持", Status::LongTerm),
    ("长期整改", Status::LongTerm),
    ("持续坚持", Status::LongTerm),
    ("长期推进", Status::LongTerm),
    ("常态化推进", Status::LongTerm),
    ("未完成", Status::NotDone),
    ("尚未完成", Status::NotDone),
    ("未整改", Status::NotDone),
    ("未完成整改", Status::NotDone),
    ("未按期完成", Status::NotDone),
    ("逾期未完成", Status::NotDone),
    ("没有完成", Status::NotDone),
    ("未销号", Status::NotDone),
    ("尚未销号", Status::NotDone),
    ("未启动", Status::Planned),
    ("尚未启动", Status::Planned),
    ("未开始", Status::Planned),
    ("待启动", Status::Planned),
    ("计划中", Status::Planned),
    ("已撤销", Status::Dropped),
    ("撤销", Status::Dropped),
    ("已取消", Status::Dropped),
    ("不再整改", Status::Dropped),
];

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
                    || STATUS_WORDS.contains(&(wanted, *s))
            })
            .ok_or_else(|| Error::UnknownStatus(text.to_string()))
    }
}

impl FromStr for Status {
    type Err = Error;

    /// Accepts the code (`done`), the Chinese label (`已完成`), the English label, or one of the
    /// [`STATUS_WORDS`] (整改到位, 推进中 …) of a status a progress entry can record.
    fn from_str(text: &str) -> Result<Self, Error> {
        Status::find(&Status::ALL, text)
    }
}

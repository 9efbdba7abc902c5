//! An item's status together with where it comes from (its basis), as the ledger derives it.
//!
//! The rules that choose the basis live in `analysis::status`; this file only names the bases and
//! prints them, so every table, export and report says "已完成（据2023年度总结）" the same way.

use serde::Serialize;

use super::{ItemId, Status};

/// Where an item's status comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Basis {
    /// Nothing recorded on the item, its problems or its measures: 未启动.
    Nothing,
    /// The item's own latest progress entry.
    Own,
    /// A problem without a newer entry of its own: derived from its measures.
    Measures,
    /// A measure without a newer entry of its own: the latest entry of a problem it answers (a
    /// later summary's outcome, or progress logged on the problem).
    Reported {
        problem: ItemId,
        /// The year of the summary the problem's entry was read from, when it was imported.
        summary_year: Option<i32>,
    },
    /// The year-`summary_year` summary reported on the item's year but not on this item, and
    /// nothing else was recorded: 未报告.
    Unreported { summary_year: i32 },
}

/// An item's status as of a date and where it comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Standing {
    pub status: Status,
    pub basis: Basis,
}

impl Standing {
    /// The stable code of the basis, for JSON and CSV.
    pub fn basis_code(&self) -> &'static str {
        match self.basis {
            Basis::Nothing => "nothing",
            Basis::Own => "own",
            Basis::Measures => "measures",
            Basis::Reported { .. } => "reported",
            Basis::Unreported { .. } => "unreported",
        }
    }

    /// The problem a derived measure status was taken from.
    pub fn source(&self) -> Option<ItemId> {
        match self.basis {
            Basis::Reported { problem, .. } => Some(problem),
            _ => None,
        }
    }

    /// The summary year behind a reported or unreported status.
    pub fn summary_year(&self) -> Option<i32> {
        match self.basis {
            Basis::Reported { summary_year, .. } => summary_year,
            Basis::Unreported { summary_year } => Some(summary_year),
            _ => None,
        }
    }

    /// The status as tables show it: `已完成（据2023年度总结）` when taken from a problem's
    /// reported outcome, `已完成（据P1）` when from progress logged on the problem.
    pub fn label_zh(&self) -> String {
        self.with_source(
            self.status.label_zh(),
            |year| format!("（据{year}年度总结）"),
            "（据",
            "）",
            "",
        )
    }

    /// The English form of [`Standing::label_zh`].
    pub fn label_en(&self) -> String {
        self.with_source(
            self.status.label_en(),
            |year| format!(" (per the {year} summary)"),
            " (per ",
            ")",
            "",
        )
    }

    /// The status for a narrow table cell: the status on the first line and where it comes from
    /// on the second, shortened (`已完成` ⏎ `（据2023总结）`), so the column stays narrow.
    pub fn cell_zh(&self) -> String {
        self.with_source(
            self.status.label_zh(),
            |year| format!("（据{year}总结）"),
            "（据",
            "）",
            "\n",
        )
    }

    /// The English form of [`Standing::cell_zh`].
    pub fn cell_en(&self) -> String {
        self.with_source(
            self.status.label_en(),
            |year| format!("(per {year} summary)"),
            "(per ",
            ")",
            "\n",
        )
    }

    /// `label` followed (after `gap`) by where a reported status comes from: the summary year
    /// as `summary` writes it, else the problem between `open` and `close`.
    fn with_source(
        &self,
        label: &str,
        summary: impl Fn(i32) -> String,
        open: &str,
        close: &str,
        gap: &str,
    ) -> String {
        match self.basis {
            Basis::Reported {
                summary_year: Some(year),
                ..
            } => format!("{label}{gap}{}", summary(year)),
            Basis::Reported { problem, .. } => format!("{label}{gap}{open}{problem}{close}"),
            _ => label.to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_status_taken_from_a_summary_names_the_summary() {
        let s = Standing {
            status: Status::Done,
            basis: Basis::Reported {
                problem: ItemId::problem(1),
                summary_year: Some(2023),
            },
        };
        assert_eq!(s.label_zh(), "已完成（据2023年度总结）");
        assert_eq!(s.label_en(), "done (per the 2023 summary)");
        assert_eq!(s.cell_zh(), "已完成\n（据2023总结）");
        assert_eq!(s.source(), Some(ItemId::problem(1)));
    }

    #[test]
    fn a_status_taken_from_progress_on_a_problem_names_the_problem() {
        let s = Standing {
            status: Status::InProgress,
            basis: Basis::Reported {
                problem: ItemId::problem(4),
                summary_year: None,
            },
        };
        assert_eq!(s.label_zh(), "正在整改（据P4）");
        assert_eq!(s.basis_code(), "reported");
    }

    #[test]
    fn an_own_status_is_printed_plain() {
        let s = Standing {
            status: Status::Unreported,
            basis: Basis::Unreported { summary_year: 2023 },
        };
        assert_eq!(s.label_zh(), "未报告");
        assert_eq!(s.summary_year(), Some(2023));
    }
}

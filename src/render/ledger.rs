//! The status table (`taizhang status`).

use chrono::NaiveDate;
use serde::Serialize;

use super::paint::Tone;
use super::records::{csv_list, csv_opt, Column, Record};
use super::table::{shorten, Cell};
use super::{deadline_label, Lang};
use crate::analysis::LedgerRow;
use crate::model::{ItemId, ItemKind, Status};

/// Display width a terminal table gives an item's text before shortening it.
const TEXT_WIDTH: usize = 36;

/// One ledger row in its stable machine shape (README: "status").
#[derive(Debug, Serialize)]
pub struct LedgerRecord<'a> {
    pub id: ItemId,
    pub uuid: &'a str,
    pub kind: ItemKind,
    pub unit: &'a str,
    pub year: i32,
    pub category: Option<&'a str>,
    pub title: Option<&'a str>,
    pub text: &'a str,
    pub owner: &'a str,
    pub leader: Option<&'a str>,
    pub owner_dept: Option<&'a str>,
    pub co_depts: &'a [String],
    pub owner_person: Option<&'a str>,
    pub links: &'a [ItemId],
    pub deadline_kind: Option<&'static str>,
    pub due: Option<NaiveDate>,
    pub status: Status,
    pub last_progress: Option<NaiveDate>,
    pub overdue: bool,
    pub days_overdue: Option<i64>,
    pub days_left: Option<i64>,
    /// Where the status comes from: `own`, `measures`, `reported`, `unreported` or `nothing`.
    pub status_basis: &'static str,
    /// For a measure whose status is taken from a problem: that problem.
    pub status_from: Option<ItemId>,
    /// The summary year behind a `reported` or `unreported` status.
    pub reported_in: Option<i32>,
    #[serde(skip)]
    row: &'a LedgerRow,
}

impl<'a> From<&'a LedgerRow> for LedgerRecord<'a> {
    fn from(row: &'a LedgerRow) -> Self {
        LedgerRecord {
            id: row.id,
            uuid: &row.uuid,
            kind: row.kind(),
            unit: &row.unit,
            year: row.year,
            category: row.category.as_deref(),
            title: row.title.as_deref(),
            text: &row.text,
            owner: &row.owner_summary,
            leader: row.owner.leader.as_deref(),
            owner_dept: row.owner.owner_dept.as_deref(),
            co_depts: &row.owner.co_depts,
            owner_person: row.owner.owner_person.as_deref(),
            links: &row.links,
            deadline_kind: row.deadline.map(|d| d.kind_code()),
            due: row.deadline.and_then(|d| d.due()),
            status: row.status,
            last_progress: row.last_progress,
            overdue: row.days_overdue.is_some(),
            days_overdue: row.days_overdue,
            days_left: row.days_left,
            status_basis: row.standing().basis_code(),
            status_from: row.standing().source(),
            reported_in: row.standing().summary_year(),
            row,
        }
    }
}

impl LedgerRecord<'_> {
    /// The row's deadline, as computed.
    pub fn deadline(&self) -> Option<crate::model::Deadline> {
        self.row.deadline
    }

    /// The row's status with its basis.
    pub fn standing(&self) -> crate::model::Standing {
        self.row.standing()
    }
}

impl Record for LedgerRecord<'_> {
    const CSV_HEADER: &'static [&'static str] = &[
        "id",
        "uuid",
        "kind",
        "unit",
        "year",
        "category",
        "title",
        "text",
        "owner",
        "leader",
        "owner_dept",
        "co_depts",
        "owner_person",
        "links",
        "deadline_kind",
        "due",
        "status",
        "last_progress",
        "overdue",
        "days_overdue",
        "days_left",
        "status_basis",
        "status_from",
        "reported_in",
    ];

    const COLUMNS: &'static [Column] = &[
        Column::fixed("编号", "ID"),
        Column::wrapping("单位", "Unit"),
        Column::fixed("年度", "Year"),
        Column::wrapping("内容", "Item"),
        Column::wrapping("责任", "Owner"),
        Column::fixed("时限", "Deadline"),
        Column::fixed("状态", "Status"),
        Column::spare("最近进展", "Last progress"),
        Column::fixed("预警", "Alert"),
    ];

    fn csv_row(&self) -> Vec<String> {
        vec![
            self.id.to_string(),
            self.uuid.to_string(),
            self.kind.code().to_string(),
            self.unit.to_string(),
            self.year.to_string(),
            csv_opt(&self.category),
            csv_opt(&self.title),
            self.text.to_string(),
            self.owner.to_string(),
            csv_opt(&self.leader),
            csv_opt(&self.owner_dept),
            csv_list(self.co_depts),
            csv_opt(&self.owner_person),
            csv_list(self.links),
            csv_opt(&self.deadline_kind),
            csv_opt(&self.due),
            self.status.code().to_string(),
            csv_opt(&self.last_progress),
            self.overdue.to_string(),
            csv_opt(&self.days_overdue),
            csv_opt(&self.days_left),
            self.status_basis.to_string(),
            csv_opt(&self.status_from),
            csv_opt(&self.reported_in),
        ]
    }

    fn human_row(&self, lang: Lang, full: bool) -> Vec<String> {
        let text = match self.title {
            Some(title) if !full => title.to_string(),
            _ => self.text.to_string(),
        };
        vec![
            self.id.to_string(),
            self.unit.to_string(),
            self.year.to_string(),
            if full {
                text
            } else {
                shorten(&text, TEXT_WIDTH)
            },
            self.owner.to_string(),
            deadline_label(self.row.deadline, lang),
            if full {
                lang.standing(self.row.standing())
            } else {
                lang.standing_cell(self.row.standing())
            },
            self.last_progress
                .map(|d| d.to_string())
                .unwrap_or_default(),
            alert(self.days_overdue, self.days_left, lang),
        ]
    }
}

impl LedgerRecord<'_> {
    /// The cells of a terminal table with their colours: the status green when done, the alert
    /// red when overdue and yellow when due within [`DUE_SOON_DAYS`].
    fn painted_row(&self, lang: Lang) -> Vec<Cell> {
        let status = (self.status == Status::Done).then_some(Tone::Done);
        let alert = light(self.days_overdue, self.days_left).map(|(tone, _)| tone);
        self.human_row(lang, false)
            .into_iter()
            .enumerate()
            .map(|(index, text)| match index {
                STATUS_COLUMN => Cell::toned(text, status),
                ALERT_COLUMN => Cell::toned(text, alert),
                _ => Cell::from(text),
            })
            .collect()
    }
}

/// Where the status and the alert are among [`LedgerRecord::COLUMNS`].
const STATUS_COLUMN: usize = 6;
const ALERT_COLUMN: usize = 8;

/// Days before an open item falls due that its alert shows (the yellow light).
pub const DUE_SOON_DAYS: i64 = 30;

/// The red light (overdue, with the days overdue) or the yellow one (due within 30 days, with the
/// days left), if either is on.
fn light(days_overdue: Option<i64>, days_left: Option<i64>) -> Option<(Tone, i64)> {
    match (days_overdue, days_left) {
        (Some(days), _) => Some((Tone::Overdue, days)),
        (None, Some(days)) if days <= DUE_SOON_DAYS => Some((Tone::DueSoon, days)),
        _ => None,
    }
}

/// The red light (逾期N天) or the yellow one (剩N天, due within 30 days); empty otherwise.
fn alert(days_overdue: Option<i64>, days_left: Option<i64>, lang: Lang) -> String {
    match light(days_overdue, days_left) {
        Some((Tone::Overdue, days)) => match lang {
            Lang::Zh => format!("逾期{days}天"),
            Lang::En => format!("{days}d overdue"),
        },
        Some((_, days)) => match lang {
            Lang::Zh => format!("剩{days}天"),
            Lang::En => format!("due in {days}d"),
        },
        None => String::new(),
    }
}

mod printer;

pub use printer::{print, LedgerPrinter};

//! `taizhang undo --list`: the recent operations, newest first.

use serde::Serialize;

use super::records::{csv_opt, Column, Record};
use super::Lang;
use crate::model::Operation;

/// An operation in its stable machine shape (README: "undo --list").
#[derive(Debug, Serialize)]
pub struct OperationRecord<'a> {
    pub id: i64,
    pub at: &'a str,
    pub actor: &'a str,
    pub command: &'a str,
    pub changes: i64,
    pub reverts: Option<i64>,
    pub undone_by: Option<i64>,
}

impl<'a> From<&'a Operation> for OperationRecord<'a> {
    fn from(op: &'a Operation) -> Self {
        OperationRecord {
            id: op.id,
            at: &op.at,
            actor: &op.actor,
            command: &op.command,
            changes: op.changes,
            reverts: op.reverts,
            undone_by: op.undone_by,
        }
    }
}

/// A timestamp as people read it: `2026-01-15 09:30`.
pub fn when(at: &str) -> String {
    at.get(..16).unwrap_or(at).replace('T', " ")
}

impl Record for OperationRecord<'_> {
    const CSV_HEADER: &'static [&'static str] = &[
        "id",
        "at",
        "actor",
        "command",
        "changes",
        "reverts",
        "undone_by",
    ];

    const COLUMNS: &'static [Column] = &[
        Column::fixed("编号", "Op"),
        Column::fixed("时间", "When"),
        Column::fixed("操作人", "Who"),
        Column::wrapping("命令", "Command"),
        Column::fixed("改动", "Changes"),
        Column::fixed("状态", "State"),
    ];

    fn csv_row(&self) -> Vec<String> {
        vec![
            self.id.to_string(),
            self.at.to_string(),
            self.actor.to_string(),
            self.command.to_string(),
            self.changes.to_string(),
            csv_opt(&self.reverts),
            csv_opt(&self.undone_by),
        ]
    }

    fn human_row(&self, lang: Lang, _full: bool) -> Vec<String> {
        let state = match (self.undone_by, self.reverts, lang) {
            (Some(by), _, Lang::Zh) => format!("已由 {by} 撤销"),
            (Some(by), _, Lang::En) => format!("undone by {by}"),
            (None, Some(target), Lang::Zh) => format!("撤销了 {target}"),
            (None, Some(target), Lang::En) => format!("undid {target}"),
            (None, None, _) => String::new(),
        };
        vec![
            self.id.to_string(),
            when(self.at),
            self.actor.to_string(),
            self.command.to_string(),
            self.changes.to_string(),
            state,
        ]
    }
}

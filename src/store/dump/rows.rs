//! The row types of a [`Dump`](super::Dump): one struct per table, with every column, and
//! references to other rows as UUIDs.

use serde::{Deserialize, Serialize};
use serde_json::Value;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UnitRow {
    pub id: i64,
    pub uuid: String,
    pub name: String,
    pub created_at: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AliasRow {
    pub alias: String,
    /// The unit's UUID.
    pub unit: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocumentRow {
    pub id: i64,
    pub uuid: String,
    pub unit: String,
    pub year: i64,
    pub file_name: Option<String>,
    pub sha256: String,
    pub imported_at: String,
    pub body: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProblemRow {
    pub id: i64,
    pub uuid: String,
    pub unit: String,
    pub year: i64,
    pub category: Option<String>,
    pub text: String,
    /// The document's UUID.
    pub document: Option<String>,
    pub position: Option<i64>,
    pub created_at: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MeasureRow {
    pub id: i64,
    pub uuid: String,
    pub unit: String,
    pub year: i64,
    pub title: Option<String>,
    pub text: String,
    pub leader: Option<String>,
    pub owner_dept: Option<String>,
    pub owner_person: Option<String>,
    pub deadline_kind: String,
    pub due: Option<String>,
    pub document: Option<String>,
    pub position: Option<i64>,
    pub created_at: String,
    /// 建章立制 as the user set it (`new`, `revise`, `abolish`, `none`); absent when it is read
    /// from the words, and in dumps written before it could be set.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub institution: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CoDeptRow {
    pub measure: String,
    pub position: i64,
    pub dept: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LinkRow {
    pub problem: String,
    pub measure: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProgressRow {
    pub id: i64,
    pub uuid: String,
    /// `problem` or `measure`.
    pub kind: String,
    /// The item's UUID.
    pub item: String,
    pub status: String,
    pub date: String,
    pub note: Option<String>,
    pub document: Option<String>,
    pub created_at: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EvidenceRow {
    /// The progress entry's UUID.
    pub progress: String,
    pub position: i64,
    pub reference: String,
    pub size_bytes: Option<i64>,
    pub sha256: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CarryRow {
    pub from: String,
    pub to: String,
    pub created_at: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RecurrenceRow {
    pub earlier: String,
    pub later: String,
    pub decision: String,
    pub score: Option<f64>,
    pub decided_at: String,
    pub actor: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventRow {
    pub id: i64,
    pub uuid: String,
    pub at: String,
    pub actor: String,
    pub item: String,
    pub item_uuid: String,
    pub action: String,
    /// The event's detail object.
    pub detail: Value,
    /// The detail's stored text, only when it is not exactly `detail` written compactly.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail_text: Option<String>,
}

impl EventRow {
    /// The detail as it is stored.
    pub fn stored_detail(&self) -> String {
        self.detail_text
            .clone()
            .unwrap_or_else(|| self.detail.to_string())
    }
}

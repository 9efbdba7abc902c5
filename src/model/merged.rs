//! What a merge did: rows added and updated per table, renumbered items, conflicts and notes.
//!
//! Plain serialisable values: the store's merge steps fill them in (`store::MergeReport` is this
//! `Merged`) and `render::exchange::merges` prints them, without either naming the other.

use serde::Serialize;

use super::ItemId;

/// Rows per table.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct MergedCounts {
    pub units: usize,
    pub aliases: usize,
    pub documents: usize,
    pub problems: usize,
    pub measures: usize,
    pub links: usize,
    pub progress: usize,
    pub evidence: usize,
    pub carry_overs: usize,
    pub recurrences: usize,
    pub events: usize,
}

impl MergedCounts {
    pub fn total(&self) -> usize {
        self.units
            + self.aliases
            + self.documents
            + self.problems
            + self.measures
            + self.links
            + self.progress
            + self.evidence
            + self.carry_overs
            + self.recurrences
            + self.events
    }
}

/// What a merge did.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Merged {
    /// Rows that were not here before.
    pub added: MergedCounts,
    /// Rows here that took the other store's newer fields.
    pub updated: MergedCounts,
    /// Items that came in under another id because theirs was taken here.
    pub renumbered: Vec<Renumbered>,
    /// Items with fields changed both here and there: this store's values of those were kept.
    pub conflicts: Vec<Conflict>,
    /// Other things worth knowing.
    pub notes: Vec<MergeNote>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Renumbered {
    pub uuid: String,
    pub from: ItemId,
    pub to: ItemId,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Conflict {
    /// The item's id here.
    pub id: ItemId,
    pub uuid: String,
    /// The fields changed on both sides (or with no event to explain the difference): this
    /// store's values were kept.
    pub fields: Vec<String>,
    /// The differing fields this store changed since the copies parted.
    pub this_edited: Vec<String>,
    /// The differing fields the other store changed since the copies parted.
    pub other_edited: Vec<String>,
    /// The fields only the other store changed, taken from it.
    pub taken: Vec<String>,
}

/// Something a merge did not do, or did in a way worth telling.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum MergeNote {
    /// A unit of the other store was taken as this store's unit of that name or alias.
    UnitByName { name: String, unit: String },
    /// An alias of theirs names another unit here; it was not added.
    AliasTaken { alias: String, unit: String },
    /// An item of theirs was deleted here; it was not brought back.
    DeletedHere { id: String, uuid: String },
    /// An item they deleted was deleted here too.
    Deleted { id: ItemId, uuid: String },
    /// An item they deleted has changes or progress here; it was kept.
    KeptDeleted { id: ItemId, uuid: String },
    /// A document differs here and there; this store's text was kept.
    DocumentKept {
        uuid: String,
        file_name: Option<String>,
    },
    /// A carry-over of theirs goes into a measure carried from another one here.
    CarryKept { to: ItemId },
    /// A recurrence decision differs and this store's is the later one.
    DecisionKept { earlier: ItemId, later: ItemId },
}

//! The whole store as plain rows: what `export --json` writes and what `merge` brings in.
//!
//! [`Dump`] has one list per table, each in rowid order, with every column; references between
//! rows are UUIDs (so that a dump can be merged into any store) and each row keeps its own id (so
//! that a dump loaded into an empty store gives back the same store). [`read_dump`] reads it from
//! a connection; [`open_other`] opens another store read-only (never migrating or touching it).
//!
//! The row types live in `rows`, reading from a store in `read`; this file holds [`Dump`] itself
//! and what can be asked of one in memory.

mod read;
mod rows;

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

pub use read::{open_other, read_dump};
pub use rows::{
    AliasRow, CarryRow, CoDeptRow, DocumentRow, EventRow, EvidenceRow, LinkRow, MeasureRow,
    ProblemRow, ProgressRow, RecurrenceRow, UnitRow,
};

/// Every row of a store.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dump {
    pub units: Vec<UnitRow>,
    pub unit_aliases: Vec<AliasRow>,
    pub documents: Vec<DocumentRow>,
    pub problems: Vec<ProblemRow>,
    pub measures: Vec<MeasureRow>,
    pub measure_co_depts: Vec<CoDeptRow>,
    pub links: Vec<LinkRow>,
    pub progress: Vec<ProgressRow>,
    pub evidence: Vec<EvidenceRow>,
    pub carry_overs: Vec<CarryRow>,
    pub recurrences: Vec<RecurrenceRow>,
    pub events: Vec<EventRow>,
}

impl Dump {
    /// The part of the dump that belongs to the unit with this UUID: its aliases, documents,
    /// items, their links, progress, evidence, carry-overs, recurrences and events.
    pub fn only_unit(&self, unit: &str) -> Dump {
        let problems: Vec<ProblemRow> = self
            .problems
            .iter()
            .filter(|p| p.unit == unit)
            .cloned()
            .collect();
        let measures: Vec<MeasureRow> = self
            .measures
            .iter()
            .filter(|m| m.unit == unit)
            .cloned()
            .collect();
        let documents: Vec<DocumentRow> = self
            .documents
            .iter()
            .filter(|d| d.unit == unit)
            .cloned()
            .collect();
        let mut kept: HashSet<&str> = HashSet::from([unit]);
        kept.extend(problems.iter().map(|p| p.uuid.as_str()));
        kept.extend(measures.iter().map(|m| m.uuid.as_str()));
        kept.extend(documents.iter().map(|d| d.uuid.as_str()));
        let progress: Vec<ProgressRow> = self
            .progress
            .iter()
            .filter(|p| kept.contains(p.item.as_str()))
            .cloned()
            .collect();
        let entries: HashSet<&str> = progress.iter().map(|p| p.uuid.as_str()).collect();
        Dump {
            units: self
                .units
                .iter()
                .filter(|u| u.uuid == unit)
                .cloned()
                .collect(),
            unit_aliases: self
                .unit_aliases
                .iter()
                .filter(|a| a.unit == unit)
                .cloned()
                .collect(),
            measure_co_depts: self
                .measure_co_depts
                .iter()
                .filter(|c| kept.contains(c.measure.as_str()))
                .cloned()
                .collect(),
            links: self
                .links
                .iter()
                .filter(|l| kept.contains(l.problem.as_str()) && kept.contains(l.measure.as_str()))
                .cloned()
                .collect(),
            evidence: self
                .evidence
                .iter()
                .filter(|e| entries.contains(e.progress.as_str()))
                .cloned()
                .collect(),
            carry_overs: self
                .carry_overs
                .iter()
                .filter(|c| kept.contains(c.from.as_str()) && kept.contains(c.to.as_str()))
                .cloned()
                .collect(),
            recurrences: self
                .recurrences
                .iter()
                .filter(|r| kept.contains(r.earlier.as_str()) && kept.contains(r.later.as_str()))
                .cloned()
                .collect(),
            events: self
                .events
                .iter()
                .filter(|e| kept.contains(e.item_uuid.as_str()))
                .cloned()
                .collect(),
            documents,
            problems,
            measures,
            progress,
        }
    }

    /// The UUID of the unit named `name` (by name or alias) in the dump, if any.
    pub fn find_unit(&self, name: &str) -> Option<&UnitRow> {
        let name = name.trim();
        self.units.iter().find(|u| u.name == name).or_else(|| {
            let alias = self.unit_aliases.iter().find(|a| a.alias == name)?;
            self.units.iter().find(|u| u.uuid == alias.unit)
        })
    }

    /// True when the dump holds no rows at all.
    pub fn is_empty(&self) -> bool {
        self.units.is_empty() && self.events.is_empty()
    }
}

//! Bringing another store's rows (a [`Dump`]) into this one, keyed by UUID.
//!
//! A row whose UUID is here already is the same row; a new row keeps its id when that id is free
//! here and gets the next free one when not (so a dump loaded into an empty store gives back the
//! same store). Units are matched by UUID, else by name or alias. Links, co-operating
//! departments, progress, evidence, carry-overs, recurrence decisions and events follow their
//! items by UUID. Nothing is ever duplicated, so merging the same rows twice changes nothing.
//!
//! When an item is here and there with different fields, the event log decides field by field
//! (`fields`): a field only the other store changed is taken, a field only this store changed is
//! kept, and a field changed on both sides (in either direction of merging) keeps this store's
//! value, is reported as a conflict naming what each side changed, and is recorded once as a
//! `merge` event on the item. Both sides' events always join the history.
//!
//! This file holds the entry point and the state of one merge; each step lives in a submodule
//! named for the rows it merges, and the report types in `report`.

mod check;
mod documents;
mod events;
mod fields;
mod items;
mod links;
mod progress;
mod units;

use std::collections::{HashMap, HashSet};

use anyhow::Context;
use rusqlite::{Connection, OptionalExtension};

// The report is plain values of the model, so that `render` prints it without naming the store.
pub use crate::model::{
    Conflict, MergeNote as Note, Merged as MergeReport, MergedCounts as Counts, Renumbered,
};

use super::dump::{Dump, EventRow};
use crate::error::messages::Record;
use crate::error::{Error, Refusal, Result};
use crate::model::ItemId;

/// Who merges, when, and from where (for the conflict events and messages).
#[derive(Debug, Clone, Copy)]
pub struct MergeOptions<'a> {
    /// The file the rows come from, as the user named it.
    pub source: &'a str,
    pub at: &'a str,
    pub actor: &'a str,
}

/// Merges `dump` into the store behind `conn` (the caller's transaction). A dump with rows that
/// point at UUIDs it does not hold is refused whole, before anything is written.
pub fn merge(conn: &Connection, dump: &Dump, options: &MergeOptions<'_>) -> Result<MergeReport> {
    let unplaced = check::unplaced(dump);
    if let Some(first) = unplaced.first() {
        return Err(Refusal::MergeUnplaced {
            path: options.source.to_string(),
            first: first.clone(),
            more: unplaced.len() - 1,
        }
        .into());
    }
    let mut merger = Merger::new(conn, dump, options)?;
    merger.units()?;
    merger.aliases()?;
    merger.documents()?;
    merger.problems()?;
    merger.measures()?;
    merger.co_depts()?;
    merger.links()?;
    merger.progress()?;
    merger.evidence()?;
    merger.carry_overs()?;
    merger.recurrences()?;
    merger.events()?;
    merger.conflict_events()?;
    merger.deletions()?;
    Ok(merger.report)
}

/// One of this store's events, as the merge needs it.
struct OurEvent {
    uuid: String,
    action: String,
    detail: serde_json::Value,
}

/// Refuses another store that fails SQLite's `integrity_check` (run before anything is read
/// from it or written here).
pub fn check_other(conn: &Connection, path: &std::path::Path) -> Result<()> {
    let verdict: rusqlite::Result<String> =
        conn.query_row("PRAGMA integrity_check(1)", [], |r| r.get(0));
    match verdict {
        Ok(verdict) if verdict == "ok" => Ok(()),
        _ => Err(Error::DamagedStoreToMerge(path.to_path_buf())),
    }
}

/// The state of one merge: the id each of their UUIDs has here, and what we had before.
struct Merger<'a> {
    conn: &'a Connection,
    dump: &'a Dump,
    options: &'a MergeOptions<'a>,
    report: MergeReport,
    units: HashMap<&'a str, i64>,
    documents: HashMap<&'a str, i64>,
    problems: HashMap<&'a str, i64>,
    measures: HashMap<&'a str, i64>,
    new_measures: HashSet<&'a str>,
    new_progress: HashMap<&'a str, i64>,
    /// Our events before the merge of the items the dump holds or names, by item UUID, oldest
    /// first.
    our_events: HashMap<String, Vec<OurEvent>>,
    /// Their events, by item UUID.
    their_events: HashMap<&'a str, Vec<&'a EventRow>>,
    /// Conflict events to append once their events are in: (item id, uuid, detail).
    pending: Vec<(ItemId, String, serde_json::Value)>,
}

impl<'a> Merger<'a> {
    fn new(conn: &'a Connection, dump: &'a Dump, options: &'a MergeOptions<'a>) -> Result<Self> {
        let our_events = our_events(conn, dump)?;
        let mut their_events: HashMap<&str, Vec<&EventRow>> = HashMap::new();
        for event in &dump.events {
            their_events
                .entry(event.item_uuid.as_str())
                .or_default()
                .push(event);
        }
        Ok(Merger {
            conn,
            dump,
            options,
            report: MergeReport::default(),
            units: HashMap::new(),
            documents: HashMap::new(),
            problems: HashMap::new(),
            measures: HashMap::new(),
            new_measures: HashSet::new(),
            new_progress: HashMap::new(),
            our_events,
            their_events,
            pending: Vec::new(),
        })
    }

    /// The error for a dump with a row that refers to a `kind` of row it does not hold.
    fn missing(&self, kind: Record, uuid: &str) -> Error {
        Refusal::MergeMissing {
            path: self.options.source.to_string(),
            kind,
            uuid: uuid.to_string(),
        }
        .into()
    }

    fn unit_id(&self, uuid: &str) -> Result<i64> {
        self.units
            .get(uuid)
            .copied()
            .ok_or_else(|| self.missing("unit", uuid))
    }

    fn document_id(&self, uuid: Option<&String>) -> Result<Option<i64>> {
        uuid.map(|u| {
            self.documents
                .get(u.as_str())
                .copied()
                .ok_or_else(|| self.missing("document", u))
        })
        .transpose()
    }
}

/// Our events of the items the dump holds or its events name (all the merge compares), by item
/// UUID, oldest first: one search of `events_item` an item, not a read of the whole log, so a
/// merge costs what the dump holds, not what this store holds.
fn our_events(conn: &Connection, dump: &Dump) -> Result<HashMap<String, Vec<OurEvent>>> {
    let items: HashSet<&str> = dump
        .units
        .iter()
        .map(|u| u.uuid.as_str())
        .chain(dump.problems.iter().map(|p| p.uuid.as_str()))
        .chain(dump.measures.iter().map(|m| m.uuid.as_str()))
        .chain(dump.events.iter().map(|e| e.item_uuid.as_str()))
        .collect();
    let mut stmt = conn.prepare(OUR_EVENTS_SQL).context("read events")?;
    let mut events = HashMap::new();
    for item in items {
        let rows = stmt
            .query_map([item], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                ))
            })
            .and_then(|rows| rows.collect::<rusqlite::Result<Vec<_>>>())
            .context("read events")?;
        if rows.is_empty() {
            continue;
        }
        let list: Vec<OurEvent> = rows
            .into_iter()
            .map(|(uuid, action, detail)| OurEvent {
                uuid,
                action,
                detail: serde_json::from_str(&detail).unwrap_or_default(),
            })
            .collect();
        events.insert(item.to_string(), list);
    }
    Ok(events)
}

/// One item's events, oldest first: ?1 its UUID.
const OUR_EVENTS_SQL: &str =
    "SELECT uuid, action, detail FROM events WHERE item_uuid = ?1 ORDER BY id";

/// The id of the row with this UUID in `table`, if there is one.
fn id_by_uuid(conn: &Connection, table: &str, uuid: &str) -> Result<Option<i64>> {
    let id = conn
        .query_row(
            &format!("SELECT id FROM {table} WHERE uuid = ?1"),
            [uuid],
            |r| r.get(0),
        )
        .optional()
        .with_context(|| format!("find {table} row"))?;
    Ok(id)
}

/// `wanted` when no row of `table` has it, else the next id after the largest.
fn free_id(conn: &Connection, table: &str, wanted: i64) -> Result<i64> {
    if wanted > 0 {
        let taken: bool = conn
            .query_row(
                &format!("SELECT EXISTS (SELECT 1 FROM {table} WHERE id = ?1)"),
                [wanted],
                |r| r.get(0),
            )
            .with_context(|| format!("check {table} id"))?;
        if !taken {
            return Ok(wanted);
        }
    }
    let next = conn
        .query_row(
            &format!("SELECT coalesce(max(id), 0) + 1 FROM {table}"),
            [],
            |r| r.get(0),
        )
        .with_context(|| format!("next {table} id"))?;
    Ok(next)
}

#[cfg(test)]
mod tests;

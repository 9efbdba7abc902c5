//! Bringing another store's rows (a [`Dump`]) into this one, keyed by UUID.
//!
//! A row whose UUID is here already is the same row; a new row keeps its id when that id is free
//! here and gets the next free one when not (so a dump loaded into an empty store gives back the
//! same store). Units are matched by UUID, else by name or alias. Links, co-operating
//! departments, progress, evidence, carry-overs, recurrence decisions and events follow their
//! items by UUID. Nothing is ever duplicated, so merging the same rows twice changes nothing.
//!
//! When an item is here and there with different fields, the event log decides: if only the
//! other store has edits this one lacks, this store takes the other's fields (it is a newer copy);
//! otherwise this store keeps its own fields, the other's events join the history, and the
//! conflict is reported and recorded once as a `merge` event on the item.

mod items;

use std::collections::{HashMap, HashSet};

use anyhow::Context;
use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;

use super::dump::{Dump, EventRow};
use crate::error::{Error, Result};
use crate::model::ItemId;

/// Who merges, when, and from where (for the conflict events and messages).
#[derive(Debug, Clone, Copy)]
pub struct MergeOptions<'a> {
    /// The file the rows come from, as the user named it.
    pub source: &'a str,
    pub at: &'a str,
    pub actor: &'a str,
}

/// Rows per table.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
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

impl Counts {
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
pub struct MergeReport {
    /// Rows that were not here before.
    pub added: Counts,
    /// Rows here that took the other store's newer fields.
    pub updated: Counts,
    /// Items that came in under another id because theirs was taken here.
    pub renumbered: Vec<Renumbered>,
    /// Items changed differently here and there: this store's fields were kept.
    pub conflicts: Vec<Conflict>,
    /// Other things worth knowing.
    pub notes: Vec<Note>,
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
    /// The fields that differ.
    pub fields: Vec<String>,
}

/// Something a merge did not do, or did in a way worth telling.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Note {
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

/// Merges `dump` into the store behind `conn` (the caller's transaction).
pub fn merge(conn: &Connection, dump: &Dump, options: &MergeOptions<'_>) -> Result<MergeReport> {
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
    /// Our events before the merge, by item UUID: (event UUID, action).
    our_events: HashMap<String, Vec<(String, String)>>,
    /// Their events, by item UUID.
    their_events: HashMap<&'a str, Vec<&'a EventRow>>,
    /// Conflict events to append once their events are in: (item id, uuid, detail).
    pending: Vec<(ItemId, String, serde_json::Value)>,
}

impl<'a> Merger<'a> {
    fn new(conn: &'a Connection, dump: &'a Dump, options: &'a MergeOptions<'a>) -> Result<Self> {
        let mut our_events: HashMap<String, Vec<(String, String)>> = HashMap::new();
        {
            let mut stmt = conn
                .prepare("SELECT item_uuid, uuid, action FROM events ORDER BY id")
                .context("read events")?;
            let rows = stmt
                .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get(1)?, r.get(2)?)))
                .and_then(|rows| rows.collect::<rusqlite::Result<Vec<_>>>())
                .context("read events")?;
            for (item, uuid, action) in rows {
                our_events.entry(item).or_default().push((uuid, action));
            }
        }
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

    /// The error for a dump whose rows refer to rows it does not hold.
    fn inconsistent(&self, what: &str) -> Error {
        Error::invalid(format!(
            "{} is inconsistent ({what}); export it again from its store",
            self.options.source
        ))
    }

    fn unit_id(&self, uuid: &str) -> Result<i64> {
        self.units.get(uuid).copied().ok_or_else(|| {
            self.inconsistent(&format!(
                "a row refers to unit {uuid}, which it does not hold"
            ))
        })
    }

    fn document_id(&self, uuid: Option<&String>) -> Result<Option<i64>> {
        uuid.map(|u| {
            self.documents.get(u.as_str()).copied().ok_or_else(|| {
                self.inconsistent(&format!(
                    "a row refers to document {u}, which it does not hold"
                ))
            })
        })
        .transpose()
    }

    fn units(&mut self) -> Result<()> {
        let dump = self.dump;
        for unit in &dump.units {
            if let Some(id) = id_by_uuid(self.conn, "units", &unit.uuid)? {
                self.units.insert(&unit.uuid, id);
                continue;
            }
            if let Some(ours) = super::find_unit(self.conn, &unit.name)? {
                self.report.notes.push(Note::UnitByName {
                    name: unit.name.clone(),
                    unit: ours.name,
                });
                self.units.insert(&unit.uuid, ours.id);
                continue;
            }
            let id = free_id(self.conn, "units", unit.id)?;
            self.conn
                .execute(
                    "INSERT INTO units (id, uuid, name, created_at) VALUES (?1, ?2, ?3, ?4)",
                    params![id, unit.uuid, unit.name, unit.created_at],
                )
                .context("insert unit")?;
            self.units.insert(&unit.uuid, id);
            self.report.added.units += 1;
        }
        Ok(())
    }

    fn aliases(&mut self) -> Result<()> {
        let dump = self.dump;
        for alias in &dump.unit_aliases {
            let unit = self.unit_id(&alias.unit)?;
            match super::find_unit(self.conn, &alias.alias)? {
                Some(owner) if owner.id == unit => {}
                Some(owner) => self.report.notes.push(Note::AliasTaken {
                    alias: alias.alias.clone(),
                    unit: owner.name,
                }),
                None => {
                    self.conn
                        .execute(
                            "INSERT INTO unit_aliases (alias, unit_id) VALUES (?1, ?2)",
                            params![alias.alias, unit],
                        )
                        .context("insert unit alias")?;
                    self.report.added.aliases += 1;
                }
            }
        }
        Ok(())
    }

    fn documents(&mut self) -> Result<()> {
        let dump = self.dump;
        for doc in &dump.documents {
            let ours = self
                .conn
                .query_row(
                    "SELECT id, sha256, imported_at FROM documents WHERE uuid = ?1",
                    [&doc.uuid],
                    |r| {
                        Ok((
                            r.get::<_, i64>(0)?,
                            r.get::<_, String>(1)?,
                            r.get::<_, String>(2)?,
                        ))
                    },
                )
                .optional()
                .context("find document")?;
            match ours {
                Some((id, sha256, imported_at)) => {
                    self.documents.insert(&doc.uuid, id);
                    if sha256 == doc.sha256 {
                        continue;
                    }
                    if doc.imported_at > imported_at {
                        self.conn
                            .execute(
                                "UPDATE documents SET file_name = ?2, sha256 = ?3, body = ?4,
                                 imported_at = ?5 WHERE id = ?1",
                                params![id, doc.file_name, doc.sha256, doc.body, doc.imported_at],
                            )
                            .context("update document")?;
                        self.report.updated.documents += 1;
                    } else {
                        self.report.notes.push(Note::DocumentKept {
                            uuid: doc.uuid.clone(),
                            file_name: doc.file_name.clone(),
                        });
                    }
                }
                None => {
                    let unit = self.unit_id(&doc.unit)?;
                    let id = free_id(self.conn, "documents", doc.id)?;
                    self.conn
                        .execute(
                            "INSERT INTO documents (id, uuid, unit_id, year, file_name, sha256, body,
                                                    imported_at)
                             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                            params![
                                id,
                                doc.uuid,
                                unit,
                                doc.year,
                                doc.file_name,
                                doc.sha256,
                                doc.body,
                                doc.imported_at
                            ],
                        )
                        .context("insert document")?;
                    self.documents.insert(&doc.uuid, id);
                    self.report.added.documents += 1;
                }
            }
        }
        Ok(())
    }

    fn co_depts(&mut self) -> Result<()> {
        let dump = self.dump;
        for row in &dump.measure_co_depts {
            if !self.new_measures.contains(row.measure.as_str()) {
                continue;
            }
            let measure = self.measures[row.measure.as_str()];
            self.conn
                .execute(
                    "INSERT INTO measure_co_depts (measure_id, position, dept) VALUES (?1, ?2, ?3)",
                    params![measure, row.position, row.dept],
                )
                .context("insert co-operating department")?;
        }
        Ok(())
    }

    fn links(&mut self) -> Result<()> {
        let dump = self.dump;
        for link in &dump.links {
            let (Some(&p), Some(&m)) = (
                self.problems.get(link.problem.as_str()),
                self.measures.get(link.measure.as_str()),
            ) else {
                continue;
            };
            let added = super::link(self.conn, ItemId::measure(m), ItemId::problem(p))?;
            self.report.added.links += usize::from(added);
        }
        Ok(())
    }

    fn progress(&mut self) -> Result<()> {
        let dump = self.dump;
        for entry in &dump.progress {
            if id_by_uuid(self.conn, "progress", &entry.uuid)?.is_some() {
                continue;
            }
            let (problem, measure) = match entry.kind.as_str() {
                "problem" => (self.problems.get(entry.item.as_str()).copied(), None),
                "measure" => (None, self.measures.get(entry.item.as_str()).copied()),
                other => {
                    return Err(self.inconsistent(&format!("a progress entry is on a '{other}'")))
                }
            };
            if problem.is_none() && measure.is_none() {
                continue;
            }
            let document = self.document_id(entry.document.as_ref())?;
            let id = free_id(self.conn, "progress", entry.id)?;
            self.conn
                .execute(
                    "INSERT INTO progress (id, uuid, problem_id, measure_id, status, date, note,
                                           document_id, created_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                    params![
                        id,
                        entry.uuid,
                        problem,
                        measure,
                        entry.status,
                        entry.date,
                        entry.note,
                        document,
                        entry.created_at
                    ],
                )
                .context("insert progress entry")?;
            self.new_progress.insert(&entry.uuid, id);
            self.report.added.progress += 1;
        }
        Ok(())
    }

    fn evidence(&mut self) -> Result<()> {
        let dump = self.dump;
        for e in &dump.evidence {
            let Some(&progress) = self.new_progress.get(e.progress.as_str()) else {
                continue;
            };
            self.conn
                .execute(
                    "INSERT INTO evidence (progress_id, position, reference, size_bytes, sha256)
                     VALUES (?1, ?2, ?3, ?4, ?5)",
                    params![progress, e.position, e.reference, e.size_bytes, e.sha256],
                )
                .context("insert evidence")?;
            self.report.added.evidence += 1;
        }
        Ok(())
    }

    fn carry_overs(&mut self) -> Result<()> {
        let dump = self.dump;
        for carry in &dump.carry_overs {
            let (Some(&from), Some(&to)) = (
                self.measures.get(carry.from.as_str()),
                self.measures.get(carry.to.as_str()),
            ) else {
                continue;
            };
            let existing: Option<i64> = self
                .conn
                .query_row(
                    "SELECT from_measure FROM carry_overs WHERE to_measure = ?1",
                    [to],
                    |r| r.get(0),
                )
                .optional()
                .context("find carry-over")?;
            match existing {
                Some(f) if f == from => {}
                Some(_) => self.report.notes.push(Note::CarryKept {
                    to: ItemId::measure(to),
                }),
                None => {
                    self.conn
                        .execute(
                            "INSERT INTO carry_overs (from_measure, to_measure, created_at)
                             VALUES (?1, ?2, ?3)",
                            params![from, to, carry.created_at],
                        )
                        .context("insert carry-over")?;
                    self.report.added.carry_overs += 1;
                }
            }
        }
        Ok(())
    }

    fn recurrences(&mut self) -> Result<()> {
        let dump = self.dump;
        for r in &dump.recurrences {
            let (Some(&earlier), Some(&later)) = (
                self.problems.get(r.earlier.as_str()),
                self.problems.get(r.later.as_str()),
            ) else {
                continue;
            };
            let ours: Option<(String, String)> = self
                .conn
                .query_row(
                    "SELECT decision, decided_at FROM recurrences
                     WHERE earlier_problem = ?1 AND later_problem = ?2",
                    [earlier, later],
                    |row| Ok((row.get(0)?, row.get(1)?)),
                )
                .optional()
                .context("find recurrence decision")?;
            match ours {
                None => {
                    self.conn
                        .execute(
                            "INSERT INTO recurrences (earlier_problem, later_problem, decision, score,
                                                      decided_at, actor)
                             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                            params![earlier, later, r.decision, r.score, r.decided_at, r.actor],
                        )
                        .context("insert recurrence decision")?;
                    self.report.added.recurrences += 1;
                }
                Some((decision, _)) if decision == r.decision => {}
                Some((_, decided_at)) if r.decided_at > decided_at => {
                    self.conn
                        .execute(
                            "UPDATE recurrences SET decision = ?3, score = ?4, decided_at = ?5,
                                    actor = ?6
                             WHERE earlier_problem = ?1 AND later_problem = ?2",
                            params![earlier, later, r.decision, r.score, r.decided_at, r.actor],
                        )
                        .context("update recurrence decision")?;
                    self.report.updated.recurrences += 1;
                }
                Some(_) => self.report.notes.push(Note::DecisionKept {
                    earlier: ItemId::problem(earlier),
                    later: ItemId::problem(later),
                }),
            }
        }
        Ok(())
    }

    fn events(&mut self) -> Result<()> {
        let dump = self.dump;
        for event in &dump.events {
            if id_by_uuid(self.conn, "events", &event.uuid)?.is_some() {
                continue;
            }
            let id = free_id(self.conn, "events", event.id)?;
            insert_event(
                self.conn,
                id,
                &event.uuid,
                &event.at,
                &event.actor,
                &event.item,
                &event.item_uuid,
                &event.action,
                &event.stored_detail(),
            )?;
            self.report.added.events += 1;
        }
        Ok(())
    }

    /// Records each conflict once: the event's UUID is derived from the two versions.
    fn conflict_events(&mut self) -> Result<()> {
        for (id, item_uuid, detail) in std::mem::take(&mut self.pending) {
            let uuid = derived_uuid(&format!("merge-conflict\0{item_uuid}\0{detail}"));
            if id_by_uuid(self.conn, "events", &uuid)?.is_some() {
                continue;
            }
            let event_id = free_id(self.conn, "events", 0)?;
            let mut detail = detail;
            detail["source"] = serde_json::Value::from(self.options.source);
            insert_event(
                self.conn,
                event_id,
                &uuid,
                self.options.at,
                self.options.actor,
                &id.to_string(),
                &item_uuid,
                "merge",
                &detail.to_string(),
            )?;
        }
        Ok(())
    }

    /// Items the other store deleted: deleted here too when nothing happened to them here that
    /// the other store does not know of, else kept and reported.
    fn deletions(&mut self) -> Result<()> {
        let deleted: Vec<&EventRow> = self
            .dump
            .events
            .iter()
            .filter(|e| e.action == "delete")
            .collect();
        for event in deleted {
            let uuid = event.item_uuid.as_str();
            if self.problems.contains_key(uuid) || self.measures.contains_key(uuid) {
                continue;
            }
            let Some(id) = items::local_item(self.conn, uuid)? else {
                continue;
            };
            let theirs: HashSet<&str> = self
                .their_events
                .get(uuid)
                .map(|es| es.iter().map(|e| e.uuid.as_str()).collect())
                .unwrap_or_default();
            let only_here = self
                .our_events
                .get(uuid)
                .is_some_and(|ours| ours.iter().any(|(u, _)| !theirs.contains(u.as_str())));
            let (progress, _) = super::attachments(self.conn, id)?;
            if only_here || progress > 0 || items::is_referenced(self.conn, id)? {
                self.report.notes.push(Note::KeptDeleted {
                    id,
                    uuid: uuid.to_string(),
                });
            } else {
                super::delete_item(self.conn, id)?;
                self.report.notes.push(Note::Deleted {
                    id,
                    uuid: uuid.to_string(),
                });
            }
        }
        Ok(())
    }

    /// Whether this store and the other have each edited the item in ways the other lacks.
    fn edited(&self, uuid: &str) -> (bool, bool) {
        let ours: Vec<&(String, String)> = self
            .our_events
            .get(uuid)
            .map(|v| v.iter().collect())
            .unwrap_or_default();
        let theirs: Vec<&EventRow> = self.their_events.get(uuid).cloned().unwrap_or_default();
        let our_ids: HashSet<&str> = ours.iter().map(|(u, _)| u.as_str()).collect();
        let their_ids: HashSet<&str> = theirs.iter().map(|e| e.uuid.as_str()).collect();
        let ours_only = ours
            .iter()
            .any(|(u, action)| action == "edit" && !their_ids.contains(u.as_str()));
        let theirs_only = theirs
            .iter()
            .any(|e| e.action == "edit" && !our_ids.contains(e.uuid.as_str()));
        (ours_only, theirs_only)
    }

    /// True when this store deleted the item with this UUID.
    fn deleted_here(&self, uuid: &str) -> bool {
        self.our_events
            .get(uuid)
            .is_some_and(|events| events.iter().any(|(_, action)| action == "delete"))
    }
}

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

#[allow(clippy::too_many_arguments)]
fn insert_event(
    conn: &Connection,
    id: i64,
    uuid: &str,
    at: &str,
    actor: &str,
    item: &str,
    item_uuid: &str,
    action: &str,
    detail: &str,
) -> Result<()> {
    conn.execute(
        "INSERT INTO events (id, uuid, at, actor, item, item_uuid, action, detail)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![id, uuid, at, actor, item, item_uuid, action, detail],
    )
    .context("insert event")?;
    Ok(())
}

/// A UUID-shaped name derived from `seed`, the same every time (version 8: custom).
fn derived_uuid(seed: &str) -> String {
    use sha2::{Digest, Sha256};
    let mut bytes: [u8; 16] = Sha256::digest(seed.as_bytes())[..16]
        .try_into()
        .expect("16 bytes of a 32-byte hash");
    bytes[6] = (bytes[6] & 0x0f) | 0x80;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    uuid::Uuid::from_bytes(bytes).to_string()
}

#[cfg(test)]
mod tests;

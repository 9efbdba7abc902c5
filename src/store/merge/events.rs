//! Merging the event log and what it decides: their events join ours, each conflict is recorded
//! once as a `merge` event, items they deleted are deleted here too unless this store has events,
//! progress or references they lack, and who edited an item decides whose fields win (`items`).

use std::collections::{BTreeMap, HashSet};

use anyhow::Context;
use rusqlite::{params, Connection};

use super::fields::{self, Mark};
use super::{free_id, id_by_uuid, items, Merger, Note, OurEvent};
use crate::error::Result;
use crate::store::dump::EventRow;

impl Merger<'_> {
    pub(super) fn events(&mut self) -> Result<()> {
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
    pub(super) fn conflict_events(&mut self) -> Result<()> {
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
    pub(super) fn deletions(&mut self) -> Result<()> {
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
                .is_some_and(|ours| ours.iter().any(|e| !theirs.contains(e.uuid.as_str())));
            let (progress, _) = crate::store::attachments(self.conn, id)?;
            if only_here || progress > 0 || items::is_referenced(self.conn, id)? {
                self.report.notes.push(Note::KeptDeleted {
                    id,
                    uuid: uuid.to_string(),
                });
            } else {
                crate::store::delete_item(self.conn, id)?;
                self.report.notes.push(Note::Deleted {
                    id,
                    uuid: uuid.to_string(),
                });
            }
        }
        Ok(())
    }

    /// What each side did to the item's fields since the copies parted: (ours, theirs), from
    /// the events each side has and the other lacks.
    pub(super) fn marks(&self, uuid: &str) -> (BTreeMap<String, Mark>, BTreeMap<String, Mark>) {
        let ours: &[OurEvent] = self.our_events.get(uuid).map_or(&[], Vec::as_slice);
        let theirs: &[&EventRow] = self.their_events.get(uuid).map_or(&[], Vec::as_slice);
        let our_ids: HashSet<&str> = ours.iter().map(|e| e.uuid.as_str()).collect();
        let their_ids: HashSet<&str> = theirs.iter().map(|e| e.uuid.as_str()).collect();
        let our_marks = fields::marks(
            ours.iter()
                .filter(|e| !their_ids.contains(e.uuid.as_str()))
                .map(|e| (e.action.as_str(), &e.detail)),
        );
        let their_marks = fields::marks(
            theirs
                .iter()
                .filter(|e| !our_ids.contains(e.uuid.as_str()))
                .map(|e| (e.action.as_str(), &e.detail)),
        );
        (our_marks, their_marks)
    }

    /// True when this store deleted the item with this UUID.
    pub(super) fn deleted_here(&self, uuid: &str) -> bool {
        self.our_events
            .get(uuid)
            .is_some_and(|events| events.iter().any(|e| e.action == "delete"))
    }
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
pub(super) fn derived_uuid(seed: &str) -> String {
    use sha2::{Digest, Sha256};
    let mut bytes: [u8; 16] = Sha256::digest(seed.as_bytes())[..16]
        .try_into()
        .expect("16 bytes of a 32-byte hash");
    bytes[6] = (bytes[6] & 0x0f) | 0x80;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    uuid::Uuid::from_bytes(bytes).to_string()
}

//! Operations: every writing command is one, and one can be undone.
//!
//! `Store::transaction` opens an operation (a row of `operations`); the schema's triggers log,
//! under it, the statement that reverts each change to a ledger table (schema step 5). Undoing
//! runs an operation's statements newest first inside a new operation, so an undo is an
//! operation like any other and can itself be undone. Events are never removed: an undo appends
//! an `undo` event to the history of every item the operation touched.

use anyhow::Context;
use rusqlite::{params, Connection, OptionalExtension};

use crate::error::{Error, Result};
use crate::model::Operation;

/// Who runs the command, when, and what it is (the command line), for the operation's row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OperationMeta {
    pub at: String,
    pub actor: String,
    pub command: String,
    /// For an undo: the operation it reverts.
    pub reverts: Option<i64>,
}

impl Default for OperationMeta {
    fn default() -> Self {
        OperationMeta {
            at: String::new(),
            actor: String::new(),
            command: "taizhang".to_string(),
            reverts: None,
        }
    }
}

/// Starts an operation; the triggers log the changes that follow under it.
pub(super) fn begin(conn: &Connection, meta: &OperationMeta) -> rusqlite::Result<i64> {
    super::cached_execute(
        conn,
        "INSERT INTO operations (uuid, at, actor, command, reverts) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![
            super::new_uuid(),
            meta.at,
            meta.actor,
            meta.command,
            meta.reverts
        ],
    )?;
    Ok(conn.last_insert_rowid())
}

/// The newest operation of the store.
pub(super) fn latest(conn: &Connection) -> rusqlite::Result<Option<i64>> {
    super::cached_query_row(conn, "SELECT max(id) FROM operations", [], |r| r.get(0))
}

/// Drops the operation again when it changed nothing (a command that found nothing to do).
pub(super) fn finish(conn: &Connection, id: i64) -> rusqlite::Result<()> {
    super::cached_execute(
        conn,
        "DELETE FROM operations WHERE id = ?1
         AND NOT EXISTS (SELECT 1 FROM undo_log WHERE operation = ?1)
         AND NOT EXISTS (SELECT 1 FROM events WHERE operation = ?1)",
        [id],
    )?;
    Ok(())
}

/// The undo that currently reverts `id`, if any (an undo that was undone does not count).
fn undone_by(conn: &Connection, id: i64) -> Result<Option<i64>> {
    let undos: Vec<i64> = {
        let mut stmt = conn
            .prepare_cached("SELECT id FROM operations WHERE reverts = ?1 ORDER BY id")
            .context("read undos")?;
        let rows = stmt
            .query_map([id], |r| r.get(0))
            .and_then(|rows| rows.collect::<rusqlite::Result<Vec<i64>>>())
            .context("read undos")?;
        rows
    };
    for undo in undos.into_iter().rev() {
        if undone_by(conn, undo)?.is_none() {
            return Ok(Some(undo));
        }
    }
    Ok(None)
}

/// The columns `operation_from_row` reads.
const OPERATION_COLUMNS: &str = "o.id, o.at, o.actor, o.command, o.reverts,
     (SELECT count(*) FROM undo_log l WHERE l.operation = o.id)";

fn operation_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Operation> {
    Ok(Operation {
        id: r.get(0)?,
        at: r.get(1)?,
        actor: r.get(2)?,
        command: r.get(3)?,
        reverts: r.get(4)?,
        undone_by: None,
        changes: r.get(5)?,
    })
}

/// The latest operations, newest first.
pub fn list_operations(conn: &Connection, limit: usize) -> Result<Vec<Operation>> {
    let mut stmt = conn
        .prepare(&format!(
            "SELECT {OPERATION_COLUMNS} FROM operations o ORDER BY o.id DESC LIMIT ?1"
        ))
        .context("list operations")?;
    let rows = stmt
        .query_map([limit as i64], operation_from_row)
        .and_then(|rows| rows.collect::<rusqlite::Result<Vec<_>>>())
        .context("list operations")?;
    rows.into_iter()
        .map(|mut op| {
            op.undone_by = undone_by(conn, op.id)?;
            Ok(op)
        })
        .collect()
}

/// The operation `undo` without an id reverts: the latest one that is neither undone nor an undo
/// itself (so repeated `undo` steps further back).
pub fn last_undoable(conn: &Connection) -> Result<Option<i64>> {
    let mut stmt = conn
        .prepare("SELECT id FROM operations WHERE reverts IS NULL ORDER BY id DESC")
        .context("find the last operation")?;
    let ids = stmt
        .query_map([], |r| r.get::<_, i64>(0))
        .and_then(|rows| rows.collect::<rusqlite::Result<Vec<_>>>())
        .context("find the last operation")?;
    for id in ids {
        if undone_by(conn, id)?.is_none() {
            return Ok(Some(id));
        }
    }
    Ok(None)
}

/// Reads one operation.
pub fn get_operation(conn: &Connection, id: i64) -> Result<Option<Operation>> {
    let op = super::cached_query_row(
        conn,
        &format!("SELECT {OPERATION_COLUMNS} FROM operations o WHERE o.id = ?1"),
        [id],
        operation_from_row,
    )
    .optional()
    .context("read operation")?;
    op.map(|mut op| {
        op.undone_by = undone_by(conn, op.id)?;
        Ok(op)
    })
    .transpose()
}

/// Later operations, still in effect, that changed a row `id` changed: undoing `id` alone would
/// pull the ground from under them.
pub fn dependents(conn: &Connection, id: i64) -> Result<Vec<i64>> {
    let mut stmt = conn
        .prepare(
            "SELECT DISTINCT later.operation FROM undo_log later
             JOIN undo_log mine ON mine.tbl = later.tbl AND mine.row_key = later.row_key
             WHERE mine.operation = ?1 AND later.operation > ?1
             ORDER BY later.operation",
        )
        .context("find dependent operations")?;
    let later = stmt
        .query_map([id], |r| r.get::<_, i64>(0))
        .and_then(|rows| rows.collect::<rusqlite::Result<Vec<_>>>())
        .context("find dependent operations")?;
    only_in_effect(conn, later)
}

/// The items (short id and UUID) whose history records the operation `id`.
pub fn items_of(conn: &Connection, id: i64) -> Result<Vec<(String, String)>> {
    let mut stmt = conn
        .prepare(
            "SELECT item, item_uuid FROM events WHERE operation = ?1
             GROUP BY item_uuid ORDER BY min(id)",
        )
        .context("list the items of an operation")?;
    let items = stmt
        .query_map([id], |r| Ok((r.get(0)?, r.get(1)?)))
        .and_then(|rows| rows.collect::<rusqlite::Result<Vec<_>>>())
        .context("list the items of an operation")?;
    Ok(items)
}

fn is_foreign_key(error: &rusqlite::Error) -> bool {
    matches!(
        error,
        rusqlite::Error::SqliteFailure(e, _)
            if e.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_FOREIGNKEY
    )
}

/// What reverting an operation did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reverted {
    /// This many changes were reverted.
    Done(usize),
    /// A record the operation made is still needed by a later one (progress logged on a measure
    /// it created, say): undo the later operations first. The transaction must be dropped.
    Needed,
}

/// The later operations still in effect (neither undone nor undoing one), oldest first.
pub fn later_operations(conn: &Connection, id: i64) -> Result<Vec<i64>> {
    let mut stmt = conn
        .prepare("SELECT id FROM operations WHERE id > ?1 ORDER BY id")
        .context("list later operations")?;
    let later = stmt
        .query_map([id], |r| r.get::<_, i64>(0))
        .and_then(|rows| rows.collect::<rusqlite::Result<Vec<_>>>())
        .context("list later operations")?;
    only_in_effect(conn, later)
}

/// The operations of `ops` that are in effect: an operation that is undone is not, nor is the
/// undo that undid it (together they changed nothing).
fn only_in_effect(conn: &Connection, ops: Vec<i64>) -> Result<Vec<i64>> {
    let mut live = Vec::new();
    for op in ops {
        let reverts: Option<i64> = super::cached_query_row(
            conn,
            "SELECT reverts FROM operations WHERE id = ?1",
            [op],
            |r| r.get(0),
        )
        .context("read operation")?;
        let pairs_off = match reverts {
            Some(target) => undone_by(conn, target)? == Some(op),
            None => false,
        };
        if undone_by(conn, op)?.is_none() && !pairs_off {
            live.push(op);
        }
    }
    Ok(live)
}

/// Runs the statements that revert operation `id`, newest first, inside the caller's
/// transaction (which is the undo's own operation).
pub fn revert(conn: &Connection, id: i64) -> Result<Reverted> {
    let mut stmt = conn
        .prepare("SELECT revert FROM undo_log WHERE operation = ?1 ORDER BY seq DESC")
        .context("read the undo log")?;
    let statements = stmt
        .query_map([id], |r| r.get::<_, String>(0))
        .and_then(|rows| rows.collect::<rusqlite::Result<Vec<_>>>())
        .context("read the undo log")?;
    for sql in &statements {
        match conn.execute_batch(sql) {
            Ok(()) => {}
            Err(e) if is_foreign_key(&e) => return Ok(Reverted::Needed),
            Err(e) => {
                return Err(Error::Other(
                    anyhow::Error::new(e).context(format!("revert operation {id}")),
                ))
            }
        }
    }
    Ok(Reverted::Done(statements.len()))
}

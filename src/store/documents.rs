//! Imported summaries (documents) and the items read from them.

use anyhow::Context;
use rusqlite::{params, Connection, OptionalExtension};

use crate::error::Result;
use crate::model::{ItemId, ItemKind, SourceDocument};

/// A summary about to be recorded.
#[derive(Debug, Clone)]
pub struct NewDocument<'a> {
    pub unit_id: i64,
    pub year: i32,
    pub file_name: Option<&'a str>,
    pub sha256: &'a str,
    pub body: &'a str,
    pub imported_at: &'a str,
}

/// A recorded summary, without its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    pub id: i64,
    pub uuid: String,
    pub unit_id: i64,
    pub year: i32,
    pub file_name: Option<String>,
    pub sha256: String,
}

/// Records a summary and returns it.
pub fn insert_document(conn: &Connection, new: &NewDocument<'_>) -> Result<Document> {
    let uuid = super::new_uuid();
    super::cached_execute(
        conn,
        "INSERT INTO documents (uuid, unit_id, year, file_name, sha256, body, imported_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            uuid,
            new.unit_id,
            new.year,
            new.file_name,
            new.sha256,
            new.body,
            new.imported_at
        ],
    )
    .context("insert document")?;
    Ok(Document {
        id: conn.last_insert_rowid(),
        uuid,
        unit_id: new.unit_id,
        year: new.year,
        file_name: new.file_name.map(str::to_string),
        sha256: new.sha256.to_string(),
    })
}

/// Replaces the text of a recorded summary, keeping its identity.
pub fn update_document(conn: &Connection, id: i64, new: &NewDocument<'_>) -> Result<()> {
    super::cached_execute(conn,
        "UPDATE documents SET file_name = ?2, sha256 = ?3, body = ?4, imported_at = ?5 WHERE id = ?1",
        params![id, new.file_name, new.sha256, new.body, new.imported_at],
    )
    .context("update document")?;
    Ok(())
}

/// The query of [`find_document`], one search of the index on (unit_id, year): ?1 unit, ?2 year.
pub(super) const FIND_DOCUMENT_SQL: &str = "SELECT id, uuid, unit_id, year, file_name, sha256
     FROM documents WHERE unit_id = ?1 AND year = ?2 ORDER BY id DESC LIMIT 1";

/// The summary of `unit_id` for `year`, if one was imported (the latest, if several were).
pub fn find_document(conn: &Connection, unit_id: i64, year: i32) -> Result<Option<Document>> {
    let document = super::cached_query_row(conn, FIND_DOCUMENT_SQL, params![unit_id, year], |r| {
        Ok(Document {
            id: r.get(0)?,
            uuid: r.get(1)?,
            unit_id: r.get(2)?,
            year: r.get(3)?,
            file_name: r.get(4)?,
            sha256: r.get(5)?,
        })
    })
    .optional()
    .context("find document")?;
    Ok(document)
}

/// The problems and measures read from a document, in document order.
pub fn items_of_document(conn: &Connection, document_id: i64) -> Result<Vec<ItemId>> {
    let mut stmt = conn
        .prepare(
            "SELECT 'P', id, position FROM problems WHERE document_id = ?1
             UNION ALL
             SELECT 'M', id, position FROM measures WHERE document_id = ?1
             ORDER BY 3, 1 DESC",
        )
        .context("list document items")?;
    let rows = stmt
        .query_map(params![document_id], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?))
        })
        .and_then(|rows| rows.collect::<rusqlite::Result<Vec<_>>>())
        .context("list document items")?;
    Ok(rows
        .into_iter()
        .map(|(kind, id)| {
            if kind == "P" {
                ItemId::problem(id)
            } else {
                ItemId::measure(id)
            }
        })
        .collect())
}

/// The summary `item` was imported from; `None` for an item typed in (or a missing item).
pub fn source_of(conn: &Connection, item: ItemId) -> Result<Option<SourceDocument>> {
    let sql = match item.kind {
        ItemKind::Problem => {
            "SELECT d.year, d.file_name FROM problems i JOIN documents d ON d.id = i.document_id
             WHERE i.id = ?1"
        }
        ItemKind::Measure => {
            "SELECT d.year, d.file_name FROM measures i JOIN documents d ON d.id = i.document_id
             WHERE i.id = ?1"
        }
    };
    super::cached_query_row(conn, sql, params![item.num], |r| {
        Ok(SourceDocument {
            year: r.get(0)?,
            file_name: r.get(1)?,
        })
    })
    .optional()
    .context("find an item's source document")
    .map_err(Into::into)
}

/// How much an item carries besides its text: progress entries and links.
pub fn attachments(conn: &Connection, item: ItemId) -> Result<(i64, i64)> {
    let (progress_column, link_column) = match item.kind {
        crate::model::ItemKind::Problem => ("problem_id", "problem_id"),
        crate::model::ItemKind::Measure => ("measure_id", "measure_id"),
    };
    let progress: i64 = super::cached_query_row(
        conn,
        &format!("SELECT count(*) FROM progress WHERE {progress_column} = ?1"),
        params![item.num],
        |r| r.get(0),
    )
    .context("count progress")?;
    let links: i64 = super::cached_query_row(
        conn,
        &format!("SELECT count(*) FROM problem_measures WHERE {link_column} = ?1"),
        params![item.num],
        |r| r.get(0),
    )
    .context("count links")?;
    Ok((progress, links))
}

/// Deletes an item with everything that hangs on it: its progress and evidence, links,
/// co-operating departments, carry-overs and recurrence decisions. Its events stay in the log,
/// and the operation's undo log can bring it all back.
pub fn delete_item(conn: &Connection, item: ItemId) -> Result<()> {
    let statements: &[&str] = match item.kind {
        crate::model::ItemKind::Problem => &[
            "DELETE FROM evidence WHERE progress_id IN (SELECT id FROM progress WHERE problem_id = ?1)",
            "DELETE FROM progress WHERE problem_id = ?1",
            "DELETE FROM recurrences WHERE earlier_problem = ?1 OR later_problem = ?1",
            "DELETE FROM problem_measures WHERE problem_id = ?1",
            "DELETE FROM problems WHERE id = ?1",
        ],
        crate::model::ItemKind::Measure => &[
            "DELETE FROM evidence WHERE progress_id IN (SELECT id FROM progress WHERE measure_id = ?1)",
            "DELETE FROM progress WHERE measure_id = ?1",
            "DELETE FROM carry_overs WHERE from_measure = ?1 OR to_measure = ?1",
            "DELETE FROM problem_measures WHERE measure_id = ?1",
            "DELETE FROM measure_co_depts WHERE measure_id = ?1",
            "DELETE FROM measures WHERE id = ?1",
        ],
    };
    for sql in statements {
        super::cached_execute(conn, sql, params![item.num]).context("delete item")?;
    }
    Ok(())
}

/// Keeps an item but forgets which document it came from (it is no longer in the new text).
pub fn detach_item(conn: &Connection, item: ItemId) -> Result<()> {
    let table = match item.kind {
        crate::model::ItemKind::Problem => "problems",
        crate::model::ItemKind::Measure => "measures",
    };
    super::cached_execute(
        conn,
        &format!("UPDATE {table} SET document_id = NULL, position = NULL WHERE id = ?1"),
        params![item.num],
    )
    .context("detach item from document")?;
    Ok(())
}

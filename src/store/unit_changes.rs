//! Renaming, removing and merging units. Each runs inside the caller's transaction (one
//! operation `undo` can revert).

use anyhow::Context;
use rusqlite::{params, Connection};

use super::documents::delete_item;
use crate::error::{Error, Result};
use crate::model::{ItemId, Unit};

/// How much a unit holds: problems, measures, imported documents.
pub fn unit_contents(conn: &Connection, unit_id: i64) -> Result<(i64, i64, i64)> {
    let count = |table: &str| -> Result<i64> {
        conn.query_row(
            &format!("SELECT count(*) FROM {table} WHERE unit_id = ?1"),
            [unit_id],
            |r| r.get(0),
        )
        .context("count a unit's records")
        .map_err(Into::into)
    };
    Ok((count("problems")?, count("measures")?, count("documents")?))
}

/// Gives a unit a new name; the old one stays as an alias so documents naming it still match.
pub fn rename_unit(conn: &Connection, unit: &Unit, name: &str) -> Result<()> {
    if let Some(other) = super::find_unit(conn, name)? {
        if other.id != unit.id {
            return Err(Error::UnitExists(name.to_string()));
        }
        // The new name is one of its aliases: it stops being one.
        conn.execute("DELETE FROM unit_aliases WHERE alias = ?1", [name])
            .context("drop the alias that becomes the name")?;
    }
    conn.execute(
        "UPDATE units SET name = ?1 WHERE id = ?2",
        params![name, unit.id],
    )
    .context("rename unit")?;
    conn.execute(
        "INSERT OR IGNORE INTO unit_aliases (alias, unit_id) VALUES (?1, ?2)",
        params![unit.name, unit.id],
    )
    .context("keep the old name as an alias")?;
    Ok(())
}

/// Removes a unit with everything it holds (its items with their progress and links, its
/// documents, its aliases).
pub fn remove_unit(conn: &Connection, unit: &Unit) -> Result<()> {
    let ids = |table: &str| -> Result<Vec<i64>> {
        let mut stmt = conn
            .prepare(&format!(
                "SELECT id FROM {table} WHERE unit_id = ?1 ORDER BY id"
            ))
            .context("list a unit's items")?;
        let ids = stmt
            .query_map([unit.id], |r| r.get(0))
            .and_then(|rows| rows.collect::<rusqlite::Result<Vec<i64>>>())
            .context("list a unit's items")?;
        Ok(ids)
    };
    for id in ids("measures")? {
        delete_item(conn, ItemId::measure(id))?;
    }
    for id in ids("problems")? {
        delete_item(conn, ItemId::problem(id))?;
    }
    // Progress on other units' items never points at this unit's documents (outcomes are
    // recorded on the unit's own problems, deleted above).
    for sql in [
        "DELETE FROM documents WHERE unit_id = ?1",
        "DELETE FROM unit_aliases WHERE unit_id = ?1",
        "DELETE FROM units WHERE id = ?1",
    ] {
        conn.execute(sql, [unit.id]).context("remove unit")?;
    }
    Ok(())
}

/// Makes `gone` part of `keep`: its items, documents and aliases move over, and its name
/// becomes an alias of `keep`.
pub fn merge_units(conn: &Connection, keep: &Unit, gone: &Unit) -> Result<()> {
    for sql in [
        "UPDATE problems SET unit_id = ?1 WHERE unit_id = ?2",
        "UPDATE measures SET unit_id = ?1 WHERE unit_id = ?2",
        "UPDATE documents SET unit_id = ?1 WHERE unit_id = ?2",
        "UPDATE unit_aliases SET unit_id = ?1 WHERE unit_id = ?2",
    ] {
        conn.execute(sql, params![keep.id, gone.id])
            .context("merge units")?;
    }
    conn.execute("DELETE FROM units WHERE id = ?1", [gone.id])
        .context("merge units")?;
    conn.execute(
        "INSERT OR IGNORE INTO unit_aliases (alias, unit_id) VALUES (?1, ?2)",
        params![gone.name, keep.id],
    )
    .context("keep the merged unit's name as an alias")?;
    Ok(())
}

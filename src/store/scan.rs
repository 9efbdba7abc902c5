//! Whole-store reads a unit at a time: the units in the order the ledger lists them, read inside
//! one snapshot so that a write committed meanwhile by another process is either wholly seen or
//! not at all.

use anyhow::Context;
use rusqlite::Connection;

use crate::error::Result;

/// Every unit's id and name, in name order (the ledger's order: SQLite's binary collation is
/// the byte order of UTF-8, which is Rust's order of `str`).
pub fn units_in_order(conn: &Connection) -> Result<Vec<(i64, String)>> {
    let mut stmt = conn
        .prepare_cached("SELECT id, name FROM units ORDER BY name")
        .context("list units")?;
    let rows = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .and_then(|rows| rows.collect::<rusqlite::Result<Vec<_>>>())
        .context("list units")?;
    Ok(rows)
}

/// Runs `read` inside one read snapshot of the store (a savepoint, which nests in a caller's
/// transaction and writes nothing).
pub fn in_snapshot<T>(conn: &Connection, read: impl FnOnce() -> Result<T>) -> Result<T> {
    conn.execute_batch("SAVEPOINT taizhang_scan")
        .context("read the store")?;
    let result = read();
    conn.execute_batch("RELEASE taizhang_scan")
        .context("read the store")?;
    result
}

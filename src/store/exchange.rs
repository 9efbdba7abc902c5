//! Lookups for reading ledgers into the store: an item by its exact text, an item's own status.
//!
//! A ledger row names an item by its words, not its id, so importing the same ledger twice must
//! find what the first import recorded instead of recording it again. Each lookup is one search
//! of an index on (unit, year, text) (schema step 7), so an import costs what its rows cost,
//! not what the unit's and year's other items cost.

use anyhow::Context;
use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension};

use super::measures::{co_depts_of, measure_from_row, MEASURE_COLUMNS};
use super::problems::{problem_from_row, PROBLEM_COLUMNS};
use crate::error::Result;
use crate::model::{ItemId, ItemKind, Measure, Problem, Status};

/// The query of [`find_problem_by_text`]: ?1 unit id, ?2 year, ?3 text.
fn problem_by_text_sql() -> String {
    format!(
        "SELECT {PROBLEM_COLUMNS} WHERE p.unit_id = ?1 AND p.year = ?2 AND p.body = ?3
             ORDER BY p.id LIMIT 1"
    )
}

/// The query of [`find_measure_by_text`]: ?1 unit id, ?2 year, ?3 text.
fn measure_by_text_sql() -> String {
    format!(
        "SELECT {MEASURE_COLUMNS} WHERE m.unit_id = ?1 AND m.year = ?2 AND m.body = ?3
             ORDER BY m.id LIMIT 1"
    )
}

/// The first problem of the unit and year whose text is exactly `text`, if any.
pub fn find_problem_by_text(
    conn: &Connection,
    unit_id: i64,
    year: i32,
    text: &str,
) -> Result<Option<Problem>> {
    let problem = super::cached_query_row(
        conn,
        &problem_by_text_sql(),
        params![unit_id, year, text],
        problem_from_row,
    )
    .optional()
    .context("find problem by text")?;
    Ok(problem)
}

/// The first measure of the unit and year whose text is exactly `text`, if any.
pub fn find_measure_by_text(
    conn: &Connection,
    unit_id: i64,
    year: i32,
    text: &str,
) -> Result<Option<Measure>> {
    let measure = super::cached_query_row(
        conn,
        &measure_by_text_sql(),
        params![unit_id, year, text],
        measure_from_row,
    )
    .optional()
    .context("find measure by text")?;
    match measure {
        None => Ok(None),
        Some(mut m) => {
            m.owner.co_depts = co_depts_of(conn, m.id.num)?;
            Ok(Some(m))
        }
    }
}

/// The status of the item's own latest progress entry (by date, then order of recording),
/// whatever its date; `None` when it has none.
/// The latest progress entry of an item (by date, then by order of recording): its status and
/// date.
pub fn latest_entry(conn: &Connection, item: ItemId) -> Result<Option<(Status, NaiveDate)>> {
    let column = match item.kind {
        ItemKind::Problem => "problem_id",
        ItemKind::Measure => "measure_id",
    };
    let entry: Option<(String, NaiveDate)> = super::cached_query_row(conn,
            &format!(
                "SELECT status, date FROM progress WHERE {column} = ?1 ORDER BY date DESC, id DESC LIMIT 1"
            ),
            params![item.num],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()
        .context("latest progress")?;
    entry
        .map(|(status, date)| Ok((status.parse()?, date)))
        .transpose()
}

pub fn latest_status(conn: &Connection, item: ItemId) -> Result<Option<Status>> {
    let column = match item.kind {
        ItemKind::Problem => "problem_id",
        ItemKind::Measure => "measure_id",
    };
    let status: Option<String> = super::cached_query_row(
        conn,
        &format!(
            "SELECT status FROM progress WHERE {column} = ?1 ORDER BY date DESC, id DESC LIMIT 1"
        ),
        params![item.num],
        |r| r.get(0),
    )
    .optional()
    .context("latest progress")?;
    status.map(|s| s.parse()).transpose()
}

#[cfg(test)]
mod tests;

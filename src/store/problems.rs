//! Problems (问题): insert, fetch, update.

use anyhow::Context;
use rusqlite::{params, Connection, OptionalExtension, Row};

use crate::error::Result;
use crate::model::{ItemId, Problem};

/// A problem about to be recorded.
#[derive(Debug, Clone)]
pub struct NewProblem<'a> {
    pub unit_id: i64,
    pub year: i32,
    pub category: Option<&'a str>,
    pub text: &'a str,
    pub created_at: &'a str,
    /// The imported document it was read from, if any.
    pub source: Option<super::Source>,
}

pub(super) const PROBLEM_COLUMNS: &str =
    "p.id, p.uuid, u.name, p.year, p.category, p.body FROM problems p JOIN units u ON u.id = p.unit_id";

pub(super) fn problem_from_row(r: &Row<'_>) -> rusqlite::Result<Problem> {
    Ok(Problem {
        id: ItemId::problem(r.get(0)?),
        uuid: r.get(1)?,
        unit: r.get(2)?,
        year: r.get(3)?,
        category: r.get(4)?,
        text: r.get(5)?,
    })
}

/// Records a problem and returns it with its new id.
pub fn insert_problem(conn: &Connection, new: &NewProblem<'_>) -> Result<Problem> {
    let uuid = super::new_uuid();
    super::cached_execute(conn,
        "INSERT INTO problems (id, uuid, unit_id, year, category, body, created_at, document_id, position)
         VALUES (max(coalesce((SELECT max(id) FROM problems), 0),
                     coalesce((SELECT high FROM id_high_water WHERE kind = 'problem'), 0)) + 1,
                 ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            uuid,
            new.unit_id,
            new.year,
            new.category,
            new.text,
            new.created_at,
            new.source.map(|s| s.document_id),
            new.source.and_then(|s| s.position)
        ],
    )
    .context("insert problem")?;
    let id = ItemId::problem(conn.last_insert_rowid());
    Ok(get_problem(conn, id)?.expect("the problem just inserted exists"))
}

/// The problem with this id, or `None`.
pub fn get_problem(conn: &Connection, id: ItemId) -> Result<Option<Problem>> {
    let problem = super::cached_query_row(
        conn,
        &format!("SELECT {PROBLEM_COLUMNS} WHERE p.id = ?1"),
        params![id.num],
        problem_from_row,
    )
    .optional()
    .context("fetch problem")?;
    Ok(problem)
}

/// Every problem (of one unit, when given), by unit name, year and id.
pub fn list_problems(conn: &Connection, unit_id: Option<i64>) -> Result<Vec<Problem>> {
    let mut stmt = conn
        .prepare(&format!(
            "SELECT {PROBLEM_COLUMNS} WHERE ?1 IS NULL OR p.unit_id = ?1 ORDER BY u.name, p.year, p.id"
        ))
        .context("list problems")?;
    let problems = stmt
        .query_map(params![unit_id], problem_from_row)
        .and_then(|rows| rows.collect::<rusqlite::Result<Vec<_>>>())
        .context("list problems")?;
    Ok(problems)
}

/// Writes back the editable fields of `problem` (year, category, text).
pub fn update_problem(conn: &Connection, problem: &Problem) -> Result<()> {
    super::cached_execute(
        conn,
        "UPDATE problems SET year = ?2, category = ?3, body = ?4 WHERE id = ?1",
        params![problem.id.num, problem.year, problem.category, problem.text],
    )
    .context("update problem")?;
    Ok(())
}

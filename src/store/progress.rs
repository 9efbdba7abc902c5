//! Progress entries (整改进展) and their evidence. Append-only: there is no update.

use anyhow::Context;
use chrono::NaiveDate;
use rusqlite::{params, Connection};

use crate::error::Result;
use crate::model::{Evidence, ItemId, ItemKind, ProgressEntry, Status};

/// A progress entry about to be recorded.
#[derive(Debug, Clone)]
pub struct NewProgress<'a> {
    pub item: ItemId,
    pub status: Status,
    pub date: NaiveDate,
    pub note: Option<&'a str>,
    pub evidence: &'a [Evidence],
    pub created_at: &'a str,
    /// The imported document that reported it (an outcome), if any.
    pub source: Option<i64>,
}

/// Records a progress entry with its evidence and returns it.
pub fn insert_progress(conn: &Connection, new: &NewProgress<'_>) -> Result<ProgressEntry> {
    let uuid = super::new_uuid();
    let (problem_id, measure_id) = split(new.item);
    super::cached_execute(conn,
        "INSERT INTO progress (uuid, problem_id, measure_id, status, date, note, created_at, document_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            uuid,
            problem_id,
            measure_id,
            new.status.code(),
            new.date,
            new.note,
            new.created_at,
            new.source
        ],
    )
    .context("insert progress entry")?;
    let seq = conn.last_insert_rowid();
    let mut stmt = conn
        .prepare_cached(
            "INSERT INTO evidence (progress_id, position, reference, size_bytes, sha256)
             VALUES (?1, ?2, ?3, ?4, ?5)",
        )
        .context("insert evidence")?;
    for (position, e) in new.evidence.iter().enumerate() {
        stmt.execute(params![
            seq,
            position as i64,
            e.reference,
            e.size_bytes.map(|s| s as i64),
            e.sha256
        ])
        .context("insert evidence")?;
    }
    let reported_in = match new.source {
        Some(document) => Some(
            super::cached_query_row(
                conn,
                "SELECT year FROM documents WHERE id = ?1",
                [document],
                |r| r.get(0),
            )
            .context("read the year of a progress entry's document")?,
        ),
        None => None,
    };
    Ok(ProgressEntry {
        seq,
        uuid,
        item: new.item,
        status: new.status,
        date: new.date,
        note: new.note.map(str::to_string),
        evidence: new.evidence.to_vec(),
        reported_in,
    })
}

/// Every progress entry of `item`, oldest first (by date, then by order of recording).
pub fn progress_of(conn: &Connection, item: ItemId) -> Result<Vec<ProgressEntry>> {
    let column = match item.kind {
        ItemKind::Problem => "problem_id",
        ItemKind::Measure => "measure_id",
    };
    let mut stmt = conn
        .prepare_cached(&format!(
            "SELECT p.id, p.uuid, p.status, p.date, p.note, d.year FROM progress p
             LEFT JOIN documents d ON d.id = p.document_id
             WHERE p.{column} = ?1 ORDER BY p.date, p.id"
        ))
        .context("list progress")?;
    let rows = stmt
        .query_map(params![item.num], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, NaiveDate>(3)?,
                r.get::<_, Option<String>>(4)?,
                r.get::<_, Option<i32>>(5)?,
            ))
        })
        .and_then(|rows| rows.collect::<rusqlite::Result<Vec<_>>>())
        .context("list progress")?;
    rows.into_iter()
        .map(|(seq, uuid, status, date, note, reported_in)| {
            Ok(ProgressEntry {
                seq,
                uuid,
                item,
                status: status.parse()?,
                date,
                note,
                evidence: evidence_of(conn, seq)?,
                reported_in,
            })
        })
        .collect()
}

fn evidence_of(conn: &Connection, progress_id: i64) -> Result<Vec<Evidence>> {
    let mut stmt = conn
        .prepare_cached(
            "SELECT reference, size_bytes, sha256 FROM evidence WHERE progress_id = ?1 ORDER BY position",
        )
        .context("list evidence")?;
    let evidence = stmt
        .query_map(params![progress_id], |r| {
            Ok(Evidence {
                reference: r.get(0)?,
                size_bytes: r.get::<_, Option<i64>>(1)?.map(|s| s as u64),
                sha256: r.get(2)?,
            })
        })
        .and_then(|rows| rows.collect::<rusqlite::Result<Vec<_>>>())
        .context("list evidence")?;
    Ok(evidence)
}

pub(super) fn split(item: ItemId) -> (Option<i64>, Option<i64>) {
    match item.kind {
        ItemKind::Problem => (Some(item.num), None),
        ItemKind::Measure => (None, Some(item.num)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::testing::{add_problem, store_with_unit, AT};

    #[test]
    fn progress_entries_come_back_in_date_order_with_their_evidence() {
        let (store, unit) = store_with_unit();
        let conn = store.conn();
        let problem = add_problem(conn, &unit, 2024, "问题");
        let evidence = [Evidence {
            reference: "a.pdf".into(),
            size_bytes: Some(12),
            sha256: Some("ab".into()),
        }];
        let day = |d| NaiveDate::from_ymd_opt(2025, 3, d).unwrap();
        for (date, status) in [(day(9), Status::Done), (day(1), Status::InProgress)] {
            let entry = NewProgress {
                item: problem.id,
                status,
                date,
                note: None,
                evidence: &evidence,
                created_at: AT,
                source: None,
            };
            insert_progress(conn, &entry).unwrap();
        }
        let entries = progress_of(conn, problem.id).unwrap();
        let order: Vec<Status> = entries.iter().map(|e| e.status).collect();
        assert_eq!(order, [Status::InProgress, Status::Done]);
        assert_eq!(entries[0].evidence, evidence);
    }

    #[test]
    fn progress_entries_cannot_be_changed_afterwards() {
        let (store, unit) = store_with_unit();
        let conn = store.conn();
        let problem = add_problem(conn, &unit, 2024, "问题");
        let entry = NewProgress {
            item: problem.id,
            status: Status::Done,
            date: NaiveDate::from_ymd_opt(2025, 3, 1).unwrap(),
            note: None,
            evidence: &[],
            created_at: AT,
            source: None,
        };
        insert_progress(conn, &entry).unwrap();
        assert!(conn
            .execute("UPDATE progress SET status = 'planned'", [])
            .is_err());
    }

    #[test]
    fn the_schema_refuses_a_dropped_entry_without_a_reason() {
        let (store, unit) = store_with_unit();
        let conn = store.conn();
        let problem = add_problem(conn, &unit, 2024, "问题");
        let entry = NewProgress {
            item: problem.id,
            status: Status::Dropped,
            date: NaiveDate::from_ymd_opt(2025, 3, 1).unwrap(),
            note: None,
            evidence: &[],
            created_at: AT,
            source: None,
        };
        assert!(insert_progress(conn, &entry).is_err());
    }
}

//! Reading a [`Dump`] out of a store: opening another store read-only, and selecting every
//! table's rows in one snapshot. Nothing here writes.

use std::path::Path;

use anyhow::Context;
use rusqlite::Connection;
use serde_json::Value;

use super::{
    AliasRow, CarryRow, CoDeptRow, DocumentRow, Dump, EventRow, EvidenceRow, LinkRow, MeasureRow,
    ProblemRow, ProgressRow, RecurrenceRow, UnitRow,
};
use crate::error::{Error, Msg, Result};

/// Opens another store to read it: read-only, refusing files that are not taizhang stores or
/// were written by a newer taizhang. An older store is read as it is, never upgraded.
pub fn open_other(path: &Path) -> Result<Connection> {
    if !path.is_file() {
        return Err(Msg::NoStoreToMerge {
            path: path.display().to_string(),
        }
        .into());
    }
    let not_a_store = || Error::NotAStoreToMerge(path.to_path_buf());
    // Read-only, also in a read-only folder; a damaged or busy file is said to be so.
    let conn = crate::store::open_read_only(path).map_err(|e| match e {
        // The other store is damaged: restoring this one would not help.
        Error::StoreDamaged(_) => Error::DamagedStoreToMerge(path.to_path_buf()),
        Error::StoreBusy(_) => e,
        _ => not_a_store(),
    })?;
    conn.busy_timeout(crate::store::busy_timeout())
        .map_err(|_| not_a_store())?;
    let app_id: i64 = conn
        .pragma_query_value(None, "application_id", |r| r.get(0))
        .map_err(|_| not_a_store())?;
    if app_id != crate::store::APPLICATION_ID {
        return Err(not_a_store());
    }
    let version = crate::store::migrate::user_version(&conn).map_err(|_| not_a_store())?;
    if version > crate::store::SCHEMA_VERSION {
        return Err(Error::StoreTooNew {
            path: path.to_path_buf(),
            found: version,
            known: crate::store::SCHEMA_VERSION,
        });
    }
    Ok(conn)
}

/// Reads every row of the store, as one consistent snapshot. Tables a store of an older schema
/// does not have yet are empty.
pub fn read_dump(conn: &Connection) -> Result<Dump> {
    // A savepoint holds one read snapshot across the statements (and nests in a caller's
    // transaction); it writes nothing.
    conn.execute_batch("SAVEPOINT taizhang_dump")
        .context("read the store")?;
    let dump = read_tables(conn);
    conn.execute_batch("RELEASE taizhang_dump")
        .context("read the store")?;
    dump
}

fn read_tables(conn: &Connection) -> Result<Dump> {
    let has = |table: &str| -> Result<bool> {
        let n: i64 = conn
            .query_row(
                "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = ?1",
                [table],
                |r| r.get(0),
            )
            .context("read the store's tables")?;
        Ok(n > 0)
    };
    // A store of schema 5 or older has no `institution` column: nothing was set there.
    let institution = {
        let n: i64 = conn
            .query_row(
                "SELECT count(*) FROM pragma_table_info('measures') WHERE name = 'institution'",
                [],
                |r| r.get(0),
            )
            .context("read the store's tables")?;
        if n > 0 {
            "m.institution"
        } else {
            "NULL"
        }
    };
    let dump = Dump {
        units: rows(
            conn,
            "SELECT id, uuid, name, created_at FROM units ORDER BY id",
            |r| {
                Ok(UnitRow {
                    id: r.get(0)?,
                    uuid: r.get(1)?,
                    name: r.get(2)?,
                    created_at: r.get(3)?,
                })
            },
        )?,
        unit_aliases: rows(
            conn,
            "SELECT a.alias, u.uuid FROM unit_aliases a JOIN units u ON u.id = a.unit_id
             ORDER BY a.rowid",
            |r| {
                Ok(AliasRow {
                    alias: r.get(0)?,
                    unit: r.get(1)?,
                })
            },
        )?,
        documents: rows(
            conn,
            "SELECT d.id, d.uuid, u.uuid, d.year, d.file_name, d.sha256, d.imported_at, d.body
             FROM documents d JOIN units u ON u.id = d.unit_id ORDER BY d.id",
            |r| {
                Ok(DocumentRow {
                    id: r.get(0)?,
                    uuid: r.get(1)?,
                    unit: r.get(2)?,
                    year: r.get(3)?,
                    file_name: r.get(4)?,
                    sha256: r.get(5)?,
                    imported_at: r.get(6)?,
                    body: r.get(7)?,
                })
            },
        )?,
        problems: rows(
            conn,
            "SELECT p.id, p.uuid, u.uuid, p.year, p.category, p.body, d.uuid, p.position,
                    p.created_at
             FROM problems p JOIN units u ON u.id = p.unit_id
             LEFT JOIN documents d ON d.id = p.document_id ORDER BY p.id",
            |r| {
                Ok(ProblemRow {
                    id: r.get(0)?,
                    uuid: r.get(1)?,
                    unit: r.get(2)?,
                    year: r.get(3)?,
                    category: r.get(4)?,
                    text: r.get(5)?,
                    document: r.get(6)?,
                    position: r.get(7)?,
                    created_at: r.get(8)?,
                })
            },
        )?,
        measures: rows(
            conn,
            &format!(
                "SELECT m.id, m.uuid, u.uuid, m.year, m.title, m.body, m.leader, m.owner_dept,
                        m.owner_person, m.deadline_kind, m.due_date, d.uuid, m.position,
                        m.created_at, {institution}
                 FROM measures m JOIN units u ON u.id = m.unit_id
                 LEFT JOIN documents d ON d.id = m.document_id ORDER BY m.id"
            ),
            |r| {
                Ok(MeasureRow {
                    id: r.get(0)?,
                    uuid: r.get(1)?,
                    unit: r.get(2)?,
                    year: r.get(3)?,
                    title: r.get(4)?,
                    text: r.get(5)?,
                    leader: r.get(6)?,
                    owner_dept: r.get(7)?,
                    owner_person: r.get(8)?,
                    deadline_kind: r.get(9)?,
                    due: r.get(10)?,
                    document: r.get(11)?,
                    position: r.get(12)?,
                    created_at: r.get(13)?,
                    institution: r.get(14)?,
                })
            },
        )?,
        measure_co_depts: rows(
            conn,
            "SELECT m.uuid, c.position, c.dept FROM measure_co_depts c
             JOIN measures m ON m.id = c.measure_id ORDER BY c.rowid",
            |r| {
                Ok(CoDeptRow {
                    measure: r.get(0)?,
                    position: r.get(1)?,
                    dept: r.get(2)?,
                })
            },
        )?,
        links: rows(
            conn,
            "SELECT p.uuid, m.uuid FROM problem_measures pm
             JOIN problems p ON p.id = pm.problem_id JOIN measures m ON m.id = pm.measure_id
             ORDER BY pm.rowid",
            |r| {
                Ok(LinkRow {
                    problem: r.get(0)?,
                    measure: r.get(1)?,
                })
            },
        )?,
        progress: rows(
            conn,
            "SELECT g.id, g.uuid, CASE WHEN g.problem_id IS NULL THEN 'measure' ELSE 'problem' END,
                    coalesce(p.uuid, m.uuid), g.status, g.date, g.note, d.uuid, g.created_at
             FROM progress g LEFT JOIN problems p ON p.id = g.problem_id
             LEFT JOIN measures m ON m.id = g.measure_id
             LEFT JOIN documents d ON d.id = g.document_id ORDER BY g.id",
            |r| {
                Ok(ProgressRow {
                    id: r.get(0)?,
                    uuid: r.get(1)?,
                    kind: r.get(2)?,
                    item: r.get(3)?,
                    status: r.get(4)?,
                    date: r.get(5)?,
                    note: r.get(6)?,
                    document: r.get(7)?,
                    created_at: r.get(8)?,
                })
            },
        )?,
        evidence: rows(
            conn,
            "SELECT g.uuid, e.position, e.reference, e.size_bytes, e.sha256 FROM evidence e
             JOIN progress g ON g.id = e.progress_id ORDER BY e.rowid",
            |r| {
                Ok(EvidenceRow {
                    progress: r.get(0)?,
                    position: r.get(1)?,
                    reference: r.get(2)?,
                    size_bytes: r.get(3)?,
                    sha256: r.get(4)?,
                })
            },
        )?,
        carry_overs: if has("carry_overs")? {
            rows(
                conn,
                "SELECT f.uuid, t.uuid, c.created_at FROM carry_overs c
                 JOIN measures f ON f.id = c.from_measure JOIN measures t ON t.id = c.to_measure
                 ORDER BY c.rowid",
                |r| {
                    Ok(CarryRow {
                        from: r.get(0)?,
                        to: r.get(1)?,
                        created_at: r.get(2)?,
                    })
                },
            )?
        } else {
            vec![]
        },
        recurrences: if has("recurrences")? {
            rows(
                conn,
                "SELECT e.uuid, l.uuid, r.decision, r.score, r.decided_at, r.actor
                 FROM recurrences r JOIN problems e ON e.id = r.earlier_problem
                 JOIN problems l ON l.id = r.later_problem ORDER BY r.rowid",
                |r| {
                    Ok(RecurrenceRow {
                        earlier: r.get(0)?,
                        later: r.get(1)?,
                        decision: r.get(2)?,
                        score: r.get(3)?,
                        decided_at: r.get(4)?,
                        actor: r.get(5)?,
                    })
                },
            )?
        } else {
            vec![]
        },
        events: rows(
            conn,
            "SELECT id, uuid, at, actor, item, item_uuid, action, detail FROM events ORDER BY id",
            |r| {
                let text: String = r.get(7)?;
                let (detail, detail_text) = match serde_json::from_str::<Value>(&text) {
                    Ok(value) if *value.to_string() == *text => (value, None),
                    Ok(value) => (value, Some(text)),
                    Err(_) => (Value::Null, Some(text)),
                };
                Ok(EventRow {
                    id: r.get(0)?,
                    uuid: r.get(1)?,
                    at: r.get(2)?,
                    actor: r.get(3)?,
                    item: r.get(4)?,
                    item_uuid: r.get(5)?,
                    action: r.get(6)?,
                    detail,
                    detail_text,
                })
            },
        )?,
    };
    Ok(dump)
}

fn rows<T>(
    conn: &Connection,
    sql: &str,
    map: impl FnMut(&rusqlite::Row<'_>) -> rusqlite::Result<T>,
) -> Result<Vec<T>> {
    let mut stmt = conn.prepare(sql).context("read the store")?;
    let rows = stmt
        .query_map([], map)
        .and_then(|rows| rows.collect::<rusqlite::Result<Vec<T>>>())
        .context("read the store")?;
    Ok(rows)
}

//! Loading a slice of the ledger (items, links, progress) for analysis.

use std::collections::HashMap;

use anyhow::Context;
use chrono::NaiveDate;
use rusqlite::{params, Connection};

use super::measures::{measure_from_row, MEASURE_COLUMNS};
use super::problems::{problem_from_row, PROBLEM_COLUMNS};
use crate::error::Result;
use crate::model::{ItemId, Measure, ProgressEntry};
use crate::model::{LedgerData, ReportedYear};

/// Which part of the ledger to load. `None` means "all".
#[derive(Debug, Clone, Copy, Default)]
pub struct LedgerFilter {
    pub unit_id: Option<i64>,
    pub year: Option<i32>,
}

const SCOPE_P: &str = "(?1 IS NULL OR p.unit_id = ?1) AND (?2 IS NULL OR p.year = ?2)";
const SCOPE_M: &str = "(?1 IS NULL OR m.unit_id = ?1) AND (?2 IS NULL OR m.year = ?2)";

/// Loads the items in scope and what their statuses depend on, as of `as_of`.
pub fn load_ledger(
    conn: &Connection,
    filter: LedgerFilter,
    as_of: NaiveDate,
) -> Result<LedgerData> {
    let scope = params![filter.unit_id, filter.year];
    let problems = query(
        conn,
        &format!("SELECT {PROBLEM_COLUMNS} WHERE {SCOPE_P} ORDER BY u.name, p.year, p.id"),
        scope,
        problem_from_row,
    )
    .context("load problems")?;
    let mut measures = query(
        conn,
        &format!("SELECT {MEASURE_COLUMNS} WHERE {SCOPE_M} ORDER BY u.name, m.year, m.id"),
        scope,
        measure_from_row,
    )
    .context("load measures")?;
    let mut linked_measures = query(
        conn,
        &format!(
            "SELECT {MEASURE_COLUMNS} WHERE NOT ({SCOPE_M}) AND m.id IN (
                 SELECT pm.measure_id FROM problem_measures pm
                 JOIN problems p ON p.id = pm.problem_id WHERE {SCOPE_P})
             ORDER BY m.id"
        ),
        scope,
        measure_from_row,
    )
    .context("load linked measures")?;
    let links = query(
        conn,
        &format!(
            "SELECT pm.problem_id, pm.measure_id FROM problem_measures pm
             JOIN problems p ON p.id = pm.problem_id
             JOIN measures m ON m.id = pm.measure_id
             WHERE ({SCOPE_P}) OR ({SCOPE_M})
             ORDER BY pm.problem_id, pm.measure_id"
        ),
        scope,
        |r| Ok((ItemId::problem(r.get(0)?), ItemId::measure(r.get(1)?))),
    )
    .context("load links")?;
    attach_co_depts(conn, measures.iter_mut().chain(linked_measures.iter_mut()))?;
    let progress = load_progress(conn, as_of)?;
    let reported_years = query(
        conn,
        "SELECT u.name, i.year, min(d.year) FROM progress pr
         JOIN documents d ON d.id = pr.document_id
         JOIN (SELECT id, unit_id, year, 'P' AS kind FROM problems
               UNION ALL SELECT id, unit_id, year, 'M' FROM measures) i
           ON i.id = coalesce(pr.problem_id, pr.measure_id)
          AND i.kind = CASE WHEN pr.problem_id IS NULL THEN 'M' ELSE 'P' END
         JOIN units u ON u.id = i.unit_id
         WHERE pr.date <= ?2 AND d.year > i.year AND d.unit_id = i.unit_id
           AND (?1 IS NULL OR i.unit_id = ?1)
         GROUP BY i.unit_id, i.year
         ORDER BY u.name, i.year",
        params![filter.unit_id, as_of],
        |r| {
            Ok(ReportedYear {
                unit: r.get(0)?,
                year: r.get(1)?,
                summary_year: r.get(2)?,
            })
        },
    )
    .context("load reported years")?;
    Ok(LedgerData {
        problems,
        measures,
        linked_measures,
        links,
        progress,
        reported_years,
    })
}

fn load_progress(conn: &Connection, as_of: NaiveDate) -> Result<Vec<ProgressEntry>> {
    let rows = query(
        conn,
        "SELECT p.id, p.uuid, p.problem_id, p.measure_id, p.status, p.date, p.note, d.year
         FROM progress p LEFT JOIN documents d ON d.id = p.document_id
         WHERE p.date <= ?1 ORDER BY p.date, p.id",
        params![as_of],
        |r| {
            let item = match r.get::<_, Option<i64>>(2)? {
                Some(p) => ItemId::problem(p),
                None => ItemId::measure(r.get(3)?),
            };
            Ok((
                r.get(0)?,
                r.get(1)?,
                item,
                r.get::<_, String>(4)?,
                r.get(5)?,
                r.get(6)?,
                r.get(7)?,
            ))
        },
    )
    .context("load progress")?;
    rows.into_iter()
        .map(|(seq, uuid, item, status, date, note, reported_in)| {
            Ok(ProgressEntry {
                seq,
                uuid,
                item,
                status: status.parse()?,
                date,
                note,
                evidence: vec![],
                reported_in,
            })
        })
        .collect()
}

fn attach_co_depts<'a>(
    conn: &Connection,
    measures: impl Iterator<Item = &'a mut Measure>,
) -> Result<()> {
    let all = query(
        conn,
        "SELECT measure_id, dept FROM measure_co_depts ORDER BY measure_id, position",
        [],
        |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)),
    )
    .context("load co-operating departments")?;
    let mut by_measure: HashMap<i64, Vec<String>> = HashMap::new();
    for (id, dept) in all {
        by_measure.entry(id).or_default().push(dept);
    }
    for m in measures {
        if let Some(depts) = by_measure.remove(&m.id.num) {
            m.owner.co_depts = depts;
        }
    }
    Ok(())
}

fn query<T, P: rusqlite::Params>(
    conn: &Connection,
    sql: &str,
    params: P,
    map: impl FnMut(&rusqlite::Row<'_>) -> rusqlite::Result<T>,
) -> rusqlite::Result<Vec<T>> {
    let mut stmt = conn.prepare(sql)?;
    let rows = stmt.query_map(params, map)?;
    rows.collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Deadline, Owner, Status};
    use crate::store::links::link;
    use crate::store::measures::{insert_measure, NewMeasure};
    use crate::store::problems::{insert_problem, NewProblem};
    use crate::store::progress::{insert_progress, NewProgress};
    use crate::store::testing::{store_with_unit, AT};

    #[test]
    fn loading_keeps_the_scope_and_leaves_out_progress_after_the_as_of_date() {
        let (store, unit) = store_with_unit();
        let conn = store.conn();
        let p2024 = insert_problem(
            conn,
            &NewProblem {
                unit_id: unit.id,
                year: 2024,
                category: None,
                text: "旧问题",
                created_at: AT,
                source: None,
            },
        )
        .unwrap();
        insert_problem(
            conn,
            &NewProblem {
                unit_id: unit.id,
                year: 2025,
                category: None,
                text: "新问题",
                created_at: AT,
                source: None,
            },
        )
        .unwrap();
        let owner = Owner {
            co_depts: vec!["人事科".into()],
            ..Owner::default()
        };
        // A 2025 measure answering the 2024 problem: outside the 2024 scope, but it counts.
        let m = insert_measure(
            conn,
            &NewMeasure {
                unit_id: unit.id,
                year: 2025,
                title: None,
                text: "措施",
                owner: &owner,
                deadline: Deadline::LongTerm,
                institution: None,
                created_at: AT,
                source: None,
            },
        )
        .unwrap();
        link(conn, m.id, p2024.id).unwrap();
        for (day, status) in [(1, Status::InProgress), (20, Status::Done)] {
            let date = NaiveDate::from_ymd_opt(2025, 3, day).unwrap();
            insert_progress(
                conn,
                &NewProgress {
                    item: m.id,
                    status,
                    date,
                    note: None,
                    evidence: &[],
                    created_at: AT,
                    source: None,
                },
            )
            .unwrap();
        }
        let as_of = NaiveDate::from_ymd_opt(2025, 3, 10).unwrap();
        let data = load_ledger(
            conn,
            LedgerFilter {
                unit_id: Some(unit.id),
                year: Some(2024),
            },
            as_of,
        )
        .unwrap();
        assert_eq!(data.problems.len(), 1);
        assert!(data.measures.is_empty());
        assert_eq!(data.linked_measures.len(), 1);
        assert_eq!(data.linked_measures[0].owner.co_depts, ["人事科"]);
        assert_eq!(data.links, [(p2024.id, m.id)]);
        let statuses: Vec<Status> = data.progress.iter().map(|e| e.status).collect();
        assert_eq!(statuses, [Status::InProgress]);
    }
}

//! Loading a slice of the ledger (items, links, progress) for analysis.

use std::collections::HashMap;

use anyhow::Context;
use chrono::NaiveDate;
use rusqlite::{Connection, ToSql};

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

impl LedgerFilter {
    /// The condition that keeps the rows of `alias` (`p` or `m`) in scope, written so that SQLite
    /// answers it from the `(unit_id, year)` index: `?1 IS NULL OR unit_id = ?1` would make it
    /// read the whole table whatever the filter.
    fn condition(&self, alias: &str) -> String {
        let mut terms = Vec::new();
        if self.unit_id.is_some() {
            terms.push(format!("{alias}.unit_id = :unit"));
        }
        if self.year.is_some() {
            terms.push(format!("{alias}.year = :year"));
        }
        if terms.is_empty() {
            "1".to_string()
        } else {
            terms.join(" AND ")
        }
    }
}

/// The named parameters of `sql` among `:unit`, `:year` and `:as_of`, bound to their values.
fn bind<'a>(
    sql: &str,
    filter: &'a LedgerFilter,
    as_of: &'a NaiveDate,
) -> Vec<(&'static str, &'a dyn ToSql)> {
    let mut bound: Vec<(&'static str, &'a dyn ToSql)> = Vec::new();
    if let Some(unit) = &filter.unit_id {
        if sql.contains(":unit") {
            bound.push((":unit", unit));
        }
    }
    if let Some(year) = &filter.year {
        if sql.contains(":year") {
            bound.push((":year", year));
        }
    }
    if sql.contains(":as_of") {
        bound.push((":as_of", as_of));
    }
    bound
}

/// The SQL of each part of a ledger load for `filter`. A load scoped to a unit reads only that
/// unit's rows through the indexes, so its cost does not grow with the rest of the store; its
/// progress and co-departments are the whole unit's (every year), which is what the items in
/// scope can depend on, because links never cross units.
struct LoadSql {
    problems: String,
    measures: String,
    linked_measures: String,
    links: String,
    co_depts: String,
    progress: String,
    reported_years: String,
}

impl LoadSql {
    /// Every query, named, for the plan test.
    #[cfg(test)]
    fn parts(&self) -> [(&'static str, &str); 7] {
        [
            ("problems", &self.problems),
            ("measures", &self.measures),
            ("linked measures", &self.linked_measures),
            ("links", &self.links),
            ("co-departments", &self.co_depts),
            ("progress", &self.progress),
            ("reported years", &self.reported_years),
        ]
    }

    fn new(filter: &LedgerFilter) -> LoadSql {
        let scope_p = filter.condition("p");
        let scope_m = filter.condition("m");
        let (unit_p, unit_m) = match filter.unit_id {
            Some(_) => ("p.unit_id = :unit", "m.unit_id = :unit"),
            None => ("1", "1"),
        };
        let progress_scope = match filter.unit_id {
            Some(_) => {
                "AND (pr.problem_id IN (SELECT id FROM problems WHERE unit_id = :unit)
                      OR pr.measure_id IN (SELECT id FROM measures WHERE unit_id = :unit))"
            }
            None => "",
        };
        LoadSql {
            problems: format!(
                "SELECT {PROBLEM_COLUMNS} WHERE {scope_p} ORDER BY u.name, p.year, p.id"
            ),
            measures: format!(
                "SELECT {MEASURE_COLUMNS} WHERE {scope_m} ORDER BY u.name, m.year, m.id"
            ),
            linked_measures: format!(
                "SELECT {MEASURE_COLUMNS} WHERE NOT ({scope_m}) AND m.id IN (
                     SELECT pm.measure_id FROM problem_measures pm
                     JOIN problems p ON p.id = pm.problem_id WHERE {scope_p})
                 ORDER BY m.id"
            ),
            links: format!(
                "SELECT pm.problem_id, pm.measure_id FROM problem_measures pm
                 JOIN problems p ON p.id = pm.problem_id WHERE {scope_p}
                 UNION
                 SELECT pm.problem_id, pm.measure_id FROM problem_measures pm
                 JOIN measures m ON m.id = pm.measure_id WHERE {scope_m}
                 ORDER BY 1, 2"
            ),
            co_depts: format!(
                "SELECT c.measure_id, c.dept FROM measure_co_depts c
                 JOIN measures m ON m.id = c.measure_id WHERE {unit_m}
                 ORDER BY c.measure_id, c.position"
            ),
            progress: format!(
                "SELECT pr.id, pr.uuid, pr.problem_id, pr.measure_id, pr.status, pr.date, pr.note,
                        d.year
                 FROM progress pr LEFT JOIN documents d ON d.id = pr.document_id
                 WHERE pr.date <= :as_of {progress_scope}
                 ORDER BY pr.date, pr.id"
            ),
            reported_years: format!(
                "SELECT u.name, i.year, min(d.year) FROM (
                     SELECT pr.document_id, p.unit_id, p.year FROM problems p
                     JOIN progress pr ON pr.problem_id = p.id
                     WHERE pr.date <= :as_of AND {unit_p}
                     UNION ALL
                     SELECT pr.document_id, m.unit_id, m.year FROM measures m
                     JOIN progress pr ON pr.measure_id = m.id
                     WHERE pr.date <= :as_of AND {unit_m}
                 ) i
                 JOIN documents d ON d.id = i.document_id
                 JOIN units u ON u.id = i.unit_id
                 WHERE d.year > i.year AND d.unit_id = i.unit_id
                 GROUP BY i.unit_id, i.year
                 ORDER BY u.name, i.year"
            ),
        }
    }
}

/// Loads the items in scope and what their statuses depend on, as of `as_of`.
pub fn load_ledger(
    conn: &Connection,
    filter: LedgerFilter,
    as_of: NaiveDate,
) -> Result<LedgerData> {
    let sql = LoadSql::new(&filter);
    let run = |sql: &str| bind(sql, &filter, &as_of);
    let problems = query(conn, &sql.problems, &run(&sql.problems), problem_from_row)
        .context("load problems")?;
    let mut measures = query(conn, &sql.measures, &run(&sql.measures), measure_from_row)
        .context("load measures")?;
    let mut linked_measures = query(
        conn,
        &sql.linked_measures,
        &run(&sql.linked_measures),
        measure_from_row,
    )
    .context("load linked measures")?;
    let links = query(conn, &sql.links, &run(&sql.links), |r| {
        Ok((ItemId::problem(r.get(0)?), ItemId::measure(r.get(1)?)))
    })
    .context("load links")?;
    let co_depts = query(conn, &sql.co_depts, &run(&sql.co_depts), |r| {
        Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?))
    })
    .context("load co-operating departments")?;
    attach_co_depts(
        co_depts,
        measures.iter_mut().chain(linked_measures.iter_mut()),
    );
    let progress = load_progress(conn, &sql.progress, &run(&sql.progress))?;
    let reported_years = query(conn, &sql.reported_years, &run(&sql.reported_years), |r| {
        Ok(ReportedYear {
            unit: r.get(0)?,
            year: r.get(1)?,
            summary_year: r.get(2)?,
        })
    })
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

fn load_progress(
    conn: &Connection,
    sql: &str,
    params: &[(&str, &dyn ToSql)],
) -> Result<Vec<ProgressEntry>> {
    let rows = query(conn, sql, params, |r| {
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
    })
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

fn attach_co_depts<'a>(rows: Vec<(i64, String)>, measures: impl Iterator<Item = &'a mut Measure>) {
    let mut by_measure: HashMap<i64, Vec<String>> = HashMap::new();
    for (id, dept) in rows {
        by_measure.entry(id).or_default().push(dept);
    }
    for m in measures {
        if let Some(depts) = by_measure.remove(&m.id.num) {
            m.owner.co_depts = depts;
        }
    }
}

fn query<T>(
    conn: &Connection,
    sql: &str,
    params: &[(&str, &dyn ToSql)],
    map: impl FnMut(&rusqlite::Row<'_>) -> rusqlite::Result<T>,
) -> rusqlite::Result<Vec<T>> {
    let mut stmt = conn.prepare_cached(sql)?;
    let rows = stmt.query_map(params, map)?;
    rows.collect()
}

#[cfg(test)]
mod tests;

//! Tests of loading a slice of the ledger: its scope, the as-of date, and the query plans.

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

/// The tables a load reads, by name and by the aliases its queries give them.
const TABLES: [&str; 14] = [
    "problems",
    "measures",
    "progress",
    "problem_measures",
    "measure_co_depts",
    "documents",
    "units",
    "p",
    "m",
    "pr",
    "pm",
    "c",
    "d",
    "u",
];

/// The lines of `EXPLAIN QUERY PLAN` that read a whole table of the store.
fn full_scans(conn: &Connection, sql: &str, params: &[(&str, &dyn ToSql)]) -> Vec<String> {
    let mut stmt = conn.prepare(&format!("EXPLAIN QUERY PLAN {sql}")).unwrap();
    let details: Vec<String> = stmt
        .query_map(params, |r| r.get::<_, String>(3))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    details
        .into_iter()
        .filter(|d| {
            let table = d
                .strip_prefix("SCAN ")
                .map(|t| t.split(' ').next().unwrap_or(""));
            table.is_some_and(|t| TABLES.contains(&t))
        })
        .collect()
}

// The store keeps no statistics (no ANALYZE), so SQLite plans the same way whatever the
// number of rows: the plans on this small store are those on a province's.
#[test]
fn a_load_scoped_to_a_unit_reads_every_table_through_an_index() {
    let (store, unit) = store_with_unit();
    let conn = store.conn();
    let as_of = NaiveDate::from_ymd_opt(2026, 1, 15).unwrap();
    for year in [None, Some(2024)] {
        let filter = LedgerFilter {
            unit_id: Some(unit.id),
            year,
        };
        let sql = LoadSql::new(&filter);
        for (name, text) in sql.parts() {
            let scans = full_scans(conn, text, &bind(text, &filter, &as_of));
            assert!(scans.is_empty(), "{name} ({year:?}) scans: {scans:?}");
        }
    }
}

#[test]
fn the_plan_check_sees_a_whole_store_load_read_whole_tables() {
    let (store, _) = store_with_unit();
    let filter = LedgerFilter::default();
    let as_of = NaiveDate::from_ymd_opt(2026, 1, 15).unwrap();
    let sql = LoadSql::new(&filter);
    let scans = full_scans(
        store.conn(),
        &sql.problems,
        &bind(&sql.problems, &filter, &as_of),
    );
    assert!(!scans.is_empty());
}

//! Tests of the ledger import's lookups: what they find, and that each is one index search.

use chrono::NaiveDate;

use super::*;
use crate::store::testing::{add_problem, store_with_unit, AT};
use crate::store::{insert_progress, NewProgress};

#[test]
fn an_item_is_found_by_its_exact_text_in_its_unit_and_year() {
    let (store, unit) = store_with_unit();
    let conn = store.conn();
    let problem = add_problem(conn, &unit, 2024, "会议记录不规范");
    let found = find_problem_by_text(conn, unit.id, 2024, "会议记录不规范").unwrap();
    assert_eq!(found.map(|p| p.id), Some(problem.id));
    assert!(find_problem_by_text(conn, unit.id, 2025, "会议记录不规范")
        .unwrap()
        .is_none());
    assert!(find_measure_by_text(conn, unit.id, 2024, "会议记录不规范")
        .unwrap()
        .is_none());
    assert_eq!(latest_status(conn, problem.id).unwrap(), None);
    for (day, status) in [(9, Status::Done), (1, Status::InProgress)] {
        let entry = NewProgress {
            item: problem.id,
            status,
            date: NaiveDate::from_ymd_opt(2025, 3, day).unwrap(),
            note: None,
            evidence: &[],
            created_at: AT,
            source: None,
        };
        insert_progress(conn, &entry).unwrap();
    }
    assert_eq!(latest_status(conn, problem.id).unwrap(), Some(Status::Done));
}

/// The `detail` lines of `EXPLAIN QUERY PLAN sql`, the parameters bound to `params`.
fn plan(conn: &Connection, sql: &str, params: impl rusqlite::Params) -> Vec<String> {
    let mut stmt = conn.prepare(&format!("EXPLAIN QUERY PLAN {sql}")).unwrap();
    stmt.query_map(params, |r| r.get::<_, String>(3))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap()
}

// The store keeps no statistics (no ANALYZE), so SQLite plans these the same way whatever the
// number of rows: one search of an index on all the columns compared, no sorting.
#[test]
fn each_lookup_of_an_import_is_one_search_of_an_index_on_all_it_compares() {
    let (store, _) = store_with_unit();
    let conn = store.conn();
    let text: [&dyn rusqlite::ToSql; 3] = [&1, &2024, &"x"];
    let cases = [
        (
            problem_by_text_sql(),
            "SEARCH p USING INDEX problems_unit_year_text (unit_id=? AND year=? AND body=?)",
        ),
        (
            measure_by_text_sql(),
            "SEARCH m USING INDEX measures_unit_year_text (unit_id=? AND year=? AND body=?)",
        ),
        (
            crate::store::documents::FIND_DOCUMENT_SQL.to_string(),
            "SEARCH documents USING INDEX documents_unit_year (unit_id=? AND year=?)",
        ),
    ];
    for (sql, search) in cases {
        // ?1 … ?3 for an item, ?1 and ?2 for a document.
        let bound = &text[..sql.matches('?').count()];
        let lines = plan(conn, &sql, bound);
        assert!(lines.iter().any(|l| l == search), "{sql}: {lines:?}");
        assert!(
            !lines
                .iter()
                .any(|l| l.starts_with("SCAN") || l.contains("TEMP B-TREE")),
            "{sql}: {lines:?}"
        );
    }
}

//! The many-to-many link between problems and the measures that answer them.

use anyhow::Context;
use rusqlite::{params, Connection};

use super::measures::{measure_from_row, MEASURE_COLUMNS};
use crate::error::Result;
use crate::model::{ItemId, ItemKind, Measure};

/// Links measure `measure` to problem `problem`. Returns false when they were linked already.
pub fn link(conn: &Connection, measure: ItemId, problem: ItemId) -> Result<bool> {
    let changed = super::cached_execute(
        conn,
        "INSERT OR IGNORE INTO problem_measures (problem_id, measure_id) VALUES (?1, ?2)",
        params![problem.num, measure.num],
    )
    .context("link measure to problem")?;
    Ok(changed == 1)
}

/// Removes the link. Returns false when there was none.
pub fn unlink(conn: &Connection, measure: ItemId, problem: ItemId) -> Result<bool> {
    let changed = super::cached_execute(
        conn,
        "DELETE FROM problem_measures WHERE problem_id = ?1 AND measure_id = ?2",
        params![problem.num, measure.num],
    )
    .context("unlink measure from problem")?;
    Ok(changed == 1)
}

/// The items on the other side of `item`'s links, in id order: a problem's measures or a
/// measure's problems.
pub fn links_of(conn: &Connection, item: ItemId) -> Result<Vec<ItemId>> {
    let (sql, other): (&str, fn(i64) -> ItemId) = match item.kind {
        ItemKind::Problem => (
            "SELECT measure_id FROM problem_measures WHERE problem_id = ?1 ORDER BY measure_id",
            ItemId::measure,
        ),
        ItemKind::Measure => (
            "SELECT problem_id FROM problem_measures WHERE measure_id = ?1 ORDER BY problem_id",
            ItemId::problem,
        ),
    };
    let mut stmt = conn.prepare_cached(sql).context("list links")?;
    let ids = stmt
        .query_map(params![item.num], |r| r.get::<_, i64>(0))
        .and_then(|rows| rows.collect::<rusqlite::Result<Vec<_>>>())
        .context("list links")?;
    Ok(ids.into_iter().map(other).collect())
}

/// Every link of the store, as (measure, problem), in measure then problem order.
pub fn all_links(conn: &Connection) -> Result<Vec<(ItemId, ItemId)>> {
    let mut stmt = conn
        .prepare_cached(
            "SELECT measure_id, problem_id FROM problem_measures ORDER BY measure_id, problem_id",
        )
        .context("list links")?;
    let pairs = stmt
        .query_map([], |r| {
            Ok((ItemId::measure(r.get(0)?), ItemId::problem(r.get(1)?)))
        })
        .and_then(|rows| rows.collect::<rusqlite::Result<Vec<_>>>())
        .context("list links")?;
    Ok(pairs)
}

/// Every measure (of one unit, when given), by unit name, year and id, for comparing texts:
/// the co-operating departments are left empty.
pub fn measures_for_linking(conn: &Connection, unit_id: Option<i64>) -> Result<Vec<Measure>> {
    let mut stmt = conn
        .prepare(&format!(
            "SELECT {MEASURE_COLUMNS} WHERE ?1 IS NULL OR m.unit_id = ?1 ORDER BY u.name, m.year, m.id"
        ))
        .context("list measures")?;
    let measures = stmt
        .query_map(params![unit_id], measure_from_row)
        .and_then(|rows| rows.collect::<rusqlite::Result<Vec<_>>>())
        .context("list measures")?;
    Ok(measures)
}

/// How many measures of unit `unit_id` for `year` are linked to no problem.
pub fn unlinked_measures(conn: &Connection, unit_id: i64, year: i32) -> Result<usize> {
    let count: i64 = super::cached_query_row(
        conn,
        "SELECT count(*) FROM measures m WHERE m.unit_id = ?1 AND m.year = ?2
             AND NOT EXISTS (SELECT 1 FROM problem_measures pm WHERE pm.measure_id = m.id)",
        params![unit_id, year],
        |r| r.get(0),
    )
    .context("count unlinked measures")?;
    Ok(usize::try_from(count).unwrap_or(0))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Deadline, Owner};
    use crate::store::measures::{insert_measure, NewMeasure};
    use crate::store::testing::{add_problem, store_with_unit, AT};

    #[test]
    fn links_are_many_to_many_and_idempotent() {
        let (store, unit) = store_with_unit();
        let conn = store.conn();
        let problem = |text| add_problem(conn, &unit, 2024, text).id;
        let (p1, p2) = (problem("问题一"), problem("问题二"));
        let owner = Owner::default();
        let new = NewMeasure {
            unit_id: unit.id,
            year: 2024,
            title: None,
            text: "措施",
            owner: &owner,
            deadline: Deadline::LongTerm,
            institution: None,
            created_at: AT,
            source: None,
        };
        let m = insert_measure(conn, &new).unwrap().id;
        assert!(link(conn, m, p1).unwrap());
        assert!(!link(conn, m, p1).unwrap());
        assert!(link(conn, m, p2).unwrap());
        assert_eq!(links_of(conn, m).unwrap(), [p1, p2]);
        assert_eq!(links_of(conn, p2).unwrap(), [m]);
        assert!(unlink(conn, m, p1).unwrap());
        assert!(!unlink(conn, m, p1).unwrap());
        assert_eq!(links_of(conn, m).unwrap(), [p2]);
        assert_eq!(all_links(conn).unwrap(), [(m, p2)]);
        let listed = measures_for_linking(conn, Some(unit.id)).unwrap();
        assert_eq!(listed.iter().map(|x| x.id).collect::<Vec<_>>(), [m]);
        assert_eq!(listed[0].text, "措施");
        assert!(measures_for_linking(conn, Some(unit.id + 1))
            .unwrap()
            .is_empty());
    }

    #[test]
    fn unlinked_measures_counts_the_measures_of_a_unit_and_year_that_answer_no_problem() {
        let (store, unit) = store_with_unit();
        let conn = store.conn();
        let p = add_problem(conn, &unit, 2024, "问题一").id;
        let owner = Owner::default();
        let measure = |year, text| {
            let new = NewMeasure {
                unit_id: unit.id,
                year,
                title: None,
                text,
                owner: &owner,
                deadline: Deadline::LongTerm,
                institution: None,
                created_at: AT,
                source: None,
            };
            insert_measure(conn, &new).unwrap().id
        };
        let (m1, _m2, _m3) = (
            measure(2024, "措施一"),
            measure(2024, "措施二"),
            measure(2023, "措施三"),
        );
        assert_eq!(unlinked_measures(conn, unit.id, 2024).unwrap(), 2);
        link(conn, m1, p).unwrap();
        assert_eq!(unlinked_measures(conn, unit.id, 2024).unwrap(), 1);
        assert_eq!(unlinked_measures(conn, unit.id, 2023).unwrap(), 1);
        assert_eq!(unlinked_measures(conn, unit.id + 1, 2024).unwrap(), 0);
    }
}

//! Problem texts in bulk, for analyses that compare every problem with many others (problems
//! shared by many units).

use anyhow::Context;
use rusqlite::{params, Connection};

use crate::error::Result;
use crate::model::ItemId;
use crate::model::ProblemText;

/// Every problem of `year` (every problem when `None`), in id order, in one query.
pub fn problems_for_clustering(conn: &Connection, year: Option<i32>) -> Result<Vec<ProblemText>> {
    let mut stmt = conn
        .prepare_cached(
            "SELECT p.id, p.unit_id, u.name, p.year, p.body
             FROM problems p JOIN units u ON u.id = p.unit_id
             WHERE ?1 IS NULL OR p.year = ?1
             ORDER BY p.id",
        )
        .context("load problem texts")?;
    let rows = stmt
        .query_map(params![year], |r| {
            Ok(ProblemText {
                id: ItemId::problem(r.get(0)?),
                unit_id: r.get(1)?,
                unit: r.get(2)?,
                year: r.get(3)?,
                text: r.get(4)?,
            })
        })
        .and_then(|rows| rows.collect::<rusqlite::Result<Vec<_>>>())
        .context("load problem texts")?;
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::testing::{add_problem, store_with_unit};

    #[test]
    fn problem_texts_come_in_id_order_and_filtered_by_year() {
        let (store, unit) = store_with_unit();
        let conn = store.conn();
        for (year, text) in [
            (2024, "理论学习不够深入"),
            (2023, "调研不深入"),
            (2024, "党费收缴不规范"),
        ] {
            add_problem(conn, &unit, year, text);
        }
        let all = problems_for_clustering(conn, None).unwrap();
        assert_eq!(all.len(), 3);
        assert_eq!(all[1].text, "调研不深入");
        assert_eq!(all[0].unit, "甲局");
        let year: Vec<String> = problems_for_clustering(conn, Some(2024))
            .unwrap()
            .into_iter()
            .map(|p| p.id.to_string())
            .collect();
        assert_eq!(year, ["P1", "P3"]);
    }
}

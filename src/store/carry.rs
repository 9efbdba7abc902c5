//! Carry-over links (持续推进): a later year's measure that continues an unfinished one.

use std::collections::HashMap;

use anyhow::Context;
use rusqlite::{params, Connection};

use crate::error::Result;
use crate::model::ItemId;

/// Records that measure `to` continues measure `from`.
pub fn insert_carry(conn: &Connection, from: ItemId, to: ItemId, created_at: &str) -> Result<()> {
    conn.execute(
        "INSERT INTO carry_overs (from_measure, to_measure, created_at) VALUES (?1, ?2, ?3)",
        params![from.num, to.num, created_at],
    )
    .context("insert carry-over")?;
    Ok(())
}

/// Every carry-over of the store, as later measure → the measure it continues.
pub fn carried_from(conn: &Connection) -> Result<HashMap<ItemId, ItemId>> {
    let mut stmt = conn
        .prepare("SELECT to_measure, from_measure FROM carry_overs")
        .context("list carry-overs")?;
    let pairs = stmt
        .query_map([], |r| {
            Ok((ItemId::measure(r.get(0)?), ItemId::measure(r.get(1)?)))
        })
        .and_then(|rows| rows.collect::<rusqlite::Result<HashMap<_, _>>>())
        .context("list carry-overs")?;
    Ok(pairs)
}

/// The measures `from` was carried into, with their years, in id order.
pub fn carried_into(conn: &Connection, from: ItemId) -> Result<Vec<(ItemId, i32)>> {
    let mut stmt = conn
        .prepare(
            "SELECT c.to_measure, m.year FROM carry_overs c JOIN measures m ON m.id = c.to_measure
             WHERE c.from_measure = ?1 ORDER BY c.to_measure",
        )
        .context("list carry-overs")?;
    let rows = stmt
        .query_map(params![from.num], |r| {
            Ok((ItemId::measure(r.get(0)?), r.get(1)?))
        })
        .and_then(|rows| rows.collect::<rusqlite::Result<Vec<_>>>())
        .context("list carry-overs")?;
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Deadline, Owner};
    use crate::store::measures::{insert_measure, NewMeasure};
    use crate::store::testing::{store_with_unit, AT};

    #[test]
    fn a_carry_over_is_found_from_both_ends() {
        let (store, unit) = store_with_unit();
        let conn = store.conn();
        let owner = Owner::default();
        let add = |year| {
            let new = NewMeasure {
                unit_id: unit.id,
                year,
                title: None,
                text: "措施",
                owner: &owner,
                deadline: Deadline::default_for_year(year),
                institution: None,
                created_at: AT,
                source: None,
            };
            insert_measure(conn, &new).unwrap().id
        };
        let (old, new) = (add(2024), add(2025));
        insert_carry(conn, old, new, AT).unwrap();
        assert_eq!(carried_from(conn).unwrap(), HashMap::from([(new, old)]));
        assert_eq!(carried_into(conn, old).unwrap(), [(new, 2025)]);
        assert!(
            insert_carry(conn, old, new, AT).is_err(),
            "a measure is carried into another once"
        );
    }
}

//! Recurrence decisions: a person's confirmation or rejection of a proposed recurring pair.

use std::collections::HashMap;

use anyhow::Context;
use rusqlite::{params, Connection};

use crate::error::Result;
use crate::model::Decision;
use crate::model::ItemId;

/// Records (or changes) the decision about `earlier` → `later`.
pub fn set_decision(
    conn: &Connection,
    earlier: ItemId,
    later: ItemId,
    decision: Decision,
    score: f64,
    at: &str,
    actor: &str,
) -> Result<()> {
    conn.execute(
        "INSERT INTO recurrences (earlier_problem, later_problem, decision, score, decided_at, actor)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)
         ON CONFLICT (earlier_problem, later_problem) DO UPDATE
         SET decision = excluded.decision, score = excluded.score,
             decided_at = excluded.decided_at, actor = excluded.actor",
        params![earlier.num, later.num, decision.code(), score, at, actor],
    )
    .context("record recurrence decision")?;
    Ok(())
}

/// Every decision of the store, keyed by (earlier, later).
pub fn decisions(conn: &Connection) -> Result<HashMap<(ItemId, ItemId), Decision>> {
    let mut stmt = conn
        .prepare("SELECT earlier_problem, later_problem, decision FROM recurrences")
        .context("list recurrence decisions")?;
    let rows = stmt
        .query_map([], |r| {
            let decision = match r.get::<_, String>(2)?.as_str() {
                "confirmed" => Decision::Confirmed,
                _ => Decision::Rejected,
            };
            Ok((
                (ItemId::problem(r.get(0)?), ItemId::problem(r.get(1)?)),
                decision,
            ))
        })
        .and_then(|rows| rows.collect::<rusqlite::Result<HashMap<_, _>>>())
        .context("list recurrence decisions")?;
    Ok(rows)
}

/// Confirmed recurrences as later problem → the earlier problems it repeats, in id order.
pub fn confirmed_recurrences(conn: &Connection) -> Result<HashMap<ItemId, Vec<ItemId>>> {
    let mut map: HashMap<ItemId, Vec<ItemId>> = HashMap::new();
    for ((earlier, later), decision) in decisions(conn)? {
        if decision == Decision::Confirmed {
            map.entry(later).or_default().push(earlier);
        }
    }
    for earlier in map.values_mut() {
        earlier.sort();
    }
    Ok(map)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::testing::{add_problem, store_with_unit, AT};

    #[test]
    fn a_decision_can_be_changed_and_only_confirmed_ones_count() {
        let (store, unit) = store_with_unit();
        let conn = store.conn();
        let add = |year, text| add_problem(conn, &unit, year, text).id;
        let (a, b, c) = (
            add(2023, "学习不深"),
            add(2024, "学习不够深入"),
            add(2025, "学习仍不深入"),
        );
        set_decision(conn, a, b, Decision::Rejected, 0.5, AT, "tester").unwrap();
        set_decision(conn, a, b, Decision::Confirmed, 0.5, AT, "tester").unwrap();
        set_decision(conn, b, c, Decision::Rejected, 0.6, AT, "tester").unwrap();
        assert_eq!(decisions(conn).unwrap().len(), 2);
        assert_eq!(
            confirmed_recurrences(conn).unwrap(),
            HashMap::from([(b, vec![a])])
        );
    }
}

//! The append-only event log: every change, who made it and when.

use anyhow::Context;
use rusqlite::{params, Connection};

use crate::error::Result;
use crate::model::Event;

/// An event about to be appended.
#[derive(Debug, Clone)]
pub struct NewEvent<'a> {
    pub at: &'a str,
    pub actor: &'a str,
    /// The item's short id at the time (`P12`, `M3`, or `U1` for a unit).
    pub item: &'a str,
    pub item_uuid: &'a str,
    /// What happened: `create`, `edit`, `link`, `unlink`, `progress`, `alias`.
    pub action: &'a str,
    pub detail: serde_json::Value,
}

/// Appends an event to the log.
pub fn append_event(conn: &Connection, event: &NewEvent<'_>) -> Result<()> {
    super::cached_execute(
        conn,
        "INSERT INTO events (uuid, at, actor, item, item_uuid, action, detail, operation)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, (SELECT max(id) FROM operations))",
        params![
            super::new_uuid(),
            event.at,
            event.actor,
            event.item,
            event.item_uuid,
            event.action,
            event.detail.to_string()
        ],
    )
    .context("append event")?;
    Ok(())
}

/// Everyone who has recorded a change in the store, in name order.
pub fn actors(conn: &Connection) -> Result<Vec<String>> {
    let mut stmt = conn
        .prepare("SELECT DISTINCT actor FROM events ORDER BY actor")
        .context("list actors")?;
    let actors = stmt
        .query_map([], |r| r.get(0))
        .and_then(|rows| rows.collect::<rusqlite::Result<Vec<String>>>())
        .context("list actors")?;
    Ok(actors)
}

/// The UUID of the item last known by the short id `item` (P12) in the log: the way to the
/// history of an item that was deleted.
pub fn uuid_of_logged_item(conn: &Connection, item: &str) -> Result<Option<String>> {
    use rusqlite::OptionalExtension;
    super::cached_query_row(
        conn,
        "SELECT item_uuid FROM events WHERE item = ?1 ORDER BY id DESC LIMIT 1",
        [item],
        |r| r.get(0),
    )
    .optional()
    .context("find an item in the log")
    .map_err(Into::into)
}

/// The events of the item with this UUID, in the order they were recorded.
pub fn events_for(conn: &Connection, item_uuid: &str) -> Result<Vec<Event>> {
    let mut stmt = conn
        .prepare("SELECT id, at, actor, item, action, detail FROM events WHERE item_uuid = ?1 ORDER BY id")
        .context("list events")?;
    let rows = stmt
        .query_map(params![item_uuid], |r| {
            Ok((
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                r.get(3)?,
                r.get(4)?,
                r.get::<_, String>(5)?,
            ))
        })
        .and_then(|rows| rows.collect::<rusqlite::Result<Vec<_>>>())
        .context("list events")?;
    rows.into_iter()
        .map(|(seq, at, actor, item, action, detail)| {
            let detail = serde_json::from_str(&detail).context("read event detail")?;
            Ok(Event {
                seq,
                at,
                actor,
                item,
                action,
                detail,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::testing::{store_with_unit, AT};

    #[test]
    fn events_are_listed_in_order_and_cannot_be_deleted() {
        let (store, unit) = store_with_unit();
        let conn = store.conn();
        for action in ["create", "alias"] {
            let event = NewEvent {
                at: AT,
                actor: "tester",
                item: "U1",
                item_uuid: &unit.uuid,
                action,
                detail: serde_json::json!({"n": action}),
            };
            append_event(conn, &event).unwrap();
        }
        let events = events_for(conn, &unit.uuid).unwrap();
        let actions: Vec<&str> = events.iter().map(|e| e.action.as_str()).collect();
        assert_eq!(actions, ["create", "alias"]);
        assert_eq!(events[1].detail["n"], "alias");
        assert!(conn.execute("DELETE FROM events", []).is_err());
    }
}

//! Units (单位) and their aliases.

use anyhow::Context;
use rusqlite::{params, Connection, OptionalExtension};

use crate::error::{Error, Result};
use crate::model::Unit;
use crate::model::UnitSummary;

/// Adds a unit. Fails with `UnitExists` when the name (or an alias) is taken.
pub fn insert_unit(conn: &Connection, name: &str, created_at: &str) -> Result<Unit> {
    if find_unit(conn, name)?.is_some() {
        return Err(Error::UnitExists(name.to_string()));
    }
    let uuid = super::new_uuid();
    super::cached_execute(
        conn,
        "INSERT INTO units (uuid, name, created_at) VALUES (?1, ?2, ?3)",
        params![uuid, name, created_at],
    )
    .context("insert unit")?;
    Ok(Unit {
        id: conn.last_insert_rowid(),
        uuid,
        name: name.to_string(),
        aliases: vec![],
    })
}

/// Gives `unit` another name. Fails with `AliasTaken` when the alias names another unit.
pub fn add_alias(conn: &Connection, unit: &Unit, alias: &str) -> Result<()> {
    if let Some(owner) = find_unit(conn, alias)? {
        if owner.id == unit.id {
            return Ok(());
        }
        return Err(Error::AliasTaken {
            alias: alias.to_string(),
            unit: owner.name,
        });
    }
    super::cached_execute(
        conn,
        "INSERT INTO unit_aliases (alias, unit_id) VALUES (?1, ?2)",
        params![alias, unit.id],
    )
    .context("insert unit alias")?;
    Ok(())
}

/// The unit whose name or alias is exactly `name`, if any.
pub fn find_unit(conn: &Connection, name: &str) -> Result<Option<Unit>> {
    let row = super::cached_query_row(
        conn,
        "SELECT u.id, u.uuid, u.name FROM units u WHERE u.name = ?1
             UNION ALL
             SELECT u.id, u.uuid, u.name FROM unit_aliases a JOIN units u ON u.id = a.unit_id
             WHERE a.alias = ?1
             LIMIT 1",
        params![name],
        |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
            ))
        },
    )
    .optional()
    .context("find unit")?;
    match row {
        None => Ok(None),
        Some((id, uuid, name)) => {
            let aliases = aliases_of(conn, id)?;
            Ok(Some(Unit {
                id,
                uuid,
                name,
                aliases,
            }))
        }
    }
}

/// Every name and alias in the store, with the unit each belongs to, for suggestions.
pub fn unit_names(conn: &Connection) -> Result<Vec<(String, String)>> {
    let mut stmt = conn
        .prepare(
            "SELECT name, name FROM units
             UNION ALL
             SELECT a.alias, u.name FROM unit_aliases a JOIN units u ON u.id = a.unit_id",
        )
        .context("list unit names")?;
    let rows = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .and_then(|rows| rows.collect::<rusqlite::Result<Vec<_>>>())
        .context("list unit names")?;
    Ok(rows)
}

/// All units in name order, with their aliases and item counts.
pub fn list_units(conn: &Connection) -> Result<Vec<UnitSummary>> {
    let mut stmt = conn
        .prepare(
            "SELECT u.id, u.uuid, u.name,
                    (SELECT count(*) FROM problems p WHERE p.unit_id = u.id),
                    (SELECT count(*) FROM measures m WHERE m.unit_id = u.id)
             FROM units u ORDER BY u.name",
        )
        .context("list units")?;
    let rows = stmt
        .query_map([], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get(1)?,
                r.get(2)?,
                r.get(3)?,
                r.get(4)?,
            ))
        })
        .and_then(|rows| rows.collect::<rusqlite::Result<Vec<_>>>())
        .context("list units")?;
    rows.into_iter()
        .map(|(id, uuid, name, problems, measures)| {
            let aliases = aliases_of(conn, id)?;
            Ok(UnitSummary {
                unit: Unit {
                    id,
                    uuid,
                    name,
                    aliases,
                },
                problems,
                measures,
            })
        })
        .collect()
}

fn aliases_of(conn: &Connection, unit_id: i64) -> Result<Vec<String>> {
    let mut stmt = conn
        .prepare_cached("SELECT alias FROM unit_aliases WHERE unit_id = ?1 ORDER BY rowid")
        .context("list aliases")?;
    let aliases = stmt
        .query_map(params![unit_id], |r| r.get(0))
        .and_then(|rows| rows.collect::<rusqlite::Result<Vec<String>>>())
        .context("list aliases")?;
    Ok(aliases)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Store;

    #[test]
    fn a_unit_is_found_by_its_name_and_by_its_alias() {
        let store = Store::in_memory().unwrap();
        let conn = store.conn();
        let unit = insert_unit(conn, "国家税务总局临江市税务局", "t").unwrap();
        add_alias(conn, &unit, "临江市税务局").unwrap();
        assert_eq!(
            find_unit(conn, "临江市税务局").unwrap().unwrap().id,
            unit.id
        );
        assert_eq!(
            find_unit(conn, "国家税务总局临江市税务局")
                .unwrap()
                .unwrap()
                .aliases,
            ["临江市税务局"]
        );
        assert!(find_unit(conn, "临江").unwrap().is_none());
    }

    #[test]
    fn an_alias_cannot_name_two_units() {
        let store = Store::in_memory().unwrap();
        let conn = store.conn();
        let a = insert_unit(conn, "甲局", "t").unwrap();
        let b = insert_unit(conn, "乙局", "t").unwrap();
        add_alias(conn, &a, "本局").unwrap();
        assert!(matches!(
            add_alias(conn, &b, "本局"),
            Err(Error::AliasTaken { .. })
        ));
        assert!(matches!(
            insert_unit(conn, "本局", "t"),
            Err(Error::UnitExists(_))
        ));
    }
}

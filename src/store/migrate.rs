//! Forward-only migrations: the numbered files of `schema/`, embedded in the binary.
//!
//! Step N is `MIGRATIONS[N - 1]`; `PRAGMA user_version` records the last step applied. Each step
//! runs in its own transaction, so a failed upgrade leaves the store at the previous step.

use rusqlite::Connection;

/// Every file of `schema/`, in order. A test checks that none is missing.
pub const MIGRATIONS: &[(&str, &str)] = &[
    ("001_init.sql", include_str!("../../schema/001_init.sql")),
    (
        "002_carry_over.sql",
        include_str!("../../schema/002_carry_over.sql"),
    ),
    (
        "003_recurrence.sql",
        include_str!("../../schema/003_recurrence.sql"),
    ),
    (
        "004_status_rules.sql",
        include_str!("../../schema/004_status_rules.sql"),
    ),
    (
        "005_operations.sql",
        include_str!("../../schema/005_operations.sql"),
    ),
    (
        "006_institution.sql",
        include_str!("../../schema/006_institution.sql"),
    ),
    (
        "007_lookup_indexes.sql",
        include_str!("../../schema/007_lookup_indexes.sql"),
    ),
];

/// The schema version this binary writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

pub(super) fn user_version(conn: &Connection) -> rusqlite::Result<i64> {
    conn.pragma_query_value(None, "user_version", |r| r.get(0))
}

/// True when the file holds no tables at all (a new or zero-length file).
pub(super) fn is_empty(conn: &Connection) -> rusqlite::Result<bool> {
    let count: i64 = conn.query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0))?;
    Ok(count == 0)
}

/// Applies the steps after `from`, each in its own transaction.
pub(super) fn migrate(
    conn: &mut Connection,
    from: i64,
    application_id: i64,
) -> rusqlite::Result<()> {
    for (index, (_, sql)) in MIGRATIONS.iter().enumerate().skip(from as usize) {
        let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "application_id", application_id)?;
        tx.pragma_update(None, "user_version", index as i64 + 1)?;
        tx.commit()?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_schema_file_is_registered_in_order() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/schema");
        let mut files: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|name| name.ends_with(".sql"))
            .collect();
        files.sort();
        let registered: Vec<&str> = MIGRATIONS.iter().map(|(name, _)| *name).collect();
        assert_eq!(files, registered);
        for (index, name) in registered.iter().enumerate() {
            assert!(
                name.starts_with(&format!("{:03}_", index + 1)),
                "{name} is out of order"
            );
        }
    }

    #[test]
    fn a_store_of_step_5_gains_the_institution_column_and_its_measures_read_from_their_words() {
        let mut conn = Connection::open_in_memory().unwrap();
        for (_, sql) in &MIGRATIONS[..5] {
            conn.execute_batch(sql).unwrap();
        }
        conn.pragma_update(None, "user_version", 5).unwrap();
        conn.execute_batch(
            "INSERT INTO units (id, uuid, name, created_at) VALUES (1, 'u', '甲局', 'now');
             INSERT INTO measures (id, uuid, unit_id, year, body, deadline_kind, created_at)
             VALUES (1, 'm', 1, 2024, '修订完善差旅费报销规定', 'long_term', 'now');",
        )
        .unwrap();
        migrate(&mut conn, 5, 1).unwrap();
        assert_eq!(user_version(&conn).unwrap(), SCHEMA_VERSION);
        let setting: Option<String> = conn
            .query_row("SELECT institution FROM measures WHERE id = 1", [], |r| {
                r.get(0)
            })
            .unwrap();
        assert_eq!(setting, None);
        conn.execute("UPDATE measures SET institution = 'none' WHERE id = 1", [])
            .unwrap();
        assert!(conn
            .execute("UPDATE measures SET institution = 'auto' WHERE id = 1", [])
            .is_err());
    }

    #[test]
    fn undoing_an_edit_of_a_measure_restores_its_institution() {
        let mut conn = Connection::open_in_memory().unwrap();
        migrate(&mut conn, 0, 1).unwrap();
        conn.execute_batch(
            "INSERT INTO units (id, uuid, name, created_at) VALUES (1, 'u', '甲局', 'now');
             INSERT INTO measures (id, uuid, unit_id, year, body, deadline_kind, created_at,
                                   institution)
             VALUES (1, 'm', 1, 2024, '措施', 'long_term', 'now', 'revise');
             INSERT INTO operations (id, uuid, at, actor, command) VALUES (1, 'o', 'now', 'a', 'edit');
             UPDATE measures SET institution = NULL WHERE id = 1;",
        )
        .unwrap();
        let revert: String = conn
            .query_row("SELECT revert FROM undo_log WHERE operation = 1", [], |r| {
                r.get(0)
            })
            .unwrap();
        conn.execute_batch(&revert).unwrap();
        let setting: Option<String> = conn
            .query_row("SELECT institution FROM measures WHERE id = 1", [], |r| {
                r.get(0)
            })
            .unwrap();
        assert_eq!(setting.as_deref(), Some("revise"));
    }

    #[test]
    fn migrating_twice_is_harmless() {
        let mut conn = Connection::open_in_memory().unwrap();
        migrate(&mut conn, 0, 1).unwrap();
        migrate(&mut conn, SCHEMA_VERSION, 1).unwrap();
        assert_eq!(user_version(&conn).unwrap(), SCHEMA_VERSION);
    }
}

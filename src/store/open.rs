//! Opening a store file: the checks before and after, read-only and immutable fallbacks for
//! read-only folders, and turning SQLite's answers into errors a user can act on.

use std::path::Path;
use std::time::Duration;

use rusqlite::{Connection, ErrorCode, OpenFlags};

use super::DEFAULT_BUSY_TIMEOUT;
use crate::error::{Error, Msg, Refusal, Result};

/// The tables every store of schema `version` has; a store missing one cannot be used.
pub(super) fn required_tables(version: i64) -> Vec<&'static str> {
    let mut tables = vec![
        "units",
        "unit_aliases",
        "documents",
        "problems",
        "measures",
        "measure_co_depts",
        "problem_measures",
        "progress",
        "evidence",
        "events",
    ];
    if version >= 2 {
        tables.push("carry_overs");
    }
    if version >= 3 {
        tables.push("recurrences");
    }
    tables
}

/// Refuses a store that lacks tables its schema version promises (`Error::StoreIncomplete`).
pub(crate) fn check_tables(path: &Path, conn: &Connection, version: i64) -> Result<()> {
    let mut stmt = conn
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'table'")
        .map_err(|e| classify(path, e))?;
    let present: Vec<String> = stmt
        .query_map([], |r| r.get(0))
        .and_then(|rows| rows.collect())
        .map_err(|e| classify(path, e))?;
    let missing: Vec<&str> = required_tables(version)
        .into_iter()
        .filter(|t| !present.iter().any(|p| p == t))
        .collect();
    if missing.is_empty() {
        Ok(())
    } else {
        Err(Error::StoreIncomplete {
            path: path.to_path_buf(),
            missing: missing.join(", "),
        })
    }
}

pub(super) fn application_id(conn: &Connection) -> rusqlite::Result<i64> {
    conn.pragma_query_value(None, "application_id", |r| r.get(0))
}

/// Opens `path` to be read and never written. Where SQLite may write beside it, the connection
/// is a read-write one that only reads, so the last reader tidies the `-wal` and `-shm` files
/// away as a writer does; a read-only file or folder gets [`open_read_only`].
pub(crate) fn open_for_reading(path: &Path) -> Result<Connection> {
    if is_read_only(path) || folder_is_read_only(path) {
        return open_read_only(path);
    }
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|e| classify(path, e))?;
    conn.query_row("SELECT count(*) FROM sqlite_schema", [], |r| {
        r.get::<_, i64>(0)
    })
    .map_err(|e| classify(path, e))?;
    Ok(conn)
}

/// Opens `path` read-only and reads its schema, so a file SQLite cannot read fails here. A store
/// in WAL mode in a folder nobody may write to (no `-shm` can be made) is opened as immutable:
/// nobody can be writing to it there.
pub(crate) fn open_read_only(path: &Path) -> Result<Connection> {
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let probe = |conn: &Connection| {
        conn.query_row("SELECT count(*) FROM sqlite_schema", [], |r| {
            r.get::<_, i64>(0)
        })
    };
    let first = Connection::open_with_flags(path, flags).and_then(|conn| {
        probe(&conn)?;
        Ok(conn)
    });
    match first {
        Ok(conn) => Ok(conn),
        Err(error)
            if matches!(
                error.sqlite_error_code(),
                Some(ErrorCode::CannotOpen | ErrorCode::ReadOnly)
            ) =>
        {
            let uri = immutable_uri(path).ok_or_else(|| classify(path, error))?;
            let conn = Connection::open_with_flags(uri, flags | OpenFlags::SQLITE_OPEN_URI)
                .map_err(|e| classify(path, e))?;
            probe(&conn).map_err(|e| classify(path, e))?;
            Ok(conn)
        }
        Err(error) => Err(classify(path, error)),
    }
}

/// `file:/abs/path?immutable=1`, with the characters a URI gives a meaning escaped.
pub(super) fn immutable_uri(path: &Path) -> Option<String> {
    let absolute = std::path::absolute(path).ok()?;
    let text = absolute.to_str()?;
    let mut uri = String::from("file:");
    for ch in text.chars() {
        match ch {
            '%' | '?' | '#' | ' ' => uri.push_str(&format!("%{:02X}", ch as u32)),
            _ => uri.push(ch),
        }
    }
    uri.push_str("?immutable=1");
    Some(uri)
}

/// Whether the folder holding `path` is marked read-only (SQLite keeps its journal there).
pub(super) fn folder_is_read_only(path: &Path) -> bool {
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    is_read_only(folder)
}

pub(crate) fn busy_timeout() -> Duration {
    std::env::var("TAIZHANG_BUSY_TIMEOUT_MS")
        .ok()
        .and_then(|ms| ms.parse().ok())
        .map(Duration::from_millis)
        .unwrap_or(DEFAULT_BUSY_TIMEOUT)
}

pub(super) fn check_path(path: &Path) -> Result<()> {
    if path.is_dir() {
        return Err(Error::StoreIsDirectory(path.to_path_buf()));
    }
    Ok(())
}

/// Permission bits, not a write attempt: root can write to a file it marked read-only, and the
/// user's intent still deserves respect.
pub(super) fn is_read_only(path: &Path) -> bool {
    std::fs::metadata(path)
        .map(|m| m.permissions().readonly())
        .unwrap_or(false)
}

/// Turns SQLite's answer into an error the user can act on.
pub(crate) fn classify(path: &Path, error: rusqlite::Error) -> Error {
    match error.sqlite_error_code() {
        Some(ErrorCode::NotADatabase) if has_sqlite_header(path) => {
            Error::StoreDamaged(path.to_path_buf())
        }
        Some(ErrorCode::NotADatabase) => Error::NotAStore(path.to_path_buf()),
        Some(ErrorCode::DatabaseCorrupt) => Error::StoreDamaged(path.to_path_buf()),
        Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => {
            Error::StoreBusy(path.to_path_buf())
        }
        Some(ErrorCode::ReadOnly) => Error::StoreReadOnly(path.to_path_buf()),
        Some(ErrorCode::CannotOpen) => Msg::CannotOpenStore {
            path: path.display().to_string(),
        }
        .into(),
        _ => Error::Other(anyhow::Error::new(error).context(format!("store {}", path.display()))),
    }
}

/// Whether the file starts as every SQLite database does (so a failure to read it is damage).
pub(super) fn has_sqlite_header(path: &Path) -> bool {
    use std::io::Read;
    let mut head = [0u8; 16];
    std::fs::File::open(path)
        .and_then(|mut f| f.read_exact(&mut head))
        .is_ok_and(|()| &head == b"SQLite format 3\0")
}

/// Turns an error that reached the top with SQLite's answer inside it (a page read late in a
/// command, a write that found the disk full) into the catalogue's error naming the store, so
/// that no raw SQLite text reaches the user; other errors pass unchanged.
pub fn recognise_damage(error: Error, store: &Path) -> Error {
    let code = match &error {
        Error::Other(e) => e.chain().find_map(|cause| {
            cause
                .downcast_ref::<rusqlite::Error>()
                .and_then(rusqlite::Error::sqlite_error_code)
        }),
        _ => None,
    };
    let path = store.display().to_string();
    match code {
        Some(ErrorCode::DatabaseCorrupt) => Error::StoreDamaged(store.to_path_buf()),
        Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => {
            Error::StoreBusy(store.to_path_buf())
        }
        Some(ErrorCode::ReadOnly) => Error::StoreReadOnly(store.to_path_buf()),
        Some(ErrorCode::DiskFull) => Refusal::StoreDiskFull { path }.into(),
        Some(ErrorCode::SystemIoFailure) => Refusal::StoreIoFailed { path }.into(),
        _ => error,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::{Store, APPLICATION_ID};

    #[test]
    fn an_immutable_uri_escapes_what_a_uri_gives_a_meaning() {
        let uri = immutable_uri(Path::new("/数据/a b?#%.db")).unwrap();
        assert_eq!(uri, "file:/数据/a%20b%3F%23%25.db?immutable=1");
    }

    #[test]
    fn the_immutable_uri_of_a_store_opens_it_read_only() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.db");
        let (store, _) = Store::create(&path).unwrap();
        drop(store);
        let conn = Connection::open_with_flags(
            immutable_uri(&path).unwrap(),
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_URI,
        )
        .unwrap();
        assert_eq!(application_id(&conn).unwrap(), APPLICATION_ID);
    }
}

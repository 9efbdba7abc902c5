//! Copies of the whole store through SQLite's online backup API: `backup` (consistent while
//! another process writes), the check a file must pass before `restore` trusts it, and `restore`
//! itself. Files are written only through [`crate::files`].

use std::path::{Path, PathBuf};

use rusqlite::backup::{Backup, StepResult};
use rusqlite::{Connection, OpenFlags};
use serde::Serialize;

use super::{application_id, check_tables, classify, migrate, open_for_reading};
use super::{busy_timeout, APPLICATION_ID, SCHEMA_VERSION};
use crate::error::{Error, Msg, Result};
use crate::files;

/// What a copy of the store holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub units: i64,
    pub problems: i64,
    pub measures: i64,
    pub progress: i64,
}

/// What [`restore`] did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Restored {
    /// The store as it was before, kept beside it (none when there was no store).
    pub kept: Option<PathBuf>,
    /// The schema of the restored file, when it was older and has been upgraded.
    pub upgraded_from: Option<i64>,
    pub counts: Counts,
}

/// Writes a copy of the store at `store` to `target` (never over the store, over an existing file
/// only when `force`), in one read snapshot, and returns what the copy holds. A store of an
/// older schema is copied as it is.
pub fn backup(store: &Path, target: &Path, force: bool) -> Result<Counts> {
    let conn = open_store_to_copy(store)?;
    let mut counts = None;
    files::write_with(target, force, Some(store), |partial| {
        let dest = copy_into(store, &conn, partial)?;
        counts = Some(count(partial, &dest)?);
        Ok(())
    })?;
    Ok(counts.expect("counted when written"))
}

/// Writes a copy of the store (already open as `conn`) to the new file `target`.
pub(super) fn copy_to_file(store: &Path, conn: &Connection, target: &Path) -> Result<()> {
    files::write_with(target, false, Some(store), |partial| {
        copy_into(store, conn, partial).map(drop)
    })
    .map(drop)
}

/// Opens a file given to `restore` and checks it: a taizhang store (application id and tables),
/// not from a newer taizhang, passing `PRAGMA integrity_check`. Returns it open read-only with
/// its schema version.
pub fn check_backup(file: &Path) -> Result<(Connection, i64)> {
    if !file.is_file() {
        return Err(Msg::NoBackupFile {
            path: file.display().to_string(),
        }
        .into());
    }
    let not_a_backup = || Error::NotABackup(file.to_path_buf());
    let conn = open_for_reading(file).map_err(|e| match e {
        Error::StoreDamaged(_) => Error::BackupDamaged(file.to_path_buf()),
        _ => not_a_backup(),
    })?;
    if application_id(&conn).map_err(|_| not_a_backup())? != APPLICATION_ID {
        return Err(not_a_backup());
    }
    let version = migrate::user_version(&conn).map_err(|_| not_a_backup())?;
    if version > SCHEMA_VERSION {
        return Err(Error::StoreTooNew {
            path: file.to_path_buf(),
            found: version,
            known: SCHEMA_VERSION,
        });
    }
    check_tables(file, &conn, version)?;
    let verdict: rusqlite::Result<String> =
        conn.query_row("PRAGMA integrity_check(1)", [], |r| r.get(0));
    if verdict.as_deref() != Ok("ok") {
        return Err(Error::BackupDamaged(file.to_path_buf()));
    }
    Ok((conn, version))
}

/// Puts the content of `file` (checked by [`check_backup`]) in place of the store at `store`,
/// upgraded to the current schema when older. The store as it was is first kept beside it under
/// [`files::backup_name`]; a store that cannot be read as one is replaced only when `force`,
/// after a copy of its bytes is kept. The content goes into the store through the backup API,
/// in one step, under the store's write lock.
pub fn restore(store: &Path, file: &Path, stamp: &str, force: bool) -> Result<Restored> {
    if files::same_file(file, store) {
        return Err(Msg::RestoreFromItself {
            path: file.display().to_string(),
        }
        .into());
    }
    let (source, version) = check_backup(file)?;
    let mut content = Connection::open_in_memory().map_err(anyhow::Error::from)?;
    copy(&source, &mut content).map_err(|e| classify(file, e))?;
    drop(source);
    if version < SCHEMA_VERSION {
        migrate::migrate(&mut content, version, APPLICATION_ID).map_err(|e| classify(file, e))?;
    }
    let counts = count(file, &content)?;
    let kept = keep_current(store, stamp, force)?;
    if super::is_read_only(store) {
        return Err(Error::StoreReadOnly(store.to_path_buf()));
    }
    let mut dest = Connection::open_with_flags(
        store,
        OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|e| classify(store, e))?;
    dest.busy_timeout(busy_timeout())
        .map_err(|e| classify(store, e))?;
    copy(&content, &mut dest).map_err(|e| classify(store, e))?;
    dest.pragma_update_and_check(None, "journal_mode", "wal", |_| Ok(()))
        .map_err(|e| classify(store, e))?;
    Ok(Restored {
        kept,
        upgraded_from: (version < SCHEMA_VERSION).then_some(version),
        counts,
    })
}

/// Keeps the current store beside itself before it is replaced.
fn keep_current(store: &Path, stamp: &str, force: bool) -> Result<Option<PathBuf>> {
    if !store.exists() {
        return Ok(None);
    }
    let target = files::backup_name(store, stamp);
    match open_store_to_copy(store) {
        Ok(conn) => {
            copy_to_file(store, &conn, &target)?;
            Ok(Some(target))
        }
        Err(_) if force => {
            let bytes = std::fs::read(store)?;
            files::write(&target, &bytes, false, Some(store), &mut std::io::sink())?;
            // The journal files belong to the unreadable store: they must not be applied to the
            // restored one.
            for suffix in ["-wal", "-shm"] {
                let mut name = store.as_os_str().to_owned();
                name.push(suffix);
                let _ = std::fs::remove_file(PathBuf::from(name));
            }
            std::fs::remove_file(store)?;
            Ok(Some(target))
        }
        Err(Error::StoreBusy(path)) => Err(Error::StoreBusy(path)),
        Err(_) => Err(Error::UnreadableStoreToReplace(store.to_path_buf())),
    }
}

/// The store at `path` opened read-only to be copied: a taizhang store of any schema.
fn open_store_to_copy(path: &Path) -> Result<Connection> {
    super::check_path(path)?;
    if !path.exists() {
        return Err(Error::NoStore(path.to_path_buf()));
    }
    let conn = open_for_reading(path)?;
    conn.busy_timeout(busy_timeout())
        .map_err(|e| classify(path, e))?;
    if application_id(&conn).map_err(|e| classify(path, e))? != APPLICATION_ID {
        return Err(Error::NotAStore(path.to_path_buf()));
    }
    Ok(conn)
}

/// Copies `source` into a new database at `partial`, returning the open copy.
fn copy_into(store: &Path, source: &Connection, partial: &Path) -> Result<Connection> {
    let mut dest = Connection::open(partial).map_err(anyhow::Error::from)?;
    copy(source, &mut dest).map_err(|e| classify(store, e))?;
    // A copy is one self-contained file: no -wal or -shm beside it when it is read.
    dest.pragma_update_and_check(None, "journal_mode", "delete", |_| Ok(()))
        .map_err(anyhow::Error::from)?;
    Ok(dest)
}

/// Copies every page of `source` into `dest` in one step, so the copy is one consistent
/// snapshot; waits (up to the busy timeout) while another connection holds a lock.
fn copy(source: &Connection, dest: &mut Connection) -> rusqlite::Result<()> {
    let backup = Backup::new(source, dest)?;
    let pause = std::time::Duration::from_millis(20);
    let mut waited = std::time::Duration::ZERO;
    loop {
        match backup.step(-1)? {
            StepResult::Done => return Ok(()),
            _ if waited >= busy_timeout() => {
                return Err(rusqlite::Error::SqliteFailure(
                    rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_BUSY),
                    None,
                ))
            }
            _ => {
                std::thread::sleep(pause);
                waited += pause;
            }
        }
    }
}

fn count(path: &Path, conn: &Connection) -> Result<Counts> {
    let rows = |table: &str| -> Result<i64> {
        conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
            .map_err(|e| classify(path, e))
    };
    Ok(Counts {
        units: rows("units")?,
        problems: rows("problems")?,
        measures: rows("measures")?,
        progress: rows("progress")?,
    })
}

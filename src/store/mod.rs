//! The store: one SQLite file, and the only place SQL lives.
//!
//! `Store::open` checks the file before trusting it (a directory, a read-only file, a file that is
//! not SQLite or is damaged, a store missing its tables, from a newer taizhang or from an older one
//! not yet upgraded), and sets the pragmas every connection needs (foreign keys, WAL, busy
//! timeout). Only `Store::upgrade` migrates an existing store, after backing it up. The entity modules take a `&Connection`
//! (a `Transaction` derefs to one) and return domain types; rusqlite types never leave this module.

mod backup;
mod carry;
mod corpus;
mod documents;
pub mod dump;
mod events;
mod exchange;
mod ledger;
mod links;
mod measures;
mod merge;
mod migrate;
mod open;
mod operations;
mod problems;
mod progress;
mod recurrences;
mod scan;
mod unit_changes;
mod units;

#[cfg(test)]
pub(crate) mod testing;

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::config::DbConfig;
use rusqlite::{Connection, OpenFlags, TransactionBehavior};

pub use crate::model::{Decision, LedgerData, Operation, ProblemText, UnitSummary};
pub use backup::{backup, check_backup, restore, Counts as StoreCounts, Restored};
pub use carry::{carried_from, carried_into, insert_carry};
pub use corpus::problems_for_clustering;
pub use documents::{
    attachments, delete_item, detach_item, find_document, insert_document, items_of_document,
    source_of, update_document, Document, NewDocument,
};
pub use dump::{open_other, read_dump, Dump};
pub use events::{actors, append_event, events_for, uuid_of_logged_item, NewEvent};
pub use exchange::{find_measure_by_text, find_problem_by_text, latest_entry, latest_status};
pub use ledger::{load_ledger, LedgerFilter};
pub use links::{all_links, link, links_of, measures_for_linking, unlink, unlinked_measures};
pub use measures::{get_measure, insert_measure, update_measure, NewMeasure};
pub use merge::{
    check_other, merge, Conflict, Counts, MergeOptions, MergeReport, Note, Renumbered,
};
pub use migrate::{MIGRATIONS, SCHEMA_VERSION};
pub use operations::{
    dependents, get_operation, items_of, last_undoable, later_operations, list_operations, revert,
    OperationMeta, Reverted,
};
pub use problems::{get_problem, insert_problem, list_problems, update_problem, NewProblem};
pub use progress::{insert_progress, progress_of, NewProgress};
pub use recurrences::{confirmed_recurrences, decisions, set_decision};
pub use scan::{in_snapshot, units_in_order};
pub use unit_changes::{merge_units, remove_unit, rename_unit, unit_contents};
pub use units::{add_alias, find_unit, insert_unit, list_units, unit_names};

use crate::error::{Error, Msg, Result};
pub use open::recognise_damage;
use open::{application_id, check_path, folder_is_read_only, is_read_only};
pub(crate) use open::{busy_timeout, check_tables, classify, open_for_reading, open_read_only};

pub use rusqlite::Connection as Conn;

/// Marks a SQLite file as a taizhang store (`PRAGMA application_id`, "TZLG").
const APPLICATION_ID: i64 = 0x545A_4C47;

/// How long a command waits for another process's write to finish before giving up.
const DEFAULT_BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// What a command intends to do with the store.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    Read,
    Write,
}

/// What `Store::create` found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Created {
    New,
    Existing,
}

/// An open store.
#[derive(Debug)]
pub struct Store {
    conn: Connection,
    path: PathBuf,
    /// What the next write transaction is, for its operation row.
    operation: OperationMeta,
    /// When set, the write transactions of this command form one operation (an import of many
    /// files, one transaction per file, is undone as a whole).
    grouped: bool,
    /// The operation of the last committed transaction.
    last_operation: std::cell::Cell<Option<i64>>,
}

/// What [`Store::upgrade`] did to a store of an older schema.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Upgrade {
    pub from: i64,
    pub to: i64,
    /// The copy of the store as it was, written beside it before the first step.
    pub backup: PathBuf,
}

impl Store {
    /// Opens an existing store. A missing file is an error: only `init` creates stores, so a typo
    /// in `--db` never silently starts an empty ledger. `Access::Read` opens the file read-only
    /// (also in a read-only folder). Neither access upgrades a store of an older schema: that
    /// is [`Store::upgrade`]'s job, which backs it up first.
    pub fn open(path: &Path, access: Access) -> Result<Store> {
        check_path(path)?;
        if !path.exists() {
            return Err(Error::NoStore(path.to_path_buf()));
        }
        let read_only = access == Access::Read || is_read_only(path);
        if access == Access::Write && is_read_only(path) {
            return Err(Error::StoreReadOnly(path.to_path_buf()));
        }
        if access == Access::Write && folder_is_read_only(path) {
            return Err(Error::StoreFolderReadOnly(path.to_path_buf()));
        }
        let conn = if read_only {
            open_for_reading(path)?
        } else {
            Connection::open_with_flags(
                path,
                OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
            )
            .map_err(|e| classify(path, e))?
        };
        let mut store = Store {
            conn,
            path: path.to_path_buf(),
            operation: OperationMeta::default(),
            grouped: false,
            last_operation: Default::default(),
        };
        store.prepare(false, read_only)?;
        Ok(store)
    }

    /// Creates a store at `path`, or opens the one already there (which must be at the current
    /// schema: upgrade it first with [`Store::upgrade`]).
    pub fn create(path: &Path) -> Result<(Store, Created)> {
        check_path(path)?;
        let existed = path.exists();
        if existed && is_read_only(path) {
            return Err(Error::StoreReadOnly(path.to_path_buf()));
        }
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent).map_err(|e| {
                Error::from(Msg::CannotCreateFolder {
                    path: parent.display().to_string(),
                    reason: (&e).into(),
                })
            })?;
        }
        if folder_is_read_only(path) {
            return Err(Error::StoreFolderReadOnly(path.to_path_buf()));
        }
        let conn = Connection::open(path).map_err(|e| classify(path, e))?;
        let mut store = Store {
            conn,
            path: path.to_path_buf(),
            operation: OperationMeta::default(),
            grouped: false,
            last_operation: Default::default(),
        };
        store.prepare(true, false)?;
        let created = if existed {
            Created::Existing
        } else {
            Created::New
        };
        Ok((store, created))
    }

    /// Brings the store at `path` to the current schema when it is older, after writing a backup
    /// of it beside it (named with `stamp`, see [`crate::files::backup_name`]). Returns what was
    /// done, or `None` when the store is missing, new, current or not a taizhang store (opening
    /// it then says why).
    pub fn upgrade(path: &Path, stamp: &str) -> Result<Option<Upgrade>> {
        if !path.is_file() {
            return Ok(None);
        }
        let from = {
            let Ok(conn) = open_for_reading(path) else {
                return Ok(None);
            };
            let app_id = application_id(&conn).unwrap_or(0);
            let version = migrate::user_version(&conn).unwrap_or(0);
            if app_id != APPLICATION_ID || version == 0 || version >= SCHEMA_VERSION {
                return Ok(None);
            }
            check_tables(path, &conn, version)?;
            let backup = crate::files::backup_name(path, stamp);
            backup::copy_to_file(path, &conn, &backup)?;
            (version, backup)
        };
        if is_read_only(path) {
            return Err(Error::StoreReadOnly(path.to_path_buf()));
        }
        let mut conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(|e| classify(path, e))?;
        conn.busy_timeout(busy_timeout())
            .map_err(|e| classify(path, e))?;
        migrate::migrate(&mut conn, from.0, APPLICATION_ID).map_err(|e| classify(path, e))?;
        Ok(Some(Upgrade {
            from: from.0,
            to: SCHEMA_VERSION,
            backup: from.1,
        }))
    }

    /// An empty, migrated store in memory, for unit tests.
    pub fn in_memory() -> Result<Store> {
        let conn = Connection::open_in_memory().map_err(anyhow::Error::from)?;
        let mut store = Store {
            conn,
            path: PathBuf::from(":memory:"),
            operation: OperationMeta::default(),
            grouped: false,
            last_operation: Default::default(),
        };
        store.prepare(true, false)?;
        Ok(store)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Read access for commands that only print.
    pub fn conn(&self) -> &Connection {
        &self.conn
    }

    /// Says what the following write transactions are (who, when, which command), so that each
    /// is recorded as an operation `undo` can revert.
    pub fn set_operation(&mut self, meta: OperationMeta) {
        self.operation = meta;
    }

    /// Makes the following write transactions one operation, so one `undo` reverts them all.
    pub fn group_operations(&mut self) {
        self.grouped = true;
    }

    /// Starts the one write transaction of a command: one operation, which `undo` can revert. It
    /// takes the write lock at once (waiting up to the busy timeout), and rolls back when dropped
    /// without `commit`.
    pub fn transaction(&mut self) -> Result<WriteTx<'_>> {
        let Store {
            conn,
            path,
            operation,
            grouped,
            last_operation,
        } = self;
        let tx = conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(|e| classify(path, e))?;
        let current = match last_operation.get().filter(|_| *grouped) {
            // Go on with this command's operation unless another process wrote in between.
            Some(id) if operations::latest(&tx).map_err(|e| classify(path, e))? == Some(id) => id,
            _ => operations::begin(&tx, operation).map_err(|e| classify(path, e))?,
        };
        Ok(WriteTx {
            tx,
            path,
            operation: current,
            committed: last_operation,
        })
    }

    /// Schema version of the store.
    pub fn schema_version(&self) -> Result<i64> {
        migrate::user_version(&self.conn).map_err(|e| classify(&self.path, e))
    }

    fn prepare(&mut self, may_initialise: bool, read_only: bool) -> Result<()> {
        let path = self.path.clone();
        let wrap = |e: rusqlite::Error| classify(&path, e);
        self.conn.busy_timeout(busy_timeout()).map_err(wrap)?;
        // Room for every statement an import or a ledger load runs row after row.
        self.conn.set_prepared_statement_cache_capacity(64);
        // The plan of a cached statement stays the one it was prepared with. Without this the
        // bundled SQLite (built with STAT4) prepares a statement again whenever a parameter
        // compared with an indexed column is bound to a new value: a store read a unit at a time
        // spent a quarter of its time parsing the same seven queries, an import a third. The
        // store keeps no statistics, so the values could not change the plan anyway.
        self.conn
            .set_db_config(DbConfig::SQLITE_DBCONFIG_ENABLE_QPSG, true)
            .map_err(wrap)?;
        self.conn
            .pragma_update(None, "foreign_keys", true)
            .map_err(wrap)?;
        let app_id = application_id(&self.conn).map_err(wrap)?;
        let version = migrate::user_version(&self.conn).map_err(wrap)?;
        if app_id != APPLICATION_ID {
            let empty = migrate::is_empty(&self.conn).map_err(wrap)?;
            if !(may_initialise && empty && version == 0) {
                return Err(Error::NotAStore(path));
            }
            migrate::migrate(&mut self.conn, 0, APPLICATION_ID).map_err(wrap)?;
        } else if version > SCHEMA_VERSION {
            return Err(Error::StoreTooNew {
                path,
                found: version,
                known: SCHEMA_VERSION,
            });
        } else if version < SCHEMA_VERSION {
            return Err(Error::StoreNeedsUpgrade {
                path,
                found: version,
                known: SCHEMA_VERSION,
            });
        }
        check_tables(&path, &self.conn, SCHEMA_VERSION)?;
        if !read_only && self.path != Path::new(":memory:") {
            self.conn
                .pragma_update_and_check(None, "journal_mode", "wal", |_| Ok(()))
                .map_err(wrap)?;
        }
        if !read_only {
            // A command writes in one transaction: up to 64 MiB of pages stay in memory until
            // it commits instead of spilling to the log (a cache of SQLite's default 2 MiB spilled
            // after a few thousand rows of an import), and the journal of each statement (kept
            // so that a failing statement undoes only itself) is kept in memory, not a file.
            self.conn
                .pragma_update(None, "cache_size", -65536)
                .map_err(wrap)?;
            self.conn
                .pragma_update(None, "temp_store", "memory")
                .map_err(wrap)?;
        }
        Ok(())
    }
}

/// The one write transaction of a command. It derefs to a connection for the entity functions
/// and rolls back when dropped without `commit`.
pub struct WriteTx<'a> {
    tx: rusqlite::Transaction<'a>,
    path: &'a Path,
    operation: i64,
    committed: &'a std::cell::Cell<Option<i64>>,
}

impl WriteTx<'_> {
    /// The operation this transaction is.
    pub fn operation(&self) -> i64 {
        self.operation
    }

    /// Makes the command's changes permanent, turning a late lock conflict into a clear error.
    pub fn commit(self) -> Result<()> {
        operations::finish(&self.tx, self.operation).map_err(|e| classify(self.path, e))?;
        self.tx.commit().map_err(|e| classify(self.path, e))?;
        self.committed.set(Some(self.operation));
        Ok(())
    }
}

impl std::ops::Deref for WriteTx<'_> {
    type Target = Connection;

    fn deref(&self) -> &Connection {
        &self.tx
    }
}

/// Where an imported item was read from: its document and its place in it (`None` for a text
/// typed in a review of the document, which is not found in it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Source {
    pub document_id: i64,
    pub position: Option<i64>,
}

/// A fresh UUID for a new row.
/// `conn.execute`, with the statement kept in the connection's cache: an import runs the same
/// few statements for every row, and parsing them again each time was a third of its work.
pub(crate) fn cached_execute<P: rusqlite::Params>(
    conn: &rusqlite::Connection,
    sql: &str,
    params: P,
) -> rusqlite::Result<usize> {
    conn.prepare_cached(sql)?.execute(params)
}

/// `conn.query_row`, with the statement kept in the connection's cache.
pub(crate) fn cached_query_row<T, P: rusqlite::Params>(
    conn: &rusqlite::Connection,
    sql: &str,
    params: P,
    map: impl FnOnce(&rusqlite::Row<'_>) -> rusqlite::Result<T>,
) -> rusqlite::Result<T> {
    conn.prepare_cached(sql)?.query_row(params, map)
}

pub(crate) fn new_uuid() -> String {
    uuid::Uuid::new_v4().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fresh_in_memory_store_is_at_the_latest_schema() {
        let store = Store::in_memory().unwrap();
        assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
    }
}

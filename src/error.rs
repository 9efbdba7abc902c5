//! The error type and its exit codes.
//!
//! Every error a user can act on is a variant here whose message is one sentence saying what is
//! wrong and what to do. Anything else (a bug, an I/O failure we did not foresee) travels as
//! `Error::Other` with anyhow context and exits with code 1.

use std::path::PathBuf;

use crate::model::ItemId;

/// Exit codes, documented in the README.
pub mod exit {
    /// Something unexpected went wrong.
    pub const FAILURE: i32 = 1;
    /// The command line or its input is wrong (clap uses 2 as well).
    pub const BAD_INPUT: i32 = 2;
    /// The store cannot be used as asked (missing, newer, read-only, busy, not a store).
    pub const STORE: i32 = 3;
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("'{0}' is not an item id; ids look like P12 (a problem) or M34 (a measure)")]
    MalformedId(String),

    #[error("no {kind} {id} in this store (see 'taizhang status' for the ids there are)")]
    UnknownItem { id: ItemId, kind: &'static str },

    #[error("'{0}' is not a valid date; write a date that exists, as 2025-06-30, 2025/6/30, 2025.6.30 or 2025年6月30日")]
    BadDate(String),

    #[error(
        "'{0}' is not a deadline; give a date (2025-06-30, 2025/6/30, 2025年6月30日), 'immediate' (立行立改) or 'long-term' (长期坚持)"
    )]
    BadDeadline(String),

    #[error("year {0} is out of range; give the year of the summary, between 1949 and 2100")]
    YearOutOfRange(i32),

    #[error("the {0} is empty; give it as a quoted argument")]
    EmptyText(&'static str),

    #[error("no unit named '{name}' in this store; {hint}")]
    UnknownUnit { name: String, hint: String },

    #[error("'{0}' already names a unit in this store (see 'taizhang unit list')")]
    UnitExists(String),

    #[error("'{alias}' already names the unit '{unit}'; choose another alias")]
    AliasTaken { alias: String, unit: String },

    #[error("'{0}' is not a status; use one of: {list} (more words in 'taizhang progress --help')", list = crate::model::Status::valid_inputs())]
    UnknownStatus(String),

    #[error("status 'dropped' (已撤销) needs a reason; add --note \"why the item was dropped\"")]
    DroppedNeedsReason,

    #[error("{0}")]
    Invalid(String),

    #[error(
        "{failed} of {total} files could not be imported (see the messages above); the others were"
    )]
    ImportFailed { failed: usize, total: usize },

    #[error("{path} has no sheet named '{sheet}'; its sheets are: {sheets}")]
    NoSuchSheet {
        path: PathBuf,
        sheet: String,
        sheets: String,
    },

    #[error(
        "no header row found in {path}{sheet}; the ledger needs a row of column names such as {names} (or name the sheet with --sheet)"
    )]
    NoHeaderRow {
        path: PathBuf,
        sheet: String,
        names: String,
    },

    #[error("{0} is not a taizhang JSON export; give a file written by 'taizhang export --json'")]
    NotAnExport(PathBuf),

    #[error(
        "{path} was written by a newer taizhang (export format {found}, this one reads up to {known}); upgrade taizhang to import it"
    )]
    ExportTooNew {
        path: PathBuf,
        found: u64,
        known: u64,
    },

    #[error("{0} is not a taizhang store; give merge the .db file of another taizhang store")]
    NotAStoreToMerge(PathBuf),

    #[error("{0} is damaged (it fails SQLite's integrity check); nothing was merged, so merge a good copy or a backup of it instead")]
    DamagedStoreToMerge(PathBuf),

    #[error("{0} is this store itself; give merge the store file of another unit or a copy made elsewhere")]
    MergeWithItself(PathBuf),

    #[error("no store at {0}; create one with 'taizhang init' (or check --db and TAIZHANG_DB)")]
    NoStore(PathBuf),

    #[error("{0} is a directory; give the path of a store file, for example {0}/taizhang.db")]
    StoreIsDirectory(PathBuf),

    #[error("{0} is read-only; make it writable (chmod u+w) or copy it to a writable place")]
    StoreReadOnly(PathBuf),

    #[error(
        "{0} is not a taizhang store; check --db, or run 'taizhang init' with a new file name"
    )]
    NotAStore(PathBuf),

    #[error(
        "{path} was written by a newer taizhang (schema {found}, this one knows up to {known}); \
         upgrade taizhang to use it"
    )]
    StoreTooNew {
        path: PathBuf,
        found: i64,
        known: i64,
    },

    #[error("{0} is busy: another taizhang is writing to it; try again when it has finished")]
    StoreBusy(PathBuf),

    #[error(
        "{path} was written by an older taizhang (schema {found}, this one uses {known}) and needs \
         upgrading; run 'taizhang init' to upgrade it (a backup is made first)"
    )]
    StoreNeedsUpgrade {
        path: PathBuf,
        found: i64,
        known: i64,
    },

    #[error(
        "{0} is damaged (SQLite cannot read it); restore a backup with 'taizhang restore FILE'"
    )]
    StoreDamaged(PathBuf),

    #[error(
        "{path} is missing its tables ({missing}); restore a backup with 'taizhang restore FILE'"
    )]
    StoreIncomplete { path: PathBuf, missing: String },

    #[error(
        "{0} is in a read-only folder, and writing needs its journal beside it; make the folder \
         writable (chmod u+w) or copy the store to a writable place"
    )]
    StoreFolderReadOnly(PathBuf),

    #[error("{0} is not a taizhang store; give restore a file written by 'taizhang backup'")]
    NotABackup(PathBuf),

    #[error(
        "{0} fails SQLite's integrity check, so it is not restored; give restore another backup"
    )]
    BackupDamaged(PathBuf),

    #[error(
        "{0} cannot be read as a taizhang store, so restore cannot keep a backup of it first; \
         add --force to keep a copy of its bytes and replace it"
    )]
    UnreadableStoreToReplace(PathBuf),

    #[error("no home directory to keep the store in; give one with --db PATH or TAIZHANG_DB")]
    NoDataDir,

    #[error("{0:#}")]
    Other(#[from] anyhow::Error),
}

impl Error {
    /// The process exit code for this error.
    pub fn exit_code(&self) -> i32 {
        match self {
            Error::NoStore(_)
            | Error::StoreIsDirectory(_)
            | Error::StoreReadOnly(_)
            | Error::NotAStore(_)
            | Error::DamagedStoreToMerge(_)
            | Error::StoreTooNew { .. }
            | Error::StoreBusy(_)
            | Error::StoreNeedsUpgrade { .. }
            | Error::StoreDamaged(_)
            | Error::StoreIncomplete { .. }
            | Error::StoreFolderReadOnly(_)
            | Error::NotABackup(_)
            | Error::BackupDamaged(_)
            | Error::UnreadableStoreToReplace(_)
            | Error::NoDataDir => exit::STORE,
            Error::Other(_) => exit::FAILURE,
            _ => exit::BAD_INPUT,
        }
    }

    /// Whether the error is only the reader going away (`taizhang status --format json | head`):
    /// a closed pipe, however deep in the chain (also inside a JSON or CSV writer's error).
    pub fn is_broken_pipe(&self) -> bool {
        fn broken(cause: &(dyn std::error::Error + 'static)) -> bool {
            let pipe = |kind: std::io::ErrorKind| kind == std::io::ErrorKind::BrokenPipe;
            if let Some(io) = cause.downcast_ref::<std::io::Error>() {
                return pipe(io.kind()) || io.get_ref().is_some_and(|inner| broken(inner));
            }
            if let Some(json) = cause.downcast_ref::<serde_json::Error>() {
                return json.io_error_kind().is_some_and(pipe);
            }
            if let Some(csv) = cause.downcast_ref::<csv::Error>() {
                return matches!(csv.kind(), csv::ErrorKind::Io(io) if pipe(io.kind()));
            }
            cause.source().is_some_and(broken)
        }
        match self {
            Error::Other(e) => e.chain().any(broken),
            _ => false,
        }
    }

    /// Shorthand for an input error with a message of its own.
    pub fn invalid(message: impl Into<String>) -> Error {
        Error::Invalid(message.into())
    }
}

impl From<std::io::Error> for Error {
    fn from(error: std::io::Error) -> Self {
        Error::Other(error.into())
    }
}

//! The error type and its exit codes.
//!
//! Every error a user can act on is a variant here whose message is one sentence saying what is
//! wrong and what to do. Anything else (a bug, an I/O failure we did not foresee) travels as
//! `Error::Other` with anyhow context and exits with code 1.

use std::path::PathBuf;

// The catalogue lives in src/messages/ (its own folder, named for what it holds); it is declared
// here so that the module list in lib.rs stays as it is.
#[path = "messages/mod.rs"]
pub mod messages;

use crate::model::ItemId;
use crate::render::Lang;
use messages::ItemKind;
pub use messages::{Done, Msg, Refusal};

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

#[derive(Debug)]
pub enum Error {
    MalformedId(String),

    UnknownItem {
        id: ItemId,
        kind: &'static str,
    },

    BadDate(String),

    BadDeadline(String),

    YearOutOfRange(i32),

    EmptyText(&'static str),

    UnknownUnit {
        name: String,
        closest: Option<String>,
    },

    UnitExists(String),

    AliasTaken {
        alias: String,
        unit: String,
    },

    UnknownStatus(String),

    DroppedNeedsReason,

    ImportFailed {
        failed: usize,
        total: usize,
    },

    NoSuchSheet {
        path: PathBuf,
        sheet: String,
        sheets: String,
    },

    NoHeaderRow {
        path: PathBuf,
        /// The sheet of a workbook; `None` for a CSV file.
        sheet: Option<String>,
        names: String,
    },

    NotAnExport(PathBuf),

    ExportTooNew {
        path: PathBuf,
        found: u64,
        known: u64,
    },

    NotAStoreToMerge(PathBuf),

    DamagedStoreToMerge(PathBuf),

    MergeWithItself(PathBuf),

    NoStore(PathBuf),

    StoreIsDirectory(PathBuf),

    StoreReadOnly(PathBuf),

    NotAStore(PathBuf),

    StoreTooNew {
        path: PathBuf,
        found: i64,
        known: i64,
    },

    StoreBusy(PathBuf),

    StoreNeedsUpgrade {
        path: PathBuf,
        found: i64,
        known: i64,
    },

    StoreDamaged(PathBuf),

    StoreIncomplete {
        path: PathBuf,
        missing: String,
    },

    StoreFolderReadOnly(PathBuf),

    NotABackup(PathBuf),

    BackupDamaged(PathBuf),

    UnreadableStoreToReplace(PathBuf),

    NoDataDir,

    /// A message from the catalogue, for an input the user can correct (exit code 2).
    Says(Msg),

    Other(anyhow::Error),
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
            | Error::NoDataDir
            | Error::Says(Msg::Refused(
                messages::Refusal::StoreDiskFull { .. } | messages::Refusal::StoreIoFailed { .. },
            )) => exit::STORE,
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

    /// The message in `lang`: one sentence saying what is wrong and what to do.
    pub fn message(&self, lang: Lang) -> String {
        match self.catalogued() {
            Some(msg) => msg.render(lang),
            None => Msg::Unexpected {
                detail: match self {
                    Error::Other(e) => format!("{e:#}"),
                    _ => unreachable!("every other variant is catalogued"),
                },
            }
            .render(lang),
        }
    }

    /// The catalogue message of this error; `None` for `Other` (an error nobody foresaw).
    fn catalogued(&self) -> Option<Msg> {
        let path = |p: &PathBuf| p.display().to_string();
        Some(match self {
            Error::MalformedId(text) => Msg::MalformedId { text: text.clone() },
            Error::UnknownItem { id, kind } => Msg::UnknownItem {
                kind: match *kind {
                    "measure" => ItemKind::Measure,
                    _ => ItemKind::Problem,
                },
                id: id.to_string(),
            },
            Error::BadDate(text) => Msg::BadDate { text: text.clone() },
            Error::BadDeadline(text) => Msg::BadDeadline { text: text.clone() },
            Error::YearOutOfRange(year) => Msg::YearOutOfRange { year: *year },
            Error::EmptyText(what) => Msg::EmptyText {
                what: what.to_string(),
            },
            Error::UnknownUnit { name, closest } => Msg::UnknownUnit {
                name: name.clone(),
                closest: closest.clone(),
            },
            Error::UnitExists(name) => Msg::UnitExists { name: name.clone() },
            Error::AliasTaken { alias, unit } => Msg::AliasTaken {
                alias: alias.clone(),
                unit: unit.clone(),
            },
            Error::UnknownStatus(text) => Msg::UnknownStatus {
                text: text.clone(),
                list: crate::model::Status::valid_inputs(),
            },
            Error::DroppedNeedsReason => Msg::DroppedNeedsReason,
            Error::Other(_) => return None,
            Error::Says(msg) => msg.clone(),
            Error::ImportFailed { failed, total } => Msg::ImportFailed {
                failed: *failed,
                total: *total,
            },
            Error::NoSuchSheet {
                path: p,
                sheet,
                sheets,
            } => Msg::NoSuchSheet {
                path: path(p),
                sheet: sheet.clone(),
                sheets: sheets.clone(),
            },
            Error::NoHeaderRow {
                path: p,
                sheet,
                names,
            } => Msg::NoHeaderRow {
                path: path(p),
                sheet: sheet.clone(),
                names: names.clone(),
            },
            Error::NotAnExport(p) => Msg::NotAnExport { path: path(p) },
            Error::ExportTooNew {
                path: p,
                found,
                known,
            } => Msg::ExportTooNew {
                path: path(p),
                found: *found,
                known: *known,
            },
            Error::NotAStoreToMerge(p) => Msg::NotAStoreToMerge { path: path(p) },
            Error::DamagedStoreToMerge(p) => Msg::DamagedStoreToMerge { path: path(p) },
            Error::MergeWithItself(p) => Msg::MergeWithItself { path: path(p) },
            Error::NoStore(p) => Msg::NoStore { path: path(p) },
            Error::StoreIsDirectory(p) => Msg::StoreIsDirectory { path: path(p) },
            Error::StoreReadOnly(p) => Msg::StoreReadOnly { path: path(p) },
            Error::NotAStore(p) => Msg::NotAStore { path: path(p) },
            Error::StoreTooNew {
                path: p,
                found,
                known,
            } => Msg::StoreTooNew {
                path: path(p),
                found: *found,
                known: *known,
            },
            Error::StoreBusy(p) => Msg::StoreBusy { path: path(p) },
            Error::StoreNeedsUpgrade {
                path: p,
                found,
                known,
            } => Msg::StoreNeedsUpgrade {
                path: path(p),
                found: *found,
                known: *known,
            },
            Error::StoreDamaged(p) => Msg::StoreDamaged { path: path(p) },
            Error::StoreIncomplete { path: p, missing } => Msg::StoreIncomplete {
                path: path(p),
                missing: missing.clone(),
            },
            Error::StoreFolderReadOnly(p) => Msg::StoreFolderReadOnly { path: path(p) },
            Error::NotABackup(p) => Msg::NotABackup { path: path(p) },
            Error::BackupDamaged(p) => Msg::BackupDamaged { path: path(p) },
            Error::UnreadableStoreToReplace(p) => Msg::UnreadableStoreToReplace { path: path(p) },
            Error::NoDataDir => Msg::NoDataDir,
        })
    }
}

/// The message in Chinese, the default language (`message` gives either).
impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::default()))
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Other(e) => Some(e.as_ref()),
            _ => None,
        }
    }
}

impl From<anyhow::Error> for Error {
    fn from(error: anyhow::Error) -> Self {
        Error::Other(error)
    }
}

impl From<messages::Refusal> for Error {
    fn from(refusal: messages::Refusal) -> Self {
        Error::Says(Msg::Refused(refusal))
    }
}

impl From<Msg> for Error {
    fn from(msg: Msg) -> Self {
        Error::Says(msg)
    }
}

impl From<std::io::Error> for Error {
    fn from(error: std::io::Error) -> Self {
        Error::Other(error.into())
    }
}

//! One module per subcommand, each shaped the same way: `<Verb>Args` (the help text) and
//! `run(ctx, args, out)`: validate → open the store (one transaction for writes) → compute →
//! render → commit. No SQL and no table formatting here.

pub mod backup;
pub mod carry;
pub mod common;
pub mod completions;
pub mod dashboard;
pub mod delete;
pub mod demo;
pub mod edit;
pub mod export;
mod export_figures;
pub mod history;
pub mod import;
pub mod import_ledger;
pub mod import_reviewed;
pub mod init;
pub mod link;
pub mod link_suggest;
pub mod measure;
pub mod merge;
pub mod problem;
pub mod progress;
pub mod recur;
pub mod report;
pub mod rollup;
mod scan;
pub mod show;
pub mod stats;
pub mod status;
pub mod undo;
pub mod unit;
pub mod unit_change;

use std::path::PathBuf;

use serde_json::Value;

use crate::analysis::names::closest;
use crate::cli::GlobalArgs;
use crate::clock::Clock;
use crate::error::{Error, Msg, Result};
use crate::model::{self, Action, ItemId, ItemKind, Measure, Problem, Unit};
use crate::render::outcome::{self, Outcome};
use crate::render::paint::Paint;
use crate::render::{Format, Lang};
use crate::store::{self, Access, Conn, NewEvent, OperationMeta, Store};

/// The command line as typed, `taizhang progress M1 --status done`, quoting words with spaces.
fn command_line() -> String {
    let words: Vec<String> = std::env::args()
        .skip(1)
        .map(|w| {
            if w.is_empty() || w.contains(char::is_whitespace) {
                format!("\"{w}\"")
            } else {
                w
            }
        })
        .collect();
    std::iter::once("taizhang".to_string())
        .chain(words)
        .collect::<Vec<_>>()
        .join(" ")
}

/// What every command needs besides its own arguments.
#[derive(Debug, Clone)]
pub struct Ctx {
    db: Option<PathBuf>,
    db_on_command_line: bool,
    as_of: Option<chrono::NaiveDate>,
    pub format: Format,
    pub lang: Lang,
    /// Whether tables are coloured (`--color`, the terminal and `NO_COLOR`; tables only).
    pub paint: Paint,
    /// `--quiet`: no notices on stderr, no confirmations of writes in table/Markdown formats.
    pub quiet: bool,
    pub clock: Clock,
    /// Who is making changes: `$TAIZHANG_USER`, else the login name.
    pub actor: String,
    /// The command line, as the operation `undo --list` shows.
    command: String,
}

impl Ctx {
    pub fn new(global: &GlobalArgs) -> Result<Ctx> {
        let as_of = global.as_of.as_deref().map(model::parse_date).transpose()?;
        let actor = ["TAIZHANG_USER", "USER", "USERNAME"]
            .iter()
            .find_map(|var| std::env::var(var).ok().filter(|v| !v.trim().is_empty()))
            .unwrap_or_else(|| "unknown".to_string());
        Ok(Ctx {
            db: global.db.clone(),
            db_on_command_line: global.db_on_command_line,
            as_of,
            format: global.format,
            lang: global.lang,
            paint: Paint::new(
                global.format.is_table() && crate::render::table::colour_wanted(global.color),
            ),
            quiet: global.quiet,
            clock: Clock::new(as_of),
            actor,
            command: command_line(),
        })
    }

    /// What a write transaction of this command is recorded as (see `undo`).
    pub fn operation(&self) -> OperationMeta {
        OperationMeta {
            at: self.clock.timestamp().to_string(),
            actor: self.actor.clone(),
            command: self.command.clone(),
            reverts: None,
        }
    }

    /// The store file: `--db`, else `$TAIZHANG_DB` (clap reads both), else the data directory.
    pub fn store_path(&self) -> Result<PathBuf> {
        if let Some(path) = &self.db {
            return Ok(path.clone());
        }
        let dirs = directories::ProjectDirs::from("", "", "taizhang").ok_or(Error::NoDataDir)?;
        Ok(dirs.data_dir().join("taizhang.db"))
    }

    /// The store path when it was given with --db on the command line (not the environment).
    pub fn explicit_db(&self) -> Option<&std::path::Path> {
        self.db.as_deref().filter(|_| self.db_on_command_line)
    }

    /// The date given with --as-of (or TAIZHANG_AS_OF), if any.
    pub fn as_of(&self) -> Option<chrono::NaiveDate> {
        self.as_of
    }

    /// The same context acting as `actor` at the time `clock` says (the demo's own records).
    pub fn for_demo(&self, actor: &str, clock: Clock) -> Ctx {
        Ctx {
            actor: actor.to_string(),
            clock,
            ..self.clone()
        }
    }

    /// Opens the store. For writing, a store of an older schema is first upgraded (after a backup
    /// beside it, said on stderr); for reading it is refused with how to upgrade it.
    pub fn open(&self, access: Access) -> Result<Store> {
        let path = self.store_path()?;
        if access == Access::Write {
            self.upgrade(&path)?;
        }
        let mut store = Store::open(&path, access)?;
        store.set_operation(self.operation());
        Ok(store)
    }

    /// Upgrades an older store at `path` (backing it up first) and says so on stderr.
    pub fn upgrade(&self, path: &std::path::Path) -> Result<Option<store::Upgrade>> {
        let upgrade = Store::upgrade(path, &self.clock.stamp())?;
        if let Some(u) = upgrade.as_ref().filter(|_| !self.quiet) {
            let backup = u.backup.display();
            let note = Msg::StoreUpgraded {
                from: u.from,
                to: u.to,
                backup: backup.to_string(),
            };
            eprintln!("{}", note.render(self.lang));
        }
        Ok(upgrade)
    }

    /// Prints what a write did (see [`outcome::print`]); with `--quiet`, the sentences of the
    /// table and Markdown formats are left out, while JSON and CSV, which scripts read, stay.
    pub fn confirm(&self, out: &mut dyn std::io::Write, outcomes: &[Outcome]) -> Result<()> {
        if self.quiet && self.format.for_people() {
            return Ok(());
        }
        Ok(outcome::print(out, self.format, outcomes)?)
    }

    /// Appends an event stamped with this command's time and actor: the one writer of the
    /// history.
    pub fn record(
        &self,
        conn: &Conn,
        item: &str,
        uuid: &str,
        action: Action,
        detail: Value,
    ) -> Result<()> {
        store::append_event(
            conn,
            &NewEvent {
                at: self.clock.timestamp(),
                actor: &self.actor,
                item,
                item_uuid: uuid,
                action: action.code(),
                detail,
            },
        )
    }
}

/// The unit a `--unit` argument names, if one was given (see [`resolve_unit`]).
pub fn resolve_unit_arg(conn: &Conn, name: Option<&str>) -> Result<Option<Unit>> {
    name.map(|n| resolve_unit(conn, n)).transpose()
}

/// The unit called `name` (by name or alias), or an error suggesting the closest one.
pub fn resolve_unit(conn: &Conn, name: &str) -> Result<Unit> {
    let name = name.trim();
    if let Some(unit) = store::find_unit(conn, name)? {
        return Ok(unit);
    }
    let names = store::unit_names(conn)?;
    let closest = closest(name, names.iter().map(|(n, _)| n.as_str())).map(|near| {
        let unit = &names
            .iter()
            .find(|(n, _)| n == near)
            .expect("suggested from the list")
            .1;
        unit.clone()
    });
    Err(Error::UnknownUnit {
        name: name.to_string(),
        closest,
    })
}

/// A problem or a measure, looked up by its short id.
#[derive(Debug, Clone)]
pub enum Item {
    Problem(Problem),
    Measure(Measure),
}

impl Item {
    pub fn id(&self) -> ItemId {
        match self {
            Item::Problem(p) => p.id,
            Item::Measure(m) => m.id,
        }
    }

    pub fn uuid(&self) -> &str {
        match self {
            Item::Problem(p) => &p.uuid,
            Item::Measure(m) => &m.uuid,
        }
    }

    pub fn unit(&self) -> &str {
        match self {
            Item::Problem(p) => &p.unit,
            Item::Measure(m) => &m.unit,
        }
    }

    pub fn year(&self) -> i32 {
        match self {
            Item::Problem(p) => p.year,
            Item::Measure(m) => m.year,
        }
    }
}

/// Parses `text` as an item id and fetches the item, or says it does not exist.
pub fn load_item(conn: &Conn, text: &str) -> Result<(ItemId, Item)> {
    let id: ItemId = text.parse()?;
    let item = match id.kind {
        ItemKind::Problem => store::get_problem(conn, id)?.map(Item::Problem),
        ItemKind::Measure => store::get_measure(conn, id)?.map(Item::Measure),
    };
    item.map(|item| (id, item)).ok_or(Error::UnknownItem {
        id,
        kind: id.kind.code(),
    })
}

/// Trims `text` and refuses it when nothing is left.
pub fn required_text(text: &str, what: &'static str) -> Result<String> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err(Error::EmptyText(what));
    }
    Ok(trimmed.to_string())
}

/// Trims an optional field; an empty value means "none".
pub fn optional_text(text: Option<&str>) -> Option<String> {
    text.map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_string)
}

/// Carry-overs and confirmed recurrences of the whole store, for reports.
pub fn continuity(conn: &Conn) -> Result<crate::analysis::report::Continuity> {
    Ok(crate::analysis::report::Continuity {
        carried_from: store::carried_from(conn)?,
        recurs_from: store::confirmed_recurrences(conn)?,
    })
}

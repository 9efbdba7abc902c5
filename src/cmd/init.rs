//! `taizhang init`: create the store (or bring an existing one up to date).

use std::io::Write;

use clap::Args;
use serde::Serialize;

use super::Ctx;
use crate::error::{Done, Result};
use crate::render::shapes;
use crate::store::{Created, Store};

/// Create a new store, or upgrade the one already there.
///
/// The store is one SQLite file: --db PATH, else $TAIZHANG_DB, else taizhang.db in the platform
/// data directory. Running init on an existing store changes nothing but pending upgrades; before
/// upgrading a store of an older taizhang, init writes a backup of it beside it and says so.
#[derive(Debug, Args)]
#[command(after_help = "\
taizhang --db ledger.db init")]
pub struct InitArgs {}

#[derive(Debug, Serialize)]
struct InitReport {
    path: String,
    schema_version: i64,
    created: bool,
}

pub fn run(ctx: &Ctx, _args: InitArgs, out: &mut dyn Write) -> Result<()> {
    let path = ctx.store_path()?;
    let upgrade = ctx.upgrade(&path)?;
    let (store, created) = Store::create(&path)?;
    let report = InitReport {
        path: path.display().to_string(),
        schema_version: store.schema_version()?,
        created: created == Created::New,
    };
    let (path, version) = (report.path.clone(), report.schema_version);
    let done = match created {
        _ if upgrade.is_some() => Done::StoreUpgradedTo { path, version },
        Created::New => Done::StoreCreated { path },
        Created::Existing => Done::StoreAlreadyThere { path, version },
    };
    let row = vec![
        report.path.clone(),
        report.schema_version.to_string(),
        report.created.to_string(),
    ];
    shapes::one_record(
        out,
        ctx.format,
        &report,
        (&["path", "schema_version", "created"], row),
        &done.render(ctx.lang),
    )?;
    Ok(())
}

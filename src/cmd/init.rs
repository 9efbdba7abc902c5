//! `taizhang init`: create the store (or bring an existing one up to date).

use std::io::Write;

use clap::Args;
use serde::Serialize;

use super::Ctx;
use crate::error::{Done, Result};
use crate::render::Format;
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
    match ctx.format {
        Format::Json => writeln!(
            out,
            "{}",
            serde_json::to_string_pretty(&report).map_err(anyhow::Error::from)?
        )?,
        Format::Csv => {
            let mut w = crate::render::cells::CsvWriter::from_writer(out);
            w.write_record(["path", "schema_version", "created"])
                .map_err(anyhow::Error::from)?;
            w.write_record([
                report.path.clone(),
                report.schema_version.to_string(),
                report.created.to_string(),
            ])
            .map_err(anyhow::Error::from)?;
            w.flush()?;
        }
        Format::Table | Format::Md => {
            let (path, version) = (report.path.clone(), report.schema_version);
            let done = match created {
                _ if upgrade.is_some() => Done::StoreUpgradedTo { path, version },
                Created::New => Done::StoreCreated { path },
                Created::Existing => Done::StoreAlreadyThere { path, version },
            };
            let message = done.render(ctx.lang);
            writeln!(out, "{message}")?;
        }
    }
    Ok(())
}

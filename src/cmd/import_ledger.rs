//! `taizhang import --ledger FILE` and `taizhang import --json FILE`: a ledger a unit already
//! keeps in Excel or CSV, and a JSON export of another store.
//!
//! The `import` subcommand's arguments live in `cmd/import.rs`; it calls [`run_ledger`] and
//! [`run_json`]. Each file is read in one transaction: on any error the store is unchanged, and
//! `--dry-run` rolls back what it would have written. Recording the ledger is `ingest`'s job.

use std::io::Write;
use std::path::Path;

use super::Ctx;
use crate::error::{Error, Refusal, Result};
use crate::exchange::{columns, figures_sheet, grid, json, sheet, summary_sheet};
use crate::ingest::ledger::is_csv;
use crate::ingest::record_ledger;
pub use crate::ingest::LedgerImport;
use crate::model::check_year;
use crate::render::exchange::{self as report, MergeSummary};
use crate::store::{self, Access, MergeOptions};

/// Reads a ledger (.xlsx, .xlsm, .xls, .ods or .csv) and records its problems, measures, owners,
/// deadlines and statuses. Items already in the store (same unit, year and text) are not
/// recorded again, and a status is recorded only when it differs from the item's latest, so
/// importing the same ledger twice changes nothing.
pub fn run_ledger(ctx: &Ctx, args: &LedgerImport, out: &mut dyn Write) -> Result<()> {
    if let Some(year) = args.year {
        check_year(year)?;
    }
    // The figures sheets taizhang writes after the ledger sheets have a header of 查摆问题 and
    // 整改措施 too, but their rows are counts, not items.
    let figures =
        |name: &str| [figures_sheet::SHEET_NAME, summary_sheet::SHEET_NAME].contains(&name);
    if let Some(name) = args.sheet.as_deref().filter(|n| figures(n)) {
        return Err(Refusal::LedgerSheetIsFigures {
            sheet: name.to_string(),
        }
        .into());
    }
    let grid = grid::read(&args.path, args.sheet.as_deref(), |g| {
        !figures(&g.sheet) && sheet::find_header(g).is_some()
    })?;
    let header = sheet::find_header(&grid).ok_or_else(|| Error::NoHeaderRow {
        path: args.path.clone(),
        sheet: sheet_label(&args.path, &grid.sheet),
        names: columns::usual_names(),
    })?;
    let ledger = sheet::read(&grid, &header);
    let mut store = ctx.open(Access::Write)?;
    let tx = store.transaction()?;
    let report = record_ledger(ctx, &tx, &ledger, args)?;
    if !args.dry_run {
        tx.commit()?;
    }
    report::print_ledger(out, ctx.format, ctx.lang, &report)?;
    Ok(())
}

/// Reads a JSON export and merges it into the store by UUID: into an empty store it gives back
/// the exported store exactly (ids included); into one that has some of it, only what is new.
pub fn run_json(ctx: &Ctx, path: &Path, dry_run: bool, out: &mut dyn Write) -> Result<()> {
    let dump = json::read(path)?;
    let mut store = ctx.open(Access::Write)?;
    let tx = store.transaction()?;
    let source = path.display().to_string();
    let options = MergeOptions {
        source: &source,
        at: ctx.clock.timestamp(),
        actor: &ctx.actor,
    };
    let merged = store::merge(&tx, &dump, &options)?;
    if !dry_run {
        tx.commit()?;
    }
    let summary = MergeSummary {
        source,
        dry_run,
        report: merged,
    };
    report::print_merges(out, ctx.format, ctx.lang, &[summary])?;
    Ok(())
}

/// The sheet of a workbook; nothing for a CSV file, which has one sheet.
fn sheet_label(path: &Path, sheet: &str) -> Option<String> {
    (!is_csv(path)).then(|| sheet.to_string())
}

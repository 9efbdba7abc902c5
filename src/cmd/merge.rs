//! `taizhang merge OTHER.db…`: bring other stores' units, items, progress and history into this
//! one (汇总), keyed by UUID.

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::Args;

use super::Ctx;
use crate::error::{Error, Msg, Result};
use crate::render::exchange::{self as report, MergeSummary};
use crate::store::{self, Access, Dump, MergeOptions};

/// Bring other units' stores into this one (a county or city office rolling up its units).
///
/// Units, aliases, summaries, problems, measures, links, progress with evidence, carry-overs,
/// recurrence decisions and the history come in, matched by their UUIDs, so nothing is ever
/// doubled: merging the same store twice changes nothing, and merging a newer copy of a unit's
/// store adds only what is new (and takes the edits made only there). An item whose id is taken
/// here gets the next free id. Fields are decided one by one: a field changed only there is
/// taken, one changed only here is kept, and one changed on both sides (whichever way you merge)
/// keeps this store's value and is reported as a conflict naming what each side changed; the
/// other's changes always join the history. A unit is matched
/// by UUID, else by name or alias. The other stores are only read, never changed; one that fails
/// SQLite's integrity check is refused before anything is merged.
///
/// All files are merged in one transaction: if one cannot be read, nothing is merged.
#[derive(Debug, Args)]
#[command(after_help = "\
taizhang merge 东山县市场监管局.db 临江市财政局.db
taizhang merge --dry-run 汇总/*.db
taizhang merge --unit 临江市财政局 市局汇总.db")]
// Verbatim: the examples keep their lines.
pub struct MergeArgs {
    /// Store files of other units (or copies of this one made elsewhere)
    #[arg(required = true, value_name = "OTHER.db")]
    pub others: Vec<PathBuf>,
    /// Only this unit of the other stores (by its name or alias there)
    #[arg(long)]
    pub unit: Option<String>,
    /// Show what would come in, and write nothing
    #[arg(long)]
    pub dry_run: bool,
}

pub fn run(ctx: &Ctx, args: MergeArgs, out: &mut dyn Write) -> Result<()> {
    let here = ctx.store_path()?;
    let mut dumps: Vec<(String, Dump)> = Vec::new();
    for path in &args.others {
        if crate::files::same_file(path, &here) {
            return Err(Error::MergeWithItself(path.clone()));
        }
        let conn = store::open_other(path)?;
        store::check_other(&conn, path)?;
        let mut dump = store::read_dump(&conn)?;
        if let Some(name) = &args.unit {
            let unit = dump
                .find_unit(name)
                .ok_or_else(|| no_such_unit(path, name, &dump))?;
            let uuid = unit.uuid.clone();
            dump = dump.only_unit(&uuid);
        }
        dumps.push((path.display().to_string(), dump));
    }
    let mut store = ctx.open(Access::Write)?;
    let tx = store.transaction()?;
    let mut reports = Vec::new();
    for (source, dump) in &dumps {
        let options = MergeOptions {
            source,
            at: ctx.clock.timestamp(),
            actor: &ctx.actor,
        };
        reports.push(store::merge(&tx, dump, &options)?);
    }
    if !args.dry_run {
        tx.commit()?;
    }
    let summaries: Vec<MergeSummary> = dumps
        .iter()
        .zip(&reports)
        .map(|((source, _), report)| MergeSummary {
            source: source.clone(),
            dry_run: args.dry_run,
            report: report.clone(),
        })
        .collect();
    report::print_merges(out, ctx.format, ctx.lang, &summaries)?;
    Ok(())
}

fn no_such_unit(path: &Path, name: &str, dump: &Dump) -> Error {
    Msg::MergeNoSuchUnit {
        path: path.display().to_string(),
        name: name.to_string(),
        units: dump.units.iter().map(|u| u.name.clone()).collect(),
    }
    .into()
}

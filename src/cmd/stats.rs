//! `taizhang stats`: how the ledger compares from year to year, unit to unit or owner to owner.

use std::collections::HashSet;
use std::io::Write;

use clap::Args;

use super::{resolve_unit, Ctx};
use crate::analysis::stats::{compute_stats, GroupBy};
use crate::analysis::{compute_ledger, RowFilter};
use crate::error::{Error, Result};
use crate::model::check_year;
use crate::render::stats;
use crate::store::{self, Access, LedgerFilter};

/// Figures over years, units or owners: how many problems, how far rectified, what is overdue.
///
/// Problems raised, measures promised and where they stand, overdue items, completion rate,
/// recurrences and carry-overs.
///
/// By year (the default) each year is a column, with the totals last; by unit or by owner (the
/// lead department of the measures) each is a row, which shows a higher office who is behind.
/// Figures are as of --as-of; the completion rate leaves out dropped measures and lists long-term
/// ones separately, as the report does.
///
/// Examples:
///   taizhang stats
///   taizhang stats --by unit --from 2023 --to 2025
///   taizhang stats --unit 临江市财政局 --by owner --format csv
#[derive(Debug, Args)]
#[command(verbatim_doc_comment)]
pub struct StatsArgs {
    /// Only this unit (by name or alias)
    #[arg(long)]
    pub unit: Option<String>,
    /// What the groups are
    #[arg(long, value_enum, default_value_t)]
    pub by: GroupBy,
    /// First summary year to include
    #[arg(long, value_name = "Y")]
    pub from: Option<i32>,
    /// Last summary year to include
    #[arg(long, value_name = "Y")]
    pub to: Option<i32>,
}

pub fn run(ctx: &Ctx, args: StatsArgs, out: &mut dyn Write) -> Result<()> {
    let from = args.from.map(check_year).transpose()?;
    let to = args.to.map(check_year).transpose()?;
    if let (Some(from), Some(to)) = (from, to) {
        if from > to {
            return Err(Error::invalid(format!(
                "--from {from} is after --to {to}; give the earlier year first"
            )));
        }
    }
    let store = ctx.open(Access::Read)?;
    let conn = store.conn();
    let unit = args
        .unit
        .as_deref()
        .map(|u| resolve_unit(conn, u))
        .transpose()?;
    let as_of = ctx.clock.today();
    let data = store::load_ledger(
        conn,
        LedgerFilter {
            unit_id: unit.map(|u| u.id),
            year: None,
        },
        as_of,
    )?;
    let mut rows = compute_ledger(&data, as_of, &RowFilter::default());
    rows.retain(|r| from.is_none_or(|y| r.year >= y) && to.is_none_or(|y| r.year <= y));
    let recurring: HashSet<_> = store::confirmed_recurrences(conn)?.into_keys().collect();
    let carried: HashSet<_> = store::carried_from(conn)?.into_values().collect();
    let figures = compute_stats(&rows, &recurring, &carried, args.by);
    stats::print(out, ctx.format, ctx.lang, &figures)?;
    Ok(())
}

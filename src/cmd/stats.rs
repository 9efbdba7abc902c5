//! `taizhang stats`: how the ledger compares from year to year, unit to unit or owner to owner.

use std::collections::HashSet;
use std::io::Write;

use clap::Args;

use super::scan::{self, Scope};
use super::{resolve_unit_arg, Ctx};
use crate::analysis::figures::Marks;
use crate::analysis::stats::{GroupBy, StatsTally};
use crate::analysis::{LedgerRow, RowFilter};
use crate::error::{Msg, Result};
use crate::model::check_year;
use crate::render::stats;
use crate::store::{self, Access};

/// Figures over years, units or owners: how many problems, how far rectified, what is overdue.
///
/// Problems raised and measures promised, each by status; overdue problems and measures;
/// the completion rate (problems done ÷ problems, as the report counts it), the measure
/// completion rate; recurrences and carry-overs.
///
/// By year (the default) each year is a column, with the totals last; by unit or by owner each
/// is a row, which shows a higher office who is behind. By owner counts the measures each lead
/// department (牵头部门) answers for, and no problems. Figures are as of --as-of; completion
/// rates leave out dropped items and list 长期坚持 ones apart unless --long-term-as-done.
#[derive(Debug, Args)]
#[command(after_help = "\
taizhang stats
taizhang stats --by unit --from 2023 --to 2025
taizhang stats --unit 临江市财政局 --by owner --format csv")]
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
    /// Count 长期坚持 items as done in the completion rates (by default they are left out)
    #[arg(long)]
    pub long_term_as_done: bool,
}

pub fn run(ctx: &Ctx, args: StatsArgs, out: &mut dyn Write) -> Result<()> {
    let from = args.from.map(check_year).transpose()?;
    let to = args.to.map(check_year).transpose()?;
    if let (Some(from), Some(to)) = (from, to) {
        if from > to {
            return Err(Msg::StatsYearsReversed { from, to }.into());
        }
    }
    let store = ctx.open(Access::Read)?;
    let conn = store.conn();
    let unit = resolve_unit_arg(conn, args.unit.as_deref())?;
    let as_of = ctx.clock.today();
    let recurring: HashSet<_> = store::confirmed_recurrences(conn)?.into_keys().collect();
    let carried: HashSet<_> = store::carried_from(conn)?.into_values().collect();
    let marks = Marks {
        recurring: &recurring,
        carried: &carried,
    };
    let in_years =
        |row: &LedgerRow| from.is_none_or(|y| row.year >= y) && to.is_none_or(|y| row.year <= y);
    // Counted as each unit's rows are computed: a whole-store stats holds one unit's rows at a
    // time.
    let mut tally = StatsTally::new(args.by, args.long_term_as_done);
    let scope = Scope {
        unit: unit.map(|u| u.id),
        year: None,
    };
    scan::each_unit(conn, scope, as_of, &RowFilter::default(), |rows| {
        for row in rows.iter().filter(|r| in_years(r)) {
            tally.add(row, marks);
        }
        Ok(())
    })?;
    let figures = tally.finish();
    stats::print(out, ctx.format, ctx.lang, ctx.paint, &figures)?;
    Ok(())
}

//! `taizhang status`: the ledger as a table, as of a date.

use std::io::Write;

use clap::{Args, ValueEnum};

use super::scan::{self, Scope};
use super::{resolve_unit_arg, Ctx};
use crate::analysis::{RowFilter, RowOrder};
use crate::error::{Error, Msg, Result};
use crate::model::{check_year, ItemKind, Status};
use crate::render::ledger::{LedgerPrinter, LedgerRecord};
use crate::store::Access;

/// Show the ledger: every problem and measure with its owner, deadline and current status.
///
/// Statuses are computed as of --as-of (default today) from the progress logged up to that date.
/// An item is overdue (逾期) when its deadline has passed and it is not done, long-term or
/// dropped; a problem's deadline is the first deadline among its open measures.
#[derive(Debug, Args)]
#[command(after_help = "\
taizhang status --unit 临江市财政局 --year 2024
taizhang status --overdue --as-of 2026-01-15
taizhang status --due-within 30d
taizhang status --owner 办公室 --status in_progress --format csv
taizhang status --kind measure --category 作风建设 --sort due
taizhang status --search 会议记录")]
pub struct StatusArgs {
    /// Only this unit (by name or alias)
    #[arg(long)]
    pub unit: Option<String>,
    /// Only items of this summary year
    #[arg(long, value_name = "N")]
    pub year: Option<i32>,
    /// Only items whose leader, department or person contains this text
    #[arg(long, value_name = "X")]
    pub owner: Option<String>,
    /// Only items in this status (code or Chinese label; unreported / 未报告 too)
    #[arg(long, value_name = "S")]
    pub status: Option<String>,
    /// Only overdue items (the red light), most overdue first
    #[arg(long)]
    pub overdue: bool,
    /// Only open items falling due within this period (the yellow light), soonest first:
    /// 30d, 2w or a number of days
    #[arg(long, value_name = "PERIOD", conflicts_with = "overdue")]
    pub due_within: Option<String>,
    /// Only problems of this category, and the measures that answer them
    #[arg(long, value_name = "C")]
    pub category: Option<String>,
    /// Only problems or only measures
    #[arg(long, value_enum, value_name = "KIND")]
    pub kind: Option<KindArg>,
    /// Only items whose text or title contains this text
    #[arg(long, value_name = "TEXT")]
    pub search: Option<String>,
    /// Order the rows within each unit and year by due date (soonest first, undated last),
    /// status, or id (problems, then measures)
    #[arg(long, value_enum, value_name = "ORDER")]
    pub sort: Option<SortArg>,
}

/// The kinds `--kind` takes.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum KindArg {
    Problem,
    Measure,
}

/// The orders `--sort` takes.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum SortArg {
    Due,
    Status,
    Id,
}

/// Parses `30d`, `2w` or `30` as a number of days.
fn period_days(text: &str) -> Result<i64> {
    let trimmed = text.trim();
    let (number, unit) = match trimmed.char_indices().last() {
        Some((i, 'd' | 'D' | '天')) => (&trimmed[..i], 1),
        Some((i, 'w' | 'W' | '周')) => (&trimmed[..i], 7),
        _ => (trimmed, 1),
    };
    number
        .trim()
        .parse::<i64>()
        .ok()
        .filter(|n| (0..=3660).contains(n))
        .map(|n| n * unit)
        .ok_or_else(|| {
            Error::from(Msg::BadPeriod {
                text: text.to_string(),
            })
        })
}

pub fn run(ctx: &Ctx, args: StatusArgs, out: &mut dyn Write) -> Result<()> {
    let year = args.year.map(check_year).transpose()?;
    let status = args.status.as_deref().map(Status::parse_any).transpose()?;
    let store = ctx.open(Access::Read)?;
    let conn = store.conn();
    let unit = resolve_unit_arg(conn, args.unit.as_deref())?;
    let as_of = ctx.clock.today();
    let due_within = args.due_within.as_deref().map(period_days).transpose()?;
    let filter = RowFilter {
        status,
        overdue: args.overdue,
        due_within,
        owner: args.owner.clone(),
        category: args.category.clone(),
        kind: args.kind.map(|k| match k {
            KindArg::Problem => ItemKind::Problem,
            KindArg::Measure => ItemKind::Measure,
        }),
        search: args.search.clone().filter(|s| !s.trim().is_empty()),
        sort: args.sort.map(|s| match s {
            SortArg::Due => RowOrder::Due,
            SortArg::Status => RowOrder::Status,
            SortArg::Id => RowOrder::Id,
        }),
    };
    let scope = Scope {
        unit: unit.map(|u| u.id),
        year,
    };
    // Each unit's rows are printed as soon as they are computed: a whole-store status holds one
    // unit's rows at a time.
    let mut printer = LedgerPrinter::start(out, ctx.format, ctx.lang, ctx.paint, as_of)?;
    scan::each_unit(conn, scope, as_of, &filter, |rows| {
        let records: Vec<LedgerRecord<'_>> = rows.iter().map(LedgerRecord::from).collect();
        Ok(printer.push(&records)?)
    })?;
    printer.finish()?;
    Ok(())
}

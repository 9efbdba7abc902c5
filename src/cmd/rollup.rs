//! `taizhang report --all-units [--units U…] --year N`: the supervising office's roll-up of its
//! units' rectification (各单位问题整改情况汇总), the other half of `report`.

use std::io::Write;

use anyhow::Context;

use super::report::{deliver, output_kind, read_template, Forms, ReportArgs};
use super::{resolve_unit, Ctx};
use crate::analysis::rollup::{compute_rollup, RollupInput};
use crate::analysis::{compute_ledger, RowFilter};
use crate::error::{Msg, Result};
use crate::files;
use crate::model::check_year;
use crate::render::rollup;
use crate::store::{self, Access, LedgerFilter};

pub use crate::render::rollup::DEFAULT_TEMPLATE;

pub fn run(ctx: &Ctx, args: &ReportArgs, out: &mut dyn Write) -> Result<()> {
    let Some(year) = args.year else {
        return Err(Msg::ReportNeedsScope.into());
    };
    let year = check_year(year)?;
    let output = args.output.as_deref().filter(|p| !files::is_stdout(p));
    let store_path = ctx.store_path()?;
    if let Some(path) = output {
        files::check_target(path, args.force, Some(&store_path))?;
    }
    let kind = output.map(output_kind).transpose()?;
    let template = read_template(args)?;
    let store = ctx.open(Access::Read)?;
    let conn = store.conn();
    let mut units: Vec<String> = if args.units.is_empty() {
        store::list_units(conn)?
            .into_iter()
            .map(|u| u.unit.name)
            .collect()
    } else {
        args.units
            .iter()
            .map(|name| resolve_unit(conn, name).map(|u| u.name))
            .collect::<Result<_>>()?
    };
    units.sort();
    units.dedup();
    if units.is_empty() {
        return Err(Msg::RollupNoUnits.into());
    }
    let as_of = ctx.clock.today();
    let data = store::load_ledger(
        conn,
        LedgerFilter {
            unit_id: None,
            year: None,
        },
        as_of,
    )?;
    let rows = compute_ledger(&data, as_of, &RowFilter::default());
    let recurs_from = store::confirmed_recurrences(conn)?;
    let problems = store::problems_for_clustering(conn, Some(year))?;
    let value = compute_rollup(&RollupInput {
        units: &units,
        rows: &rows,
        recurs_from: &recurs_from,
        problems: &problems,
        year,
        as_of,
        long_term_as_done: args.long_term_as_done,
    });
    if ctx.format.is_json() && output.is_none() {
        serde_json::to_writer_pretty(&mut *out, &value).context("write the roll-up as JSON")?;
        writeln!(out)?;
        return Ok(());
    }
    let text = rollup::render(&value, args.style, template.as_deref())?;
    let forms = Forms {
        text: rollup::to_text,
        markdown: rollup::to_markdown,
        word: rollup::to_word,
    };
    deliver(ctx, args, (output, kind), &text, forms, as_of, out)
}

//! `taizhang show ITEM`: everything about one item.

use std::io::Write;

use clap::Args;

use super::{load_item, Ctx};
use crate::analysis::{compute_ledger, RowFilter};
use crate::error::Result;
use crate::render::item::{self, ItemView};
use crate::render::ledger::LedgerRecord;
use crate::store::{self, Access, LedgerFilter};

/// Show one problem or measure: its fields, links, status and progress.
///
/// Every field is listed, an empty one as such (责任人：未填写), with the summary the item was
/// imported from and, for a carried-over measure, the measure it continues.
#[derive(Debug, Args)]
#[command(after_help = "\
taizhang show P3
taizhang show M5 --format json")]
pub struct ShowArgs {
    /// The item (P3, M5)
    pub item: String,
}

pub fn run(ctx: &Ctx, args: ShowArgs, out: &mut dyn Write) -> Result<()> {
    let store = ctx.open(Access::Read)?;
    let conn = store.conn();
    let (id, item) = load_item(conn, &args.item)?;
    let as_of = ctx.clock.today();
    let unit = store::find_unit(conn, item.unit())?.map(|u| u.id);
    let data = store::load_ledger(
        conn,
        LedgerFilter {
            unit_id: unit,
            year: Some(item.year()),
        },
        as_of,
    )?;
    let rows = compute_ledger(&data, as_of, &RowFilter::default());
    let row = rows
        .iter()
        .find(|r| r.id == id)
        .expect("an item is in the ledger of its own unit and year");
    let mut progress = store::progress_of(conn, id)?;
    progress.retain(|entry| entry.date <= as_of);
    let carried_from = match id.kind {
        crate::model::ItemKind::Measure => store::carried_from(conn)?.get(&id).copied(),
        crate::model::ItemKind::Problem => None,
    };
    let view = ItemView {
        record: LedgerRecord::from(row),
        progress: &progress,
        source: store::source_of(conn, id)?,
        carried_from,
        institution: row.institution(),
        institution_setting: row.institution_setting,
    };
    item::print(out, ctx.format, ctx.lang, ctx.paint, &view)?;
    Ok(())
}

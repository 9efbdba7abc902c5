//! `taizhang history ITEM`: who changed an item, when, and how.

use std::io::Write;

use clap::Args;

use super::{load_item, Ctx};
use crate::error::Result;
use crate::render::emit;
use crate::render::history::EventRecord;
use crate::store::{self, Access};

/// Show the history of a problem or a measure: every change, who made it and when.
///
/// Example: taizhang history M5
#[derive(Debug, Args)]
#[command(verbatim_doc_comment)]
pub struct HistoryArgs {
    /// The item (P3, M5)
    pub item: String,
}

pub fn run(ctx: &Ctx, args: HistoryArgs, out: &mut dyn Write) -> Result<()> {
    let store = ctx.open(Access::Read)?;
    let (_, item) = load_item(store.conn(), &args.item)?;
    let events = store::events_for(store.conn(), item.uuid())?;
    let records: Vec<EventRecord<'_>> = events.iter().map(EventRecord::from).collect();
    emit(
        out,
        ctx.format,
        ctx.lang,
        &records,
        ctx.lang.pick("没有记录。", "No events."),
    )?;
    Ok(())
}

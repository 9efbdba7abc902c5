//! `taizhang history ITEM`: who changed an item, when, and how.

use std::io::Write;

use clap::Args;

use super::{load_item, Ctx};
use crate::error::{Done, Error, Result};
use crate::render::emit;
use crate::render::history::EventRecord;
use crate::store::{self, Access};

/// Show the history of a problem or a measure: every change, who made it and when (also for an
/// item that was deleted).
#[derive(Debug, Args)]
#[command(after_help = "\
taizhang history M5")]
pub struct HistoryArgs {
    /// The item (P3, M5)
    pub item: String,
}

pub fn run(ctx: &Ctx, args: HistoryArgs, out: &mut dyn Write) -> Result<()> {
    let store = ctx.open(Access::Read)?;
    let uuid = match load_item(store.conn(), &args.item) {
        Ok((_, item)) => item.uuid().to_string(),
        // A deleted item keeps its history.
        Err(error @ Error::UnknownItem { id, .. }) => {
            store::uuid_of_logged_item(store.conn(), &id.to_string())?.ok_or(error)?
        }
        Err(error) => return Err(error),
    };
    let events = store::events_for(store.conn(), &uuid)?;
    let records: Vec<EventRecord<'_>> = events.iter().map(EventRecord::from).collect();
    emit(
        out,
        ctx.format,
        ctx.lang,
        &records,
        &Done::NoEvents.render(ctx.lang),
    )?;
    Ok(())
}

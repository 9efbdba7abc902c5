//! `taizhang delete ITEM… --reason TEXT`: remove items typed in by mistake.

use std::io::Write;

use clap::Args;
use serde_json::json;

use super::{load_item, Ctx, Item};
use crate::error::{Done, Refusal, Result};
use crate::render::outcome::Outcome;
use crate::store::{self, Access};

/// Delete problems or measures that should never have been recorded (a duplicate, a slip).
///
/// The items leave every table, count and report, with their progress and links; their history
/// stays ('taizhang history P5' still works), and 'taizhang undo' brings them back. An item that
/// was real but is no longer pursued is not deleted: record it as dropped (已撤销) instead, with
/// 'taizhang progress M5 --status dropped --note …'. Ids are never given again.
#[derive(Debug, Args)]
#[command(after_help = "\
taizhang delete P5 M7 --reason \"重复录入\"")]
pub struct DeleteArgs {
    /// The items (P5, M7)
    #[arg(required = true, value_name = "ITEM")]
    pub items: Vec<String>,
    /// Why they are deleted (kept in their history)
    #[arg(long, value_name = "TEXT")]
    pub reason: String,
}

pub fn run(ctx: &Ctx, args: DeleteArgs, out: &mut dyn Write) -> Result<()> {
    let reason = args.reason.trim();
    if reason.is_empty() {
        return Err(Refusal::DeleteNeedsReason.into());
    }
    let mut store = ctx.open(Access::Write)?;
    let tx = store.transaction()?;
    let mut done = Vec::new();
    for text in &args.items {
        let (id, item) = load_item(&tx, text)?;
        let snapshot = match &item {
            Item::Problem(p) => json!({"unit": p.unit, "year": p.year, "text": p.text}),
            Item::Measure(m) => json!({"unit": m.unit, "year": m.year, "text": m.text}),
        };
        store::delete_item(&tx, id)?;
        let detail = json!({"reason": reason, "item": snapshot, "operation": tx.operation()});
        ctx.record(
            &tx,
            &id.to_string(),
            item.uuid(),
            crate::model::Action::Delete,
            detail,
        )?;
        done.push(Outcome {
            id: id.to_string(),
            uuid: item.uuid().to_string(),
            action: "delete",
            message: Done::Deleted {
                id: id.to_string(),
                reason: reason.to_string(),
            }
            .render(ctx.lang),
        });
    }
    let op = tx.operation();
    tx.commit()?;
    ctx.confirm(out, &done)?;
    if !ctx.quiet {
        let hint = Done::DeleteUndoHint { operation: op }.render(ctx.lang);
        crate::render::shapes::for_people(out, ctx.format, &hint)?;
    }
    Ok(())
}

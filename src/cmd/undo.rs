//! `taizhang undo`: revert the last operation, or a given one, and list recent operations.

use std::io::Write;

use clap::Args;
use serde_json::json;

use super::Ctx;
use crate::error::{Done, Error, Refusal, Result};
use crate::render::emit;
use crate::render::operations::{self, OperationRecord};
use crate::render::outcome::Outcome;
use crate::store::{self, Access, Reverted};

/// Undo a change: the last operation, or the one you name.
///
/// Every command that writes is one operation. 'taizhang undo' reverts the latest operation that
/// is still in effect (run it again to go further back); 'taizhang undo 12' reverts operation 12
/// when no later operation changed the same records (it names them otherwise). An undo is an
/// operation too: 'taizhang undo 14' undoes undo 14. The history keeps everything: reverted
/// changes stay in it, with the undo after them.
#[derive(Debug, Args)]
#[command(after_help = "\
taizhang undo --list
taizhang undo
taizhang undo 12")]
pub struct UndoArgs {
    /// The operation to revert (see --list); the latest one when left out
    #[arg(value_name = "OP", conflicts_with = "list")]
    pub operation: Option<String>,
    /// List the recent operations instead
    #[arg(long)]
    pub list: bool,
    /// How many operations --list shows
    #[arg(long, value_name = "N", default_value_t = 20, requires = "list")]
    pub limit: usize,
}

pub fn run(ctx: &Ctx, args: UndoArgs, out: &mut dyn Write) -> Result<()> {
    if args.list {
        let store = ctx.open(Access::Read)?;
        let ops = store::list_operations(store.conn(), args.limit)?;
        let records: Vec<OperationRecord<'_>> = ops.iter().map(OperationRecord::from).collect();
        let empty = Done::NoOperations.render(ctx.lang);
        emit(out, ctx.format, ctx.lang, &records, &empty)?;
        return Ok(());
    }
    let wanted = args.operation.as_deref().map(parse_operation).transpose()?;
    let mut store = ctx.open(Access::Write)?;
    let id = match wanted {
        Some(id) => id,
        None => store::last_undoable(store.conn())?
            .ok_or_else(|| Error::from(Refusal::NothingToUndo))?,
    };
    let conn = store.conn();
    let Some(op) = store::get_operation(conn, id)? else {
        return Err(Refusal::NoSuchOperation { operation: id }.into());
    };
    if let Some(by) = op.undone_by {
        return Err(Refusal::AlreadyUndone { operation: id, by }.into());
    }
    let later = store::dependents(conn, id)?;
    if !later.is_empty() {
        return Err(needed_by(id, &later));
    }
    let mut meta = ctx.operation();
    meta.reverts = Some(id);
    store.set_operation(meta);
    let tx = store.transaction()?;
    let changes = match store::revert(&tx, id)? {
        Reverted::Done(n) => n,
        Reverted::Needed => {
            let later = store::later_operations(&tx, id)?;
            return Err(needed_by(id, &later));
        }
    };
    for (item, uuid) in store::items_of(&tx, id)? {
        let detail = json!({"operation": id, "command": op.command});
        ctx.record(&tx, &item, &uuid, crate::model::Action::Undo, detail)?;
    }
    let undo = tx.operation();
    tx.commit()?;
    let message = Done::Undone {
        operation: id,
        command: op.command.clone(),
        when: operations::when(&op.at),
        changes,
        undo,
    }
    .render(ctx.lang);
    ctx.confirm(
        out,
        &[Outcome {
            id: undo.to_string(),
            uuid: String::new(),
            action: "undo",
            message,
        }],
    )?;
    Ok(())
}

/// The refusal when later operations build on `id`.
fn needed_by(id: i64, later: &[i64]) -> Error {
    Refusal::UndoNeededBy {
        operation: id,
        later: later.to_vec(),
    }
    .into()
}

fn parse_operation(text: &str) -> Result<i64> {
    text.trim()
        .trim_start_matches('#')
        .parse::<i64>()
        .ok()
        .filter(|n| *n > 0)
        .ok_or_else(|| {
            Error::from(Refusal::NotAnOperation {
                text: text.to_string(),
            })
        })
}

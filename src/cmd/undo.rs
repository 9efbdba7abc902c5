//! `taizhang undo`: revert the last operation, or a given one, and list recent operations.

use std::io::Write;

use clap::Args;
use serde_json::json;

use super::Ctx;
use crate::error::{Error, Result};
use crate::render::operations::{self, OperationRecord};
use crate::render::outcome::Outcome;
use crate::render::{emit, Lang};
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
        let empty = ctx.lang.pick("还没有任何操作。", "No operations yet.");
        emit(out, ctx.format, ctx.lang, &records, empty)?;
        return Ok(());
    }
    let wanted = args
        .operation
        .as_deref()
        .map(|text| parse_operation(text, ctx.lang))
        .transpose()?;
    let mut store = ctx.open(Access::Write)?;
    let id = match wanted {
        Some(id) => id,
        None => store::last_undoable(store.conn())?.ok_or_else(|| {
            Error::invalid(ctx.lang.pick(
                "没有可以撤销的操作（用 taizhang undo --list 查看操作记录）",
                "there is nothing to undo (see 'taizhang undo --list')",
            ))
        })?,
    };
    let conn = store.conn();
    let Some(op) = store::get_operation(conn, id)? else {
        return Err(Error::invalid(match ctx.lang {
            Lang::Zh => format!("没有编号为 {id} 的操作（用 taizhang undo --list 查看操作记录）"),
            Lang::En => format!("there is no operation {id} (see 'taizhang undo --list')"),
        }));
    };
    if let Some(by) = op.undone_by {
        return Err(Error::invalid(match ctx.lang {
            Lang::Zh => format!("操作 {id} 已由操作 {by} 撤销；要恢复它，请撤销操作 {by}：taizhang undo {by}"),
            Lang::En => format!("operation {id} was undone by operation {by}; to bring it back, undo that: taizhang undo {by}"),
        }));
    }
    let later = store::dependents(conn, id)?;
    if !later.is_empty() {
        return Err(needed_by(id, &later, ctx.lang));
    }
    let mut meta = ctx.operation();
    meta.reverts = Some(id);
    store.set_operation(meta);
    let tx = store.transaction()?;
    let changes = match store::revert(&tx, id)? {
        Reverted::Done(n) => n,
        Reverted::Needed => {
            let later = store::later_operations(&tx, id)?;
            return Err(needed_by(id, &later, ctx.lang));
        }
    };
    for (item, uuid) in store::items_of(&tx, id)? {
        let detail = json!({"operation": id, "command": op.command});
        ctx.record(&tx, &item, &uuid, crate::model::Action::Undo, detail)?;
    }
    let undo = tx.operation();
    tx.commit()?;
    let message = match ctx.lang {
        Lang::Zh => format!(
            "已撤销操作 {id}（{}，{}）：还原 {changes} 处改动。撤销本身是操作 {undo}，可用 taizhang undo {undo} 恢复。",
            op.command,
            operations::when(&op.at)
        ),
        Lang::En => format!(
            "undid operation {id} ({}, {}): {changes} changes reverted. The undo is operation {undo}; 'taizhang undo {undo}' brings them back.",
            op.command,
            operations::when(&op.at)
        ),
    };
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
fn needed_by(id: i64, later: &[i64], lang: Lang) -> Error {
    let list = later
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(lang.pick("、", ", "));
    let last = later.last().copied().unwrap_or(id);
    Error::invalid(match lang {
        Lang::Zh => format!("操作 {id} 之后的操作 {list} 用到或改动了它的记录，不能单独撤销；请先从最后一个撤销起：taizhang undo {last}"),
        Lang::En => format!("operations {list} build on or change the records of operation {id}, so it cannot be undone alone; undo them first, latest first: taizhang undo {last}"),
    })
}

fn parse_operation(text: &str, lang: Lang) -> Result<i64> {
    text.trim()
        .trim_start_matches('#')
        .parse::<i64>()
        .ok()
        .filter(|n| *n > 0)
        .ok_or_else(|| {
            Error::invalid(match lang {
                Lang::Zh => {
                    format!("“{text}”不是操作编号；操作编号是数字，见 taizhang undo --list")
                }
                Lang::En => {
                    format!("'{text}' is not an operation number; see 'taizhang undo --list'")
                }
            })
        })
}

//! `taizhang unit rename|remove|merge`: change what a unit is called, remove one typed in by
//! mistake, or make two names of one unit one unit. Each is one operation `undo` reverts.

use std::io::Write;

use clap::Args;
use serde_json::json;

use super::{required_text, resolve_unit, Ctx};
use crate::error::{Done, Refusal, Result};
use crate::render::outcome::Outcome;
use crate::store::{self, Access};

/// Rename a unit; the old name stays as an alias, so summaries that use it still match.
#[derive(Debug, Args)]
#[command(after_help = "\
taizhang unit rename 临江市财政局 临江市财政局（国资委）")]
pub struct UnitRenameArgs {
    /// The unit, by name or alias
    pub unit: String,
    /// Its new full name
    pub name: String,
}

/// Remove a unit. A unit that holds problems or measures is only removed with --force, and then
/// with all of them (their history stays; 'taizhang undo' brings everything back).
#[derive(Debug, Args)]
#[command(after_help = "\
taizhang unit remove 临江市材政局")]
pub struct UnitRemoveArgs {
    /// The unit, by name or alias
    pub unit: String,
    /// Remove it even though it holds items, with them
    #[arg(long)]
    pub force: bool,
}

/// Merge two units that are one: the second's items, summaries and names move to the first,
/// and its name becomes an alias of the first.
#[derive(Debug, Args)]
#[command(after_help = "\
taizhang unit merge 临江市财政局 临江市材政局")]
pub struct UnitMergeArgs {
    /// The unit to keep
    pub keep: String,
    /// The unit that is the same and goes
    pub other: String,
}

fn done(
    ctx: &Ctx,
    out: &mut dyn Write,
    id: String,
    uuid: String,
    action: &'static str,
    message: String,
) -> Result<()> {
    ctx.confirm(
        out,
        &[Outcome {
            id,
            uuid,
            action,
            message,
        }],
    )?;
    Ok(())
}

pub fn rename(ctx: &Ctx, args: UnitRenameArgs, out: &mut dyn Write) -> Result<()> {
    let name = required_text(&args.name, "unit name")?;
    let mut store = ctx.open(Access::Write)?;
    let tx = store.transaction()?;
    let unit = resolve_unit(&tx, &args.unit)?;
    store::rename_unit(&tx, &unit, &name)?;
    let detail = json!({"changes": {"name": {"from": unit.name, "to": name}}});
    ctx.record(
        &tx,
        &format!("U{}", unit.id),
        &unit.uuid,
        crate::model::Action::Edit,
        detail,
    )?;
    tx.commit()?;
    let message = Done::UnitRenamed {
        old: unit.name.clone(),
        new: name.clone(),
    }
    .render(ctx.lang);
    done(ctx, out, name, unit.uuid, "rename", message)
}

pub fn remove(ctx: &Ctx, args: UnitRemoveArgs, out: &mut dyn Write) -> Result<()> {
    let mut store = ctx.open(Access::Write)?;
    let tx = store.transaction()?;
    let unit = resolve_unit(&tx, &args.unit)?;
    let (problems, measures, documents) = store::unit_contents(&tx, unit.id)?;
    if problems + measures + documents > 0 && !args.force {
        return Err(Refusal::UnitNotEmpty {
            name: unit.name.clone(),
            problems,
            measures,
            documents,
        }
        .into());
    }
    store::remove_unit(&tx, &unit)?;
    let detail = json!({"name": unit.name, "problems": problems, "measures": measures, "documents": documents});
    ctx.record(
        &tx,
        &format!("U{}", unit.id),
        &unit.uuid,
        crate::model::Action::Delete,
        detail,
    )?;
    let op = tx.operation();
    tx.commit()?;
    let message = Done::UnitRemoved {
        name: unit.name.clone(),
        problems,
        measures,
        operation: op,
    }
    .render(ctx.lang);
    done(ctx, out, unit.name, unit.uuid, "delete", message)
}

pub fn merge(ctx: &Ctx, args: UnitMergeArgs, out: &mut dyn Write) -> Result<()> {
    let mut store = ctx.open(Access::Write)?;
    let tx = store.transaction()?;
    let keep = resolve_unit(&tx, &args.keep)?;
    let other = resolve_unit(&tx, &args.other)?;
    if keep.id == other.id {
        return Err(Refusal::UnitsAlreadyOne {
            keep: args.keep.clone(),
            other: args.other.clone(),
        }
        .into());
    }
    let (problems, measures, _) = store::unit_contents(&tx, other.id)?;
    store::merge_units(&tx, &keep, &other)?;
    let detail = json!({"merged": other.name, "merged_uuid": other.uuid, "problems": problems, "measures": measures});
    ctx.record(
        &tx,
        &format!("U{}", keep.id),
        &keep.uuid,
        crate::model::Action::UnitMerge,
        detail.clone(),
    )?;
    ctx.record(
        &tx,
        &format!("U{}", other.id),
        &other.uuid,
        crate::model::Action::UnitMerge,
        json!({"into": keep.name}),
    )?;
    tx.commit()?;
    let message = Done::UnitsMerged {
        other: other.name.clone(),
        keep: keep.name.clone(),
        problems,
        measures,
    }
    .render(ctx.lang);
    done(ctx, out, keep.name, keep.uuid, "unit_merge", message)
}

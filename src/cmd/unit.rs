//! `taizhang unit add|list|alias`: the units whose ledgers the store keeps.

use std::io::Write;

use clap::{Args, Subcommand};
use serde_json::json;

use super::{required_text, resolve_unit, Ctx};
use crate::error::{Done, Result};
use crate::render::emit;
use crate::render::outcome::Outcome;
use crate::render::units::UnitRecord;
use crate::store::{self, Access};

/// Add, list and name units (单位).
#[derive(Debug, Subcommand)]
pub enum UnitCommand {
    Add(UnitAddArgs),
    List(UnitListArgs),
    Alias(UnitAliasArgs),
    Rename(super::unit_change::UnitRenameArgs),
    Remove(super::unit_change::UnitRemoveArgs),
    Merge(super::unit_change::UnitMergeArgs),
}

/// Add a unit, with the other names summaries use for it.
#[derive(Debug, Args)]
#[command(after_help = "\
taizhang unit add 国家税务总局临江市税务局 --alias 临江市税务局 --alias 市税务局")]
pub struct UnitAddArgs {
    /// The unit's full name
    pub name: String,
    /// Another name for the unit (repeat for several)
    #[arg(long = "alias", value_name = "ALIAS")]
    pub aliases: Vec<String>,
}

/// List the units with their aliases and the size of their ledgers.
#[derive(Debug, Args)]
#[command(after_help = "\
taizhang unit list --format json")]
pub struct UnitListArgs {}

/// Give a unit another name.
#[derive(Debug, Args)]
#[command(after_help = "\
taizhang unit alias 国家税务总局临江市税务局 临江市税务局")]
pub struct UnitAliasArgs {
    /// The unit, by name or alias
    pub unit: String,
    /// The new alias
    pub alias: String,
}

pub fn run(ctx: &Ctx, command: UnitCommand, out: &mut dyn Write) -> Result<()> {
    match command {
        UnitCommand::Add(args) => add(ctx, args, out),
        UnitCommand::List(_) => list(ctx, out),
        UnitCommand::Alias(args) => alias(ctx, args, out),
        UnitCommand::Rename(args) => super::unit_change::rename(ctx, args, out),
        UnitCommand::Remove(args) => super::unit_change::remove(ctx, args, out),
        UnitCommand::Merge(args) => super::unit_change::merge(ctx, args, out),
    }
}

fn add(ctx: &Ctx, args: UnitAddArgs, out: &mut dyn Write) -> Result<()> {
    let name = required_text(&args.name, "unit name")?;
    let aliases = args
        .aliases
        .iter()
        .map(|a| required_text(a, "alias"))
        .collect::<Result<Vec<_>>>()?;
    let mut store = ctx.open(Access::Write)?;
    let tx = store.transaction()?;
    let unit = store::insert_unit(&tx, &name, ctx.clock.timestamp())?;
    for alias in &aliases {
        store::add_alias(&tx, &unit, alias)?;
    }
    let item = format!("U{}", unit.id);
    ctx.record(
        &tx,
        &item,
        &unit.uuid,
        crate::model::Action::Create,
        json!({"text": name, "aliases": aliases}),
    )?;
    tx.commit()?;
    let message = Done::UnitAdded { name: name.clone() }.render(ctx.lang);
    ctx.confirm(
        out,
        &[Outcome {
            id: name,
            uuid: unit.uuid,
            action: "create",
            message,
        }],
    )?;
    Ok(())
}

fn list(ctx: &Ctx, out: &mut dyn Write) -> Result<()> {
    let store = ctx.open(Access::Read)?;
    let units = store::list_units(store.conn())?;
    let records: Vec<UnitRecord<'_>> = units.iter().map(UnitRecord::from).collect();
    let empty = Done::NoUnits.render(ctx.lang);
    emit(out, ctx.format, ctx.lang, &records, &empty)?;
    Ok(())
}

fn alias(ctx: &Ctx, args: UnitAliasArgs, out: &mut dyn Write) -> Result<()> {
    let alias = required_text(&args.alias, "alias")?;
    let mut store = ctx.open(Access::Write)?;
    let tx = store.transaction()?;
    let unit = resolve_unit(&tx, &args.unit)?;
    store::add_alias(&tx, &unit, &alias)?;
    ctx.record(
        &tx,
        &format!("U{}", unit.id),
        &unit.uuid,
        crate::model::Action::Alias,
        json!({"alias": alias}),
    )?;
    tx.commit()?;
    let message = Done::AliasAdded {
        alias: alias.to_string(),
        unit: unit.name.clone(),
    }
    .render(ctx.lang);
    ctx.confirm(
        out,
        &[Outcome {
            id: unit.name,
            uuid: unit.uuid,
            action: "alias",
            message,
        }],
    )?;
    Ok(())
}

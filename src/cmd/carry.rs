//! `taizhang carry M12 --year N`: continue an unfinished measure in a later year's plan (持续推进).

use std::io::Write;

use clap::Args;
use serde_json::json;

use super::{link::link_items, load_item, Ctx, Item};
use crate::analysis::{compute_ledger, RowFilter};
use crate::error::{Done, Msg, Result};
use crate::model::{check_year, Deadline};
use crate::render::outcome::Outcome;
use crate::store::{self, Access, LedgerFilter, NewMeasure};

/// Carry an unfinished measure over into a later year's plan.
///
/// Creates a year-N measure with the same title, text and owners, answering the same problems,
/// and records that it continues the original: the year-N report lists it under 下一步打算 as
/// carried over, and the original keeps its own history. Its deadline is the end of year N+1
/// unless --due says otherwise.
#[derive(Debug, Args)]
#[command(after_help = "\
taizhang carry M12 --year 2025 --due 2026-06-30")]
pub struct CarryArgs {
    /// The unfinished measure (M12)
    pub measure: String,
    /// The year of the summary whose plan continues it
    #[arg(long, value_name = "N")]
    pub year: i32,
    /// Deadline of the new measure: a date (2025-06-30, 2025年6月30日), 'immediate' or 'long-term' [default: end of N+1]
    #[arg(long, value_name = "DATE")]
    pub due: Option<String>,
}

pub fn run(ctx: &Ctx, args: CarryArgs, out: &mut dyn Write) -> Result<()> {
    let year = check_year(args.year)?;
    let deadline = match &args.due {
        Some(due) => Deadline::parse(due, ctx.clock.today())?,
        None => Deadline::default_for_year(year),
    };
    let mut store = ctx.open(Access::Write)?;
    let tx = store.transaction()?;
    let (id, item) = load_item(&tx, &args.measure)?;
    let Item::Measure(original) = item else {
        return Err(Msg::CarryProblem { id: id.to_string() }.into());
    };
    if year <= original.year {
        return Err(Msg::CarryNotLater {
            id: id.to_string(),
            year: original.year,
        }
        .into());
    }
    if let Some((later, _)) = store::carried_into(&tx, id)?
        .into_iter()
        .find(|(_, y)| *y == year)
    {
        return Err(Msg::CarryAlready {
            id: id.to_string(),
            year,
            later: later.to_string(),
        }
        .into());
    }
    let unit = store::find_unit(&tx, &original.unit)?.expect("a measure's unit exists");
    let as_of = ctx.clock.today();
    let data = store::load_ledger(
        &tx,
        LedgerFilter {
            unit_id: Some(unit.id),
            year: Some(original.year),
        },
        as_of,
    )?;
    let status = compute_ledger(&data, as_of, &RowFilter::default())
        .into_iter()
        .find(|r| r.id == id)
        .map(|r| r.status)
        .expect("a measure is in the ledger of its own unit and year");
    if status.is_closed() {
        return Err(Msg::CarryFinished {
            id: id.to_string(),
            status,
        }
        .into());
    }
    let carried = store::insert_measure(
        &tx,
        &NewMeasure {
            unit_id: unit.id,
            year,
            title: original.title.as_deref(),
            text: &original.text,
            owner: &original.owner,
            deadline,
            institution: original.institution,
            created_at: ctx.clock.timestamp(),
            source: None,
        },
    )?;
    store::insert_carry(&tx, id, carried.id, ctx.clock.timestamp())?;
    let mut detail = json!({
        "unit": unit.name, "year": year, "title": carried.title, "text": carried.text,
        "deadline_kind": deadline.kind_code(), "due": deadline.due(), "carried_from": id.to_string(),
    });
    if let Some(setting) = carried.institution {
        detail["institution"] = json!(setting);
    }
    ctx.record(
        &tx,
        &carried.id.to_string(),
        &carried.uuid,
        crate::model::Action::Create,
        detail,
    )?;
    ctx.record(
        &tx,
        &id.to_string(),
        &original.uuid,
        crate::model::Action::Carry,
        json!({"to": carried.id.to_string(), "year": year}),
    )?;
    let carried_item = Item::Measure(carried.clone());
    for problem in store::links_of(&tx, id)? {
        let (_, problem) = load_item(&tx, &problem.to_string())?;
        link_items(ctx, &tx, &carried_item, &problem)?;
    }
    tx.commit()?;
    let message = Done::Carried {
        id: id.to_string(),
        year,
        to: carried.id.to_string(),
    }
    .render(ctx.lang);
    ctx.confirm(
        out,
        &[Outcome {
            id: carried.id.to_string(),
            uuid: carried.uuid,
            action: "carry",
            message,
        }],
    )?;
    Ok(())
}

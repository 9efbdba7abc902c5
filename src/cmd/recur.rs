//! `taizhang recur`: find problems that come back year after year, and record decisions on them.

use std::collections::HashMap;
use std::io::Write;

use clap::Args;
use serde_json::json;

use super::{load_item, resolve_unit, Ctx, Item};
use crate::analysis::recurrence::{explain, find_pairs, Known, DEFAULT_THRESHOLD};
use crate::error::{Done, Msg, Result};
use crate::model::{check_year, Problem};
use crate::render::emit;
use crate::render::outcome::Outcome;
use crate::render::recur::PairRecord;
use crate::store::{self, Access, Decision};

/// Find problems that recur (反弹回潮): the same underlying problem named again in a later year.
///
/// Compares each unit's problems across years by the characters they share, so rewording does not
/// hide a problem that comes back. A problem reported done that returns is still a recurrence.
/// Confirm or reject a proposed pair: later runs respect the decision, and confirmed recurrences
/// are marked in the report's 存在问题 and counted by 'taizhang stats'.
#[derive(Debug, Args)]
#[command(after_help = "\
taizhang recur --unit 临江市财政局
taizhang recur --year 2025 --threshold 0.2 --format json
taizhang recur --confirm P3 P12
taizhang recur --reject P4 P13")]
pub struct RecurArgs {
    /// Only this unit (by name or alias)
    #[arg(long)]
    pub unit: Option<String>,
    /// Only pairs whose later problem is of this year
    #[arg(long, value_name = "N")]
    pub year: Option<i32>,
    /// Least similarity (0–1) for a proposed pair; the default was measured on the fixture chains
    #[arg(long, value_name = "T", default_value_t = DEFAULT_THRESHOLD)]
    pub threshold: f64,
    /// Confirm that the later problem repeats the earlier one
    #[arg(long, num_args = 2, value_names = ["EARLIER", "LATER"], conflicts_with = "reject")]
    pub confirm: Option<Vec<String>>,
    /// Record that the two problems are not the same problem
    #[arg(long, num_args = 2, value_names = ["EARLIER", "LATER"])]
    pub reject: Option<Vec<String>>,
}

pub fn run(ctx: &Ctx, args: RecurArgs, out: &mut dyn Write) -> Result<()> {
    if !(0.0..=1.0).contains(&args.threshold) {
        return Err(Msg::ThresholdOutOfRange {
            value: args.threshold.to_string(),
        }
        .into());
    }
    match (&args.confirm, &args.reject) {
        (Some(ids), _) => decide(ctx, &ids[0], &ids[1], Decision::Confirmed, out),
        (_, Some(ids)) => decide(ctx, &ids[0], &ids[1], Decision::Rejected, out),
        _ => list(ctx, &args, out),
    }
}

fn list(ctx: &Ctx, args: &RecurArgs, out: &mut dyn Write) -> Result<()> {
    let year = args.year.map(check_year).transpose()?;
    let store = ctx.open(Access::Read)?;
    let conn = store.conn();
    let unit = args
        .unit
        .as_deref()
        .map(|u| resolve_unit(conn, u))
        .transpose()?;
    // Every problem of the store, so that the weights (and the scores) do not depend on filters.
    let problems = store::list_problems(conn, None)?;
    let known = Known {
        decisions: store::decisions(conn)?,
        outcomes: HashMap::new(),
    };
    let mut pairs = find_pairs(&problems, &known, args.threshold);
    pairs.retain(|p| {
        year.is_none_or(|y| p.later.year == y) && unit.as_ref().is_none_or(|u| p.unit == u.name)
    });
    let records: Vec<PairRecord<'_>> = pairs.iter().map(PairRecord::from).collect();
    let empty = Done::NoRecurrence.render(ctx.lang);
    emit(out, ctx.format, ctx.lang, &records, &empty)?;
    Ok(())
}

fn decide(
    ctx: &Ctx,
    first: &str,
    second: &str,
    decision: Decision,
    out: &mut dyn Write,
) -> Result<()> {
    let mut store = ctx.open(Access::Write)?;
    let tx = store.transaction()?;
    let problem = |text: &str| -> Result<Problem> {
        match load_item(&tx, text)? {
            (_, Item::Problem(p)) => Ok(p),
            (id, Item::Measure(_)) => Err(Msg::RecurMeasure { id: id.to_string() }.into()),
        }
    };
    let (a, b) = (problem(first)?, problem(second)?);
    if a.unit != b.unit {
        return Err(Msg::RecurAcrossUnits {
            first: a.id.to_string(),
            first_unit: a.unit.clone(),
            second: b.id.to_string(),
            second_unit: b.unit.clone(),
        }
        .into());
    }
    if a.year == b.year {
        return Err(Msg::RecurSameYear {
            first: a.id.to_string(),
            second: b.id.to_string(),
            year: a.year,
        }
        .into());
    }
    let (earlier, later) = if a.year < b.year { (a, b) } else { (b, a) };
    let unit_problems: Vec<Problem> = store::list_problems(&tx, None)?
        .into_iter()
        .filter(|p| p.unit == earlier.unit)
        .collect();
    let score = explain(&unit_problems, &HashMap::new(), &earlier, &later).score;
    store::set_decision(
        &tx,
        earlier.id,
        later.id,
        decision,
        score,
        ctx.clock.timestamp(),
        &ctx.actor,
    )?;
    for (this, other) in [(&earlier, &later), (&later, &earlier)] {
        let detail = json!({"decision": decision, "other": other.id.to_string(), "earlier": earlier.id.to_string(), "later": later.id.to_string(), "score": score});
        ctx.record(
            &tx,
            &this.id.to_string(),
            &this.uuid,
            crate::model::Action::Recur,
            detail,
        )?;
    }
    tx.commit()?;
    let (e, l) = (earlier.id, later.id);
    let (earlier_id, later_id) = (e.to_string(), l.to_string());
    let message = match decision {
        Decision::Confirmed => Done::RecurConfirmed {
            later: later_id,
            later_year: later.year,
            earlier: earlier_id,
            earlier_year: earlier.year,
        },
        Decision::Rejected => Done::RecurRejected {
            later: later_id,
            earlier: earlier_id,
        },
    }
    .render(ctx.lang);
    let done = Outcome {
        id: format!("{e} {l}"),
        uuid: later.uuid.clone(),
        action: decision.code(),
        message,
    };
    ctx.confirm(out, &[done])?;
    Ok(())
}

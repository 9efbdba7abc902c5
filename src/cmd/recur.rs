//! `taizhang recur`: find problems that come back year after year, and record decisions on them.

use std::collections::HashMap;
use std::io::Write;

use clap::Args;
use serde_json::json;

use super::{load_item, resolve_unit_arg, Ctx, Item};
use crate::analysis::recurrence::{explain, find_pairs, Evidence, Known, Level, DEFAULT_THRESHOLD};
use crate::analysis::resolve_statuses;
use crate::error::messages::Explanation;
use crate::error::{Done, Msg, Result};
use crate::model::{check_year, ItemId, ItemKind, Problem, Status};
use crate::render::emit;
use crate::render::outcome::Outcome;
use crate::render::recur::ExplainRecord;
use crate::render::recur::PairRecord;
use crate::store::{self, Access, Conn, Decision, LedgerFilter};

/// Find problems that recur (反弹回潮): the same underlying problem named again in a later year.
///
/// Compares each unit's problems across years by the words they share (the genre's synonyms read
/// as one word, its everyday words weighing little), so rewording does not hide a problem that
/// comes back; a later text that says the problem is still there (仍, 反弹 …) and an earlier
/// problem reported unfinished raise the score. Between two years each problem pairs with at most
/// one problem of the other year. A problem reported done that returns is still a recurrence.
/// Confirm or reject a proposed pair: later runs respect the decision, and confirmed recurrences
/// are marked in the report's 存在问题 and counted by 'taizhang stats'.
#[derive(Debug, Args)]
#[command(after_help = "\
taizhang recur --unit 临江市财政局
taizhang recur --year 2025 --threshold 0.2 --format json
taizhang recur --explain P3 P12
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
    /// Show why two problems are (or are not) paired: shared words, cues, outcome, confidence
    #[arg(long, num_args = 2, value_names = ["EARLIER", "LATER"], conflicts_with_all = ["confirm", "reject"])]
    pub explain: Option<Vec<String>>,
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
    if let Some(ids) = &args.explain {
        return explain_pair(ctx, &ids[0], &ids[1], args.threshold, out);
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
    let unit = resolve_unit_arg(conn, args.unit.as_deref())?;
    // Every problem of the store, so that the weights (and the scores) do not depend on filters.
    let problems = store::list_problems(conn, None)?;
    let known = known(ctx, conn)?;
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
    let (earlier, later) = load_pair(&tx, first, second)?;
    let score = pair_evidence(ctx, &tx, &earlier, &later)?.score;
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

/// The two problems of a pair, earlier first; refused unless both are problems of one unit from
/// different years.
fn load_pair(conn: &Conn, first: &str, second: &str) -> Result<(Problem, Problem)> {
    let problem = |text: &str| -> Result<Problem> {
        match load_item(conn, text)? {
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
    Ok(if a.year < b.year { (a, b) } else { (b, a) })
}

/// What the store says about pairs: the decisions taken and each problem's reported outcome.
pub(super) fn known(ctx: &Ctx, conn: &Conn) -> Result<Known> {
    Ok(Known {
        decisions: store::decisions(conn)?,
        outcomes: outcomes(ctx, conn)?,
    })
}

/// Every problem's status as of the as-of date: the earlier problem's reported outcome.
fn outcomes(ctx: &Ctx, conn: &Conn) -> Result<HashMap<ItemId, Status>> {
    let data = store::load_ledger(conn, LedgerFilter::default(), ctx.clock.today())?;
    // Every problem of the store is loaded, so the problems among the statuses are all of them.
    Ok(resolve_statuses(&data)
        .into_iter()
        .filter(|(id, _)| id.kind == ItemKind::Problem)
        .map(|(id, r)| (id, r.standing.status))
        .collect())
}

/// The evidence for one pair, weighed over the unit's own problems as `recur` weighs it.
fn pair_evidence(ctx: &Ctx, conn: &Conn, earlier: &Problem, later: &Problem) -> Result<Evidence> {
    let unit_problems: Vec<Problem> = store::list_problems(conn, None)?
        .into_iter()
        .filter(|p| p.unit == earlier.unit)
        .collect();
    Ok(explain(
        &unit_problems,
        &outcomes(ctx, conn)?,
        earlier,
        later,
    ))
}

fn explain_pair(
    ctx: &Ctx,
    first: &str,
    second: &str,
    threshold: f64,
    out: &mut dyn Write,
) -> Result<()> {
    let store = ctx.open(Access::Read)?;
    let conn = store.conn();
    let (earlier, later) = load_pair(conn, first, second)?;
    let evidence = pair_evidence(ctx, conn, &earlier, &later)?;
    if ctx.format.is_json() {
        let record = ExplainRecord::new(&earlier, &later, &evidence);
        serde_json::to_writer_pretty(&mut *out, &record).map_err(std::io::Error::other)?;
        writeln!(out)?;
        return Ok(());
    }
    let text = Done::RecurExplained(Box::new(Explanation {
        earlier: earlier.id.to_string(),
        earlier_year: earlier.year,
        later: later.id.to_string(),
        later_year: later.year,
        shared: evidence
            .shared
            .iter()
            .map(|(w, x)| (w.clone(), format!("{x:.2}")))
            .collect(),
        similar: evidence
            .similar
            .iter()
            .map(|(e, l, x)| (e.clone(), l.clone(), format!("{x:.2}")))
            .collect(),
        cues: evidence.cues.iter().map(|c| c.to_string()).collect(),
        outcome: evidence.outcome,
        words_score: format!("{:.2}", evidence.words_score),
        score: format!("{:.2}", evidence.score),
        level: Level::of(evidence.score),
        threshold: format!("{threshold:.2}"),
    }))
    .render(ctx.lang);
    writeln!(out, "{text}")?;
    Ok(())
}

//! `taizhang link M5 P3` / `unlink M5 P3`: say which measures answer which problems.

use std::io::Write;

use clap::Args;
use serde_json::json;

use super::{load_item, Ctx, Item};
use crate::error::{Msg, Result};
use crate::model::Action;
use crate::render::outcome::{self, Outcome};
use crate::render::Lang;
use crate::store::{self, Access, Conn};

/// Link a measure to a problem it answers, or review suggested links.
///
/// A measure may answer several problems and a problem may have several measures. The order of
/// the two ids does not matter.
///
/// With --suggest, proposes for each measure linked to no problem the problem of its unit it most
/// likely answers (one of the same year; for a carried-over measure also the one its original
/// answered), with the words they share and a strength: 高 (high) from a similarity of 0.30,
/// 中 (medium) from 0.18, 低 (low) from 0.08, below which nothing is proposed. A second problem
/// is shown only when it scores at least 85% of the first. Nothing is written unless you add
/// --accept: alone it records every proposal shown; followed by measure ids (M5) or pairs (M5:P3),
/// only those. All are recorded in one step, in each item's history.
///
/// Examples:
///   taizhang link M5 P3
///   taizhang link --suggest --unit 临江市财政局 --year 2024
///   taizhang link --suggest --format json
///   taizhang link --suggest --unit 临江市财政局 --accept
///   taizhang link --suggest --accept M5 M7:P4
#[derive(Debug, Args)]
#[command(verbatim_doc_comment)]
pub struct LinkArgs {
    /// A measure id (M5)
    #[arg(required_unless_present = "suggest", conflicts_with = "suggest")]
    pub measure: Option<String>,
    /// A problem id (P3)
    #[arg(required_unless_present = "suggest", conflicts_with = "suggest")]
    pub problem: Option<String>,
    /// Propose links for the measures that answer no problem yet
    #[arg(long)]
    pub suggest: bool,
    /// With --suggest: only this unit's measures (by name or alias)
    #[arg(long, requires = "suggest")]
    pub unit: Option<String>,
    /// With --suggest: only measures of this year's summary
    #[arg(long, value_name = "N", requires = "suggest")]
    pub year: Option<i32>,
    /// With --suggest: record the proposals, all of them or those of the measures (M5) or pairs
    /// (M5:P3) listed
    #[arg(long, num_args = 0.., value_name = "MEASURE", requires = "suggest")]
    pub accept: Option<Vec<String>>,
}

/// Remove the link between a measure and a problem.
///
/// Example: taizhang unlink M5 P3
#[derive(Debug, Args)]
#[command(verbatim_doc_comment)]
pub struct UnlinkArgs {
    /// A measure id (M5)
    pub measure: String,
    /// A problem id (P3)
    pub problem: String,
}

pub fn run_link(ctx: &Ctx, args: LinkArgs, out: &mut dyn Write) -> Result<()> {
    match (&args.measure, &args.problem) {
        (Some(measure), Some(problem)) if !args.suggest => change(ctx, measure, problem, true, out),
        _ => super::link_suggest::run(ctx, &args, out),
    }
}

pub fn run_unlink(ctx: &Ctx, args: UnlinkArgs, out: &mut dyn Write) -> Result<()> {
    change(ctx, &args.measure, &args.problem, false, out)
}

fn change(ctx: &Ctx, first: &str, second: &str, linking: bool, out: &mut dyn Write) -> Result<()> {
    let mut store = ctx.open(Access::Write)?;
    let tx = store.transaction()?;
    let (_, a) = load_item(&tx, first)?;
    let (_, b) = load_item(&tx, second)?;
    let (measure, problem) = match (a, b) {
        (m @ Item::Measure(_), p @ Item::Problem(_))
        | (p @ Item::Problem(_), m @ Item::Measure(_)) => (m, p),
        _ => {
            return Err(Msg::LinkSameKind {
                first: first.to_string(),
                second: second.to_string(),
            }
            .into())
        }
    };
    let changed = if linking {
        link_items(ctx, &tx, &measure, &problem)?
    } else {
        unlink_items(ctx, &tx, &measure, &problem)?
    };
    tx.commit()?;
    let (m, p) = (id_of(&measure), id_of(&problem));
    let message = match (linking, changed, ctx.lang) {
        (true, true, Lang::Zh) => format!("已关联：{m} 针对 {p}"),
        (true, false, Lang::Zh) => format!("{m} 与 {p} 已经关联，无需改动"),
        (false, true, Lang::Zh) => format!("已取消关联：{m} 与 {p}"),
        (false, false, Lang::Zh) => format!("{m} 与 {p} 本无关联，无需改动"),
        (true, true, Lang::En) => format!("linked {m} to {p}"),
        (true, false, Lang::En) => format!("{m} and {p} were already linked; nothing changed"),
        (false, true, Lang::En) => format!("unlinked {m} from {p}"),
        (false, false, Lang::En) => format!("{m} and {p} were not linked; nothing changed"),
    };
    let action = match (linking, changed) {
        (_, false) => "unchanged",
        (true, true) => "link",
        (false, true) => "unlink",
    };
    let done = Outcome {
        id: format!("{m} {p}"),
        uuid: measure.uuid().to_string(),
        action,
        message,
    };
    outcome::print(out, ctx.format, &[done])?;
    Ok(())
}

/// Links a measure to a problem of the same unit and records it in both items' histories.
/// Returns false when they were linked already.
pub fn link_items(ctx: &Ctx, conn: &Conn, measure: &Item, problem: &Item) -> Result<bool> {
    link_items_via(ctx, conn, measure, problem, None)
}

/// Like [`link_items`]; `via` names how the link was decided (`"suggest"`), recorded in the
/// history events' detail.
pub fn link_items_via(
    ctx: &Ctx,
    conn: &Conn,
    measure: &Item,
    problem: &Item,
    via: Option<&str>,
) -> Result<bool> {
    if measure.unit() != problem.unit() {
        return Err(Msg::LinkAcrossUnits {
            measure: id_of(measure).to_string(),
            measure_unit: measure.unit().to_string(),
            problem: id_of(problem).to_string(),
            problem_unit: problem.unit().to_string(),
        }
        .into());
    }
    let changed = store::link(conn, measure.id(), problem.id())?;
    if changed {
        record_link(ctx, conn, measure, problem, Action::Link, via)?;
    }
    Ok(changed)
}

fn unlink_items(ctx: &Ctx, conn: &Conn, measure: &Item, problem: &Item) -> Result<bool> {
    let changed = store::unlink(conn, measure.id(), problem.id())?;
    if changed {
        record_both(ctx, conn, measure, problem, Action::Unlink)?;
    }
    Ok(changed)
}

fn record_both(
    ctx: &Ctx,
    conn: &Conn,
    measure: &Item,
    problem: &Item,
    action: Action,
) -> Result<()> {
    record_link(ctx, conn, measure, problem, action, None)
}

/// Records a link change in both items' histories; `via` says how it was decided ("suggest").
fn record_link(
    ctx: &Ctx,
    conn: &Conn,
    measure: &Item,
    problem: &Item,
    action: Action,
    via: Option<&str>,
) -> Result<()> {
    let (m, p) = (id_of(measure), id_of(problem));
    let mut detail = json!({"measure": m, "problem": p});
    if let Some(via) = via {
        detail["via"] = json!(via);
    }
    let with_other = |other: &str| {
        let mut d = detail.clone();
        d["other"] = json!(other);
        d
    };
    ctx.record(conn, &m, measure.uuid(), action, with_other(&p))?;
    ctx.record(conn, &p, problem.uuid(), action, with_other(&m))
}

fn id_of(item: &Item) -> String {
    item.id().to_string()
}

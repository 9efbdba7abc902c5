//! `taizhang link M5 P3` / `unlink M5 P3`: say which measures answer which problems.

use std::io::Write;

use clap::Args;
use serde_json::json;

use super::{load_item, Ctx, Item};
use crate::error::{Done, Msg, Result};
use crate::model::Action;
use crate::render::outcome::Outcome;
use crate::render::Lang;
use crate::store::{self, Access, Conn};

/// Link a measure to a problem it answers, or review suggested links.
///
/// A measure may answer several problems and a problem may have several measures. The order of
/// the ids does not matter. Given several measures and problems (M5 M6 P3), every measure is
/// linked to every problem, in one step that one 'taizhang undo' reverts; if any id does not
/// exist, nothing is linked.
///
/// With --suggest, proposes for each measure linked to no problem the problem of its unit it most
/// likely answers (one of the same year; for a carried-over measure also the one its original
/// answered), with the words they share and a strength: 高 (high) from a similarity of 0.30,
/// 中 (medium) from 0.18, 低 (low) from 0.08, below which nothing is proposed. A second problem
/// is shown only when it scores at least 85% of the first. Nothing is written unless you add
/// --accept: alone it records every proposal shown; followed by measure ids (M5) or pairs (M5:P3),
/// only those. All are recorded in one step, in each item's history.
#[derive(Debug, Args)]
#[command(after_help = "\
taizhang link M5 P3
taizhang link M5 M6 M7 P3
taizhang link --suggest --unit 临江市财政局 --year 2024
taizhang link --suggest --format json
taizhang link --suggest --unit 临江市财政局 --accept
taizhang link --suggest --accept M5 M7:P4")]
pub struct LinkArgs {
    /// Measure ids (M5) and problem ids (P3): at least one of each
    #[arg(
        value_name = "ITEM",
        required_unless_present = "suggest",
        conflicts_with = "suggest",
        num_args = 2..
    )]
    pub items: Vec<String>,
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

/// Remove the link between measures and problems.
///
/// Given several (M5 M6 P3), every measure is unlinked from every problem, in one step.
#[derive(Debug, Args)]
#[command(after_help = "\
taizhang unlink M5 P3")]
pub struct UnlinkArgs {
    /// Measure ids (M5) and problem ids (P3): at least one of each
    #[arg(value_name = "ITEM", required = true, num_args = 2..)]
    pub items: Vec<String>,
}

pub fn run_link(ctx: &Ctx, args: LinkArgs, out: &mut dyn Write) -> Result<()> {
    if args.suggest {
        return super::link_suggest::run(ctx, &args, out);
    }
    change(ctx, &args.items, true, out)
}

pub fn run_unlink(ctx: &Ctx, args: UnlinkArgs, out: &mut dyn Write) -> Result<()> {
    change(ctx, &args.items, false, out)
}

/// Links (or unlinks) every measure among `ids` to every problem among them, in one transaction.
fn change(ctx: &Ctx, ids: &[String], linking: bool, out: &mut dyn Write) -> Result<()> {
    let mut store = ctx.open(Access::Write)?;
    let tx = store.transaction()?;
    let (mut measures, mut problems) = (Vec::new(), Vec::new());
    for text in ids {
        let (id, item) = load_item(&tx, text)?;
        let side = match item {
            Item::Measure(_) => &mut measures,
            Item::Problem(_) => &mut problems,
        };
        if !side.iter().any(|i: &Item| i.id() == id) {
            side.push(item);
        }
    }
    if measures.is_empty() || problems.is_empty() {
        return Err(Msg::LinkSameKind {
            first: ids.first().map(|s| s.to_string()).unwrap_or_default(),
            second: ids.get(1..).map(|rest| rest.join(" ")).unwrap_or_default(),
        }
        .into());
    }
    let mut done = Vec::new();
    for measure in &measures {
        for problem in &problems {
            let changed = if linking {
                link_items(ctx, &tx, measure, problem)?
            } else {
                unlink_items(ctx, &tx, measure, problem)?
            };
            done.push(outcome_of(ctx.lang, measure, problem, linking, changed));
        }
    }
    tx.commit()?;
    ctx.confirm(out, &done)?;
    Ok(())
}

fn outcome_of(lang: Lang, measure: &Item, problem: &Item, linking: bool, changed: bool) -> Outcome {
    let (m, p) = (id_of(measure), id_of(problem));
    let (measure_id, problem_id) = (m.to_string(), p.to_string());
    let message = match (linking, changed) {
        (true, true) => Done::Linked {
            measure: measure_id,
            problem: problem_id,
        },
        (true, false) => Done::AlreadyLinked {
            measure: measure_id,
            problem: problem_id,
        },
        (false, true) => Done::Unlinked {
            measure: measure_id,
            problem: problem_id,
        },
        (false, false) => Done::NotLinked {
            measure: measure_id,
            problem: problem_id,
        },
    }
    .render(lang);
    let action = match (linking, changed) {
        (_, false) => "unchanged",
        (true, true) => "link",
        (false, true) => "unlink",
    };
    Outcome {
        id: format!("{m} {p}"),
        uuid: measure.uuid().to_string(),
        action,
        message,
    }
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

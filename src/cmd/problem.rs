//! `taizhang problem add`: record a problem (问题) found in a year's summary.

use std::io::Write;

use clap::{Args, Subcommand};
use serde_json::json;

use super::{optional_text, required_text, resolve_unit, Ctx};
use crate::error::{Done, Result};
use crate::model::check_year;
use crate::render::outcome::Outcome;
use crate::store::{self, Access, NewProblem};

/// Record problems (问题) named in a summary.
#[derive(Debug, Subcommand)]
pub enum ProblemCommand {
    Add(ProblemAddArgs),
}

/// Record a problem named in the year-N summary of a unit.
///
/// The year is the year the summary is about: the problems of the 2024 summary (written at the end
/// of 2024) are year 2024, and their measures are carried out during 2025.
#[derive(Debug, Args)]
#[command(after_help = "\
taizhang problem add --unit 临江市财政局 --year 2024 --category 思想建设 \"理论学习与业务工作结合不够紧密\"")]
pub struct ProblemAddArgs {
    /// The unit, by name or alias
    #[arg(long)]
    pub unit: String,
    /// The year of the summary that names the problem
    #[arg(long, value_name = "N")]
    pub year: i32,
    /// A category such as 思想建设 or 作风建设
    #[arg(long, value_name = "C")]
    pub category: Option<String>,
    /// The problem as written in the summary
    pub text: String,
}

pub fn run(ctx: &Ctx, command: ProblemCommand, out: &mut dyn Write) -> Result<()> {
    let ProblemCommand::Add(args) = command;
    let text = required_text(&args.text, "problem text")?;
    let year = check_year(args.year)?;
    let category = optional_text(args.category.as_deref());
    let mut store = ctx.open(Access::Write)?;
    let tx = store.transaction()?;
    let unit = resolve_unit(&tx, &args.unit)?;
    let problem = store::insert_problem(
        &tx,
        &NewProblem {
            unit_id: unit.id,
            year,
            category: category.as_deref(),
            text: &text,
            created_at: ctx.clock.timestamp(),
            source: None,
        },
    )?;
    let detail = json!({"unit": unit.name, "year": year, "category": category, "text": text});
    ctx.record(
        &tx,
        &problem.id.to_string(),
        &problem.uuid,
        crate::model::Action::Create,
        detail,
    )?;
    tx.commit()?;
    let message = Done::ProblemRecorded {
        id: problem.id.to_string(),
        unit: unit.name.clone(),
        year,
    }
    .render(ctx.lang);
    let done = Outcome {
        id: problem.id.to_string(),
        uuid: problem.uuid,
        action: "create",
        message,
    };
    ctx.confirm(out, &[done])?;
    Ok(())
}

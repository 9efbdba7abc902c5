//! `taizhang measure add`: record a measure (整改措施 / 下一步打算) promised in a year's summary.

use std::io::Write;

use clap::{Args, Subcommand, ValueEnum};
use serde_json::json;

use super::{link::link_items, load_item, optional_text, required_text, resolve_unit, Ctx, Item};
use crate::error::{Done, Refusal, Result};
use crate::model::{check_year, Deadline, InstitutionSetting, ItemKind, Owner};
use crate::render::outcome::Outcome;
use crate::store::{self, Access, NewMeasure};

/// Record measures (整改措施) promised in a summary.
#[derive(Debug, Subcommand)]
pub enum MeasureCommand {
    Add(MeasureAddArgs),
}

/// The values `--institution` takes (建章立制).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum InstitutionArg {
    New,
    Revise,
    Abolish,
    None,
    Auto,
}

impl InstitutionArg {
    /// The setting to store; `auto` stores none, so the measure is read from its words.
    pub fn setting(self) -> Option<InstitutionSetting> {
        match self {
            InstitutionArg::New => Some(InstitutionSetting::New),
            InstitutionArg::Revise => Some(InstitutionSetting::Revise),
            InstitutionArg::Abolish => Some(InstitutionSetting::Abolish),
            InstitutionArg::None => Some(InstitutionSetting::NotARule),
            InstitutionArg::Auto => Option::None,
        }
    }
}

/// Record a measure promised in the year-N summary of a unit.
///
/// A year-N measure is carried out during year N+1 and is due by default on December 31st of
/// N+1. --due takes a date, 'immediate' (立行立改: due the day it is recorded) or 'long-term'
/// (长期坚持: never overdue). --for links the measure to the problems it answers.
#[derive(Debug, Args)]
#[command(after_help = "\
taizhang measure add --unit 临江市财政局 --year 2024 --for P1,P2 --title 强化理论武装 --leader 张副局长 --owner-dept 办公室 --co-dept 人事科 --owner-person 李明 --due 2025-06-30 \"每季度开展一次专题研讨\"")]
pub struct MeasureAddArgs {
    /// The unit, by name or alias
    #[arg(long)]
    pub unit: String,
    /// The year of the summary that makes the promise
    #[arg(long, value_name = "N")]
    pub year: i32,
    /// The problems this measure answers, e.g. P3,P4
    #[arg(long = "for", value_name = "P3,P4", value_delimiter = ',')]
    pub for_problems: Vec<String>,
    /// A short heading (强化主体责任)
    #[arg(long, value_name = "T")]
    pub title: Option<String>,
    #[command(flatten)]
    pub owner: OwnerArgs,
    /// 整改时限: a date (2025-06-30, 2025/6/30, 2025年6月30日), 'immediate' or 'long-term' [default: end of year N+1]
    #[arg(long, value_name = "DATE")]
    pub due: Option<String>,
    /// 建章立制: the measure makes (new), revises or abolishes a rule, or is none of these (none) [default: read from its words]
    #[arg(long, value_name = "KIND")]
    pub institution: Option<InstitutionArg>,
    /// The measure as written in the summary
    pub text: String,
}

/// Who answers for a measure (责任清单): `measure add` and `edit` take the same four options
/// (`edit` words their help as changes).
#[derive(Debug, Args)]
pub struct OwnerArgs {
    /// 责任领导: the leader who answers for it
    #[arg(long, value_name = "L")]
    pub leader: Option<String>,
    /// 牵头部门: the lead department
    #[arg(long, value_name = "D")]
    pub owner_dept: Option<String>,
    /// 配合部门: a co-operating department (repeat for several)
    #[arg(long = "co-dept", value_name = "D")]
    pub co_depts: Vec<String>,
    /// 责任人: the person in charge
    #[arg(long, value_name = "P")]
    pub owner_person: Option<String>,
}

impl OwnerArgs {
    /// Each option by its flag, and whether it was given.
    pub fn given(&self) -> [(&'static str, bool); 4] {
        [
            ("--leader", self.leader.is_some()),
            ("--owner-dept", self.owner_dept.is_some()),
            ("--co-dept", !self.co_depts.is_empty()),
            ("--owner-person", self.owner_person.is_some()),
        ]
    }

    /// The 配合部门 given, without empty ones (`--co-dept ""` names none).
    pub fn co_depts(&self) -> Vec<String> {
        self.co_depts
            .iter()
            .filter_map(|d| optional_text(Some(d)))
            .collect()
    }

    /// The owner the options name; an empty value names no one.
    pub fn owner(&self) -> Owner {
        Owner {
            leader: optional_text(self.leader.as_deref()),
            owner_dept: optional_text(self.owner_dept.as_deref()),
            co_depts: self.co_depts(),
            owner_person: optional_text(self.owner_person.as_deref()),
        }
    }
}

pub fn run(ctx: &Ctx, command: MeasureCommand, out: &mut dyn Write) -> Result<()> {
    let MeasureCommand::Add(args) = command;
    let text = required_text(&args.text, "measure text")?;
    let year = check_year(args.year)?;
    let deadline = match &args.due {
        Some(due) => Deadline::parse(due, ctx.clock.today())?,
        None => Deadline::default_for_year(year),
    };
    let owner = args.owner.owner();
    let title = optional_text(args.title.as_deref());
    let mut store = ctx.open(Access::Write)?;
    let tx = store.transaction()?;
    let unit = resolve_unit(&tx, &args.unit)?;
    let mut problems = Vec::new();
    for id in args.for_problems.iter().filter(|id| !id.trim().is_empty()) {
        match load_item(&tx, id)? {
            (_, Item::Problem(p)) => problems.push(p),
            (id, Item::Measure(_)) => {
                return Err(Refusal::ForTakesProblems { id: id.to_string() }.into())
            }
        }
    }
    let measure = store::insert_measure(
        &tx,
        &NewMeasure {
            unit_id: unit.id,
            year,
            title: title.as_deref(),
            text: &text,
            owner: &owner,
            deadline,
            institution: args.institution.and_then(InstitutionArg::setting),
            created_at: ctx.clock.timestamp(),
            source: None,
        },
    )?;
    let mut detail = json!({
        "unit": unit.name, "year": year, "title": title, "text": text,
        "leader": owner.leader, "owner_dept": owner.owner_dept, "co_depts": owner.co_depts,
        "owner_person": owner.owner_person, "deadline_kind": deadline.kind_code(), "due": deadline.due(),
    });
    if let Some(setting) = measure.institution {
        detail["institution"] = json!(setting);
    }
    ctx.record(
        &tx,
        &measure.id.to_string(),
        &measure.uuid,
        crate::model::Action::Create,
        detail,
    )?;
    let measure_item = Item::Measure(measure.clone());
    for problem in problems {
        debug_assert_eq!(problem.id.kind, ItemKind::Problem);
        link_items(ctx, &tx, &measure_item, &Item::Problem(problem))?;
    }
    tx.commit()?;
    let message = Done::MeasureRecorded {
        id: measure.id.to_string(),
        unit: unit.name.clone(),
        year,
    }
    .render(ctx.lang);
    let done = Outcome {
        id: measure.id.to_string(),
        uuid: measure.uuid,
        action: "create",
        message,
    };
    ctx.confirm(out, &[done])?;
    Ok(())
}

//! `taizhang edit ITEM`: change an item's text or fields; the change is kept in its history.

use std::io::Write;

use clap::Args;
use serde_json::{json, Map, Value};

use super::measure::{InstitutionArg, OwnerArgs};
use super::{load_item, optional_text, required_text, Ctx, Item};
use crate::error::{Done, Msg, Result};
use crate::model::{check_year, Deadline};
use crate::render::outcome::Outcome;
use crate::store::{self, Access};

/// Change the text or fields of a problem or a measure.
///
/// Only the options given change; an empty value ("") clears an optional field. Every change is
/// recorded with its old and new value (see 'taizhang history ITEM').
#[derive(Debug, Args)]
#[command(after_help = "\
taizhang edit P3 --text \"理论学习与业务工作结合仍不够紧密\"
taizhang edit M5 --owner-dept 机关党委 --due 2025-09-30
taizhang edit M5 --co-dept \"\"")]
#[command(
    mut_arg("leader", |a| a.help("Measures only: new 责任领导")),
    mut_arg("owner_dept", |a| a.help("Measures only: new 牵头部门")),
    mut_arg("co_depts", |a| a
        .help("Measures only: the 配合部门, replacing the old list (repeat for several)")),
    mut_arg("owner_person", |a| a.help("Measures only: new 责任人")),
)]
pub struct EditArgs {
    /// The item to change (P3, M5)
    pub item: String,
    /// New text
    #[arg(long)]
    pub text: Option<String>,
    /// New year of the summary
    #[arg(long, value_name = "N")]
    pub year: Option<i32>,
    /// Problems only: new category
    #[arg(long, value_name = "C")]
    pub category: Option<String>,
    /// Measures only: new heading
    #[arg(long, value_name = "T")]
    pub title: Option<String>,
    #[command(flatten)]
    pub owner: OwnerArgs,
    /// Measures only: new deadline (a date such as 2025-06-30 or 2025年6月30日, immediate, long-term)
    #[arg(long, value_name = "DATE")]
    pub due: Option<String>,
    /// Measures only: 建章立制 (new, revise, abolish or none; auto reads it from the words again)
    #[arg(long, value_name = "KIND")]
    pub institution: Option<InstitutionArg>,
}

/// Collects `field: {from, to}` for the fields whose value changes.
#[derive(Default)]
struct Changes(Map<String, Value>);

impl Changes {
    fn set<T: PartialEq + serde::Serialize>(&mut self, field: &str, slot: &mut T, new: Option<T>) {
        if let Some(new) = new {
            if *slot != new {
                self.0
                    .insert(field.to_string(), json!({"from": &*slot, "to": &new}));
                *slot = new;
            }
        }
    }
}

pub fn run(ctx: &Ctx, args: EditArgs, out: &mut dyn Write) -> Result<()> {
    let given = [
        args.text.is_some(),
        args.year.is_some(),
        args.category.is_some(),
        args.title.is_some(),
        args.owner.given().iter().any(|(_, given)| *given),
        args.due.is_some(),
        args.institution.is_some(),
    ];
    if !given.contains(&true) {
        return Err(Msg::NothingToEdit.into());
    }
    let text = args
        .text
        .as_deref()
        .map(|t| required_text(t, "new text"))
        .transpose()?;
    let year = args.year.map(check_year).transpose()?;
    let mut store = ctx.open(Access::Write)?;
    let tx = store.transaction()?;
    let (id, mut item) = load_item(&tx, &args.item)?;
    let mut changes = Changes::default();
    match &mut item {
        Item::Problem(problem) => {
            let measure_only = std::iter::once(("--title", args.title.is_some()))
                .chain(args.owner.given())
                .chain([
                    ("--due", args.due.is_some()),
                    ("--institution", args.institution.is_some()),
                ]);
            if let Some((flag, _)) = measure_only.into_iter().find(|(_, given)| *given) {
                return Err(Msg::EditMeasureOnly {
                    flag: flag.to_string(),
                    id: id.to_string(),
                }
                .into());
            }
            changes.set("text", &mut problem.text, text);
            changes.set("year", &mut problem.year, year);
            changes.set(
                "category",
                &mut problem.category,
                args.category.as_deref().map(|c| optional_text(Some(c))),
            );
            if !changes.0.is_empty() {
                store::update_problem(&tx, problem)?;
            }
        }
        Item::Measure(measure) => {
            if args.category.is_some() {
                return Err(Msg::EditCategoryOnMeasure { id: id.to_string() }.into());
            }
            let deadline = args
                .due
                .as_deref()
                .map(|d| Deadline::parse(d, ctx.clock.today()))
                .transpose()?;
            let clear = |v: &Option<String>| v.as_deref().map(|t| optional_text(Some(t)));
            changes.set("text", &mut measure.text, text);
            changes.set("year", &mut measure.year, year);
            changes.set("title", &mut measure.title, clear(&args.title));
            let owner = &args.owner;
            changes.set("leader", &mut measure.owner.leader, clear(&owner.leader));
            changes.set(
                "owner_dept",
                &mut measure.owner.owner_dept,
                clear(&owner.owner_dept),
            );
            changes.set(
                "owner_person",
                &mut measure.owner.owner_person,
                clear(&owner.owner_person),
            );
            let co_depts = (!owner.co_depts.is_empty()).then(|| owner.co_depts());
            changes.set("co_depts", &mut measure.owner.co_depts, co_depts);
            let mut kind = measure.deadline.kind_code();
            let mut due = measure.deadline.due();
            changes.set("deadline_kind", &mut kind, deadline.map(|d| d.kind_code()));
            changes.set("due", &mut due, deadline.map(|d| d.due()));
            if let Some(deadline) = deadline {
                measure.deadline = deadline;
            }
            changes.set(
                "institution",
                &mut measure.institution,
                args.institution.map(InstitutionArg::setting),
            );
            if !changes.0.is_empty() {
                store::update_measure(&tx, measure)?;
            }
        }
    }
    let changed = !changes.0.is_empty();
    if changed {
        ctx.record(
            &tx,
            &id.to_string(),
            item.uuid(),
            crate::model::Action::Edit,
            json!({"changes": changes.0}),
        )?;
    }
    tx.commit()?;
    let id_text = id.to_string();
    let message = match changed {
        true => Done::Edited { id: id_text },
        false => Done::Unchanged { id: id_text },
    }
    .render(ctx.lang);
    let action = if changed { "edit" } else { "unchanged" };
    ctx.confirm(
        out,
        &[Outcome {
            id: id.to_string(),
            uuid: item.uuid().to_string(),
            action,
            message,
        }],
    )?;
    Ok(())
}

//! `import --replace`: matching a new version of a summary against the items of the old one:
//! items still there keep their ids, links, progress and edits and take the corrected wording
//! (recorded in their history); new ones are added (under ids never given before); old ones no
//! longer there are deleted as `taizhang delete` does (history kept, undoable), unless progress
//! was logged on them or they were carried over, in which case they are kept and say why. Every
//! step is said in the import's notes, so `--dry-run --replace` shows it before it happens.

use serde_json::json;

use super::items::{insert_measure, insert_problem};
use super::summary::FileReport;
use crate::analysis::similarity::similarity;
use crate::cmd::Ctx;
use crate::error::{Msg, Result};
use crate::import::Summary;
use crate::model::{Action, ItemId, Unit};
use crate::store::{self, Conn, Document};

/// How much alike an old and a new item must be to count as the same item on `--replace`.
const SAME_ITEM: f64 = 0.8;

fn uuid_of(conn: &Conn, id: ItemId) -> Result<String> {
    let (_, item) = crate::cmd::load_item(conn, &id.to_string())?;
    Ok(item.uuid().to_string())
}

/// On `--replace`: items that are still in the summary keep their ids and progress; new ones
/// are added; old ones no longer there are deleted, unless progress was logged on them, in which
/// case they are kept and no longer tied to the document.
#[allow(clippy::too_many_arguments)]
pub(super) fn replace_items(
    ctx: &Ctx,
    conn: &Conn,
    unit: &Unit,
    year: i32,
    document: &Document,
    summary: &Summary,
    report: &mut FileReport,
    warnings: &mut Vec<String>,
) -> Result<()> {
    let old = store::items_of_document(conn, document.id)?;
    let mut old_problems: Vec<(ItemId, String)> = Vec::new();
    let mut old_measures: Vec<(ItemId, String)> = Vec::new();
    for id in old {
        match crate::cmd::load_item(conn, &id.to_string())?.1 {
            crate::cmd::Item::Problem(p) => old_problems.push((p.id, p.text)),
            crate::cmd::Item::Measure(m) => old_measures.push((m.id, m.text)),
        }
    }
    for problem in &summary.problems {
        let id = match take_same(&mut old_problems, &problem.text) {
            Some((id, old)) => {
                reword(ctx, conn, id, &old, &problem.text, warnings)?;
                id
            }
            None => insert_problem(
                ctx,
                conn,
                unit,
                year,
                document,
                &problem.text,
                problem.position,
            )?,
        };
        report.problems.push(id);
    }
    for measure in &summary.measures {
        let id = match take_same(&mut old_measures, &measure.text) {
            Some((id, old)) => {
                reword(ctx, conn, id, &old, &measure.text, warnings)?;
                retitle(ctx, conn, id, measure.title.as_deref())?;
                id
            }
            None => insert_measure(ctx, conn, unit, year, document, measure, summary.signed)?,
        };
        report.measures.push(id);
    }
    let carried = store::carried_from(conn)?;
    for (id, _) in old_problems.into_iter().chain(old_measures) {
        let (progress, _) = store::attachments(conn, id)?;
        let uuid = uuid_of(conn, id)?;
        let carry = carried.iter().any(|(to, from)| *to == id || *from == id);
        // Kept, and no longer tied to the document, when something else depends on it.
        let kept = carry || progress > 0;
        let (action, detail, note) = match kept {
            true => {
                store::detach_item(conn, id)?;
                (
                    Action::Edit,
                    json!({"changes": {"document": {"from": document.uuid, "to": null}}}),
                    Msg::KeptOnReplace {
                        id: id.to_string(),
                        carried: carry,
                        progress,
                    }
                    .render(ctx.lang),
                )
            }
            false => {
                store::delete_item(conn, id)?;
                (
                    Action::Delete,
                    json!({"reason": "no longer in the replaced summary"}),
                    Msg::DeletedOnReplace { id: id.to_string() }.render(ctx.lang),
                )
            }
        };
        ctx.record(conn, &id.to_string(), &uuid, action, detail)?;
        warnings.push(note);
    }
    Ok(())
}

/// Removes and returns the old item (id and text) whose text is (nearly) `text`.
fn take_same(old: &mut Vec<(ItemId, String)>, text: &str) -> Option<(ItemId, String)> {
    let best = old
        .iter()
        .enumerate()
        .map(|(i, (_, t))| (i, if t == text { 1.0 } else { similarity(t, text) }))
        .max_by(|a, b| a.1.total_cmp(&b.1))?;
    (best.1 >= SAME_ITEM).then(|| old.remove(best.0))
}

/// Gives a matched measure the new version's title (a reviewed file may correct only that).
fn retitle(ctx: &Ctx, conn: &Conn, id: ItemId, title: Option<&str>) -> Result<()> {
    let crate::cmd::Item::Measure(mut m) = crate::cmd::load_item(conn, &id.to_string())?.1 else {
        return Ok(());
    };
    if m.title.as_deref() == title {
        return Ok(());
    }
    let detail =
        json!({"changes": {"title": {"from": m.title, "to": title}}, "via": "import --replace"});
    m.title = title.map(str::to_string);
    store::update_measure(conn, &m)?;
    ctx.record(conn, &id.to_string(), &m.uuid, Action::Edit, detail)?;
    Ok(())
}

/// Gives a matched item the new version's wording, in its history and in the import's notes.
fn reword(
    ctx: &Ctx,
    conn: &Conn,
    id: ItemId,
    old: &str,
    new: &str,
    warnings: &mut Vec<String>,
) -> Result<()> {
    if old == new {
        return Ok(());
    }
    let uuid = match crate::cmd::load_item(conn, &id.to_string())?.1 {
        crate::cmd::Item::Problem(mut p) => {
            p.text = new.to_string();
            store::update_problem(conn, &p)?;
            p.uuid
        }
        crate::cmd::Item::Measure(mut m) => {
            m.text = new.to_string();
            store::update_measure(conn, &m)?;
            m.uuid
        }
    };
    let detail = json!({"changes": {"text": {"from": old, "to": new}}, "via": "import --replace"});
    ctx.record(
        conn,
        &id.to_string(),
        &uuid,
        crate::model::Action::Edit,
        detail,
    )?;
    warnings.push(Msg::RewordedOnReplace { id: id.to_string() }.render(ctx.lang));
    Ok(())
}

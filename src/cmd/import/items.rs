//! Inserting a summary's problems and measures, each tied to its document and position and
//! recorded in the history.

use chrono::NaiveDate;
use serde_json::json;

use super::record::FileReport;
use crate::cmd::Ctx;
use crate::error::Result;
use crate::import::Summary;
use crate::model::{Deadline, ItemId, Owner, Unit};
use crate::store::{self, Conn, Document, NewMeasure, NewProblem, Source};

pub(super) fn insert_items(
    ctx: &Ctx,
    conn: &Conn,
    unit: &Unit,
    year: i32,
    document: &Document,
    summary: &Summary,
    report: &mut FileReport,
) -> Result<()> {
    for problem in &summary.problems {
        let id = insert_problem(
            ctx,
            conn,
            unit,
            year,
            document,
            &problem.text,
            problem.position,
        )?;
        report.problems.push(id);
    }
    for measure in &summary.measures {
        let id = insert_measure(ctx, conn, unit, year, document, measure)?;
        report.measures.push(id);
    }
    Ok(())
}

pub(super) fn insert_problem(
    ctx: &Ctx,
    conn: &Conn,
    unit: &Unit,
    year: i32,
    document: &Document,
    text: &str,
    position: usize,
) -> Result<ItemId> {
    let problem = store::insert_problem(
        conn,
        &NewProblem {
            unit_id: unit.id,
            year,
            category: None,
            text,
            created_at: ctx.clock.timestamp(),
            source: Some(Source {
                document_id: document.id,
                position: position as i64,
            }),
        },
    )?;
    let detail = json!({"unit": unit.name, "year": year, "text": text, "document": document.uuid, "position": position});
    ctx.record(
        conn,
        &problem.id.to_string(),
        &problem.uuid,
        "create",
        detail,
    )?;
    Ok(problem.id)
}

pub(super) fn insert_measure(
    ctx: &Ctx,
    conn: &Conn,
    unit: &Unit,
    year: i32,
    document: &Document,
    measure: &crate::import::Measure,
) -> Result<ItemId> {
    let deadline = measure_deadline(measure, year, ctx.clock.today());
    let owner = Owner::default();
    let created = store::insert_measure(
        conn,
        &NewMeasure {
            unit_id: unit.id,
            year,
            title: measure.title.as_deref(),
            text: &measure.text,
            owner: &owner,
            deadline,
            created_at: ctx.clock.timestamp(),
            source: Some(Source {
                document_id: document.id,
                position: measure.position as i64,
            }),
        },
    )?;
    let detail = json!({
        "unit": unit.name, "year": year, "title": measure.title, "text": measure.text,
        "deadline_kind": deadline.kind_code(), "due": deadline.due(),
        "document": document.uuid, "position": measure.position,
    });
    ctx.record(
        conn,
        &created.id.to_string(),
        &created.uuid,
        "create",
        detail,
    )?;
    Ok(created.id)
}

/// The deadline a measure states in its text, else the default for its year.
fn measure_deadline(
    measure: &crate::import::Measure,
    year: i32,
    recorded_on: NaiveDate,
) -> Deadline {
    measure.deadline.map_or_else(
        || Deadline::default_for_year(year),
        |d| d.resolve(year, recorded_on),
    )
}

//! Inserting a summary's problems and measures, each tied to its document and position and
//! recorded in the history. An item at [`TYPED`] was typed in a review of the document
//! (`import --reviewed`) and not found in its text: it is tied to the document with no position,
//! and its history says `"via": "review"`.

use chrono::{Datelike, NaiveDate};
use serde_json::json;

use super::summary::FileReport;
use crate::cmd::Ctx;
use crate::error::Result;
use crate::import::reviewed::TYPED;
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
        let id = insert_measure(ctx, conn, unit, year, document, measure, summary.signed)?;
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
            source: Some(source(document, position)),
        },
    )?;
    let mut detail =
        json!({"unit": unit.name, "year": year, "text": text, "document": document.uuid});
    mark_provenance(&mut detail, position);
    ctx.record(
        conn,
        &problem.id.to_string(),
        &problem.uuid,
        crate::model::Action::Create,
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
    signed: Option<NaiveDate>,
) -> Result<ItemId> {
    let deadline = measure_deadline(measure, year, signed);
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
            institution: None,
            created_at: ctx.clock.timestamp(),
            source: Some(source(document, measure.position)),
        },
    )?;
    let mut detail = json!({
        "unit": unit.name, "year": year, "title": measure.title, "text": measure.text,
        "deadline_kind": deadline.kind_code(), "due": deadline.due(),
        "document": document.uuid,
    });
    mark_provenance(&mut detail, measure.position);
    ctx.record(
        conn,
        &created.id.to_string(),
        &created.uuid,
        crate::model::Action::Create,
        detail,
    )?;
    Ok(created.id)
}

/// Where in `document` an item at `position` was read ([`TYPED`]: nowhere, it was typed).
fn source(document: &Document, position: usize) -> Source {
    Source {
        document_id: document.id,
        position: (position != TYPED).then_some(position as i64),
    }
}

/// Adds to a history event's detail where the item was found (`"position": N`), or that it was
/// typed in a review (`"position": null, "via": "review"`).
fn mark_provenance(detail: &mut serde_json::Value, position: usize) {
    if position == TYPED {
        detail["position"] = serde_json::Value::Null;
        detail["via"] = json!("review");
    } else {
        detail["position"] = json!(position);
    }
}

/// The deadline a measure states in its text, else the default for its year. 立行立改 is due on
/// the day the summary is signed when it states one (in the summary year or the plan year), else
/// at the start of the plan year (1 January of year + 1) — never on the day of the import.
fn measure_deadline(
    measure: &crate::import::Measure,
    year: i32,
    signed: Option<NaiveDate>,
) -> Deadline {
    let start = signed
        .filter(|d| (year..=year + 1).contains(&d.year()))
        .unwrap_or_else(|| plan_start(year));
    measure.deadline.map_or_else(
        || Deadline::default_for_year(year),
        |d| d.resolve(year, start),
    )
}

pub use crate::model::plan_start;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::WordedDeadline;

    fn measure(deadline: Option<WordedDeadline>) -> crate::import::Measure {
        crate::import::Measure {
            title: None,
            text: "立行立改，清理违规发放的津补贴".to_string(),
            position: 0,
            deadline,
            answers: vec![],
        }
    }

    #[test]
    fn an_immediate_measure_of_a_summary_is_due_at_the_start_of_the_plan_year() {
        let due = measure_deadline(&measure(Some(WordedDeadline::Immediate)), 2023, None);
        assert_eq!(
            due,
            Deadline::Immediate(NaiveDate::from_ymd_opt(2024, 1, 1).unwrap())
        );
    }

    #[test]
    fn an_immediate_measure_is_due_on_the_day_the_summary_is_signed() {
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        let immediate = measure(Some(WordedDeadline::Immediate));
        let signed = measure_deadline(&immediate, 2023, Some(day(2024, 1, 18)));
        assert_eq!(signed, Deadline::Immediate(day(2024, 1, 18)));
        // A signing date far from the summary's year is a slip, not the date.
        let odd = measure_deadline(&immediate, 2023, Some(day(2019, 5, 1)));
        assert_eq!(odd, Deadline::Immediate(day(2024, 1, 1)));
    }

    #[test]
    fn a_measure_without_a_deadline_is_due_at_the_end_of_the_plan_year() {
        let due = measure_deadline(&measure(None), 2023, None);
        assert_eq!(due, Deadline::default_for_year(2023));
    }
}

//! Writing one parsed summary into the store, inside the caller's transaction.

use std::path::Path;

use chrono::NaiveDate;
use serde_json::json;
use sha2::{Digest, Sha256};

use crate::analysis::matching::match_reports;
use crate::analysis::similarity::similarity;
use crate::cmd::Ctx;
use crate::error::{Error, Result};
use crate::import::Summary;
use crate::model::{check_year, Deadline, ItemId, Owner, Unit};
use crate::store::{
    self, Conn, Document, LedgerFilter, NewDocument, NewMeasure, NewProblem, NewProgress, Source,
};

/// How much alike an old and a new item must be to count as the same item on `--replace`.
const SAME_ITEM: f64 = 0.8;

/// What happened to one file.
#[derive(Debug)]
pub enum Outcome {
    Imported,
    Unchanged,
    Replaced,
    Failed(Error),
}

/// One file's line in the import summary.
#[derive(Debug)]
pub struct FileReport {
    pub file: String,
    pub unit: Option<String>,
    pub year: Option<i32>,
    pub outcome: Outcome,
    pub problems: Vec<ItemId>,
    pub measures: Vec<ItemId>,
    /// Progress entries recorded from the outcomes the summary reports.
    pub outcomes: usize,
    pub warnings: Vec<String>,
}

impl FileReport {
    pub fn failed(path: &Path, error: Error) -> FileReport {
        FileReport {
            file: path.display().to_string(),
            unit: None,
            year: None,
            outcome: Outcome::Failed(error),
            problems: vec![],
            measures: vec![],
            outcomes: 0,
            warnings: vec![],
        }
    }

    pub fn is_failure(&self) -> bool {
        matches!(self.outcome, Outcome::Failed(_))
    }
}

/// Records `summary` (read from `bytes`): its document, items with their positions, and a
/// progress entry for each reported outcome that matches an earlier problem of the unit.
pub fn record(
    ctx: &Ctx,
    conn: &Conn,
    bytes: &[u8],
    text: &str,
    summary: &Summary,
    replace: bool,
) -> Result<FileReport> {
    let file = summary.file.clone();
    let name = summary.unit.as_deref().ok_or_else(|| {
        Error::invalid(format!(
            "{file}: the title names no unit; give it with --unit"
        ))
    })?;
    let year = summary.year.ok_or_else(|| {
        Error::invalid(format!(
            "{file}: the title gives no year; give it with --year"
        ))
    })?;
    check_year(year)?;
    let mut warnings = summary.warnings.clone();
    let unit = match_unit(ctx, conn, name, &mut warnings)?;
    let sha256 = Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect::<String>();
    let file_name = Path::new(&file)
        .file_name()
        .map(|n| n.to_string_lossy().into_owned());
    let new_document = NewDocument {
        unit_id: unit.id,
        year,
        file_name: file_name.as_deref(),
        sha256: &sha256,
        body: text,
        imported_at: ctx.clock.timestamp(),
    };
    let mut report = FileReport {
        file: file.clone(),
        unit: Some(unit.name.clone()),
        year: Some(year),
        outcome: Outcome::Imported,
        problems: vec![],
        measures: vec![],
        outcomes: 0,
        warnings: vec![],
    };
    let existing = store::find_document(conn, unit.id, year)?;
    let document = match existing {
        Some(document) if document.sha256 == sha256 => {
            report.outcome = Outcome::Unchanged;
            report.warnings.push(match ctx.lang {
                crate::render::Lang::Zh => "该文件此前已导入，未作改动".to_string(),
                crate::render::Lang::En => "already imported; nothing changed".to_string(),
            });
            return Ok(report);
        }
        Some(document) if !replace => {
            return Err(Error::invalid(format!(
                "{file}: the {year} summary of {} was already imported from {}; give --replace to replace it",
                unit.name,
                document.file_name.as_deref().unwrap_or("another file")
            )))
        }
        Some(document) => {
            store::update_document(conn, document.id, &new_document)?;
            report.outcome = Outcome::Replaced;
            document
        }
        None => store::insert_document(conn, &new_document)?,
    };
    if matches!(report.outcome, Outcome::Replaced) {
        replace_items(
            ctx,
            conn,
            &unit,
            year,
            &document,
            summary,
            &mut report,
            &mut warnings,
        )?;
    } else {
        insert_items(ctx, conn, &unit, year, &document, summary, &mut report)?;
    }
    report.outcomes = record_outcomes(ctx, conn, &unit, year, &document, summary, &mut warnings)?;
    report.warnings.extend(warnings);
    Ok(report)
}

/// The unit a summary names: by name or alias; else the only unit whose name contains the short
/// name (which is then remembered as an alias); else a new unit. Several candidates stop the import.
fn match_unit(ctx: &Ctx, conn: &Conn, name: &str, warnings: &mut Vec<String>) -> Result<Unit> {
    if let Some(unit) = store::find_unit(conn, name)? {
        return Ok(unit);
    }
    let names = store::unit_names(conn)?;
    let mut candidates: Vec<&str> = names
        .iter()
        .filter(|(n, _)| n.ends_with(name) || n.contains(name) || name.ends_with(n.as_str()))
        .map(|(_, unit)| unit.as_str())
        .collect();
    candidates.sort_unstable();
    candidates.dedup();
    match candidates.as_slice() {
        [] => {
            let unit = store::insert_unit(conn, name, ctx.clock.timestamp())?;
            ctx.record(
                conn,
                &format!("U{}", unit.id),
                &unit.uuid,
                "create",
                json!({"text": name, "aliases": []}),
            )?;
            warnings.push(format!("new unit {name}"));
            Ok(unit)
        }
        [one] => {
            let unit = store::find_unit(conn, one)?.expect("a listed unit exists");
            store::add_alias(conn, &unit, name)?;
            ctx.record(
                conn,
                &format!("U{}", unit.id),
                &unit.uuid,
                "alias",
                json!({"alias": name}),
            )?;
            warnings.push(format!(
                "'{name}' taken as {} and remembered as its alias",
                unit.name
            ));
            Ok(unit)
        }
        many => Err(Error::invalid(format!(
            "'{name}' could be any of {}; give the unit with --unit",
            many.join("、")
        ))),
    }
}

fn insert_items(
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

fn insert_problem(
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

fn insert_measure(
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

fn uuid_of(conn: &Conn, id: ItemId) -> Result<String> {
    let (_, item) = crate::cmd::load_item(conn, &id.to_string())?;
    Ok(item.uuid().to_string())
}

/// On `--replace`: items that are still in the summary keep their ids and progress; new ones
/// are added; old ones no longer there are deleted, unless progress was logged on them, in which
/// case they are kept and no longer tied to the document.
#[allow(clippy::too_many_arguments)]
fn replace_items(
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
            Some(id) => id,
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
            Some(id) => id,
            None => insert_measure(ctx, conn, unit, year, document, measure)?,
        };
        report.measures.push(id);
    }
    for (id, _) in old_problems.into_iter().chain(old_measures) {
        let (progress, _) = store::attachments(conn, id)?;
        let uuid = uuid_of(conn, id)?;
        if progress > 0 {
            store::detach_item(conn, id)?;
            ctx.record(
                conn,
                &id.to_string(),
                &uuid,
                "edit",
                json!({"changes": {"document": {"from": document.uuid, "to": null}}}),
            )?;
            warnings.push(format!(
                "{id} is no longer in the summary but has {progress} progress entries: kept"
            ));
        } else {
            store::delete_item(conn, id)?;
            ctx.record(
                conn,
                &id.to_string(),
                &uuid,
                "delete",
                json!({"reason": "no longer in the replaced summary"}),
            )?;
            warnings.push(format!("{id} is no longer in the summary: removed"));
        }
    }
    Ok(())
}

/// Removes and returns the old item whose text is (nearly) `text`.
fn take_same(old: &mut Vec<(ItemId, String)>, text: &str) -> Option<ItemId> {
    let best = old
        .iter()
        .enumerate()
        .map(|(i, (_, t))| (i, if t == text { 1.0 } else { similarity(t, text) }))
        .max_by(|a, b| a.1.total_cmp(&b.1))?;
    (best.1 >= SAME_ITEM).then(|| old.remove(best.0).0)
}

/// Records each reported outcome as a progress entry on the earlier problem it matches, dated
/// the end of the summary's year (or the as-of date, if that is earlier). Returns how many.
fn record_outcomes(
    ctx: &Ctx,
    conn: &Conn,
    unit: &Unit,
    year: i32,
    document: &Document,
    summary: &Summary,
    warnings: &mut Vec<String>,
) -> Result<usize> {
    let year_end = NaiveDate::from_ymd_opt(year, 12, 31).expect("December 31st exists");
    let date = year_end.min(ctx.clock.today());
    let mut recorded = 0;
    let refers = |o: &crate::import::Outcome| o.refers_to_year.unwrap_or(year - 1);
    let mut years: Vec<i32> = summary.outcomes.iter().map(refers).collect();
    years.sort_unstable();
    years.dedup();
    for refers_to in years {
        let outcomes: Vec<&crate::import::Outcome> = summary
            .outcomes
            .iter()
            .filter(|o| refers(o) == refers_to)
            .collect();
        let filter = LedgerFilter {
            unit_id: Some(unit.id),
            year: Some(refers_to),
        };
        let earlier = store::load_ledger(conn, filter, date)?.problems;
        let texts: Vec<&str> = outcomes.iter().map(|o| o.text.as_str()).collect();
        let candidates: Vec<&str> = earlier.iter().map(|p| p.text.as_str()).collect();
        for (outcome, matched) in outcomes.iter().zip(match_reports(&texts, &candidates)) {
            let Some((index, _score)) = matched else {
                warnings.push(format!(
                    "no {refers_to} problem of {} matches the report '{}'; record it with 'taizhang progress'",
                    unit.name,
                    crate::render::table::shorten(&outcome.text, 40)
                ));
                continue;
            };
            let problem = &earlier[index];
            let already = store::progress_of(conn, problem.id)?.iter().any(|e| {
                e.status == outcome.status
                    && e.date == date
                    && e.note.as_deref() == Some(outcome.text.as_str())
            });
            if already {
                continue;
            }
            store::insert_progress(
                conn,
                &NewProgress {
                    item: problem.id,
                    status: outcome.status,
                    date,
                    note: Some(&outcome.text),
                    evidence: &[],
                    created_at: ctx.clock.timestamp(),
                    source: Some(document.id),
                },
            )?;
            let detail = json!({"status": outcome.status, "date": date, "note": outcome.text, "document": document.uuid});
            ctx.record(
                conn,
                &problem.id.to_string(),
                &problem.uuid,
                "progress",
                detail,
            )?;
            recorded += 1;
        }
    }
    Ok(recorded)
}

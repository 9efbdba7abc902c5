//! Recording a ledger read from a sheet, inside the caller's transaction: units, problems,
//! measures, the links between them, and each row's status as a progress entry.

use std::collections::HashMap;

use chrono::NaiveDate;
use serde_json::json;

use super::LedgerImport;
use crate::cmd::link::link_items;
use crate::cmd::{resolve_unit, Ctx, Item};
use crate::error::{Error, Result};
use crate::exchange::report::{too_early_text, trouble_text, ItemRecord, LedgerReport, RowMessage};
use crate::exchange::sheet::{unit_and_year, Ledger, RowOutcome, RowScope};
use crate::model::{check_year, Deadline, Evidence, ItemId, Measure, Problem, Status, Unit};
use crate::store::{self, Conn, NewMeasure, NewProblem, NewProgress};

/// Where the ledger's rows belong when they do not say: --unit/--year, else the ledger's title,
/// else the file name.
struct Defaults {
    unit: Option<String>,
    year: Option<i32>,
}

struct Recorder<'a> {
    ctx: &'a Ctx,
    conn: &'a Conn,
    args: &'a LedgerImport,
    file: String,
    defaults: Defaults,
    units: HashMap<String, Unit>,
    report: LedgerReport,
}

pub(super) fn record(
    ctx: &Ctx,
    conn: &Conn,
    ledger: &Ledger,
    args: &LedgerImport,
) -> Result<LedgerReport> {
    let stem = args
        .path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let (file_unit, file_year) = unit_and_year(&stem);
    let file = args.path.display().to_string();
    let mut recorder = Recorder {
        ctx,
        conn,
        args,
        defaults: Defaults {
            unit: ledger.unit.clone().or(file_unit),
            year: ledger.year.or(file_year),
        },
        units: HashMap::new(),
        report: LedgerReport {
            file: file.clone(),
            sheet: (!super::is_csv(&args.path)).then(|| ledger.sheet.clone()),
            header_row: ledger.header_row,
            dry_run: args.dry_run,
            new_units: vec![],
            problems: vec![],
            measures: vec![],
            progress: 0,
            warnings: ledger
                .warnings
                .iter()
                .map(|w| RowMessage {
                    row: w.row,
                    message: trouble_text(&w.kind, ctx.lang),
                })
                .collect(),
        },
        file,
    };
    let mut problems: Vec<Problem> = Vec::new();
    for p in &ledger.problems {
        let (unit, year) = recorder.scope(&p.scope)?;
        let (problem, new) =
            recorder.problem(&unit, year, p.text.as_str(), p.category.as_deref(), p.row)?;
        recorder.outcome(problem.id, &problem.uuid, year, p.outcome.as_ref(), p.row)?;
        recorder.report.problems.push(ItemRecord {
            row: p.row,
            id: problem.id,
            unit: unit.name.clone(),
            year,
            text: problem.text.clone(),
            links: vec![],
            deadline_kind: None,
            due: None,
            status: p.outcome.as_ref().map(|o| o.status),
            new,
        });
        problems.push(problem);
    }
    for m in &ledger.measures {
        let (unit, year) = recorder.scope(&m.scope)?;
        let deadline = m.deadline.map_or_else(
            || Deadline::default_for_year(year),
            |d| d.resolve(year, ctx.clock.today()),
        );
        let (measure, new) = recorder.measure(&unit, year, m, deadline)?;
        let mut links = Vec::new();
        for &index in &m.problems {
            let problem = &problems[index];
            if problem.unit == measure.unit {
                link_items(
                    ctx,
                    conn,
                    &Item::Measure(measure.clone()),
                    &Item::Problem(problem.clone()),
                )?;
                links.push(problem.id);
            }
        }
        recorder.outcome(measure.id, &measure.uuid, year, m.outcome.as_ref(), m.row)?;
        recorder.report.measures.push(ItemRecord {
            row: m.row,
            id: measure.id,
            unit: unit.name.clone(),
            year,
            text: measure.text.clone(),
            links,
            deadline_kind: Some(measure.deadline.kind_code()),
            due: measure.deadline.due(),
            status: m.outcome.as_ref().map(|o| o.status),
            new,
        });
    }
    recorder.report.warnings.sort_by_key(|w| w.row);
    Ok(recorder.report)
}

impl Recorder<'_> {
    /// The unit and year of a row: --unit/--year, else the row's own columns, else the defaults.
    fn scope(&mut self, scope: &RowScope) -> Result<(Unit, i32)> {
        let year = self
            .args
            .year
            .or(scope.year)
            .or(self.defaults.year)
            .ok_or_else(|| {
                Error::invalid(format!(
                    "{} does not say which year's summary its problems are from; give it with --year",
                    self.file
                ))
            })?;
        check_year(year)?;
        let unit = match (&self.args.unit, &scope.unit, &self.defaults.unit) {
            (Some(name), _, _) => self.explicit_unit(name)?,
            (None, Some(name), _) | (None, None, Some(name)) => self.named_unit(&name.clone())?,
            (None, None, None) => {
                return Err(Error::invalid(format!(
                    "{} does not say which unit it belongs to; give it with --unit",
                    self.file
                )))
            }
        };
        Ok((unit, year))
    }

    fn explicit_unit(&mut self, name: &str) -> Result<Unit> {
        if let Some(unit) = self.units.get(name) {
            return Ok(unit.clone());
        }
        let unit = resolve_unit(self.conn, name)?;
        self.units.insert(name.to_string(), unit.clone());
        Ok(unit)
    }

    /// A unit the ledger names: by name or alias; else the only unit whose name contains it (the
    /// name is then remembered as an alias); else a new unit.
    fn named_unit(&mut self, name: &str) -> Result<Unit> {
        if let Some(unit) = self.units.get(name) {
            return Ok(unit.clone());
        }
        let unit = match store::find_unit(self.conn, name)? {
            Some(unit) => unit,
            None => {
                let names = store::unit_names(self.conn)?;
                let mut candidates: Vec<&str> = names
                    .iter()
                    .filter(|(n, _)| n.contains(name) || name.contains(n.as_str()))
                    .map(|(_, unit)| unit.as_str())
                    .collect();
                candidates.sort_unstable();
                candidates.dedup();
                match candidates.as_slice() {
                    [] => {
                        let unit = store::insert_unit(self.conn, name, self.ctx.clock.timestamp())?;
                        let detail = json!({"text": name, "aliases": [], "ledger": self.file});
                        self.ctx.record(
                            self.conn,
                            &format!("U{}", unit.id),
                            &unit.uuid,
                            "create",
                            detail,
                        )?;
                        self.report.new_units.push(name.to_string());
                        unit
                    }
                    [one] => {
                        let unit = store::find_unit(self.conn, one)?.expect("a listed unit exists");
                        store::add_alias(self.conn, &unit, name)?;
                        let detail = json!({"alias": name});
                        self.ctx.record(
                            self.conn,
                            &format!("U{}", unit.id),
                            &unit.uuid,
                            "alias",
                            detail,
                        )?;
                        unit
                    }
                    many => {
                        return Err(Error::invalid(format!(
                            "{}: '{name}' could be any of {}; make it an alias of one ('taizhang unit alias UNIT {name}') or give the unit with --unit",
                            self.file,
                            many.join("、")
                        )))
                    }
                }
            }
        };
        self.units.insert(name.to_string(), unit.clone());
        Ok(unit)
    }

    /// The problem with this text in the unit and year, recorded if it is not there yet.
    fn problem(
        &mut self,
        unit: &Unit,
        year: i32,
        text: &str,
        category: Option<&str>,
        row: usize,
    ) -> Result<(Problem, bool)> {
        if let Some(problem) = store::find_problem_by_text(self.conn, unit.id, year, text)? {
            return Ok((problem, false));
        }
        let problem = store::insert_problem(
            self.conn,
            &NewProblem {
                unit_id: unit.id,
                year,
                category,
                text,
                created_at: self.ctx.clock.timestamp(),
                source: None,
            },
        )?;
        let detail = json!({
            "unit": unit.name, "year": year, "category": category, "text": text,
            "ledger": self.file, "row": row,
        });
        self.ctx.record(
            self.conn,
            &problem.id.to_string(),
            &problem.uuid,
            "create",
            detail,
        )?;
        Ok((problem, true))
    }

    /// The measure with this text in the unit and year, recorded if it is not there yet.
    fn measure(
        &mut self,
        unit: &Unit,
        year: i32,
        m: &crate::exchange::sheet::LedgerMeasure,
        deadline: Deadline,
    ) -> Result<(Measure, bool)> {
        if let Some(measure) = store::find_measure_by_text(self.conn, unit.id, year, &m.text)? {
            return Ok((measure, false));
        }
        let measure = store::insert_measure(
            self.conn,
            &NewMeasure {
                unit_id: unit.id,
                year,
                title: m.title.as_deref(),
                text: &m.text,
                owner: &m.owner,
                deadline,
                created_at: self.ctx.clock.timestamp(),
                source: None,
            },
        )?;
        let o = &m.owner;
        let detail = json!({
            "unit": unit.name, "year": year, "title": m.title, "text": m.text,
            "leader": o.leader, "owner_dept": o.owner_dept, "co_depts": o.co_depts,
            "owner_person": o.owner_person, "deadline_kind": deadline.kind_code(), "due": deadline.due(),
            "ledger": self.file, "row": m.row,
        });
        self.ctx.record(
            self.conn,
            &measure.id.to_string(),
            &measure.uuid,
            "create",
            detail,
        )?;
        Ok((measure, true))
    }

    /// Records the row's status as a progress entry dated the as-of date, when it differs from the
    /// item's latest status (so that importing the same ledger again records nothing).
    fn outcome(
        &mut self,
        id: ItemId,
        uuid: &str,
        year: i32,
        outcome: Option<&RowOutcome>,
        row: usize,
    ) -> Result<()> {
        let Some(outcome) = outcome else {
            return Ok(());
        };
        let current = store::latest_status(self.conn, id)?.unwrap_or(Status::Planned);
        if outcome.status == current {
            return Ok(());
        }
        let date = self.ctx.clock.today();
        if date < NaiveDate::from_ymd_opt(year, 1, 1).expect("January 1st exists") {
            self.report.warnings.push(RowMessage {
                row,
                message: too_early_text(year, self.ctx.lang),
            });
            return Ok(());
        }
        let evidence: Vec<Evidence> = outcome
            .evidence
            .iter()
            .map(|reference| Evidence {
                reference: reference.clone(),
                size_bytes: None,
                sha256: None,
            })
            .collect();
        store::insert_progress(
            self.conn,
            &NewProgress {
                item: id,
                status: outcome.status,
                date,
                note: outcome.note.as_deref(),
                evidence: &evidence,
                created_at: self.ctx.clock.timestamp(),
                source: None,
            },
        )?;
        let detail = json!({
            "status": outcome.status, "date": date, "note": outcome.note, "evidence": evidence,
            "ledger": self.file, "row": row,
        });
        self.ctx
            .record(self.conn, &id.to_string(), uuid, "progress", detail)?;
        self.report.progress += 1;
        Ok(())
    }
}

//! Recording a ledger read from a sheet, inside the caller's transaction: units, problems,
//! measures, the links between them (every row that names both), and each row's status as a
//! progress entry dated by its 整改进展 text (`progress`), else by the as-of date.
//!
//! This file holds the order of the steps, the rows' unit and year and what the report counts;
//! `rows` records one row's items and status.

use std::collections::{BTreeSet, HashMap};
use std::path::PathBuf;

mod rows;

use super::items::plan_start;
use super::links::unlinked_measures;
use super::units::{match_unit, UnitSource};
use crate::cmd::link::link_items;
use crate::cmd::{Ctx, Item};
use crate::error::{Error, Msg, Result};
use crate::exchange::sheet::{unit_and_year, Ledger, RowScope};
use crate::model::{check_year, Deadline, Problem, Unit};
use crate::render::exchange::{trouble_text, ItemRecord, LedgerReport, RowMessage, Unlinked};
use crate::store::{self, Conn};

/// What `import --ledger` was asked to read.
#[derive(Debug, Clone)]
pub struct LedgerImport {
    pub path: PathBuf,
    /// The sheet to read [default: the first with a header row].
    pub sheet: Option<String>,
    /// The unit of every row, overriding what the ledger says; must name a known unit.
    pub unit: Option<String>,
    /// The summary year of every row, overriding what the ledger says.
    pub year: Option<i32>,
    pub dry_run: bool,
}

/// Where the ledger's rows belong when they do not say: --unit/--year, else the ledger's title,
/// else the file name.
struct Defaults {
    unit: Option<(String, UnitSource)>,
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

/// Records `ledger` (read from `args.path`) and says what it did. Items already in the store
/// (same unit, year and text) are not recorded again, and a status only when it differs from the
/// item's latest, so importing the same ledger twice changes nothing.
pub fn record_ledger(
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
            unit: stated_unit(ledger).or(file_unit.map(|name| (name, UnitSource::FileName))),
            year: ledger.year.or(file_year),
        },
        units: HashMap::new(),
        report: LedgerReport {
            file: file.clone(),
            sheet: (!is_csv(&args.path)).then(|| ledger.sheet.clone()),
            header_row: ledger.header_row,
            dry_run: args.dry_run,
            new_units: vec![],
            problems: vec![],
            measures: vec![],
            progress: 0,
            undated_progress: 0,
            unlinked_measures: 0,
            as_of: ctx.clock.today(),
            notes: vec![],
            unlinked: vec![],
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
        let (unit, sheet_year) = recorder.scope(&p.scope)?;
        // A problem of an earlier year, listed under a later year's measure that answers it.
        let year = p
            .source_year
            .filter(|&y| y < sheet_year)
            .unwrap_or(sheet_year);
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
        // 立行立改 without a date is due when the plan year starts, not on the import day.
        let deadline = m.deadline.map_or_else(
            || Deadline::default_for_year(year),
            |d| d.resolve(year, plan_start(year)),
        );
        let (measure, new) = recorder.measure(&unit, year, m, deadline)?;
        let mut links = Vec::new();
        let item = Item::Measure(measure.clone());
        for &index in &m.problems {
            let problem = &problems[index];
            if problem.unit == measure.unit {
                // The items in hand, not read again: the same link and history as `link`.
                link_items(ctx, conn, &item, &Item::Problem(problem.clone()))?;
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
    recorder.count_unlinked()?;
    recorder.report.warnings.sort_by_key(|w| w.row);
    Ok(recorder.report)
}

/// The unit stated above the header, and whether the title or a 填报单位 line states it.
fn stated_unit(ledger: &Ledger) -> Option<(String, UnitSource)> {
    let name = ledger.unit.clone()?;
    let title_unit = ledger.title.as_deref().and_then(|t| unit_and_year(t).0);
    let source = if title_unit.as_deref() == Some(name.as_str()) {
        UnitSource::LedgerTitle
    } else {
        UnitSource::FiledBy
    };
    Some((name, source))
}

/// A CSV file (or text) has one sheet and no sheet name worth printing.
pub fn is_csv(path: &std::path::Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("csv") || e.eq_ignore_ascii_case("txt"))
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
                Error::from(Msg::LedgerWithoutYear {
                    file: self.file.clone(),
                })
            })?;
        check_year(year)?;
        let named = match (&self.args.unit, &scope.unit, &self.defaults.unit) {
            (Some(name), _, _) => (name.clone(), UnitSource::Given),
            (None, Some(name), _) => (name.clone(), UnitSource::LedgerColumn),
            (None, None, Some((name, source))) => (name.clone(), *source),
            (None, None, None) => {
                return Err(Msg::LedgerWithoutUnit {
                    file: self.file.clone(),
                }
                .into())
            }
        };
        let unit = self.unit(&named.0, named.1)?;
        Ok((unit, year))
    }

    /// The unit a name stands for, by the one rule of `units`; each name is matched once.
    fn unit(&mut self, name: &str, source: UnitSource) -> Result<Unit> {
        if let Some(unit) = self.units.get(name) {
            return Ok(unit.clone());
        }
        let known = store::find_unit(self.conn, name.trim())?.is_some();
        let unit = match_unit(self.ctx, self.conn, name, source, &mut self.report.notes)?;
        if !known && source != UnitSource::Given && unit.name == name.trim() {
            self.report.new_units.push(unit.name.clone());
        }
        self.units.insert(name.to_string(), unit.clone());
        Ok(unit)
    }

    /// The measures still linked to no problem, per unit and year the ledger touched.
    fn count_unlinked(&mut self) -> Result<()> {
        let ids: HashMap<&str, i64> = self
            .units
            .values()
            .map(|u| (u.name.as_str(), u.id))
            .collect();
        let scopes: BTreeSet<(String, i64, i32)> = self
            .report
            .problems
            .iter()
            .chain(&self.report.measures)
            .filter_map(|item| {
                let id = *ids.get(item.unit.as_str())?;
                Some((item.unit.clone(), id, item.year))
            })
            .collect();
        for (name, id, year) in scopes {
            let count = unlinked_measures(self.conn, id, year)?;
            self.report.unlinked_measures += count;
            if count > 0 {
                self.report.unlinked.push(Unlinked {
                    unit: name,
                    year,
                    count,
                });
            }
        }
        Ok(())
    }
}

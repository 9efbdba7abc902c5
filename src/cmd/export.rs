//! `taizhang export`: the ledger for Excel (xlsx, CSV), or the whole store for another taizhang
//! (JSON).

use std::collections::{HashMap, HashSet};
use std::io::Write;
use std::path::{Path, PathBuf};

use clap::{ArgGroup, Args};

use super::{resolve_unit_arg, Ctx};
use crate::analysis::rollup::unit_table;
use crate::analysis::{compute_ledger, LedgerRow, RowFilter};
use crate::error::{Msg, Refusal, Result};
use crate::exchange::layout::{self, OutsideProblems, Sheet};
use crate::exchange::summary_sheet::Summary;
use crate::exchange::{csv, json, xlsx};
use crate::files::{self, Written};
use crate::model::{check_year, ItemId, ItemKind, ProgressEntry};
use crate::render::exchange::{self as report, ExportReport, SheetSummary};
use crate::store::{self, Access, Conn, LedgerFilter};

/// Export the ledger for Excel and WPS, or the whole store for another taizhang.
///
/// --xlsx writes the 整改台账 the way offices print it: one sheet per unit and year, a merged
/// title row (unit, year, as-of date), a 填报单位 / 填报人 / 填报日期 line, the columns 序号 问题来源
/// 问题类别 问题描述 整改措施 责任领导 牵头部门 配合部门 责任人 整改时限 整改进展 完成情况 销号情况 销号时间
/// 佐证材料 备注, a problem's cells merged over the rows
/// of its measures, each row as tall as its text, overdue rows in red, a drop-down of statuses,
/// A3 landscape fitted to the width (--paper a4: A4 at 91 %, two pages across) with the header on
/// every page. After the ledger sheets, 各年度情况 gives the figures of each year (as 'stats --by
/// year' counts them) and the totals, with a column chart of the completion rate by year; when the
/// export covers several units, a last sheet 各单位汇总 gives each unit's figures (as 'stats --by
/// unit' counts them) and the totals, with a bar chart of the completion rate by unit (of the
/// first 30 units). An export of more than 100 units × years has one sheet a year instead, with a
/// 单位 column; one of more than 200,000 rows is refused (use --unit, --year or --csv). --csv writes the same columns (plus 单位 and 年度) as UTF-8 with BOM, one row per
/// measure. Both can be read back with 'taizhang import --ledger'. --json writes everything
/// (units, aliases, summaries, items, links, progress, history) so that 'taizhang import --json'
/// or another unit's 'taizhang merge' gives back the same records.
///
/// Statuses and overdue days are as of --as-of (default today). An existing file is kept unless
/// --force; FILE - writes to standard output. The store, links and devices are never written.
#[derive(Debug, Args)]
#[command(after_help = "\
taizhang export --xlsx 整改台账.xlsx --unit 临江市财政局 --year 2024
taizhang export --xlsx 整改台账.xlsx --paper a4
taizhang export --csv 整改台账.csv --as-of 2025-12-31
taizhang export --json 临江市财政局.json --unit 临江市财政局")]
// Verbatim: the examples keep their lines.
#[command(group(ArgGroup::new("target").required(true).args(["xlsx", "csv", "json"])))]
pub struct ExportArgs {
    /// Write an Excel workbook in the official ledger layout
    #[arg(long, value_name = "FILE")]
    pub xlsx: Option<PathBuf>,
    /// Write the ledger as CSV (UTF-8 with BOM, opens in Excel)
    #[arg(long, value_name = "FILE")]
    pub csv: Option<PathBuf>,
    /// Write the whole store as JSON, for 'import --json' or another unit
    #[arg(long, value_name = "FILE")]
    pub json: Option<PathBuf>,
    /// Only this unit (by name or alias)
    #[arg(long)]
    pub unit: Option<String>,
    /// Only this summary year (not with --json, which keeps units whole)
    #[arg(long, value_name = "N")]
    pub year: Option<i32>,
    /// The paper the workbook is laid out for (A3 or A4 landscape; text prints at 10 pt or more)
    #[arg(long, value_enum, conflicts_with_all = ["csv", "json"])]
    pub paper: Option<xlsx::Paper>,
    /// Replace the file if it exists
    #[arg(long)]
    pub force: bool,
}

pub fn run(ctx: &Ctx, args: ExportArgs, out: &mut dyn Write) -> Result<()> {
    let year = args.year.map(check_year).transpose()?;
    let (path, format) = match (&args.xlsx, &args.csv, &args.json) {
        (Some(p), _, _) => (p, "xlsx"),
        (_, Some(p), _) => (p, "csv"),
        (_, _, Some(p)) => (p, "json"),
        _ => unreachable!("clap requires one of --xlsx, --csv, --json"),
    };
    check_target(ctx, path, format, args.force)?;
    if format == "json" && year.is_some() {
        return Err(Msg::ExportJsonWithYear.into());
    }
    let store = ctx.open(Access::Read)?;
    let conn = store.conn();
    let unit = resolve_unit_arg(conn, args.unit.as_deref())?;
    let (bytes, report) = if format == "json" {
        let mut dump = store::read_dump(conn)?;
        if let Some(unit) = &unit {
            dump = dump.only_unit(&unit.uuid);
        }
        let text = json::to_text(&dump, store.schema_version()?, ctx.clock.timestamp())?;
        let report = ExportReport {
            file: path.display().to_string(),
            format,
            units: dump.units.len(),
            problems: dump.problems.len(),
            measures: dump.measures.len(),
            progress: dump.progress.len(),
            sheets: vec![],
        };
        (text.into_bytes(), report)
    } else {
        let as_of = ctx.clock.today();
        let filter = LedgerFilter {
            unit_id: unit.as_ref().map(|u| u.id),
            year,
        };
        let data = store::load_ledger(conn, filter, as_of)?;
        let rows = compute_ledger(&data, as_of, &RowFilter::default());
        let mut sheets = layout::build(
            &rows,
            &progress_of(conn, &rows, as_of)?,
            &outside(conn, &rows)?,
        );
        if sheets.is_empty() {
            match (&unit, year) {
                (Some(unit), Some(year)) => sheets.push(layout::empty(&unit.name, year)),
                _ => {
                    return Err(Msg::NothingToExport {
                        unit: unit.as_ref().map(|u| u.name.clone()),
                        year,
                    }
                    .into())
                }
            }
        }
        let lines: usize = sheets.iter().map(Sheet::lines).sum();
        if format == "xlsx" && lines > layout::MAX_WORKBOOK_ROWS {
            return Err(Refusal::XlsxTooLarge {
                rows: lines,
                max: layout::MAX_WORKBOOK_ROWS,
            }
            .into());
        }
        let bytes = match format {
            "xlsx" => xlsx::write_with_summary(
                &sheets,
                super::export_figures::by_year(conn, &rows, year, as_of)?.as_ref(),
                summary(conn, &rows, year, as_of)?.as_ref(),
                xlsx::Filed {
                    by: &ctx.actor,
                    on: as_of,
                },
                args.paper.unwrap_or_default(),
            )
            .map_err(|e| anyhow::anyhow!("write the workbook: {e}"))?,
            _ => csv::write(&sheets)?,
        };
        (
            bytes,
            sheet_report(path, format, &rows, &data.progress, &sheets),
        )
    };
    let store_path = ctx.store_path()?;
    let written = files::write(path, &bytes, args.force, Some(&store_path), out)?;
    if written != Written::Stdout {
        report::print_export(out, ctx.format, ctx.lang, &report)?;
    }
    Ok(())
}

/// The 各单位汇总 sheet's figures when the rows cover more than one unit.
fn summary(
    conn: &Conn,
    rows: &[LedgerRow],
    year: Option<i32>,
    as_of: chrono::NaiveDate,
) -> Result<Option<Summary>> {
    let first = rows.first().map(|r| r.unit.as_str());
    if rows.iter().all(|r| Some(r.unit.as_str()) == first) {
        return Ok(None);
    }
    let recurring: HashSet<ItemId> = store::confirmed_recurrences(conn)?.into_keys().collect();
    let (units, total) = unit_table(rows, &recurring, false);
    let year = year.map(|y| format!("{y}年度")).unwrap_or_default();
    Ok(Some(Summary {
        title: format!(
            "{year}各单位问题整改情况汇总表{}",
            layout::as_of_text(as_of)
        ),
        units,
        total,
    }))
}

/// Refuses targets that cannot be right: a folder, the store itself, a workbook not named .xlsx.
fn check_target(ctx: &Ctx, path: &Path, format: &str, force: bool) -> Result<()> {
    files::check_target(path, force, Some(&ctx.store_path()?))?;
    if files::is_stdout(path) {
        return Ok(());
    }
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or_default();
    if format == "xlsx" && !extension.eq_ignore_ascii_case("xlsx") {
        return Err(Msg::XlsxName {
            path: path.display().to_string(),
        }
        .into());
    }
    Ok(())
}

/// Each item's progress entries up to the as-of date, oldest first, with their evidence.
fn progress_of(
    conn: &Conn,
    rows: &[LedgerRow],
    as_of: chrono::NaiveDate,
) -> Result<HashMap<ItemId, Vec<ProgressEntry>>> {
    let mut progress = HashMap::new();
    for row in rows {
        let mut entries = store::progress_of(conn, row.id)?;
        entries.retain(|e| e.date <= as_of);
        progress.insert(row.id, entries);
    }
    Ok(progress)
}

/// Problems outside a measure's sheet that it answers (an earlier year's problem), whether the
/// export lists them on a sheet of their own or not.
fn outside(conn: &Conn, rows: &[LedgerRow]) -> Result<OutsideProblems> {
    let mut outside = OutsideProblems::new();
    let listed: HashMap<ItemId, &LedgerRow> = rows.iter().map(|r| (r.id, r)).collect();
    for row in rows.iter().filter(|r| r.kind() == ItemKind::Measure) {
        for p in &row.links {
            if outside.contains_key(p) {
                continue;
            }
            if let Some(listed) = listed.get(p) {
                if (listed.unit.as_str(), listed.year) != (row.unit.as_str(), row.year) {
                    outside.insert(*p, (listed.year, listed.text.clone()));
                }
                continue;
            }
            if let Some(problem) = store::get_problem(conn, *p)? {
                outside.insert(*p, (problem.year, problem.text));
            }
        }
    }
    Ok(outside)
}

fn sheet_report(
    path: &Path,
    format: &'static str,
    rows: &[LedgerRow],
    progress: &[ProgressEntry],
    sheets: &[Sheet],
) -> ExportReport {
    let ids: HashSet<ItemId> = rows.iter().map(|r| r.id).collect();
    let mut units: Vec<&str> = sheets.iter().map(|s| s.unit.as_str()).collect();
    units.dedup();
    ExportReport {
        file: path.display().to_string(),
        format,
        units: units.len(),
        problems: rows
            .iter()
            .filter(|r| r.kind() == ItemKind::Problem)
            .count(),
        measures: rows
            .iter()
            .filter(|r| r.kind() == ItemKind::Measure)
            .count(),
        progress: progress.iter().filter(|e| ids.contains(&e.item)).count(),
        sheets: match (format, layout::by_year(sheets)) {
            ("xlsx", None) => sheets
                .iter()
                .zip(layout::sheet_names(sheets))
                .map(|(s, name)| SheetSummary {
                    name,
                    unit: s.unit.clone(),
                    year: s.year,
                    rows: s.lines(),
                })
                .collect(),
            ("xlsx", Some(years)) => years
                .iter()
                .map(|y| SheetSummary {
                    name: y.name(),
                    unit: "各单位".to_string(),
                    year: y.year,
                    rows: y.lines(),
                })
                .collect(),
            _ => vec![],
        },
    }
}

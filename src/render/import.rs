//! `taizhang import`: the dry-run view of parsed summaries and the per-file import summary.

use std::io::{self, Write};

use serde::Serialize;

use super::records::markdown_table;
use super::table::{self, shorten, TableColumn};
use super::{Format, Lang};
use crate::error::Msg;
use crate::import::Summary;
use crate::ingest::{FileOutcome, FileReport};
use crate::render::exchange::{unlinked_text, Unlinked};

mod explain;
pub use explain::print_explanations;

/// Dry-run JSON: exactly one object per file (DESIGN.md), an array when several files were given.
/// The fields are those of [`Summary`]; only the text of its `warnings` follows `lang`.
pub fn print_json(
    out: &mut dyn Write,
    summaries: &[Summary],
    many: bool,
    lang: Lang,
) -> io::Result<()> {
    let object = |s: &Summary| -> serde_json::Result<serde_json::Value> {
        let mut value = serde_json::to_value(s)?;
        let warnings: Vec<String> = s.warnings.iter().map(|w| w.render(lang)).collect();
        value["warnings"] = serde_json::to_value(warnings)?;
        Ok(value)
    };
    let text = match (many, summaries) {
        (false, [one]) => object(one).and_then(|v| serde_json::to_string_pretty(&v)),
        _ => summaries
            .iter()
            .map(object)
            .collect::<serde_json::Result<Vec<_>>>()
            .and_then(|v| serde_json::to_string_pretty(&v)),
    }
    .map_err(io::Error::other)?;
    writeln!(out, "{text}")
}

/// One row per item, for the dry-run CSV and tables.
#[derive(Debug, Serialize)]
struct ItemRow<'a> {
    file: &'a str,
    unit: Option<&'a str>,
    year: Option<i32>,
    kind: &'static str,
    index: usize,
    title: Option<&'a str>,
    text: &'a str,
    status: Option<&'static str>,
    refers_to_year: Option<i32>,
    /// A measure's problems as the document pairs them, by their 1-based index (`1;3`).
    answers: String,
}

impl ItemRow<'_> {
    /// The row's CSV cells, in the order of its fields.
    fn cells(&self) -> [String; 10] {
        let year = |y: Option<i32>| y.map(|y| y.to_string()).unwrap_or_default();
        [
            self.file.to_string(),
            self.unit.unwrap_or_default().to_string(),
            year(self.year),
            self.kind.to_string(),
            self.index.to_string(),
            self.title.unwrap_or_default().to_string(),
            self.text.to_string(),
            self.status.unwrap_or_default().to_string(),
            year(self.refers_to_year),
            self.answers.clone(),
        ]
    }
}

fn item_rows(summary: &Summary) -> Vec<ItemRow<'_>> {
    let base = |kind, index, text| ItemRow {
        file: &summary.file,
        unit: summary.unit.as_deref(),
        year: summary.year,
        kind,
        index,
        title: None,
        text,
        status: None,
        refers_to_year: None,
        answers: String::new(),
    };
    let mut rows: Vec<ItemRow<'_>> = Vec::new();
    for (i, p) in summary.problems.iter().enumerate() {
        rows.push(base("problem", i + 1, &p.text));
    }
    for (i, m) in summary.measures.iter().enumerate() {
        let answers: Vec<String> = m.answers.iter().map(|a| (a + 1).to_string()).collect();
        rows.push(ItemRow {
            title: m.title.as_deref(),
            answers: answers.join(";"),
            ..base("measure", i + 1, &m.text)
        });
    }
    for (i, o) in summary.outcomes.iter().enumerate() {
        rows.push(ItemRow {
            status: Some(o.status.code()),
            refers_to_year: o.refers_to_year,
            ..base("outcome", i + 1, &o.text)
        });
    }
    rows
}

/// What a dry run read: one JSON object per file ([`print_json`]; an array when `many`), else
/// [`print_dry_run`].
pub fn print_summaries(
    out: &mut dyn Write,
    format: Format,
    lang: Lang,
    summaries: &[Summary],
    many: bool,
) -> io::Result<()> {
    match format {
        Format::Json => print_json(out, summaries, many, lang),
        _ => print_dry_run(out, format, lang, summaries),
    }
}

/// Dry-run for people (tables or Markdown) or for spreadsheets (CSV, one row per item).
pub fn print_dry_run(
    out: &mut dyn Write,
    format: Format,
    lang: Lang,
    summaries: &[Summary],
) -> io::Result<()> {
    if format == Format::Csv {
        let mut writer = crate::render::cells::CsvWriter::from_writer(out);
        writer.write_record([
            "file",
            "unit",
            "year",
            "kind",
            "index",
            "title",
            "text",
            "status",
            "refers_to_year",
            "answers",
        ])?;
        for summary in summaries {
            for row in item_rows(summary) {
                writer.write_record(row.cells())?;
            }
        }
        return writer.flush();
    }
    for (n, summary) in summaries.iter().enumerate() {
        if n > 0 {
            writeln!(out)?;
        }
        let unknown = lang.pick("（未识别）", "(not found)");
        let year = summary.year.map_or(unknown.to_string(), |y| y.to_string());
        let heading = match lang {
            Lang::Zh => format!(
                "{}：单位 {}，年度 {}；问题 {} 个，整改措施 {} 条，上年问题整改情况 {} 项",
                summary.file,
                summary.unit.as_deref().unwrap_or(unknown),
                year,
                summary.problems.len(),
                summary.measures.len(),
                summary.outcomes.len()
            ),
            Lang::En => format!(
                "{}: unit {}, year {}; {} problems, {} measures, {} outcomes",
                summary.file,
                summary.unit.as_deref().unwrap_or(unknown),
                year,
                summary.problems.len(),
                summary.measures.len(),
                summary.outcomes.len()
            ),
        };
        writeln!(out, "{heading}")?;
        let rows: Vec<Vec<String>> = item_rows(summary)
            .iter()
            .map(|r| {
                let kind = match r.kind {
                    "problem" => lang.pick("问题", "problem"),
                    "measure" => lang.pick("措施", "measure"),
                    _ => lang.pick("整改情况", "outcome"),
                };
                let status = r
                    .status
                    .and_then(|s| s.parse().ok())
                    .map(|s| {
                        format!(
                            "{} ({})",
                            lang.status(s),
                            r.refers_to_year.unwrap_or_default()
                        )
                    })
                    .unwrap_or_default();
                // A measure has no status yet; its cell says which problems it answers.
                let status = if r.answers.is_empty() {
                    status
                } else {
                    let list = r.answers.replace(';', "、");
                    lang.pick("针对问题 {}", "answers problem {}")
                        .replace("{}", &list)
                };
                let text = if format == Format::Md {
                    r.text.to_string()
                } else {
                    shorten(r.text, 60)
                };
                vec![
                    format!("{} {}", kind, r.index),
                    r.title.unwrap_or_default().to_string(),
                    text,
                    status,
                ]
            })
            .collect();
        let labels = [
            lang.pick("条目", "Item"),
            lang.pick("标题", "Title"),
            lang.pick("内容", "Text"),
            lang.pick("整改状态", "Status"),
        ];
        if !rows.is_empty() {
            if format == Format::Md {
                write!(out, "{}", markdown_table(&labels, &rows))?;
            } else {
                let columns = [
                    TableColumn {
                        label: labels[0],
                        wrap: false,
                        spare: false,
                    },
                    TableColumn {
                        label: labels[1],
                        wrap: true,
                        spare: false,
                    },
                    TableColumn {
                        label: labels[2],
                        wrap: true,
                        spare: false,
                    },
                    TableColumn {
                        label: labels[3],
                        wrap: false,
                        spare: false,
                    },
                ];
                writeln!(out, "{}", table::render(&columns, rows))?;
            }
        }
        for warning in &summary.warnings {
            let line = Msg::WarningLine {
                message: warning.render(lang),
            };
            writeln!(out, "{}", line.render(lang))?;
        }
    }
    Ok(())
}

/// The import summary in its stable machine shape (README: "import").
#[derive(Debug, Serialize)]
struct ReportRecord<'a> {
    file: &'a str,
    unit: Option<&'a str>,
    year: Option<i32>,
    result: &'static str,
    problems: Vec<String>,
    measures: Vec<String>,
    outcomes: usize,
    /// Measures of the unit and year linked to no problem after the import.
    unlinked_measures: usize,
    warnings: &'a [String],
    error: Option<String>,
}

impl<'a> ReportRecord<'a> {
    fn new(r: &'a FileReport, lang: Lang) -> Self {
        let (result, error) = match &r.outcome {
            FileOutcome::Imported => ("imported", None),
            FileOutcome::Unchanged => ("unchanged", None),
            FileOutcome::Replaced => ("replaced", None),
            FileOutcome::Failed(e) => ("failed", Some(e.message(lang))),
        };
        ReportRecord {
            file: &r.file,
            unit: r.unit.as_deref(),
            year: r.year,
            result,
            problems: r.problems.iter().map(ToString::to_string).collect(),
            measures: r.measures.iter().map(ToString::to_string).collect(),
            outcomes: r.outcomes,
            unlinked_measures: r.unlinked_measures,
            warnings: &r.warnings,
            error,
        }
    }
}

/// What each file came to: a table (and its warnings) for people, an array for machines.
pub fn print_reports(
    out: &mut dyn Write,
    format: Format,
    lang: Lang,
    reports: &[FileReport],
) -> io::Result<()> {
    let records: Vec<ReportRecord<'_>> =
        reports.iter().map(|r| ReportRecord::new(r, lang)).collect();
    match format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut *out, &records).map_err(io::Error::other)?;
            writeln!(out)
        }
        Format::Csv => {
            let mut writer = crate::render::cells::CsvWriter::from_writer(out);
            writer.write_record([
                "file", "unit", "year", "result", "problems", "measures", "outcomes", "warnings",
                "error",
            ])?;
            for r in &records {
                writer.write_record([
                    r.file.to_string(),
                    r.unit.unwrap_or_default().to_string(),
                    r.year.map(|y| y.to_string()).unwrap_or_default(),
                    r.result.to_string(),
                    r.problems.join(";"),
                    r.measures.join(";"),
                    r.outcomes.to_string(),
                    r.warnings.join(";"),
                    r.error.clone().unwrap_or_default(),
                ])?;
            }
            writer.flush()
        }
        Format::Table | Format::Md => {
            let labels = [
                lang.pick("文件", "File"),
                lang.pick("单位", "Unit"),
                lang.pick("年度", "Year"),
                lang.pick("结果", "Result"),
                lang.pick("问题", "Problems"),
                lang.pick("措施", "Measures"),
                lang.pick("整改情况", "Outcomes"),
            ];
            let rows: Vec<Vec<String>> = records
                .iter()
                .map(|r| {
                    let name = std::path::Path::new(r.file).file_name();
                    vec![
                        name.map_or_else(
                            || r.file.to_string(),
                            |n| n.to_string_lossy().into_owned(),
                        ),
                        r.unit.unwrap_or_default().to_string(),
                        r.year.map(|y| y.to_string()).unwrap_or_default(),
                        result_label(r.result, lang).to_string(),
                        id_range(&r.problems),
                        id_range(&r.measures),
                        r.outcomes.to_string(),
                    ]
                })
                .collect();
            if format == Format::Md {
                write!(out, "{}", markdown_table(&labels, &rows))?;
            } else {
                let columns: Vec<TableColumn<'_>> = labels
                    .iter()
                    .enumerate()
                    .map(|(i, label)| TableColumn {
                        label,
                        wrap: i < 2,
                        spare: false,
                    })
                    .collect();
                writeln!(out, "{}", table::render(&columns, rows))?;
            }
            for r in &records {
                for warning in r.warnings.iter() {
                    let line = Msg::FileWarning {
                        file: r.file.to_string(),
                        message: warning.clone(),
                    };
                    writeln!(out, "{}", line.render(lang))?;
                }
                if let Some(error) = &r.error {
                    let line = Msg::FileFailed {
                        file: r.file.to_string(),
                        message: error.clone(),
                    };
                    writeln!(out, "{}", line.render(lang))?;
                }
            }
            for line in unlinked_hints(reports, lang) {
                writeln!(out, "{line}")?;
            }
            Ok(())
        }
    }
}

/// The closing sentences on measures linked to no problem: one per unit and year a file
/// recorded (imported or replaced), none when all are linked.
fn unlinked_hints(reports: &[FileReport], lang: Lang) -> Vec<String> {
    let mut seen = std::collections::BTreeSet::new();
    reports
        .iter()
        .filter(|r| matches!(r.outcome, FileOutcome::Imported | FileOutcome::Replaced))
        .filter(|r| r.unlinked_measures > 0)
        .filter_map(|r| {
            let unlinked = Unlinked {
                unit: r.unit.clone()?,
                year: r.year?,
                count: r.unlinked_measures,
            };
            seen.insert((unlinked.unit.clone(), unlinked.year))
                .then(|| unlinked_text(&unlinked, lang))
        })
        .collect()
}

fn result_label(result: &str, lang: Lang) -> &'static str {
    match result {
        "imported" => lang.pick("已导入", "imported"),
        "unchanged" => lang.pick("无变化", "unchanged"),
        "replaced" => lang.pick("已替换", "replaced"),
        _ => lang.pick("失败", "failed"),
    }
}

/// `P3–P7 (5)` for a run of ids, else the ids themselves.
fn id_range(ids: &[String]) -> String {
    match ids {
        [] => "0".to_string(),
        [one] => one.clone(),
        [first, .., last] => format!("{first}–{last} ({})", ids.len()),
    }
}

#[cfg(test)]
mod tests;

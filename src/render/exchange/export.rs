//! What `export` prints: the file written, how many rows of each kind, and the sheets of an
//! xlsx file.

use std::io::{self, Write};

use serde::Serialize;

use super::{json, wrap};
use crate::render::{Format, Lang};

/// What `export` wrote.
#[derive(Debug, Serialize)]
pub struct ExportReport {
    pub file: String,
    pub format: &'static str,
    pub units: usize,
    pub problems: usize,
    pub measures: usize,
    pub progress: usize,
    /// The sheets of an xlsx file (one per unit and year); empty for CSV and JSON.
    pub sheets: Vec<SheetSummary>,
}

#[derive(Debug, Serialize)]
pub struct SheetSummary {
    pub name: String,
    pub unit: String,
    pub year: i32,
    pub rows: usize,
}

pub fn print_export(
    out: &mut dyn Write,
    format: Format,
    lang: Lang,
    r: &ExportReport,
) -> io::Result<()> {
    match format {
        Format::Json => json(out, r),
        Format::Csv => {
            let mut w = crate::render::cells::CsvWriter::from_writer(out);
            w.write_record([
                "file", "format", "units", "problems", "measures", "progress", "sheets",
            ])?;
            w.write_record([
                r.file.clone(),
                r.format.to_string(),
                r.units.to_string(),
                r.problems.to_string(),
                r.measures.to_string(),
                r.progress.to_string(),
                r.sheets.len().to_string(),
            ])?;
            w.flush()
        }
        Format::Table | Format::Md => {
            let line = match lang {
                Lang::Zh => format!(
                    "已导出到 {}：单位 {} 个，问题 {} 个，整改措施 {} 条，整改进展 {} 条",
                    r.file, r.units, r.problems, r.measures, r.progress
                ),
                Lang::En => format!(
                    "exported to {}: units {}, problems {}, measures {}, progress entries {}",
                    r.file, r.units, r.problems, r.measures, r.progress
                ),
            };
            writeln!(out, "{line}")?;
            for s in &r.sheets {
                let line = match lang {
                    Lang::Zh => format!(
                        "  工作表“{}”：{} {}年度，{} 行",
                        s.name, s.unit, s.year, s.rows
                    ),
                    Lang::En => format!(
                        "  sheet '{}': {} {}, {} rows",
                        s.name, s.unit, s.year, s.rows
                    ),
                };
                writeln!(out, "{}", wrap(&line, "    "))?;
            }
            Ok(())
        }
    }
}

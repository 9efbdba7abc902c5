//! One way to print a list of records in all four formats.

use std::io::{self, Write};

use serde::Serialize;

use super::table::{self, TableColumn};
use super::{Format, Lang};

/// A column as people see it.
#[derive(Debug, Clone, Copy)]
pub struct Column {
    pub zh: &'static str,
    pub en: &'static str,
    /// Whether long content may wrap inside the cell (text) or must stay on one line (ids, dates).
    pub wrap: bool,
    /// Whether a terminal table too narrow for every column leaves this one out (see
    /// [`super::table::TableColumn::spare`]).
    pub spare: bool,
}

impl Column {
    pub const fn fixed(zh: &'static str, en: &'static str) -> Column {
        Column {
            zh,
            en,
            wrap: false,
            spare: false,
        }
    }

    pub const fn wrapping(zh: &'static str, en: &'static str) -> Column {
        Column {
            zh,
            en,
            wrap: true,
            spare: false,
        }
    }

    /// A one-line column a narrow table can do without (the full record has it).
    pub const fn spare(zh: &'static str, en: &'static str) -> Column {
        Column {
            zh,
            en,
            wrap: false,
            spare: true,
        }
    }
}

/// A value printed as one row. JSON comes from `Serialize`; CSV from `CSV_HEADER` + `csv_row`;
/// tables and Markdown from `COLUMNS` + `human_row`.
pub trait Record: Serialize {
    /// Stable machine keys, in order: the CSV header (the same names as the JSON keys).
    const CSV_HEADER: &'static [&'static str];
    /// Columns for people.
    const COLUMNS: &'static [Column];

    fn csv_row(&self) -> Vec<String>;

    /// Cells for people; `full` is false in terminal tables, where long text is shortened.
    fn human_row(&self, lang: Lang, full: bool) -> Vec<String>;
}

/// Prints `rows` in `format`. For a table with no rows it prints `empty` instead.
pub fn emit<T: Record>(
    out: &mut dyn Write,
    format: Format,
    lang: Lang,
    rows: &[T],
    empty: &str,
) -> io::Result<()> {
    match format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut *out, rows).map_err(io::Error::other)?;
            writeln!(out)
        }
        Format::Csv => {
            let mut writer = crate::render::cells::CsvWriter::from_writer(out);
            writer.write_record(T::CSV_HEADER)?;
            for row in rows {
                writer.write_record(row.csv_row())?;
            }
            writer.flush()
        }
        Format::Md => {
            let labels: Vec<&str> = T::COLUMNS.iter().map(|c| lang.pick(c.zh, c.en)).collect();
            let cells: Vec<Vec<String>> = rows.iter().map(|r| r.human_row(lang, true)).collect();
            write!(out, "{}", markdown_table(&labels, &cells))
        }
        Format::Table if rows.is_empty() => writeln!(out, "{empty}"),
        Format::Table => {
            let columns: Vec<TableColumn<'_>> = T::COLUMNS
                .iter()
                .map(|c| TableColumn {
                    label: lang.pick(c.zh, c.en),
                    wrap: c.wrap,
                    spare: c.spare,
                })
                .collect();
            let cells = rows.iter().map(|r| r.human_row(lang, false)).collect();
            writeln!(out, "{}", table::render(&columns, cells))
        }
    }
}

/// A GitHub-style pipe table; pipes and line breaks inside cells are escaped.
pub fn markdown_table(labels: &[&str], rows: &[Vec<String>]) -> String {
    let mut text = markdown_header(labels);
    for row in rows {
        text.push_str(&markdown_row(row));
    }
    text
}

/// The first two lines of a pipe table: the labels and the rule under them.
pub fn markdown_header(labels: &[&str]) -> String {
    format!(
        "| {} |\n|{}\n",
        labels.join(" | "),
        "---|".repeat(labels.len())
    )
}

/// One line of a pipe table; pipes and line breaks inside cells are escaped.
pub fn markdown_row(row: &[String]) -> String {
    // Control characters in stored texts never reach the terminal raw (see `cells`).
    let escape = |cell: &str| {
        super::cells::escape_controls(cell)
            .replace('|', "\\|")
            .replace('\n', "<br>")
    };
    let cells: Vec<String> = row.iter().map(|c| escape(c)).collect();
    format!("| {} |\n", cells.join(" | "))
}

/// Joins a list for a CSV cell.
pub fn csv_list<T: ToString>(items: &[T]) -> String {
    items.iter().map(T::to_string).collect::<Vec<_>>().join(";")
}

/// An optional value as a CSV cell (empty when absent).
pub fn csv_opt<T: ToString>(value: &Option<T>) -> String {
    value.as_ref().map(T::to_string).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_cells_escape_pipes_and_line_breaks() {
        let text = markdown_table(&["a", "b"], &[vec!["x|y".into(), "1\n2".into()]]);
        assert_eq!(text, "| a | b |\n|---|---|\n| x\\|y | 1<br>2 |\n");
    }
}

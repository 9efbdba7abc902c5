//! The rows of a ledger sheet: a problem's group of measure rows, its cells merged over them,
//! each row as tall as its text, overdue rows red; with a 单位 column first on a year's sheet
//! of several units ([`Cols`]).

use rust_xlsxwriter::{Format, Worksheet, XlsxError};

use super::formats::Formats;
use super::{excel_date, height_of, lines_in, WIDTHS};
use crate::exchange::layout::{Group, Line, CLOSED_ON_COLUMN, DEADLINE_COLUMN, HEADERS};
use crate::model::Deadline;

/// The width of the 单位 column, in characters: five characters a line, so that the 17 columns
/// still fit A3's width at 10 pt.
pub(super) const UNIT_WIDTH: f64 = 11.0;

/// Where the 16 ledger columns sit: from column 0, or from column 1 after 单位.
#[derive(Debug, Clone, Copy)]
pub(super) struct Cols {
    offset: u16,
}

impl Cols {
    pub(super) fn new(unit_column: bool) -> Cols {
        Cols {
            offset: u16::from(unit_column),
        }
    }

    /// The sheet column of ledger column `col` (0-based, as in [`HEADERS`]).
    pub(super) fn at(self, col: u16) -> u16 {
        col + self.offset
    }

    pub(super) fn last(self) -> u16 {
        self.at(HEADERS.len() as u16 - 1)
    }

    pub(super) fn headers(self) -> Vec<&'static str> {
        let unit = (self.offset > 0).then_some("单位");
        unit.into_iter().chain(HEADERS).collect()
    }

    pub(super) fn widths(self) -> Vec<f64> {
        let unit = (self.offset > 0).then_some(UNIT_WIDTH);
        unit.into_iter().chain(WIDTHS).collect()
    }
}

/// Writes a problem's group from `row` on (numbered `seq`, the unit named in each row when
/// given); returns the row after it.
pub(super) fn write_group(
    ws: &mut Worksheet,
    row: u32,
    group: &Group,
    seq: usize,
    unit: Option<&str>,
    cols: Cols,
    f: &Formats,
) -> Result<u32, XlsxError> {
    let first = row;
    let mut row = row;
    let mut heights = Vec::new();
    for line in &group.lines {
        write_line(ws, row, line, cols, f)?;
        if let Some(unit) = unit {
            let format = if line.overdue {
                &f.centre_overdue
            } else {
                &f.centre
            };
            ws.write_string_with_format(row, 0, unit, format)?;
        }
        heights.push(line_lines(line));
        row += 1;
    }
    let last = row - 1;
    // The problem's merged cells need their lines over all of the group's rows: the last
    // row takes what the others leave short.
    let merged = [
        (&group.source, 1),
        (&group.category, 2),
        (&group.problem, 3),
    ]
    .iter()
    .map(|(text, col)| lines_in(text, WIDTHS[*col]))
    .max()
    .unwrap_or(1);
    let own: usize = heights.iter().sum();
    if merged > own {
        if let Some(last) = heights.last_mut() {
            *last += merged - own;
        }
    }
    for (k, lines) in heights.into_iter().enumerate() {
        ws.set_row_height(first + k as u32, height_of(lines))?;
    }
    // A problem's cells span the rows of its measures; 序号 is a number, for sorting.
    for (col, value) in [
        (1, &group.source),
        (2, &group.category),
        (3, &group.problem),
    ] {
        let col = cols.at(col);
        if last > first {
            ws.merge_range(first, col, last, col, value, &f.text)?;
        } else {
            ws.write_string_with_format(first, col, value, &f.text)?;
        }
    }
    if last > first {
        ws.merge_range(first, cols.at(0), last, cols.at(0), "", &f.centre)?;
    }
    ws.write_number_with_format(first, cols.at(0), seq as f64, &f.centre)?;
    Ok(row)
}

/// The lines the tallest of a measure row's own cells takes.
fn line_lines(line: &Line) -> usize {
    [
        (&line.measure, 4),
        (&line.owner_dept, 6),
        (&line.co_depts, 7),
        (&line.progress, 10),
        (&line.evidence, 14),
        (&line.note, 15),
    ]
    .iter()
    .map(|(text, col)| lines_in(text, WIDTHS[*col]))
    .max()
    .unwrap_or(1)
}

fn write_line(
    ws: &mut Worksheet,
    row: u32,
    line: &Line,
    cols: Cols,
    f: &Formats,
) -> Result<(), XlsxError> {
    let (text, centre, date) = if line.overdue {
        (&f.text_overdue, &f.centre_overdue, &f.date_overdue)
    } else {
        (&f.text, &f.centre, &f.date)
    };
    let cells: [(u16, &str, &Format); 10] = [
        (4, &line.measure, text),
        (5, &line.leader, centre),
        (6, &line.owner_dept, centre),
        (7, &line.co_depts, centre),
        (8, &line.owner_person, centre),
        (10, &line.progress, text),
        (11, &line.status.label_zh(), centre),
        (12, line.closed_text(), centre),
        (14, &line.evidence, text),
        (15, &line.note, text),
    ];
    for (col, value, format) in cells {
        ws.write_string_with_format(row, cols.at(col), value, format)?;
    }
    let deadline = cols.at(DEADLINE_COLUMN);
    match line.deadline {
        Some(Deadline::ByDate(d)) => {
            ws.write_datetime_with_format(row, deadline, &excel_date(d)?, date)?;
        }
        _ => {
            ws.write_string_with_format(row, deadline, line.deadline_text(), centre)?;
        }
    }
    let closed = cols.at(CLOSED_ON_COLUMN);
    match line.closed_on {
        Some(d) => ws.write_datetime_with_format(row, closed, &excel_date(d)?, date)?,
        None => ws.write_blank(row, closed, centre)?,
    };
    Ok(())
}

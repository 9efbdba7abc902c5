//! Writing the ledger as an Excel workbook, the way offices print it.
//!
//! Each sheet: a merged title row (unit, year, as-of date), the 14-column header (frozen, with an
//! autofilter, repeated on every printed page), a problem's cells merged over the rows of its
//! measures, wrapped text in 仿宋 with each row as tall as its longest cell, a drop-down list of
//! the six statuses on 完成情况, overdue rows filled red, and page numbers in the footer.
//!
//! Printed, the text stays at least 10 pt: on A3 landscape (the default) the 14 columns fit the
//! page width at full size; on A4 landscape (`--paper a4`) they print at 91 % and run over to a
//! second page across, with 序号 to 问题描述 repeated on its left.

use chrono::{Datelike, NaiveDate};
use rust_xlsxwriter::{
    Color, DataValidation, DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder,
    Workbook, Worksheet, XlsxError,
};

use super::figures_sheet::{self, YearFigures};
use super::layout::{
    as_of_text, sheet_names, Line, Sheet, DEADLINE_COLUMN, HEADERS, STATUS_COLUMN,
};
use super::summary_sheet::{self, Summary, SHEET_NAME};
use crate::model::{Deadline, Status};

const FONT: &str = "仿宋";
/// Column widths in characters, one per header.
const WIDTHS: [f64; 14] = [
    6.0, 12.0, 10.0, 30.0, 36.0, 10.0, 12.0, 12.0, 9.0, 12.0, 30.0, 10.0, 16.0, 14.0,
];
/// The paper a workbook is laid out for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Paper {
    /// A3 landscape: the ledger fits the page width at full size.
    #[default]
    A3,
    /// A4 landscape: printed at 91 % (11 pt text prints at 10 pt), two pages across.
    A4,
}

/// The body font size, in points.
const FONT_SIZE: f64 = 11.0;
/// The height of one line of body text, in points, and the padding a row adds.
const LINE_HEIGHT: f64 = 14.5;
const ROW_PADDING: f64 = 6.0;
/// A4's print scale, so that 11 pt prints at 10 pt.
const A4_SCALE: u16 = 91;

/// How many lines `text` takes in a wrapped cell `width` characters wide: a Chinese
/// character takes two of Excel's width units, and a cell keeps about one unit of margin.
fn lines_in(text: &str, width: f64) -> usize {
    use unicode_width::UnicodeWidthStr;
    let room = (width - 1.0).max(1.0);
    text.split('\n')
        .map(|line| ((line.width() as f64) / room).ceil().max(1.0) as usize)
        .sum()
}

/// The row height, in points, that shows `lines` lines.
fn height_of(lines: usize) -> f64 {
    lines.max(1) as f64 * LINE_HEIGHT + ROW_PADDING
}

/// The fill of an overdue row.
const OVERDUE: u32 = 0xFFC7CE;
const TITLE_ROW: u32 = 0;
const HEADER_ROW: u32 = 1;
const FIRST_DATA_ROW: u32 = 2;
/// Rows an empty sheet (a template) offers the status list on.
const TEMPLATE_ROWS: u32 = 100;
/// Rows an empty sheet rules (borders drawn), one printed page of them.
const RULED_ROWS: u32 = 20;

/// The cell formats of a sheet, plain and overdue.
struct Formats {
    title: Format,
    header: Format,
    text: Format,
    centre: Format,
    date: Format,
    text_overdue: Format,
    centre_overdue: Format,
    date_overdue: Format,
}

impl Formats {
    fn new() -> Formats {
        let base = Format::new()
            .set_font_name(FONT)
            .set_font_size(FONT_SIZE)
            .set_text_wrap()
            .set_align(FormatAlign::VerticalCenter)
            .set_border(FormatBorder::Thin);
        let centre = base.clone().set_align(FormatAlign::Center);
        let date = centre.clone().set_num_format("yyyy-mm-dd");
        let red = |f: &Format| f.clone().set_background_color(Color::RGB(OVERDUE));
        Formats {
            title: Format::new()
                .set_font_name(FONT)
                .set_font_size(18)
                .set_bold()
                .set_align(FormatAlign::Center)
                .set_align(FormatAlign::VerticalCenter),
            header: centre
                .clone()
                .set_font_size(12)
                .set_bold()
                .set_background_color(Color::RGB(0xD9D9D9)),
            text_overdue: red(&base),
            centre_overdue: red(&centre),
            date_overdue: red(&date),
            text: base,
            centre,
            date,
        }
    }
}

/// The workbook's bytes, for A3. `as_of` is shown in each title and is the file's creation date.
pub fn write(sheets: &[Sheet], as_of: NaiveDate) -> Result<Vec<u8>, XlsxError> {
    write_with_summary(sheets, None, None, as_of, Paper::A3)
}

/// The workbook of [`write`], with the 各年度情况 sheet after the ledger sheets when `years` is
/// given (see `figures_sheet`), then the 各单位汇总 sheet when `summary` is (see `summary_sheet`).
pub fn write_with_summary(
    sheets: &[Sheet],
    years: Option<&YearFigures>,
    summary: Option<&Summary>,
    as_of: NaiveDate,
    paper: Paper,
) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = Workbook::new();
    let created = excel_date(as_of)?;
    workbook.set_properties(
        &DocProperties::new()
            .set_title("整改台账")
            .set_author("taizhang")
            .set_creation_datetime(&created),
    );
    let formats = Formats::new();
    for (sheet, name) in sheets.iter().zip(sheet_names(sheets)) {
        let worksheet = workbook.add_worksheet();
        worksheet.set_name(name)?;
        write_sheet(worksheet, sheet, as_of, &formats, paper)?;
    }
    if let Some(years) = years {
        let worksheet = workbook.add_worksheet();
        worksheet.set_name(figures_sheet::SHEET_NAME)?;
        figures_sheet::write(worksheet, years)?;
    }
    if let Some(summary) = summary {
        let worksheet = workbook.add_worksheet();
        worksheet.set_name(SHEET_NAME)?;
        summary_sheet::write(worksheet, summary)?;
    }
    workbook.save_to_buffer()
}

fn write_sheet(
    ws: &mut Worksheet,
    sheet: &Sheet,
    as_of: NaiveDate,
    f: &Formats,
    paper: Paper,
) -> Result<(), XlsxError> {
    let last_col = HEADERS.len() as u16 - 1;
    ws.merge_range(
        TITLE_ROW,
        0,
        TITLE_ROW,
        last_col,
        &format!("{}{}", sheet.title(), as_of_text(as_of)),
        &f.title,
    )?;
    ws.set_row_height(TITLE_ROW, 40)?;
    for (col, (header, width)) in HEADERS.iter().zip(WIDTHS).enumerate() {
        ws.write_string_with_format(HEADER_ROW, col as u16, *header, &f.header)?;
        ws.set_column_width(col as u16, width)?;
    }
    ws.set_row_height(HEADER_ROW, 30)?;
    let mut row = FIRST_DATA_ROW;
    for group in &sheet.groups {
        let first = row;
        let mut heights = Vec::new();
        for line in &group.lines {
            write_line(ws, row, line, f)?;
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
            if last > first {
                ws.merge_range(first, col, last, col, value, &f.text)?;
            } else {
                ws.write_string_with_format(first, col, value, &f.text)?;
            }
        }
        if last > first {
            ws.merge_range(first, 0, last, 0, "", &f.centre)?;
        }
        ws.write_number_with_format(first, 0, group.seq as f64, &f.centre)?;
    }
    if sheet.groups.is_empty() {
        // A ledger to fill in by hand: ruled rows, one line high each.
        for r in FIRST_DATA_ROW..FIRST_DATA_ROW + RULED_ROWS {
            for col in 0..=last_col {
                ws.write_blank(r, col, &f.text)?;
            }
            ws.set_row_height(r, height_of(2))?;
        }
    }
    let last_row = row.saturating_sub(1).max(HEADER_ROW);
    ws.autofilter(HEADER_ROW, 0, last_row, last_col)?;
    ws.set_freeze_panes(FIRST_DATA_ROW, 0)?;
    let list_end = if sheet.groups.is_empty() {
        FIRST_DATA_ROW + TEMPLATE_ROWS - 1
    } else {
        last_row
    };
    let labels: Vec<&str> = Status::ALL.iter().map(|s| s.label_zh()).collect();
    let validation = DataValidation::new()
        .allow_list_strings(&labels)?
        .set_error_title("完成情况")?
        .set_error_message(
            "请从下拉列表中选择：未启动、正在整改、已完成、长期坚持、未完成、已撤销",
        )?;
    ws.add_data_validation(
        FIRST_DATA_ROW,
        STATUS_COLUMN,
        list_end.max(FIRST_DATA_ROW),
        STATUS_COLUMN,
        &validation,
    )?;
    ws.set_landscape();
    match paper {
        Paper::A3 => {
            ws.set_paper_size(8);
            ws.set_print_fit_to_pages(1, 0);
        }
        Paper::A4 => {
            ws.set_paper_size(9);
            ws.set_print_scale(A4_SCALE);
            ws.set_repeat_columns(0, 3)?;
        }
    }
    ws.set_print_center_horizontally(true);
    ws.set_repeat_rows(HEADER_ROW, HEADER_ROW)?;
    ws.set_margins(0.5, 0.5, 0.6, 0.6, 0.3, 0.3);
    ws.set_footer("&C第 &P 页，共 &N 页");
    Ok(())
}

/// The lines the tallest of a measure row's own cells takes.
fn line_lines(line: &Line) -> usize {
    [
        (&line.measure, 4),
        (&line.owner_dept, 6),
        (&line.co_depts, 7),
        (&line.progress, 10),
        (&line.evidence, 12),
        (&line.note, 13),
    ]
    .iter()
    .map(|(text, col)| lines_in(text, WIDTHS[*col]))
    .max()
    .unwrap_or(1)
}

fn write_line(ws: &mut Worksheet, row: u32, line: &Line, f: &Formats) -> Result<(), XlsxError> {
    let (text, centre, date) = if line.overdue {
        (&f.text_overdue, &f.centre_overdue, &f.date_overdue)
    } else {
        (&f.text, &f.centre, &f.date)
    };
    let cells: [(u16, &str, &Format); 9] = [
        (4, &line.measure, text),
        (5, &line.leader, centre),
        (6, &line.owner_dept, centre),
        (7, &line.co_depts, centre),
        (8, &line.owner_person, centre),
        (10, &line.progress, text),
        (11, &line.status.label_zh(), centre),
        (12, &line.evidence, text),
        (13, &line.note, text),
    ];
    for (col, value, format) in cells {
        ws.write_string_with_format(row, col, value, format)?;
    }
    match line.deadline {
        Some(Deadline::ByDate(d)) => {
            ws.write_datetime_with_format(row, DEADLINE_COLUMN, &excel_date(d)?, date)?;
        }
        _ => {
            ws.write_string_with_format(row, DEADLINE_COLUMN, line.deadline_text(), centre)?;
        }
    }
    Ok(())
}

fn excel_date(d: NaiveDate) -> Result<ExcelDateTime, XlsxError> {
    ExcelDateTime::from_ymd(d.year() as u16, d.month() as u8, d.day() as u8)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cell_needs_a_line_per_column_width_of_text_and_per_line_break() {
        // 36 units hold 17 Chinese characters a line (one unit of margin).
        assert_eq!(lines_in("", 36.0), 1);
        assert_eq!(lines_in(&"字".repeat(17), 36.0), 1);
        assert_eq!(lines_in(&"字".repeat(18), 36.0), 2);
        assert_eq!(lines_in("一\n二\n三", 36.0), 3);
        assert!(height_of(3) > height_of(1));
    }
}

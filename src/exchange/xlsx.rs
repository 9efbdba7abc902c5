//! Writing the ledger as an Excel workbook, the way offices print it.
//!
//! Each sheet: a merged title row (unit, year, as-of date), the 填报单位 / 填报人 / 填报日期 line,
//! the 16-column header (frozen, with an autofilter, repeated on every printed page), a problem's
//! cells merged over the rows of its measures, wrapped text in 仿宋 with each row as tall as its
//! longest cell, a drop-down list of the six statuses on 完成情况, overdue rows filled red, and
//! page numbers in the footer. A workbook of many units has one sheet a year instead, with a 单位
//! column before the 16 (`layout::by_year`); `rows` writes the rows of either.
//!
//! Printed, the text stays at least 10 pt: on A3 landscape (the default) the 16 columns are fitted
//! to the page width, which shrinks 11 pt text to no less than 10 pt ([`a3_scale`]); on A4
//! landscape (`--paper a4`) they print at 91 % and run over to a second page across, with 序号 to
//! 问题描述 repeated on its left.

use chrono::{Datelike, NaiveDate};
use rust_xlsxwriter::{
    DataValidation, DocProperties, ExcelDateTime, Workbook, Worksheet, XlsxError,
};

use super::figures_sheet::{self, YearFigures};
use super::layout::{as_of_text, by_year, sheet_names, Sheet, STATUS_COLUMN};
use super::summary_sheet::{self, Summary, SHEET_NAME};
use crate::model::Status;
use formats::Formats;
use rows::Cols;

mod formats;
mod rows;

const FONT: &str = "仿宋";
/// Column widths in characters, one per header.
const WIDTHS: [f64; 16] = [
    5.0, 10.0, 8.0, 26.0, 30.0, 9.0, 11.0, 11.0, 8.0, 11.0, 28.0, 9.0, 8.0, 11.0, 14.0, 12.0,
];
/// The left and right page margins, in inches.
const SIDE_MARGIN: f64 = 0.5;
/// A3's width, landscape, in inches.
const A3_WIDTH: f64 = 420.0 / 25.4;

/// The scale at which the columns fit A3's width, as Excel and LibreOffice fit a page: a column
/// of width `w` is `7w + 5` pixels (the default font's digit is 7 pixels wide), 96 to the inch.
pub fn a3_scale() -> f64 {
    a3_scale_of(&WIDTHS)
}

/// [`a3_scale`] for columns of these widths.
fn a3_scale_of(widths: &[f64]) -> f64 {
    let pixels: f64 = widths.iter().map(|w| (7.0 * w + 5.0).round()).sum();
    let printable = A3_WIDTH - 2.0 * SIDE_MARGIN;
    (printable * 96.0 / pixels).min(1.0)
}
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
/// 填报单位：…    填报人：…    填报日期：…
const FILED_ROW: u32 = 1;
const HEADER_ROW: u32 = 2;
const FIRST_DATA_ROW: u32 = 3;
/// Rows an empty sheet (a template) offers the status list on.
const TEMPLATE_ROWS: u32 = 100;
/// Rows an empty sheet rules (borders drawn), one printed page of them.
const RULED_ROWS: u32 = 20;

/// Who fills the ledger in and when: the actor and the as-of date.
#[derive(Debug, Clone, Copy)]
pub struct Filed<'a> {
    pub by: &'a str,
    pub on: NaiveDate,
}

impl Filed<'_> {
    /// `填报单位：临江市财政局    填报人：张三    填报日期：2026年1月15日`
    pub fn line(&self, unit: &str) -> String {
        format!(
            "填报单位：{unit}    填报人：{}    填报日期：{}年{}月{}日",
            self.by,
            self.on.year(),
            self.on.month(),
            self.on.day()
        )
    }

    /// `填报人：张三    填报日期：2026年1月15日`, for a sheet of many units.
    pub fn line_of_units(&self) -> String {
        format!(
            "填报人：{}    填报日期：{}年{}月{}日",
            self.by,
            self.on.year(),
            self.on.month(),
            self.on.day()
        )
    }
}

/// The workbook's bytes, for A3. `filed.on` (the as-of date) is shown in each title and is the
/// file's creation date; `filed.by` is its author.
pub fn write(sheets: &[Sheet], filed: Filed) -> Result<Vec<u8>, XlsxError> {
    write_with_summary(sheets, None, None, filed, Paper::A3)
}

/// The workbook of [`write`], with the 各年度情况 sheet after the ledger sheets when `years` is
/// given (see `figures_sheet`), then the 各单位汇总 sheet when `summary` is (see `summary_sheet`).
pub fn write_with_summary(
    sheets: &[Sheet],
    years: Option<&YearFigures>,
    summary: Option<&Summary>,
    filed: Filed,
    paper: Paper,
) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = Workbook::new();
    let created = excel_date(filed.on)?;
    workbook.set_properties(
        &DocProperties::new()
            .set_title("整改台账")
            .set_author(filed.by)
            .set_creation_datetime(&created),
    );
    let formats = Formats::new();
    match by_year(sheets) {
        None => {
            for (sheet, name) in sheets.iter().zip(sheet_names(sheets)) {
                let worksheet = workbook.add_worksheet();
                worksheet.set_name(name)?;
                let page = Page {
                    title: format!("{}{}", sheet.title(), as_of_text(filed.on)),
                    filed: filed.line(&sheet.unit),
                    parts: &[sheet],
                    unit_column: false,
                };
                write_sheet(worksheet, &page, &formats, paper)?;
            }
        }
        Some(years) => {
            for year in &years {
                let worksheet = workbook.add_worksheet();
                worksheet.set_name(year.name())?;
                let page = Page {
                    title: format!("{}{}", year.title(), as_of_text(filed.on)),
                    filed: filed.line_of_units(),
                    parts: &year.units,
                    unit_column: true,
                };
                write_sheet(worksheet, &page, &formats, paper)?;
            }
        }
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

/// What one worksheet shows: a unit's ledger for a year, or (with a 单位 column before the 16)
/// a year's ledgers of every unit, one after the other.
struct Page<'a> {
    title: String,
    filed: String,
    parts: &'a [&'a Sheet],
    unit_column: bool,
}

fn write_sheet(
    ws: &mut Worksheet,
    page: &Page,
    f: &Formats,
    paper: Paper,
) -> Result<(), XlsxError> {
    let cols = Cols::new(page.unit_column);
    let last_col = cols.last();
    ws.merge_range(TITLE_ROW, 0, TITLE_ROW, last_col, &page.title, &f.title)?;
    ws.set_row_height(TITLE_ROW, 40)?;
    ws.merge_range(FILED_ROW, 0, FILED_ROW, last_col, &page.filed, &f.filed)?;
    ws.set_row_height(FILED_ROW, 24)?;
    for (col, (header, width)) in cols.headers().into_iter().zip(cols.widths()).enumerate() {
        ws.write_string_with_format(HEADER_ROW, col as u16, header, &f.header)?;
        ws.set_column_width(col as u16, width)?;
    }
    ws.set_row_height(HEADER_ROW, 36)?;
    let mut row = FIRST_DATA_ROW;
    let mut seq = 0;
    for part in page.parts {
        let unit = page.unit_column.then_some(part.unit.as_str());
        for group in &part.groups {
            // A year's sheet numbers its problems through, so that no two units' rows read as
            // one problem's.
            seq += 1;
            let seq = if page.unit_column { seq } else { group.seq };
            row = rows::write_group(ws, row, group, seq, unit, cols, f)?;
        }
    }
    let empty = page.parts.iter().all(|p| p.groups.is_empty());
    if empty {
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
    let list_end = if empty {
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
        cols.at(STATUS_COLUMN),
        list_end.max(FIRST_DATA_ROW),
        cols.at(STATUS_COLUMN),
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
            ws.set_repeat_columns(0, cols.at(3))?;
        }
    }
    ws.set_print_center_horizontally(true);
    ws.set_repeat_rows(HEADER_ROW, HEADER_ROW)?;
    ws.set_margins(SIDE_MARGIN, SIDE_MARGIN, 0.6, 0.6, 0.3, 0.3);
    ws.set_footer("&C第 &P 页，共 &N 页");
    Ok(())
}

fn excel_date(d: NaiveDate) -> Result<ExcelDateTime, XlsxError> {
    ExcelDateTime::from_ymd(d.year() as u16, d.month() as u8, d.day() as u8)
}

#[cfg(test)]
mod tests;

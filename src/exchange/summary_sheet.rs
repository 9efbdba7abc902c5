//! The 各单位汇总 sheet of a workbook covering several units: one row per unit with the figures
//! `stats --by unit` gives over the same rows (problems by status, completion rates, overdue
//! items, recurrences), then the totals, and a bar chart of the completion rate by unit (see
//! `charts`). The ledger sheets are written by `xlsx` and unchanged.

use rust_xlsxwriter::{Color, Format, FormatAlign, FormatBorder, Worksheet, XlsxError};

use crate::analysis::rollup::UnitFigures;
use crate::model::Status;

/// The sheet's name.
pub const SHEET_NAME: &str = "各单位汇总";

/// The columns, in order: the problems by status in [`Status::TALLIED`] order.
pub fn headers() -> Vec<&'static str> {
    ["序号", "单位", "查摆问题"]
        .into_iter()
        .chain(Status::TALLIED.iter().map(|s| s.label_zh()))
        .chain([
            "整改完成率",
            "整改措施",
            "措施已完成",
            "措施完成率",
            "逾期问题",
            "逾期措施",
            "反弹回潮",
        ])
        .collect()
}

/// The first unit's row (0-based), below the title and the header.
pub const FIRST_ROW: u32 = 2;
/// The columns of 单位 and of 整改完成率.
pub const UNIT_COLUMN: u16 = 1;
pub const RATE_COLUMN: u16 = 10;

const FONT: &str = "仿宋";

/// The formats the figures tables share (this sheet and 各年度情况): 仿宋 11 pt centred in thin
/// borders, a grey bold header, percentages, and a 16 pt title.
pub(super) struct TableFormats {
    pub(super) base: Format,
    pub(super) header: Format,
    pub(super) percent: Format,
    pub(super) title: Format,
}

impl TableFormats {
    pub(super) fn new() -> TableFormats {
        let base = Format::new()
            .set_font_name(FONT)
            .set_font_size(11)
            .set_align(FormatAlign::Center)
            .set_align(FormatAlign::VerticalCenter)
            .set_border(FormatBorder::Thin);
        TableFormats {
            header: base
                .clone()
                .set_bold()
                .set_text_wrap()
                .set_background_color(Color::RGB(0xD9D9D9)),
            percent: base.clone().set_num_format("0%"),
            title: Format::new()
                .set_font_name(FONT)
                .set_font_size(16)
                .set_bold()
                .set_align(FormatAlign::Center)
                .set_align(FormatAlign::VerticalCenter),
            base,
        }
    }
}

/// Per-unit figures and their totals, with the sheet's title.
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    /// 2024年度各单位问题整改情况汇总表（截至2026年1月15日）
    pub title: String,
    pub units: Vec<UnitFigures>,
    pub total: UnitFigures,
}

/// Writes `summary` on `ws`: a merged title row, the header (frozen), one row per unit, 合计.
pub fn write(ws: &mut Worksheet, summary: &Summary) -> Result<(), XlsxError> {
    let TableFormats {
        base,
        header,
        percent,
        title,
    } = TableFormats::new();
    let name = base.clone().set_align(FormatAlign::Left).set_text_wrap();
    let headers = headers();
    let last_col = headers.len() as u16 - 1;
    ws.merge_range(0, 0, 0, last_col, &summary.title, &title)?;
    ws.set_row_height(0, 36)?;
    for (col, text) in headers.iter().enumerate() {
        ws.write_string_with_format(1, col as u16, *text, &header)?;
        ws.set_column_width(col as u16, if col == 1 { 30.0 } else { 9.0 })?;
    }
    ws.set_row_height(1, 30)?;
    let rows = summary.units.iter().chain(std::iter::once(&summary.total));
    for (i, figures) in rows.enumerate() {
        let row = FIRST_ROW + i as u32;
        let is_total = i == summary.units.len();
        if is_total {
            ws.write_string_with_format(row, 0, "", &base)?;
            ws.write_string_with_format(row, 1, "合计", &name)?;
        } else {
            ws.write_number_with_format(row, 0, (i + 1) as f64, &base)?;
            ws.write_string_with_format(row, UNIT_COLUMN, &figures.unit, &name)?;
        }
        let p = &figures.problems;
        let m = &figures.measures;
        let by_status = Status::TALLIED
            .iter()
            .zip(3..)
            .map(|(s, col)| (col, Some(p.of(*s) as f64), &base));
        let cells = [(2, Some(p.total as f64), &base)]
            .into_iter()
            .chain(by_status)
            .chain([
                (
                    RATE_COLUMN,
                    figures.completion_rate.map(|r| f64::from(r) / 100.0),
                    &percent,
                ),
                (11, Some(m.total as f64), &base),
                (12, Some(m.done as f64), &base),
                (
                    13,
                    figures
                        .measure_completion_rate
                        .map(|r| f64::from(r) / 100.0),
                    &percent,
                ),
                (14, Some(figures.overdue_problems as f64), &base),
                (15, Some(figures.overdue_measures as f64), &base),
                (16, Some(figures.recurring as f64), &base),
            ]);
        for (col, value, format) in cells {
            match value {
                Some(v) => ws.write_number_with_format(row, col, v, format)?,
                None => ws.write_string_with_format(row, col, "—", &base)?,
            };
        }
    }
    super::charts::add_unit_chart(ws, summary.units.len())?;
    ws.set_freeze_panes(FIRST_ROW, 2)?;
    ws.set_landscape();
    ws.set_paper_size(9);
    ws.set_print_fit_to_pages(1, 0);
    ws.set_repeat_rows(1, 1)?;
    Ok(())
}

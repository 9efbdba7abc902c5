//! The 各年度情况 sheet of a workbook: one row per summary year with the figures `stats --by year`
//! gives over the same rows (problems and measures by status, completion rates, overdue items,
//! recurrences, carry-overs), then the totals, a note on how the rates are counted, and a column
//! chart of the completion rate by year below the table (see `charts`).

use rust_xlsxwriter::{Format, FormatAlign, Worksheet, XlsxError};

use super::charts;
use super::summary_sheet::TableFormats;
use crate::analysis::figures::Counts;
use crate::analysis::stats::{Figures, Stats};
use crate::model::Status;

/// The sheet's name.
pub const SHEET_NAME: &str = "各年度情况";

/// The columns of the second header row, in order: under 查摆问题 and 整改措施 the total and
/// the statuses (in [`Status::TALLIED`] order, as 各单位汇总 lists them); the other columns span
/// both header rows.
pub fn headers() -> Vec<&'static str> {
    let counts = || std::iter::once("总数").chain(Status::TALLIED.iter().map(|s| s.label_zh()));
    std::iter::once("年度")
        .chain(counts())
        .chain(["整改完成率"])
        .chain(counts())
        .chain(["措施完成率", "逾期问题", "逾期措施", "反弹回潮", "结转措施"])
        .collect()
}

/// The column of 整改完成率.
pub const RATE_COLUMN: u16 = 9;
/// The column of 措施完成率.
const MEASURE_RATE_COLUMN: u16 = 18;
/// The first row of figures (0-based): below the title and the two header rows.
pub const FIRST_ROW: u32 = 3;
/// The columns 查摆问题 and 整改措施 span (first, last).
const PROBLEM_COLUMNS: (u16, u16) = (1, 8);
const MEASURE_COLUMNS: (u16, u16) = (10, 17);

const FONT: &str = "仿宋";

/// The note below the table: how the rates are counted.
pub const NOTE: &str = "注：整改完成率＝已完成问题数÷问题数，已撤销和长期坚持的问题不计入；\
措施完成率同样计算。各数字与 taizhang stats --by year 的统计口径相同。";

/// The figures by year (`stats --by year` over the exported rows), with the sheet's title.
#[derive(Debug, Clone, PartialEq)]
pub struct YearFigures {
    /// 临江市财政局各年度问题整改情况统计表（截至2026年1月15日）
    pub title: String,
    pub stats: Stats,
}

/// One row's numbers after 年度, column by column; `None` for a rate with nothing to count.
fn cells(f: &Figures) -> Vec<Option<f64>> {
    let counts = |c: &Counts| -> Vec<Option<f64>> {
        std::iter::once(c.total)
            .chain(Status::TALLIED.iter().map(|s| c.of(*s)))
            .map(|n| Some(n as f64))
            .collect()
    };
    let rate = |r: Option<u32>| r.map(|r| f64::from(r) / 100.0);
    let mut row = counts(&f.problems.unwrap_or_default());
    row.push(rate(f.completion_rate));
    row.extend(counts(&f.measures));
    row.push(rate(f.measure_completion_rate));
    for n in [
        f.overdue_problems.unwrap_or_default(),
        f.overdue_measures,
        f.recurring.unwrap_or_default(),
        f.carried_over,
    ] {
        row.push(Some(n as f64));
    }
    row
}

/// Writes `figures` on `ws`: a merged title row, the two header rows (frozen, repeated on every
/// printed page), one row per year, 合计, the note and the chart.
pub fn write(ws: &mut Worksheet, figures: &YearFigures) -> Result<(), XlsxError> {
    let TableFormats {
        base,
        header,
        percent,
        title,
    } = TableFormats::new();
    let year = base.clone().set_num_format("0");
    let note = Format::new()
        .set_font_name(FONT)
        .set_font_size(11)
        .set_text_wrap()
        .set_align(FormatAlign::Left)
        .set_align(FormatAlign::VerticalCenter);
    let headers = headers();
    let last_col = headers.len() as u16 - 1;
    ws.merge_range(0, 0, 0, last_col, &figures.title, &title)?;
    ws.set_row_height(0, 36)?;
    for (col, text) in headers.iter().enumerate() {
        let col = col as u16;
        let grouped = (PROBLEM_COLUMNS.0..=PROBLEM_COLUMNS.1).contains(&col)
            || (MEASURE_COLUMNS.0..=MEASURE_COLUMNS.1).contains(&col);
        if grouped {
            ws.write_string_with_format(2, col, *text, &header)?;
        } else {
            ws.merge_range(1, col, 2, col, text, &header)?;
        }
        let width = match col {
            0 => 9.0,
            RATE_COLUMN | MEASURE_RATE_COLUMN => 10.0,
            _ => 7.5,
        };
        ws.set_column_width(col, width)?;
    }
    for ((first, last), text) in [(PROBLEM_COLUMNS, "查摆问题"), (MEASURE_COLUMNS, "整改措施")]
    {
        ws.merge_range(1, first, 1, last, text, &header)?;
    }
    ws.set_row_height(1, 22)?;
    ws.set_row_height(2, 30)?;
    let stats = &figures.stats;
    let rows = stats.groups.iter().chain(std::iter::once(&stats.total));
    for (i, f) in rows.enumerate() {
        let row = FIRST_ROW + i as u32;
        match f.group.parse::<f64>() {
            Ok(y) if i < stats.groups.len() => ws.write_number_with_format(row, 0, y, &year)?,
            _ if i < stats.groups.len() => ws.write_string_with_format(row, 0, &f.group, &base)?,
            _ => ws.write_string_with_format(row, 0, "合计", &base)?,
        };
        for (k, value) in cells(f).into_iter().enumerate() {
            let col = k as u16 + 1;
            let format = if col == RATE_COLUMN || col == MEASURE_RATE_COLUMN {
                &percent
            } else {
                &base
            };
            match value {
                Some(v) => ws.write_number_with_format(row, col, v, format)?,
                None => ws.write_string_with_format(row, col, "—", &base)?,
            };
        }
        ws.set_row_height(row, 20)?;
    }
    let note_row = FIRST_ROW + stats.groups.len() as u32 + 1;
    ws.merge_range(note_row, 0, note_row, last_col, NOTE, &note)?;
    ws.set_row_height(note_row, 20)?;
    if !stats.groups.is_empty() {
        let last = FIRST_ROW + stats.groups.len() as u32 - 1;
        let chart = charts::rate_by_year(SHEET_NAME, FIRST_ROW, last, RATE_COLUMN);
        ws.insert_chart(note_row + 2, 1, &chart)?;
    }
    ws.set_freeze_panes(FIRST_ROW, 1)?;
    ws.set_landscape();
    ws.set_paper_size(9);
    ws.set_print_fit_to_pages(1, 0);
    ws.set_print_center_horizontally(true);
    ws.set_repeat_rows(1, 2)?;
    ws.set_footer("&C第 &P 页，共 &N 页");
    Ok(())
}

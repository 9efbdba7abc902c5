//! The workbook's native Excel charts of the completion rate (整改完成率): a column chart by year
//! on 各年度情况 and a bar chart by unit on 各单位汇总. Each reads its sheet's own cells, so a
//! figure corrected in Excel shows in the chart too. A bar chart lists at most [`MAX_UNITS`]
//! units (the first in the table), with a note saying so.

use rust_xlsxwriter::{
    Chart, ChartAxis, ChartAxisCrossing, ChartDataLabel, ChartFont, Format, FormatAlign, Worksheet,
    XlsxError,
};

use super::summary_sheet;

/// The most units a bar chart shows; a taller chart no longer reads on one page.
pub const MAX_UNITS: usize = 30;

const FONT: &str = "仿宋";

fn font(size: f64, bold: bool) -> ChartFont {
    let mut font = ChartFont::new();
    font.set_name(FONT).set_size(size);
    if bold {
        font.set_bold();
    }
    font
}

/// A chart of the completion rate: `title`, the series read from `sheet`'s `rate_col` over
/// rows `first..=last`, its categories from `name_col`; rates shown as whole percents.
fn rate_chart(
    mut chart: Chart,
    title: &str,
    sheet: &str,
    rows: (u32, u32),
    name_col: u16,
    rate_col: u16,
) -> Chart {
    let mut label = ChartDataLabel::new();
    label
        .show_value()
        .set_num_format("0%")
        .set_font(&font(10.0, false));
    chart
        .add_series()
        .set_name("整改完成率")
        .set_categories((sheet, rows.0, name_col, rows.1, name_col))
        .set_values((sheet, rows.0, rate_col, rows.1, rate_col))
        .set_data_label(&label);
    chart.title().set_name(title).set_font(&font(14.0, true));
    chart.legend().set_hidden();
    chart
}

/// The column chart of the completion rate by year: years from column 0, rates from `rate_col`,
/// rows `first..=last` of `sheet`.
pub fn rate_by_year(sheet: &str, first: u32, last: u32, rate_col: u16) -> Chart {
    let years = last - first + 1;
    let mut chart = rate_chart(
        Chart::new_column(),
        "各年度整改完成率",
        sheet,
        (first, last),
        0,
        rate_col,
    );
    named(chart.x_axis(), "年度");
    rate_axis(chart.y_axis());
    chart.set_width((320 + 80 * years).clamp(560, 960));
    chart.set_height(360);
    chart
}

/// The bar chart of the completion rate by unit over the first `units` (at most [`MAX_UNITS`])
/// unit rows of the 各单位汇总 sheet, the first unit at the top.
pub fn rate_by_unit(units: usize) -> Chart {
    let shown = units.clamp(1, MAX_UNITS) as u32;
    let first = summary_sheet::FIRST_ROW;
    let mut chart = rate_chart(
        Chart::new_bar(),
        "各单位整改完成率",
        summary_sheet::SHEET_NAME,
        (first, first + shown - 1),
        summary_sheet::UNIT_COLUMN,
        summary_sheet::RATE_COLUMN,
    );
    // A bar chart's Y axis holds the categories: reversed, so the table's order reads top down,
    // with the value axis kept at the bottom.
    named(chart.y_axis(), "单位")
        .set_reverse()
        .set_crossing(ChartAxisCrossing::Max);
    rate_axis(chart.x_axis());
    chart.set_width(720);
    // Room for every unit's name: LibreOffice drops category labels that do not fit.
    chart.set_height((140 + 32 * shown).max(300));
    chart
}

/// The note a capped bar chart carries: which units it shows.
pub fn capped_note(units: usize) -> Option<String> {
    (units > MAX_UNITS).then(|| {
        format!("注：图中只列出表中前{MAX_UNITS}个单位（共{units}个），其余单位的完成率见上表。")
    })
}

/// Puts the bar chart of the completion rate by unit on the 各单位汇总 sheet, two rows below its
/// 合计 row (after the note when the chart leaves units out).
pub fn add_unit_chart(ws: &mut Worksheet, units: usize) -> Result<(), XlsxError> {
    let mut row = summary_sheet::FIRST_ROW + units as u32 + 2;
    if let Some(note) = capped_note(units) {
        let format = Format::new()
            .set_font_name(FONT)
            .set_font_size(11)
            .set_align(FormatAlign::Left);
        let last = summary_sheet::headers().len() as u16 - 1;
        ws.merge_range(row, 0, row, last, &note, &format)?;
        row += 2;
    }
    ws.insert_chart(row, 1, &rate_by_unit(units))?;
    Ok(())
}

/// An axis with its name in bold 11 pt and its labels in 10 pt.
fn named<'a>(axis: &'a mut ChartAxis, name: &str) -> &'a mut ChartAxis {
    axis.set_name(name)
        .set_name_font(&font(11.0, true))
        .set_font(&font(10.0, false))
}

/// The completion-rate axis: 整改完成率, from 0% to 100%.
fn rate_axis(axis: &mut ChartAxis) {
    named(axis, "整改完成率")
        .set_num_format("0%")
        .set_min(0.0)
        .set_max(1.0);
}

#[cfg(test)]
mod tests {
    use std::io::Read;

    use chrono::NaiveDate;

    use super::*;
    use crate::analysis::figures::Tally;
    use crate::analysis::rollup::UnitFigures;
    use crate::exchange::layout;
    use crate::exchange::summary_sheet::Summary;
    use crate::exchange::xlsx::{self, Paper};

    fn part(bytes: &[u8], name: &str) -> String {
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        let mut text = String::new();
        zip.by_name(name)
            .unwrap()
            .read_to_string(&mut text)
            .unwrap();
        text
    }

    /// A workbook with an empty ledger sheet and a 各单位汇总 of `units` units.
    fn workbook(units: usize) -> Vec<u8> {
        let figures = |name: &str| UnitFigures::new(name, &Tally::default(), 0, false);
        let summary = Summary {
            title: "各单位问题整改情况汇总表".into(),
            units: (1..=units)
                .map(|i| figures(&format!("第{i}单位")))
                .collect(),
            total: figures("total"),
        };
        let sheets = [layout::empty("甲局", 2024)];
        let filed = xlsx::Filed {
            by: "王科长",
            on: NaiveDate::from_ymd_opt(2026, 1, 15).unwrap(),
        };
        xlsx::write_with_summary(&sheets, None, Some(&summary), filed, Paper::A3).unwrap()
    }

    #[test]
    fn a_bar_chart_of_many_units_shows_the_first_thirty_and_says_so() {
        assert_eq!(capped_note(MAX_UNITS), None);
        let bytes = workbook(MAX_UNITS + 5);
        let chart = part(&bytes, "xl/charts/chart1.xml");
        // Units from row 3; the first 30 end at row 32.
        assert!(
            chart.contains("<c:f>各单位汇总!$B$3:$B$32</c:f>"),
            "{chart}"
        );
        assert!(
            chart.contains("<c:f>各单位汇总!$K$3:$K$32</c:f>"),
            "{chart}"
        );
        let strings = part(&bytes, "xl/sharedStrings.xml");
        assert!(strings.contains("前30个单位（共35个）"), "{strings}");
    }

    #[test]
    fn a_bar_chart_of_few_units_shows_them_all_without_a_note() {
        let bytes = workbook(3);
        let chart = part(&bytes, "xl/charts/chart1.xml");
        assert!(chart.contains("<c:f>各单位汇总!$K$3:$K$5</c:f>"), "{chart}");
        assert!(!part(&bytes, "xl/sharedStrings.xml").contains("图中只列出"));
    }
}

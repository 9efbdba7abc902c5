//! Tests of the workbook writer: line counts, the A3 fit and the 填报 line.

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

#[test]
fn on_a3_the_sixteen_columns_fit_the_width_with_text_at_ten_points_or_more() {
    let scale = a3_scale();
    assert!(scale < 1.0, "the fit shrinks a little: {scale}");
    assert!(FONT_SIZE * scale >= 10.0, "{scale}");
    // A4 prints at a fixed 91 %: 11 pt at 10 pt.
    assert!(FONT_SIZE * f64::from(A4_SCALE) / 100.0 >= 10.0);
}

#[test]
fn the_filed_line_names_unit_actor_and_day() {
    let filed = Filed {
        by: "张三",
        on: NaiveDate::from_ymd_opt(2026, 1, 15).unwrap(),
    };
    assert_eq!(
        filed.line("临江市财政局"),
        "填报单位：临江市财政局    填报人：张三    填报日期：2026年1月15日"
    );
}

#[test]
fn on_a3_a_year_sheet_with_its_unit_column_still_prints_at_ten_points() {
    let widths = Cols::new(true).widths();
    assert_eq!(widths.len(), 17);
    assert!(FONT_SIZE * a3_scale_of(&widths) >= 10.0);
}

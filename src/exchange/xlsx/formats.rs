//! The cell formats of a ledger sheet: 仿宋, wrapped, bordered, plain and overdue (red).

use rust_xlsxwriter::{Color, Format, FormatAlign, FormatBorder};

use super::{FONT, FONT_SIZE, OVERDUE};

/// The cell formats of a sheet, plain and overdue.
pub(super) struct Formats {
    pub(super) title: Format,
    pub(super) filed: Format,
    pub(super) header: Format,
    pub(super) text: Format,
    pub(super) centre: Format,
    pub(super) date: Format,
    pub(super) text_overdue: Format,
    pub(super) centre_overdue: Format,
    pub(super) date_overdue: Format,
}

impl Formats {
    pub(super) fn new() -> Formats {
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
            filed: Format::new()
                .set_font_name(FONT)
                .set_font_size(12)
                .set_align(FormatAlign::Left)
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

//! The paragraph styles of the 公文 layout, so that paragraphs name what they are (`w:pStyle`)
//! and Word's navigation pane lists the headings (`w:outlineLvl` 0 and 1).

use docx_rs::{AlignmentType, Docx, SpecialIndentType, Style, StyleType};

use super::template::Role;
use super::{
    fonts, line_spacing, CONDENSE, FIRST_LINE_INDENT, FONT_BODY, FONT_HEADING1, FONT_HEADING2,
    FONT_TITLE, SIZE_ERHAO, SIZE_SANHAO, SIZE_SIHAO,
};

/// 标题: 方正小标宋简体 二号, centred.
pub(super) const TITLE: &str = "GwTitle";
/// 一级标题: 黑体 三号, outline level 0.
pub(super) const HEADING1: &str = "GwHeading1";
/// 二级标题: 楷体_GB2312 三号, outline level 1.
pub(super) const HEADING2: &str = "GwHeading2";
/// 正文: 仿宋_GB2312 三号, first-line indent two characters.
pub(super) const BODY: &str = "GwBody";
/// 表格文字: 仿宋_GB2312 四号, centred.
pub(super) const TABLE_TEXT: &str = "GwTable";

/// Each style with the kind of line it sets, for a unit's template to stand in for.
pub(super) const ROLES: [(Role, &str); 5] = [
    (Role::Title, TITLE),
    (Role::Heading1, HEADING1),
    (Role::Heading2, HEADING2),
    (Role::Body, BODY),
    (Role::Table, TABLE_TEXT),
];

fn indented(style: Style) -> Style {
    style.align(AlignmentType::Both).indent(
        None,
        Some(SpecialIndentType::FirstLine(FIRST_LINE_INDENT)),
        None,
        None,
    )
}

/// Adds the five styles to the document.
pub(super) fn add(docx: Docx) -> Docx {
    let style = |id: &str, name: &str, font: &str, size: usize| {
        let mut style = Style::new(id, StyleType::Paragraph)
            .name(name)
            .based_on("Normal")
            .fonts(fonts(font))
            .size(size)
            .line_spacing(line_spacing());
        if size == SIZE_SANHAO {
            style.run_property = style.run_property.character_spacing(CONDENSE);
        }
        style
    };
    docx.add_style(style(TITLE, "标题", FONT_TITLE, SIZE_ERHAO).align(AlignmentType::Center))
        .add_style(indented(style(HEADING1, "一级标题", FONT_HEADING1, SIZE_SANHAO)).outline_lvl(0))
        .add_style(indented(style(HEADING2, "二级标题", FONT_HEADING2, SIZE_SANHAO)).outline_lvl(1))
        .add_style(indented(style(BODY, "正文", FONT_BODY, SIZE_SANHAO)))
        .add_style(
            Style::new(TABLE_TEXT, StyleType::Paragraph)
                .name("表格文字")
                .based_on("Normal")
                .fonts(fonts(FONT_BODY))
                .size(SIZE_SIHAO)
                .align(AlignmentType::Center),
        )
}

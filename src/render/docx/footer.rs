//! The page numbers of GB/T 9704 7.5: `— 1 —` in 四号 半角宋体, one character in from the outer
//! edge, odd pages on the right and even pages on the left (two footers; the document's settings
//! then carry `w:evenAndOddHeaders`).

use docx_rs::{AlignmentType, FieldCharType, Footer, InstrText, Paragraph, Run};

use super::{fonts, SIZE_SIHAO};

const FONT_PAGE_NUMBER: &str = "宋体";
/// One 14 pt character, in twips: the space kept from the outer edge.
const ONE_CHAR: i32 = 280;

/// Which pages a footer serves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Side {
    Odd,
    Even,
}

/// The footer for `side`: an em dash and a space, the PAGE field, a space and an em dash.
pub(super) fn page_number(side: Side) -> Footer {
    let run = || Run::new().fonts(fonts(FONT_PAGE_NUMBER)).size(SIZE_SIHAO);
    let p = Paragraph::new()
        .add_run(run().add_text("— "))
        .add_run(run().add_field_char(FieldCharType::Begin, false))
        .add_run(run().add_instr_text(InstrText::PAGE(docx_rs::InstrPAGE::new())))
        .add_run(run().add_field_char(FieldCharType::Separate, false))
        .add_run(run().add_text("1"))
        .add_run(run().add_field_char(FieldCharType::End, false))
        .add_run(run().add_text(" —"));
    let p = match side {
        Side::Odd => p
            .align(AlignmentType::Right)
            .indent(None, None, Some(ONE_CHAR), None),
        Side::Even => p
            .align(AlignmentType::Left)
            .indent(Some(ONE_CHAR), None, None, None),
    };
    Footer::new().add_paragraph(p)
}

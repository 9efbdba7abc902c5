//! Writing an already-worded section as a Word .docx in 公文 layout (after GB/T 9704-2012).
//!
//! Owns the page setup (A4, margins 37/35/28/26 mm, 28 characters × 22 lines), the look of each
//! kind of line, given as paragraph styles ([`styles`]: 标题 方正小标宋简体 二号 centred; 一级标题
//! 黑体 三号; 二级标题 楷体_GB2312 三号; 正文 仿宋_GB2312 三号; exact 28.95 pt lines; two-character
//! first-line indent), the page numbers ([`footer`]: — 1 — outside, odd right, even left), the
//! language of every run and the document properties ([`package`]), and the classification of a
//! plain-text section into those kinds. It does not word anything, number anything or read the
//! store or the clock: the text arrives finished and is written as given, the author and date
//! arrive in [`DocMeta`]. The output depends only on the input (no clock, no random ids), so the
//! same section always gives the same bytes.

mod footer;
mod package;
mod styles;
mod template;

use template::Role;
pub use template::{WordTemplate, WordTemplateFault};

use std::io::Cursor;

use anyhow::Context;
use chrono::NaiveDate;
use docx_rs::{
    AlignmentType, DocGrid, DocGridType, Docx, LineSpacing, LineSpacingType, PageMargin, Paragraph,
    Run, RunFonts, SpecialIndentType, Table, TableCell, TableRow, VAlignType, WidthType,
};

/// A4 portrait in twips (210 × 297 mm).
const A4_WIDTH: u32 = 11906;
const A4_HEIGHT: u32 = 16838;

/// The page margins of GB/T 9704: top 37 mm, bottom 35 mm, left 28 mm, right 26 mm.
const MARGIN_TOP: i32 = mm(37);
const MARGIN_BOTTOM: i32 = mm(35);
const MARGIN_LEFT: i32 = mm(28);
const MARGIN_RIGHT: i32 = mm(26);

/// The text width: 11906 − 1587 − 1474 = 8845 twips (156 mm).
const TEXT_WIDTH: i32 = A4_WIDTH as i32 - MARGIN_LEFT - MARGIN_RIGHT;

/// Fixed line spacing of 28.95 pt, in twips: 22 lines fill the text height (12756 twips / 22 =
/// 579.8, GB/T 9704's 22 lines a page), so the document grid's line pitch and the lines agree.
const LINE_EXACT: i32 = 579;

/// The condensing of every 16 pt character, in twentieths of a point: 28 characters must fill the
/// text width (GB/T 9704 7.1), 8845 / 28 = 315.9 twips = 15.795 pt a character, so each 16 pt
/// character is set 0.25 pt closer (15.75 pt: 28 fit, 29 do not). The grid itself is of lines only:
/// LibreOffice gives a character that is wider than a character cell two cells, so a
/// character grid narrower than the 16 pt glyphs (Word's way to fit 28) halves the line there.
const CONDENSE: i32 = -5;

/// 三号 (16 pt) and 二号 (22 pt) in half-points.
const SIZE_SANHAO: usize = 32;
const SIZE_ERHAO: usize = 44;
/// 四号 (14 pt) in half-points: the text of tables and the page numbers.
const SIZE_SIHAO: usize = 28;

/// Two characters of 16 pt text, in twips; [`package`] adds `w:firstLineChars` 200 beside it, so
/// Word keeps two characters when the grid narrows them.
const FIRST_LINE_INDENT: i32 = 2 * 320;

const FONT_TITLE: &str = "方正小标宋简体";
const FONT_HEADING1: &str = "黑体";
const FONT_HEADING2: &str = "楷体_GB2312";
const FONT_BODY: &str = "仿宋_GB2312";

/// Millimetres to twips (1 mm = 1440 / 25.4 twips), rounded to the nearest twip.
const fn mm(mm: i32) -> i32 {
    (mm * 14_400 + 127) / 254
}

/// Who wrote the document and as of when (written into docProps/core.xml), and the unit's own
/// template if one was given. Time is an input: `created` is the report's as-of date, never the
/// clock.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocMeta {
    pub author: String,
    pub created: NaiveDate,
    /// Page setup and paragraph styles to take instead of the 公文 defaults (`--template-docx`).
    pub template: Option<WordTemplate>,
}

/// One line of the section, already worded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// The document title: 方正小标宋简体 22 pt (二号), centred, no indent.
    Title(String),
    /// 一、… : 黑体 16 pt (三号), first-line indent two characters.
    Heading1(String),
    /// （一）… : 楷体_GB2312 16 pt, first-line indent two characters.
    Heading2(String),
    /// Body text: 仿宋_GB2312 16 pt, first-line indent two characters.
    Paragraph(String),
}

impl Block {
    /// The words of the line, as they will appear in the document.
    pub fn text(&self) -> &str {
        match self {
            Block::Title(t) | Block::Heading1(t) | Block::Heading2(t) | Block::Paragraph(t) => t,
        }
    }

    fn look(&self) -> Look {
        let (role, style, font, size) = match self {
            Block::Title(_) => (Role::Title, styles::TITLE, FONT_TITLE, SIZE_ERHAO),
            Block::Heading1(_) => (Role::Heading1, styles::HEADING1, FONT_HEADING1, SIZE_SANHAO),
            Block::Heading2(_) => (Role::Heading2, styles::HEADING2, FONT_HEADING2, SIZE_SANHAO),
            Block::Paragraph(_) => (Role::Body, styles::BODY, FONT_BODY, SIZE_SANHAO),
        };
        Look {
            role,
            style,
            font,
            size,
        }
    }
}

/// How one kind of block is set: its paragraph style, and the run's face and size repeated as
/// direct formatting for readers that ignore styles.
struct Look {
    role: Role,
    style: &'static str,
    font: &'static str,
    size: usize,
}

/// Classifies the lines of a plain-text section.
///
/// Lines are trimmed (ASCII and full-width spaces alike) and blank lines are dropped. The first
/// non-empty line is the [`Block::Title`] if `has_title`. A line starting with Chinese numerals and
/// 、 (一、 … 二十三、) is a [`Block::Heading1`]; one starting with （一） or (一) is a
/// [`Block::Heading2`], unless it belongs to a list: a run of consecutive （一）（二）… lines each
/// ending in 。 is a list of items (the problems under 二、存在问题, the plans under 三、), and
/// items are body text, whatever their length. Anything else, including 1. and （1） items and
/// 一是… sentences, is a [`Block::Paragraph`].
pub fn blocks_from_text(text: &str, has_title: bool) -> Vec<Block> {
    let mut title_pending = has_title;
    let mut blocks: Vec<Block> = text
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .map(|line| {
            let owned = line.to_string();
            if std::mem::take(&mut title_pending) {
                Block::Title(owned)
            } else if is_heading1(line) {
                Block::Heading1(owned)
            } else if is_heading2(line) {
                Block::Heading2(owned)
            } else {
                Block::Paragraph(owned)
            }
        })
        .collect();
    demote_lists(&mut blocks);
    blocks
}

/// Turns each run of consecutive level-2 candidates that all end in 。 into body text: a real
/// sub-heading (（一）思想建设方面) carries no closing 。, an item of a list does.
fn demote_lists(blocks: &mut [Block]) {
    let mut i = 0;
    while i < blocks.len() {
        let run = blocks[i..]
            .iter()
            .take_while(|b| matches!(b, Block::Heading2(_)))
            .count();
        if run == 0 {
            i += 1;
            continue;
        }
        let items = &mut blocks[i..i + run];
        if items.iter().all(|b| b.text().ends_with('。')) {
            for item in items.iter_mut() {
                *item = Block::Paragraph(item.text().to_string());
            }
        }
        i += run;
    }
}

/// The rest of `s` after a leading run of Chinese numerals, or `None` if it has none.
fn after_numerals(s: &str) -> Option<&str> {
    let rest = s.trim_start_matches(|c| "〇零一二三四五六七八九十百".contains(c));
    (rest.len() < s.len()).then_some(rest)
}

fn is_heading1(line: &str) -> bool {
    after_numerals(line).is_some_and(|rest| rest.starts_with('、'))
}

fn is_heading2(line: &str) -> bool {
    line.strip_prefix(['（', '('])
        .and_then(after_numerals)
        .is_some_and(|rest| rest.starts_with(['）', ')']))
}

/// Writes the blocks as a .docx in 公文 layout and returns the file's bytes.
///
/// A4 with margins of 37 mm (top), 35 mm (bottom), 28 mm (left) and 26 mm (right), 22 lines of
/// 28 characters; every paragraph refers to its style and has an exact 28.95 pt line;
/// the title is followed by one blank line; fonts are set for East Asian and Latin text alike, so
/// digits and Latin letters use the same face as the Chinese around them; every run is marked
/// zh-CN; pages are numbered — 1 — in the footer, outside. An empty slice gives a valid, empty
/// document.
pub fn to_docx(blocks: &[Block], meta: &DocMeta) -> anyhow::Result<Vec<u8>> {
    let parts: Vec<Part> = blocks.iter().cloned().map(Part::Block).collect();
    to_docx_parts(&parts, meta)
}

/// A block of text, or a table: rows of cells, the first row the header.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Part {
    Block(Block),
    Table(Vec<Vec<String>>),
}

/// Writes blocks and tables as [`to_docx`] writes blocks. A table spans the text width, in
/// 仿宋_GB2312 四号 with single borders, each cell centred, its header row bold.
pub fn to_docx_parts(parts: &[Part], meta: &DocMeta) -> anyhow::Result<Vec<u8>> {
    // The footer sits so that the page number's dash line falls about 7 mm below the text
    // (GB/T 9704 7.5): 35 mm − 7 mm, less half a 14 pt line.
    let margins = PageMargin::new()
        .top(MARGIN_TOP)
        .bottom(MARGIN_BOTTOM)
        .left(MARGIN_LEFT)
        .right(MARGIN_RIGHT)
        .footer(mm(25));
    let mut docx = Docx::new()
        .page_size(A4_WIDTH, A4_HEIGHT)
        .page_margin(margins)
        .default_fonts(fonts(FONT_BODY))
        .default_size(SIZE_SANHAO)
        .footer(footer::page_number(footer::Side::Odd))
        .even_footer(footer::page_number(footer::Side::Even))
        .created_at(&package::w3cdtf(meta.created))
        .updated_at(&package::w3cdtf(meta.created));
    docx = styles::add(docx);
    docx.document = docx.document.doc_grid(
        DocGrid::new()
            .grid_type(DocGridType::Lines)
            .line_pitch(LINE_EXACT as usize),
    );
    let template = meta.template.as_ref();
    let mut title = None;
    for part in parts {
        docx = match part {
            Part::Block(block @ Block::Title(text)) => {
                title.get_or_insert(text.as_str());
                docx.add_paragraph(paragraph(block, template))
                    .add_paragraph(blank_line(template))
            }
            Part::Block(block) => docx.add_paragraph(paragraph(block, template)),
            Part::Table(rows) => docx.add_table(table(rows, template)),
        };
    }
    let mut out = Cursor::new(Vec::new());
    docx.build()
        .pack(&mut out)
        .context("write the .docx package")?;
    package::finish(&out.into_inner(), meta, title.unwrap_or_default())
}

fn line_spacing() -> LineSpacing {
    LineSpacing::new()
        .line(LINE_EXACT)
        .line_rule(LineSpacingType::Exact)
}

/// A block as a paragraph: in its 公文 style, its look repeated as direct formatting; or, when
/// the unit's template has a style for its kind, in that style and nothing else.
fn paragraph(block: &Block, template: Option<&WordTemplate>) -> Paragraph {
    let look = block.look();
    if let Some(style) = template.and_then(|t| t.style_for(look.role)) {
        return Paragraph::new()
            .style(style)
            .add_run(Run::new().add_text(block.text()));
    }
    let mut run = Run::new()
        .add_text(block.text())
        .fonts(fonts(look.font))
        .size(look.size);
    if look.size == SIZE_SANHAO {
        run = run.character_spacing(CONDENSE);
    }
    let p = Paragraph::new()
        .style(look.style)
        .add_run(run)
        .line_spacing(line_spacing());
    if matches!(block, Block::Title(_)) {
        p.align(AlignmentType::Center)
    } else {
        p.align(AlignmentType::Both).indent(
            None,
            Some(SpecialIndentType::FirstLine(FIRST_LINE_INDENT)),
            None,
            None,
        )
    }
}

/// The one blank line between the title and the body (GB/T 9704 7.3.3): an empty body paragraph.
fn blank_line(template: Option<&WordTemplate>) -> Paragraph {
    paragraph(&Block::Paragraph(String::new()), template)
}

fn table(rows: &[Vec<String>], template: Option<&WordTemplate>) -> Table {
    let theirs = template.and_then(|t| t.style_for(Role::Table));
    let row = |(i, cells): (usize, &Vec<String>)| {
        TableRow::new(
            cells
                .iter()
                .map(|text| {
                    let mut run = Run::new().add_text(text);
                    if theirs.is_none() {
                        run = run.fonts(fonts(FONT_BODY)).size(SIZE_SIHAO);
                    }
                    if i == 0 {
                        run = run.bold();
                    }
                    let p = Paragraph::new()
                        .style(theirs.unwrap_or(styles::TABLE_TEXT))
                        .add_run(run)
                        .align(AlignmentType::Center);
                    TableCell::new()
                        .vertical_align(VAlignType::Center)
                        .add_paragraph(p)
                })
                .collect(),
        )
    };
    // The text width shared out: the first column (names) a quarter, the rest evenly.
    let columns = rows.iter().map(Vec::len).max().unwrap_or(1).max(1);
    let text_width = TEXT_WIDTH as usize;
    let first = if columns > 1 {
        text_width / 4
    } else {
        text_width
    };
    let rest = (text_width - first) / (columns - 1).max(1);
    let grid: Vec<usize> = std::iter::once(first)
        .chain(std::iter::repeat_n(rest, columns - 1))
        .collect();
    Table::new(rows.iter().enumerate().map(row).collect())
        .set_grid(grid)
        .width(text_width, WidthType::Dxa)
}

/// The same face for every script, with the East Asian hint so that ambiguous characters
/// (quotation marks, ……) take the Chinese font too.
fn fonts(name: &str) -> RunFonts {
    RunFonts::new()
        .east_asia(name)
        .ascii(name)
        .hi_ansi(name)
        .cs(name)
        .hint("eastAsia")
}

#[cfg(test)]
mod tests;

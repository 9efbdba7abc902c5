//! Writing an already-worded section as a Word .docx in 公文 layout (after GB/T 9704-2012).
//!
//! Owns the page setup (A4, margins 37/35/28/26 mm), the look of each kind of line (title
//! 方正小标宋简体 二号 centred; 一、 headings 黑体 三号; （一） headings 楷体_GB2312 三号; body
//! 仿宋_GB2312 三号; fixed 28 pt lines; two-character first-line indent) and the classification of
//! a plain-text section into those kinds. It does not word anything, number anything or read the
//! store: the text arrives finished and is written as given. The output depends only on the input
//! (no clock, no random ids), so the same section always gives the same bytes.

use std::io::Cursor;

use anyhow::Context;
use docx_rs::{
    AlignmentType, Docx, LineSpacing, LineSpacingType, PageMargin, Paragraph, Run, RunFonts,
    SpecialIndentType, Table, TableCell, TableRow, VAlignType, WidthType,
};

/// A4 portrait in twips (210 × 297 mm).
const A4_WIDTH: u32 = 11906;
const A4_HEIGHT: u32 = 16838;

/// Fixed line spacing of 28 pt, in twips.
const LINE_EXACT: i32 = 560;

/// 三号 (16 pt) and 二号 (22 pt) in half-points.
const SIZE_SANHAO: usize = 32;
const SIZE_ERHAO: usize = 44;
/// 四号 (14 pt) in half-points: the text of tables.
const SIZE_SIHAO: usize = 28;

/// Two characters of 16 pt text, in twips. docx-rs 0.4.22 does not write `w:firstLineChars`
/// (it only reads it), so the indent is given in twips; it equals two characters at body size.
const FIRST_LINE_INDENT: i32 = 2 * 320;

const FONT_TITLE: &str = "方正小标宋简体";
const FONT_HEADING1: &str = "黑体";
const FONT_HEADING2: &str = "楷体_GB2312";
const FONT_BODY: &str = "仿宋_GB2312";

/// Millimetres to twips (1 mm = 1440 / 25.4 twips), rounded to the nearest twip.
const fn mm(mm: i32) -> i32 {
    (mm * 14_400 + 127) / 254
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
        let (font, size, title) = match self {
            Block::Title(_) => (FONT_TITLE, SIZE_ERHAO, true),
            Block::Heading1(_) => (FONT_HEADING1, SIZE_SANHAO, false),
            Block::Heading2(_) => (FONT_HEADING2, SIZE_SANHAO, false),
            Block::Paragraph(_) => (FONT_BODY, SIZE_SANHAO, false),
        };
        Look { font, size, title }
    }
}

/// How one kind of block is set.
struct Look {
    font: &'static str,
    size: usize,
    /// Centred and not indented; everything else is justified with a first-line indent.
    title: bool,
}

/// Classifies the lines of a plain-text section.
///
/// Lines are trimmed (ASCII and full-width spaces alike) and blank lines are dropped. The first
/// non-empty line is the [`Block::Title`] if `has_title`. A line starting with Chinese numerals and
/// 、 (一、 … 二十三、) is a [`Block::Heading1`]; one starting with （一） or (一) is a
/// [`Block::Heading2`]; anything else, including 1. and （1） items and 一是… sentences, is a
/// [`Block::Paragraph`].
pub fn blocks_from_text(text: &str, has_title: bool) -> Vec<Block> {
    let mut title_pending = has_title;
    text.lines()
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
        .collect()
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
/// A4 with margins of 37 mm (top), 35 mm (bottom), 28 mm (left) and 26 mm (right); every
/// paragraph has an exact 28 pt line; fonts are set for East Asian and Latin text alike, so digits
/// and Latin letters use the same face as the Chinese around them. An empty slice gives a valid,
/// empty document.
pub fn to_docx(blocks: &[Block]) -> anyhow::Result<Vec<u8>> {
    let parts: Vec<Part> = blocks.iter().cloned().map(Part::Block).collect();
    to_docx_parts(&parts)
}

/// A block of text, or a table: rows of cells, the first row the header.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Part {
    Block(Block),
    Table(Vec<Vec<String>>),
}

/// Writes blocks and tables as [`to_docx`] writes blocks. A table spans the text width, in
/// 仿宋_GB2312 四号 with single borders, each cell centred, its header row bold.
pub fn to_docx_parts(parts: &[Part]) -> anyhow::Result<Vec<u8>> {
    let margins = PageMargin::new()
        .top(mm(37))
        .bottom(mm(35))
        .left(mm(28))
        .right(mm(26));
    let docx = parts.iter().fold(
        Docx::new()
            .page_size(A4_WIDTH, A4_HEIGHT)
            .page_margin(margins)
            .default_fonts(fonts(FONT_BODY))
            .default_size(SIZE_SANHAO),
        |docx, part| match part {
            Part::Block(block) => docx.add_paragraph(paragraph(block)),
            Part::Table(rows) => docx.add_table(table(rows)),
        },
    );
    let mut out = Cursor::new(Vec::new());
    docx.build()
        .pack(&mut out)
        .context("write the .docx package")?;
    Ok(out.into_inner())
}

fn paragraph(block: &Block) -> Paragraph {
    let look = block.look();
    let run = Run::new()
        .add_text(block.text())
        .fonts(fonts(look.font))
        .size(look.size);
    let spacing = LineSpacing::new()
        .line(LINE_EXACT)
        .line_rule(LineSpacingType::Exact);
    let p = Paragraph::new().add_run(run).line_spacing(spacing);
    if look.title {
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

fn table(rows: &[Vec<String>]) -> Table {
    let row = |(i, cells): (usize, &Vec<String>)| {
        TableRow::new(
            cells
                .iter()
                .map(|text| {
                    let mut run = Run::new()
                        .add_text(text)
                        .fonts(fonts(FONT_BODY))
                        .size(SIZE_SIHAO);
                    if i == 0 {
                        run = run.bold();
                    }
                    TableCell::new()
                        .vertical_align(VAlignType::Center)
                        .add_paragraph(Paragraph::new().add_run(run).align(AlignmentType::Center))
                })
                .collect(),
        )
    };
    // The text width shared out: the first column (names) a quarter, the rest evenly.
    let columns = rows.iter().map(Vec::len).max().unwrap_or(1).max(1);
    let text_width = (A4_WIDTH as i32 - mm(28) - mm(26)) as usize;
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

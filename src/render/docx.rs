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
    SpecialIndentType,
};

/// A4 portrait in twips (210 × 297 mm).
const A4_WIDTH: u32 = 11906;
const A4_HEIGHT: u32 = 16838;

/// Fixed line spacing of 28 pt, in twips.
const LINE_EXACT: i32 = 560;

/// 三号 (16 pt) and 二号 (22 pt) in half-points.
const SIZE_SANHAO: usize = 32;
const SIZE_ERHAO: usize = 44;

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
    let margins = PageMargin::new()
        .top(mm(37))
        .bottom(mm(35))
        .left(mm(28))
        .right(mm(26));
    let docx = blocks.iter().fold(
        Docx::new()
            .page_size(A4_WIDTH, A4_HEIGHT)
            .page_margin(margins)
            .default_fonts(fonts(FONT_BODY))
            .default_size(SIZE_SANHAO),
        |docx, block| docx.add_paragraph(paragraph(block)),
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
mod tests {
    use super::*;
    use quick_xml::events::{BytesStart, Event};
    use quick_xml::Reader;
    use std::collections::HashMap;
    use std::io::Read;

    type Attrs = HashMap<String, String>;

    #[derive(Debug, Default)]
    struct RunXml {
        fonts: Attrs,
        size: Option<String>,
    }

    #[derive(Debug, Default)]
    struct ParaXml {
        text: String,
        jc: Option<String>,
        spacing: Attrs,
        ind: Attrs,
        runs: Vec<RunXml>,
    }

    #[derive(Debug, Default)]
    struct DocXml {
        paras: Vec<ParaXml>,
        page_size: Attrs,
        page_margin: Attrs,
    }

    fn attrs(e: &BytesStart) -> Attrs {
        e.attributes()
            .map(|a| {
                let a = a.expect("well-formed attribute");
                let key = String::from_utf8(a.key.as_ref().to_vec()).unwrap();
                (key, String::from_utf8(a.value.to_vec()).unwrap())
            })
            .collect()
    }

    /// Reads the paragraphs, their runs and the section's page setup back out of document.xml.
    fn parse(xml: &str) -> DocXml {
        let mut doc = DocXml::default();
        let mut reader = Reader::from_str(xml);
        let mut stack: Vec<String> = Vec::new();
        loop {
            let event = reader.read_event().expect("well-formed document.xml");
            let (e, is_start) = match &event {
                Event::Start(e) => (e, true),
                Event::Empty(e) => (e, false),
                Event::End(_) => {
                    stack.pop();
                    continue;
                }
                Event::Text(t) if stack.last().is_some_and(|n| n == "w:t") => {
                    let text = t.decode().unwrap();
                    doc.paras.last_mut().unwrap().text.push_str(&text);
                    continue;
                }
                Event::Eof => break,
                _ => continue,
            };
            let name = String::from_utf8(e.name().as_ref().to_vec()).unwrap();
            let parent = stack.last().map(String::as_str);
            let grandparent = stack.len().checked_sub(2).map(|i| stack[i].as_str());
            let para = doc.paras.last_mut();
            match (name.as_str(), parent, grandparent) {
                ("w:p", _, _) => doc.paras.push(ParaXml::default()),
                ("w:r", Some("w:p"), _) => para.unwrap().runs.push(RunXml::default()),
                ("w:jc", Some("w:pPr"), _) => para.unwrap().jc = attrs(e).remove("w:val"),
                ("w:spacing", Some("w:pPr"), _) => para.unwrap().spacing = attrs(e),
                ("w:ind", Some("w:pPr"), _) => para.unwrap().ind = attrs(e),
                ("w:rFonts", Some("w:rPr"), Some("w:r")) => {
                    para.unwrap().runs.last_mut().unwrap().fonts = attrs(e)
                }
                ("w:sz", Some("w:rPr"), Some("w:r")) => {
                    para.unwrap().runs.last_mut().unwrap().size = attrs(e).remove("w:val")
                }
                ("w:pgSz", Some("w:sectPr"), _) => doc.page_size = attrs(e),
                ("w:pgMar", Some("w:sectPr"), _) => doc.page_margin = attrs(e),
                _ => {}
            }
            if is_start {
                stack.push(name);
            }
        }
        doc
    }

    fn part(bytes: &[u8], name: &str) -> String {
        let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).expect("a zip archive");
        let mut file = archive.by_name(name).expect("part present");
        let mut text = String::new();
        file.read_to_string(&mut text).unwrap();
        text
    }

    fn sample() -> Vec<Block> {
        blocks_from_text(
            "关于2024年度巡察整改工作的总结\n\
             \n\
             一、上年问题整改落实情况\n\
             （一）理论学习方面\n\
             查摆问题3个，制定整改措施5条，已完成4条，正在整改1条，整改完成率80%。\n\
             1.加强学习。已组织专题学习12次。\n\
             二、下一步打算\n\
             “一岗双责”落实到位，长期坚持。\n",
            true,
        )
    }

    fn sample_xml() -> DocXml {
        parse(&part(&to_docx(&sample()).unwrap(), "word/document.xml"))
    }

    fn attr<'a>(attrs: &'a Attrs, key: &str) -> Option<&'a str> {
        attrs.get(key).map(String::as_str)
    }

    #[test]
    fn the_sample_classifies_into_title_headings_and_paragraphs() {
        let kinds: Vec<_> = sample()
            .iter()
            .map(|b| match b {
                Block::Title(_) => "title",
                Block::Heading1(_) => "h1",
                Block::Heading2(_) => "h2",
                Block::Paragraph(_) => "p",
            })
            .collect();
        assert_eq!(kinds, ["title", "h1", "h2", "p", "p", "h1", "p"]);
    }

    #[test]
    fn every_block_text_appears_in_order_one_paragraph_each() {
        let doc = sample_xml();
        let texts: Vec<_> = doc.paras.iter().map(|p| p.text.as_str()).collect();
        let expected: Vec<_> = sample()
            .iter()
            .map(Block::text)
            .map(str::to_owned)
            .collect();
        assert_eq!(texts, expected);
    }

    #[test]
    fn each_kind_of_block_gets_its_font_and_size() {
        let doc = sample_xml();
        for (block, para) in sample().iter().zip(&doc.paras) {
            let (font, size) = match block {
                Block::Title(_) => ("方正小标宋简体", "44"),
                Block::Heading1(_) => ("黑体", "32"),
                Block::Heading2(_) => ("楷体_GB2312", "32"),
                Block::Paragraph(_) => ("仿宋_GB2312", "32"),
            };
            assert!(!para.runs.is_empty(), "{}", para.text);
            for run in &para.runs {
                for key in ["w:eastAsia", "w:ascii", "w:hAnsi"] {
                    assert_eq!(attr(&run.fonts, key), Some(font), "{key} of {}", para.text);
                }
                assert_eq!(run.size.as_deref(), Some(size), "{}", para.text);
            }
        }
    }

    #[test]
    fn the_title_is_centred_without_indent_and_the_rest_indented() {
        let doc = sample_xml();
        let (title, rest) = doc.paras.split_first().unwrap();
        assert_eq!(title.jc.as_deref(), Some("center"));
        assert!(attr(&title.ind, "w:firstLine").is_none());
        for para in rest {
            assert_eq!(attr(&para.ind, "w:firstLine"), Some("640"), "{}", para.text);
            assert_ne!(para.jc.as_deref(), Some("center"), "{}", para.text);
        }
    }

    #[test]
    fn every_paragraph_has_an_exact_28_point_line() {
        for para in sample_xml().paras {
            assert_eq!(attr(&para.spacing, "w:line"), Some("560"), "{}", para.text);
            assert_eq!(
                attr(&para.spacing, "w:lineRule"),
                Some("exact"),
                "{}",
                para.text
            );
        }
    }

    #[test]
    fn the_page_is_a4_with_official_margins() {
        let doc = sample_xml();
        assert_eq!(attr(&doc.page_size, "w:w"), Some("11906"));
        assert_eq!(attr(&doc.page_size, "w:h"), Some("16838"));
        assert_eq!(attr(&doc.page_margin, "w:top"), Some("2098"));
        assert_eq!(attr(&doc.page_margin, "w:bottom"), Some("1984"));
        assert_eq!(attr(&doc.page_margin, "w:left"), Some("1587"));
        assert_eq!(attr(&doc.page_margin, "w:right"), Some("1474"));
    }

    #[test]
    fn millimetres_round_to_the_nearest_twip() {
        assert_eq!(mm(37), 2098); // 2097.6
        assert_eq!(mm(35), 1984); // 1984.3
        assert_eq!(mm(28), 1587); // 1587.4
        assert_eq!(mm(26), 1474); // 1474.0
    }

    #[test]
    fn the_file_is_a_zip_with_content_types_and_a_main_document() {
        let bytes = to_docx(&sample()).unwrap();
        assert!(bytes.starts_with(b"PK\x03\x04"));
        let types = part(&bytes, "[Content_Types].xml");
        assert!(
            types.contains("wordprocessingml.document.main+xml"),
            "{types}"
        );
        assert!(part(&bytes, "word/document.xml").contains("<w:body>"));
    }

    #[test]
    fn the_same_blocks_give_the_same_bytes() {
        assert_eq!(to_docx(&sample()).unwrap(), to_docx(&sample()).unwrap());
    }

    #[test]
    fn no_blocks_give_a_valid_empty_document() {
        let doc = parse(&part(&to_docx(&[]).unwrap(), "word/document.xml"));
        assert!(doc.paras.is_empty());
        assert_eq!(attr(&doc.page_size, "w:w"), Some("11906"));
    }

    #[test]
    fn chinese_numerals_with_a_dunhao_make_a_level_one_heading() {
        let blocks = blocks_from_text("一、总体情况\n十、其他\n二十三、附则", false);
        assert!(blocks.iter().all(|b| matches!(b, Block::Heading1(_))));
    }

    #[test]
    fn parenthesised_numerals_make_a_level_two_heading_in_either_width() {
        let blocks = blocks_from_text("（十二）作风建设\n(一)学习教育\n（三)混排", false);
        assert!(
            blocks.iter().all(|b| matches!(b, Block::Heading2(_))),
            "{blocks:?}"
        );
    }

    #[test]
    fn arabic_items_and_yishi_sentences_stay_paragraphs() {
        for line in [
            "1.加强学习",
            "（1）加强学习",
            "一是加强学习",
            "十分重要、必须落实",
        ] {
            assert_eq!(
                blocks_from_text(line, false),
                [Block::Paragraph(line.into())],
                "{line}"
            );
        }
    }

    #[test]
    fn blank_lines_are_dropped_and_lines_trimmed() {
        let blocks = blocks_from_text("\n  标题  \n\n\u{3000}\u{3000}正文一段。\n\n", true);
        assert_eq!(
            blocks,
            [
                Block::Title("标题".into()),
                Block::Paragraph("正文一段。".into())
            ]
        );
    }

    #[test]
    fn without_a_title_the_first_line_is_classified_like_any_other() {
        let blocks = blocks_from_text("一、情况\n正文", false);
        assert_eq!(
            blocks,
            [
                Block::Heading1("一、情况".into()),
                Block::Paragraph("正文".into())
            ]
        );
    }
}

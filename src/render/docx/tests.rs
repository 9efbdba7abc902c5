//! Tests of `docx`; those of the GB/T 9704 page furniture are in `tests/gbt9704.rs`.

mod gbt9704;
mod template;

use super::*;
use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;
use std::collections::HashMap;
use std::io::Read;

pub(super) type Attrs = HashMap<String, String>;

#[derive(Debug, Default)]
pub(super) struct RunXml {
    pub(super) fonts: Attrs,
    pub(super) size: Option<String>,
}

#[derive(Debug, Default)]
pub(super) struct ParaXml {
    pub(super) text: String,
    pub(super) jc: Option<String>,
    pub(super) spacing: Attrs,
    pub(super) ind: Attrs,
    pub(super) runs: Vec<RunXml>,
}

#[derive(Debug, Default)]
pub(super) struct DocXml {
    pub(super) paras: Vec<ParaXml>,
    pub(super) page_size: Attrs,
    pub(super) page_margin: Attrs,
}

pub(super) fn attrs(e: &BytesStart) -> Attrs {
    e.attributes()
        .map(|a| {
            let a = a.expect("well-formed attribute");
            let key = String::from_utf8(a.key.as_ref().to_vec()).unwrap();
            (key, String::from_utf8(a.value.to_vec()).unwrap())
        })
        .collect()
}

/// Reads the paragraphs, their runs and the section's page setup back out of document.xml.
pub(super) fn parse(xml: &str) -> DocXml {
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

pub(super) fn part(bytes: &[u8], name: &str) -> String {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).expect("a zip archive");
    let mut file = archive.by_name(name).expect("part present");
    let mut text = String::new();
    file.read_to_string(&mut text).unwrap();
    text
}

pub(super) fn meta() -> DocMeta {
    DocMeta {
        author: "王科长".into(),
        created: NaiveDate::from_ymd_opt(2025, 12, 31).unwrap(),
        template: None,
    }
}

pub(super) fn sample() -> Vec<Block> {
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
    parse(&part(
        &to_docx(&sample(), &meta()).unwrap(),
        "word/document.xml",
    ))
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
    let mut expected: Vec<_> = sample()
        .iter()
        .map(Block::text)
        .map(str::to_owned)
        .collect();
    // The blank line after the title.
    expected.insert(1, String::new());
    assert_eq!(texts, expected);
}

#[test]
fn each_kind_of_block_gets_its_font_and_size() {
    let mut doc = sample_xml();
    doc.paras.remove(1); // the blank line after the title
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
fn every_paragraph_has_an_exact_28_95_point_line() {
    for para in sample_xml().paras {
        assert_eq!(attr(&para.spacing, "w:line"), Some("579"), "{}", para.text);
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
    let bytes = to_docx(&sample(), &meta()).unwrap();
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
    assert_eq!(
        to_docx(&sample(), &meta()).unwrap(),
        to_docx(&sample(), &meta()).unwrap()
    );
}

#[test]
fn no_blocks_give_a_valid_empty_document() {
    let doc = parse(&part(&to_docx(&[], &meta()).unwrap(), "word/document.xml"));
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

#[test]
fn a_table_part_becomes_a_word_table_across_the_text_width_between_its_paragraphs() {
    let parts = vec![
        Part::Block(Block::Title("汇总".into())),
        Part::Table(vec![
            vec!["单位".into(), "查摆问题".into()],
            vec!["甲局".into(), "2".into()],
        ]),
        Part::Block(Block::Paragraph("表后文字".into())),
    ];
    let xml = part(
        &to_docx_parts(&parts, &meta()).unwrap(),
        "word/document.xml",
    );
    let table = &xml[xml.find("<w:tbl>").unwrap()..xml.find("</w:tbl>").unwrap()];
    assert_eq!(table.matches("<w:tr>").count(), 2);
    assert_eq!(table.matches("<w:gridCol ").count(), 2);
    assert!(table.contains(">甲局<"), "{table}");
    assert!(
        table.contains("<w:b />") || table.contains("<w:b/>"),
        "a bold header: {table}"
    );
    assert!(xml.find("汇总").unwrap() < xml.find("<w:tbl>").unwrap());
    assert!(xml.find("表后文字").unwrap() > xml.find("</w:tbl>").unwrap());
    // Blocks alone give the same document as before.
    let blocks = sample();
    let as_parts: Vec<Part> = blocks.iter().cloned().map(Part::Block).collect();
    assert_eq!(
        to_docx(&blocks, &meta()).unwrap(),
        to_docx_parts(&as_parts, &meta()).unwrap()
    );
}

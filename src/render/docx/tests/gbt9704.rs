//! The page furniture of GB/T 9704 read back out of the package: page numbers, language, styles,
//! grid, the blank line after the title and the document properties.

use super::{attrs, meta, part, sample, Attrs};
use crate::render::docx::*;
use quick_xml::events::Event;
use quick_xml::Reader;

fn sample_bytes() -> Vec<u8> {
    to_docx(&sample(), &meta()).unwrap()
}

fn has_part(bytes: &[u8], name: &str) -> bool {
    let archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let found = archive.file_names().any(|n| n == name);
    found
}

/// Every start or empty element named `name` in `xml`, with its attributes.
fn elements(xml: &str, name: &str) -> Vec<Attrs> {
    let mut reader = Reader::from_str(xml);
    let mut found = Vec::new();
    loop {
        match reader.read_event().expect("well-formed XML") {
            Event::Start(e) | Event::Empty(e) if e.name().as_ref() == name.as_bytes() => {
                found.push(attrs(&e))
            }
            Event::Eof => break,
            _ => {}
        }
    }
    found
}

/// The text of the `w:style` with `id`, from its start tag to its end tag.
fn style<'a>(styles: &'a str, id: &str) -> &'a str {
    let start = styles
        .find(&format!(r#"w:styleId="{id}""#))
        .unwrap_or_else(|| panic!("style {id} defined"));
    let end = start + styles[start..].find("</w:style>").unwrap();
    &styles[start..end]
}

/// For each `w:r` in `xml`: whether its `w:rPr` holds `w:lang` zh-CN for both scripts.
fn runs_marked_zh_cn(xml: &str) -> Vec<bool> {
    let mut reader = Reader::from_str(xml);
    let mut stack: Vec<Vec<u8>> = Vec::new();
    let mut runs = Vec::new();
    loop {
        let event = reader.read_event().expect("well-formed XML");
        let (e, is_start) = match &event {
            Event::Start(e) => (e, true),
            Event::Empty(e) => (e, false),
            Event::End(_) => {
                stack.pop();
                continue;
            }
            Event::Eof => break,
            _ => continue,
        };
        let name = e.name().as_ref().to_vec();
        if name == b"w:r" {
            runs.push(false);
        }
        let in_run = stack.len() >= 2 && stack[stack.len() - 2] == b"w:r";
        if name == b"w:lang" && in_run && stack.last().is_some_and(|n| n == b"w:rPr") {
            let a = attrs(e);
            let ok = a.get("w:val").map(String::as_str) == Some("zh-CN")
                && a.get("w:eastAsia").map(String::as_str) == Some("zh-CN");
            *runs.last_mut().unwrap() = ok;
        }
        if is_start {
            stack.push(name);
        }
    }
    runs
}

#[test]
fn both_footers_hold_a_page_field_between_em_dashes_in_sihao_songti() {
    let bytes = sample_bytes();
    let mut sides = Vec::new();
    for name in ["word/footer1.xml", "word/footer2.xml"] {
        let xml = part(&bytes, name);
        assert!(xml.contains(">— <"), "{name}: {xml}");
        assert!(xml.contains("> —<"), "{name}: {xml}");
        assert!(xml.contains("PAGE"), "{name}: {xml}");
        let chars: Vec<_> = elements(&xml, "w:fldChar")
            .into_iter()
            .filter_map(|a| a.get("w:fldCharType").cloned())
            .collect();
        assert_eq!(chars, ["begin", "separate", "end"], "{name}");
        // The dash comes before the field, the closing dash after it.
        assert!(xml.find(">— <").unwrap() < xml.find("PAGE").unwrap());
        assert!(xml.find("> —<").unwrap() > xml.find("PAGE").unwrap());
        for size in elements(&xml, "w:sz") {
            assert_eq!(size.get("w:val").map(String::as_str), Some("28"), "{name}");
        }
        for font in elements(&xml, "w:rFonts") {
            assert_eq!(font.get("w:eastAsia").map(String::as_str), Some("宋体"));
            assert_eq!(font.get("w:ascii").map(String::as_str), Some("宋体"));
        }
        let jc = elements(&xml, "w:jc");
        sides.push(jc[0].get("w:val").cloned().unwrap());
    }
    assert_eq!(sides, ["right", "left"], "odd pages right, even pages left");
}

#[test]
fn the_section_refers_to_an_odd_and_an_even_footer_and_settings_separate_them() {
    let bytes = sample_bytes();
    let doc = part(&bytes, "word/document.xml");
    let refs: Vec<_> = elements(&doc, "w:footerReference");
    let types: Vec<_> = refs
        .iter()
        .filter_map(|a| a.get("w:type").cloned())
        .collect();
    assert!(types.contains(&"default".to_string()), "{refs:?}");
    assert!(types.contains(&"even".to_string()), "{refs:?}");
    let rels = part(&bytes, "word/_rels/document.xml.rels");
    for r in &refs {
        let id = &r["r:id"];
        assert!(rels.contains(&format!(r#"Id="{id}""#)), "{id} in {rels}");
    }
    assert!(
        rels.contains("footer1.xml") && rels.contains("footer2.xml"),
        "{rels}"
    );
    let types = part(&bytes, "[Content_Types].xml");
    assert!(types.contains("footer+xml"), "{types}");
    assert!(part(&bytes, "word/settings.xml").contains("w:evenAndOddHeaders"));
}

#[test]
fn every_run_of_the_body_and_the_footers_is_marked_zh_cn() {
    let bytes = sample_bytes();
    for name in ["word/document.xml", "word/footer1.xml", "word/footer2.xml"] {
        let runs = runs_marked_zh_cn(&part(&bytes, name));
        assert!(!runs.is_empty(), "{name}");
        assert!(runs.iter().all(|&ok| ok), "{name}: {runs:?}");
    }
}

#[test]
fn the_styles_default_language_is_zh_cn() {
    let styles = part(&sample_bytes(), "word/styles.xml");
    let defaults =
        &styles[styles.find("<w:docDefaults>").unwrap()..styles.find("</w:docDefaults>").unwrap()];
    assert!(
        defaults.contains(r#"<w:lang w:val="zh-CN" w:eastAsia="zh-CN""#),
        "{defaults}"
    );
}

#[test]
fn styles_define_title_two_headings_and_body_with_fonts_sizes_and_outline_levels() {
    let styles = part(&sample_bytes(), "word/styles.xml");
    // (id, name, font, size, outline level)
    for (id, name, font, size, outline) in [
        ("GwTitle", "标题", "方正小标宋简体", "44", None),
        ("GwHeading1", "一级标题", "黑体", "32", Some("0")),
        ("GwHeading2", "二级标题", "楷体_GB2312", "32", Some("1")),
        ("GwBody", "正文", "仿宋_GB2312", "32", None),
    ] {
        let s = style(&styles, id);
        assert!(s.contains(&format!(r#"<w:name w:val="{name}""#)), "{s}");
        assert!(s.contains(&format!(r#"w:eastAsia="{font}""#)), "{s}");
        assert!(s.contains(&format!(r#"<w:sz w:val="{size}""#)), "{s}");
        match outline {
            Some(level) => {
                assert!(
                    s.contains(&format!(r#"<w:outlineLvl w:val="{level}""#)),
                    "{s}"
                )
            }
            None => assert!(!s.contains("w:outlineLvl"), "{s}"),
        }
        assert!(
            s.contains(r#"w:line="579""#) && s.contains(r#"w:lineRule="exact""#),
            "{s}"
        );
    }
    assert!(style(&styles, "GwTitle").contains(r#"<w:jc w:val="center""#));
    let body = style(&styles, "GwBody");
    assert!(body.contains(r#"w:firstLineChars="200""#), "{body}");
}

#[test]
fn every_paragraph_of_the_body_names_its_style() {
    let doc = part(&sample_bytes(), "word/document.xml");
    let paragraphs = elements(&doc, "w:p").len();
    let styles: Vec<_> = elements(&doc, "w:pStyle")
        .into_iter()
        .map(|a| a["w:val"].clone())
        .collect();
    assert_eq!(styles.len(), paragraphs);
    // title, blank line, 一、, （一）, two body lines, 二、, body
    assert_eq!(
        styles,
        [
            "GwTitle",
            "GwBody",
            "GwHeading1",
            "GwHeading2",
            "GwBody",
            "GwBody",
            "GwHeading1",
            "GwBody"
        ]
    );
}

#[test]
fn the_section_is_a4_with_official_margins_22_lines_and_28_characters_a_line() {
    let doc = part(&sample_bytes(), "word/document.xml");
    let size = &elements(&doc, "w:pgSz")[0];
    assert_eq!(
        (size["w:w"].as_str(), size["w:h"].as_str()),
        ("11906", "16838")
    );
    let margins = &elements(&doc, "w:pgMar")[0];
    for (side, twips) in [
        ("w:top", 2098),
        ("w:bottom", 1984),
        ("w:left", 1587),
        ("w:right", 1474),
    ] {
        assert_eq!(margins[side], twips.to_string(), "{side}");
    }
    let grid = &elements(&doc, "w:docGrid")[0];
    assert_eq!(grid["w:type"], "lines");
    assert_eq!(grid["w:linePitch"], "579");
    // 28 characters of 16 pt, each condensed by w:spacing twentieths of a point, fit the text
    // width of 11906 − 1587 − 1474 twips, and a 29th would not. The body style and every 16 pt
    // run say the same condensing.
    let spacings: Vec<f64> = elements(&doc, "w:spacing")
        .into_iter()
        .filter_map(|a| a.get("w:val").map(|v| v.parse().unwrap()))
        .collect();
    assert!(!spacings.is_empty());
    assert!(spacings.windows(2).all(|w| w[0] == w[1]), "{spacings:?}");
    let styles = part(&sample_bytes(), "word/styles.xml");
    assert!(style(&styles, "GwBody").contains(&format!(r#"<w:spacing w:val="{}" />"#, spacings[0])));
    let pitch_twips = 16.0 * 20.0 + spacings[0];
    let width = f64::from(11906 - 1587 - 1474);
    assert!(
        28.0 * pitch_twips <= width && 29.0 * pitch_twips > width,
        "{pitch_twips}"
    );
    // 22 lines of 579 twips fit the text height.
    let height = 16838 - 2098 - 1984;
    assert!((22 * 579..23 * 579).contains(&height));
}

#[test]
fn the_title_is_followed_by_one_blank_line_then_the_body() {
    let doc = super::parse(&part(&sample_bytes(), "word/document.xml"));
    let texts: Vec<_> = doc.paras.iter().take(3).map(|p| p.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "关于2024年度巡察整改工作的总结",
            "",
            "一、上年问题整改落实情况"
        ]
    );
}

#[test]
fn the_properties_name_the_author_and_the_as_of_date_never_1970_or_unknown() {
    let core = part(&sample_bytes(), "docProps/core.xml");
    assert!(core.contains("<dc:creator>王科长</dc:creator>"), "{core}");
    assert!(
        core.contains("<cp:lastModifiedBy>王科长</cp:lastModifiedBy>"),
        "{core}"
    );
    assert!(
        core.contains("<dc:title>关于2024年度巡察整改工作的总结</dc:title>"),
        "{core}"
    );
    for tag in ["dcterms:created", "dcterms:modified"] {
        let open = core.find(&format!("<{tag} ")).unwrap();
        let value = &core[open..core[open..].find("</").unwrap() + open];
        assert!(value.ends_with(">2025-12-31T00:00:00Z"), "{value}");
    }
    assert!(
        !core.contains("1970") && !core.contains("unknown"),
        "{core}"
    );
}

#[test]
fn an_author_with_markup_characters_is_escaped_in_the_properties() {
    let meta = DocMeta {
        author: "A&B <科>".into(),
        ..meta()
    };
    let core = part(&to_docx(&sample(), &meta).unwrap(), "docProps/core.xml");
    assert!(
        core.contains("<dc:creator>A&amp;B &lt;科&gt;</dc:creator>"),
        "{core}"
    );
}

#[test]
fn a_run_of_parenthesised_lines_each_ending_in_a_full_stop_is_a_list_of_body_items() {
    let blocks = blocks_from_text(
        "二、存在问题\n\
         （一）部分干部主动学习意识不强（2024年度曾查摆此类问题）。\n\
         （二）财政资金直达监控预警核查不够及时。\n\
         （三）短。\n\
         其中1个问题与往年问题相似。",
        false,
    );
    assert!(matches!(blocks[0], Block::Heading1(_)));
    assert!(
        blocks[1..].iter().all(|b| matches!(b, Block::Paragraph(_))),
        "{blocks:?}"
    );
}

#[test]
fn a_parenthesised_sub_heading_without_a_full_stop_stays_a_heading() {
    let blocks = blocks_from_text(
        "一、总体情况\n（一）思想建设方面\n正文。\n（二）作风建设方面\n正文。",
        false,
    );
    let kinds: Vec<_> = blocks
        .iter()
        .map(|b| matches!(b, Block::Heading2(_)))
        .collect();
    assert_eq!(kinds, [false, true, false, true, false]);
}

#[test]
fn a_run_mixing_headings_and_items_is_left_to_the_line_rules() {
    let blocks = blocks_from_text("（一）思想建设方面\n（二）一个问题。", false);
    assert!(
        blocks.iter().all(|b| matches!(b, Block::Heading2(_))),
        "{blocks:?}"
    );
}

#[test]
fn a_document_without_a_title_has_no_blank_line_and_an_empty_title_property() {
    let bytes = to_docx(&[Block::Paragraph("正文。".into())], &meta()).unwrap();
    let doc = super::parse(&part(&bytes, "word/document.xml"));
    assert_eq!(doc.paras.len(), 1);
    assert!(part(&bytes, "docProps/core.xml").contains("<dc:title></dc:title>"));
    assert!(has_part(&bytes, "word/footer1.xml"));
}

#[test]
fn no_run_property_carries_its_language_twice() {
    let bytes = sample_bytes();
    let twice = super::super::package::LANG.repeat(2);
    for name in ["word/document.xml", "word/styles.xml", "word/footer1.xml"] {
        assert!(!part(&bytes, name).contains(&twice), "{name}");
    }
}

#[test]
fn indented_paragraphs_give_the_indent_in_characters_too() {
    let doc = part(&sample_bytes(), "word/document.xml");
    let indents = elements(&doc, "w:ind");
    assert!(!indents.is_empty());
    for ind in indents {
        assert_eq!(
            ind.get("w:firstLineChars").map(String::as_str),
            Some("200"),
            "{ind:?}"
        );
    }
}

//! A unit's own template: which of its styles set which lines, what stays of the 公文 layout, and
//! which files are refused.

use std::io::{Cursor, Write};

use super::{meta, parse, part, sample};
use crate::render::docx::template::Role;
use crate::render::docx::*;

const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;

/// A template as Word writes one: Normal under the id `a` (Chinese Word's way), heading 1 with
/// automatic numbering, a Title, a character style, and a section with its own margins and grid.
fn unit_template_styles() -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles {W}><w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val="24"/></w:rPr></w:rPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/><w:rPr><w:rFonts w:eastAsia="宋体"/><w:sz w:val="30"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:basedOn w:val="a"/><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="3"/></w:numPr><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="a3"><w:name w:val="Title"/><w:basedOn w:val="a"/><w:pPr><w:jc w:val="center"/></w:pPr></w:style><w:style w:type="character" w:default="1" w:styleId="a0"><w:name w:val="Default Paragraph Font"/></w:style></w:styles>"#
    )
}

const UNIT_SECTION: &str = r#"<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440" w:right="1800" w:bottom="1440" w:left="1800" w:header="851" w:footer="992" w:gutter="0"/><w:cols w:space="425"/><w:docGrid w:type="lines" w:linePitch="312"/></w:sectPr>"#;

fn package(parts: &[(&str, &str)]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (name, text) in parts {
        zip.start_file(*name, zip::write::SimpleFileOptions::default())
            .unwrap();
        zip.write_all(text.as_bytes()).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

fn unit_template() -> WordTemplate {
    let document = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><w:document {W}><w:body><w:p><w:r><w:t>模板</w:t></w:r></w:p>{UNIT_SECTION}</w:body></w:document>"#
    );
    let bytes = package(&[
        ("word/document.xml", &document),
        ("word/styles.xml", &unit_template_styles()),
    ]);
    WordTemplate::from_bytes(&bytes).unwrap()
}

fn with_template(template: WordTemplate) -> Vec<u8> {
    let mut meta = meta();
    meta.template = Some(template);
    to_docx(&sample(), &meta).unwrap()
}

/// Each paragraph's style id, in order.
fn paragraph_styles(document: &str) -> Vec<String> {
    document
        .split("<w:p ")
        .skip(1)
        .map(|p| {
            let start = p.find(r#"<w:pStyle w:val=""#).map(|i| i + 17);
            start
                .map(|s| p[s..s + p[s..].find('"').unwrap()].to_string())
                .unwrap_or_default()
        })
        .collect()
}

#[test]
fn the_template_s_styles_are_matched_by_name_to_the_kinds_of_line() {
    let template = unit_template();
    assert_eq!(template.style_for(Role::Title), Some("a3"));
    assert_eq!(template.style_for(Role::Heading1), Some("1"));
    assert_eq!(template.style_for(Role::Body), Some("a"));
    assert_eq!(template.style_for(Role::Heading2), None);
    assert_eq!(template.style_for(Role::Table), None);
}

#[test]
fn matched_lines_name_the_template_s_style_and_carry_no_formatting_of_their_own() {
    let bytes = with_template(unit_template());
    let document = part(&bytes, "word/document.xml");
    let styles = paragraph_styles(&document);
    // The sample: title, the blank line, 一、, （一）, body, 二、, body.
    assert_eq!(styles[0], "a3");
    assert_eq!(styles[1], "a");
    assert_eq!(styles[2], "1");
    let doc = parse(&document);
    for (para, style) in doc.paras.iter().zip(&styles) {
        if ["a3", "a", "1"].contains(&style.as_str()) {
            assert!(para
                .runs
                .iter()
                .all(|r| r.fonts.is_empty() && r.size.is_none()));
            assert!(para.ind.is_empty() && para.spacing.is_empty() && para.jc.is_none());
        }
    }
}

#[test]
fn kinds_the_template_has_no_style_for_keep_the_official_style_added_to_its_styles() {
    let bytes = with_template(unit_template());
    let document = part(&bytes, "word/document.xml");
    assert!(paragraph_styles(&document).contains(&"GwHeading2".to_string()));
    let styles = part(&bytes, "word/styles.xml");
    assert!(styles.contains(r#"w:styleId="GwHeading2""#));
    assert!(styles.contains(r#"w:styleId="GwTable""#));
    assert!(!styles.contains(r#"w:styleId="GwBody""#));
    assert!(!styles.contains(r#"w:styleId="GwTitle""#));
    // The template's own styles are all there, its character style too.
    for id in ["a", "1", "a3", "a0"] {
        assert!(styles.contains(&format!(r#"w:styleId="{id}""#)), "{id}");
    }
}

#[test]
fn automatic_numbering_is_taken_off_the_matched_styles() {
    let styles = part(&with_template(unit_template()), "word/styles.xml");
    assert!(!styles.contains("w:numPr"), "{styles}");
    assert!(styles.contains(r#"<w:outlineLvl w:val="0"/>"#));
}

#[test]
fn the_page_setup_is_the_template_s_and_the_page_numbers_stay() {
    let bytes = with_template(unit_template());
    let document = part(&bytes, "word/document.xml");
    let doc = parse(&document);
    assert_eq!(doc.page_margin["w:left"], "1800");
    assert_eq!(doc.page_margin["w:top"], "1440");
    assert!(document.contains(r#"<w:docGrid w:type="lines" w:linePitch="312"/>"#));
    assert_eq!(document.matches("<w:docGrid").count(), 1);
    assert_eq!(document.matches("<w:pgMar").count(), 1);
    assert!(document.contains(r#"<w:footerReference w:type="default""#));
    assert!(document.contains(r#"<w:footerReference w:type="even""#));
}

#[test]
fn one_of_our_own_documents_serves_as_a_template_for_every_kind_of_line() {
    let ours = to_docx(&sample(), &meta()).unwrap();
    let template = WordTemplate::from_bytes(&ours).unwrap();
    assert_eq!(template.style_for(Role::Title), Some("GwTitle"));
    assert_eq!(template.style_for(Role::Heading1), Some("GwHeading1"));
    assert_eq!(template.style_for(Role::Heading2), Some("GwHeading2"));
    assert_eq!(template.style_for(Role::Body), Some("GwBody"));
    assert_eq!(template.style_for(Role::Table), Some("GwTable"));
    let styles = part(&with_template(template), "word/styles.xml");
    assert_eq!(styles.matches(r#"w:styleId="GwBody""#).count(), 1);
}

#[test]
fn a_file_that_is_not_a_zip_package_is_not_a_docx() {
    let fault = WordTemplate::from_bytes(b"\xd0\xcf\x11\xe0 an old .doc").unwrap_err();
    assert_eq!(fault, WordTemplateFault::NotDocx);
    let spreadsheet = package(&[("xl/workbook.xml", "<workbook/>")]);
    assert_eq!(
        WordTemplate::from_bytes(&spreadsheet).unwrap_err(),
        WordTemplateFault::NotDocx
    );
}

#[test]
fn a_docx_without_paragraph_styles_cannot_be_a_template() {
    let document = format!(r#"<w:document {W}><w:body/></w:document>"#);
    let without = package(&[("word/document.xml", &document)]);
    assert_eq!(
        WordTemplate::from_bytes(&without).unwrap_err(),
        WordTemplateFault::NoStyles
    );
    let only_characters = format!(
        r#"<w:styles {W}><w:style w:type="character" w:styleId="a0"><w:name w:val="Default Paragraph Font"/></w:style></w:styles>"#
    );
    let bytes = package(&[
        ("word/document.xml", &document),
        ("word/styles.xml", &only_characters),
    ]);
    assert_eq!(
        WordTemplate::from_bytes(&bytes).unwrap_err(),
        WordTemplateFault::NoStyles
    );
}

#[test]
fn a_template_without_a_section_keeps_the_official_page() {
    let document = format!(r#"<w:document {W}><w:body><w:p/></w:body></w:document>"#);
    let bytes = package(&[
        ("word/document.xml", &document),
        ("word/styles.xml", &unit_template_styles()),
    ]);
    let template = WordTemplate::from_bytes(&bytes).unwrap();
    let doc = parse(&part(&with_template(template), "word/document.xml"));
    assert_eq!(doc.page_margin["w:left"], "1587");
    assert_eq!(doc.page_margin["w:top"], "2098");
}

#[test]
fn the_same_template_and_blocks_give_the_same_bytes() {
    assert_eq!(
        with_template(unit_template()),
        with_template(unit_template())
    );
}

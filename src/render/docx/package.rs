//! The last touches to the package docx-rs writes, for what it cannot say: `w:lang` zh-CN on
//! every run and in the styles' defaults (so LibreOffice picks Chinese glyph forms, not Japanese),
//! the document properties (author, title, created and modified as of the report's date;
//! docx-rs would write "unknown" and 1970), and a unit's template's styles and page setup.

use std::io::{Cursor, Read, Write};

use anyhow::Context;
use chrono::NaiveDate;
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipArchive, ZipWriter};

use super::{styles, DocMeta, FIRST_LINE_INDENT};

pub(super) const LANG: &str = r#"<w:lang w:val="zh-CN" w:eastAsia="zh-CN" />"#;

/// A date as W3CDTF at midnight UTC, as docProps/core.xml wants it.
pub(super) fn w3cdtf(date: NaiveDate) -> String {
    format!("{}T00:00:00Z", date.format("%Y-%m-%d"))
}

/// Marks every run property of a WordprocessingML part zh-CN. `w:lang` is written last in the
/// `w:rPr`, which is its place in the schema for everything docx-rs writes before it.
pub(super) fn with_lang(xml: &str) -> String {
    xml.replace("</w:rPr>", &format!("{LANG}</w:rPr>"))
        .replace("<w:rPr />", &format!("<w:rPr>{LANG}</w:rPr>"))
}

/// Gives the two-character first-line indent in characters as well as in twips, which docx-rs
/// 0.4.22 reads but does not write: Word then keeps two characters when the grid narrows them.
fn with_indent_chars(xml: &str) -> String {
    let twips = format!(r#"w:firstLine="{FIRST_LINE_INDENT}""#);
    xml.replace(&twips, &format!(r#"{twips} w:firstLineChars="200""#))
}

fn core_xml(meta: &DocMeta, title: &str) -> String {
    let esc = |s: &str| quick_xml::escape::escape(s).into_owned();
    let date = w3cdtf(meta.created);
    let author = esc(&meta.author);
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>{title}</dc:title><dc:creator>{author}</dc:creator><cp:lastModifiedBy>{author}</cp:lastModifiedBy><dc:language>zh-CN</dc:language><cp:revision>1</cp:revision><dcterms:created xsi:type="dcterms:W3CDTF">{date}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">{date}</dcterms:modified></cp:coreProperties>"#,
        title = esc(title),
    )
}

/// Rewrites the package: the same parts in the same order, the WordprocessingML parts marked
/// zh-CN and docProps/core.xml replaced by one with `meta`. Entries carry the zip format's fixed
/// default time, so the bytes depend only on the input.
pub(super) fn finish(bytes: &[u8], meta: &DocMeta, title: &str) -> anyhow::Result<Vec<u8>> {
    let mut archive = ZipArchive::new(Cursor::new(bytes)).context("read back the .docx package")?;
    let mut out = ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).context("read a part of the .docx")?;
        let name = entry.name().to_string();
        let mut content = Vec::new();
        entry
            .read_to_end(&mut content)
            .context("read a part of the .docx")?;
        let content = if name == "docProps/core.xml" {
            core_xml(meta, title).into_bytes()
        } else if name.starts_with("word/") && name.ends_with(".xml") {
            let xml = String::from_utf8(content).context("a .docx part in UTF-8")?;
            let xml = with_indent_chars(&with_lang(&xml));
            match (&meta.template, name.as_str()) {
                (Some(t), "word/styles.xml") => t.styles_xml(&xml, &styles::ROLES).into_bytes(),
                (Some(t), "word/document.xml") => t.document_xml(&xml).into_bytes(),
                _ => xml.into_bytes(),
            }
        } else {
            content
        };
        out.start_file(name, options)
            .context("write a part of the .docx")?;
        out.write_all(&content)
            .context("write a part of the .docx")?;
    }
    Ok(out
        .finish()
        .context("finish the .docx package")?
        .into_inner())
}

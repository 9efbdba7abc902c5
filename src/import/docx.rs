//! Reading a Word document: the paragraph text of `word/document.xml`, one line per `<w:p>`,
//! runs' `<w:t>` joined, `<w:tab/>` as a tab and `<w:br/>` as a line break. Deleted revisions
//! and field codes are skipped. Old binary `.doc` files are refused with advice to re-save.

use std::io::{Cursor, Read};

use quick_xml::events::Event;
use quick_xml::Reader;

use super::{decode, ImportError};

const OLE_MAGIC: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0];
const ZIP_MAGIC: &[u8] = b"PK\x03\x04";

/// Largest `document.xml` read (a summary is a few hundred kilobytes at most).
const MAX_XML: u64 = 64 * 1024 * 1024;

/// Reads a summary file: `.docx` by its content, old `.doc` refused, anything else decoded as
/// text (see [`decode`]).
pub fn read_document(
    path_name: &str,
    bytes: &[u8],
    encoding: Option<&str>,
) -> Result<String, ImportError> {
    let lower = path_name.to_lowercase();
    if bytes.starts_with(OLE_MAGIC) {
        return Err(ImportError::LegacyWord);
    }
    if bytes.starts_with(b"%PDF") {
        return Err(ImportError::Unsupported("PDF"));
    }
    if bytes.starts_with(b"{\\rtf") {
        return Err(ImportError::Unsupported("RTF"));
    }
    if lower.ends_with(".docx") || bytes.starts_with(ZIP_MAGIC) {
        let text = docx_text(bytes)?;
        if text.trim().is_empty() {
            return Err(ImportError::Empty);
        }
        return Ok(text);
    }
    decode(bytes, encoding)
}

/// The paragraph text of a .docx held in memory.
pub fn docx_text(bytes: &[u8]) -> Result<String, ImportError> {
    let bad = |why: String| ImportError::BadDocx(why);
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| bad(e.to_string()))?;
    let mut xml = String::new();
    archive
        .by_name("word/document.xml")
        .map_err(|_| bad("it has no word/document.xml".into()))?
        .take(MAX_XML)
        .read_to_string(&mut xml)
        .map_err(|e| bad(e.to_string()))?;
    paragraphs(&xml).map_err(bad)
}

/// Walks the XML of a Word body, one output line per paragraph.
fn paragraphs(xml: &str) -> Result<String, String> {
    let mut reader = Reader::from_str(xml);
    let mut out = String::new();
    let mut in_text = false;
    let mut skipping = 0usize;
    let mut in_run = false;
    loop {
        match reader.read_event().map_err(|e| e.to_string())? {
            Event::Start(e) => match e.local_name().as_ref() {
                b"t" => in_text = true,
                b"delText" | b"instrText" => skipping += 1,
                b"r" => in_run = true,
                _ => {}
            },
            Event::Empty(e) => match e.local_name().as_ref() {
                b"tab" if in_run => out.push('\t'),
                b"br" | b"cr" if in_run => out.push('\n'),
                b"p" => out.push('\n'),
                _ => {}
            },
            Event::End(e) => match e.local_name().as_ref() {
                b"t" => in_text = false,
                b"delText" | b"instrText" => skipping = skipping.saturating_sub(1),
                b"r" => in_run = false,
                b"p" => out.push('\n'),
                _ => {}
            },
            Event::Text(t) if in_text && skipping == 0 => {
                out.push_str(&t.decode().map_err(|e| e.to_string())?);
            }
            Event::CData(t) if in_text && skipping == 0 => {
                out.push_str(&t.decode().map_err(|e| e.to_string())?);
            }
            Event::GeneralRef(r) if in_text && skipping == 0 => {
                if let Some(c) = r.resolve_char_ref().map_err(|e| e.to_string())? {
                    out.push(c);
                } else {
                    let name = r.decode().map_err(|e| e.to_string())?;
                    let resolved =
                        quick_xml::escape::resolve_predefined_entity(&name).unwrap_or("");
                    out.push_str(resolved);
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(out.replace("\r\n", "\n"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_become_lines_and_runs_are_joined() {
        let xml = r#"<w:document xmlns:w="x"><w:body>
            <w:p><w:r><w:t>存在</w:t></w:r><w:r><w:t xml:space="preserve">问题 &amp; 打算</w:t></w:r></w:p>
            <w:p><w:pPr><w:tabs><w:tab w:val="left"/></w:tabs></w:pPr><w:r><w:t>一是</w:t><w:tab/><w:t>学习</w:t></w:r></w:p>
            <w:p/>
            <w:p><w:r><w:delText>删掉</w:delText><w:t>保留</w:t></w:r></w:p>
        </w:body></w:document>"#;
        assert_eq!(
            paragraphs(xml).unwrap(),
            "存在问题 & 打算\n一是\t学习\n\n保留\n"
        );
    }

    #[test]
    fn old_binary_word_files_are_refused_with_advice() {
        let err = read_document("a.doc", &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1], None).unwrap_err();
        assert!(matches!(err, ImportError::LegacyWord));
        assert!(err.to_string().contains(".docx"));
    }

    #[test]
    fn a_broken_docx_says_so() {
        let err = read_document("a.docx", b"PK\x03\x04garbage", None).unwrap_err();
        assert!(matches!(err, ImportError::BadDocx(_)));
    }

    #[test]
    fn other_files_are_decoded_as_text() {
        assert_eq!(
            read_document("a.txt", "标题\r\n正文".as_bytes(), None).unwrap(),
            "标题\n正文"
        );
    }
}

//! The .docx files `report -o` and `report --all-units -o` write, read back as a Word reader
//! would: styles of the paragraphs, page numbers, properties; and, where LibreOffice is installed,
//! the PDF it makes of them.

use std::io::Read;
use std::path::Path;

use quick_xml::events::Event;
use quick_xml::Reader;

use crate::common::{TestEnv, AS_OF};

fn part(path: &Path, name: &str) -> String {
    let bytes = std::fs::read(path).unwrap();
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut text = String::new();
    archive
        .by_name(name)
        .unwrap()
        .read_to_string(&mut text)
        .unwrap();
    text
}

/// Each paragraph of document.xml as (style, text).
fn styled_paragraphs(xml: &str) -> Vec<(String, String)> {
    let mut reader = Reader::from_str(xml);
    let mut paras: Vec<(String, String)> = Vec::new();
    let mut in_text = false;
    loop {
        match reader.read_event().unwrap() {
            Event::Start(e) if e.name().as_ref() == b"w:p" => paras.push(Default::default()),
            Event::Start(e) if e.name().as_ref() == b"w:t" => in_text = true,
            Event::End(e) if e.name().as_ref() == b"w:t" => in_text = false,
            Event::Empty(e) | Event::Start(e) if e.name().as_ref() == b"w:pStyle" => {
                let style = e.try_get_attribute("w:val").unwrap().unwrap();
                paras.last_mut().unwrap().0 = String::from_utf8(style.value.to_vec()).unwrap();
            }
            Event::Text(t) if in_text => paras.last_mut().unwrap().1.push_str(&t.decode().unwrap()),
            Event::Eof => break,
            _ => {}
        }
    }
    paras
}

#[test]
fn in_paren_style_every_item_of_the_problems_gets_the_body_style() {
    let env = TestEnv::with_fixture_ledger();
    env.ok(&[
        "report",
        "--unit",
        "市财政局",
        "--year",
        "2025",
        "--style",
        "paren",
        "-o",
        "整改情况.docx",
    ]);
    let paras = styled_paragraphs(&part(&env.dir().join("整改情况.docx"), "word/document.xml"));
    let start = paras
        .iter()
        .position(|(_, text)| text.starts_with("二、"))
        .expect("a 二、 heading");
    assert_eq!(paras[start].0, "GwHeading1");
    let items: Vec<_> = paras[start + 1..]
        .iter()
        .take_while(|(style, _)| style != "GwHeading1")
        .collect();
    let numbered: Vec<_> = items.iter().filter(|(_, t)| t.starts_with('（')).collect();
    assert!(!numbered.is_empty(), "items under 二、: {items:?}");
    for (style, text) in &items {
        assert_eq!(style, "GwBody", "{text}");
    }
}

#[test]
fn the_report_s_properties_name_the_actor_and_the_as_of_date() {
    let env = TestEnv::with_fixture_ledger();
    env.ok(&[
        "report",
        "--unit",
        "市财政局",
        "--year",
        "2025",
        "-o",
        "整改情况.docx",
    ]);
    let core = part(&env.dir().join("整改情况.docx"), "docProps/core.xml");
    assert!(core.contains("<dc:creator>tester</dc:creator>"), "{core}");
    assert!(
        core.contains(&format!(">{AS_OF}T00:00:00Z</dcterms:created>")),
        "{core}"
    );
    assert!(
        core.contains(&format!(">{AS_OF}T00:00:00Z</dcterms:modified>")),
        "{core}"
    );
    assert!(
        core.contains("<dc:title>临江市财政局2025年度问题整改情况</dc:title>"),
        "{core}"
    );
}

#[test]
fn the_roll_up_docx_has_page_numbers_and_its_properties_too() {
    let env = TestEnv::with_fixture_ledger();
    env.ok(&["report", "--all-units", "--year", "2025", "-o", "汇总.docx"]);
    let path = env.dir().join("汇总.docx");
    assert!(part(&path, "word/footer1.xml").contains("PAGE"));
    assert!(part(&path, "word/settings.xml").contains("w:evenAndOddHeaders"));
    assert!(part(&path, "docProps/core.xml").contains("<dc:creator>tester</dc:creator>"));
    let styles: Vec<_> = styled_paragraphs(&part(&path, "word/document.xml"));
    assert!(
        styles.iter().all(|(style, _)| !style.is_empty()),
        "{styles:?}"
    );
}

fn installed(tool: &str) -> bool {
    std::process::Command::new(tool)
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

#[test]
fn libreoffice_renders_the_docx_with_the_page_number_and_the_chinese_text() {
    let Some(soffice) = ["soffice", "libreoffice"]
        .into_iter()
        .find(|t| installed(t))
    else {
        println!("skipped: LibreOffice (soffice) is not installed, so the PDF is not checked");
        return;
    };
    let env = TestEnv::with_fixture_ledger();
    env.ok(&[
        "report",
        "--unit",
        "市财政局",
        "--year",
        "2025",
        "-o",
        "整改情况.docx",
    ]);
    let status = std::process::Command::new(soffice)
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(env.dir())
        .arg(env.dir().join("整改情况.docx"))
        .env("HOME", env.dir())
        .status()
        .unwrap();
    assert!(status.success());
    let pdf = env.dir().join("整改情况.pdf");
    assert!(pdf.exists(), "LibreOffice wrote no PDF");
    if !installed("pdftotext") && !Path::new("/usr/bin/pdftotext").exists() {
        println!("skipped the text check: pdftotext is not installed");
        return;
    }
    let out = std::process::Command::new("pdftotext")
        .arg(&pdf)
        .arg("-")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("— 1 —"), "{text}");
    assert!(text.contains("整改"), "{text}");
}

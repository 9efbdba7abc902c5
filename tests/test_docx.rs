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

/// A unit's template as Word or WPS saves one: its own margins, a Title and a Normal style.
fn write_unit_template(path: &Path) {
    use std::io::Write;
    let w = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;
    let styles = format!(
        r#"<w:styles {w}><w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/><w:rPr><w:sz w:val="30"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="a3"><w:name w:val="Title"/><w:basedOn w:val="a"/></w:style></w:styles>"#
    );
    let document = format!(
        r#"<w:document {w}><w:body><w:p/><w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440" w:right="1800" w:bottom="1440" w:left="1800" w:header="851" w:footer="992" w:gutter="0"/></w:sectPr></w:body></w:document>"#
    );
    let mut zip = zip::ZipWriter::new(std::fs::File::create(path).unwrap());
    for (name, text) in [("word/document.xml", document), ("word/styles.xml", styles)] {
        zip.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        zip.write_all(text.as_bytes()).unwrap();
    }
    zip.finish().unwrap();
}

const REPORT: [&str; 5] = ["report", "--unit", "市财政局", "--year", "2025"];

#[test]
fn a_unit_s_word_template_gives_the_report_its_margins_and_styles() {
    let env = TestEnv::with_fixture_ledger();
    write_unit_template(&env.dir().join("本单位模板.docx"));
    let mut args = REPORT.to_vec();
    args.extend(["-o", "整改情况.docx", "--template-docx", "本单位模板.docx"]);
    env.ok(&args);
    let path = env.dir().join("整改情况.docx");
    let document = part(&path, "word/document.xml");
    assert!(document.contains(r#"w:left="1800""#), "{document}");
    let paras = styled_paragraphs(&document);
    assert_eq!(
        paras[0],
        (
            "a3".to_string(),
            "临江市财政局2025年度问题整改情况".to_string()
        )
    );
    assert!(paras.iter().any(|(style, _)| style == "a"));
    assert!(
        paras.iter().any(|(style, _)| style == "GwHeading1"),
        "{paras:?}"
    );
    let styles = part(&path, "word/styles.xml");
    assert!(styles.contains(r#"w:styleId="GwHeading1""#));
    assert!(part(&path, "word/footer1.xml").contains("PAGE"));
}

#[test]
fn the_roll_up_takes_the_unit_s_word_template_too() {
    let env = TestEnv::with_fixture_ledger();
    write_unit_template(&env.dir().join("模板.docx"));
    env.ok(&[
        "report",
        "--all-units",
        "--year",
        "2025",
        "-o",
        "汇总.docx",
        "--template-docx",
        "模板.docx",
    ]);
    let document = part(&env.dir().join("汇总.docx"), "word/document.xml");
    assert!(document.contains(r#"w:left="1800""#));
    assert_eq!(styled_paragraphs(&document)[0].0, "a3");
}

#[test]
fn a_word_template_is_refused_with_a_reason_when_it_cannot_serve() {
    let env = TestEnv::with_fixture_ledger();
    std::fs::write(env.dir().join("旧模板.doc"), b"\xd0\xcf\x11\xe0 not a zip").unwrap();
    write_unit_template(&env.dir().join("模板.docx"));
    let cases: [(&[&str], &str); 3] = [
        (
            &["-o", "a.docx", "--template-docx", "旧模板.doc"],
            "不是 .docx 文件",
        ),
        (
            &["-o", "a.docx", "--template-docx", "没有这个.docx"],
            "无法读取 Word 模板",
        ),
        (
            &["-o", "a.txt", "--template-docx", "模板.docx"],
            "只用于写 Word 文件",
        ),
    ];
    for (extra, says) in cases {
        let mut args = REPORT.to_vec();
        args.extend(extra);
        let output = env.cmd(&args).output().unwrap();
        let stderr = String::from_utf8(output.stderr).unwrap();
        assert!(!output.status.success(), "{args:?}");
        assert!(stderr.contains(says), "{args:?}: {stderr}");
        assert_eq!(stderr.trim().lines().count(), 1, "{stderr}");
        assert!(!env.dir().join("a.docx").exists() && !env.dir().join("a.txt").exists());
    }
}

fn installed(tool: &str) -> bool {
    std::process::Command::new(tool)
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

#[test]
fn libreoffice_renders_the_docx_with_the_page_number_and_the_chinese_text() {
    let Some(soffice) = crate::common::readers::soffice() else {
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
    let squeezed: String = text.chars().filter(|c| *c != ' ').collect();
    assert!(squeezed.contains("—1—"), "{text}");
    assert!(text.contains("整改"), "{text}");
    // GB/T 9704: full lines of body text hold 28 characters (LibreOffice, unlike Word, gives a
    // character wider than its grid cell two cells, so this fails when the grid is wrong).
    let widest = text
        .lines()
        .map(|l| l.chars().filter(|c| !c.is_ascii()).count())
        .max()
        .unwrap_or(0);
    assert!((26..=28).contains(&widest), "widest line {widest}: {text}");
}

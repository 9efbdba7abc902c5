//! `taizhang export`: the ledger for Excel (read back with calamine and the csv crate) and the
//! whole store as JSON (read back with serde_json, and imported into an identical store).

use std::io::Read;
use std::path::Path;

use calamine::{Data, Reader, Xlsx};
use serde_json::Value;

use crate::common::TestEnv;
use crate::test_import_ledger::import;

/// Every cell of a sheet as `row: a | b | …` lines (1-based rows), then its merged regions.
fn sheet_text(path: &Path, sheet: &str) -> String {
    let mut workbook: Xlsx<_> = calamine::open_workbook(path).unwrap();
    let range = workbook.worksheet_range(sheet).unwrap();
    let (r0, c0) = range.start().unwrap();
    let mut text = String::new();
    for (r, row) in range.rows().enumerate() {
        let cells: Vec<String> = row
            .iter()
            .map(|cell| match cell {
                Data::DateTime(d) => format!("<date {}>", d.as_f64()),
                Data::Float(f) => format!("<{f}>"),
                other => other.to_string().replace('\n', "⏎"),
            })
            .collect();
        text.push_str(&format!("{}: {}\n", r0 as usize + r + 1, cells.join(" | ")));
    }
    assert_eq!(c0, 0);
    let mut merges = workbook.worksheet_merge_cells(sheet).unwrap().unwrap();
    merges.sort();
    for m in merges {
        text.push_str(&format!(
            "merged rows {}-{} cols {}-{}\n",
            m.start.0 + 1,
            m.end.0 + 1,
            m.start.1,
            m.end.1
        ));
    }
    text
}

/// A part of the workbook's zip, as text.
fn part(path: &Path, name: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let mut text = String::new();
    zip.by_name(name)
        .unwrap()
        .read_to_string(&mut text)
        .unwrap();
    text
}

/// The style index of a cell in a sheet's XML.
fn style_of(sheet_xml: &str, cell: &str) -> String {
    let at = sheet_xml
        .find(&format!("<c r=\"{cell}\""))
        .unwrap_or_else(|| panic!("no cell {cell}"));
    let rest = &sheet_xml[at..];
    let s = rest.find(" s=\"").unwrap() + 4;
    rest[s..s + rest[s..].find('"').unwrap()].to_string()
}

#[test]
fn the_workbook_has_the_official_layout_and_reads_back_with_calamine() {
    let env = TestEnv::with_fixture_ledger();
    insta::assert_snapshot!(env.transcript(&[
        "export",
        "--xlsx",
        "台账.xlsx",
        "--unit",
        "市财政局",
        "--year",
        "2024"
    ]));
    let path = env.dir().join("台账.xlsx");
    let workbook: Xlsx<_> = calamine::open_workbook(&path).unwrap();
    assert_eq!(workbook.sheet_names(), ["2024年度", "各年度情况"]);
    insta::assert_snapshot!(sheet_text(&path, "2024年度"));
    let sheet = part(&path, "xl/worksheets/sheet1.xml");
    for expected in [
        r#"<pane ySplit="3" topLeftCell="A4" activePane="bottomLeft" state="frozen"/>"#,
        r#"<autoFilter ref="A3:P8"/>"#,
        r#"<dataValidation type="list""#,
        r#"sqref="L4:L8"><formula1>"未启动,正在整改,已完成,长期坚持,未完成,已撤销"</formula1>"#,
        r#"<pageSetUpPr fitToPage="1"/>"#,
        r#"<pageSetup paperSize="8" fitToHeight="0" orientation="landscape""#,
        r#"<oddFooter>&amp;C第 &amp;P 页，共 &amp;N 页</oddFooter>"#,
    ] {
        assert!(sheet.contains(expected), "sheet1.xml lacks {expected}");
    }
    let book = part(&path, "xl/workbook.xml");
    assert!(book.contains(
        r#"<definedName name="_xlnm.Print_Titles" localSheetId="0">'2024年度'!$3:$3</definedName>"#
    ));
    let styles = part(&path, "xl/styles.xml");
    assert!(styles.contains(r#"<name val="仿宋"/>"#) && styles.contains(r#"wrapText="1""#));
    assert!(
        styles.contains(r#"<fgColor rgb="FFFFC7CE"/>"#),
        "overdue rows are filled red"
    );
    // Row 7 (M3, overdue) is red; row 4 (M1, done) is not.
    assert_ne!(style_of(&sheet, "E7"), style_of(&sheet, "E4"));
    assert_eq!(style_of(&sheet, "E4"), style_of(&sheet, "E5"));
}

#[test]
fn every_unit_and_year_gets_a_sheet_of_its_own() {
    let env = TestEnv::with_fixture_ledger();
    let report: Value =
        serde_json::from_str(&env.ok(&["export", "--xlsx", "all.xlsx", "--format", "json"]))
            .unwrap();
    insta::assert_json_snapshot!(report);
    let workbook: Xlsx<_> = calamine::open_workbook(env.dir().join("all.xlsx")).unwrap();
    assert_eq!(
        workbook.sheet_names(),
        [
            "东山县市场监督管理局2024",
            "东山县市场监督管理局2025",
            "临江市财政局2024",
            "临江市财政局2025",
            "各年度情况",
            "各单位汇总"
        ]
    );
}

#[test]
fn an_empty_unit_and_year_give_a_ledger_to_fill_in() {
    let env = TestEnv::with_fixture_ledger();
    env.ok(&[
        "export",
        "--xlsx",
        "blank.xlsx",
        "--unit",
        "临江市财政局",
        "--year",
        "2026",
    ]);
    let path = env.dir().join("blank.xlsx");
    insta::assert_snapshot!(sheet_text(&path, "2026年度"));
    let sheet = part(&path, "xl/worksheets/sheet1.xml");
    assert!(sheet.contains(r#"sqref="L4:L103""#));
    // Twenty ruled rows: every cell of A4:P23 has the bordered text style.
    let ruled = style_of(&sheet, "A4");
    for cell in ["A4", "P4", "D13", "A23", "P23"] {
        assert_eq!(style_of(&sheet, cell), ruled, "{cell}");
    }
    assert!(
        !sheet.contains(r#"<c r="A24""#),
        "only twenty rows are ruled"
    );
}

#[test]
fn the_csv_has_a_bom_and_reads_back_with_the_csv_crate() {
    let env = TestEnv::with_fixture_ledger();
    insta::assert_snapshot!(env.transcript(&["export", "--csv", "台账.csv", "--year", "2024"]));
    let bytes = std::fs::read(env.dir().join("台账.csv")).unwrap();
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "UTF-8 with BOM");
    let mut reader = csv::Reader::from_reader(&bytes[3..]);
    let header: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_string)
        .collect();
    assert_eq!(
        header,
        [
            "单位",
            "年度",
            "序号",
            "问题来源",
            "问题类别",
            "问题描述",
            "整改措施",
            "责任领导",
            "牵头部门",
            "配合部门",
            "责任人",
            "整改时限",
            "整改进展",
            "完成情况",
            "销号情况",
            "销号时间",
            "佐证材料",
            "备注"
        ]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let text: String = rows
        .iter()
        .map(|r| format!("{}\n", r.iter().collect::<Vec<_>>().join(" | ")))
        .collect();
    insta::assert_snapshot!(text);
}

#[test]
fn the_json_export_is_versioned_and_imports_into_an_identical_store() {
    let env = TestEnv::with_fixture_ledger();
    // History of every kind: an edit, a carry-over, a link, a recurrence decision.
    env.ok(&[
        "edit",
        "P3",
        "--text",
        "调查研究深度不够，预算绩效管理中的难点问题破解办法不多",
    ]);
    env.ok(&["carry", "M3", "--year", "2025"]);
    env.ok(&["link", "M9", "P8"]);
    env.ok(&["recur", "--confirm", "P1", "P7"]);
    // An imported summary: a document, items that remember their place in it.
    let summary = "a1_linjiang_caizheng_2022.txt";
    let source = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/summaries")
        .join(summary);
    std::fs::copy(source, env.dir().join(summary)).unwrap();
    env.ok(&["import", summary]);
    insta::assert_snapshot!(env.transcript(&["export", "--json", "store.json"]));
    let text = std::fs::read_to_string(env.dir().join("store.json")).unwrap();
    let value: Value = serde_json::from_str(&text).unwrap();
    let keys: Vec<&str> = value
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        keys,
        [
            "format",
            "version",
            "generator",
            "schema_version",
            "exported_at",
            "units",
            "unit_aliases",
            "documents",
            "problems",
            "measures",
            "measure_co_depts",
            "links",
            "progress",
            "evidence",
            "carry_overs",
            "recurrences",
            "events"
        ]
    );
    assert_eq!(
        (value["format"].as_str(), value["version"].as_u64()),
        (Some("taizhang-export"), Some(1))
    );
    assert_eq!(value["recurrences"].as_array().unwrap().len(), 1);
    assert_eq!(value["documents"].as_array().unwrap().len(), 1);
    let fresh = TestEnv::init();
    std::fs::copy(env.dir().join("store.json"), fresh.dir().join("store.json")).unwrap();
    let output = import(&fresh, &["--json", "store.json"]);
    assert!(output.starts_with("exit: 0"), "{output}");
    assert_eq!(fresh.fingerprint(), env.fingerprint());
    // Importing it again changes nothing.
    insta::assert_snapshot!(import(&fresh, &["--json", "store.json"]));
    assert_eq!(fresh.fingerprint(), env.fingerprint());
}

#[test]
fn the_json_export_of_one_unit_holds_only_that_unit() {
    let env = TestEnv::with_fixture_ledger();
    env.ok(&["export", "--json", "one.json", "--unit", "东山县市场监管局"]);
    let value: Value =
        serde_json::from_str(&std::fs::read_to_string(env.dir().join("one.json")).unwrap())
            .unwrap();
    let units: Vec<&str> = value["units"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["name"].as_str().unwrap())
        .collect();
    assert_eq!(units, ["东山县市场监督管理局"]);
    assert_eq!(value["problems"].as_array().unwrap().len(), 4);
    let fresh = TestEnv::init();
    std::fs::copy(env.dir().join("one.json"), fresh.dir().join("one.json")).unwrap();
    insta::assert_snapshot!(import(&fresh, &["--json", "one.json"]));
    insta::assert_snapshot!(fresh.transcript(&["status", "--year", "2024"]));
}

#[test]
fn a_json_file_from_elsewhere_is_refused_with_a_clear_sentence() {
    let env = TestEnv::init();
    std::fs::write(
        env.dir().join("newer.json"),
        r#"{"format": "taizhang-export", "version": 7}"#,
    )
    .unwrap();
    std::fs::write(env.dir().join("other.json"), r#"[{"id": "P1"}]"#).unwrap();
    let before = env.fingerprint();
    insta::assert_snapshot!(import(&env, &["--json", "newer.json"]));
    insta::assert_snapshot!(import(&env, &["--json", "other.json"]));
    assert_eq!(before, env.fingerprint());
}

#[test]
fn export_refuses_targets_that_cannot_be_right() {
    let env = TestEnv::with_fixture_ledger();
    insta::assert_snapshot!(env.transcript(&["export", "--xlsx", "台账.csv"]));
    insta::assert_snapshot!(env.transcript(&["export", "--json", "a.json", "--year", "2024"]));
    insta::assert_snapshot!(env.transcript(&["export", "--json", "ledger.db"]));
    insta::assert_snapshot!(env.transcript(&["export", "--csv", "out.csv", "--year", "2030"]));
    insta::assert_snapshot!(env.transcript(&["export", "--csv", "a.csv", "--json", "b.json"]));
    let files: Vec<String> = std::fs::read_dir(env.dir())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| !n.starts_with("ledger.db"))
        .collect();
    assert!(files.is_empty(), "nothing written: {files:?}");
}

#[test]
fn an_inconsistent_export_is_refused_and_nothing_is_imported() {
    let env = TestEnv::with_fixture_ledger();
    env.ok(&["export", "--json", "store.json"]);
    let mut value: Value =
        serde_json::from_str(&std::fs::read_to_string(env.dir().join("store.json")).unwrap())
            .unwrap();
    // The last problem now names a unit the file does not hold: found after units and the
    // earlier problems were written.
    let problems = value["problems"].as_array_mut().unwrap();
    let last = problems.len() - 1;
    problems[last]["unit"] = Value::from("00000000-0000-4000-8000-000000000000");
    let fresh = TestEnv::init();
    std::fs::write(fresh.dir().join("store.json"), value.to_string()).unwrap();
    let before = fresh.fingerprint();
    insta::assert_snapshot!(import(&fresh, &["--json", "store.json"]));
    assert_eq!(before, fresh.fingerprint());
}

/// The heights (in points) the sheet's XML gives its rows, by row number.
fn row_heights(sheet_xml: &str) -> Vec<(u32, f64)> {
    sheet_xml
        .split("<row ")
        .skip(1)
        .filter_map(|row| {
            let attr = |name: &str| {
                let at = row.find(&format!("{name}=\""))? + name.len() + 2;
                let end = row[at..].find('"')?;
                Some(row[at..at + end].to_string())
            };
            Some((attr("r")?.parse().ok()?, attr("ht")?.parse().ok()?))
        })
        .collect()
}

#[test]
fn rows_are_as_tall_as_their_longest_text_and_a3_is_the_default_paper() {
    let env = TestEnv::with_fixture_ledger();
    let long = "建立健全公务接待、差旅报销和会议费管理的全流程审核制度，".repeat(4);
    env.ok(&[
        "measure",
        "add",
        "--unit",
        "市财政局",
        "--year",
        "2024",
        "--for",
        "P1",
        &long,
    ]);
    env.ok(&[
        "export",
        "--xlsx",
        "a3.xlsx",
        "--unit",
        "市财政局",
        "--year",
        "2024",
    ]);
    let sheet = part(&env.dir().join("a3.xlsx"), "xl/worksheets/sheet1.xml");
    assert!(sheet.contains(r#"paperSize="8""#), "A3 by default");
    assert!(sheet.contains(r#"<pageSetUpPr fitToPage="1"/>"#));
    let heights = row_heights(&sheet);
    let data: Vec<f64> = heights
        .iter()
        .filter(|(r, _)| *r > 3)
        .map(|(_, h)| *h)
        .collect();
    assert!(!data.is_empty(), "{sheet}");
    let tallest = data.iter().cloned().fold(0.0, f64::max);
    let shortest = data.iter().cloned().fold(f64::MAX, f64::min);
    // The long measure needs several lines of a 36-character column; a short one needs one.
    assert!(tallest >= 4.0 * 14.5, "{heights:?}");
    assert!(shortest < tallest, "{heights:?}");
}

#[test]
fn a4_prints_at_ninety_one_percent_so_text_stays_at_least_ten_points() {
    let env = TestEnv::with_fixture_ledger();
    env.ok(&[
        "export",
        "--xlsx",
        "a4.xlsx",
        "--unit",
        "市财政局",
        "--year",
        "2024",
        "--paper",
        "a4",
    ]);
    let path = env.dir().join("a4.xlsx");
    let sheet = part(&path, "xl/worksheets/sheet1.xml");
    assert!(sheet.contains(r#"paperSize="9""#), "{sheet}");
    assert!(sheet.contains(r#"scale="91""#), "{sheet}");
    assert!(!sheet.contains("fitToPage"), "{sheet}");
    // 11 pt at 91 % prints at 10 pt.
    let styles = part(&path, "xl/styles.xml");
    assert!(styles.contains(r#"<sz val="11"/>"#), "{styles}");
    let book = part(&path, "xl/workbook.xml");
    assert!(
        book.contains("$A:$D"),
        "序号 to 问题描述 repeat on each page across: {book}"
    );
    let refused = env.run(&["export", "--csv", "x.csv", "--paper", "a4"]);
    assert!(refused.starts_with("exit: 2"), "{refused}");
}

#[test]
fn the_category_survives_an_xlsx_round_trip_into_an_empty_store() {
    let env = TestEnv::with_fixture_ledger();
    env.ok(&[
        "export",
        "--xlsx",
        "台账.xlsx",
        "--unit",
        "市财政局",
        "--year",
        "2024",
    ]);
    let before: serde_json::Value = serde_json::from_str(&env.ok(&[
        "status",
        "--unit",
        "市财政局",
        "--year",
        "2024",
        "--kind",
        "problem",
        "--format",
        "json",
    ]))
    .unwrap();
    let fresh = TestEnv::init();
    std::fs::copy(env.dir().join("台账.xlsx"), fresh.dir().join("台账.xlsx")).unwrap();
    fresh.ok(&["import", "--ledger", "台账.xlsx"]);
    let after: serde_json::Value = serde_json::from_str(&fresh.ok(&[
        "status", "--year", "2024", "--kind", "problem", "--format", "json",
    ]))
    .unwrap();
    let categories = |v: &serde_json::Value| -> Vec<serde_json::Value> {
        v.as_array()
            .unwrap()
            .iter()
            .map(|r| r["category"].clone())
            .collect()
    };
    assert!(categories(&before).iter().any(|c| !c.is_null()));
    assert_eq!(categories(&after), categories(&before));
}

//! The figures of an `export --xlsx` workbook: the 各年度情况 sheet read back with calamine and
//! checked number by number against `stats --by year --format json`, the charts of the
//! completion rate read from the zip's XML, and `import --ledger` of the workbook, which reads
//! the ledger sheet and nothing of the figures.

use std::io::Read;
use std::path::Path;

use calamine::{Data, Range, Reader, Xlsx};
use serde_json::Value;

use crate::common::TestEnv;

const SHEET: &str = "各年度情况";

/// The sheet's columns: the header as read (the second header row, or the first where a cell
/// spans both) and the figure of `stats --format json` it holds.
const COLUMNS: [(&str, &str); 23] = [
    ("年度", "/group"),
    ("总数", "/problems/total"),
    ("已完成", "/problems/done"),
    ("正在整改", "/problems/in_progress"),
    ("长期坚持", "/problems/long_term"),
    ("未完成", "/problems/not_done"),
    ("未启动", "/problems/planned"),
    ("未报告", "/problems/unreported"),
    ("已撤销", "/problems/dropped"),
    ("整改完成率", "/completion_rate"),
    ("总数", "/measures/total"),
    ("已完成", "/measures/done"),
    ("正在整改", "/measures/in_progress"),
    ("长期坚持", "/measures/long_term"),
    ("未完成", "/measures/not_done"),
    ("未启动", "/measures/planned"),
    ("未报告", "/measures/unreported"),
    ("已撤销", "/measures/dropped"),
    ("措施完成率", "/measure_completion_rate"),
    ("逾期问题", "/overdue_problems"),
    ("逾期措施", "/overdue_measures"),
    ("反弹回潮", "/recurring"),
    ("结转措施", "/carried_over"),
];

/// The first row of figures (0-based): below the title and the two header rows.
const FIRST_ROW: u32 = 3;

fn range(path: &Path, sheet: &str) -> Range<Data> {
    let mut workbook: Xlsx<_> = calamine::open_workbook(path).unwrap();
    workbook.worksheet_range(sheet).unwrap()
}

fn text(range: &Range<Data>, row: u32, col: u32) -> String {
    range
        .get_value((row, col))
        .map(|d| d.to_string())
        .unwrap_or_default()
}

/// The fixture ledger with a confirmed recurrence (P7 of P1) and a carried-over measure (M5), so
/// that every column has something to count.
fn ledger() -> TestEnv {
    let env = TestEnv::with_fixture_ledger();
    env.ok(&["recur", "--confirm", "P7", "P1"]);
    env.ok(&["carry", "M5", "--year", "2025"]);
    env
}

fn stats(env: &TestEnv, args: &[&str]) -> Value {
    let mut full = vec!["stats", "--by", "year", "--format", "json"];
    full.extend_from_slice(args);
    serde_json::from_str(&env.ok(&full)).unwrap()
}

/// Checks the sheet of `path` against `stats`, cell by cell; returns how many numbers agreed.
fn check_against_stats(path: &Path, stats: &Value) -> usize {
    let sheet = range(path, SHEET);
    assert_eq!(text(&sheet, 1, 1), "查摆问题");
    assert_eq!(text(&sheet, 1, 10), "整改措施");
    for (col, (header, _)) in COLUMNS.iter().enumerate() {
        let below = text(&sheet, 2, col as u32);
        let read = if below.is_empty() {
            text(&sheet, 1, col as u32)
        } else {
            below
        };
        assert_eq!(read, *header, "header of column {col}");
    }
    let groups = stats["groups"].as_array().unwrap();
    let all: Vec<&Value> = groups.iter().chain([&stats["total"]]).collect();
    let mut agreed = 0;
    for (i, group) in all.iter().enumerate() {
        let row = FIRST_ROW + i as u32;
        let label = if i == groups.len() {
            "合计".to_string()
        } else {
            group["group"].as_str().unwrap().to_string()
        };
        assert_eq!(text(&sheet, row, 0), label, "row {row}");
        for (col, (header, pointer)) in COLUMNS.iter().enumerate().skip(1) {
            let figure = &group.pointer(pointer).unwrap();
            let cell = sheet.get_value((row, col as u32)).unwrap();
            let expected = if header.ends_with("完成率") {
                figure.as_f64().map(|r| r / 100.0)
            } else {
                Some(figure.as_f64().unwrap())
            };
            match expected {
                Some(v) => assert_eq!(cell, &Data::Float(v), "{label} {header} (column {col})"),
                None => assert_eq!(cell.to_string(), "—", "{label} {header}"),
            }
            agreed += 1;
        }
    }
    let after = FIRST_ROW + all.len() as u32;
    assert!(
        text(&sheet, after, 0).starts_with("注："),
        "the note follows 合计"
    );
    agreed
}

#[test]
fn the_figures_sheet_gives_every_number_stats_by_year_gives() {
    let env = ledger();
    env.ok(&["export", "--xlsx", "全部.xlsx"]);
    let stats = stats(&env, &[]);
    let years: Vec<&str> = stats["groups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["group"].as_str().unwrap())
        .collect();
    assert_eq!(years, ["2024", "2025"]);
    let path = env.dir().join("全部.xlsx");
    assert_eq!(check_against_stats(&path, &stats), 3 * 22);
    let sheet = range(&path, SHEET);
    assert_eq!(
        text(&sheet, 0, 0),
        "各年度问题整改情况统计表（截至2026年1月15日）"
    );
    // Not all zero: the recurrence and the carry-over are counted.
    assert_eq!(stats["total"]["recurring"], 1);
    assert_eq!(stats["total"]["carried_over"], 1);
}

#[test]
fn the_figures_sheet_of_one_unit_or_one_year_agrees_with_stats_over_the_same_rows() {
    let env = ledger();
    env.ok(&["export", "--xlsx", "财政.xlsx", "--unit", "市财政局"]);
    let path = env.dir().join("财政.xlsx");
    check_against_stats(&path, &stats(&env, &["--unit", "市财政局"]));
    assert_eq!(
        text(&range(&path, SHEET), 0, 0),
        "临江市财政局各年度问题整改情况统计表（截至2026年1月15日）"
    );
    env.ok(&["export", "--xlsx", "2024.xlsx", "--year", "2024"]);
    let path = env.dir().join("2024.xlsx");
    check_against_stats(&path, &stats(&env, &["--from", "2024", "--to", "2024"]));
    let workbook: Xlsx<_> = calamine::open_workbook(&path).unwrap();
    assert_eq!(
        workbook.sheet_names(),
        [
            "东山县市场监督管理局2024",
            "临江市财政局2024",
            SHEET,
            "各单位汇总"
        ]
    );
}

/// A part of the workbook's zip, as text, if it is there.
fn part(path: &Path, name: &str) -> Option<String> {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let mut text = String::new();
    zip.by_name(name).ok()?.read_to_string(&mut text).unwrap();
    Some(text)
}

/// The worksheet part (`xl/worksheets/sheetN.xml`) of the sheet named `name`: sheets are
/// numbered in the workbook's order.
fn sheet_part(path: &Path, name: &str) -> String {
    let workbook: Xlsx<_> = calamine::open_workbook(path).unwrap();
    let index = workbook
        .sheet_names()
        .iter()
        .position(|n| n == name)
        .unwrap();
    format!("sheet{}.xml", index + 1)
}

/// The chart drawn on sheet `name`: its drawing is linked from the sheet, and the chart from the
/// drawing.
fn chart_on(path: &Path, name: &str) -> String {
    let rels = part(
        path,
        &format!("xl/worksheets/_rels/{}.rels", sheet_part(path, name)),
    )
    .unwrap_or_else(|| panic!("{name} links no drawing"));
    let drawing = rels
        .split("../drawings/")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .unwrap()
        .to_string();
    let drawing_rels = part(path, &format!("xl/drawings/_rels/{drawing}.rels")).unwrap();
    let chart = drawing_rels
        .split("../charts/")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .unwrap()
        .to_string();
    part(path, &format!("xl/charts/{chart}")).unwrap()
}

#[test]
fn the_figures_sheet_holds_a_column_chart_of_the_completion_rate_by_year() {
    let env = ledger();
    env.ok(&["export", "--xlsx", "台账.xlsx", "--unit", "市财政局"]);
    let path = env.dir().join("台账.xlsx");
    let chart = part(&path, "xl/charts/chart1.xml").expect("xl/charts/chart1.xml");
    assert_eq!(chart, chart_on(&path, SHEET), "chart1 is on 各年度情况");
    assert!(chart.contains(r#"<c:barDir val="col"/>"#), "{chart}");
    // Years 2024 and 2025 in A4:A5, their completion rates in J4:J5.
    assert!(chart.contains("<c:f>各年度情况!$A$4:$A$5</c:f>"), "{chart}");
    assert!(chart.contains("<c:f>各年度情况!$J$4:$J$5</c:f>"), "{chart}");
    for words in ["各年度整改完成率", "年度", "整改完成率", "仿宋"] {
        assert!(chart.contains(words), "{words}: {chart}");
    }
    // One unit: no 各单位汇总, so no second chart.
    assert_eq!(part(&path, "xl/charts/chart2.xml"), None);
    let sheet = part(
        &path,
        &format!("xl/worksheets/{}", sheet_part(&path, SHEET)),
    )
    .unwrap();
    assert!(sheet.contains(r#"orientation="landscape""#), "{sheet}");
    assert!(sheet.contains(r#"<pageSetUpPr fitToPage="1"/>"#), "{sheet}");
    assert!(sheet.contains(r#"fitToHeight="0""#), "{sheet}");
    let styles = part(&path, "xl/styles.xml").unwrap();
    assert!(styles.contains(r#"<name val="仿宋"/>"#), "{styles}");
}

#[test]
fn a_workbook_of_several_units_charts_the_completion_rate_by_unit_too() {
    let env = ledger();
    env.ok(&["export", "--xlsx", "台账.xlsx"]);
    let path = env.dir().join("台账.xlsx");
    let chart = chart_on(&path, "各单位汇总");
    assert!(chart.contains(r#"<c:barDir val="bar"/>"#), "{chart}");
    // Two units in B3:B4, their completion rates in K3:K4.
    assert!(chart.contains("<c:f>各单位汇总!$B$3:$B$4</c:f>"), "{chart}");
    assert!(chart.contains("<c:f>各单位汇总!$K$3:$K$4</c:f>"), "{chart}");
    assert!(chart.contains("各单位整改完成率"), "{chart}");
    assert!(
        chart.contains(r#"<c:orientation val="maxMin"/>"#),
        "first unit on top"
    );
    let by_year = chart_on(&path, SHEET);
    assert!(by_year.contains(r#"<c:barDir val="col"/>"#), "{by_year}");
    // The 各单位汇总 figures the chart reads are still the table's.
    let summary = range(&path, "各单位汇总");
    assert_eq!(text(&summary, 1, 10), "整改完成率");
    assert_eq!(text(&summary, 4, 1), "合计");
}

#[test]
fn an_exported_workbook_reads_back_its_ledger_sheet_and_not_the_figures() {
    let env = ledger();
    let scope = ["--unit", "市财政局", "--year", "2024"];
    let mut export = vec!["export", "--xlsx", "台账.xlsx"];
    export.extend_from_slice(&scope);
    env.ok(&export);
    let workbook: Xlsx<_> = calamine::open_workbook(env.dir().join("台账.xlsx")).unwrap();
    assert_eq!(workbook.sheet_names(), ["2024年度", SHEET]);
    let fresh = TestEnv::init();
    std::fs::copy(env.dir().join("台账.xlsx"), fresh.dir().join("台账.xlsx")).unwrap();
    let output = fresh
        .cmd(&["import", "--ledger", "台账.xlsx"])
        .output()
        .unwrap();
    assert!(output.status.success());
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert_eq!(stderr, "", "no warnings");
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(!stdout.contains(SHEET), "{stdout}");
    let status = |env: &TestEnv, args: &[&str]| -> Vec<(String, String)> {
        let mut full = vec!["status", "--format", "json"];
        full.extend_from_slice(args);
        let rows: Value = serde_json::from_str(&env.ok(&full)).unwrap();
        let mut items: Vec<(String, String)> = rows
            .as_array()
            .unwrap()
            .iter()
            .map(|r| (r["text"].to_string(), r["status"].to_string()))
            .collect();
        // Ids (and so the order) are the new store's own.
        items.sort();
        items
    };
    let before = status(&env, &scope);
    assert_eq!(before.len(), 7, "3 problems and 4 measures");
    assert_eq!(status(&fresh, &[]), before);
    // The figures of the store read back agree with the exported sheet's.
    let again = stats(&fresh, &[]);
    assert_eq!(
        again["total"]["problems"],
        stats(
            &env,
            &["--unit", "市财政局", "--from", "2024", "--to", "2024"]
        )["total"]["problems"]
    );
}

#[test]
fn the_figures_sheets_are_refused_as_a_ledger_when_named() {
    let env = ledger();
    env.ok(&["export", "--xlsx", "台账.xlsx"]);
    let fresh = TestEnv::init();
    std::fs::copy(env.dir().join("台账.xlsx"), fresh.dir().join("台账.xlsx")).unwrap();
    let before = fresh.fingerprint();
    for sheet in [SHEET, "各单位汇总"] {
        let output = fresh
            .cmd(&["import", "--ledger", "台账.xlsx", "--sheet", sheet])
            .output()
            .unwrap();
        assert!(!output.status.success(), "{sheet}");
        let stderr = String::from_utf8(output.stderr).unwrap();
        assert!(stderr.contains("不是台账"), "{stderr}");
        assert_eq!(stderr.trim().lines().count(), 1, "{stderr}");
    }
    assert_eq!(fresh.fingerprint(), before, "nothing recorded");
}

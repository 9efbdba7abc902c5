//! The stores the agreement test reads, and the check of the exported ledgers.

use std::path::Path;

use calamine::{open_workbook_auto, Data, Reader};
use serde_json::Value;

use super::expected::Expected;
use crate::common::TestEnv;
use crate::test_readme::split_words;

fn fixture(rel: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join(rel)
        .display()
        .to_string()
}

/// The three fixture chains imported into one store, then a link and some progress per unit
/// and year, so that own entries, reported outcomes and derived statuses all occur.
pub fn chains() -> TestEnv {
    let env = TestEnv::init();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/summaries");
    let mut files: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(['a', 'b', 'c']) && (n.ends_with(".txt") || n.ends_with(".docx")))
        .map(|n| dir.join(n).display().to_string())
        .collect();
    files.sort();
    let mut args = vec!["import"];
    args.extend(files.iter().map(String::as_str));
    env.ok(&args);

    let rows: Value = serde_json::from_str(&env.ok(&["status", "--format", "json"])).unwrap();
    let rows = rows.as_array().unwrap();
    let of = |kind: &str| -> Vec<&Value> { rows.iter().filter(|r| r["kind"] == kind).collect() };
    let (problems, measures) = (of("problem"), of("measure"));
    // Where the import recorded no link, the first measure of each unit and year answers the
    // first problem, and the last measure the last problem.
    for m in &measures {
        let same = |x: &&&Value| x["unit"] == m["unit"] && x["year"] == m["year"];
        let first = measures.iter().find(same) == Some(m);
        let last = measures.iter().rfind(same) == Some(m);
        let problem = match (first, last) {
            (true, _) => problems.iter().find(same),
            (_, true) => problems.iter().rfind(same),
            _ => None,
        };
        if let Some(p) = problem.filter(|_| m["links"].as_array().unwrap().is_empty()) {
            env.ok(&["link", m["id"].as_str().unwrap(), p["id"].as_str().unwrap()]);
        }
    }
    // Typed in afterwards for a year the next summary reported on, and never reported: 未报告.
    let said = env.ok(&[
        "problem",
        "add",
        "--unit",
        "临江市财政局",
        "--year",
        "2022",
        "财务档案归档不够及时",
    ]);
    let problem = said
        .split_whitespace()
        .find(|w| w.starts_with('P'))
        .unwrap();
    let problem: String = problem
        .chars()
        .take_while(char::is_ascii_alphanumeric)
        .collect();
    env.ok(&[
        "measure",
        "add",
        "--unit",
        "临江市财政局",
        "--year",
        "2022",
        "--for",
        &problem,
        "--due",
        "2023-06-30",
        "按月归档财务档案",
    ]);
    for (i, m) in measures.iter().enumerate() {
        let id = m["id"].as_str().unwrap();
        let next = m["year"].as_i64().unwrap() + 1;
        if i % 3 == 0 {
            let date = format!("{next}-03-01");
            env.ok(&["progress", id, "--status", "in_progress", "--date", &date]);
        }
        if i % 4 == 1 {
            let date = format!("{next}-10-31");
            env.ok(&["progress", id, "--status", "done", "--date", &date]);
        }
        if i % 7 == 2 {
            let date = format!("{next}-11-15");
            env.ok(&[
                "progress",
                id,
                "--status",
                "not_done",
                "--date",
                &date,
                "--note",
                "资金未到位",
            ]);
        }
    }
    for (i, p) in problems.iter().enumerate() {
        if i % 5 == 4 {
            let id = p["id"].as_str().unwrap();
            let date = format!("{}-08-01", p["year"].as_i64().unwrap() + 1);
            env.ok(&["progress", id, "--status", "long_term", "--date", &date]);
        }
    }
    env
}

/// The store `taizhang demo` builds.
pub fn demo() -> TestEnv {
    let env = TestEnv::new();
    let db = env.db().display().to_string();
    env.ok(&["--db", &db, "demo"]);
    env
}

/// The store the README's "Keeping a ledger by hand" commands build.
pub fn readme_example() -> TestEnv {
    let readme = std::fs::read_to_string(fixture("README.md")).unwrap();
    let section = readme
        .split("## Keeping a ledger by hand")
        .nth(1)
        .and_then(|s| s.split("\n## ").next())
        .expect("the README has its by-hand example");
    let env = TestEnv::new();
    let mut ran = 0;
    for line in section.lines() {
        if let Some(command) = line.strip_prefix("$ taizhang ") {
            let words = split_words(command);
            let args: Vec<&str> = words.iter().map(String::as_str).collect();
            env.ok(&args);
            ran += 1;
        }
    }
    assert!(ran > 5, "the README example has its commands");
    env
}

/// An Excel ledger of a unit, imported.
pub fn excel_ledger() -> TestEnv {
    let env = TestEnv::init();
    env.ok(&[
        "import",
        "--ledger",
        &fixture("fixtures/ledgers/beihu_weijian_2024.xlsx"),
    ]);
    env
}

/// The status word a ledger cell shows, as a status code (`已完成（据2023年度总结）` → done).
fn status_of_label(label: &str) -> String {
    let word = label.split('（').next().unwrap_or("").trim();
    match word {
        "未启动" => "planned",
        "正在整改" => "in_progress",
        "已完成" => "done",
        "长期坚持" => "long_term",
        "未完成" => "not_done",
        "已撤销" => "dropped",
        "未报告" => "unreported",
        other => panic!("an unknown status label in an export: {other:?}"),
    }
    .to_string()
}

/// Checks the 完成情况 of every exported row whose 备注 names one item.
fn check_rows(what: &str, rows: &[Vec<String>], exp: &Expected) -> usize {
    let header = rows
        .iter()
        .position(|r| r.iter().any(|c| c == "完成情况"))
        .unwrap_or_else(|| panic!("{what}: a header row with 完成情况"));
    let col = |name: &str| rows[header].iter().position(|c| c == name).unwrap();
    let (status, note) = (col("完成情况"), col("备注"));
    let mut checked = 0;
    for row in &rows[header + 1..] {
        let Some(id) = row.get(note).and_then(|n| n.split(['；', ' ']).next()) else {
            continue;
        };
        let Some(item) = exp.items.get(id) else {
            continue;
        };
        assert_eq!(
            status_of_label(&row[status]),
            item.status,
            "{what}: 完成情况 of {id}"
        );
        checked += 1;
    }
    checked
}

pub fn check_exports(name: &str, env: &TestEnv, exp: &Expected, as_of: &str) {
    env.ok(&["export", "--csv", "out.csv", "--as-of", as_of]);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_path(env.dir().join("out.csv"))
        .unwrap();
    let rows: Vec<Vec<String>> = reader
        .records()
        .map(|r| {
            r.unwrap()
                .iter()
                .map(|c| c.trim_start_matches('\u{feff}').to_string())
                .collect()
        })
        .collect();
    let checked = check_rows(&format!("{name} csv"), &rows, exp);
    assert!(checked > 0, "{name}: the CSV export names its items");

    env.ok(&["export", "--xlsx", "out.xlsx", "--as-of", as_of]);
    let mut book = open_workbook_auto(env.dir().join("out.xlsx")).unwrap();
    let mut checked = 0;
    for sheet in book.sheet_names() {
        // The figures by year, and the per-unit summary of a several-unit workbook, hold no items.
        if sheet == "各年度情况" || sheet == "各单位汇总" {
            continue;
        }
        let range = book.worksheet_range(&sheet).unwrap();
        let rows: Vec<Vec<String>> = range
            .rows()
            .map(|r| {
                r.iter()
                    .map(|c| match c {
                        Data::Empty => String::new(),
                        other => other.to_string(),
                    })
                    .collect()
            })
            .collect();
        checked += check_rows(&format!("{name} xlsx {sheet}"), &rows, exp);
    }
    assert!(checked > 0, "{name}: the Excel export names its items");
}

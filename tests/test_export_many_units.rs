//! `export --xlsx` of a store of many units: one sheet a year with a 单位 column (a sheet per
//! unit and year would be more than a spreadsheet opens), read back by `import --ledger`.

use calamine::{Reader, Xlsx};

use crate::common::{redact_uuids, TestEnv};

/// A roll-up ledger of 101 units' 2024 rows and three units' 2025 rows: 104 sheets of a unit
/// and year, more than a workbook keeps apart. Each unit has a problem with two measures, one
/// of them done.
fn rollup_csv() -> String {
    let mut text = String::from("单位,年度,序号,问题描述,整改措施,牵头部门,整改时限,完成情况\n");
    let rows = (1..=101)
        .map(|u| (u, 2024))
        .chain((1..=3).map(|u| (u, 2025)));
    for (unit, year) in rows {
        for (k, status) in [(1, "已完成"), (2, "正在整改")] {
            text.push_str(&format!(
                "第{unit:03}号单位,{year},1,{year}年度第{unit}号单位的问题,措施{k}：逐项整改到位,办公室,{}-06-30,{status}\n",
                year + 1
            ));
        }
    }
    text
}

#[test]
fn a_workbook_of_many_units_has_a_sheet_a_year_that_imports_back_into_the_same_ledger() {
    let env = TestEnv::init();
    std::fs::write(env.dir().join("汇总.csv"), rollup_csv()).unwrap();
    env.ok(&["--as-of", "2026-01-15", "import", "--ledger", "汇总.csv"]);
    let report = env.ok(&["--as-of", "2026-01-15", "export", "--xlsx", "全部.xlsx"]);
    assert!(
        report.contains("工作表“2024年度”：各单位 2024年度，202 行"),
        "{report}"
    );
    assert!(
        report.contains("工作表“2025年度”：各单位 2025年度，6 行"),
        "{report}"
    );

    let path = env.dir().join("全部.xlsx");
    let mut workbook: Xlsx<_> = calamine::open_workbook(&path).unwrap();
    let names = workbook.sheet_names();
    assert_eq!(names[..2], ["2024年度", "2025年度"]);
    let sheet = workbook.worksheet_range("2024年度").unwrap();
    let header: Vec<String> = sheet
        .rows()
        .nth(2)
        .unwrap()
        .iter()
        .map(|c| c.to_string())
        .collect();
    assert_eq!(
        header[..5],
        ["单位", "序号", "问题来源", "问题类别", "问题描述"]
    );
    let units: Vec<String> = sheet.rows().skip(3).map(|r| r[0].to_string()).collect();
    assert_eq!(units.len(), 202);
    assert_eq!(units[0], "第001号单位");
    assert_eq!(units[201], "第101号单位");

    let fresh = TestEnv::init();
    std::fs::copy(&path, fresh.dir().join("全部.xlsx")).unwrap();
    for sheet in ["2024年度", "2025年度"] {
        fresh.ok(&[
            "--as-of",
            "2026-01-15",
            "import",
            "--ledger",
            "全部.xlsx",
            "--sheet",
            sheet,
        ]);
    }
    let figures = |env: &TestEnv| {
        env.ok(&[
            "--as-of",
            "2026-01-15",
            "--format",
            "csv",
            "stats",
            "--by",
            "unit",
        ])
    };
    assert_eq!(figures(&env), figures(&fresh));
    let statuses = |env: &TestEnv| {
        redact_uuids(&env.ok(&[
            "--as-of",
            "2026-01-15",
            "--format",
            "csv",
            "status",
            "--unit",
            "第002号单位",
        ]))
    };
    assert_eq!(statuses(&env), statuses(&fresh));
}

//! `taizhang report --all-units`: the supervising office's roll-up, on a county store merged
//! from three units' own stores.

use std::io::Read;

use calamine::{Data, Reader, Xlsx};
use serde_json::Value;

use crate::common::TestEnv;

/// One unit's store: (year, problem, optional measure (due, status, date, note)).
type Item<'a> = (
    &'a str,
    &'a str,
    Option<(&'a str, &'a str, &'a str, &'a str)>,
);

fn unit_store(name: &str, alias: &str, items: &[Item<'_>]) -> TestEnv {
    let env = TestEnv::init();
    env.ok(&["unit", "add", name, "--alias", alias]);
    let mut measures = 0;
    for (n, (year, problem, measure)) in items.iter().enumerate() {
        env.ok(&["problem", "add", "--unit", name, "--year", year, problem]);
        let Some((due, status, date, note)) = measure else {
            continue;
        };
        measures += 1;
        let for_problem = format!("P{}", n + 1);
        env.ok(&[
            "measure",
            "add",
            "--unit",
            name,
            "--year",
            year,
            "--for",
            &for_problem,
            "--due",
            due,
            &format!("针对{problem}的整改措施"),
        ]);
        let id = format!("M{measures}");
        env.ok(&[
            "progress", &id, "--status", status, "--date", date, "--note", note,
        ]);
    }
    env
}

/// A county store merged from three units' stores: 2024 problems with measures at different
/// stages, 2025 problems of which three say the same thing, and a confirmed recurrence.
pub fn county() -> TestEnv {
    let caizheng = unit_store(
        "东山县财政局",
        "县财政局",
        &[
            (
                "2024",
                "理论学习不够深入，学用结合不紧",
                Some(("2025-06-30", "done", "2025-05-10", "专题研讨已开展四次")),
            ),
            (
                "2024",
                "预算执行进度偏慢，部分项目资金沉淀",
                Some((
                    "2025-09-30",
                    "in_progress",
                    "2025-08-01",
                    "已清理沉淀资金两笔",
                )),
            ),
            ("2025", "理论学习不够深入，学习停留在面上", None),
            ("2025", "预算执行进度仍然偏慢，项目资金沉淀", None),
        ],
    );
    let shenji = unit_store(
        "东山县审计局",
        "县审计局",
        &[
            (
                "2024",
                "审计整改跟踪不够及时",
                Some(("2025-06-30", "done", "2025-04-20", "建立整改销号台账")),
            ),
            ("2025", "部分党员干部理论学习不够深入，停留在面上", None),
        ],
    );
    let tongji = unit_store(
        "东山县统计局",
        "县统计局",
        &[
            (
                "2024",
                "统计数据质量核查不够严格",
                Some(("2025-06-30", "not_done", "2025-07-01", "核查人员不足")),
            ),
            (
                "2024",
                "档案整理归档不及时",
                Some(("long-term", "long_term", "2025-03-01", "按季度集中归档")),
            ),
            ("2025", "在理论学习方面还不够深入，学习停留在面上", None),
        ],
    );
    let county = TestEnv::init();
    for (env, file) in [
        (&caizheng, "caizheng.db"),
        (&shenji, "shenji.db"),
        (&tongji, "tongji.db"),
    ] {
        std::fs::copy(env.db(), county.dir().join(file)).unwrap();
    }
    county.ok(&["merge", "caizheng.db", "shenji.db", "tongji.db"]);
    // 东山县财政局 merged first keeps its ids: its 2025 P4 repeats its 2024 P2.
    county.ok(&["recur", "--confirm", "P2", "P4"]);
    county
}

#[test]
fn the_roll_up_of_three_merged_units_names_the_highest_and_lowest_and_tables_every_unit() {
    let env = county();
    insta::assert_snapshot!(env.transcript(&["report", "--all-units", "--year", "2025"]));
}

#[test]
fn the_roll_up_in_markdown_has_a_pipe_table() {
    let env = county();
    insta::assert_snapshot!(env.transcript(&[
        "report",
        "--all-units",
        "--year",
        "2025",
        "--format",
        "md"
    ]));
}

#[test]
fn the_roll_up_docx_holds_the_title_the_prose_and_a_real_table() {
    let env = county();
    let out = env.ok(&["report", "--all-units", "--year", "2025", "-o", "汇总.docx"]);
    assert_eq!(out, "已写入 汇总.docx\n");
    let docx = std::fs::read(env.dir().join("汇总.docx")).unwrap();
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(docx)).unwrap();
    let mut xml = String::new();
    archive
        .by_name("word/document.xml")
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    assert!(xml.contains("2025年度各单位问题整改情况汇总"), "{xml}");
    assert!(xml.contains("一、总体情况") && xml.contains("二、各单位整改进展"));
    assert_eq!(xml.matches("<w:tbl>").count(), 1, "one table");
    let table = &xml[xml.find("<w:tbl>").unwrap()..xml.find("</w:tbl>").unwrap()];
    assert_eq!(
        table.matches("<w:tr>").count(),
        5,
        "header, three units, total"
    );
    for cell in [
        "单位",
        "完成率",
        "东山县财政局",
        "东山县审计局",
        "东山县统计局",
        "合计",
        "100%",
    ] {
        assert!(
            table.contains(&format!(">{cell}<")),
            "{cell} not a cell:\n{table}"
        );
    }
    // The table's cells are not repeated as paragraphs outside it.
    let outside = xml.replace(table, "");
    assert!(!outside.contains(">合计<"), "{outside}");
}

#[test]
fn the_roll_up_text_and_md_files_are_what_stdout_shows() {
    let env = county();
    env.ok(&["report", "--all-units", "--year", "2025", "-o", "汇总.txt"]);
    env.ok(&["report", "--all-units", "--year", "2025", "-o", "汇总.md"]);
    let read = |name: &str| std::fs::read_to_string(env.dir().join(name)).unwrap();
    assert_eq!(
        read("汇总.txt"),
        env.ok(&["report", "--all-units", "--year", "2025"])
    );
    assert_eq!(
        read("汇总.md"),
        env.ok(&["report", "--all-units", "--year", "2025", "--format", "md"])
    );
}

#[test]
fn units_chooses_the_units_by_name_or_alias() {
    let env = county();
    let json = env.ok(&[
        "report",
        "--all-units",
        "--units",
        "县审计局",
        "东山县统计局",
        "--year",
        "2025",
        "--format",
        "json",
    ]);
    let value: Value = serde_json::from_str(&json).unwrap();
    let units: Vec<&str> = value["units"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["unit"].as_str().unwrap())
        .collect();
    assert_eq!(units, ["东山县审计局", "东山县统计局"]);
    assert_eq!(value["total"]["problems"]["total"], 3);
    assert_eq!(value["shared"][0]["units"].as_array().unwrap().len(), 2);
}

#[test]
fn unit_and_all_units_together_are_refused_in_chinese() {
    let env = county();
    insta::assert_snapshot!(env.transcript(&[
        "report",
        "--unit",
        "县财政局",
        "--all-units",
        "--year",
        "2025"
    ]));
}

#[test]
fn an_unknown_unit_in_units_is_refused_with_the_closest_name() {
    let env = county();
    insta::assert_snapshot!(env.transcript(&[
        "report",
        "--all-units",
        "--units",
        "县财政局",
        "东山县统计",
        "--year",
        "2025"
    ]));
}

#[test]
fn units_without_all_units_is_refused() {
    let env = county();
    let output = env
        .cmd(&["report", "--units", "县财政局", "--year", "2025"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("--all-units"), "{stderr}");
}

#[test]
fn a_store_without_units_has_nothing_to_roll_up() {
    let env = TestEnv::init();
    insta::assert_snapshot!(env.transcript(&["report", "--all-units", "--year", "2025"]));
}

/// The figures both commands give for each unit, as comparable JSON.
fn figures(unit: &Value) -> Value {
    serde_json::json!({
        "problems": unit["problems"],
        "measures": unit["measures"],
        "completion_rate": unit["completion_rate"],
        "measure_completion_rate": unit["measure_completion_rate"],
        "overdue_problems": unit["overdue_problems"],
        "overdue_measures": unit["overdue_measures"],
    })
}

#[test]
fn the_roll_up_s_per_unit_figures_equal_stats_by_unit() {
    let env = county();
    let rollup: Value = serde_json::from_str(&env.ok(&[
        "report",
        "--all-units",
        "--year",
        "2025",
        "--format",
        "json",
    ]))
    .unwrap();
    let stats_of = |year: &str| -> Value {
        serde_json::from_str(&env.ok(&[
            "stats", "--by", "unit", "--from", year, "--to", year, "--format", "json",
        ]))
        .unwrap()
    };
    let reviewed = stats_of("2024");
    let current = stats_of("2025");
    let units = rollup["units"].as_array().unwrap();
    let groups = reviewed["groups"].as_array().unwrap();
    assert_eq!(units.len(), 3);
    assert_eq!(groups.len(), 3);
    for (unit, group) in units.iter().zip(groups) {
        assert_eq!(unit["unit"], group["group"]);
        assert_eq!(figures(unit), figures(group), "{}", unit["unit"]);
        let recurring = current["groups"]
            .as_array()
            .unwrap()
            .iter()
            .find(|g| g["group"] == unit["unit"])
            .unwrap()["recurring"]
            .clone();
        assert_eq!(unit["recurring"], recurring, "{}", unit["unit"]);
    }
    assert_eq!(figures(&rollup["total"]), figures(&reviewed["total"]));
    assert_eq!(rollup["total"]["recurring"], current["total"]["recurring"]);
    assert_eq!(rollup["total"]["recurring"], 1);
}

#[test]
fn print_template_with_all_units_prints_the_roll_up_template_and_a_user_template_is_used() {
    let env = county();
    let template = env.ok(&["report", "--all-units", "--print-template"]);
    assert!(template.contains("各单位问题整改情况汇总"), "{template}");
    assert_ne!(template, env.ok(&["report", "--print-template"]));
    std::fs::write(
        env.dir().join("mine.j2"),
        "{{ rollup.year }}年度汇总：{% for u in rollup.units %}{{ u.unit }}{{ u.completion_rate }}%；{% endfor %}",
    )
    .unwrap();
    let text = env.ok(&[
        "report",
        "--all-units",
        "--year",
        "2025",
        "--template",
        "mine.j2",
    ]);
    assert_eq!(
        text,
        "2025年度汇总：东山县审计局100%；东山县统计局0%；东山县财政局50%；\n"
    );
}

/// Every cell of a sheet, row by row.
fn cells(path: &std::path::Path, sheet: &str) -> Vec<Vec<String>> {
    let mut workbook: Xlsx<_> = calamine::open_workbook(path).unwrap();
    let range = workbook.worksheet_range(sheet).unwrap();
    range
        .rows()
        .map(|row| {
            row.iter()
                .map(|cell| match cell {
                    Data::Float(f) => format!("{f}"),
                    other => other.to_string(),
                })
                .collect()
        })
        .collect()
}

#[test]
fn a_workbook_of_several_units_ends_with_a_summary_sheet_and_keeps_its_ledger_sheets() {
    let env = county();
    env.ok(&["export", "--xlsx", "台账.xlsx", "--year", "2024"]);
    let path = env.dir().join("台账.xlsx");
    let workbook: Xlsx<_> = calamine::open_workbook(&path).unwrap();
    assert_eq!(
        workbook.sheet_names(),
        [
            "东山县审计局2024",
            "东山县统计局2024",
            "东山县财政局2024",
            "各年度情况",
            "各单位汇总"
        ]
    );
    let rows = cells(&path, "各单位汇总");
    assert_eq!(
        rows[0][0],
        "2024年度各单位问题整改情况汇总表（截至2026年1月15日）"
    );
    assert_eq!(rows[1][..4], ["序号", "单位", "查摆问题", "已完成"]);
    let table: Vec<String> = rows[2..].iter().map(|r| r.join(" | ")).collect();
    insta::assert_snapshot!(table.join("\n"));
    // The same figures as stats --by unit over the same rows.
    let stats: Value = serde_json::from_str(&env.ok(&[
        "stats", "--by", "unit", "--from", "2024", "--to", "2024", "--format", "json",
    ]))
    .unwrap();
    for (row, group) in rows[2..5].iter().zip(stats["groups"].as_array().unwrap()) {
        assert_eq!(row[1], group["group"].as_str().unwrap());
        assert_eq!(row[2], group["problems"]["total"].to_string());
        assert_eq!(row[3], group["problems"]["done"].to_string());
        let rate = group["completion_rate"]
            .as_f64()
            .map(|r| format!("{}", r / 100.0));
        assert_eq!(Some(row[10].clone()), rate.or(Some("—".into())));
    }
}

#[test]
fn a_workbook_of_one_unit_has_no_summary_sheet() {
    let env = county();
    env.ok(&["export", "--xlsx", "财政.xlsx", "--unit", "县财政局"]);
    let workbook: Xlsx<_> = calamine::open_workbook(env.dir().join("财政.xlsx")).unwrap();
    assert!(!workbook.sheet_names().iter().any(|n| n == "各单位汇总"));
}

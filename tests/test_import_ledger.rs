//! `taizhang import --ledger`: ledgers units already keep in Excel or CSV, and `import --json`.

mod fixtures;

use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::common::TestEnv;

pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/ledgers")
        .join(name)
}

/// Copies a fixture ledger into the test dir.
pub fn copy(env: &TestEnv, name: &str) {
    std::fs::copy(fixture(name), env.dir().join(name)).unwrap();
}

/// Runs `taizhang import ARGS` for `--ledger FILE` or `--json FILE` (with `--sheet`, `--unit`,
/// `--year`, `--dry-run`, `--format`, `--lang`, `--as-of`) against the env's store.
pub fn import(env: &TestEnv, args: &[&str]) -> String {
    let mut full = vec!["import"];
    full.extend_from_slice(args);
    env.run(&full)
}

fn json_of(env: &TestEnv, args: &[&str]) -> Value {
    serde_json::from_str(&env.ok(args)).unwrap()
}

#[test]
fn fixture_ledgers_match_their_generator() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/ledgers");
    if std::env::var_os("TAIZHANG_UPDATE_FIXTURES").is_some() {
        fixtures::write_all(&dir);
    }
    for (name, bytes) in fixtures::all() {
        let committed = std::fs::read(dir.join(name)).unwrap_or_default();
        assert!(
            committed == bytes,
            "fixtures/ledgers/{name} is not what the generator writes; rerun with TAIZHANG_UPDATE_FIXTURES=1"
        );
    }
}

#[test]
fn an_official_ledger_is_read_with_merged_problems_dates_owners_and_statuses() {
    let env = TestEnv::init();
    copy(&env, "beihu_weijian_2024.xlsx");
    insta::assert_snapshot!(import(&env, &["--ledger", "beihu_weijian_2024.xlsx"]));
    insta::assert_snapshot!(env.transcript(&["status"]));
    let m1 = json_of(&env, &["show", "M1", "--format", "json"]);
    assert_eq!(m1["title"], "完善考核办法");
    assert_eq!(m1["co_depts"], serde_json::json!(["财务科", "基层卫生科"]));
    assert_eq!(m1["owner_person"], "周敏");
    assert_eq!(m1["links"], serde_json::json!(["P1"]));
    let evidence: Vec<&str> = m1["progress"][0]["evidence"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["reference"].as_str().unwrap())
        .collect();
    assert_eq!(evidence, ["北卫发〔2025〕12号", "考核办法印发通知.pdf"]);
    let m4 = json_of(&env, &["show", "M4", "--format", "json"]);
    assert_eq!(
        (m4["due"].as_str(), m4["status"].as_str()),
        (Some("2025-12-31"), Some("planned"))
    );
}

#[test]
fn importing_the_same_ledger_twice_changes_nothing() {
    let env = TestEnv::init();
    copy(&env, "beihu_weijian_2024.xlsx");
    import(&env, &["--ledger", "beihu_weijian_2024.xlsx"]);
    let before = env.fingerprint();
    let again = import(&env, &["--ledger", "beihu_weijian_2024.xlsx"]);
    assert!(
        again.contains("问题 0 个，整改措施 0 条，整改进展 0 条；已有 8 项未重复导入"),
        "{again}"
    );
    assert_eq!(before, env.fingerprint());
}

#[test]
fn a_dry_run_shows_what_would_be_imported_and_writes_nothing() {
    let env = TestEnv::init();
    copy(&env, "beihu_weijian_2024.xlsx");
    let before = env.fingerprint();
    insta::assert_snapshot!(import(
        &env,
        &[
            "--ledger",
            "beihu_weijian_2024.xlsx",
            "--dry-run",
            "--lang",
            "en"
        ]
    ));
    assert_eq!(before, env.fingerprint());
}

#[test]
fn a_two_row_header_under_a_title_with_sentences_and_an_unreadable_deadline() {
    let env = TestEnv::init();
    copy(&env, "dongcheng_two_row_header.xlsx");
    insta::assert_snapshot!(import(&env, &["--ledger", "dongcheng_two_row_header.xlsx"]));
    insta::assert_snapshot!(env.transcript(&["status", "--format", "md"]));
}

#[test]
fn the_json_report_lists_rows_items_and_warnings() {
    let env = TestEnv::init();
    copy(&env, "dongcheng_two_row_header.xlsx");
    let output = import(
        &env,
        &[
            "--ledger",
            "dongcheng_two_row_header.xlsx",
            "--format",
            "json",
        ],
    );
    let json = output
        .split("--- stdout\n")
        .nth(1)
        .unwrap()
        .split("--- stderr")
        .next()
        .unwrap();
    let report: Value = serde_json::from_str(json).unwrap();
    let keys: Vec<&str> = report
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        keys,
        [
            "file",
            "sheet",
            "header_row",
            "dry_run",
            "new_units",
            "problems",
            "measures",
            "progress",
            "undated_progress",
            "unlinked_measures",
            "warnings"
        ]
    );
    assert_eq!(report["header_row"], 5);
    assert_eq!(report["new_units"], serde_json::json!(["东城街道办事处"]));
    let rows: Vec<i64> = report["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w["row"].as_i64().unwrap())
        .collect();
    assert_eq!(rows, [9, 12]);
    let measure = &report["measures"][0];
    let keys: Vec<&str> = measure
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        keys,
        [
            "row",
            "id",
            "unit",
            "year",
            "text",
            "links",
            "deadline_kind",
            "due",
            "status",
            "new"
        ]
    );
}

#[test]
fn a_csv_with_repeated_problem_cells_needs_its_unit_and_year() {
    let env = TestEnv::init();
    env.ok(&["unit", "add", "南山县教育局"]);
    copy(&env, "nanshan_repeated_rows.csv");
    let before = env.fingerprint();
    insta::assert_snapshot!(import(&env, &["--ledger", "nanshan_repeated_rows.csv"]));
    assert_eq!(before, env.fingerprint());
    insta::assert_snapshot!(import(
        &env,
        &[
            "--ledger",
            "nanshan_repeated_rows.csv",
            "--unit",
            "南山县教育局",
            "--year",
            "2023"
        ]
    ));
    let rows: Vec<Value> =
        serde_json::from_value(json_of(&env, &["status", "--format", "json"])).unwrap();
    let problems = rows.iter().filter(|r| r["kind"] == "problem").count();
    assert_eq!(
        problems, 3,
        "a repeated or blank problem cell continues the problem above"
    );
    let m4 = rows.iter().find(|r| r["id"] == "M4").unwrap();
    assert_eq!(
        (m4["due"].as_str(), m4["status"].as_str()),
        (Some("2024-12-31"), Some("not_done"))
    );
    assert_eq!(m4["links"], serde_json::json!(["P2"]));
}

#[test]
fn a_gb18030_roll_up_ledger_names_a_unit_and_year_on_each_row() {
    let env = TestEnv::init();
    copy(&env, "xihe_rollup_gb18030.csv");
    insta::assert_snapshot!(import(&env, &["--ledger", "xihe_rollup_gb18030.csv"]));
    insta::assert_snapshot!(env.transcript(&["unit", "list"]));
    let dropped = json_of(&env, &["show", "M3", "--format", "json"]);
    assert_eq!(dropped["status"], "dropped");
    assert_eq!(dropped["progress"][0]["note"], "台账标注为“已撤销”");
}

#[test]
fn the_first_sheet_with_a_header_is_read_unless_one_is_named() {
    let env = TestEnv::init();
    copy(&env, "qiaotou_several_sheets.xlsx");
    let before = env.fingerprint();
    insta::assert_snapshot!(import(
        &env,
        &[
            "--ledger",
            "qiaotou_several_sheets.xlsx",
            "--sheet",
            "填表说明"
        ]
    ));
    insta::assert_snapshot!(import(
        &env,
        &[
            "--ledger",
            "qiaotou_several_sheets.xlsx",
            "--sheet",
            "2024年度"
        ]
    ));
    let empty = import(
        &env,
        &["--ledger", "qiaotou_several_sheets.xlsx", "--sheet", "空表"],
    );
    assert!(empty.contains("问题 0 个，整改措施 0 条"), "{empty}");
    assert_eq!(before, env.fingerprint());
    insta::assert_snapshot!(import(&env, &["--ledger", "qiaotou_several_sheets.xlsx"]));
}

#[test]
fn unreadable_files_get_one_clear_sentence_and_change_nothing() {
    let env = TestEnv::init();
    std::fs::write(env.dir().join("damaged.xlsx"), "这不是一个表格文件").unwrap();
    std::fs::write(env.dir().join("notes.csv"), "会议纪要\n第一项\n").unwrap();
    std::fs::write(env.dir().join("empty.csv"), "").unwrap();
    let before = env.fingerprint();
    for file in ["missing.xlsx", "damaged.xlsx", "notes.csv", "empty.csv"] {
        insta::assert_snapshot!(file, import(&env, &["--ledger", file]));
    }
    assert_eq!(before, env.fingerprint());
}

/// The items of a ledger as a person would compare them: no ids, no dates of recording.
fn comparable(rows: &[Value]) -> Vec<String> {
    let mut items: Vec<String> = rows
        .iter()
        .map(|r| {
            let due = if r["deadline_kind"] == "by_date" {
                r["due"].to_string()
            } else {
                String::new()
            };
            format!(
                "{} {} {} | {} | {} | {} | {} | {} | {} | {} {} | {}",
                r["kind"],
                r["unit"],
                r["year"],
                r["text"],
                r["title"],
                r["leader"],
                r["owner_dept"],
                r["co_depts"],
                r["owner_person"],
                r["deadline_kind"],
                due,
                r["status"]
            )
        })
        .collect();
    items.sort();
    items
}

#[test]
fn an_exported_workbook_reads_back_as_the_same_ledger() {
    let original = TestEnv::with_fixture_ledger();
    original.ok(&[
        "export",
        "--xlsx",
        "ledger.xlsx",
        "--unit",
        "临江市财政局",
        "--year",
        "2024",
    ]);
    let copy = TestEnv::init();
    std::fs::copy(
        original.dir().join("ledger.xlsx"),
        copy.dir().join("ledger.xlsx"),
    )
    .unwrap();
    let output = import(&copy, &["--ledger", "ledger.xlsx"]);
    assert!(output.starts_with("exit: 0"), "{output}");
    let scope = [
        "status",
        "--unit",
        "临江市财政局",
        "--year",
        "2024",
        "--format",
        "json",
    ];
    let before: Vec<Value> = serde_json::from_value(json_of(&original, &scope)).unwrap();
    let after: Vec<Value> = serde_json::from_value(json_of(&copy, &scope)).unwrap();
    assert_eq!(comparable(&after), comparable(&before));
    // M4 answers P1 and P3: listed under both, it is one measure again.
    assert_eq!(after.len(), before.len());
}

#[test]
fn an_exported_csv_of_every_unit_and_year_reads_back_as_the_same_ledger() {
    let original = TestEnv::with_fixture_ledger();
    original.ok(&["export", "--csv", "ledger.csv"]);
    let copy = TestEnv::init();
    std::fs::copy(
        original.dir().join("ledger.csv"),
        copy.dir().join("ledger.csv"),
    )
    .unwrap();
    let output = import(&copy, &["--ledger", "ledger.csv"]);
    assert!(output.starts_with("exit: 0"), "{output}");
    let before: Vec<Value> =
        serde_json::from_value(json_of(&original, &["status", "--format", "json"])).unwrap();
    let after: Vec<Value> =
        serde_json::from_value(json_of(&copy, &["status", "--format", "json"])).unwrap();
    assert_eq!(comparable(&after), comparable(&before));
}

#[test]
fn a_failure_after_some_rows_were_recorded_leaves_the_store_unchanged() {
    let env = TestEnv::init();
    // 西河镇卫生院 could be either of these: the import stops after recording 西河镇人民政府's rows.
    env.ok(&["unit", "add", "西河镇卫生院第一分院"]);
    env.ok(&["unit", "add", "西河镇卫生院第二分院"]);
    copy(&env, "xihe_rollup_gb18030.csv");
    let before = env.fingerprint();
    insta::assert_snapshot!(import(&env, &["--ledger", "xihe_rollup_gb18030.csv"]));
    assert_eq!(before, env.fingerprint());
}

/// A ledger written for the test: a title naming unit and year, then one row per measure.
fn write_dated_ledger(env: &TestEnv) {
    let rows = [
        "临江市财政局2024年度问题整改台账",
        "序号,问题表现,整改措施,责任人,整改时限,整改进展,完成情况",
        "1,预算绩效目标设置不够细化,修订预算绩效管理办法,王强,2025-06-30,2025-03-01 已部署；2025-05-20 新办法已印发,已完成",
        "2,政府采购意向公开不及时,立行立改，补录采购意向,李娜,立行立改,已补录全部意向,已完成",
        "3,资产台账更新滞后,开展资产清查,赵磊,2025年底前,2025年2月30日启动清查,正在整改",
    ];
    std::fs::write(env.dir().join("dated.csv"), rows.join("\n")).unwrap();
}

#[test]
fn progress_takes_the_date_its_text_states_not_the_import_day() {
    let env = TestEnv::init();
    write_dated_ledger(&env);
    let report = json_of(
        &env,
        &["import", "--ledger", "dated.csv", "--format", "json"],
    );
    assert_eq!(report["progress"], 3);
    assert_eq!(report["undated_progress"], 2, "{report}");
    let m1 = json_of(&env, &["show", "M1", "--format", "json"]);
    assert_eq!(m1["progress"][0]["date"], "2025-05-20", "{m1}");
    assert_eq!(m1["links"], serde_json::json!(["P1"]));
    let messages: Vec<&str> = report["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w["message"].as_str().unwrap())
        .collect();
    assert!(
        messages.iter().any(|m| m.contains("2025年2月30日")),
        "an impossible date is a row warning: {messages:?}"
    );
    let m3 = json_of(&env, &["show", "M3", "--format", "json"]);
    assert_eq!(m3["progress"][0]["date"], "2026-01-15", "{m3}");
}

#[test]
fn the_ledger_import_says_how_many_progress_entries_took_the_as_of_date() {
    let env = TestEnv::init();
    write_dated_ledger(&env);
    let output = env.ok(&["import", "--ledger", "dated.csv"]);
    assert!(
        output.contains("其中 2 条整改进展未写明日期，按截至日期 2026-01-15 记录"),
        "{output}"
    );
    assert!(
        output.contains("提示：新建单位“临江市财政局”（取自台账标题）"),
        "{output}"
    );
}

#[test]
fn every_ledger_row_naming_a_problem_and_a_measure_links_them() {
    let env = TestEnv::init();
    write_dated_ledger(&env);
    let report = json_of(
        &env,
        &["import", "--ledger", "dated.csv", "--format", "json"],
    );
    assert_eq!(report["unlinked_measures"], 0);
    for (m, p) in [("M1", "P1"), ("M2", "P2"), ("M3", "P3")] {
        let shown = json_of(&env, &["show", m, "--format", "json"]);
        assert_eq!(shown["links"], serde_json::json!([p]), "{shown}");
    }
}

#[test]
fn an_immediate_measure_of_a_ledger_is_due_when_the_plan_year_starts() {
    let env = TestEnv::init();
    write_dated_ledger(&env);
    env.ok(&["import", "--ledger", "dated.csv"]);
    let m2 = json_of(&env, &["show", "M2", "--format", "json"]);
    assert_eq!(m2["due"], "2025-01-01", "{m2}");
}

#[test]
fn a_mistyped_unit_given_with_unit_is_refused_for_a_ledger_too() {
    let env = TestEnv::init();
    env.ok(&["unit", "add", "临江市财政局"]);
    write_dated_ledger(&env);
    let before = env.fingerprint();
    let output = import(&env, &["--ledger", "dated.csv", "--unit", "临江市材政局"]);
    assert!(!output.starts_with("exit: 0"), "{output}");
    assert!(output.contains("是否指“临江市财政局”"), "{output}");
    assert_eq!(before, env.fingerprint());
}

#[test]
fn re_importing_an_older_ledger_never_overwrites_newer_progress() {
    let env = TestEnv::init();
    copy(&env, "beihu_weijian_2024.xlsx");
    import(&env, &["--ledger", "beihu_weijian_2024.xlsx"]);
    let status = |id: &str| json_of(&env, &["show", id, "--format", "json"])["status"].clone();
    let before = status("M3");
    // Later the measure is finished and recorded; then the old workbook is imported again.
    env.ok(&["progress", "M3", "--status", "done", "--date", "2026-01-15"]);
    let report = json_of(
        &env,
        &[
            "import",
            "--ledger",
            "beihu_weijian_2024.xlsx",
            "--format",
            "json",
        ],
    );
    assert_ne!(before, "done");
    assert_eq!(
        status("M3"),
        "done",
        "the old ledger's status is not recorded over it"
    );
    let warnings = report["warnings"].to_string();
    assert!(
        warnings.contains("M3") && warnings.contains("未记录"),
        "{warnings}"
    );
}

//! Hostile input: control characters, formula-like cells, runaway templates, huge or endless files.

use crate::common::TestEnv;

fn env_with_problem(text: &str) -> TestEnv {
    let env = TestEnv::init();
    env.ok(&["unit", "add", "东山县财政局"]);
    env.ok(&[
        "problem",
        "add",
        "--unit",
        "东山县财政局",
        "--year",
        "2024",
        text,
    ]);
    env
}

#[test]
fn control_characters_in_stored_texts_are_shown_escaped_in_tables() {
    let env = env_with_problem("预算\u{1b}[2J执行\u{7}偏慢\u{9b}");
    for args in [
        &["status"][..],
        &["status", "--format", "md"],
        &["show", "P1", "--format", "md"],
        &["history", "P1"],
        &["report", "--unit", "东山县财政局", "--year", "2025"],
    ] {
        let out = env.ok(args);
        assert!(
            !out.chars().any(|c| c.is_control() && c != '\n'),
            "{args:?}: no raw control reaches the terminal: {out:?}"
        );
    }
    assert!(env.ok(&["status"]).contains("\\x1b[2J"));
}

#[test]
fn csv_cells_that_look_like_formulas_are_written_as_text() {
    let env = env_with_problem("=HYPERLINK(\"http://x\",\"点此\")");
    let csv = env.ok(&["status", "--format", "csv"]);
    assert!(csv.contains("\"'=HYPERLINK("), "{csv}");
    assert!(!csv.contains(",=HYPERLINK"), "{csv}");
}

#[test]
fn import_refuses_a_fifo_and_a_file_over_the_stated_size_before_reading_it() {
    let env = TestEnv::init();
    let before = env.fingerprint();
    let big = env.dir().join("big.txt");
    let file = std::fs::File::create(&big).unwrap();
    file.set_len(21 * 1024 * 1024).unwrap();
    let output = env.run(&["import", "big.txt"]);
    assert!(output.contains("超过 20 MB"), "{output}");
    assert!(!output.starts_with("exit: 0"), "{output}");
    #[cfg(unix)]
    {
        let fifo = env.dir().join("pipe.txt");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if made.is_ok_and(|s| s.success()) {
            let output = env.run(&["import", "pipe.txt"]);
            assert!(output.contains("不是普通文件"), "{output}");
        }
    }
    assert_eq!(before, env.fingerprint());
}

#[test]
fn import_json_refuses_rows_pointing_at_unknown_uuids_and_writes_nothing() {
    let env = env_with_problem("预算执行进度偏慢");
    env.ok(&[
        "measure",
        "add",
        "--unit",
        "东山县财政局",
        "--year",
        "2024",
        "--for",
        "P1",
        "--due",
        "2025-06-30",
        "建立月度检查通报制度",
    ]);
    env.ok(&[
        "progress",
        "M1",
        "--status",
        "in_progress",
        "--date",
        "2025-03-01",
    ]);
    env.ok(&["export", "--json", "store.json"]);
    let path = env.dir().join("store.json");
    let mut value: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    value["links"][0]["problem"] = "00000000-0000-4000-8000-000000000001".into();
    value["progress"][0]["item"] = "00000000-0000-4000-8000-000000000002".into();
    std::fs::write(&path, value.to_string()).unwrap();
    let other = TestEnv::init();
    std::fs::copy(&path, other.dir().join("store.json")).unwrap();
    let before = other.fingerprint();
    insta::assert_snapshot!(other.transcript(&["import", "--json", "store.json"]));
    assert_eq!(before, other.fingerprint());
}

#[test]
fn a_workbook_with_a_far_away_cell_is_read_without_aborting_and_the_cell_is_ignored() {
    let env = TestEnv::init();
    env.ok(&["unit", "add", "东山县财政局"]);
    let path = env.dir().join("far.xlsx");
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    let headers = [
        "序号",
        "问题描述",
        "整改措施",
        "牵头部门",
        "整改时限",
        "完成情况",
    ];
    let row = [
        "1",
        "预算执行进度偏慢",
        "建立月度检查通报制度",
        "办公室",
        "2025年6月30日",
        "正在推进",
    ];
    for (c, (h, v)) in headers.iter().zip(row).enumerate() {
        sheet.write_string(0, c as u16, *h).unwrap();
        sheet.write_string(1, c as u16, v).unwrap();
    }
    sheet.write_string(1_048_575, 16_383, "远处的格子").unwrap();
    book.save(&path).unwrap();
    let output = env.run(&[
        "import",
        "--ledger",
        "far.xlsx",
        "--unit",
        "东山县财政局",
        "--year",
        "2024",
    ]);
    assert!(output.starts_with("exit: 0"), "{output}");
    assert!(output.contains("已忽略"), "{output}");
    let status = env.ok(&["status", "--format", "json"]);
    assert!(status.contains("建立月度检查通报制度"), "{status}");
}

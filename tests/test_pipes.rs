//! Output into a pipe the reader has closed (`taizhang status --format json | head -c1`) ends
//! quietly with exit 0, in every format, as `head` expects.

use std::process::Stdio;

use crate::common::TestEnv;

#[test]
fn json_csv_and_tables_into_a_closed_pipe_exit_zero_without_a_message() {
    let env = TestEnv::with_fixture_ledger();
    for format in ["json", "csv", "table", "md"] {
        for command in [&["status"][..], &["stats"], &["show", "P1"]] {
            let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin("taizhang"));
            cmd.args(command)
                .args(["--format", format])
                .env("TAIZHANG_DB", env.db())
                .env("TAIZHANG_AS_OF", "2026-01-15")
                .stdout(Stdio::piped())
                .stderr(Stdio::piped());
            let mut child = cmd.spawn().unwrap();
            drop(child.stdout.take()); // the reader goes away before anything is written
            let output = child.wait_with_output().unwrap();
            let stderr = String::from_utf8_lossy(&output.stderr);
            assert!(
                output.status.success() && stderr.is_empty(),
                "{command:?} --format {format}: exit {:?}, stderr {stderr}",
                output.status.code()
            );
        }
    }
}

fn summary_text() -> Vec<u8> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/summaries/a1_linjiang_caizheng_2022.txt");
    std::fs::read(path).unwrap()
}

#[test]
fn import_dash_reads_the_summary_from_standard_input() {
    let env = TestEnv::init();
    let from_stdin = env
        .cmd(&["import", "-", "--dry-run", "--format", "json"])
        .write_stdin(summary_text())
        .output()
        .unwrap();
    assert!(
        from_stdin.status.success(),
        "{}",
        String::from_utf8_lossy(&from_stdin.stderr)
    );
    let read: serde_json::Value = serde_json::from_slice(&from_stdin.stdout).unwrap();
    assert_eq!(read["year"], 2022);
    assert!(!read["problems"].as_array().unwrap().is_empty());
    env.cmd(&["import", "-"])
        .write_stdin(summary_text())
        .assert()
        .success();
    assert!(!env.dir().join("-").exists());
    let json: serde_json::Value =
        serde_json::from_str(&env.ok(&["show", "P1", "--format", "json"])).unwrap();
    assert_eq!(json["source"]["year"], 2022);
    assert_eq!(json["source"]["file_name"], serde_json::Value::Null);
}

#[test]
fn import_dash_without_a_year_in_the_text_asks_for_year() {
    let env = TestEnv::init();
    env.ok(&["unit", "add", "临江市财政局"]);
    let text = "存在问题\n一是学习不够深入；二是调研不够扎实。\n";
    let output = env
        .cmd(&["import", "-", "--unit", "临江市财政局"])
        .write_stdin(text)
        .output()
        .unwrap();
    insta::assert_snapshot!(env.render(&output));
    env.cmd(&["import", "-", "--unit", "临江市财政局", "--year", "2024"])
        .write_stdin(text)
        .assert()
        .success();
}

#[test]
fn import_refuses_dash_given_twice() {
    let env = TestEnv::init();
    let output = env
        .cmd(&["import", "-", "-"])
        .write_stdin(summary_text())
        .output()
        .unwrap();
    insta::assert_snapshot!(env.render(&output));
}

#[test]
fn export_and_report_write_dash_to_standard_output_not_to_a_file() {
    let env = TestEnv::with_fixture_ledger();
    let csv = env.ok(&["export", "--csv", "-"]);
    assert!(csv.contains("问题描述"), "{csv}");
    let report = env.ok(&["report", "--unit", "市财政局", "--year", "2025", "-o", "-"]);
    assert!(report.contains("年度问题整改落实情况"), "{report}");
    assert!(!env.dir().join("-").exists());
}

#[test]
fn quiet_leaves_out_confirmations_and_notices_but_not_errors_or_data() {
    let env = TestEnv::init();
    env.ok(&["unit", "add", "临江市财政局"]);
    let added = env.ok(&[
        "--quiet",
        "problem",
        "add",
        "--unit",
        "临江市财政局",
        "--year",
        "2024",
        "学习不够深入",
    ]);
    assert_eq!(added, "");
    let progress = env
        .cmd(&[
            "progress",
            "P1",
            "--status",
            "done",
            "--evidence",
            "通知.pdf",
            "-q",
        ])
        .output()
        .unwrap();
    assert!(progress.status.success());
    assert!(progress.stdout.is_empty() && progress.stderr.is_empty());
    let json = env.ok(&[
        "--quiet", "progress", "P1", "--status", "done", "--format", "json",
    ]);
    assert!(json.contains("\"action\": \"progress\""), "{json}");
    assert!(env.ok(&["--quiet", "status"]).contains("P1"));
    insta::assert_snapshot!(env.transcript(&["--quiet", "show", "P9"]));
}

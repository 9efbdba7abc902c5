//! Bad input: one sentence on stderr, a non-zero exit, no backtrace, and the store unchanged.

use crate::common::TestEnv;

/// Runs a command that must fail, checks the store is unchanged and stderr is one line, and
/// returns the rendered output for a snapshot.
fn refused(env: &TestEnv, args: &[&str]) -> String {
    let before = env.fingerprint();
    let output = env.cmd(args).output().unwrap();
    assert!(!output.status.success(), "{args:?} should fail");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(
        stderr.lines().count(),
        1,
        "one line on stderr, got:\n{stderr}"
    );
    assert!(stderr.starts_with("taizhang：错误："), "{stderr}");
    assert!(
        !stderr.contains("panicked") && !stderr.contains("backtrace"),
        "{stderr}"
    );
    assert_eq!(before, env.fingerprint(), "{args:?} changed the store");
    env.render(&output)
}

#[test]
fn an_unknown_item_id_is_refused() {
    let env = TestEnv::with_fixture_ledger();
    insta::assert_snapshot!(refused(&env, &["progress", "P99", "--status", "done"]));
    insta::assert_snapshot!(refused(&env, &["show", "M404"]));
}

#[test]
fn a_malformed_item_id_is_refused() {
    let env = TestEnv::with_fixture_ledger();
    insta::assert_snapshot!(refused(&env, &["progress", "X1", "--status", "done"]));
    insta::assert_snapshot!(refused(&env, &["link", "M1", "P1x"]));
}

#[test]
fn an_impossible_date_is_refused() {
    let env = TestEnv::with_fixture_ledger();
    insta::assert_snapshot!(refused(
        &env,
        &["progress", "M3", "--status", "done", "--date", "2024-13-45"]
    ));
    insta::assert_snapshot!(refused(&env, &["status", "--as-of", "2024-13-45"]));
    insta::assert_snapshot!(refused(
        &env,
        &[
            "measure",
            "add",
            "--unit",
            "市财政局",
            "--year",
            "2025",
            "--due",
            "2025-02-30",
            "措施"
        ]
    ));
}

#[test]
fn a_year_out_of_range_is_refused() {
    let env = TestEnv::with_fixture_ledger();
    insta::assert_snapshot!(refused(
        &env,
        &[
            "problem",
            "add",
            "--unit",
            "市财政局",
            "--year",
            "1800",
            "问题"
        ]
    ));
    insta::assert_snapshot!(refused(&env, &["status", "--year", "20245"]));
}

#[test]
fn empty_text_is_refused() {
    let env = TestEnv::with_fixture_ledger();
    insta::assert_snapshot!(refused(
        &env,
        &[
            "problem",
            "add",
            "--unit",
            "市财政局",
            "--year",
            "2025",
            "  "
        ]
    ));
    insta::assert_snapshot!(refused(
        &env,
        &["measure", "add", "--unit", "市财政局", "--year", "2025", ""]
    ));
}

#[test]
fn an_unknown_unit_is_refused_with_the_closest_name() {
    let env = TestEnv::with_fixture_ledger();
    insta::assert_snapshot!(refused(
        &env,
        &[
            "problem",
            "add",
            "--unit",
            "临江市财务局",
            "--year",
            "2025",
            "问题"
        ]
    ));
    insta::assert_snapshot!(refused(&env, &["status", "--unit", "水利局"]));
}

#[test]
fn an_unknown_status_is_refused_with_the_valid_ones() {
    let env = TestEnv::with_fixture_ledger();
    insta::assert_snapshot!(refused(&env, &["progress", "M3", "--status", "finished"]));
}

#[test]
fn dropping_without_a_reason_is_refused() {
    let env = TestEnv::with_fixture_ledger();
    insta::assert_snapshot!(refused(&env, &["progress", "M3", "--status", "dropped"]));
    insta::assert_snapshot!(refused(
        &env,
        &["progress", "M3", "--status", "已撤销", "--note", " "]
    ));
}

#[test]
fn a_link_between_two_problems_is_refused() {
    let env = TestEnv::with_fixture_ledger();
    insta::assert_snapshot!(refused(&env, &["link", "P1", "P2"]));
}

#[test]
fn a_problem_id_is_required_after_for() {
    let env = TestEnv::with_fixture_ledger();
    insta::assert_snapshot!(refused(
        &env,
        &[
            "measure",
            "add",
            "--unit",
            "市财政局",
            "--year",
            "2025",
            "--for",
            "P1,M2",
            "措施"
        ]
    ));
    insta::assert_snapshot!(refused(
        &env,
        &[
            "measure",
            "add",
            "--unit",
            "市财政局",
            "--year",
            "2025",
            "--for",
            "P1,P99",
            "措施"
        ]
    ));
}

#[test]
fn an_existing_unit_or_alias_cannot_be_added_again() {
    let env = TestEnv::with_fixture_ledger();
    insta::assert_snapshot!(refused(&env, &["unit", "add", "市财政局"]));
    insta::assert_snapshot!(refused(
        &env,
        &["unit", "alias", "东山县市场监督管理局", "市财政局"]
    ));
}

#[test]
fn an_error_is_in_chinese_unless_english_is_asked_for() {
    let env = TestEnv::with_fixture_ledger();
    let stderr = |cmd: &mut assert_cmd::Command| {
        let output = cmd.output().unwrap();
        assert_eq!(output.status.code(), Some(2));
        String::from_utf8_lossy(&output.stderr).into_owned()
    };
    insta::assert_snapshot!(stderr(&mut env.cmd(&["show", "P99"])), @"taizhang：错误：本台账中没有问题 P99（可用“taizhang status”查看现有编号）。");
    let english = "taizhang: error: no problem P99 in this store (see 'taizhang status' for the ids there are)\n";
    assert_eq!(
        stderr(&mut env.cmd(&["--lang", "en", "show", "P99"])),
        english
    );
    assert_eq!(stderr(&mut env.cmd(&["show", "P99", "--lang=en"])), english);
    assert_eq!(
        stderr(env.cmd(&["show", "P99"]).env("TAIZHANG_LANG", "en")),
        english
    );
}

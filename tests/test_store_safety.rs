//! The store is never damaged: failing commands roll back, and stores we cannot use are refused.

use std::os::unix::fs::PermissionsExt;

use crate::common::TestEnv;

#[test]
fn a_command_that_fails_midway_leaves_the_store_unchanged() {
    let env = TestEnv::with_fixture_ledger();
    let before = env.fingerprint();
    // The unit is inserted before the second alias turns out to be taken: all of it rolls back.
    let output = env
        .cmd(&[
            "unit",
            "add",
            "临江市审计局",
            "--alias",
            "市审计局",
            "--alias",
            "市财政局",
        ])
        .output()
        .unwrap();
    assert!(!output.status.success());
    insta::assert_snapshot!(env.render(&output));
    assert_eq!(before, env.fingerprint());
}

#[test]
fn a_missing_store_is_not_created_by_accident() {
    let env = TestEnv::new();
    insta::assert_snapshot!(env.transcript(&["status"]));
    assert!(!env.db().exists());
}

#[test]
fn a_directory_is_refused_as_a_store() {
    let env = TestEnv::new();
    let dir = env.dir().to_str().unwrap().to_string();
    insta::assert_snapshot!(env.transcript(&["status", "--db", &dir]));
    insta::assert_snapshot!(env.transcript(&["init", "--db", &dir]));
}

#[test]
fn a_file_that_is_not_sqlite_is_refused_and_left_alone() {
    let env = TestEnv::new();
    std::fs::write(env.db(), "序号,问题描述\n1,会议记录不规范\n").unwrap();
    insta::assert_snapshot!(env.transcript(&["status"]));
    insta::assert_snapshot!(env.transcript(&["init"]));
    assert_eq!(
        std::fs::read_to_string(env.db()).unwrap(),
        "序号,问题描述\n1,会议记录不规范\n"
    );
}

#[test]
fn a_sqlite_file_of_another_program_is_refused() {
    let env = TestEnv::new();
    let conn = rusqlite::Connection::open(env.db()).unwrap();
    conn.execute_batch("CREATE TABLE contacts (name TEXT);")
        .unwrap();
    drop(conn);
    let before = crate::common::fingerprint(env.db());
    insta::assert_snapshot!(env.transcript(&["init"]));
    assert_eq!(before, env.fingerprint());
}

#[test]
fn a_store_from_a_newer_taizhang_is_refused() {
    let env = TestEnv::init();
    let conn = rusqlite::Connection::open(env.db()).unwrap();
    conn.pragma_update(None, "user_version", 99).unwrap();
    drop(conn);
    let before = env.fingerprint();
    insta::assert_snapshot!(env.transcript(&["status"]));
    insta::assert_snapshot!(env.transcript(&["unit", "add", "临江市审计局"]));
    assert_eq!(before, env.fingerprint());
}

#[test]
fn a_read_only_store_can_be_read_but_not_written() {
    let env = TestEnv::with_fixture_ledger();
    let before = env.fingerprint();
    std::fs::set_permissions(env.db(), std::fs::Permissions::from_mode(0o444)).unwrap();
    insta::assert_snapshot!(env.transcript(&["progress", "M3", "--status", "done"]));
    let output = env
        .cmd(&["status", "--overdue", "--format", "csv"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", env.render(&output));
    std::fs::set_permissions(env.db(), std::fs::Permissions::from_mode(0o644)).unwrap();
    assert_eq!(before, env.fingerprint());
}

#[test]
fn a_store_locked_by_another_writer_is_reported_as_busy() {
    let env = TestEnv::with_fixture_ledger();
    let before = env.fingerprint();
    let conn = rusqlite::Connection::open(env.db()).unwrap();
    conn.execute_batch("BEGIN IMMEDIATE;").unwrap();
    let output = env
        .cmd(&["progress", "M3", "--status", "done"])
        .env("TAIZHANG_BUSY_TIMEOUT_MS", "200")
        .output()
        .unwrap();
    insta::assert_snapshot!(env.render(&output));
    // Readers are not blocked by a writer.
    assert!(env.cmd(&["status"]).output().unwrap().status.success());
    conn.execute_batch("ROLLBACK;").unwrap();
    drop(conn);
    assert_eq!(before, env.fingerprint());
}

#[test]
fn a_store_made_by_an_older_schema_is_upgraded_and_keeps_its_ledger() {
    let env = TestEnv::new();
    let fixture =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/stores/schema-001.db");
    std::fs::copy(fixture, env.db()).unwrap();
    let old = env.fingerprint();
    assert!(old.starts_with("user_version 1\n"));
    env.ok(&["init"]);
    let status = env.ok(&["status", "--format", "json"]);
    let rows: Vec<serde_json::Value> = serde_json::from_str(&status).unwrap();
    assert_eq!(rows.len(), 19);
    let new = env.fingerprint();
    assert!(new.starts_with(&format!(
        "user_version {}\n",
        taizhang::store::SCHEMA_VERSION
    )));
    // Every table of the old store is still there with the same rows.
    crate::common::assert_rows_kept(&old, &new, "the upgrade");
    env.ok(&["carry", "M3", "--year", "2025"]);
}

#[test]
fn report_o_never_writes_over_the_store_an_existing_file_or_through_a_link() {
    let env = TestEnv::with_fixture_ledger();
    let before = env.fingerprint();
    let args = |out: &str| -> Vec<String> {
        ["report", "--unit", "市财政局", "--year", "2025", "-o", out]
            .iter()
            .map(|s| s.to_string())
            .collect()
    };
    let run = |out: &str, extra: &[&str]| {
        let mut all = args(out);
        all.extend(extra.iter().map(|s| s.to_string()));
        let all: Vec<&str> = all.iter().map(String::as_str).collect();
        env.cmd(&all).output().unwrap()
    };
    // The store itself, named as the output, also through a link, also with --force.
    let store = env.db().display().to_string();
    #[cfg(unix)]
    std::os::unix::fs::symlink(env.db(), env.dir().join("store.docx")).unwrap();
    for (target, extra) in [
        (store.as_str(), &["--force"][..]),
        ("store.docx", &["--force"]),
    ] {
        let output = run(target, extra);
        assert_eq!(output.status.code(), Some(2), "{target}");
        assert!(String::from_utf8_lossy(&output.stderr).contains("就是台账本身"));
    }
    assert_eq!(env.fingerprint(), before, "the store is unchanged");
    // An existing file is kept unless --force.
    std::fs::write(env.dir().join("mine.txt"), "我的材料").unwrap();
    let output = run("mine.txt", &[]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("--force"));
    assert_eq!(
        std::fs::read_to_string(env.dir().join("mine.txt")).unwrap(),
        "我的材料"
    );
    assert!(run("mine.txt", &["--force"]).status.success());
    assert!(std::fs::read_to_string(env.dir().join("mine.txt"))
        .unwrap()
        .contains("整改"));
    // A link planted at the output name is neither followed nor replaced.
    #[cfg(unix)]
    {
        std::fs::write(env.dir().join("other.txt"), "别人的文件").unwrap();
        std::os::unix::fs::symlink(env.dir().join("other.txt"), env.dir().join("out.txt")).unwrap();
        assert_eq!(run("out.txt", &["--force"]).status.code(), Some(2));
        assert_eq!(
            std::fs::read_to_string(env.dir().join("other.txt")).unwrap(),
            "别人的文件"
        );
    }
    // - is standard output.
    let output = run("-", &[]);
    assert!(output.status.success());
    assert!(String::from_utf8_lossy(&output.stdout).contains("整改"));
}

#[test]
fn export_to_dash_writes_standard_output_and_never_replaces_a_symlink() {
    let env = TestEnv::with_fixture_ledger();
    let out = env.ok(&["export", "--csv", "-"]);
    assert!(out.contains("问题描述") && !out.contains("已导出"), "{out}");
    #[cfg(unix)]
    {
        std::fs::write(env.dir().join("target.csv"), "keep").unwrap();
        std::os::unix::fs::symlink(env.dir().join("target.csv"), env.dir().join("link.csv"))
            .unwrap();
        let output = env
            .cmd(&["export", "--csv", "link.csv", "--force"])
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(2));
        let meta = std::fs::symlink_metadata(env.dir().join("link.csv")).unwrap();
        assert!(meta.file_type().is_symlink());
        assert_eq!(
            std::fs::read_to_string(env.dir().join("target.csv")).unwrap(),
            "keep"
        );
    }
}

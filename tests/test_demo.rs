//! `taizhang demo`: a store from the bundled fixtures, safe to run again.

use crate::common::TestEnv;

fn demo(env: &TestEnv, args: &[&str]) -> std::process::Output {
    let mut all = vec!["demo"];
    all.extend_from_slice(args);
    env.cmd(&all)
        .env_remove("TAIZHANG_DB")
        .env_remove("TAIZHANG_AS_OF")
        .output()
        .unwrap()
}

#[test]
fn the_demo_builds_a_store_and_prints_the_ledger_and_the_section() {
    let env = TestEnv::new();
    let output = demo(&env, &[]);
    assert!(output.status.success(), "{}", env.render(&output));
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(text.contains("taizhang-demo.db"));
    assert!(text.contains("临江市财政局 · 2023年度"));
    assert!(text.contains("一、2023年度问题整改落实情况"));
    assert!(text.contains("三、下一步打算"));
    assert!(env.dir().join("taizhang-demo.db").exists());
    // The store is a real one the user can go on with.
    let status = env
        .cmd(&[
            "--db",
            "taizhang-demo.db",
            "status",
            "--year",
            "2023",
            "--as-of",
            "2024-12-31",
        ])
        .output()
        .unwrap();
    assert!(status.status.success());
}

#[test]
fn the_demo_output_is_the_same_every_time() {
    let env = TestEnv::new();
    let first = demo(&env, &[]);
    let second = demo(&env, &[]);
    assert!(second.status.success(), "{}", env.render(&second));
    assert_eq!(first.stdout, second.stdout);
}

#[test]
fn the_demo_honours_db_on_the_command_line_but_not_taizhang_db() {
    let env = TestEnv::init();
    let before = env.fingerprint();
    // TAIZHANG_DB points at the user's real store: the demo must not touch it.
    let output = env
        .cmd(&["demo"])
        .env_remove("TAIZHANG_AS_OF")
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", env.render(&output));
    assert_eq!(before, env.fingerprint());
    let output = demo(&env, &["--db", "elsewhere.db"]);
    assert!(output.status.success());
    assert!(env.dir().join("elsewhere.db").exists());
}

#[test]
fn the_demo_never_overwrites_a_file_it_did_not_make() {
    let env = TestEnv::new();
    std::fs::write(env.dir().join("taizhang-demo.db"), "我的笔记").unwrap();
    insta::assert_snapshot!(env.render(&demo(&env, &[])));
    assert_eq!(
        std::fs::read_to_string(env.dir().join("taizhang-demo.db")).unwrap(),
        "我的笔记"
    );

    let env = TestEnv::new();
    assert!(demo(&env, &[]).status.success());
    env.ok(&["--db", "taizhang-demo.db", "unit", "add", "我的单位"]);
    let before = crate::common::fingerprint(&env.dir().join("taizhang-demo.db"));
    insta::assert_snapshot!(env.render(&demo(&env, &[])));
    assert_eq!(
        before,
        crate::common::fingerprint(&env.dir().join("taizhang-demo.db"))
    );
}

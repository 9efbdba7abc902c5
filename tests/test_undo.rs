//! Every writing command is one operation that `taizhang undo` reverts, leaving the ledger as it
//! was; undo itself can be undone; deleted items keep their history; ids are never given twice.

use clap::CommandFactory;

use crate::common::TestEnv;

/// The ledger's content: the fingerprint without the history (which an undo adds to) and the
/// high-water mark of ids (which an undo never lowers).
fn ledger(env: &TestEnv) -> String {
    ledger_of(&env.fingerprint())
}

fn fixture(rel: &str) -> String {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join(rel)
        .display()
        .to_string()
}

/// A scenario per writing command: the command line (run on the fixture ledger).
fn writes() -> Vec<(&'static str, Vec<String>)> {
    let s = |args: &[&str]| args.iter().map(|a| a.to_string()).collect::<Vec<_>>();
    vec![
        ("unit add", s(&["unit", "add", "南湖区教育局"])),
        (
            "unit alias",
            s(&["unit", "alias", "临江市财政局", "临江财政"]),
        ),
        (
            "unit rename",
            s(&["unit", "rename", "市财政局", "临江市财政局（本级）"]),
        ),
        (
            "unit remove",
            s(&["unit", "remove", "东山县市场监管局", "--force"]),
        ),
        (
            "unit merge",
            s(&["unit", "merge", "临江市财政局", "东山县市场监督管理局"]),
        ),
        (
            "problem add",
            s(&[
                "problem",
                "add",
                "--unit",
                "市财政局",
                "--year",
                "2025",
                "会风文风不够严实",
            ]),
        ),
        (
            "measure add",
            s(&[
                "measure",
                "add",
                "--unit",
                "市财政局",
                "--year",
                "2025",
                "--for",
                "P7",
                "精简会议文件",
            ]),
        ),
        ("link", s(&["link", "M1", "P2"])),
        ("unlink", s(&["unlink", "M1", "P1"])),
        (
            "edit",
            s(&[
                "edit",
                "M3",
                "--owner-person",
                "李明",
                "--due",
                "2025-12-31",
            ]),
        ),
        (
            "progress",
            s(&[
                "progress",
                "M3",
                "--status",
                "done",
                "--date",
                "2025-11-30",
                "--evidence",
                "调研报告.pdf",
            ]),
        ),
        ("carry", s(&["carry", "M3", "--year", "2025"])),
        ("recur", s(&["recur", "--confirm", "P1", "P7"])),
        ("delete", s(&["delete", "P2", "M2", "--reason", "重复录入"])),
        (
            "import",
            s(&[
                "import",
                &fixture("fixtures/summaries/a1_linjiang_caizheng_2022.txt"),
                &fixture("fixtures/summaries/b1_dongshan_shijian_2021.txt"),
            ]),
        ),
        (
            "import --ledger",
            s(&[
                "import",
                "--ledger",
                &fixture("fixtures/ledgers/beihu_weijian_2024.xlsx"),
            ]),
        ),
        (
            "import --reviewed",
            s(&[
                "import",
                "--reviewed",
                &fixture("fixtures/reviews/b1_dongshan_shijian_2021.review.json"),
            ]),
        ),
        (
            "link --suggest --accept",
            s(&["link", "--suggest", "--accept"]),
        ),
    ]
}

#[test]
fn every_writing_command_is_undone_by_one_undo() {
    for (name, args) in writes() {
        let env = TestEnv::with_fixture_ledger();
        if name == "link --suggest --accept" {
            env.ok(&["unlink", "M1", "P1"]);
        }
        let before = ledger(&env);
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        env.ok(&args);
        assert_ne!(ledger(&env), before, "{name} changed the ledger");
        env.ok(&["undo"]);
        assert_eq!(
            ledger(&env),
            before,
            "undo after {name} restores the ledger"
        );
        // And the undo itself can be undone: the change is back.
        let undone = ledger(&env);
        let list = env.ok(&["undo", "--list", "--format", "json"]);
        let ops: serde_json::Value = serde_json::from_str(&list).unwrap();
        let last = ops[0]["id"].as_i64().unwrap().to_string();
        env.ok(&["undo", &last]);
        assert_ne!(
            ledger(&env),
            undone,
            "undoing the undo of {name} brings it back"
        );
    }
}

#[test]
fn merge_and_import_json_are_undone_too() {
    let other = TestEnv::with_fixture_ledger();
    other.ok(&["export", "--json", "all.json"]);
    let env = TestEnv::init();
    let before = ledger(&env);
    let json = other.dir().join("all.json").display().to_string();
    env.ok(&["import", "--json", &json]);
    assert_ne!(ledger(&env), before);
    env.ok(&["undo"]);
    assert_eq!(ledger(&env), before);
    let db = other.db().display().to_string();
    env.ok(&["merge", &db]);
    env.ok(&["undo"]);
    assert_eq!(ledger(&env), before);
}

#[test]
fn every_command_is_either_known_to_write_or_known_to_only_read() {
    // A new command must be added to one list, and a writing one to `writes()` above, so that
    // it cannot be shipped without a test that undoes it.
    const READS: &[&str] = &[
        "status",
        "show",
        "history",
        "report",
        "export",
        "dashboard",
        "stats",
        "common",
        "unit list",
        "backup",
        // They print what the command line is; they never open the store.
        "completions",
        "man",
    ];
    // Writing commands tested elsewhere in this file or that make a store of their own.
    // `restore` replaces the whole store and keeps the one it replaces beside it: restoring
    // that copy is its undo (tests/test_backup.rs).
    const OTHERS: &[&str] = &[
        "init", "demo", "merge", "undo", "recur", "link", "import", "restore",
    ];
    let tested: Vec<&str> = writes().iter().map(|(name, _)| *name).collect();
    let cli = taizhang::cli::Cli::command();
    for sub in cli.get_subcommands() {
        let mut names = vec![sub.get_name().to_string()];
        if sub.has_subcommands() {
            names = sub
                .get_subcommands()
                .map(|s| format!("{} {}", sub.get_name(), s.get_name()))
                .collect();
        }
        for name in names {
            let known = READS.contains(&name.as_str())
                || OTHERS.contains(&name.as_str())
                || tested.contains(&name.as_str());
            assert!(
                known,
                "the command '{name}' is in neither list of tests/test_undo.rs"
            );
        }
    }
}

#[test]
fn an_operation_that_later_ones_build_on_is_not_undone_alone() {
    let env = TestEnv::with_fixture_ledger();
    let before = env.fingerprint();
    env.ok(&[
        "measure",
        "add",
        "--unit",
        "市财政局",
        "--year",
        "2025",
        "精简会议文件",
    ]);
    env.ok(&[
        "progress",
        "M11",
        "--status",
        "in_progress",
        "--date",
        "2026-01-10",
    ]);
    let list: serde_json::Value =
        serde_json::from_str(&env.ok(&["undo", "--list", "--format", "json"])).unwrap();
    let create = list[1]["id"].as_i64().unwrap().to_string();
    let middle = env.fingerprint();
    let output = env.cmd(&["undo", &create]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("先从最后一个撤销起"), "{stderr}");
    assert_eq!(env.fingerprint(), middle, "a refused undo changes nothing");
    env.ok(&["undo"]);
    env.ok(&["undo"]);
    assert_eq!(ledger_of(&before), ledger(&env));
}

fn ledger_of(fingerprint: &str) -> String {
    fingerprint
        .split("== ")
        .filter(|s| !s.starts_with("events\n") && !s.starts_with("id_high_water\n"))
        .collect::<Vec<_>>()
        .join("== ")
}

#[test]
fn a_deleted_item_keeps_its_history_and_its_id_is_never_given_again() {
    let env = TestEnv::with_fixture_ledger();
    let last = env.ok(&[
        "problem",
        "add",
        "--unit",
        "市财政局",
        "--year",
        "2025",
        "重复的问题",
    ]);
    assert!(last.contains("P10"), "{last}");
    insta::assert_snapshot!(env.transcript(&["delete", "P10", "--reason", "重复录入"]));
    let status = env.ok(&["status", "--format", "json"]);
    assert!(!status.contains("\"P10\""));
    let history = env.ok(&["history", "P10"]);
    assert!(
        history.contains("重复录入") && history.contains("新建"),
        "{history}"
    );
    let next = env.ok(&[
        "problem",
        "add",
        "--unit",
        "市财政局",
        "--year",
        "2025",
        "新的问题",
    ]);
    assert!(
        next.contains("P11"),
        "the id P10 is not given again: {next}"
    );
    // Undoing the creation of P11 does not free its id either.
    env.ok(&["undo"]);
    let again = env.ok(&[
        "problem",
        "add",
        "--unit",
        "市财政局",
        "--year",
        "2025",
        "又一个问题",
    ]);
    assert!(again.contains("P12"), "{again}");
}

#[test]
fn a_unit_with_items_is_only_removed_with_force_and_merged_names_stay_as_aliases() {
    let env = TestEnv::with_fixture_ledger();
    let before = env.fingerprint();
    insta::assert_snapshot!(env.transcript(&["unit", "remove", "东山县市场监管局"]));
    assert_eq!(env.fingerprint(), before, "nothing removed without --force");
    env.ok(&["unit", "add", "临江市材政局"]);
    env.ok(&[
        "problem",
        "add",
        "--unit",
        "临江市材政局",
        "--year",
        "2025",
        "错录到别名下的问题",
    ]);
    insta::assert_snapshot!(env.transcript(&["unit", "merge", "临江市财政局", "临江市材政局"]));
    let status = env.ok(&[
        "status",
        "--unit",
        "临江市材政局",
        "--year",
        "2025",
        "--format",
        "json",
    ]);
    assert!(
        status.contains("错录到别名下的问题") && status.contains("\"unit\": \"临江市财政局\""),
        "{status}"
    );
    insta::assert_snapshot!(env.transcript(&[
        "unit",
        "rename",
        "临江市财政局",
        "临江市财政局（本级）"
    ]));
    let units = env.ok(&["unit", "list", "--format", "json"]);
    assert!(
        units.contains("临江市财政局（本级）") && units.contains("\"临江市财政局\""),
        "{units}"
    );
}

#[test]
fn undo_without_anything_to_undo_and_unknown_operations_are_refused() {
    let env = TestEnv::init();
    insta::assert_snapshot!(env.transcript(&["undo"]));
    insta::assert_snapshot!(env.transcript(&["undo", "99"]));
    insta::assert_snapshot!(env.transcript(&["undo", "abc"]));
    insta::assert_snapshot!(env.transcript(&["delete", "P1", "--reason", " "]));
}

#[test]
fn undo_list_shows_the_operations_newest_first() {
    let env = TestEnv::init();
    env.ok(&["unit", "add", "甲局"]);
    env.ok(&[
        "problem",
        "add",
        "--unit",
        "甲局",
        "--year",
        "2024",
        "学习不深",
    ]);
    env.ok(&["undo"]);
    insta::assert_snapshot!(env.transcript(&["undo", "--list"]));
}

use crate::common::TestEnv;

fn env_with_measure() -> TestEnv {
    let env = TestEnv::init();
    env.ok(&["unit", "add", "临江市财政局"]);
    env.ok(&[
        "problem",
        "add",
        "--unit",
        "临江市财政局",
        "--year",
        "2024",
        "会议记录不规范",
    ]);
    env.ok(&[
        "measure",
        "add",
        "--unit",
        "临江市财政局",
        "--year",
        "2024",
        "--for",
        "P1",
        "--due",
        "2025-06-30",
        "开展会议记录自查",
    ]);
    env
}

#[test]
fn progress_accepts_the_status_code_or_its_chinese_label() {
    let env = env_with_measure();
    insta::assert_snapshot!(env.transcript(&[
        "progress",
        "M1",
        "--status",
        "正在整改",
        "--date",
        "2025-03-01"
    ]));
    insta::assert_snapshot!(env.transcript(&[
        "progress",
        "M1",
        "--status",
        "done",
        "--date",
        "2025-05-01",
        "--lang",
        "en"
    ]));
}

#[test]
fn progress_defaults_to_the_as_of_date() {
    let env = env_with_measure();
    env.ok(&[
        "progress",
        "M1",
        "--status",
        "in_progress",
        "--as-of",
        "2025-04-02",
    ]);
    let json = env.ok(&["show", "M1", "--format", "json"]);
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(value["progress"][0]["date"], "2025-04-02");
}

#[test]
fn an_evidence_file_is_recorded_with_its_size_and_sha256() {
    let env = env_with_measure();
    std::fs::write(env.dir().join("通知.txt"), "关于开展会议记录自查的通知\n").unwrap();
    env.ok(&[
        "progress",
        "M1",
        "--status",
        "done",
        "--date",
        "2025-05-01",
        "--evidence",
        "通知.txt",
        "--evidence",
        "临财党〔2025〕3号",
    ]);
    let json = env.ok(&["show", "M1", "--format", "json"]);
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    let evidence = &value["progress"][0]["evidence"];
    assert_eq!(evidence[0]["reference"], "通知.txt");
    assert_eq!(evidence[0]["size_bytes"], 40);
    assert_eq!(
        evidence[0]["sha256"].as_str().unwrap().len(),
        64,
        "a SHA-256 is 64 hex digits"
    );
    assert_eq!(evidence[1]["reference"], "临财党〔2025〕3号");
    assert_eq!(evidence[1]["sha256"], serde_json::Value::Null);
}

#[test]
fn a_missing_evidence_path_is_kept_as_a_reference_with_a_note() {
    let env = env_with_measure();
    insta::assert_snapshot!(env.transcript(&[
        "progress",
        "M1",
        "--status",
        "done",
        "--date",
        "2025-05-01",
        "--evidence",
        "scans/记录.pdf"
    ]));
}

#[test]
fn progress_after_the_as_of_date_is_refused() {
    let env = env_with_measure();
    let before = env.fingerprint();
    insta::assert_snapshot!(env.transcript(&[
        "progress",
        "M1",
        "--status",
        "done",
        "--date",
        "2026-03-01"
    ]));
    assert_eq!(before, env.fingerprint());
}

#[test]
fn progress_before_the_item_s_year_is_refused() {
    let env = env_with_measure();
    let before = env.fingerprint();
    insta::assert_snapshot!(env.transcript(&[
        "progress",
        "M1",
        "--status",
        "done",
        "--date",
        "2023-12-31"
    ]));
    assert_eq!(before, env.fingerprint());
}

#[test]
fn a_problem_s_own_progress_overrides_the_status_derived_from_its_measures() {
    let env = env_with_measure();
    env.ok(&[
        "progress",
        "M1",
        "--status",
        "in_progress",
        "--date",
        "2025-03-01",
    ]);
    let status = |env: &TestEnv| -> String {
        let json = env.ok(&["show", "P1", "--format", "json"]);
        let value: serde_json::Value = serde_json::from_str(&json).unwrap();
        value["status"].as_str().unwrap().to_string()
    };
    assert_eq!(status(&env), "in_progress");
    env.ok(&[
        "progress",
        "P1",
        "--status",
        "done",
        "--date",
        "2025-07-01",
        "--note",
        "经复核已整改到位",
    ]);
    assert_eq!(status(&env), "done");
}

#[test]
fn a_dropped_measure_keeps_its_reason() {
    let env = env_with_measure();
    env.ok(&[
        "progress",
        "M1",
        "--status",
        "dropped",
        "--date",
        "2025-03-01",
        "--note",
        "职能已划转",
    ]);
    insta::assert_snapshot!(env.transcript(&["show", "M1"]));
}

fn status_of(env: &TestEnv, id: &str) -> String {
    let json = env.ok(&["show", id, "--format", "json"]);
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    value["status"].as_str().unwrap().to_string()
}

#[test]
fn progress_accepts_the_words_users_write_for_a_status() {
    for (word, code) in [
        ("完成", "done"),
        ("已完成", "done"),
        ("整改到位", "done"),
        ("已整改", "done"),
        ("销号", "done"),
        ("已销号", "done"),
        ("推进中", "in_progress"),
        ("正在整改", "in_progress"),
        ("整改中", "in_progress"),
        ("进行中", "in_progress"),
        ("长期坚持", "long_term"),
        ("未完成", "not_done"),
        ("尚未完成", "not_done"),
        ("in-progress", "in_progress"),
    ] {
        let env = env_with_measure();
        env.ok(&["progress", "M1", "--status", word, "--date", "2025-05-01"]);
        assert_eq!(status_of(&env, "M1"), code, "{word}");
    }
}

#[test]
fn progress_help_lists_the_accepted_status_words() {
    let env = TestEnv::new();
    let help = env.ok(&["progress", "--help"]);
    for word in [
        "整改到位",
        "销号",
        "推进中",
        "进行中",
        "长期坚持",
        "尚未完成",
    ] {
        assert!(help.contains(word), "{word} missing from:\n{help}");
    }
}

#[test]
fn an_unknown_status_word_is_refused_and_nothing_is_written() {
    let env = env_with_measure();
    let before = env.fingerprint();
    insta::assert_snapshot!(env.transcript(&["progress", "M1", "--status", "差不多了"]));
    assert_eq!(env.fingerprint(), before);
}

#[test]
fn progress_reads_the_date_in_every_common_form() {
    for date in [
        "2025-05-20",
        "2025/5/20",
        "2025.5.20",
        "2025年5月20日",
        "２０２５年５月２０日",
    ] {
        let env = env_with_measure();
        env.ok(&["progress", "M1", "--status", "done", "--date", date]);
        let json = env.ok(&["show", "M1", "--format", "json"]);
        let value: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(value["progress"][0]["date"], "2025-05-20", "{date}");
    }
}

#[test]
fn a_date_that_does_not_exist_is_refused_in_one_sentence() {
    let env = env_with_measure();
    insta::assert_snapshot!(env.transcript(&[
        "progress",
        "M1",
        "--status",
        "done",
        "--date",
        "2025年2月30日"
    ]));
}

#[test]
fn as_of_and_due_read_the_same_date_forms() {
    let env = env_with_measure();
    env.ok(&[
        "measure",
        "add",
        "--unit",
        "临江市财政局",
        "--year",
        "2024",
        "--due",
        "2025年3月31日",
        "健全会议记录制度",
    ]);
    let json = env.ok(&["show", "M2", "--format", "json", "--as-of", "2025/4/1"]);
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(value["due"], "2025-03-31");
    assert_eq!(value["overdue"], true);
}

fn env_with_three_measures() -> TestEnv {
    let env = env_with_measure();
    for text in ["修订会议记录模板", "开展会议记录抽查"] {
        env.ok(&[
            "measure",
            "add",
            "--unit",
            "临江市财政局",
            "--year",
            "2024",
            text,
        ]);
    }
    env
}

#[test]
fn several_items_get_the_same_entry_in_one_operation() {
    let env = env_with_three_measures();
    let operations = |env: &TestEnv| {
        let list: serde_json::Value =
            serde_json::from_str(&env.ok(&["undo", "--list", "--format", "json"])).unwrap();
        list.as_array().unwrap().len()
    };
    let before = operations(&env);
    insta::assert_snapshot!(env.transcript(&[
        "progress",
        "M1",
        "M2",
        "M3",
        "--status",
        "done",
        "--date",
        "2025-06-30",
        "--note",
        "统一整改到位"
    ]));
    assert_eq!(
        operations(&env),
        before + 1,
        "one operation for the three entries"
    );
    for id in ["M1", "M2", "M3"] {
        assert_eq!(status_of(&env, id), "done", "{id}");
    }
    env.ok(&["undo"]);
    for id in ["M1", "M2", "M3"] {
        assert_ne!(status_of(&env, id), "done", "{id} after one undo");
    }
}

#[test]
fn an_unknown_item_among_several_writes_nothing_and_is_named() {
    let env = env_with_three_measures();
    let before = env.fingerprint();
    insta::assert_snapshot!(env.transcript(&[
        "progress",
        "M1",
        "M9",
        "M2",
        "--status",
        "done",
        "--date",
        "2025-06-30"
    ]));
    assert_eq!(env.fingerprint(), before);
}

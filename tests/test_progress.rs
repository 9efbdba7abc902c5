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
    insta::assert_snapshot!(env.run(&[
        "progress",
        "M1",
        "--status",
        "正在整改",
        "--date",
        "2025-03-01"
    ]));
    insta::assert_snapshot!(env.run(&[
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
    insta::assert_snapshot!(env.run(&[
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
    insta::assert_snapshot!(env.run(&[
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
    insta::assert_snapshot!(env.run(&[
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
    insta::assert_snapshot!(env.run(&["show", "M1"]));
}

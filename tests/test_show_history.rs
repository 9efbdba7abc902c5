use crate::common::TestEnv;

#[test]
fn show_gives_everything_about_a_problem() {
    let env = TestEnv::with_fixture_ledger();
    insta::assert_snapshot!(env.transcript(&["show", "P3"]));
}

#[test]
fn show_gives_a_measure_with_its_progress_and_evidence() {
    let env = TestEnv::with_fixture_ledger();
    insta::assert_snapshot!(env.transcript(&["show", "M1"]));
}

#[test]
fn show_prints_json_csv_and_markdown() {
    let env = TestEnv::with_fixture_ledger();
    insta::assert_snapshot!(env.transcript(&["show", "M5", "--format", "json"]));
    insta::assert_snapshot!(env.transcript(&["show", "M5", "--format", "csv"]));
    insta::assert_snapshot!(env.transcript(&["show", "M5", "--format", "md", "--lang", "en"]));
}

#[test]
fn history_lists_every_change_with_who_and_when() {
    let env = TestEnv::with_fixture_ledger();
    insta::assert_snapshot!(env.transcript(&["history", "M1"]));
    insta::assert_snapshot!(env.transcript(&["history", "P1", "--format", "json"]));
}

#[test]
fn show_names_every_empty_field_and_where_the_item_came_from() {
    let env = TestEnv::init();
    env.ok(&["unit", "add", "临江市财政局"]);
    env.ok(&[
        "measure",
        "add",
        "--unit",
        "临江市财政局",
        "--year",
        "2023",
        "健全会议记录制度",
    ]);
    env.ok(&["carry", "M1", "--year", "2024"]);
    insta::assert_snapshot!(env.transcript(&["show", "M2"]));
    let json: serde_json::Value =
        serde_json::from_str(&env.ok(&["show", "M2", "--format", "json"])).unwrap();
    assert_eq!(json["carried_from"], "M1");
    assert_eq!(json["source"], serde_json::Value::Null);
}

#[test]
fn show_gives_the_summary_an_imported_item_was_read_from() {
    let env = TestEnv::init();
    let file = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/summaries/a1_linjiang_caizheng_2022.txt");
    env.ok(&["import", file.to_str().unwrap()]);
    let json: serde_json::Value =
        serde_json::from_str(&env.ok(&["show", "P1", "--format", "json"])).unwrap();
    assert_eq!(json["source"]["year"], 2022, "{json}");
    let text = env.ok(&["show", "P1"]);
    assert!(
        text.contains("2022年度总结（a1_linjiang_caizheng_2022.txt）"),
        "{text}"
    );
}

//! 建章立制 set per measure (`measure add|edit --institution`): the report's sentence and counts
//! follow the setting, which `show` lists, export/import and merge carry, and `undo` reverts.

use serde_json::Value;

use crate::common::TestEnv;

const REPORT: &[&str] = &["report", "--unit", "市财政局", "--year", "2025"];

/// The 建章立制 sentence of the report on 市财政局's 2024 measures, if any.
fn sentence(env: &TestEnv) -> Option<String> {
    let text = env.ok(REPORT);
    text.split(['\n', '。'])
        .find(|s| s.contains("通过整改，"))
        .map(|s| s.trim().to_string())
}

/// `review.institutions` of the report as JSON: (new, revise, abolish, total).
fn counts(env: &TestEnv) -> (u64, u64, u64, u64) {
    let mut args = REPORT.to_vec();
    args.extend(["--format", "json"]);
    let report: Value = serde_json::from_str(&env.ok(&args)).unwrap();
    let i = &report["review"]["institutions"];
    let n = |key: &str| i[key].as_u64().unwrap();
    (n("new"), n("revise"), n("abolish"), n("total"))
}

fn show(env: &TestEnv, item: &str) -> Value {
    serde_json::from_str(&env.ok(&["show", item, "--format", "json"])).unwrap()
}

#[test]
fn the_fixture_s_rule_is_read_from_its_words() {
    let env = TestEnv::with_fixture_ledger();
    // M2 建立按月抽查制度; M4's 长效机制 is a way of working, not a rule.
    assert_eq!(sentence(&env).as_deref(), Some("通过整改，新建制度1项"));
    assert_eq!(counts(&env), (1, 0, 0, 1));
    let m2 = show(&env, "M2");
    assert_eq!(m2["institution"], "new");
    assert_eq!(m2["institution_setting"], Value::Null);
}

#[test]
fn a_measure_added_with_institution_revise_counts_as_a_revised_rule() {
    let env = TestEnv::with_fixture_ledger();
    env.ok(&[
        "measure",
        "add",
        "--unit",
        "市财政局",
        "--year",
        "2024",
        "--for",
        "P1",
        "--institution",
        "revise",
        "每月开展一次学习交流",
    ]);
    assert_eq!(
        sentence(&env).as_deref(),
        Some("通过整改，新建制度1项，修订完善制度1项")
    );
    assert_eq!(counts(&env), (1, 1, 0, 2));
    let shown = env.ok(&["show", "M11"]);
    assert!(shown.contains("修订完善制度（手工设定）"), "{shown}");
}

#[test]
fn edit_institution_none_overrides_a_wrong_recognition_and_auto_brings_it_back() {
    let env = TestEnv::with_fixture_ledger();
    env.ok(&["edit", "M2", "--institution", "none"]);
    assert_eq!(sentence(&env), None);
    assert_eq!(counts(&env), (0, 0, 0, 0));
    let m2 = show(&env, "M2");
    assert_eq!(m2["institution"], Value::Null);
    assert_eq!(m2["institution_setting"], "none");
    let history = env.ok(&["history", "M2"]);
    assert!(history.contains("建章立制"), "{history}");
    env.ok(&["edit", "M2", "--institution", "auto"]);
    assert_eq!(counts(&env), (1, 0, 0, 1));
    assert_eq!(show(&env, "M2")["institution_setting"], Value::Null);
}

#[test]
fn undo_reverts_an_edit_of_the_institution() {
    let env = TestEnv::with_fixture_ledger();
    let before = env.fingerprint();
    env.ok(&["edit", "M4", "--institution", "abolish"]);
    assert_eq!(counts(&env), (1, 0, 1, 2));
    env.ok(&["undo"]);
    assert_eq!(counts(&env), (1, 0, 0, 1));
    assert_eq!(show(&env, "M4")["institution_setting"], Value::Null);
    let ledger = |f: &str| f.split("== events").next().unwrap().to_string();
    assert_eq!(ledger(&env.fingerprint()), ledger(&before));
}

#[test]
fn the_institution_set_on_a_measure_survives_export_and_import() {
    let env = TestEnv::with_fixture_ledger();
    env.ok(&["edit", "M2", "--institution", "none"]);
    env.ok(&["edit", "M4", "--institution", "new"]);
    env.ok(&["export", "--json", "store.json"]);
    let dump: Value =
        serde_json::from_str(&std::fs::read_to_string(env.dir().join("store.json")).unwrap())
            .unwrap();
    let setting = |id: i64| {
        dump["measures"]
            .as_array()
            .unwrap()
            .iter()
            .find(|m| m["id"] == id)
            .unwrap()
            .get("institution")
            .cloned()
    };
    assert_eq!(setting(2), Some(Value::from("none")));
    assert_eq!(
        setting(1),
        None,
        "a measure read from its words has no setting"
    );
    let fresh = TestEnv::init();
    std::fs::copy(env.dir().join("store.json"), fresh.dir().join("store.json")).unwrap();
    fresh.ok(&["import", "--json", "store.json"]);
    assert_eq!(fresh.fingerprint(), env.fingerprint());
    assert_eq!(counts(&fresh), (1, 0, 0, 1));
    assert_eq!(show(&fresh, "M2")["institution_setting"], "none");
}

#[test]
fn an_export_without_institutions_still_imports() {
    let env = TestEnv::with_fixture_ledger();
    env.ok(&["export", "--json", "store.json"]);
    let text = std::fs::read_to_string(env.dir().join("store.json")).unwrap();
    assert!(
        !text.contains("\"institution\""),
        "older dumps look like this"
    );
    let fresh = TestEnv::init();
    std::fs::write(fresh.dir().join("store.json"), text).unwrap();
    fresh.ok(&["import", "--json", "store.json"]);
    assert_eq!(counts(&fresh), (1, 0, 0, 1));
}

#[test]
fn a_bad_institution_in_an_export_is_refused() {
    let env = TestEnv::with_fixture_ledger();
    env.ok(&["edit", "M2", "--institution", "none"]);
    env.ok(&["export", "--json", "store.json"]);
    let path = env.dir().join("store.json");
    let text = std::fs::read_to_string(&path)
        .unwrap()
        .replace("\"institution\": \"none\"", "\"institution\": \"maybe\"");
    let fresh = TestEnv::init();
    std::fs::write(fresh.dir().join("store.json"), text).unwrap();
    let output = fresh.run(&["import", "--json", "store.json"]);
    assert!(output.contains("建章立制类别是“maybe”"), "{output}");
}

#[test]
fn merge_brings_an_institution_edited_in_the_other_store() {
    let unit = TestEnv::with_fixture_ledger();
    let county = TestEnv::init();
    std::fs::copy(unit.db(), county.dir().join("unit.db")).unwrap();
    county.ok(&["merge", "unit.db"]);
    assert_eq!(counts(&county), (1, 0, 0, 1));
    unit.ok(&["edit", "M3", "--institution", "revise"]);
    std::fs::copy(unit.db(), county.dir().join("unit.db")).unwrap();
    county.ok(&["merge", "unit.db"]);
    assert_eq!(counts(&county), (1, 1, 0, 2));
    assert_eq!(show(&county, "M3")["institution_setting"], "revise");
}

#[test]
fn an_institution_edited_on_both_sides_is_a_conflict_and_this_store_s_value_is_kept() {
    let unit = TestEnv::with_fixture_ledger();
    let county = TestEnv::init();
    std::fs::copy(unit.db(), county.dir().join("unit.db")).unwrap();
    county.ok(&["merge", "unit.db"]);
    unit.ok(&["edit", "M3", "--institution", "revise"]);
    county.ok(&["edit", "M3", "--institution", "abolish"]);
    std::fs::copy(unit.db(), county.dir().join("unit.db")).unwrap();
    let report: Value =
        serde_json::from_str(&county.ok(&["merge", "unit.db", "--format", "json"])).unwrap();
    let conflicts = report["conflicts"].to_string();
    assert!(conflicts.contains("institution"), "{report}");
    assert_eq!(show(&county, "M3")["institution_setting"], "abolish");
}

#[test]
fn institution_is_refused_on_a_problem_and_a_bad_value_gets_clap_s_chinese_error() {
    let env = TestEnv::with_fixture_ledger();
    let on_problem = env.run(&["edit", "P1", "--institution", "new"]);
    assert!(on_problem.contains("--institution"), "{on_problem}");
    assert!(!on_problem.starts_with("exit: 0"), "{on_problem}");
    insta::assert_snapshot!(env.run(&["edit", "M2", "--institution", "maybe"]), @r"
    exit: 2
    --- stdout
    --- stderr
    错误：'maybe' 不是 --institution <类别> 的有效值，可选值为 new、revise、
    abolish、none、auto。

    用法：taizhang edit [选项] <编号>

    查看帮助请运行 'taizhang edit --help'。
    ");
}

#[test]
fn a_store_older_than_the_institution_column_still_merges() {
    let county = TestEnv::init();
    let fixture =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/stores/schema-001.db");
    std::fs::copy(fixture, county.dir().join("old.db")).unwrap();
    county.ok(&["merge", "old.db"]);
    let rows: Vec<Value> =
        serde_json::from_str(&county.ok(&["status", "--format", "json"])).unwrap();
    assert_eq!(rows.len(), 19);
    assert_eq!(show(&county, "M1")["institution_setting"], Value::Null);
}

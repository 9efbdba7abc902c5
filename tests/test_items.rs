use crate::common::TestEnv;

fn env_with_unit() -> TestEnv {
    let env = TestEnv::init();
    env.ok(&["unit", "add", "临江市财政局", "--alias", "市财政局"]);
    env
}

#[test]
fn a_problem_is_recorded_with_a_short_id() {
    let env = env_with_unit();
    insta::assert_snapshot!(env.transcript(&[
        "problem",
        "add",
        "--unit",
        "市财政局",
        "--year",
        "2024",
        "--category",
        "思想建设",
        "理论学习与业务工作结合不够紧密"
    ]));
}

#[test]
fn a_problem_can_be_recorded_for_scripts_as_json() {
    let env = env_with_unit();
    insta::assert_snapshot!(env.transcript(&[
        "problem",
        "add",
        "--unit",
        "临江市财政局",
        "--year",
        "2024",
        "--format",
        "json",
        "调查研究不够深入"
    ]));
}

#[test]
fn a_measure_defaults_to_the_end_of_the_following_year() {
    let env = env_with_unit();
    env.ok(&[
        "problem",
        "add",
        "--unit",
        "市财政局",
        "--year",
        "2024",
        "调查研究不够深入",
    ]);
    insta::assert_snapshot!(env.transcript(&[
        "measure",
        "add",
        "--unit",
        "市财政局",
        "--year",
        "2024",
        "--for",
        "P1",
        "--owner-dept",
        "预算科",
        "每季度开展一次专题调研"
    ]));
    let json = env.ok(&["show", "M1", "--format", "json"]);
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(value["due"], "2025-12-31");
    assert_eq!(value["deadline_kind"], "by_date");
    assert_eq!(value["links"], serde_json::json!(["P1"]));
}

#[test]
fn an_immediate_measure_is_due_the_day_it_is_recorded_and_a_long_term_one_never() {
    let env = env_with_unit();
    env.ok(&[
        "measure",
        "add",
        "--unit",
        "市财政局",
        "--year",
        "2024",
        "--due",
        "immediate",
        "--as-of",
        "2025-01-10",
        "立即整改会议记录",
    ]);
    env.ok(&[
        "measure",
        "add",
        "--unit",
        "市财政局",
        "--year",
        "2024",
        "--due",
        "long-term",
        "长期坚持学习制度",
    ]);
    let json = env.ok(&["status", "--format", "json"]);
    let rows: Vec<serde_json::Value> = serde_json::from_str(&json).unwrap();
    assert_eq!(rows[0]["deadline_kind"], "immediate");
    assert_eq!(rows[0]["due"], "2025-01-10");
    assert_eq!(rows[0]["days_overdue"], 370);
    assert_eq!(rows[1]["deadline_kind"], "long_term");
    assert_eq!(rows[1]["due"], serde_json::Value::Null);
    assert_eq!(rows[1]["overdue"], false);
}

#[test]
fn a_measure_records_every_owner_field() {
    let env = env_with_unit();
    env.ok(&[
        "measure",
        "add",
        "--unit",
        "市财政局",
        "--year",
        "2024",
        "--title",
        "强化理论武装",
        "--leader",
        "王副局长",
        "--owner-dept",
        "机关党委",
        "--co-dept",
        "办公室",
        "--co-dept",
        "人事科",
        "--owner-person",
        "陈静",
        "--due",
        "2025-06-30",
        "强化理论武装。每季度开展一次专题研讨",
    ]);
    insta::assert_snapshot!(env.transcript(&["show", "M1"]));
}

#[test]
fn linking_is_many_to_many_and_idempotent() {
    let env = env_with_unit();
    env.ok(&[
        "problem",
        "add",
        "--unit",
        "市财政局",
        "--year",
        "2024",
        "问题一",
    ]);
    env.ok(&[
        "problem",
        "add",
        "--unit",
        "市财政局",
        "--year",
        "2024",
        "问题二",
    ]);
    env.ok(&[
        "measure",
        "add",
        "--unit",
        "市财政局",
        "--year",
        "2024",
        "--for",
        "P1",
        "措施一",
    ]);
    insta::assert_snapshot!(env.transcript(&["link", "M1", "P2"]));
    insta::assert_snapshot!(env.transcript(&["link", "P2", "M1"]));
    insta::assert_snapshot!(env.transcript(&["unlink", "M1", "P1"]));
    let json = env.ok(&["show", "M1", "--format", "json"]);
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(value["links"], serde_json::json!(["P2"]));
}

#[test]
fn a_measure_cannot_answer_a_problem_of_another_unit() {
    let env = env_with_unit();
    env.ok(&["unit", "add", "东山县教育局"]);
    env.ok(&[
        "problem",
        "add",
        "--unit",
        "东山县教育局",
        "--year",
        "2024",
        "问题一",
    ]);
    env.ok(&[
        "measure",
        "add",
        "--unit",
        "市财政局",
        "--year",
        "2024",
        "措施一",
    ]);
    let before = env.fingerprint();
    insta::assert_snapshot!(env.transcript(&["link", "M1", "P1"]));
    assert_eq!(before, env.fingerprint());
}

#[test]
fn edit_changes_only_the_fields_given_and_records_old_and_new() {
    let env = env_with_unit();
    env.ok(&[
        "measure",
        "add",
        "--unit",
        "市财政局",
        "--year",
        "2024",
        "--owner-dept",
        "办公室",
        "--co-dept",
        "人事科",
        "措施一",
    ]);
    insta::assert_snapshot!(env.transcript(&[
        "edit",
        "M1",
        "--text",
        "措施一（修订）",
        "--owner-dept",
        "机关党委",
        "--co-dept",
        "",
        "--due",
        "2025-09-30"
    ]));
    insta::assert_snapshot!(env.transcript(&["history", "M1"]));
    insta::assert_snapshot!(env.transcript(&["edit", "M1", "--owner-dept", "机关党委"]));
}

#[test]
fn edit_refuses_fields_that_do_not_belong_to_the_item() {
    let env = env_with_unit();
    env.ok(&[
        "problem",
        "add",
        "--unit",
        "市财政局",
        "--year",
        "2024",
        "问题一",
    ]);
    let before = env.fingerprint();
    insta::assert_snapshot!(env.transcript(&["edit", "P1", "--owner-dept", "办公室"]));
    insta::assert_snapshot!(env.transcript(&["edit", "P1"]));
    assert_eq!(before, env.fingerprint());
}

#[test]
fn link_joins_every_measure_given_to_every_problem_in_one_operation() {
    let env = TestEnv::init();
    env.ok(&["unit", "add", "临江市财政局"]);
    for text in ["会议记录不规范", "学习流于形式"] {
        env.ok(&[
            "problem",
            "add",
            "--unit",
            "临江市财政局",
            "--year",
            "2024",
            text,
        ]);
    }
    for text in ["修订会议记录模板", "建立学习台账"] {
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
    insta::assert_snapshot!(env.transcript(&["link", "M1", "P1", "M2", "P2"]));
    let links = |id: &str| {
        let json = env.ok(&["show", id, "--format", "json"]);
        let value: serde_json::Value = serde_json::from_str(&json).unwrap();
        value["links"].clone()
    };
    assert_eq!(links("M1"), serde_json::json!(["P1", "P2"]));
    assert_eq!(links("M2"), serde_json::json!(["P1", "P2"]));
    env.ok(&["undo"]);
    assert_eq!(links("M1"), serde_json::json!([]));
    assert_eq!(links("M2"), serde_json::json!([]));
}

#[test]
fn link_with_an_unknown_id_among_several_links_nothing() {
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
        "修订会议记录模板",
    ]);
    let before = env.fingerprint();
    insta::assert_snapshot!(env.transcript(&["link", "M1", "P1", "P7"]));
    assert_eq!(env.fingerprint(), before);
}

//! `taizhang import --reviewed`: a dry run corrected by hand and recorded exactly as it stands.

use std::path::Path;

use serde_json::{json, Value};

use crate::common::TestEnv;

const A1: &str = "a1_linjiang_caizheng_2022.txt";

fn copy_fixture(env: &TestEnv, name: &str) {
    let from = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/summaries")
        .join(name);
    std::fs::copy(from, env.dir().join(name)).unwrap();
}

fn dry_run(env: &TestEnv, file: &str) -> Value {
    serde_json::from_str(&env.ok(&["import", "--dry-run", "--format", "json", file])).unwrap()
}

fn write(env: &TestEnv, name: &str, review: &Value) {
    let text = serde_json::to_string_pretty(review).unwrap();
    std::fs::write(env.dir().join(name), text).unwrap();
}

/// A run for a snapshot, headed by its command line.
fn shown(env: &TestEnv, args: &[&str]) -> String {
    format!("$ taizhang {}\n{}", args.join(" "), env.run(args))
}

fn json(env: &TestEnv, args: &[&str]) -> Value {
    serde_json::from_str(&env.ok(args)).unwrap()
}

/// The a1 summary's dry run, edited as a reviewer would: the second problem removed, a missed
/// problem typed in, the first measure split in two, the unit corrected, measures linked.
fn edited_review(env: &TestEnv) -> Value {
    copy_fixture(env, A1);
    let mut review = dry_run(env, A1);
    assert_eq!(review["problems"].as_array().unwrap().len(), 3);
    let problems = review["problems"].as_array_mut().unwrap();
    problems.remove(1);
    problems.push(json!({"text": "机关干部作风建设仍有差距"}));
    review["unit"] = json!("临江市财政局机关");
    review["measures"] = json!([
        {"title": "深化理论武装", "text": "深化理论武装。制定年度学习计划", "answers": [0]},
        {"title": null, "text": "推行“学习清单+研讨交流”模式，3月底前建立各支部学习台账，每季度开展一次学习成效评估", "answers": [0]},
        {"title": "严格教育管理", "text": "严格教育管理。完善党员联系台账，建立流动党员和退休党员定期联系制度，6月底前实现联系全覆盖", "answers": [1, 2]},
    ]);
    review
}

fn items(env: &TestEnv) -> Vec<Value> {
    let status = json(
        env,
        &["status", "--unit", "临江市财政局机关", "--format", "json"],
    );
    status.as_array().unwrap().clone()
}

#[test]
fn a_reviewed_file_is_recorded_exactly_as_edited() {
    let env = TestEnv::init();
    let review = edited_review(&env);
    write(&env, "review.json", &review);
    env.ok(&["import", "--reviewed", "review.json"]);
    let items = items(&env);
    let text = |kind: &str| -> Vec<String> {
        items
            .iter()
            .filter(|i| i["kind"] == kind)
            .map(|i| i["text"].as_str().unwrap().to_string())
            .collect()
    };
    let expected = |key: &str| -> Vec<String> {
        review[key]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| i["text"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(text("problem"), expected("problems"));
    assert_eq!(text("measure"), expected("measures"));
    let show = |id: &str| json(&env, &["show", id, "--format", "json"]);
    assert_eq!(show("M1")["title"], "深化理论武装");
    assert_eq!(show("M2")["title"], Value::Null);
    assert_eq!(show("M1")["links"], json!(["P1"]));
    assert_eq!(show("M2")["links"], json!(["P1"]));
    assert_eq!(show("M3")["links"], json!(["P2", "P3"]));
    // The split measure's deadline is read again from its own text (3月底前).
    assert_eq!(show("M2")["due"], "2023-03-31");
    assert_eq!(show("M1")["due"], "2023-12-31");
    assert_eq!(show("P1")["year"], 2022);
}

#[test]
fn a_typed_item_is_recorded_as_typed_and_the_import_says_so() {
    let env = TestEnv::init();
    write(&env, "review.json", &edited_review(&env));
    let output = env.ok(&["import", "--reviewed", "review.json"]);
    assert!(
        output.contains(
            "审核稿中有 1 项在原文中未找到，按审核稿录入（历史记录注明“via: review”）：第3个问题"
        ),
        "{output}"
    );
    let history = json(&env, &["history", "P3", "--format", "json"]);
    let create = &history[0]["detail"];
    assert_eq!(create["via"], "review");
    assert_eq!(create["position"], Value::Null);
    let found = json(&env, &["history", "P1", "--format", "json"]);
    assert!(found[0]["detail"]["position"].as_u64().unwrap() > 0);
    assert!(found[0]["detail"].get("via").is_none());
    insta::assert_snapshot!(shown(&env, &["history", "P3"]));
}

#[test]
fn importing_the_same_review_again_changes_nothing() {
    let env = TestEnv::init();
    write(&env, "review.json", &edited_review(&env));
    env.ok(&["import", "--reviewed", "review.json"]);
    let before = env.fingerprint();
    // Reformatting the file is not a change of content either.
    let review: Value =
        serde_json::from_str(&std::fs::read_to_string(env.dir().join("review.json")).unwrap())
            .unwrap();
    std::fs::write(env.dir().join("again.json"), review.to_string()).unwrap();
    let output = env.ok(&["import", "--reviewed", "again.json"]);
    assert!(output.contains("无变化"), "{output}");
    assert_eq!(env.fingerprint(), before);
}

#[test]
fn a_review_of_a_document_imported_plainly_is_different_content_and_needs_replace() {
    let env = TestEnv::init();
    copy_fixture(&env, A1);
    let mut review = dry_run(&env, A1);
    write(&env, "unchanged.json", &review);
    env.ok(&["import", A1]);
    // A review that changes nothing is the same content as the plain import.
    let output = env.ok(&["import", "--reviewed", "unchanged.json"]);
    assert!(output.contains("无变化"), "{output}");
    review["problems"].as_array_mut().unwrap().remove(2);
    write(&env, "review.json", &review);
    let before = env.fingerprint();
    let refused = env
        .cmd(&["import", "--reviewed", "review.json"])
        .output()
        .unwrap();
    assert_eq!(refused.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("--replace"));
    assert_eq!(env.fingerprint(), before);
    env.ok(&["import", "--reviewed", "review.json", "--replace"]);
    // A title corrected in a later review replaces the one recorded, keeping the measure's id.
    review["measures"][1]["title"] = json!("推进深度融合。");
    review["measures"][1]["text"] = json!("推进深度融合。围绕预算绩效管理改革，打造“党建+绩效”品牌，年内每个支部至少形成一项融合创新案例");
    write(&env, "retitled.json", &review);
    env.ok(&["import", "--reviewed", "retitled.json", "--replace"]);
    let m2 = json(&env, &["show", "M2", "--format", "json"]);
    assert_eq!(m2["title"], "推进深度融合。");
    let status = json(&env, &["status", "--format", "json"]);
    let problems = status
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| i["kind"] == "problem");
    assert_eq!(problems.count(), 2);
    // And the plain document is now different content from what was recorded.
    let again = env.cmd(&["import", A1]).output().unwrap();
    assert_eq!(again.status.code(), Some(2));
}

#[test]
fn malformed_reviews_leave_the_store_byte_identical() {
    let env = TestEnv::init();
    let review = edited_review(&env);
    let mut bad_answer = review.clone();
    bad_answer["measures"][2]["answers"] = json!([1, 6]);
    let mut bad_title = review.clone();
    bad_title["measures"][0]["title"] = json!("理论武装");
    let mut unknown = review.clone();
    unknown["problems"][1]["owner"] = json!("办公室");
    let mut bad_status = review.clone();
    bad_status["outcomes"] =
        json!([{"text": "已完成整改", "status": "完成了", "refers_to_year": 2021}]);
    let mut no_file = review.clone();
    no_file["file"] = json!("不存在.txt");
    write(&env, "bad_answer.json", &bad_answer);
    write(&env, "bad_title.json", &bad_title);
    write(&env, "unknown.json", &unknown);
    write(&env, "bad_status.json", &bad_status);
    write(&env, "no_file.json", &no_file);
    std::fs::write(
        env.dir().join("not_json.json"),
        "{\"file\": \"a1.txt\",\n  problems: []}",
    )
    .unwrap();
    std::fs::write(env.dir().join("wrong_type.json"), "[\"a1.txt\"]").unwrap();
    let before = std::fs::read(env.db()).unwrap();
    let fingerprint = env.fingerprint();
    let mut shown = String::new();
    for name in [
        "bad_answer.json",
        "bad_title.json",
        "unknown.json",
        "bad_status.json",
        "no_file.json",
        "not_json.json",
        "wrong_type.json",
    ] {
        let output = env.cmd(&["import", "--reviewed", name]).output().unwrap();
        assert_eq!(output.status.code(), Some(2), "{name}");
        let stderr = String::from_utf8(output.stderr).unwrap();
        assert_eq!(
            stderr.lines().count(),
            1,
            "one sentence for {name}: {stderr}"
        );
        shown.push_str(&format!("$ taizhang import --reviewed {name}\n{stderr}"));
    }
    assert_eq!(
        std::fs::read(env.db()).unwrap(),
        before,
        "the store's bytes"
    );
    assert_eq!(env.fingerprint(), fingerprint);
    insta::assert_snapshot!(shown);
}

#[test]
fn a_dry_run_of_a_review_shows_what_would_be_recorded_and_writes_nothing() {
    let env = TestEnv::init();
    write(&env, "review.json", &edited_review(&env));
    let before = env.fingerprint();
    let would = json(
        &env,
        &[
            "import",
            "--reviewed",
            "review.json",
            "--dry-run",
            "--format",
            "json",
        ],
    );
    assert_eq!(env.fingerprint(), before);
    assert_eq!(would["problems"][2]["text"], "机关干部作风建设仍有差距");
    assert_eq!(would["measures"][2]["answers"], json!([1, 2]));
    insta::assert_snapshot!(shown(
        &env,
        &[
            "import",
            "--reviewed",
            "review.json",
            "--dry-run",
            "--lang",
            "en"
        ]
    ));
}

#[test]
fn the_document_is_found_beside_the_review_when_not_in_the_current_directory() {
    let env = TestEnv::init();
    let review = edited_review(&env);
    std::fs::create_dir(env.dir().join("审核")).unwrap();
    std::fs::rename(env.dir().join(A1), env.dir().join("审核").join(A1)).unwrap();
    write(&env, "审核/review.json", &review);
    env.ok(&["import", "--reviewed", "审核/review.json"]);
    assert_eq!(items(&env).len(), 6);
}

#[test]
fn unit_and_year_options_override_the_review() {
    let env = TestEnv::init();
    env.ok(&["unit", "add", "临江市财政局"]);
    let mut review = edited_review(&env);
    review["unit"] = Value::Null;
    review["year"] = Value::Null;
    write(&env, "review.json", &review);
    let refused = env
        .cmd(&["import", "--reviewed", "review.json"])
        .output()
        .unwrap();
    assert_eq!(refused.status.code(), Some(2));
    env.ok(&[
        "import",
        "--reviewed",
        "review.json",
        "--unit",
        "临江市财政局",
        "--year",
        "2023",
    ]);
    let status = json(
        &env,
        &[
            "status",
            "--unit",
            "临江市财政局",
            "--year",
            "2023",
            "--format",
            "json",
        ],
    );
    assert_eq!(status.as_array().unwrap().len(), 6);
}

#[test]
fn undo_reverts_a_reviewed_import() {
    let env = TestEnv::init();
    write(&env, "review.json", &edited_review(&env));
    let before = env.fingerprint();
    env.ok(&["import", "--reviewed", "review.json"]);
    assert_ne!(env.fingerprint(), before);
    env.ok(&["undo"]);
    let status = json(&env, &["status", "--format", "json"]);
    assert_eq!(status, json!([]));
}

#[test]
fn reviewed_cannot_be_combined_with_files_ledger_or_json() {
    let env = TestEnv::init();
    for extra in [
        &["a.txt"][..],
        &["--ledger", "a.xlsx"],
        &["--json", "a.json"],
    ] {
        let mut args = vec!["import", "--reviewed", "review.json"];
        args.extend_from_slice(extra);
        let output = env.cmd(&args).output().unwrap();
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert!(String::from_utf8_lossy(&output.stderr).contains("不能与"));
    }
}

//! `taizhang import`: summaries into the store, one transaction per file.

use std::path::{Path, PathBuf};

use crate::common::TestEnv;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/summaries")
        .join(name)
}

/// Copies fixture summaries into the test dir, so paths in the output are short and stable.
fn copy(env: &TestEnv, names: &[&str]) {
    for name in names {
        std::fs::copy(fixture(name), env.dir().join(name)).unwrap();
    }
}

fn json(env: &TestEnv, args: &[&str]) -> serde_json::Value {
    serde_json::from_str(&env.ok(args)).unwrap()
}

const CHAIN: [&str; 3] = [
    "a1_linjiang_caizheng_2022.txt",
    "a2_linjiang_caizheng_2023_gb18030_crlf.txt",
    "a3_linjiang_caizheng_2024_bom.txt",
];

#[test]
fn a_dry_run_prints_the_design_json_object_and_writes_nothing() {
    let env = TestEnv::init();
    copy(&env, &CHAIN[..1]);
    let before = env.fingerprint();
    let value = json(&env, &["import", "--dry-run", "--format", "json", CHAIN[0]]);
    assert_eq!(before, env.fingerprint());
    let keys: Vec<&str> = value
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        keys,
        ["file", "unit", "year", "problems", "measures", "outcomes", "warnings"]
    );
    assert_eq!(value["unit"], "临江市财政局");
    assert_eq!(value["year"], 2022);
    assert!(!value["problems"].as_array().unwrap().is_empty());
}

#[test]
fn a_dry_run_of_several_files_prints_an_array() {
    let env = TestEnv::init();
    copy(&env, &CHAIN);
    let value = json(
        &env,
        &[
            "import",
            "--dry-run",
            "--format",
            "json",
            CHAIN[0],
            CHAIN[1],
        ],
    );
    assert_eq!(value.as_array().unwrap().len(), 2);
}

#[test]
fn importing_records_items_with_their_document_and_unit() {
    let env = TestEnv::init();
    copy(&env, &CHAIN[..1]);
    let report = json(&env, &["import", "--format", "json", CHAIN[0]]);
    let problems = report[0]["problems"].as_array().unwrap().len();
    let measures = report[0]["measures"].as_array().unwrap().len();
    assert_eq!(report[0]["result"], "imported");
    let rows: Vec<serde_json::Value> =
        serde_json::from_value(json(&env, &["status", "--format", "json"])).unwrap();
    assert_eq!(rows.len(), problems + measures);
    assert!(rows
        .iter()
        .all(|r| r["unit"] == "临江市财政局" && r["year"] == 2022));
    let conn = rusqlite::Connection::open(env.db()).unwrap();
    let (documents, positioned): (i64, i64) = conn
        .query_row(
            "SELECT (SELECT count(*) FROM documents),
                    (SELECT count(*) FROM problems WHERE document_id IS NOT NULL AND position IS NOT NULL)",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!((documents, positioned), (1, problems as i64));
}

#[test]
fn importing_the_same_file_again_changes_nothing_and_says_so() {
    let env = TestEnv::init();
    copy(&env, &CHAIN[..1]);
    env.ok(&["import", CHAIN[0]]);
    let before = env.fingerprint();
    let report = json(&env, &["import", "--format", "json", CHAIN[0]]);
    assert_eq!(report[0]["result"], "unchanged");
    assert_eq!(before, env.fingerprint());
}

#[test]
fn a_different_file_for_an_imported_year_is_refused_without_replace() {
    let env = TestEnv::init();
    copy(&env, &CHAIN[..1]);
    env.ok(&["import", CHAIN[0]]);
    let edited =
        std::fs::read_to_string(env.dir().join(CHAIN[0])).unwrap() + "\n（此稿为修订稿）\n";
    std::fs::write(env.dir().join("修订稿.txt"), edited).unwrap();
    let before = env.fingerprint();
    insta::assert_snapshot!(env.transcript(&["import", "修订稿.txt"]));
    assert_eq!(before, env.fingerprint());
    let report = json(
        &env,
        &["import", "--replace", "--format", "json", "修订稿.txt"],
    );
    assert_eq!(report[0]["result"], "replaced");
    // The same items keep their ids.
    let first = json(&env, &["status", "--format", "json"]);
    assert_eq!(first.as_array().unwrap()[0]["id"], "P1");
}

#[test]
fn replacing_keeps_items_with_progress_and_removes_the_rest() {
    let env = TestEnv::init();
    copy(&env, &CHAIN[..1]);
    env.ok(&["import", CHAIN[0]]);
    env.ok(&[
        "progress",
        "P1",
        "--status",
        "in_progress",
        "--date",
        "2023-03-01",
    ]);
    let text = std::fs::read_to_string(env.dir().join(CHAIN[0])).unwrap();
    let first_problem = json(&env, &["show", "P1", "--format", "json"])["text"]
        .as_str()
        .unwrap()
        .to_string();
    let second_problem = json(&env, &["show", "P2", "--format", "json"])["text"]
        .as_str()
        .unwrap()
        .to_string();
    let shorter = text
        .replace(&first_problem, "学风建设仍需加强")
        .replace(&second_problem, "制度执行不够严格");
    std::fs::write(env.dir().join("修订稿.txt"), shorter).unwrap();
    let report = json(
        &env,
        &["import", "--replace", "--format", "json", "修订稿.txt"],
    );
    let warnings = report[0]["warnings"].to_string();
    assert!(
        warnings.contains("P1") && warnings.contains("予以保留"),
        "{warnings}"
    );
    assert!(
        warnings.contains("P2") && warnings.contains("已删除"),
        "{warnings}"
    );
    assert!(env.cmd(&["show", "P1"]).output().unwrap().status.success());
    assert!(!env.cmd(&["show", "P2"]).output().unwrap().status.success());
    // The removed item keeps its history, and the new items take ids never given before.
    assert!(env.ok(&["history", "P2"]).contains("删除"));
    let ids = report[0]["problems"].to_string();
    assert!(!ids.contains("\"P2\"") && ids.contains("\"P4\""), "{ids}");
}

#[test]
fn replacing_applies_the_corrected_wording_and_a_dry_run_shows_it_first() {
    let env = TestEnv::init();
    copy(&env, &CHAIN[..1]);
    env.ok(&["import", CHAIN[0]]);
    env.ok(&[
        "progress",
        "P1",
        "--status",
        "in_progress",
        "--date",
        "2023-03-01",
    ]);
    let text = std::fs::read_to_string(env.dir().join(CHAIN[0])).unwrap();
    let first = json(&env, &["show", "P1", "--format", "json"])["text"]
        .as_str()
        .unwrap()
        .to_string();
    let corrected = format!("{first}（已核实）");
    std::fs::write(
        env.dir().join("更正稿.txt"),
        text.replace(&first, &corrected),
    )
    .unwrap();
    let before = env.fingerprint();
    let dry = env.ok(&["import", "--replace", "--dry-run", "更正稿.txt"]);
    assert!(
        dry.contains("P1 的内容按新版本改写") && dry.contains("试运行"),
        "{dry}"
    );
    assert_eq!(env.fingerprint(), before, "a dry run writes nothing");
    env.ok(&["import", "--replace", "更正稿.txt"]);
    let shown = json(&env, &["show", "P1", "--format", "json"]);
    assert_eq!(
        shown["text"],
        corrected.as_str(),
        "the corrected wording is applied"
    );
    assert_eq!(
        shown["progress"].as_array().unwrap().len(),
        1,
        "its progress is kept"
    );
    assert!(env
        .ok(&["history", "P1", "--format", "json"])
        .contains("已核实"));
}

#[test]
fn a_later_summary_reports_outcomes_as_progress_on_earlier_problems() {
    let env = TestEnv::init();
    copy(&env, &CHAIN);
    let report = json(&env, &["import", "--format", "json", CHAIN[0], CHAIN[1]]);
    let outcomes = report[1]["outcomes"].as_u64().unwrap();
    assert!(outcomes >= 1, "{report}");
    let conn = rusqlite::Connection::open(env.db()).unwrap();
    let from_documents: i64 = conn
        .query_row(
            "SELECT count(*) FROM progress WHERE document_id IS NOT NULL",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(from_documents as u64, outcomes);
}

#[test]
fn one_failing_file_does_not_undo_the_others() {
    let env = TestEnv::init();
    copy(&env, &CHAIN[..2]);
    std::fs::write(env.dir().join("空白.txt"), "").unwrap();
    let output = env
        .cmd(&["import", CHAIN[0], "空白.txt", CHAIN[1]])
        .output()
        .unwrap();
    assert!(!output.status.success());
    let rendered = env.render(&output);
    assert!(rendered.contains("3 个文件中有 1 个未能导入"), "{rendered}");
    let conn = rusqlite::Connection::open(env.db()).unwrap();
    let documents: i64 = conn
        .query_row("SELECT count(*) FROM documents", [], |r| r.get(0))
        .unwrap();
    assert_eq!(documents, 2);
}

#[test]
fn unreadable_files_get_one_clear_sentence() {
    let env = TestEnv::init();
    copy(&env, &CHAIN[1..2]);
    std::fs::write(env.dir().join("空白.txt"), "  \n\n").unwrap();
    std::fs::write(
        env.dir().join("旧版.doc"),
        b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1rest",
    )
    .unwrap();
    let before = env.fingerprint();
    insta::assert_snapshot!(env.transcript(&["import", "空白.txt"]));
    insta::assert_snapshot!(env.transcript(&["import", "旧版.doc"]));
    insta::assert_snapshot!(env.transcript(&["import", "不存在.txt"]));
    insta::assert_snapshot!(env.transcript(&["import", "--encoding", "utf-8", CHAIN[1]]));
    insta::assert_snapshot!(env.transcript(&["import", "--encoding", "latin-9", CHAIN[1]]));
    assert_eq!(before, env.fingerprint());
}

#[test]
fn a_short_unit_name_is_matched_to_a_known_unit_and_remembered() {
    let env = TestEnv::init();
    env.ok(&["unit", "add", "河东省临江市财政局"]);
    copy(&env, &CHAIN[..1]);
    env.ok(&["import", CHAIN[0]]);
    let units = json(&env, &["unit", "list", "--format", "json"]);
    assert_eq!(units.as_array().unwrap().len(), 1);
    assert_eq!(units[0]["name"], "河东省临江市财政局");
    assert_eq!(units[0]["aliases"], serde_json::json!(["临江市财政局"]));
}

#[test]
fn an_ambiguous_unit_name_stops_the_import_and_lists_the_candidates() {
    let env = TestEnv::init();
    env.ok(&["unit", "add", "临江市财政局机关党委"]);
    env.ok(&["unit", "add", "临江市财政局离退休干部党支部"]);
    copy(&env, &CHAIN[..1]);
    let before = env.fingerprint();
    insta::assert_snapshot!(env.transcript(&["import", CHAIN[0]]));
    assert_eq!(before, env.fingerprint());
}

#[test]
fn unit_and_year_options_override_the_title() {
    let env = TestEnv::init();
    env.ok(&["unit", "add", "临江市审计局"]);
    copy(&env, &CHAIN[..1]);
    let report = json(
        &env,
        &[
            "import",
            "--unit",
            "临江市审计局",
            "--year",
            "2021",
            "--format",
            "json",
            CHAIN[0],
        ],
    );
    assert_eq!(report[0]["unit"], "临江市审计局");
    assert_eq!(report[0]["year"], 2021);
}

#[test]
fn a_mistyped_unit_given_with_unit_is_refused_with_the_closest_name() {
    let env = TestEnv::init();
    env.ok(&["unit", "add", "临江市财政局"]);
    copy(&env, &CHAIN[..1]);
    let before = env.fingerprint();
    let output = env.run(&["import", "--unit", "临江市材政局", CHAIN[0]]);
    assert!(!output.starts_with("exit: 0"), "{output}");
    assert!(output.contains("是否指“临江市财政局”"), "{output}");
    assert_eq!(before, env.fingerprint(), "no unit was created");
}

#[test]
fn a_unit_read_from_the_title_is_created_and_the_import_says_so() {
    let env = TestEnv::init();
    copy(&env, &CHAIN[..1]);
    let output = env.ok(&["import", CHAIN[0]]);
    assert!(
        output.contains("提示：新建单位“临江市财政局”（取自总结标题）"),
        "{output}"
    );
}

#[test]
fn the_import_ends_with_how_many_measures_are_linked_to_no_problem() {
    let env = TestEnv::init();
    copy(&env, &CHAIN[..1]);
    let report = json(&env, &["import", "--format", "json", CHAIN[0]]);
    let unlinked = report[0]["unlinked_measures"].as_u64().unwrap();
    let rows: Vec<serde_json::Value> =
        serde_json::from_value(json(&env, &["status", "--format", "json"])).unwrap();
    let counted = rows
        .iter()
        .filter(|r| r["kind"] == "measure")
        .filter(|r| {
            let id = r["id"].as_str().unwrap();
            json(&env, &["show", id, "--format", "json"])["links"]
                .as_array()
                .is_none_or(|links| links.is_empty())
        })
        .count() as u64;
    assert_eq!(unlinked, counted);
    let again = TestEnv::init();
    copy(&again, &CHAIN[..1]);
    let output = again.ok(&["import", CHAIN[0]]);
    let hint = format!(
        "还有 {unlinked} 条整改措施未关联问题，可用 taizhang link --suggest --unit 临江市财政局 --year 2022 查看建议。"
    );
    assert_eq!(output.contains(&hint), unlinked > 0, "{output}");
}

#[test]
fn an_immediate_measure_of_a_summary_is_due_when_the_plan_year_starts() {
    let env = TestEnv::init();
    let name = "s9_numbered_pairs_deadlines.txt";
    copy(&env, &[name]);
    let report = json(&env, &["import", "--format", "json", name]);
    assert_eq!(report[0]["year"], 2023);
    let immediate: Vec<serde_json::Value> = report[0]["measures"]
        .as_array()
        .unwrap()
        .iter()
        .map(|id| json(&env, &["show", id.as_str().unwrap(), "--format", "json"]))
        .filter(|m| m["deadline_kind"] == "immediate")
        .collect();
    assert!(!immediate.is_empty());
    for measure in immediate {
        assert_eq!(measure["due"], "2024-01-01", "{measure}");
    }
}

#[test]
fn replacing_a_summary_whose_measure_was_carried_over_keeps_it_and_says_why() {
    let env = TestEnv::init();
    copy(&env, &CHAIN[..1]);
    env.ok(&["import", CHAIN[0]]);
    env.ok(&["carry", "M1", "--year", "2023"]);
    let text = std::fs::read_to_string(env.dir().join(CHAIN[0])).unwrap();
    let m1 = json(&env, &["show", "M1", "--format", "json"])["text"]
        .as_str()
        .unwrap()
        .to_string();
    std::fs::write(env.dir().join("删改稿.txt"), text.replace(&m1, "")).unwrap();
    let output = env
        .cmd(&["import", "--replace", "--format", "json", "删改稿.txt"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", env.render(&output));
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let warnings = report[0]["warnings"].to_string();
    assert!(
        warnings.contains("M1") && warnings.contains("结转"),
        "{warnings}"
    );
    assert!(env.cmd(&["show", "M1"]).output().unwrap().status.success());
}

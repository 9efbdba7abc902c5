//! `taizhang link --suggest`: proposed links for unlinked measures, measured against the true
//! links of the fixture chains (fixtures/summaries/true-links.json), and accepted in one step.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use serde_json::Value;

use crate::common::TestEnv;

fn json(env: &TestEnv, args: &[&str]) -> Value {
    serde_json::from_str(&env.ok(args)).unwrap()
}

/// The command line and what it printed, for a snapshot.
fn run(env: &TestEnv, args: &[&str]) -> String {
    format!("$ taizhang {}\n{}", args.join(" "), env.run(args))
}

fn truth() -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/summaries/true-links.json");
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// A store holding the three fixture chains with every measure unlinked, and the true links
/// as (measure id, problem id) pairs.
fn chains() -> (TestEnv, HashSet<(String, String)>) {
    let env = TestEnv::init();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/summaries");
    let mut links = HashSet::new();
    for (name, per_measure) in truth()["links"].as_object().unwrap() {
        std::fs::copy(dir.join(name), env.dir().join(name)).unwrap();
        let report = json(&env, &["import", "--format", "json", name]);
        let ids = |key: &str| -> Vec<String> {
            report[0][key]
                .as_array()
                .unwrap()
                .iter()
                .map(|v| v.as_str().unwrap().to_string())
                .collect()
        };
        let (problems, measures) = (ids("problems"), ids("measures"));
        let per_measure = per_measure.as_array().unwrap();
        assert_eq!(
            per_measure.len(),
            measures.len(),
            "{name}: one entry per measure"
        );
        for (measure, answers) in measures.iter().zip(per_measure) {
            for p in answers.as_array().unwrap() {
                let problem = problems[p.as_u64().unwrap() as usize].clone();
                links.insert((measure.clone(), problem));
            }
        }
    }
    // Links the importer recorded from the text itself are taken off: the test measures the
    // suggestions alone.
    let rows = json(&env, &["status", "--format", "json"]);
    for row in rows.as_array().unwrap() {
        if row["kind"] == "measure" {
            for p in row["links"].as_array().unwrap() {
                env.ok(&["unlink", row["id"].as_str().unwrap(), p.as_str().unwrap()]);
            }
        }
    }
    (env, links)
}

#[test]
fn suggestions_for_the_fixture_chains_are_precise_and_find_the_true_links() {
    let (env, truth) = chains();
    let suggestions = json(&env, &["link", "--suggest", "--format", "json"]);
    let mut top: HashMap<String, (String, String)> = HashMap::new();
    let mut bands: HashMap<String, (usize, usize)> = HashMap::new();
    for s in suggestions.as_array().unwrap() {
        let measure = s["measure"].as_str().unwrap().to_string();
        let problem = s["problem"].as_str().unwrap().to_string();
        let right = truth.contains(&(measure.clone(), problem.clone()));
        let band = bands
            .entry(s["strength"].as_str().unwrap().to_string())
            .or_default();
        band.1 += 1;
        band.0 += usize::from(right);
        top.entry(measure)
            .or_insert((problem, s["strength"].as_str().unwrap().into()));
    }
    let right = top
        .iter()
        .filter(|(m, (p, _))| truth.contains(&((*m).clone(), p.clone())))
        .count();
    let precision = right as f64 / top.len() as f64;
    let recall = right as f64 / truth.len() as f64;
    println!(
        "top suggestions: {right} right of {}, {} true links",
        top.len(),
        truth.len()
    );
    println!("precision {precision:.2} recall {recall:.2}; per strength (right, shown): {bands:?}");
    // Measured: 27 of 27 right, every true link found; the one measure that answers no
    // problem (a3's 作风建设) gets no suggestion.
    assert!(precision >= 0.95, "precision {precision:.2}");
    assert!(recall >= 0.95, "recall {recall:.2}");
    let (high_right, high_shown) = bands.get("high").copied().unwrap_or_default();
    assert_eq!(high_right, high_shown, "every 高 suggestion is a true link");
}

#[test]
fn the_table_shows_short_texts_shared_words_and_a_strength_without_scores() {
    let (env, _) = chains();
    let args = [
        "link",
        "--suggest",
        "--unit",
        "青禾区教育局",
        "--year",
        "2023",
    ];
    let table = run(&env, &args);
    assert!(!table.contains("0."), "no raw score in the table:\n{table}");
    insta::assert_snapshot!(table);
    insta::assert_snapshot!(run(
        &env,
        &[
            "link",
            "--suggest",
            "--unit",
            "青禾区教育局",
            "--year",
            "2023",
            "--format",
            "csv"
        ]
    ));
}

#[test]
fn suggesting_writes_nothing() {
    let (env, _) = chains();
    let before = env.fingerprint();
    env.ok(&["link", "--suggest"]);
    env.ok(&["link", "--suggest", "--format", "json"]);
    assert_eq!(before, env.fingerprint());
}

#[test]
fn accepting_listed_measures_links_only_their_proposals_and_the_history_says_so() {
    let (env, _) = chains();
    let proposals = json(&env, &["link", "--suggest", "--format", "json"]);
    let first = &proposals[0];
    let second = &proposals[proposals.as_array().unwrap().len() - 1];
    let (m1, p1) = (
        first["measure"].as_str().unwrap(),
        first["problem"].as_str().unwrap(),
    );
    let (m2, p2) = (
        second["measure"].as_str().unwrap(),
        second["problem"].as_str().unwrap(),
    );
    let printed = env.ok(&["link", "--suggest", "--accept", m1, m2]);
    assert_eq!(
        printed,
        format!("已关联 {m1} → {p1}（据建议）\n已关联 {m2} → {p2}（据建议）\n")
    );
    let left = json(&env, &["link", "--suggest", "--format", "json"]);
    assert_eq!(
        left.as_array().unwrap().len(),
        proposals.as_array().unwrap().len() - 2
    );
    let history = json(&env, &["history", m1, "--format", "json"]);
    let link = history
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["action"] == "link")
        .unwrap();
    assert_eq!(link["detail"]["via"], "suggest");
    assert_eq!(link["detail"]["problem"], p1);
    assert!(env.ok(&["history", p1]).contains("（据建议）"));
}

#[test]
fn accepting_without_ids_links_every_proposal_in_scope_in_one_step() {
    let (env, _) = chains();
    let scope = ["link", "--suggest", "--unit", "东山县市场监督管理局"];
    let proposals = json(&env, &[&scope[..], &["--format", "json"]].concat());
    let accepted = json(
        &env,
        &[&scope[..], &["--accept", "--format", "json"]].concat(),
    );
    assert_eq!(
        accepted.as_array().unwrap().len(),
        proposals.as_array().unwrap().len()
    );
    assert_eq!(env.ok(&scope), "没有未关联问题的措施，无需建议。\n");
    let others = json(&env, &["link", "--suggest", "--format", "json"]);
    assert!(
        !others.as_array().unwrap().is_empty(),
        "other units are untouched"
    );
}

#[test]
fn an_unknown_or_unproposed_id_is_refused_and_nothing_is_linked() {
    let (env, _) = chains();
    let proposals = json(&env, &["link", "--suggest", "--format", "json"]);
    let good = proposals[0]["measure"].as_str().unwrap().to_string();
    let before = env.fingerprint();
    insta::assert_snapshot!(run(&env, &["link", "--suggest", "--accept", &good, "M999"]));
    insta::assert_snapshot!(run(&env, &["link", "--suggest", "--accept", &good, "P1"]));
    // a3's 作风建设 measure answers no problem, so it has no proposal.
    let unproposed = json(
        &env,
        &[
            "status",
            "--format",
            "json",
            "--unit",
            "临江市财政局",
            "--year",
            "2024",
        ],
    )
    .as_array()
    .unwrap()
    .iter()
    .find(|r| r["text"].as_str().unwrap().starts_with("从严抓好作风建设"))
    .map(|r| r["id"].as_str().unwrap().to_string())
    .unwrap();
    insta::assert_snapshot!(run(
        &env,
        &["link", "--suggest", "--accept", &good, &unproposed]
    ));
    assert_eq!(before, env.fingerprint());
}

#[test]
fn suggest_cannot_be_mixed_with_positional_ids_and_the_plain_form_still_links() {
    let (env, _) = chains();
    insta::assert_snapshot!(run(&env, &["link", "--suggest", "M1", "P1"]));
    let printed = env.ok(&["link", "M1", "P1"]);
    assert!(printed.starts_with("已关联：M1 针对 P1"), "{printed}");
}

#[test]
fn with_lang_en_the_labels_and_messages_are_english() {
    let (env, _) = chains();
    let scope = [
        "link",
        "--suggest",
        "--unit",
        "青禾区教育局",
        "--year",
        "2023",
    ];
    let table = env.ok(&[&["--lang", "en"][..], &scope].concat());
    assert!(
        table.contains("Likely answers") && table.contains("high"),
        "{table}"
    );
    assert!(
        !table.contains("强度") && !table.contains("有建议"),
        "{table}"
    );
    let proposals = json(&env, &[&scope[..], &["--format", "json"]].concat());
    let (m, p) = (
        proposals[0]["measure"].as_str().unwrap(),
        proposals[0]["problem"].as_str().unwrap(),
    );
    let printed = env.ok(&["--lang", "en", "link", "--suggest", "--accept", m]);
    assert_eq!(printed, format!("linked {m} → {p} (as suggested)\n"));
}

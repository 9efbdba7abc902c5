//! Year over year: recurring problems and statistics.

use crate::common::TestEnv;

fn json(env: &TestEnv, args: &[&str]) -> serde_json::Value {
    serde_json::from_str(&env.ok(args)).unwrap()
}

#[test]
fn recur_lists_reworded_problems_of_one_unit_across_years() {
    let env = TestEnv::with_fixture_ledger();
    insta::assert_snapshot!(env.transcript(&["recur"]));
    insta::assert_snapshot!(env.transcript(&[
        "recur",
        "--format",
        "json",
        "--unit",
        "东山县市场监管局"
    ]));
}

#[test]
fn recur_explain_shows_the_shared_words_cues_outcome_and_confidence_of_one_pair() {
    let env = TestEnv::with_fixture_ledger();
    insta::assert_snapshot!(env.transcript(&["recur", "--explain", "P4", "P9"]));
    let explained = json(
        &env,
        &["recur", "--explain", "P9", "P4", "--format", "json"],
    );
    assert_eq!(explained["earlier"]["id"], "P4");
    let listed = json(
        &env,
        &["recur", "--format", "json", "--unit", "东山县市场监管局"],
    );
    assert_eq!(explained["score"], listed[0]["score"]);
    assert!(explained["shared"][0]["weight"].as_f64().unwrap() > 0.0);
}

#[test]
fn a_confirmed_recurrence_is_kept_marked_in_the_report_and_counted() {
    let env = TestEnv::with_fixture_ledger();
    insta::assert_snapshot!(env.transcript(&["recur", "--confirm", "P7", "P1"]));
    let pairs = json(&env, &["recur", "--threshold", "0.99", "--format", "json"]);
    assert_eq!(
        pairs.as_array().unwrap().len(),
        1,
        "a confirmed pair shows at any threshold"
    );
    assert_eq!(pairs[0]["earlier"]["id"], "P1");
    assert_eq!(pairs[0]["decision"], "confirmed");
    let report = env.ok(&["report", "--unit", "市财政局", "--year", "2025"]);
    assert!(report.contains("（2024年度曾查摆此类问题）"), "{report}");
    let stats = json(&env, &["stats", "--format", "json"]);
    assert_eq!(stats["total"]["recurring"], 1);
    insta::assert_snapshot!(env.transcript(&["history", "P7"]));
}

#[test]
fn a_rejected_pair_is_not_proposed_again() {
    let env = TestEnv::with_fixture_ledger();
    env.ok(&["recur", "--reject", "P4", "P9"]);
    let pairs = json(&env, &["recur", "--format", "json"]);
    assert!(pairs
        .as_array()
        .unwrap()
        .iter()
        .all(|p| p["later"]["id"] != "P9"));
}

#[test]
fn recur_refuses_pairs_that_cannot_be_recurrences() {
    let env = TestEnv::with_fixture_ledger();
    let before = env.fingerprint();
    insta::assert_snapshot!(env.transcript(&["recur", "--confirm", "P1", "P2"]));
    insta::assert_snapshot!(env.transcript(&["recur", "--confirm", "P1", "P9"]));
    insta::assert_snapshot!(env.transcript(&["recur", "--confirm", "P1", "M7"]));
    insta::assert_snapshot!(env.transcript(&["recur", "--threshold", "1.5"]));
    assert_eq!(before, env.fingerprint());
}

#[test]
fn stats_by_year_puts_years_in_columns_with_totals() {
    let env = TestEnv::with_fixture_ledger();
    env.ok(&["carry", "M3", "--year", "2025"]);
    insta::assert_snapshot!(env.transcript(&["stats"]));
    insta::assert_snapshot!(env.transcript(&["stats", "--format", "json", "--from", "2025"]));
}

#[test]
fn stats_by_unit_and_by_owner_give_a_row_each() {
    let env = TestEnv::with_fixture_ledger();
    insta::assert_snapshot!(env.transcript(&["stats", "--by", "unit"]));
    insta::assert_snapshot!(env.transcript(&[
        "stats",
        "--by",
        "owner",
        "--unit",
        "市财政局",
        "--format",
        "csv"
    ]));
}

#[test]
fn stats_figures_add_up_across_groups() {
    let env = TestEnv::with_fixture_ledger();
    for by in ["year", "unit", "owner"] {
        let stats = json(&env, &["stats", "--by", by, "--format", "json"]);
        let total: u64 = stats["groups"]
            .as_array()
            .unwrap()
            .iter()
            .map(|g| g["measures"]["total"].as_u64().unwrap())
            .sum();
        assert_eq!(
            total,
            stats["total"]["measures"]["total"].as_u64().unwrap(),
            "by {by}"
        );
    }
}

#[test]
fn stats_refuses_a_backward_range() {
    let env = TestEnv::with_fixture_ledger();
    insta::assert_snapshot!(env.transcript(&["stats", "--from", "2025", "--to", "2024"]));
}

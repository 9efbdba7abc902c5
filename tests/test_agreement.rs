//! One truth: every command that shows a status or a figure agrees with the status rules of the
//! README, recomputed here from the store's raw rows, independently of the code under test.
//!
//! Stores: the three fixture chains (with progress and links added), the demo, the README's
//! example, the fixture ledger and an imported Excel ledger. For every unit and year and several
//! as-of dates the test checks `status`, `show`, `stats` (by year, unit and owner), `report`,
//! `export --csv`, `export --xlsx` and the SQL views.

mod expected;
mod stores;

use std::collections::BTreeMap;

use serde_json::Value;

use crate::common::TestEnv;
use expected::{Expected, Raw};

const DATES: [&str; 4] = ["2023-06-30", "2024-12-31", "2025-06-30", "2026-01-15"];

fn json(env: &TestEnv, args: &[&str]) -> Value {
    let out = env.ok(args);
    serde_json::from_str(&out).unwrap_or_else(|e| panic!("{args:?} printed no JSON ({e}):\n{out}"))
}

fn counts_of(v: &Value) -> BTreeMap<String, usize> {
    v.as_object()
        .unwrap_or_else(|| panic!("counts are an object: {v}"))
        .iter()
        .map(|(k, n)| (k.clone(), n.as_u64().unwrap() as usize))
        .collect()
}

/// Checks one group of `stats --format json` against the expected figures.
fn check_group(what: &str, group: &Value, e: &expected::Figures) {
    assert_eq!(
        counts_of(&group["problems"]),
        e.problems,
        "{what}: problems"
    );
    assert_eq!(
        counts_of(&group["measures"]),
        e.measures,
        "{what}: measures"
    );
    assert_eq!(group["overdue_problems"], e.overdue_problems, "{what}");
    assert_eq!(group["overdue_measures"], e.overdue_measures, "{what}");
    assert_eq!(
        group["completion_rate"],
        e.completion_rate(),
        "{what}: rate"
    );
}

/// Checks every output of `env`'s store against the rules, at every date of `DATES`.
fn check_store(name: &str, env: &TestEnv) {
    let raw = Raw::read(env.db());
    assert!(!raw.problems.is_empty(), "{name}: the store has problems");
    for as_of in DATES {
        let exp = Expected::compute(&raw, as_of);
        let at = |args: &[&str]| -> Vec<String> {
            let mut v: Vec<String> = args.iter().map(|s| s.to_string()).collect();
            v.extend([
                "--as-of".into(),
                as_of.into(),
                "--format".into(),
                "json".into(),
            ]);
            v
        };
        let run = |args: &[&str]| {
            let v = at(args);
            let v: Vec<&str> = v.iter().map(String::as_str).collect();
            json(env, &v)
        };

        // status: every item's status and overdue flag.
        let rows = run(&["status"]);
        let rows = rows.as_array().unwrap();
        assert_eq!(
            rows.len(),
            exp.items.len(),
            "{name} {as_of}: status lists every item"
        );
        for row in rows {
            let id = row["id"].as_str().unwrap();
            let item = &exp.items[id];
            assert_eq!(row["status"], item.status, "{name} {as_of}: status of {id}");
            assert_eq!(
                row["overdue"].as_bool().unwrap(),
                item.overdue,
                "{name} {as_of}: overdue of {id}"
            );
        }

        // stats by year (per unit), by unit and by owner.
        for (unit, years) in &exp.by_unit_year {
            let stats = run(&["stats", "--unit", unit, "--by", "year"]);
            for group in stats["groups"].as_array().unwrap() {
                let year: i32 = group["group"].as_str().unwrap().parse().unwrap();
                let e = &years[&year];
                check_group(&format!("{name} {as_of}: stats of {unit} {year}"), group, e);
            }
            assert_eq!(stats["groups"].as_array().unwrap().len(), years.len());
        }
        let stats = run(&["stats", "--by", "unit"]);
        for group in stats["groups"].as_array().unwrap() {
            let unit = group["group"].as_str().unwrap();
            let e = exp.unit_total(unit);
            check_group(&format!("{name} {as_of}: stats of {unit}"), group, &e);
        }
        let stats = run(&["stats", "--by", "owner"]);
        let groups = stats["groups"].as_array().unwrap();
        assert_eq!(groups.len(), exp.by_owner.len(), "{name} {as_of}: owners");
        for group in groups {
            let owner = group["group"].as_str().unwrap();
            let e = &exp.by_owner[owner];
            let what = format!("{name} {as_of}: stats of owner {owner}");
            assert_eq!(counts_of(&group["measures"]), e.measures, "{what}");
            assert_eq!(group["overdue_measures"], e.overdue_measures, "{what}");
            assert_eq!(
                group["problems"],
                Value::Null,
                "{what}: no problems by owner"
            );
        }

        // report: the review of each year by the next year's section.
        for (unit, years) in &exp.by_unit_year {
            for (year, e) in years {
                let next = (year + 1).to_string();
                let report = run(&["report", "--unit", unit, "--year", &next]);
                let review = &report["review"];
                let what = format!("{name} {as_of}: report {unit} {next}");
                assert_eq!(counts_of(&review["problem_counts"]), e.problems, "{what}");
                assert_eq!(counts_of(&review["measures"]), e.measures, "{what}");
                assert_eq!(
                    review["completion_rate"],
                    e.completion_rate(),
                    "{what}: rate"
                );
            }
        }
    }

    // show, and the exports, at one date.
    let as_of = "2026-01-15";
    let exp = Expected::compute(&raw, as_of);
    for (id, item) in &exp.items {
        let shown = json(env, &["show", id, "--as-of", as_of, "--format", "json"]);
        assert_eq!(shown["status"], item.status, "{name}: show {id}");
        assert_eq!(
            shown["overdue"].as_bool().unwrap(),
            item.overdue,
            "{name}: show {id}"
        );
    }
    stores::check_exports(name, env, &exp, as_of);

    // The SQL views show the state "now": every entry, whatever its date.
    let now = Expected::compute(&raw, "2100-12-31");
    for (id, status) in Raw::view_statuses(env.db()) {
        assert_eq!(
            status, now.items[&id].status,
            "{name}: the ledger view's status of {id}"
        );
    }
}

#[test]
fn the_fixture_chains_agree_everywhere() {
    check_store("chains", &stores::chains());
}

#[test]
fn the_demo_agrees_everywhere() {
    check_store("demo", &stores::demo());
}

#[test]
fn the_readme_example_agrees_everywhere() {
    check_store("readme", &stores::readme_example());
}

#[test]
fn the_fixture_ledger_and_an_imported_excel_ledger_agree_everywhere() {
    check_store("fixture ledger", &TestEnv::with_fixture_ledger());
    check_store("excel ledger", &stores::excel_ledger());
}

#[test]
fn the_rules_recomputed_here_take_a_measure_s_status_from_its_problem() {
    // The recomputation itself is checked on a case worked by hand.
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
    env.ok(&[
        "measure",
        "add",
        "--unit",
        "甲局",
        "--year",
        "2024",
        "--for",
        "P1",
        "--due",
        "2025-06-30",
        "强化学习",
    ]);
    env.ok(&[
        "measure",
        "add",
        "--unit",
        "甲局",
        "--year",
        "2024",
        "--for",
        "P1",
        "--due",
        "2025-03-31",
        "建立制度",
    ]);
    env.ok(&[
        "progress",
        "M1",
        "--status",
        "in_progress",
        "--date",
        "2025-02-01",
    ]);
    env.ok(&["progress", "P1", "--status", "done", "--date", "2025-05-01"]);
    env.ok(&[
        "progress",
        "M2",
        "--status",
        "not_done",
        "--date",
        "2025-05-20",
        "--note",
        "经费未落实",
    ]);
    let raw = Raw::read(env.db());
    let before = Expected::compute(&raw, "2025-05-10");
    assert_eq!(
        before.items["M1"].status, "done",
        "the problem's newer entry reaches M1"
    );
    assert_eq!(before.items["M2"].status, "done");
    assert_eq!(before.items["P1"].status, "done");
    let after = Expected::compute(&raw, "2025-06-01");
    assert_eq!(
        after.items["M2"].status, "not_done",
        "M2's own newer entry wins"
    );
    assert_eq!(
        after.items["P1"].status, "not_done",
        "then P1 follows its measures"
    );
    assert!(after.items["M2"].overdue && after.items["P1"].overdue);
    check_store("hand-made", &env);
}

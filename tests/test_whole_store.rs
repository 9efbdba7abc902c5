//! Whole-store `status` and `stats` read the store a unit at a time: what they print is what
//! the per-unit commands print, put together in the ledger's order (units by name).

use serde_json::Value;

use crate::common::TestEnv;

/// The units of the fixture ledger, in the order the whole-store status lists them.
fn units(env: &TestEnv) -> Vec<String> {
    let rows: Vec<Value> = serde_json::from_str(&env.ok(&["status", "--format", "json"])).unwrap();
    let mut units: Vec<String> = Vec::new();
    for row in rows {
        let unit = row["unit"].as_str().unwrap().to_string();
        if units.last() != Some(&unit) {
            assert!(!units.contains(&unit), "{unit} comes back later");
            units.push(unit);
        }
    }
    assert!(units.len() > 1, "the fixture ledger has several units");
    units
}

const SELECTIONS: [&[&str]; 4] = [
    &[],
    &["--overdue"],
    &["--as-of", "2025-03-01"],
    &["--year", "2024", "--sort", "due"],
];

/// `status --format FORMAT`, the selection, and `--unit UNIT` when given.
fn status_args<'a>(format: &'a str, selection: &[&'a str], unit: Option<&'a str>) -> Vec<&'a str> {
    let mut args = vec!["status", "--format", format];
    args.extend_from_slice(selection);
    if let Some(unit) = unit {
        args.extend(["--unit", unit]);
    }
    args
}

#[test]
fn whole_store_json_is_the_per_unit_arrays_joined_into_one_document() {
    let env = TestEnv::with_fixture_ledger();
    let units = units(&env);
    for selection in SELECTIONS {
        let mut joined: Vec<Value> = Vec::new();
        for unit in &units {
            let part = env.ok(&status_args("json", selection, Some(unit.as_str())));
            let part: Vec<Value> = serde_json::from_str(&part).unwrap();
            joined.extend(part);
        }
        let whole = env.ok(&status_args("json", selection, None));
        assert_eq!(
            whole,
            format!("{}\n", serde_json::to_string_pretty(&joined).unwrap()),
            "{selection:?}"
        );
    }
}

#[test]
fn whole_store_csv_is_one_header_and_the_per_unit_rows_in_unit_order() {
    let env = TestEnv::with_fixture_ledger();
    let units = units(&env);
    for selection in SELECTIONS {
        let whole = env.ok(&status_args("csv", selection, None));
        let (header, _) = whole.split_once('\n').unwrap();
        let mut joined = format!("{header}\n");
        for unit in &units {
            let part = env.ok(&status_args("csv", selection, Some(unit.as_str())));
            let (part_header, rows) = part.split_once('\n').unwrap();
            assert_eq!(part_header, header);
            joined.push_str(rows);
        }
        assert_eq!(whole, joined, "{selection:?}");
    }
}

#[test]
fn whole_store_stats_by_unit_give_each_unit_the_figures_of_its_own_stats() {
    let env = TestEnv::with_fixture_ledger();
    let stats = |args: &[&str]| -> Value {
        let mut all = vec!["stats", "--format", "json"];
        all.extend(args);
        serde_json::from_str(&env.ok(&all)).unwrap()
    };
    let whole = stats(&["--by", "unit"]);
    let groups = whole["groups"].as_array().unwrap();
    assert_eq!(groups.len(), units(&env).len());
    for group in groups {
        let unit = group["group"].as_str().unwrap();
        let own = stats(&["--by", "unit", "--unit", unit]);
        assert_eq!(own["groups"], Value::Array(vec![group.clone()]), "{unit}");
    }
    let by_year = stats(&["--by", "year"]);
    assert_eq!(by_year["total"]["problems"], whole["total"]["problems"]);
    assert_eq!(by_year["total"]["measures"], whole["total"]["measures"]);
}

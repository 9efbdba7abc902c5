use crate::common::TestEnv;

#[test]
fn the_status_table_shows_every_item_with_overdue_days() {
    let env = TestEnv::with_fixture_ledger();
    insta::assert_snapshot!(env.transcript(&["status"]));
}

#[test]
fn the_status_table_of_one_unit_and_year_moves_them_into_a_caption() {
    let env = TestEnv::with_fixture_ledger();
    insta::assert_snapshot!(env.transcript(&["status", "--unit", "市财政局", "--year", "2024"]));
}

#[test]
fn the_status_table_speaks_english_with_lang_en() {
    let env = TestEnv::with_fixture_ledger();
    insta::assert_snapshot!(env.transcript(&[
        "status",
        "--unit",
        "东山县市场监管局",
        "--year",
        "2024",
        "--lang",
        "en"
    ]));
}

#[test]
fn overdue_lists_only_items_past_their_deadline() {
    let env = TestEnv::with_fixture_ledger();
    insta::assert_snapshot!(env.transcript(&["status", "--overdue"]));
}

#[test]
fn statuses_are_computed_as_of_the_given_date() {
    let env = TestEnv::with_fixture_ledger();
    insta::assert_snapshot!(env.transcript(&[
        "status",
        "--unit",
        "临江市财政局",
        "--year",
        "2024",
        "--as-of",
        "2025-04-30"
    ]));
}

#[test]
fn status_filters_by_owner_and_status() {
    let env = TestEnv::with_fixture_ledger();
    insta::assert_snapshot!(env.transcript(&[
        "status",
        "--owner",
        "机关党委",
        "--status",
        "已完成"
    ]));
}

#[test]
fn status_prints_stable_json() {
    let env = TestEnv::with_fixture_ledger();
    insta::assert_snapshot!(env.transcript(&[
        "status",
        "--unit",
        "临江市财政局",
        "--year",
        "2024",
        "--format",
        "json"
    ]));
}

#[test]
fn status_prints_csv_with_a_header() {
    let env = TestEnv::with_fixture_ledger();
    insta::assert_snapshot!(env.transcript(&["status", "--format", "csv"]));
}

#[test]
fn status_prints_a_markdown_table_with_full_text() {
    let env = TestEnv::with_fixture_ledger();
    insta::assert_snapshot!(env.transcript(&["status", "--year", "2025", "--format", "md"]));
}

#[test]
fn an_empty_selection_says_so() {
    let env = TestEnv::with_fixture_ledger();
    insta::assert_snapshot!(env.transcript(&["status", "--year", "2019"]));
    insta::assert_snapshot!(env.transcript(&["status", "--year", "2019", "--format", "json"]));
}

#[test]
fn table_lines_fit_in_eighty_columns() {
    let env = TestEnv::with_fixture_ledger();
    for args in [
        &["status"][..],
        &["status", "--lang", "en"],
        &["show", "M1"],
        &["history", "M1"],
        &["unit", "list"],
        &["stats"],
        &["stats", "--by", "unit"],
        &["stats", "--by", "owner", "--lang", "en"],
        &["recur"],
    ] {
        let out = env.ok(args);
        for line in out.lines() {
            let width = unicode_width_of(line);
            assert!(
                width <= 80,
                "{args:?} printed a line {width} columns wide:\n{line}"
            );
        }
    }
}

/// Display width with CJK characters counted as two columns.
fn unicode_width_of(line: &str) -> usize {
    line.chars()
        .map(|c| match c as u32 {
            0x1100..=0x115F
            | 0x2E80..=0xA4CF
            | 0xAC00..=0xD7A3
            | 0xF900..=0xFAFF
            | 0xFE30..=0xFE4F
            | 0xFF00..=0xFF60
            | 0xFFE0..=0xFFE6 => 2,
            _ => 1,
        })
        .sum()
}

#[test]
fn the_schema_views_agree_with_the_computed_statuses() {
    let env = TestEnv::with_fixture_ledger();
    let json = env.ok(&["status", "--format", "json", "--as-of", "2030-01-01"]);
    let rows: Vec<serde_json::Value> = serde_json::from_str(&json).unwrap();
    let conn = rusqlite::Connection::open(env.db()).unwrap();
    let mut stmt = conn.prepare("SELECT item, status FROM ledger").unwrap();
    let from_view: std::collections::HashMap<String, String> = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(from_view.len(), rows.len());
    for row in rows {
        let id = row["id"].as_str().unwrap();
        assert_eq!(
            from_view[id],
            row["status"].as_str().unwrap(),
            "status of {id}"
        );
    }
}

#[test]
fn due_within_lists_what_falls_due_soon_with_days_left() {
    let env = TestEnv::with_fixture_ledger();
    insta::assert_snapshot!(env.transcript(&[
        "status",
        "--due-within",
        "30d",
        "--as-of",
        "2026-06-10"
    ]));
    let json = env.ok(&[
        "status",
        "--due-within",
        "3w",
        "--as-of",
        "2026-06-10",
        "--format",
        "json",
    ]);
    let rows: Vec<serde_json::Value> = serde_json::from_str(&json).unwrap();
    assert!(rows.iter().all(|r| r["days_left"].as_i64().unwrap() <= 21));
    assert!(!rows.is_empty());
}

#[test]
fn a_period_that_is_not_one_is_refused() {
    let env = TestEnv::with_fixture_ledger();
    insta::assert_snapshot!(env.transcript(&["status", "--due-within", "soon"]));
}

fn ids_of(json: &str) -> Vec<String> {
    let rows: serde_json::Value = serde_json::from_str(json).unwrap();
    rows.as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn status_finds_items_by_kind_category_and_text() {
    let env = TestEnv::with_fixture_ledger();
    insta::assert_snapshot!(env.transcript(&["status", "--category", "思想建设", "--sort", "id"]));
    let all: serde_json::Value =
        serde_json::from_str(&env.ok(&["status", "--format", "json"])).unwrap();
    let rows = all.as_array().unwrap();
    // Recomputed from the unfiltered rows: the measures, and the items whose text has 学习.
    let measures: Vec<&str> = rows
        .iter()
        .filter(|r| r["kind"] == "measure")
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    let ids = ids_of(&env.ok(&["status", "--kind", "measure", "--format", "json"]));
    assert_eq!(ids, measures);
    let learning: Vec<&str> = rows
        .iter()
        .filter(|r| {
            r["text"].as_str().unwrap().contains("学习")
                || r["title"].as_str().is_some_and(|t| t.contains("学习"))
        })
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    assert!(!learning.is_empty());
    let ids = ids_of(&env.ok(&["status", "--search", "学习", "--format", "json"]));
    assert_eq!(ids, learning);
    let csv = env.ok(&[
        "status", "--search", "学习", "--kind", "problem", "--format", "csv",
    ]);
    let problems = learning.iter().filter(|id| id.starts_with('P')).count();
    assert_eq!(csv.lines().count(), 1 + problems, "{csv}");
}

#[test]
fn status_sorts_by_due_date_status_or_id_within_each_unit_and_year() {
    let env = TestEnv::with_fixture_ledger();
    let rows = |order: &str| -> Vec<serde_json::Value> {
        let json = env.ok(&["status", "--sort", order, "--format", "json"]);
        serde_json::from_str::<serde_json::Value>(&json)
            .unwrap()
            .as_array()
            .unwrap()
            .clone()
    };
    let group = |r: &serde_json::Value| (r["unit"].to_string(), r["year"].as_i64().unwrap());
    // Due dates never go down within a group, and undated items come last in it.
    let by_due = rows("due");
    for pair in by_due.windows(2) {
        if group(&pair[0]) != group(&pair[1]) {
            continue;
        }
        let due = |r: &serde_json::Value| r["due"].as_str().unwrap_or("9999-12-31").to_string();
        assert!(
            due(&pair[0]) <= due(&pair[1]),
            "{} then {}",
            pair[0]["id"],
            pair[1]["id"]
        );
    }
    let all = rows("id");
    assert_eq!(by_due.len(), all.len());
    for pair in all.windows(2) {
        if group(&pair[0]) == group(&pair[1]) {
            let key = |r: &serde_json::Value| {
                let id = r["id"].as_str().unwrap();
                (id.starts_with('M'), id[1..].parse::<i64>().unwrap())
            };
            assert!(key(&pair[0]) < key(&pair[1]));
        }
    }
    let order = [
        "planned",
        "in_progress",
        "done",
        "long_term",
        "not_done",
        "dropped",
        "unreported",
    ];
    let rank = |r: &serde_json::Value| order.iter().position(|s| r["status"] == *s).unwrap();
    for pair in rows("status").windows(2) {
        if group(&pair[0]) == group(&pair[1]) {
            assert!(rank(&pair[0]) <= rank(&pair[1]));
        }
    }
    insta::assert_snapshot!(env.transcript(&["status", "--sort", "kind"]));
}

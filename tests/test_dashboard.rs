//! `taizhang dashboard`: the page's figures are those `stats`, `status` and `recur` print for the
//! same scope (read back from what the page shows), the page is written like every other file,
//! and a real browser (headless Chromium, when installed) renders it without errors.

mod browser;
mod page;

use serde_json::Value;

use crate::common::TestEnv;
use page::tags_with;

fn json(env: &TestEnv, args: &[&str]) -> Value {
    let mut args = args.to_vec();
    args.extend(["--format", "json"]);
    serde_json::from_str(&env.ok(&args)).expect("JSON")
}

/// The dashboard of `scope` written to a file and read back.
fn dashboard(env: &TestEnv, scope: &[&str]) -> String {
    let path = env.dir().join("看板.html");
    let _ = std::fs::remove_file(&path);
    let mut args = vec!["dashboard", "-o", "看板.html"];
    args.extend(scope);
    env.ok(&args);
    std::fs::read_to_string(path).expect("the page was written")
}

/// (group, rate) of each bar of `chart`, and of each group of `stats`.
fn bars(html: &str, chart: &str) -> Vec<(String, String)> {
    tags_with(html, "data-rate")
        .iter()
        .filter(|t| t.get("data-chart") == chart)
        .map(|t| {
            (
                t.get("data-group").to_string(),
                t.get("data-rate").to_string(),
            )
        })
        .collect()
}

fn rates(stats: &Value) -> Vec<(String, String)> {
    let groups = stats["groups"].as_array().expect("groups");
    groups
        .iter()
        .map(|g| {
            let rate = g["completion_rate"].as_u64().map(|r| r.to_string());
            (
                g["group"].as_str().unwrap().to_string(),
                rate.unwrap_or_default(),
            )
        })
        .collect()
}

/// (id, days) of each row of the page's list carrying `attribute`, and of `status`'s rows.
fn listed(html: &str, attribute: &str) -> Vec<(String, i64)> {
    tags_with(html, attribute)
        .iter()
        .map(|t| {
            (
                t.get("data-id").to_string(),
                t.get(attribute).parse().unwrap(),
            )
        })
        .collect()
}

fn status_rows(rows: &Value, key: &str) -> Vec<(String, i64)> {
    let rows = rows.as_array().expect("rows");
    rows.iter()
        .map(|r| {
            (
                r["id"].as_str().unwrap().to_string(),
                r[key].as_i64().unwrap(),
            )
        })
        .collect()
}

/// Checks every figure of the page of `scope` against the commands, at `as_of`; returns how many
/// overdue and due-soon rows and recurrences there were, so callers can see the check had data.
fn check_against_commands(env: &TestEnv, scope: &[&str], as_of: &str) -> [usize; 3] {
    let mut scope = scope.to_vec();
    scope.extend(["--as-of", as_of]);
    let html = dashboard(env, &scope);
    let year: Vec<&str> = scope
        .windows(2)
        .filter(|w| w[0] == "--year")
        .flat_map(|w| ["--from", w[1], "--to", w[1]])
        .collect();
    let unit: Vec<&str> = scope
        .windows(2)
        .filter(|w| w[0] == "--unit" || w[0] == "--as-of")
        .flatten()
        .copied()
        .collect();
    let stats_args = |by: &'static str| {
        let mut a = vec!["stats", "--by", by];
        a.extend(&unit);
        a.extend(&year);
        a
    };
    let by_year = json(env, &stats_args("year"));
    let by_unit = json(env, &stats_args("unit"));
    assert_eq!(bars(&html, "year"), rates(&by_year), "rates by year");
    assert_eq!(bars(&html, "unit"), rates(&by_unit), "rates by unit");
    assert!(!rates(&by_year).is_empty());

    for tag in tags_with(&html, "data-status") {
        let kind = &by_year["total"][tag.get("data-kind")];
        let expected = kind[tag.get("data-status")].as_u64().unwrap();
        assert_eq!(tag.text, expected.to_string(), "{:?}", tag.attrs);
    }
    let total = &by_year["total"];
    let card = |key: &str| {
        let cards = tags_with(&html, "data-figure");
        cards
            .into_iter()
            .find(|c| c.get("data-figure") == key)
            .unwrap()
    };
    let rate = total["completion_rate"].as_u64().map(|r| r.to_string());
    assert_eq!(
        card("completion_rate").get("data-value"),
        rate.unwrap_or_default()
    );

    let status = |filter: &[&'static str]| {
        let mut a = vec!["status"];
        a.extend(filter);
        a.extend(&scope);
        json(env, &a)
    };
    let overdue = status_rows(&status(&["--overdue"]), "days_overdue");
    assert_eq!(listed(&html, "data-days-overdue"), overdue, "overdue");
    let overdue_total =
        total["overdue_problems"].as_u64().unwrap() + total["overdue_measures"].as_u64().unwrap();
    assert_eq!(overdue.len() as u64, overdue_total);
    assert_eq!(card("overdue").get("data-value"), overdue_total.to_string());
    let due_soon = status_rows(&status(&["--due-within", "30d"]), "days_left");
    assert_eq!(
        listed(&html, "data-days-left"),
        due_soon,
        "due within 30 days"
    );

    let mut recur_args = vec!["recur"];
    recur_args.extend(&scope);
    let pairs = json(env, &recur_args);
    let expected: Vec<(String, String, String)> = pairs
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            let id = |side: &str| p[side]["id"].as_str().unwrap().to_string();
            (
                id("earlier"),
                id("later"),
                format!("{:.2}", p["score"].as_f64().unwrap()),
            )
        })
        .collect();
    let shown: Vec<(String, String, String)> = tags_with(&html, "data-later")
        .iter()
        .map(|t| {
            let get = |k: &str| t.get(k).to_string();
            (get("data-earlier"), get("data-later"), get("data-score"))
        })
        .collect();
    assert_eq!(shown, expected, "recurrences");
    [overdue.len(), due_soon.len(), shown.len()]
}

#[test]
fn the_dashboard_shows_the_figures_stats_status_and_recur_print() {
    let env = TestEnv::with_fixture_ledger();
    let [overdue, _, recurrences] =
        check_against_commands(&env, &["--unit", "临江市财政局"], "2026-01-15");
    assert!(
        overdue > 0 && recurrences > 0,
        "the fixture has overdue items and recurrences"
    );
    let [_, due_soon, _] = check_against_commands(&env, &["--unit", "临江市财政局"], "2026-06-10");
    assert!(due_soon > 0, "something falls due in June 2026");
    check_against_commands(&env, &[], "2026-01-15");
    check_against_commands(&env, &["--year", "2024"], "2025-09-15");
    check_against_commands(
        &env,
        &["--unit", "东山县市场监管局", "--year", "2025"],
        "2026-10-10",
    );
}

#[test]
fn the_title_names_the_scope_and_the_as_of_date() {
    let env = TestEnv::with_fixture_ledger();
    let html = dashboard(&env, &["--unit", "市财政局", "--year", "2024"]);
    assert!(html.contains("<title>临江市财政局整改台账看板（截至2026年1月15日）</title>"));
    assert!(html.contains("范围：临江市财政局 2024年度 · 截至2026年1月15日"));
    let everything = dashboard(&env, &[]);
    assert!(everything.contains("<h1>各单位整改台账看板</h1>"));
}

#[test]
fn stored_text_reaches_the_page_escaped() {
    let env = TestEnv::with_fixture_ledger();
    env.ok(&[
        "problem",
        "add",
        "--unit",
        "临江市财政局",
        "--year",
        "2025",
        "<script>alert(1)</script>记录\"不全\"&",
    ]);
    env.ok(&[
        "measure",
        "add",
        "--unit",
        "临江市财政局",
        "--year",
        "2025",
        "--for",
        "P10",
        "--due",
        "2026-01-01",
        "<img src=x onerror=alert(1)>",
    ]);
    let html = dashboard(&env, &[]);
    assert!(
        !html.contains("<script") && !html.contains("<img"),
        "no markup from the store"
    );
    assert!(html.contains("&lt;script&gt;alert(1)&lt;&#x2f;script&gt;记录&quot;不全&quot;&amp;"));
}

#[test]
fn the_page_is_written_like_every_other_file() {
    let env = TestEnv::with_fixture_ledger();
    insta::assert_snapshot!(env.run(&["dashboard", "-o", "台账.html"]), @r"
    exit: 0
    --- stdout
    已写入 台账.html
    --- stderr
    ");
    insta::assert_snapshot!(env.run(&["dashboard", "-o", "台账.html"]), @r"
    exit: 2
    --- stdout
    --- stderr
    taizhang：错误：台账.html 已存在；如需覆盖请加 --force，或换一个文件名。
    ");
    env.ok(&["dashboard", "-o", "台账.html", "--force"]);
    insta::assert_snapshot!(env.run(&["dashboard", "-o", "台账.xlsx"]), @r"
    exit: 2
    --- stdout
    --- stderr
    taizhang：错误：看板是网页，要写入以 .html 结尾的文件，而 台账.xlsx 不是；请改用如 台账.html 的文件名。
    ");
    let page = env.ok(&["dashboard", "-o", "-"]);
    assert!(page.starts_with("<!DOCTYPE html>") && page.trim_end().ends_with("</html>"));
    assert_eq!(
        page,
        std::fs::read_to_string(env.dir().join("台账.html")).unwrap()
    );
}

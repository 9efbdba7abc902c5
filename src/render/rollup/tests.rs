//! Tests of the roll-up's wording and forms, on the hand-built three-unit roll-up.

use std::collections::BTreeSet;

use serde_json::Value;

use super::*;
use crate::analysis::rollup::tests::sample;

fn text() -> String {
    render(&sample(), Style::Yishi, None).unwrap()
}

#[test]
fn the_default_template_writes_every_part_with_the_table_aligned() {
    insta::assert_snapshot!(to_text(&text()));
}

#[test]
fn empty_parts_are_left_out_and_the_parts_renumbered() {
    let mut r = sample();
    r.shared.clear();
    let text = to_text(&render(&r, Style::Yishi, None).unwrap());
    assert!(!text.contains("共性问题"), "{text}");
    assert!(
        text.contains("\n三、反复出现的问题和逾期未完成事项\n"),
        "{text}"
    );
    r.recurrences.clear();
    r.overdue_units.clear();
    let text = to_text(&render(&r, Style::Yishi, None).unwrap());
    assert!(!text.contains("三、"), "{text}");
}

#[test]
fn the_output_never_contains_a_placeholder_or_an_iso_date() {
    let text = to_text(&text());
    for placeholder in ["xx", "XX", "X项", "{{", "{%", "none", "None", "2026-01-15"] {
        assert!(!text.contains(placeholder), "{placeholder:?} in:\n{text}");
    }
    assert!(text.contains("截至2026年1月15日"), "{text}");
}

#[test]
fn the_table_is_a_pipe_table_in_markdown_and_a_run_of_rows_in_the_parts() {
    let md = to_markdown(&text());
    assert!(md.starts_with("# 2025年度各单位问题整改情况汇总\n"), "{md}");
    assert!(md.contains("\n| 单位 | 查摆问题 | 已完成 |"), "{md}");
    assert!(md.contains("\n|---|---|---|"), "{md}");
    assert!(
        md.contains("\n| 乙局 | 1 | 1 | 0 | 0 | 0 | 100% | 0 | 0 |\n"),
        "{md}"
    );
    let parts = parts(&text());
    let tables: Vec<&Vec<Vec<String>>> = parts
        .iter()
        .filter_map(|p| match p {
            Part::Table(rows) => Some(rows),
            Part::Block(_) => None,
        })
        .collect();
    assert_eq!(tables.len(), 1);
    assert_eq!(tables[0].len(), 5, "header, three units, total");
    assert_eq!(tables[0][4][0], "合计");
}

#[test]
fn a_user_template_is_used_instead_of_the_default() {
    let text = render(
        &sample(),
        Style::Yishi,
        Some("{{ rollup.year }}：{{ rollup.units|length }}个单位，{{ rollup.as_of|cn_date }}"),
    )
    .unwrap();
    assert_eq!(text, "2025：3个单位，2026年1月15日\n");
}

#[test]
fn a_user_template_that_names_a_missing_value_is_refused_clearly() {
    let error = render(&sample(), Style::Yishi, Some("{{ rollup.nonexistent }}")).unwrap_err();
    let message = error.message(crate::render::Lang::En);
    assert!(message.contains("does not have"), "{message}");
    assert!(error.to_string().contains("报告中没有的值"), "{error}");
}

/// The documented paths: each `rollup…: a, b, c` line of the default template's header comment
/// names the fields of the value at that path (`[]` for the items of a list).
fn documented() -> BTreeSet<String> {
    let header = DEFAULT_TEMPLATE.split("-#}").next().unwrap();
    let mut paths = BTreeSet::new();
    for line in header.lines().map(str::trim) {
        let Some((path, fields)) = line.split_once(": ") else {
            continue;
        };
        if !path.starts_with("rollup") || path.contains(' ') {
            continue;
        }
        for field in fields.split(',').map(str::trim) {
            paths.insert(format!("{path}.{field}"));
        }
    }
    paths
}

/// Every path of `value` below `prefix`, as [`documented`] writes them.
fn serialized(prefix: &str, value: &Value, paths: &mut BTreeSet<String>) {
    match value {
        Value::Object(map) => {
            for (key, child) in map {
                let path = format!("{prefix}.{key}");
                paths.insert(path.clone());
                serialized(&path, child, paths);
            }
        }
        Value::Array(items) if items.iter().any(Value::is_object) => {
            for item in items {
                serialized(&format!("{prefix}[]"), item, paths);
            }
        }
        _ => {}
    }
}

#[test]
fn the_values_documented_in_the_template_are_exactly_the_values_it_receives() {
    let value = serde_json::to_value(sample()).unwrap();
    let mut actual = BTreeSet::new();
    serialized("rollup", &value, &mut actual);
    let documented = documented();
    let missing: Vec<&String> = documented.difference(&actual).collect();
    let undocumented: Vec<&String> = actual.difference(&documented).collect();
    assert!(
        missing.is_empty() && undocumented.is_empty(),
        "documented but not given: {missing:?}\ngiven but not documented: {undocumented:?}"
    );
}

#[test]
fn a_template_touching_every_documented_value_renders() {
    // Each documented path becomes an expression, lists becoming loops.
    let mut template = String::new();
    for path in documented() {
        let segments: Vec<&str> = path.split('.').collect();
        let mut expression = segments[0].to_string();
        let mut closing = String::new();
        for (depth, segment) in segments[1..].iter().enumerate() {
            match segment.strip_suffix("[]") {
                Some(list) => {
                    let var = format!("item{depth}");
                    template.push_str(&format!("{{% for {var} in {expression}.{list} %}}"));
                    closing.push_str("{% endfor %}");
                    expression = var;
                }
                None => expression = format!("{expression}.{segment}"),
            }
        }
        template.push_str(&format!("[{{{{ {expression} }}}}]{closing}\n"));
    }
    let text = render(&sample(), Style::Yishi, Some(&template)).unwrap();
    assert!(!text.contains("[]"), "a documented value is empty:\n{text}");
}

#[test]
fn table_cells_lose_their_tabs_and_prose_dates_are_chinese() {
    assert_eq!(cell("甲\t局\n"), "甲 局");
    let text = render(&sample(), Style::Yishi, Some("{{ '2025-05-20'|cn_date }}")).unwrap();
    assert_eq!(text, "2025年5月20日\n");
}

#[test]
fn units_tied_at_one_rate_are_said_to_share_it() {
    let mut r = sample();
    r.highest = r.lowest.clone();
    let text = render(&r, Style::Yishi, None).unwrap();
    assert!(text.contains("\n各单位问题整改完成率均为50%。\n"), "{text}");
    r.rated_units = 2;
    let text = render(&r, Style::Yishi, None).unwrap();
    assert!(
        text.contains("\n参与比较的2个单位问题整改完成率均为50%。\n1个单位2024年度没有计入完成率的问题，未参与比较。\n"),
        "{text}"
    );
}

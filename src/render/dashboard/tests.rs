//! The dashboard page on hand-built figures: what it shows, that stored text is escaped, and that
//! it names nothing outside itself.

use chrono::NaiveDate;

use super::*;
use crate::analysis::dashboard::{RecurSide, Recurrence, Scope};
use crate::analysis::stats::Figures;
use crate::model::{Basis, ItemId, Owner};

fn figures(group: &str, done: usize, total: usize, rate: Option<u32>) -> Figures {
    let counts = Counts {
        total,
        done,
        in_progress: total - done,
        ..Counts::default()
    };
    Figures {
        group: group.to_string(),
        problems: Some(counts),
        measures: counts,
        overdue_problems: Some(1),
        overdue_measures: 1,
        completion_rate: rate,
        measure_completion_rate: rate,
        recurring: Some(0),
        carried_over: 0,
    }
}

fn stats(by: &'static str, groups: Vec<Figures>) -> Stats {
    Stats {
        by,
        long_term_counts_as_done: false,
        total: figures("total", 2, 3, Some(67)),
        groups,
    }
}

fn row(id: ItemId, unit: &str, text: &str, days_overdue: Option<i64>) -> LedgerRow {
    let data = crate::model::LedgerData {
        problems: vec![crate::model::Problem {
            id,
            uuid: String::new(),
            unit: unit.to_string(),
            year: 2024,
            category: None,
            text: text.to_string(),
        }],
        ..Default::default()
    };
    let as_of = NaiveDate::from_ymd_opt(2026, 1, 15).unwrap();
    let mut rows = crate::analysis::compute_ledger(&data, as_of, &Default::default());
    let mut row = rows.remove(0);
    row.owner = Owner::default();
    row.owner_summary = "办公室".to_string();
    row.days_overdue = days_overdue;
    row.basis = Basis::Own;
    row
}

fn dashboard() -> Dashboard {
    Dashboard {
        scope: Scope {
            unit: Some("甲局".to_string()),
            year: None,
        },
        as_of: NaiveDate::from_ymd_opt(2026, 1, 15).unwrap(),
        by_year: stats(
            "year",
            vec![
                figures("2024", 1, 1, Some(100)),
                figures("2025", 1, 2, Some(50)),
            ],
        ),
        by_unit: stats("unit", vec![figures("甲局", 2, 3, Some(67))]),
        overdue: vec![row(
            ItemId::problem(3),
            "甲局",
            "<script>alert('x')</script>会议记录不全",
            Some(15),
        )],
        due_soon: vec![],
        recurrences: vec![Recurrence {
            unit: "甲局".to_string(),
            earlier: RecurSide {
                id: ItemId::problem(1),
                year: 2023,
                text: "学习\"走过场\"".to_string(),
            },
            later: RecurSide {
                id: ItemId::problem(3),
                year: 2024,
                text: "学习流于形式 & 走过场".to_string(),
            },
            score: 0.4,
        }],
    }
}

#[test]
fn the_page_shows_each_figure_it_is_given() {
    let html = to_html(&dashboard(), 30).unwrap();
    assert!(html.contains("<title>甲局整改台账看板（截至2026年1月15日）</title>"));
    assert!(
        html.contains("data-chart=\"year\" data-group=\"2025\" data-rate=\"50\""),
        "{html}"
    );
    assert!(html.contains(">50%</text>"));
    assert!(html.contains("data-figure=\"completion_rate\" data-value=\"67\""));
    assert!(html.contains("data-kind=\"problems\" data-status=\"done\">2<"));
    assert!(html.contains("data-kind=\"problems\" data-status=\"total\">3<"));
    assert!(html.contains("<tr data-id=\"P3\" data-days-overdue=\"15\">"));
    assert!(html.contains("data-earlier=\"P1\" data-later=\"P3\" data-score=\"0.40\""));
    assert!(html.contains("近期没有到期事项。"));
}

#[test]
fn stored_text_is_escaped() {
    let html = to_html(&dashboard(), 30).unwrap();
    assert!(!html.contains("<script"), "no script reaches the page");
    assert!(html.contains("&lt;script&gt;alert(&#x27;x&#x27;)&lt;&#x2f;script&gt;会议记录不全"));
    assert!(html.contains("学习&quot;走过场&quot;"));
    assert!(html.contains("流于形式 &amp; 走过场"));
}

#[test]
fn the_page_fetches_nothing() {
    let html = to_html(&dashboard(), 30).unwrap();
    for outside in [
        "src=", "href=", "url(", "@import", "<link", "<script", "<iframe",
    ] {
        assert!(!html.contains(outside), "{outside} in the page");
    }
    let namespaces = html.matches("http://www.w3.org/2000/svg").count();
    assert_eq!(
        html.matches("http").count(),
        namespaces,
        "only SVG's namespace"
    );
}

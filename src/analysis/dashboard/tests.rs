//! The dashboard's figures on a small hand-built ledger: each part matches what its own
//! computation gives, and the year limits the figures.

use std::collections::HashSet;

use chrono::NaiveDate;

use super::*;
use crate::model::{Deadline, Measure, Owner, Problem, ProgressEntry, Status};

fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// Problem n and measure n, linked, of `year`, due on `due`, in `status` (no entry when `None`).
fn item(data: &mut LedgerData, n: i64, year: i32, due: &str, status: Option<Status>) {
    data.problems.push(Problem {
        id: ItemId::problem(n),
        uuid: format!("p{n}"),
        unit: if n % 2 == 0 { "乙局" } else { "甲局" }.into(),
        year,
        category: None,
        text: format!("问题{n}"),
    });
    data.measures.push(Measure {
        id: ItemId::measure(n),
        uuid: format!("m{n}"),
        unit: if n % 2 == 0 { "乙局" } else { "甲局" }.into(),
        year,
        title: None,
        text: format!("措施{n}"),
        owner: Owner {
            owner_dept: Some("办公室".into()),
            ..Owner::default()
        },
        deadline: Deadline::ByDate(date(due)),
        institution: None,
    });
    data.links.push((ItemId::problem(n), ItemId::measure(n)));
    if let Some(status) = status {
        data.progress.push(ProgressEntry {
            seq: n,
            uuid: String::new(),
            item: ItemId::measure(n),
            status,
            date: date("2025-06-01"),
            note: None,
            evidence: vec![],
            reported_in: None,
        });
    }
}

fn ledger() -> LedgerData {
    let mut data = LedgerData::default();
    item(&mut data, 1, 2024, "2025-12-31", Some(Status::InProgress)); // overdue 15 days
    item(&mut data, 2, 2024, "2025-12-31", Some(Status::Done));
    item(&mut data, 3, 2025, "2026-02-01", Some(Status::InProgress)); // 17 days left
    item(&mut data, 4, 2025, "2026-12-31", None);
    data
}

fn dashboard(year: Option<i32>) -> Dashboard {
    let data = ledger();
    let none = HashSet::new();
    let scope = Scope { unit: None, year };
    let inputs = Inputs {
        figures: &data,
        lists: &data,
        marks: Marks {
            recurring: &none,
            carried: &none,
        },
        due_within: 30,
        recurrences: vec![],
    };
    compute_dashboard(scope, date("2026-01-15"), inputs)
}

fn ids(rows: &[LedgerRow]) -> Vec<String> {
    rows.iter().map(|r| r.id.to_string()).collect()
}

#[test]
fn the_lists_hold_the_overdue_items_and_those_due_within_the_period() {
    let d = dashboard(None);
    assert_eq!(ids(&d.overdue), ["P1", "M1"]);
    assert_eq!(d.overdue[1].days_overdue, Some(15));
    assert_eq!(ids(&d.due_soon), ["P3", "M3"]);
    assert_eq!(d.due_soon[1].days_left, Some(17));
}

#[test]
fn the_figures_are_the_stats_by_year_and_by_unit() {
    let d = dashboard(None);
    let years: Vec<(&str, Option<u32>)> = d
        .by_year
        .groups
        .iter()
        .map(|g| (g.group.as_str(), g.completion_rate))
        .collect();
    assert_eq!(years, [("2024", Some(50)), ("2025", Some(0))]);
    let units: Vec<&str> = d.by_unit.groups.iter().map(|g| g.group.as_str()).collect();
    assert_eq!(units, ["乙局", "甲局"]);
    assert_eq!(d.by_year.total, d.by_unit.total);
    let overdue = d.by_year.total.overdue_problems.unwrap() + d.by_year.total.overdue_measures;
    assert_eq!(overdue, d.overdue.len());
}

#[test]
fn a_year_limits_the_figures_to_that_year() {
    let d = dashboard(Some(2025));
    let years: Vec<&str> = d.by_year.groups.iter().map(|g| g.group.as_str()).collect();
    assert_eq!(years, ["2025"]);
    assert_eq!(d.by_year.total.problems.unwrap().total, 2);
    assert_eq!(d.by_unit.total.problems.unwrap().total, 2);
}

//! Tests of the roll-up computation, on a hand-built ledger of three units.

use super::*;
use crate::analysis::ledger::{compute_ledger, RowFilter};
use crate::model::{Deadline, LedgerData, Measure, Owner, Problem, ProgressEntry, Status};

fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

pub(crate) const UNITS: [&str; 3] = ["丙局", "乙局", "甲局"];

/// (number, unit, year, text, status of its one measure or none)
const ITEMS: [(i64, &str, i32, &str, Option<Status>); 9] = [
    (1, "甲局", 2024, "档案管理不规范", Some(Status::Done)),
    (
        2,
        "甲局",
        2024,
        "调查研究不够深入",
        Some(Status::InProgress),
    ),
    (3, "乙局", 2024, "会议记录不完整", Some(Status::Done)),
    (4, "丙局", 2024, "资金拨付进度慢", Some(Status::Done)),
    (5, "丙局", 2024, "执法培训不系统", Some(Status::NotDone)),
    (6, "甲局", 2025, "理论学习不够深入，学习停留在面上", None),
    (
        7,
        "乙局",
        2025,
        "部分党员干部理论学习不够深入，停留在面上",
        None,
    ),
    (
        8,
        "丙局",
        2025,
        "在理论学习方面还不够深入，学习停留在面上",
        None,
    ),
    (9, "甲局", 2025, "调查研究深度仍然不够", None),
];

fn ledger() -> LedgerData {
    let mut data = LedgerData::default();
    for (num, unit, year, text, status) in ITEMS {
        data.problems.push(Problem {
            id: ItemId::problem(num),
            uuid: String::new(),
            unit: unit.into(),
            year,
            category: None,
            text: text.into(),
        });
        let Some(status) = status else { continue };
        data.measures.push(Measure {
            id: ItemId::measure(num),
            uuid: String::new(),
            unit: unit.into(),
            year,
            title: None,
            text: format!("措施{num}"),
            owner: Owner::default(),
            deadline: Deadline::default_for_year(year),
            institution: None,
        });
        data.links
            .push((ItemId::problem(num), ItemId::measure(num)));
        data.progress.push(ProgressEntry {
            seq: num,
            uuid: String::new(),
            item: ItemId::measure(num),
            status,
            date: date("2025-06-01"),
            note: None,
            evidence: vec![],
            reported_in: None,
        });
    }
    data
}

/// The 2025 roll-up of the three units as of 2026-01-15, 甲局's P9 confirmed as repeating P2.
pub(crate) fn sample() -> Rollup {
    sample_of(&UNITS)
}

fn sample_of(units: &[&str]) -> Rollup {
    let data = ledger();
    let as_of = date("2026-01-15");
    let rows = compute_ledger(&data, as_of, &RowFilter::default());
    let recurs_from = HashMap::from([(ItemId::problem(9), vec![ItemId::problem(2)])]);
    let unit_id = |name: &str| UNITS.iter().position(|u| *u == name).unwrap() as i64;
    let problems: Vec<ProblemText> = data
        .problems
        .iter()
        .map(|p| ProblemText {
            id: p.id,
            unit_id: unit_id(&p.unit),
            unit: p.unit.clone(),
            year: p.year,
            text: p.text.clone(),
        })
        .collect();
    let units: Vec<String> = units.iter().map(|u| u.to_string()).collect();
    compute_rollup(&RollupInput {
        units: &units,
        rows: &rows,
        recurs_from: &recurs_from,
        problems: &problems,
        year: 2025,
        as_of,
        long_term_as_done: false,
    })
}

#[test]
fn each_unit_is_counted_over_the_reviewed_year_and_the_totals_are_their_sum() {
    let r = sample();
    assert_eq!(r.reviewed_year, 2024);
    let rows: Vec<(&str, usize, usize, Option<u32>)> = r
        .units
        .iter()
        .map(|u| {
            (
                u.unit.as_str(),
                u.problems.total,
                u.problems.done,
                u.completion_rate,
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            ("丙局", 2, 1, Some(50)),
            ("乙局", 1, 1, Some(100)),
            ("甲局", 2, 1, Some(50))
        ]
    );
    assert_eq!(r.total.problems.total, 5);
    assert_eq!(r.total.problems.done, 3);
    assert_eq!(r.total.completion_rate, Some(60));
    assert_eq!(r.total.measures.total, 5);
    assert_eq!(r.total.problems.sum_of_parts(), r.total.problems.total);
}

#[test]
fn units_tied_at_the_lowest_rate_are_all_named() {
    let r = sample();
    let highest = r.highest.unwrap();
    let lowest = r.lowest.unwrap();
    assert_eq!(
        (highest.rate, highest.units),
        (100, vec!["乙局".to_string()])
    );
    assert_eq!(
        (lowest.rate, lowest.units),
        (50, vec!["丙局".to_string(), "甲局".to_string()])
    );
    assert_eq!(r.rated_units, 3);
}

#[test]
fn one_rated_unit_has_no_highest_or_lowest() {
    let r = sample_of(&["乙局"]);
    assert_eq!((r.highest, r.lowest), (None, None));
    assert_eq!(r.units.len(), 1);
}

#[test]
fn overdue_units_recurrences_and_shared_problems_are_found() {
    let r = sample();
    let overdue: Vec<(&str, usize, usize)> = r
        .overdue_units
        .iter()
        .map(|u| (u.unit.as_str(), u.problems, u.measures))
        .collect();
    assert_eq!(overdue, [("丙局", 1, 1), ("甲局", 1, 1)]);
    assert_eq!(r.recurrences.len(), 1);
    assert_eq!(r.recurrences[0].unit, "甲局");
    assert_eq!(r.recurrences[0].problems[0].recurs_from, [2024]);
    assert_eq!(r.total.recurring, 1);
    assert_eq!(r.shared.len(), 1);
    assert_eq!(r.shared[0].units, ["丙局", "乙局", "甲局"]);
    assert_eq!(r.shared[0].problems, 3);
}

#[test]
fn units_left_out_are_left_out_of_every_figure() {
    let r = sample_of(&["乙局", "甲局"]);
    assert_eq!(r.total.problems.total, 3);
    assert!(r.overdue_units.iter().all(|u| u.unit != "丙局"));
    assert_eq!(r.shared.len(), 1);
    assert_eq!(r.shared[0].units, ["乙局", "甲局"]);
}

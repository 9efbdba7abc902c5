//! Tests of the statistics: groups, totals and completion rates over computed ledger rows.

use std::collections::HashSet;

use super::*;
use crate::analysis::ledger::{compute_ledger, RowFilter};
use crate::model::{Deadline, ItemId, LedgerData, Measure, Owner, Problem, ProgressEntry, Status};
use chrono::NaiveDate;

fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// One problem and one linked measure per entry, the measure in the given status.
fn data(statuses: &[(i32, &str, Status)]) -> LedgerData {
    let mut data = LedgerData::default();
    for (i, (year, unit, status)) in statuses.iter().enumerate() {
        let num = i as i64 + 1;
        data.problems.push(Problem {
            id: ItemId::problem(num),
            uuid: String::new(),
            unit: unit.to_string(),
            year: *year,
            category: None,
            text: format!("问题{num}"),
        });
        let dept = if num % 2 == 0 {
            "办公室"
        } else {
            "人事科"
        };
        data.measures.push(Measure {
            id: ItemId::measure(num),
            uuid: String::new(),
            unit: unit.to_string(),
            year: *year,
            title: None,
            text: format!("措施{num}"),
            owner: Owner {
                owner_dept: Some(dept.into()),
                ..Owner::default()
            },
            deadline: Deadline::default_for_year(*year),
            institution: None,
        });
        data.links
            .push((ItemId::problem(num), ItemId::measure(num)));
        data.progress.push(ProgressEntry {
            seq: num,
            uuid: String::new(),
            item: ItemId::measure(num),
            status: *status,
            date: date(&format!("{}-06-01", year + 1)),
            note: None,
            evidence: vec![],
            reported_in: None,
        });
    }
    data
}

fn stats(statuses: &[(i32, &str, Status)], by: GroupBy) -> Stats {
    let rows = compute_ledger(&data(statuses), date("2027-01-15"), &RowFilter::default());
    let recurring = HashSet::from([ItemId::problem(2)]);
    let carried = HashSet::from([ItemId::measure(1)]);
    let marks = Marks {
        recurring: &recurring,
        carried: &carried,
    };
    compute_stats(&rows, marks, by, false)
}

const LEDGER: [(i32, &str, Status); 4] = [
    (2024, "甲局", Status::InProgress),
    (2024, "乙局", Status::Done),
    (2025, "甲局", Status::Done),
    (2025, "甲局", Status::LongTerm),
];

#[test]
fn by_year_counts_problems_and_measures_apart() {
    let s = stats(&LEDGER, GroupBy::Year);
    let years: Vec<&str> = s.groups.iter().map(|g| g.group.as_str()).collect();
    assert_eq!(years, ["2024", "2025"]);
    let y2024 = &s.groups[0];
    assert_eq!(y2024.measures.done, 1);
    assert_eq!(y2024.problems.unwrap().done, 1);
    assert_eq!(
        (y2024.overdue_problems, y2024.overdue_measures),
        (Some(1), 1)
    );
    assert_eq!(y2024.completion_rate, Some(50));
    assert_eq!(
        s.groups[1].completion_rate,
        Some(100),
        "长期坚持 is left out"
    );
    assert_eq!(
        (
            s.total.problems.unwrap().total,
            s.total.recurring,
            s.total.carried_over
        ),
        (4, Some(1), 1)
    );
}

#[test]
fn long_term_items_count_as_done_when_asked() {
    let rows = compute_ledger(&data(&LEDGER), date("2027-01-15"), &RowFilter::default());
    let none = HashSet::new();
    let marks = Marks {
        recurring: &none,
        carried: &none,
    };
    let s = compute_stats(&rows, marks, GroupBy::Year, true);
    assert_eq!(s.total.completion_rate, Some(75));
    assert!(s.long_term_counts_as_done);
}

#[test]
fn by_owner_counts_the_measures_each_owner_answers_for_and_no_problems() {
    let s = stats(&LEDGER, GroupBy::Owner);
    let owners: Vec<(&str, usize)> = s
        .groups
        .iter()
        .map(|g| (g.group.as_str(), g.measures.total))
        .collect();
    assert_eq!(owners, [("人事科", 2), ("办公室", 2)]);
    assert_eq!(s.total.measures.total, 4);
    assert_eq!(s.total.problems, None);
    assert_eq!(s.total.completion_rate, None);
    assert_eq!(s.total.overdue_measures, 1);
}

#[test]
fn by_unit_gives_one_group_per_unit() {
    let s = stats(&LEDGER, GroupBy::Unit);
    let units: Vec<(&str, usize)> = s
        .groups
        .iter()
        .map(|g| (g.group.as_str(), g.measures.total))
        .collect();
    assert_eq!(units, [("乙局", 1), ("甲局", 3)]);
}

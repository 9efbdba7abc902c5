//! Statistics over years, units or owners: how many problems were raised and measures promised,
//! where the measures stand, what is overdue, the completion rate, recurrences and carry-overs.
//!
//! Counts follow the report's rules (see `report`): measures by status, and a completion rate that
//! leaves out dropped measures and lists long-term ones separately.

use std::collections::{BTreeMap, HashSet};

use serde::Serialize;

use super::ledger::LedgerRow;
use super::report::Counts;
use crate::model::{ItemId, ItemKind};

/// What the rows of the statistics are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum GroupBy {
    /// One group per summary year
    #[default]
    Year,
    /// One group per unit
    Unit,
    /// One group per lead department (牵头部门) of the measures
    Owner,
}

/// The figures of one group (a year, a unit or an owner), or of all of them.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Figures {
    /// The year, unit name or department; "total" for the totals.
    pub group: String,
    /// Problems raised (for an owner: the problems its measures answer).
    pub problems: usize,
    /// Measures promised, and where they stand; the parts add up to `measures.total`.
    pub measures: Counts,
    /// Items (problems and measures) overdue at the as-of date.
    pub overdue: usize,
    /// Whole percent, leaving out dropped measures and listing long-term ones separately.
    pub completion_rate: Option<u32>,
    /// Problems confirmed as recurrences of an earlier year's.
    pub recurring: usize,
    /// Measures carried over into a later year's plan.
    pub carried_over: usize,
}

/// The groups in order (years ascending, names in text order) and the totals.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Stats {
    pub by: &'static str,
    pub groups: Vec<Figures>,
    pub total: Figures,
}

/// Computes statistics over `rows` (the ledger as of a date, already limited to the years and
/// units wanted). `recurring` holds problems confirmed as recurrences; `carried` holds measures
/// that were carried over into a later year.
pub fn compute_stats(
    rows: &[LedgerRow],
    recurring: &HashSet<ItemId>,
    carried: &HashSet<ItemId>,
    by: GroupBy,
) -> Stats {
    let mut groups: BTreeMap<(i32, String), Figures> = BTreeMap::new();
    let mut total = Figures {
        group: "total".to_string(),
        ..Figures::default()
    };
    let problems: HashSet<ItemId> = rows
        .iter()
        .filter(|r| r.kind() == ItemKind::Problem)
        .map(|r| r.id)
        .collect();
    let unassigned = "（未指定）";
    for row in rows {
        let key = match by {
            GroupBy::Year => (row.year, row.year.to_string()),
            GroupBy::Unit => (0, row.unit.clone()),
            GroupBy::Owner => match row.kind() {
                ItemKind::Problem => continue,
                ItemKind::Measure => (
                    0,
                    row.owner
                        .owner_dept
                        .clone()
                        .unwrap_or_else(|| unassigned.to_string()),
                ),
            },
        };
        let figures = groups.entry(key.clone()).or_insert_with(|| Figures {
            group: key.1,
            ..Figures::default()
        });
        for f in [&mut *figures, &mut total] {
            match row.kind() {
                ItemKind::Problem => {
                    f.problems += 1;
                    f.recurring += usize::from(recurring.contains(&row.id));
                }
                ItemKind::Measure => {
                    f.measures.add(row.status);
                    f.carried_over += usize::from(carried.contains(&row.id));
                }
            }
            f.overdue += usize::from(row.days_overdue.is_some());
        }
        if by == GroupBy::Owner {
            // An owner answers for the problems its measures address, counted once each.
            let answered: Vec<ItemId> = row
                .links
                .iter()
                .filter(|p| problems.contains(p))
                .copied()
                .collect();
            figures.problems += answered.len();
            figures.recurring += answered.iter().filter(|p| recurring.contains(p)).count();
        }
    }
    if by == GroupBy::Owner {
        total.problems = problems.len();
        total.recurring = problems.iter().filter(|p| recurring.contains(p)).count();
    }
    let mut groups: Vec<Figures> = groups.into_values().collect();
    for f in groups.iter_mut().chain(std::iter::once(&mut total)) {
        f.completion_rate = f.measures.completion_rate(false);
    }
    let by = match by {
        GroupBy::Year => "year",
        GroupBy::Unit => "unit",
        GroupBy::Owner => "owner",
    };
    Stats { by, groups, total }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::ledger::{compute_ledger, RowFilter};
    use crate::model::LedgerData;
    use crate::model::{Deadline, Measure, Owner, Problem, ProgressEntry, Status};
    use chrono::NaiveDate;
    use proptest::prelude::*;

    fn date(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

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
            data.measures.push(Measure {
                id: ItemId::measure(num),
                uuid: String::new(),
                unit: unit.to_string(),
                year: *year,
                title: None,
                text: format!("措施{num}"),
                owner: Owner {
                    owner_dept: Some(
                        if num % 2 == 0 {
                            "办公室"
                        } else {
                            "人事科"
                        }
                        .into(),
                    ),
                    ..Owner::default()
                },
                deadline: Deadline::default_for_year(*year),
            });
            data.links
                .push((ItemId::problem(num), ItemId::measure(num)));
            data.progress.push(ProgressEntry {
                seq: 0,
                uuid: String::new(),
                item: ItemId::measure(num),
                status: *status,
                date: date(&format!("{}-06-01", year + 1)),
                note: None,
                evidence: vec![],
            });
        }
        data
    }

    fn stats(statuses: &[(i32, &str, Status)], by: GroupBy) -> Stats {
        let rows = compute_ledger(&data(statuses), date("2027-01-15"), &RowFilter::default());
        compute_stats(
            &rows,
            &HashSet::from([ItemId::problem(2)]),
            &HashSet::from([ItemId::measure(1)]),
            by,
        )
    }

    const LEDGER: [(i32, &str, Status); 4] = [
        (2024, "甲局", Status::InProgress),
        (2024, "乙局", Status::Done),
        (2025, "甲局", Status::Done),
        (2025, "甲局", Status::LongTerm),
    ];

    #[test]
    fn by_year_gives_one_group_per_year_and_totals() {
        let s = stats(&LEDGER, GroupBy::Year);
        let years: Vec<&str> = s.groups.iter().map(|g| g.group.as_str()).collect();
        assert_eq!(years, ["2024", "2025"]);
        assert_eq!(s.groups[0].measures.done, 1);
        assert_eq!(
            s.groups[0].overdue, 2,
            "the 2024 problem and its measure are overdue"
        );
        assert_eq!(s.groups[0].completion_rate, Some(50));
        assert_eq!(s.groups[1].completion_rate, Some(100));
        assert_eq!(
            (s.total.problems, s.total.recurring, s.total.carried_over),
            (4, 1, 1)
        );
    }

    #[test]
    fn by_owner_counts_the_problems_an_owner_answers_for() {
        let s = stats(&LEDGER, GroupBy::Owner);
        let owners: Vec<(&str, usize)> = s
            .groups
            .iter()
            .map(|g| (g.group.as_str(), g.problems))
            .collect();
        assert_eq!(owners, [("人事科", 2), ("办公室", 2)]);
        assert_eq!(s.total.problems, 4);
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

    proptest! {
        #[test]
        fn group_figures_add_up_to_the_totals(
            entries in prop::collection::vec((2020..2026i32, prop::sample::select(vec!["甲局", "乙局", "丙局"]), prop::sample::select(Status::ALL.to_vec())), 0..30),
            by in prop::sample::select(vec![GroupBy::Year, GroupBy::Unit, GroupBy::Owner]),
        ) {
            let s = stats(&entries, by);
            let sum = |f: fn(&Figures) -> usize| s.groups.iter().map(f).sum::<usize>();
            prop_assert_eq!(sum(|g| g.measures.total), s.total.measures.total);
            prop_assert_eq!(sum(|g| g.measures.done), s.total.measures.done);
            prop_assert_eq!(sum(|g| g.overdue), s.total.overdue);
            prop_assert_eq!(s.total.measures.sum_of_parts(), s.total.measures.total);
            if by != GroupBy::Owner {
                prop_assert_eq!(sum(|g| g.problems), s.total.problems);
            }
        }
    }
}

//! The status table: each item's current status, deadline and overdue days as of a date.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::status::{days_left, days_overdue, resolve_statuses};
use crate::model::{
    Basis, Deadline, Institution, InstitutionSetting, ItemId, ItemKind, LedgerData, Measure, Owner,
    Standing, Status,
};

/// One line of the ledger as of a date.
#[derive(Debug, Clone, PartialEq)]
pub struct LedgerRow {
    pub id: ItemId,
    pub uuid: String,
    pub unit: String,
    pub year: i32,
    pub category: Option<String>,
    pub title: Option<String>,
    pub text: String,
    /// A measure's own owner; empty for a problem.
    pub owner: Owner,
    /// Who answers: a measure's owner in short, or the owners of a problem's measures.
    pub owner_summary: String,
    /// A problem's measures, or a measure's problems.
    pub links: Vec<ItemId>,
    /// A measure's deadline; for a problem, the first deadline among its open measures.
    pub deadline: Option<Deadline>,
    pub status: Status,
    /// Where the status comes from (its own entry, its measures, a problem's reported outcome).
    pub basis: Basis,
    /// The latest progress on the item (for a problem, also on its measures).
    pub last_progress: Option<NaiveDate>,
    pub days_overdue: Option<i64>,
    /// Days an open item has left before its due date (not yet overdue).
    pub days_left: Option<i64>,
    /// A measure's 建章立制 as the user set it; `None` for a problem or when read from the words.
    pub institution_setting: Option<InstitutionSetting>,
    /// Every owner name that `--owner` may match.
    owner_terms: Vec<String>,
}

impl LedgerRow {
    pub fn kind(&self) -> ItemKind {
        self.id.kind
    }

    /// The status with its basis, as tables print it.
    pub fn standing(&self) -> Standing {
        Standing {
            status: self.status,
            basis: self.basis,
        }
    }

    /// The day a done item was closed (销号): its latest progress date, that is the entry (its
    /// own, its measures' or a reporting problem's) that decided it is done. `None` while the
    /// item is not done.
    pub fn closed_on(&self) -> Option<NaiveDate> {
        (self.status == Status::Done)
            .then_some(self.last_progress)
            .flatten()
    }

    /// What a measure does to the unit's rules (建章立制), by [`Institution::for_measure`];
    /// `None` for a problem.
    pub fn institution(&self) -> Option<Institution> {
        match self.kind() {
            ItemKind::Measure => Institution::for_measure(
                self.institution_setting,
                self.title.as_deref(),
                &self.text,
            ),
            ItemKind::Problem => None,
        }
    }
}

/// Which rows to keep. Empty fields keep everything.
#[derive(Debug, Clone, Default)]
pub struct RowFilter {
    pub status: Option<Status>,
    pub overdue: bool,
    /// Only open items due within this many days of the as-of date (not yet overdue).
    pub due_within: Option<i64>,
    pub owner: Option<String>,
    /// Only problems of this category, and the measures that answer one.
    pub category: Option<String>,
    /// Only problems, or only measures.
    pub kind: Option<ItemKind>,
    /// Only items whose text or title contains this (letters in any case).
    pub search: Option<String>,
    /// The order of the rows within each unit and year; `None` keeps the ledger's own order.
    pub sort: Option<RowOrder>,
}

/// An order the rows can be put in, instead of the ledger's own (unit, year, problems first).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowOrder {
    /// By due date, soonest first; items without a due date last.
    Due,
    /// By status, in the order of [`Status::EVERY`].
    Status,
    /// By id: problems before measures, each by number.
    Id,
}

impl RowFilter {
    fn keeps(&self, row: &LedgerRow, categories: &HashMap<ItemId, &str>) -> bool {
        let category_matches = |wanted: &str| match row.kind() {
            ItemKind::Problem => row.category.as_deref().map(str::trim) == Some(wanted),
            ItemKind::Measure => row
                .links
                .iter()
                .any(|p| categories.get(p).map(|c| c.trim()) == Some(wanted)),
        };
        let search_matches = |needle: &str| {
            let needle = needle.to_lowercase();
            std::iter::once(&row.text)
                .chain(row.title.as_ref())
                .any(|t| t.to_lowercase().contains(&needle))
        };
        self.status.is_none_or(|s| row.status == s)
            && self.kind.is_none_or(|k| row.kind() == k)
            && self
                .category
                .as_deref()
                .map(str::trim)
                .is_none_or(category_matches)
            && self
                .search
                .as_deref()
                .map(str::trim)
                .is_none_or(search_matches)
            && (!self.overdue || row.days_overdue.is_some())
            && self
                .due_within
                .is_none_or(|n| row.days_left.is_some_and(|left| left <= n))
            && self
                .owner
                .as_deref()
                .is_none_or(|o| row.owner_terms.iter().any(|t| t.contains(o)))
    }
}

/// Computes the rows of `data` as of `as_of`, ordered by unit and year, and within each the
/// problems before the measures, each in id order. Progress dated after `as_of` must already be left out of `data`.
pub fn compute_ledger(data: &LedgerData, as_of: NaiveDate, filter: &RowFilter) -> Vec<LedgerRow> {
    let resolved = resolve_statuses(data);
    let standing = |id: &ItemId| resolved[id].standing;
    let all_measures: HashMap<ItemId, &Measure> = data
        .measures
        .iter()
        .chain(&data.linked_measures)
        .map(|m| (m.id, m))
        .collect();
    let mut links_of: HashMap<ItemId, Vec<ItemId>> = HashMap::new();
    for (problem, measure) in &data.links {
        links_of.entry(*problem).or_default().push(*measure);
        links_of.entry(*measure).or_default().push(*problem);
    }

    let mut rows = Vec::with_capacity(data.problems.len() + data.measures.len());
    for problem in &data.problems {
        let links = links_of.remove(&problem.id).unwrap_or_default();
        let measures: Vec<&Measure> = links
            .iter()
            .filter_map(|id| all_measures.get(id).copied())
            .collect();
        let Standing { status, basis } = standing(&problem.id);
        let open: Vec<&Measure> = measures
            .iter()
            .filter(|m| !standing(&m.id).status.is_closed())
            .copied()
            .collect();
        let deadline = first_deadline(&open);
        let owner_summary = owners_once(measures.iter().map(|m| m.owner.short()));
        rows.push(LedgerRow {
            id: problem.id,
            uuid: problem.uuid.clone(),
            unit: problem.unit.clone(),
            year: problem.year,
            category: problem.category.clone(),
            title: None,
            text: problem.text.clone(),
            owner: Owner::default(),
            owner_summary,
            links,
            deadline,
            status,
            basis,
            last_progress: resolved[&problem.id].last_progress,
            days_overdue: days_overdue(deadline.and_then(Deadline::due), status, as_of),
            days_left: days_left(deadline.and_then(Deadline::due), status, as_of),
            institution_setting: None,
            owner_terms: measures
                .iter()
                .flat_map(|m| owner_terms(&m.owner))
                .collect(),
        });
    }
    for measure in &data.measures {
        let Standing { status, basis } = standing(&measure.id);
        rows.push(LedgerRow {
            id: measure.id,
            uuid: measure.uuid.clone(),
            unit: measure.unit.clone(),
            year: measure.year,
            category: None,
            title: measure.title.clone(),
            text: measure.text.clone(),
            owner: measure.owner.clone(),
            owner_summary: measure.owner.short(),
            links: links_of.remove(&measure.id).unwrap_or_default(),
            deadline: Some(measure.deadline),
            status,
            basis,
            last_progress: resolved[&measure.id].last_progress,
            days_overdue: days_overdue(measure.deadline.due(), status, as_of),
            days_left: days_left(measure.deadline.due(), status, as_of),
            institution_setting: measure.institution,
            owner_terms: owner_terms(&measure.owner),
        });
    }
    let categories: HashMap<ItemId, &str> = data
        .problems
        .iter()
        .filter_map(|p| p.category.as_deref().map(|c| (p.id, c)))
        .collect();
    rows.retain(|row| filter.keeps(row, &categories));
    if filter.overdue || filter.due_within.is_some() {
        // The supervision view: within a unit and year, what is most overdue or soonest due first.
        let due = |r: &LedgerRow| r.deadline.and_then(Deadline::due).unwrap_or(NaiveDate::MAX);
        rows.sort_by(|a, b| (&a.unit, a.year, due(a)).cmp(&(&b.unit, b.year, due(b))));
    } else {
        // Stable: within a unit and year, problems stay before measures, each in id order.
        rows.sort_by(|a, b| (&a.unit, a.year).cmp(&(&b.unit, b.year)));
    }
    if let Some(order) = filter.sort {
        sort_rows(&mut rows, order);
    }
    rows
}

/// Puts `rows` in `order` within each unit and year (tables print one per unit and year),
/// keeping the ledger's order among equals (the sort is stable).
fn sort_rows(rows: &mut [LedgerRow], order: RowOrder) {
    let key = |r: &LedgerRow| -> (NaiveDate, usize, bool, i64) {
        match order {
            RowOrder::Due => (
                r.deadline.and_then(Deadline::due).unwrap_or(NaiveDate::MAX),
                0,
                false,
                0,
            ),
            RowOrder::Status => (
                NaiveDate::MIN,
                Status::EVERY
                    .iter()
                    .position(|s| *s == r.status)
                    .unwrap_or(0),
                false,
                0,
            ),
            RowOrder::Id => (NaiveDate::MIN, 0, r.id.kind == ItemKind::Measure, r.id.num),
        }
    };
    rows.sort_by(|a, b| (&a.unit, a.year, key(a)).cmp(&(&b.unit, b.year, key(b))));
}

/// The deadline that comes first among open measures; long-term ones only when nothing else is
/// open.
fn first_deadline(open: &[&Measure]) -> Option<Deadline> {
    open.iter()
        .map(|m| m.deadline)
        .min_by_key(|d| d.due().map_or((1, NaiveDate::MAX), |due| (0, due)))
}

fn owner_terms(owner: &Owner) -> Vec<String> {
    [&owner.leader, &owner.owner_dept, &owner.owner_person]
        .into_iter()
        .flatten()
        .chain(&owner.co_depts)
        .cloned()
        .collect()
}

/// The owners of a problem's measures, each named once: an owner that another one already
/// names (基层卫生科 beside 基层卫生科 何平) is left out.
fn owners_once(owners: impl Iterator<Item = String>) -> String {
    let mut out: Vec<String> = Vec::new();
    for owner in owners.filter(|o| !o.is_empty()) {
        if out.iter().any(|o| o.contains(owner.as_str())) {
            continue;
        }
        out.retain(|o| !owner.contains(o.as_str()));
        out.push(owner);
    }
    out.join("、")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_owner_another_one_names_is_not_repeated() {
        let owners = ["基层卫生科 何平", "基层卫生科", "办公室"].map(String::from);
        assert_eq!(owners_once(owners.into_iter()), "基层卫生科 何平、办公室");
    }
    use crate::model::{Problem, ProgressEntry};

    fn date(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn problem(num: i64) -> Problem {
        Problem {
            id: ItemId::problem(num),
            uuid: format!("p{num}"),
            unit: "甲局".into(),
            year: 2024,
            category: None,
            text: format!("问题{num}"),
        }
    }

    fn measure(num: i64, deadline: Deadline, dept: &str) -> Measure {
        Measure {
            id: ItemId::measure(num),
            uuid: format!("m{num}"),
            unit: "甲局".into(),
            year: 2024,
            title: None,
            text: format!("措施{num}"),
            owner: Owner {
                owner_dept: Some(dept.into()),
                ..Owner::default()
            },
            deadline,
            institution: None,
        }
    }

    fn entry(item: ItemId, status: Status, on: &str) -> ProgressEntry {
        ProgressEntry {
            seq: 0,
            uuid: String::new(),
            item,
            status,
            date: date(on),
            note: None,
            evidence: vec![],
            reported_in: None,
        }
    }

    fn ledger() -> LedgerData {
        LedgerData {
            problems: vec![problem(1), problem(2)],
            measures: vec![
                measure(1, Deadline::ByDate(date("2025-06-30")), "办公室"),
                measure(2, Deadline::LongTerm, "机关党委"),
                measure(3, Deadline::ByDate(date("2025-12-31")), "人事科"),
            ],
            linked_measures: vec![],
            links: vec![
                (ItemId::problem(1), ItemId::measure(1)),
                (ItemId::problem(1), ItemId::measure(2)),
                (ItemId::problem(2), ItemId::measure(3)),
            ],
            progress: vec![
                entry(ItemId::measure(1), Status::InProgress, "2025-03-01"),
                entry(ItemId::measure(2), Status::LongTerm, "2025-03-02"),
                entry(ItemId::measure(3), Status::Done, "2025-11-20"),
            ],
            reported_years: vec![],
        }
    }

    #[test]
    fn a_problem_takes_its_deadline_from_its_first_open_measure() {
        let rows = compute_ledger(&ledger(), date("2026-01-15"), &RowFilter::default());
        let p1 = &rows[0];
        assert_eq!(p1.status, Status::InProgress);
        assert_eq!(p1.deadline, Some(Deadline::ByDate(date("2025-06-30"))));
        assert_eq!(p1.days_overdue, Some(199));
        assert_eq!(p1.owner_summary, "办公室、机关党委");
        assert_eq!(p1.last_progress, Some(date("2025-03-02")));
    }

    #[test]
    fn a_problem_whose_measures_are_done_is_done_and_not_overdue() {
        let rows = compute_ledger(&ledger(), date("2026-01-15"), &RowFilter::default());
        let p2 = &rows[1];
        assert_eq!(p2.status, Status::Done);
        assert_eq!(p2.deadline, None);
        assert_eq!(p2.days_overdue, None);
    }

    #[test]
    fn a_problem_s_own_progress_overrides_its_measures() {
        let mut data = ledger();
        data.progress
            .push(entry(ItemId::problem(1), Status::Done, "2025-12-01"));
        let rows = compute_ledger(&data, date("2026-01-15"), &RowFilter::default());
        assert_eq!(rows[0].status, Status::Done);
        assert_eq!(rows[0].days_overdue, None);
    }

    #[test]
    fn long_term_measures_are_never_overdue() {
        let rows = compute_ledger(&ledger(), date("2030-01-01"), &RowFilter::default());
        let m2 = rows.iter().find(|r| r.id == ItemId::measure(2)).unwrap();
        assert_eq!(m2.days_overdue, None);
    }

    #[test]
    fn filters_keep_overdue_rows_and_match_owners_of_a_problem_s_measures() {
        let overdue = RowFilter {
            overdue: true,
            ..RowFilter::default()
        };
        let ids: Vec<String> = compute_ledger(&ledger(), date("2026-01-15"), &overdue)
            .iter()
            .map(|r| r.id.to_string())
            .collect();
        assert_eq!(ids, ["P1", "M1"]);
        let owner = RowFilter {
            owner: Some("人事".into()),
            ..RowFilter::default()
        };
        let ids: Vec<String> = compute_ledger(&ledger(), date("2026-01-15"), &owner)
            .iter()
            .map(|r| r.id.to_string())
            .collect();
        assert_eq!(ids, ["P2", "M3"]);
    }

    #[test]
    fn due_within_keeps_open_items_falling_due_soon_soonest_first() {
        let soon = RowFilter {
            due_within: Some(30),
            ..RowFilter::default()
        };
        let rows = compute_ledger(&ledger(), date("2025-06-10"), &soon);
        let ids: Vec<(String, Option<i64>)> = rows
            .iter()
            .map(|r| (r.id.to_string(), r.days_left))
            .collect();
        assert_eq!(
            ids,
            [("P1".to_string(), Some(20)), ("M1".to_string(), Some(20))]
        );
    }

    fn ids(filter: &RowFilter) -> Vec<String> {
        let mut data = ledger();
        data.problems[1].category = Some("作风建设".into());
        data.measures[2].title = Some("健全Leave审批".into());
        compute_ledger(&data, date("2026-01-15"), filter)
            .iter()
            .map(|r| r.id.to_string())
            .collect()
    }

    #[test]
    fn a_category_keeps_its_problems_and_the_measures_that_answer_them() {
        let filter = RowFilter {
            category: Some("作风建设".into()),
            ..RowFilter::default()
        };
        assert_eq!(ids(&filter), ["P2", "M3"]);
    }

    #[test]
    fn kind_and_search_combine_with_the_other_filters() {
        let measures = RowFilter {
            kind: Some(ItemKind::Measure),
            ..RowFilter::default()
        };
        assert_eq!(ids(&measures), ["M1", "M2", "M3"]);
        let search = RowFilter {
            search: Some("措施".into()),
            owner: Some("人事".into()),
            ..RowFilter::default()
        };
        assert_eq!(ids(&search), ["M3"]);
        let in_title = RowFilter {
            search: Some("leave".into()),
            ..RowFilter::default()
        };
        assert_eq!(ids(&in_title), ["M3"]);
    }

    #[test]
    fn rows_sort_by_due_date_status_or_id() {
        let by = |order| RowFilter {
            sort: Some(order),
            ..RowFilter::default()
        };
        // P1 and M1 are due 2025-06-30, P2's only measure is done, M3 is due 2025-12-31.
        assert_eq!(ids(&by(RowOrder::Due)), ["P1", "M1", "M3", "P2", "M2"]);
        assert_eq!(ids(&by(RowOrder::Status)), ["P1", "M1", "P2", "M3", "M2"]);
        assert_eq!(ids(&by(RowOrder::Id)), ["P1", "P2", "M1", "M2", "M3"]);
    }
}

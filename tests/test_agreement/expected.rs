//! The README's status rules, written again from its table over the raw rows of a store, so the
//! agreement test does not trust the code it checks.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use rusqlite::Connection;
use serde_json::Value;

#[derive(Debug, Clone)]
pub struct RawItem {
    pub id: i64,
    pub unit_id: i64,
    pub unit: String,
    pub year: i32,
    /// Measures: the due date (by date or immediate); none for long-term.
    pub due: Option<String>,
    pub owner_dept: Option<String>,
}

#[derive(Debug, Clone)]
pub struct RawEntry {
    pub id: i64,
    pub problem: Option<i64>,
    pub measure: Option<i64>,
    pub status: String,
    pub date: String,
    /// Year and unit of the summary the entry was read from.
    pub document: Option<(i32, i64)>,
}

/// The store's rows, as stored.
pub struct Raw {
    pub problems: Vec<RawItem>,
    pub measures: Vec<RawItem>,
    /// (problem, measure)
    pub links: Vec<(i64, i64)>,
    pub progress: Vec<RawEntry>,
}

impl Raw {
    pub fn read(db: &Path) -> Raw {
        let conn = Connection::open(db).unwrap();
        let items = |table: &str, due: &str, dept: &str| -> Vec<RawItem> {
            let sql = format!(
                "SELECT t.id, t.unit_id, u.name, t.year, {due}, {dept} FROM {table} t
                 JOIN units u ON u.id = t.unit_id ORDER BY t.id"
            );
            let mut stmt = conn.prepare(&sql).unwrap();
            stmt.query_map([], |r| {
                Ok(RawItem {
                    id: r.get(0)?,
                    unit_id: r.get(1)?,
                    unit: r.get(2)?,
                    year: r.get(3)?,
                    due: r.get(4)?,
                    owner_dept: r.get(5)?,
                })
            })
            .unwrap()
            .map(Result::unwrap)
            .collect()
        };
        let problems = items("problems", "NULL", "NULL");
        let measures = items("measures", "t.due_date", "t.owner_dept");
        let mut stmt = conn
            .prepare("SELECT problem_id, measure_id FROM problem_measures")
            .unwrap();
        let links = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        let mut stmt = conn
            .prepare(
                "SELECT p.id, p.problem_id, p.measure_id, p.status, p.date, d.year, d.unit_id
                 FROM progress p LEFT JOIN documents d ON d.id = p.document_id",
            )
            .unwrap();
        let progress = stmt
            .query_map([], |r| {
                let year: Option<i32> = r.get(5)?;
                let unit: Option<i64> = r.get(6)?;
                Ok(RawEntry {
                    id: r.get(0)?,
                    problem: r.get(1)?,
                    measure: r.get(2)?,
                    status: r.get(3)?,
                    date: r.get(4)?,
                    document: year.zip(unit),
                })
            })
            .unwrap()
            .map(Result::unwrap)
            .collect();
        Raw {
            problems,
            measures,
            links,
            progress,
        }
    }

    /// Each item's status as the store's `ledger` view shows it.
    pub fn view_statuses(db: &Path) -> Vec<(String, String)> {
        let conn = Connection::open(db).unwrap();
        let mut stmt = conn.prepare("SELECT item, status FROM ledger").unwrap();
        stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .map(Result::unwrap)
            .collect()
    }
}

/// One item's expected status and whether it is overdue.
#[derive(Debug, Clone)]
pub struct ExpectedItem {
    pub status: String,
    pub overdue: bool,
}

/// Expected figures of a set of items.
#[derive(Debug, Clone)]
pub struct Figures {
    pub problems: BTreeMap<String, usize>,
    pub measures: BTreeMap<String, usize>,
    pub overdue_problems: usize,
    pub overdue_measures: usize,
}

const STATUSES: [&str; 7] = [
    "planned",
    "in_progress",
    "done",
    "long_term",
    "not_done",
    "dropped",
    "unreported",
];

fn empty_counts() -> BTreeMap<String, usize> {
    let mut c: BTreeMap<String, usize> = STATUSES.iter().map(|s| (s.to_string(), 0)).collect();
    c.insert("total".into(), 0);
    c
}

impl Default for Figures {
    fn default() -> Figures {
        Figures {
            problems: empty_counts(),
            measures: empty_counts(),
            overdue_problems: 0,
            overdue_measures: 0,
        }
    }
}

impl Figures {
    fn add(&mut self, is_problem: bool, item: &ExpectedItem) {
        let (counts, overdue) = if is_problem {
            (&mut self.problems, &mut self.overdue_problems)
        } else {
            (&mut self.measures, &mut self.overdue_measures)
        };
        *counts.get_mut(&item.status).unwrap() += 1;
        *counts.get_mut("total").unwrap() += 1;
        *overdue += usize::from(item.overdue);
    }

    /// Problems done ÷ problems, leaving out dropped and long-term ones, in whole percent.
    pub fn completion_rate(&self) -> Value {
        let p = &self.problems;
        let base = p["total"] - p["dropped"] - p["long_term"];
        (p["done"] * 100 + base / 2)
            .checked_div(base)
            .map_or(Value::Null, Value::from)
    }
}

/// Every expected figure of a store at one date.
pub struct Expected {
    /// By short id (P3, M12).
    pub items: BTreeMap<String, ExpectedItem>,
    /// unit → year → figures.
    pub by_unit_year: BTreeMap<String, BTreeMap<i32, Figures>>,
    /// lead department (or （未指定）) → figures of its measures.
    pub by_owner: BTreeMap<String, Figures>,
}

impl Expected {
    pub fn unit_total(&self, unit: &str) -> Figures {
        let mut total = Figures::default();
        for f in self.by_unit_year[unit].values() {
            for (k, n) in &f.problems {
                *total.problems.get_mut(k).unwrap() += n;
            }
            for (k, n) in &f.measures {
                *total.measures.get_mut(k).unwrap() += n;
            }
            total.overdue_problems += f.overdue_problems;
            total.overdue_measures += f.overdue_measures;
        }
        total
    }

    pub fn compute(raw: &Raw, as_of: &str) -> Expected {
        let entries: Vec<&RawEntry> = raw
            .progress
            .iter()
            .filter(|e| e.date.as_str() <= as_of)
            .collect();
        // Latest entry of each item: by date, then by order of recording.
        let mut latest_p: HashMap<i64, &RawEntry> = HashMap::new();
        let mut latest_m: HashMap<i64, &RawEntry> = HashMap::new();
        for e in &entries {
            let (map, id) = match (e.problem, e.measure) {
                (Some(p), _) => (&mut latest_p, p),
                (_, Some(m)) => (&mut latest_m, m),
                _ => unreachable!(),
            };
            let newer = map
                .get(&id)
                .is_none_or(|old| (&e.date, e.id) > (&old.date, old.id));
            if newer {
                map.insert(id, e);
            }
        }
        let problem = |id: i64| raw.problems.iter().find(|p| p.id == id).unwrap();
        let measure = |id: i64| raw.measures.iter().find(|m| m.id == id).unwrap();
        // A unit's year is reported on when an entry on one of its items was read from a later
        // summary of that unit.
        let reported = |unit_id: i64, year: i32| {
            entries.iter().any(|e| {
                let item = match (e.problem, e.measure) {
                    (Some(p), _) => problem(p),
                    (_, Some(m)) => measure(m),
                    _ => unreachable!(),
                };
                item.unit_id == unit_id
                    && item.year == year
                    && e.document.is_some_and(|(y, u)| y > year && u == unit_id)
            })
        };
        let without_entries = |item: &RawItem| {
            if reported(item.unit_id, item.year) {
                "unreported"
            } else {
                "planned"
            }
        };

        let mut measure_status: HashMap<i64, String> = HashMap::new();
        for m in &raw.measures {
            let own = latest_m.get(&m.id);
            let report = raw
                .links
                .iter()
                .filter(|(_, lm)| *lm == m.id)
                .filter_map(|(p, _)| latest_p.get(p))
                .max_by(|a, b| (&a.date, a.id).cmp(&(&b.date, b.id)));
            let status = match (own, report) {
                (None, Some(r)) => r.status.clone(),
                (Some(o), Some(r)) if r.date > o.date && r.status != o.status => r.status.clone(),
                (Some(o), _) => o.status.clone(),
                (None, None) => without_entries(m).to_string(),
            };
            measure_status.insert(m.id, status);
        }
        let closed = |s: &str| matches!(s, "done" | "long_term" | "dropped");
        let can_be_overdue = |s: &str| !closed(s) && s != "unreported";

        let mut items = BTreeMap::new();
        let mut by_unit_year: BTreeMap<String, BTreeMap<i32, Figures>> = BTreeMap::new();
        let mut by_owner: BTreeMap<String, Figures> = BTreeMap::new();
        for p in &raw.problems {
            let measures: Vec<i64> = raw
                .links
                .iter()
                .filter(|(lp, _)| *lp == p.id)
                .map(|(_, m)| *m)
                .collect();
            let measures_last = measures
                .iter()
                .filter_map(|m| latest_m.get(m).map(|e| e.date.clone()))
                .max();
            let own = latest_p.get(&p.id);
            let status = match own {
                Some(o) if measures_last.as_ref().is_none_or(|d| *d <= o.date) => o.status.clone(),
                _ if !measures.is_empty() => {
                    let s: Vec<&str> = measures
                        .iter()
                        .map(|m| measure_status[m].as_str())
                        .collect();
                    match derive(&s) {
                        "unreported" => without_entries(p).to_string(),
                        d => d.to_string(),
                    }
                }
                _ => without_entries(p).to_string(),
            };
            // A problem's deadline: the first due date among its open measures.
            let due = measures
                .iter()
                .filter(|m| !closed(&measure_status[m]))
                .filter_map(|m| measure(*m).due.clone())
                .min();
            let overdue = can_be_overdue(&status) && due.is_some_and(|d| d.as_str() < as_of);
            let item = ExpectedItem { status, overdue };
            by_unit_year
                .entry(p.unit.clone())
                .or_default()
                .entry(p.year)
                .or_default()
                .add(true, &item);
            items.insert(format!("P{}", p.id), item);
        }
        for m in &raw.measures {
            let status = measure_status[&m.id].clone();
            let overdue =
                can_be_overdue(&status) && m.due.as_ref().is_some_and(|d| d.as_str() < as_of);
            let item = ExpectedItem { status, overdue };
            by_unit_year
                .entry(m.unit.clone())
                .or_default()
                .entry(m.year)
                .or_default()
                .add(false, &item);
            let owner = m.owner_dept.clone().unwrap_or_else(|| "（未指定）".into());
            by_owner.entry(owner).or_default().add(false, &item);
            items.insert(format!("M{}", m.id), item);
        }
        Expected {
            items,
            by_unit_year,
            by_owner,
        }
    }
}

/// A problem's status from its measures' (README: "How a status is decided").
fn derive(measures: &[&str]) -> &'static str {
    let n = measures.len();
    let count = |wanted: &[&str]| measures.iter().filter(|s| wanted.contains(s)).count();
    if count(&["dropped"]) == n {
        "dropped"
    } else if count(&["done", "dropped"]) == n {
        "done"
    } else if count(&["done", "dropped", "long_term"]) == n {
        "long_term"
    } else if count(&["not_done"]) > 0 {
        "not_done"
    } else if count(&["in_progress", "done", "long_term"]) > 0 {
        "in_progress"
    } else if count(&["unreported"]) > 0 {
        "unreported"
    } else {
        "planned"
    }
}

//! The status rules of DESIGN.md and the README's table "How a status is decided": one place
//! decides every item's status, and everything that shows a status or counts one calls it.

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::model::{Basis, ItemId, LedgerData, Standing, Status};

/// An item's status as of a date, where it comes from, and its latest progress date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Resolved {
    pub standing: Standing,
    /// The latest entry on the item; for a problem, also on its measures; for a measure whose
    /// status is taken from a problem, that problem's entry when it is later.
    pub last_progress: Option<NaiveDate>,
}

/// The latest entry of an item: status, date, order of recording, summary year.
#[derive(Debug, Clone, Copy)]
struct Latest {
    status: Status,
    date: NaiveDate,
    seq: i64,
    reported_in: Option<i32>,
}

/// Decides the status of every problem and measure of `data` (measures outside the scope that
/// are linked to a problem in it included). `data.progress` must already stop at the as-of date.
///
/// A measure: a linked problem's latest entry when it is newer than the measure's own latest
/// entry and says otherwise (or the measure has none) — a later summary's outcome reaches the
/// measures of the problem it reports on; else its own latest entry; else 未报告 when a later summary has
/// reported on the measure's year; else 未启动.
///
/// A problem: its own latest entry, unless one of its measures has a newer entry of its own;
/// then, or without an entry of its own, derived from its measures' statuses
/// ([`derive_problem_status`]); without measures, 未报告 or 未启动 as for a measure.
pub fn resolve_statuses(data: &LedgerData) -> HashMap<ItemId, Resolved> {
    let mut latest: HashMap<ItemId, Latest> = HashMap::new();
    for e in &data.progress {
        let entry = Latest {
            status: e.status,
            date: e.date,
            seq: e.seq,
            reported_in: e.reported_in,
        };
        let keep = latest
            .get(&e.item)
            .is_none_or(|old| (entry.date, entry.seq) >= (old.date, old.seq));
        if keep {
            latest.insert(e.item, entry);
        }
    }
    let reported: HashMap<(&str, i32), i32> = data
        .reported_years
        .iter()
        .map(|r| ((r.unit.as_str(), r.year), r.summary_year))
        .collect();
    let unreported = |unit: &str, year: i32| {
        reported.get(&(unit, year)).map(|&summary_year| Standing {
            status: Status::Unreported,
            basis: Basis::Unreported { summary_year },
        })
    };
    let nothing = Standing {
        status: Status::Planned,
        basis: Basis::Nothing,
    };
    let mut problems_of: HashMap<ItemId, Vec<ItemId>> = HashMap::new();
    let mut measures_of: HashMap<ItemId, Vec<ItemId>> = HashMap::new();
    for (problem, measure) in &data.links {
        problems_of.entry(*measure).or_default().push(*problem);
        measures_of.entry(*problem).or_default().push(*measure);
    }

    let mut resolved = HashMap::new();
    for m in data.measures.iter().chain(&data.linked_measures) {
        let own = latest.get(&m.id);
        let report = problems_of
            .get(&m.id)
            .into_iter()
            .flatten()
            .filter_map(|p| latest.get(p).map(|l| (*p, *l)))
            .max_by_key(|(_, l)| (l.date, l.seq));
        let standing = match (own, report) {
            (_, Some((problem, r)))
                if own.is_none_or(|o| r.date > o.date && r.status != o.status) =>
            {
                Standing {
                    status: r.status,
                    basis: Basis::Reported {
                        problem,
                        summary_year: r.reported_in,
                    },
                }
            }
            (Some(o), _) => Standing {
                status: o.status,
                basis: Basis::Own,
            },
            _ => unreported(&m.unit, m.year).unwrap_or(nothing),
        };
        let last_progress = own.map(|o| o.date).max(report.map(|(_, r)| r.date));
        resolved.insert(
            m.id,
            Resolved {
                standing,
                last_progress,
            },
        );
    }
    for p in &data.problems {
        let own = latest.get(&p.id);
        let measures: Vec<ItemId> = measures_of
            .get(&p.id)
            .into_iter()
            .flatten()
            .filter(|m| resolved.contains_key(m))
            .copied()
            .collect();
        let measures_last = measures
            .iter()
            .filter_map(|m| latest.get(m).map(|l| l.date))
            .max();
        let standing = match own {
            Some(o) if measures_last.is_none_or(|d| d <= o.date) => Standing {
                status: o.status,
                basis: Basis::Own,
            },
            _ if !measures.is_empty() => {
                let statuses: Vec<Status> = measures
                    .iter()
                    .map(|m| resolved[m].standing.status)
                    .collect();
                match derive_problem_status(&statuses) {
                    Status::Unreported => unreported(&p.unit, p.year).unwrap_or(nothing),
                    status => Standing {
                        status,
                        basis: Basis::Measures,
                    },
                }
            }
            _ => unreported(&p.unit, p.year).unwrap_or(nothing),
        };
        resolved.insert(
            p.id,
            Resolved {
                standing,
                last_progress: own.map(|o| o.date).max(measures_last),
            },
        );
    }
    resolved
}

/// A problem's status when it has no progress entry of its own (or an older one than its
/// measures'), from its measures' statuses:
///
/// - all dropped: dropped;
/// - all done or dropped (at least one done): done;
/// - the unfinished rest long-term: long_term;
/// - any not done: not_done (a failed promise is never reported as "in progress");
/// - any started (in progress, done or long-term): in_progress;
/// - any unreported: unreported;
/// - else (or no measures) planned.
///
/// The `problem_status` view of the schema applies the same rules; a test keeps them in step.
pub fn derive_problem_status(measures: &[Status]) -> Status {
    let count = |wanted: &[Status]| measures.iter().filter(|s| wanted.contains(s)).count();
    let n = measures.len();
    if n == 0 {
        Status::Planned
    } else if count(&[Status::Dropped]) == n {
        Status::Dropped
    } else if count(&[Status::Done, Status::Dropped]) == n {
        Status::Done
    } else if count(&[Status::Done, Status::Dropped, Status::LongTerm]) == n {
        Status::LongTerm
    } else if count(&[Status::NotDone]) > 0 {
        Status::NotDone
    } else if count(&[Status::InProgress, Status::Done, Status::LongTerm]) > 0 {
        Status::InProgress
    } else if count(&[Status::Unreported]) > 0 {
        Status::Unreported
    } else {
        Status::Planned
    }
}

/// How many days an item is overdue at `as_of`, or `None` when it is not: overdue means a due
/// date before the as-of date and a status that is open and known (not done, long-term, dropped
/// or unreported).
pub fn days_overdue(due: Option<NaiveDate>, status: Status, as_of: NaiveDate) -> Option<i64> {
    let due = due?;
    if !status.can_be_overdue() || due >= as_of {
        return None;
    }
    Some((as_of - due).num_days())
}

/// How many days an open item has left before its due date at `as_of` (0 on the day itself), or
/// `None` when it is closed or unreported, has no due date, or is already overdue.
pub fn days_left(due: Option<NaiveDate>, status: Status, as_of: NaiveDate) -> Option<i64> {
    let due = due?;
    if !status.can_be_overdue() || due < as_of {
        return None;
    }
    Some((due - as_of).num_days())
}

#[cfg(test)]
mod tests {
    use super::*;
    use Status::*;

    #[test]
    fn a_problem_without_measures_is_planned() {
        assert_eq!(derive_problem_status(&[]), Planned);
    }

    #[test]
    fn a_problem_is_done_when_every_measure_is_done_or_dropped() {
        assert_eq!(derive_problem_status(&[Done, Dropped]), Done);
        assert_eq!(derive_problem_status(&[Dropped, Dropped]), Dropped);
    }

    #[test]
    fn a_problem_is_long_term_when_only_long_term_measures_remain() {
        assert_eq!(derive_problem_status(&[Done, LongTerm]), LongTerm);
        assert_eq!(derive_problem_status(&[LongTerm, InProgress]), InProgress);
    }

    #[test]
    fn a_problem_is_in_progress_once_any_measure_has_started() {
        assert_eq!(derive_problem_status(&[Planned, Done]), InProgress);
        assert_eq!(derive_problem_status(&[Planned, Planned]), Planned);
    }

    #[test]
    fn a_failed_measure_makes_the_problem_not_done() {
        assert_eq!(derive_problem_status(&[NotDone, InProgress]), NotDone);
    }

    #[test]
    fn overdue_needs_a_past_due_date_and_an_open_status() {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        let as_of = d("2026-01-15");
        assert_eq!(
            days_overdue(Some(d("2025-12-31")), InProgress, as_of),
            Some(15)
        );
        assert_eq!(days_overdue(Some(d("2025-12-31")), Done, as_of), None);
        assert_eq!(days_overdue(Some(d("2026-01-15")), Planned, as_of), None);
        assert_eq!(days_overdue(None, Planned, as_of), None);
    }

    #[test]
    fn days_left_counts_down_to_the_due_date_for_open_items() {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        let as_of = d("2026-01-15");
        assert_eq!(
            days_left(Some(d("2026-01-25")), InProgress, as_of),
            Some(10)
        );
        assert_eq!(days_left(Some(d("2026-01-15")), Planned, as_of), Some(0));
        assert_eq!(days_left(Some(d("2026-01-14")), Planned, as_of), None);
        assert_eq!(days_left(Some(d("2026-01-25")), Done, as_of), None);
    }
}

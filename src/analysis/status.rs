//! The status rules of DESIGN.md.

use chrono::NaiveDate;

use crate::model::Status;

/// A problem's status when it has no progress entry of its own, from its measures' statuses:
///
/// - no measures: planned;
/// - all dropped: dropped;
/// - all done or dropped (at least one done): done;
/// - the unfinished rest long-term: long_term;
/// - any not done: not_done (a failed promise is never reported as "in progress");
/// - any started (in progress, done or long-term): in_progress;
/// - else planned.
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
    } else {
        Status::Planned
    }
}

/// How many days an item is overdue at `as_of`, or `None` when it is not: overdue means a due
/// date before the as-of date and a status that is not closed (done, long-term, dropped).
pub fn days_overdue(due: Option<NaiveDate>, status: Status, as_of: NaiveDate) -> Option<i64> {
    let due = due?;
    if status.is_closed() || due >= as_of {
        return None;
    }
    Some((as_of - due).num_days())
}

/// How many days an open item has left before its due date at `as_of` (0 on the day itself), or
/// `None` when it is closed, has no due date, or is already overdue.
pub fn days_left(due: Option<NaiveDate>, status: Status, as_of: NaiveDate) -> Option<i64> {
    let due = due?;
    if status.is_closed() || due < as_of {
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

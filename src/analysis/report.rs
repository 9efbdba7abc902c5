//! The value behind the section a year's summary ends with: what became of the previous year's
//! problems (with counts that add up), this year's problems, and the measures for next year.
//!
//! Only numbers, texts and statuses here; the wording lives in the report templates.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use serde::Serialize;

pub use super::figures::Counts;
use super::figures::{Marks, Tally};
use super::ledger::{compute_ledger, LedgerRow, RowFilter};
use crate::model::LedgerData;
use crate::model::{ItemId, ItemKind, Status};

/// Choices that change the counts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ReportOptions {
    /// Count 长期坚持 measures as complete. By default they are listed separately and left out
    /// of the completion rate.
    pub long_term_counts_as_done: bool,
}

/// A measure as the report mentions it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReportMeasure {
    pub id: ItemId,
    pub year: i32,
    pub title: Option<String>,
    pub text: String,
    pub status: Status,
    /// For a measure carried over from an earlier year: the measure it continues.
    pub carried_from: Option<ItemId>,
}

/// An earlier problem and what became of it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReviewItem {
    pub id: ItemId,
    pub year: i32,
    pub text: String,
    pub status: Status,
    pub measures: Vec<ReportMeasure>,
    /// Progress notes on the problem and its measures, oldest first, without repeats (and
    /// without the reason).
    pub notes: Vec<String>,
    /// For a problem not done or dropped: the latest note recorded, as the reason.
    pub reason: Option<String>,
}

/// Part one: 上年问题整改落实情况.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Review {
    pub year: i32,
    pub problems: usize,
    pub measures: Counts,
    /// Problems by status (a problem's own latest entry, else derived from its measures).
    pub problem_counts: Counts,
    /// Share of last year's problems rectified, in whole percent (see [`Counts::completion_rate`]).
    pub completion_rate: Option<u32>,
    /// The previous year's problems, then earlier years' problems still open.
    pub items: Vec<ReviewItem>,
}

/// A problem of the report's year.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReportProblem {
    pub id: ItemId,
    pub text: String,
    /// Years of the earlier problems it was confirmed to repeat (反弹回潮), oldest first.
    pub recurs_from: Vec<i32>,
}

/// How items of different years hang together: carry-overs and confirmed recurrences.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Continuity {
    /// Carried-over measure → the measure it continues.
    pub carried_from: HashMap<ItemId, ItemId>,
    /// Problem → the earlier problems it was confirmed to repeat.
    pub recurs_from: HashMap<ItemId, Vec<ItemId>>,
}

/// Everything the section says.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    pub unit: String,
    pub year: i32,
    pub as_of: NaiveDate,
    pub long_term_counts_as_done: bool,
    pub review: Review,
    pub problems: Vec<ReportProblem>,
    pub plans: Vec<ReportMeasure>,
}

/// Computes the year-`year` section of `unit` from its whole ledger (`data` must hold every year
/// of that one unit, loaded as of `as_of`).
pub fn compute_report(
    data: &LedgerData,
    continuity: &Continuity,
    unit: &str,
    year: i32,
    as_of: NaiveDate,
    options: ReportOptions,
) -> Report {
    let carried = &continuity.carried_from;
    let rows = compute_ledger(data, as_of, &RowFilter::default());
    let by_id: HashMap<ItemId, &LedgerRow> = rows.iter().map(|r| (r.id, r)).collect();
    let mut notes_of: HashMap<ItemId, Vec<(NaiveDate, String)>> = HashMap::new();
    for entry in &data.progress {
        if let Some(note) = entry
            .note
            .as_deref()
            .map(str::trim)
            .filter(|n| !n.is_empty())
        {
            notes_of
                .entry(entry.item)
                .or_default()
                .push((entry.date, note.to_string()));
        }
    }
    let measure = |row: &LedgerRow| ReportMeasure {
        id: row.id,
        year: row.year,
        title: row.title.clone(),
        text: row.text.clone(),
        status: row.status,
        carried_from: carried.get(&row.id).copied(),
    };

    let previous = year - 1;
    let is = |row: &&LedgerRow, kind: ItemKind| row.kind() == kind && row.unit == unit;
    let review_problems = rows.iter().filter(|r| {
        is(r, ItemKind::Problem)
            && (r.year == previous || (r.year < previous && !r.status.is_closed()))
    });
    let mut items = Vec::new();
    for row in review_problems {
        // A carried-over copy repeats the measure it continues: name the original once.
        let measures: Vec<ReportMeasure> = row
            .links
            .iter()
            .filter(|id| carried.get(id).is_none_or(|from| !row.links.contains(from)))
            .filter_map(|id| by_id.get(id))
            .map(|m| measure(m))
            .collect();
        let mut dated: Vec<(NaiveDate, String)> = Vec::new();
        for id in std::iter::once(&row.id).chain(&row.links) {
            dated.extend(notes_of.get(id).into_iter().flatten().cloned());
        }
        dated.sort_by_key(|(date, _)| *date);
        let reason = match row.status {
            Status::NotDone | Status::Dropped => dated.last().map(|(_, note)| note.clone()),
            _ => None,
        };
        let mut notes: Vec<String> = Vec::new();
        for (_, note) in dated {
            if !notes.contains(&note) && reason.as_ref() != Some(&note) {
                notes.push(note);
            }
        }
        items.push(ReviewItem {
            id: row.id,
            year: row.year,
            text: row.text.clone(),
            status: row.status,
            measures,
            notes,
            reason,
        });
    }
    items.sort_by_key(|item| (std::cmp::Reverse(item.year), item.id));
    let none = HashSet::new();
    let tally = Tally::of(
        rows.iter().filter(|r| r.unit == unit && r.year == previous),
        Marks {
            recurring: &none,
            carried: &none,
        },
    );
    let review = Review {
        year: previous,
        problems: tally.problems.total,
        measures: tally.measures,
        problem_counts: tally.problems,
        completion_rate: tally.completion_rate(options.long_term_counts_as_done),
        items,
    };
    let problems = rows
        .iter()
        .filter(|r| is(r, ItemKind::Problem) && r.year == year)
        .map(|r| {
            let mut recurs_from: Vec<i32> = continuity
                .recurs_from
                .get(&r.id)
                .into_iter()
                .flatten()
                .filter_map(|earlier| by_id.get(earlier).map(|e| e.year))
                .collect();
            recurs_from.sort_unstable();
            recurs_from.dedup();
            ReportProblem {
                id: r.id,
                text: r.text.clone(),
                recurs_from,
            }
        })
        .collect();
    let plans = rows
        .iter()
        .filter(|r| is(r, ItemKind::Measure) && r.year == year)
        .map(measure)
        .collect();
    Report {
        unit: unit.to_string(),
        year,
        as_of,
        long_term_counts_as_done: options.long_term_counts_as_done,
        review,
        problems,
        plans,
    }
}

#[cfg(test)]
mod tests;

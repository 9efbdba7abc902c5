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
use crate::model::{Institution, ItemId, ItemKind, LedgerData, Status};

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
    /// Who answers for it, in short (the lead department and person, else the leader); empty
    /// when none is recorded.
    pub owner: String,
    #[serde(flatten)]
    pub due: Due,
    /// What it does to the unit's rules (建章立制), read from its words.
    pub institution: Option<Institution>,
}

/// When an item falls due and how late it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Due {
    /// `by_date`, `immediate` or `long_term`; none when no deadline is recorded.
    pub deadline_kind: Option<&'static str>,
    /// The due date (none for 长期坚持).
    pub due: Option<NaiveDate>,
    /// Days past the due date, for an open item that is overdue.
    pub days_overdue: Option<i64>,
}

impl Due {
    fn of(row: &LedgerRow) -> Due {
        Due {
            deadline_kind: row.deadline.map(|d| d.kind_code()),
            due: row.deadline.and_then(|d| d.due()),
            days_overdue: row.days_overdue,
        }
    }
}

/// A dated progress entry with a note, as the report tells it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReportEntry {
    /// The item the entry was recorded against (the problem or one of its measures).
    pub item: ItemId,
    pub date: NaiveDate,
    pub text: String,
    /// The evidence references recorded with it (文件名, 文号).
    pub evidence: Vec<String>,
    /// The status its words state (`已整改到位` → done), if any.
    pub states: Option<Status>,
}

/// An earlier problem and what became of it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReviewItem {
    pub id: ItemId,
    pub year: i32,
    pub text: String,
    /// The problem named in short: its first clause, without a closing 问题.
    pub short: String,
    pub category: Option<String>,
    pub status: Status,
    /// Who answers for it: the owners of its measures, in short; empty when none is recorded.
    pub owner: String,
    /// The first deadline among its open measures, and how late it is.
    #[serde(flatten)]
    pub due: Due,
    pub measures: Vec<ReportMeasure>,
    /// Progress notes on the problem and its measures, oldest first, without repeats (and
    /// without the reason).
    pub notes: Vec<String>,
    /// The same notes with their dates, items and evidence.
    pub entries: Vec<ReportEntry>,
    /// True when one of the notes already states the problem's status in words (for an open
    /// problem: calls it in progress or not done), so the section need not say it again.
    pub status_stated: bool,
    /// For a problem not done or dropped: the latest note recorded, as the reason.
    pub reason: Option<String>,
}

/// The earlier problems of one 方面 (category), in the order of [`Review::items`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReviewGroup {
    pub category: Option<String>,
    pub items: Vec<ReviewItem>,
}

/// 建章立制: measures that create, revise or abolish a rule.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Institutions {
    pub new: usize,
    pub revise: usize,
    pub abolish: usize,
    pub total: usize,
}

impl Institutions {
    fn of<'a>(measures: impl IntoIterator<Item = &'a ReportMeasure>) -> Institutions {
        let mut counts = Institutions::default();
        for what in measures.into_iter().filter_map(|m| m.institution) {
            counts.total += 1;
            match what {
                Institution::New => counts.new += 1,
                Institution::Revise => counts.revise += 1,
                Institution::Abolish => counts.abolish += 1,
            }
        }
        counts
    }
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
    /// The same items by 方面, in order of first appearance; one group without a category when
    /// no item has one.
    pub groups: Vec<ReviewGroup>,
    /// How many 方面 the reviewed year's problems fall into (0 when none has a category).
    pub categories: usize,
    /// 建章立制 among the reviewed year's measures.
    pub institutions: Institutions,
    /// Every reviewed measure has an owner recorded / a deadline recorded.
    pub owners_recorded: bool,
    pub deadlines_recorded: bool,
}

/// A problem of the report's year.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReportProblem {
    pub id: ItemId,
    pub text: String,
    pub category: Option<String>,
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
    /// How many of this year's problems repeat an earlier year's (confirmed recurrences).
    pub recurring: usize,
    /// How many 方面 this year's problems fall into (0 when none has a category).
    pub categories: usize,
    pub plans: Vec<ReportMeasure>,
}

/// A problem's first clause, without its closing 问题: `党员干部理论学习浮于表面，…` →
/// `党员干部理论学习浮于表面`.
fn short_form(text: &str) -> String {
    let text = text.trim();
    let first = text
        .split(['，', '。', '；', '：', ',', ';', ':'])
        .map(str::trim)
        .find(|c| !c.is_empty())
        .unwrap_or(text);
    let short = first
        .strip_suffix("的问题")
        .or_else(|| first.strip_suffix("等问题"))
        .or_else(|| first.strip_suffix("问题"))
        .filter(|s| !s.is_empty())
        .unwrap_or(first);
    // Quoted inside 关于“…”的问题, its own quotation marks become single ones.
    short.replace('“', "‘").replace('”', "’")
}

/// How many distinct categories `categories` hold.
fn distinct<'a>(categories: impl IntoIterator<Item = Option<&'a str>>) -> usize {
    let mut seen: Vec<&str> = categories.into_iter().flatten().collect();
    seen.sort_unstable();
    seen.dedup();
    seen.len()
}

/// `items` by category, in order of first appearance.
fn grouped(items: &[ReviewItem]) -> Vec<ReviewGroup> {
    let mut groups: Vec<ReviewGroup> = Vec::new();
    for item in items {
        match groups.iter_mut().find(|g| g.category == item.category) {
            Some(group) => group.items.push(item.clone()),
            None => groups.push(ReviewGroup {
                category: item.category.clone(),
                items: vec![item.clone()],
            }),
        }
    }
    groups
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
    let mut notes_of: HashMap<ItemId, Vec<ReportEntry>> = HashMap::new();
    for entry in &data.progress {
        if let Some(note) = entry
            .note
            .as_deref()
            .map(str::trim)
            .filter(|n| !n.is_empty())
        {
            notes_of.entry(entry.item).or_default().push(ReportEntry {
                item: entry.item,
                date: entry.date,
                text: note.to_string(),
                evidence: entry.evidence.iter().map(|e| e.reference.clone()).collect(),
                states: crate::import::stated_status(note),
            });
        }
    }
    let measure = |row: &LedgerRow| ReportMeasure {
        id: row.id,
        year: row.year,
        title: row.title.clone(),
        text: row.text.clone(),
        status: row.status,
        carried_from: carried.get(&row.id).copied(),
        owner: row.owner.short(),
        due: Due::of(row),
        institution: row.institution(),
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
        let mut dated: Vec<ReportEntry> = Vec::new();
        for id in std::iter::once(&row.id).chain(&row.links) {
            dated.extend(notes_of.get(id).into_iter().flatten().cloned());
        }
        dated.sort_by_key(|entry| entry.date);
        let reason = match row.status {
            Status::NotDone | Status::Dropped => dated.last().map(|entry| entry.text.clone()),
            _ => None,
        };
        let mut entries: Vec<ReportEntry> = Vec::new();
        for entry in dated {
            if !entries.iter().any(|e| e.text == entry.text) && reason.as_ref() != Some(&entry.text)
            {
                entries.push(entry);
            }
        }
        // An open item a note calls 正在推进 or 未完成 needs no second word on where it stands.
        let open = matches!(
            row.status,
            Status::InProgress | Status::Planned | Status::NotDone
        );
        let status_stated = entries.iter().any(|e| {
            e.states == Some(row.status)
                || (open && matches!(e.states, Some(Status::InProgress | Status::NotDone)))
        });
        items.push(ReviewItem {
            id: row.id,
            year: row.year,
            text: row.text.clone(),
            short: short_form(&row.text),
            category: row.category.clone(),
            status: row.status,
            owner: row.owner_summary.clone(),
            due: Due::of(row),
            measures,
            notes: entries.iter().map(|e| e.text.clone()).collect(),
            entries,
            status_stated,
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
    let reviewed_measures: Vec<ReportMeasure> = rows
        .iter()
        .filter(|r| is(r, ItemKind::Measure) && r.year == previous)
        .map(measure)
        .collect();
    let review = Review {
        year: previous,
        problems: tally.problems.total,
        measures: tally.measures,
        problem_counts: tally.problems,
        completion_rate: tally.completion_rate(options.long_term_counts_as_done),
        groups: grouped(&items),
        categories: distinct(
            rows.iter()
                .filter(|r| is(r, ItemKind::Problem) && r.year == previous)
                .map(|r| r.category.as_deref()),
        ),
        institutions: Institutions::of(&reviewed_measures),
        owners_recorded: reviewed_measures.iter().all(|m| !m.owner.is_empty()),
        deadlines_recorded: reviewed_measures
            .iter()
            .all(|m| m.due.deadline_kind.is_some()),
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
                category: r.category.clone(),
                recurs_from,
            }
        })
        .collect::<Vec<_>>();
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
        recurring: problems
            .iter()
            .filter(|p| !p.recurs_from.is_empty())
            .count(),
        categories: distinct(problems.iter().map(|p| p.category.as_deref())),
        problems,
        plans,
    }
}

#[cfg(test)]
mod tests;

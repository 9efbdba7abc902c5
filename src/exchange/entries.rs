//! A row's progress entries in its 整改进展 and 佐证材料 cells, written and read by the same
//! rules so that `export` → `import --ledger` gives them back.
//!
//! 整改进展 holds one line per entry, oldest first: `2025-03-28 已开展第一季度专题研讨`. The
//! status of a line is read from its words (the earliest status word), else — for the last line —
//! from the row's 完成情况, else it is 正在整改. When the words would read as another status, the
//! writer states it: `2025-03-28 正在整改：已完成初稿`. Lines that start with no date continue the
//! note above them. 佐证材料 lists references one a line; when entries other than the last have
//! some, each line starts with its entry's date (`2025-04-01 临财党〔2025〕5号`). A problem's own
//! entries, written above its first measure's, are marked: `2025-12-31 【问题】已全部整改`.

use chrono::NaiveDate;

use super::words::{is_only_the_word, status_of};
use crate::model::Status;

/// One progress entry as a row's cells state it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CellEntry {
    pub date: NaiveDate,
    pub status: Status,
    pub note: Option<String>,
    pub evidence: Vec<String>,
}

/// The 整改进展 and 佐证材料 cells of `entries` (oldest first), on a row whose 完成情况 shows
/// `shown`.
pub fn write(entries: &[CellEntry], shown: Status) -> (String, String) {
    let last = entries.len().saturating_sub(1);
    let lines: Vec<String> = entries
        .iter()
        .enumerate()
        .map(|(i, e)| line_of(e, (i == last).then_some(shown)))
        .collect();
    let only_last = entries[..last].iter().all(|e| e.evidence.is_empty());
    let mut evidence: Vec<String> = Vec::new();
    for e in entries {
        for reference in &e.evidence {
            let text = if only_last {
                reference.clone()
            } else {
                format!("{} {reference}", e.date)
            };
            if !evidence.contains(&text) {
                evidence.push(text);
            }
        }
    }
    (lines.join("\n"), evidence.join("\n"))
}

/// Marks a problem's own entries in its first measure's 整改进展.
pub const PROBLEM_MARK: &str = "【问题】";

/// The lines of a problem's own entries, written above its first measure's (their evidence is
/// not listed).
pub fn write_problem(entries: &[CellEntry]) -> String {
    entries
        .iter()
        .map(|e| format!("{} {PROBLEM_MARK}{}", e.date, &line_of(e, None)[11..]))
        .collect::<Vec<_>>()
        .join("\n")
}

/// What a row's cells state: its item's entries, and its problem's own (marked) entries.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Entries {
    pub own: Vec<CellEntry>,
    pub problem: Vec<CellEntry>,
}

/// The line of one entry: its words alone when they read back as its status, else the status
/// stated before them.
fn line_of(e: &CellEntry, shown: Option<Status>) -> String {
    let note = e.note.as_deref().unwrap_or_default();
    let plain = format!("{} {}", e.date, note);
    if e.note.is_some() && words(note, shown) == (e.status, e.note.clone()) {
        return plain;
    }
    match &e.note {
        Some(note) => format!("{} {}：{note}", e.date, e.status.label_zh()),
        None => format!("{} {}", e.date, e.status.label_zh()),
    }
}

/// The status and note of a line's words; `shown` is the row's 完成情况 on its last line.
fn words(text: &str, shown: Option<Status>) -> (Status, Option<String>) {
    for status in Status::ALL {
        let label = status.label_zh();
        if text == label {
            return (status, None);
        }
        if let Some(note) = text.strip_prefix(label).and_then(|r| r.strip_prefix('：')) {
            return (status, Some(note.to_string()));
        }
    }
    match status_of(text) {
        Some((status, word)) if is_only_the_word(text, word) => (status, None),
        Some((status, _)) => (status, Some(text.to_string())),
        None => (
            shown.unwrap_or(Status::InProgress),
            (!text.is_empty()).then(|| text.to_string()),
        ),
    }
}

/// A line's leading date: `2025-03-28 …` → the date and the rest.
fn dated(line: &str) -> Option<(NaiveDate, &str)> {
    let head = line.get(..10)?;
    let date = NaiveDate::parse_from_str(head, "%Y-%m-%d").ok()?;
    let rest = &line[10..];
    (rest.is_empty() || rest.starts_with(' ')).then(|| (date, rest.trim()))
}

/// The entries a row's cells state, or `None` when its 整改进展 has no dated first line (a
/// hand-made ledger's free text, read as one outcome). `shown` is the row's 完成情况, if any.
pub fn read(progress: &str, evidence: &str, shown: Option<Status>) -> Option<Entries> {
    let lines: Vec<&str> = progress.lines().map(str::trim).collect();
    dated(lines.first()?)?;
    // (is the problem's, date, words)
    let mut raw: Vec<(bool, NaiveDate, String)> = Vec::new();
    for line in lines {
        match (dated(line), raw.last_mut()) {
            (Some((date, rest)), _) => match rest.strip_prefix(PROBLEM_MARK) {
                Some(rest) => raw.push((true, date, rest.to_string())),
                None => raw.push((false, date, rest.to_string())),
            },
            (None, Some((_, _, text))) => {
                text.push('\n');
                text.push_str(line);
            }
            (None, None) => unreachable!("the first line is dated"),
        }
    }
    let last = raw.iter().rposition(|(problem, _, _)| !problem);
    let mut out = Entries::default();
    for (i, (problem, date, text)) in raw.into_iter().enumerate() {
        let (status, note) = words(&text, if Some(i) == last { shown } else { None });
        let entry = CellEntry {
            date,
            status,
            note,
            evidence: vec![],
        };
        if problem {
            out.problem.push(entry);
        } else {
            out.own.push(entry);
        }
    }
    if let Some(last) = out.own.len().checked_sub(1) {
        let entries = &mut out.own;
        for reference in evidence.lines().map(str::trim).filter(|l| !l.is_empty()) {
            let target = dated(reference).and_then(|(date, rest)| {
                let at = entries.iter().rposition(|e| e.date == date)?;
                Some((at, rest))
            });
            let (at, text) = target.unwrap_or((last, reference));
            entries[at].evidence.push(text.to_string());
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests;

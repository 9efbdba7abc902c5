//! The ledger in the official layout (整改台账): one sheet per unit and year, 16 columns, a
//! problem spanning the rows of its measures.
//!
//! [`build`] arranges computed ledger rows; the xlsx and CSV writers only print what it decided.
//! A year-N sheet lists the year-N problems, each with its year-N measures (a problem without
//! measures takes one row of its own), then year-N measures answering earlier problems (under
//! that problem, its year named as the source), then measures answering no problem.

use std::collections::{HashMap, HashSet};

mod years;

use chrono::NaiveDate;

use super::entries::{self, CellEntry};
use super::sheet::{title_of, TITLE_CHARS};
use crate::analysis::LedgerRow;
use crate::model::{plan_start, Deadline, ItemId, ItemKind, ProgressEntry, Standing};
pub use years::{by_year, YearSheets, MAX_UNIT_SHEETS, MAX_WORKBOOK_ROWS};

/// The 16 columns, in order.
pub const HEADERS: [&str; 16] = [
    "序号",
    "问题来源",
    "问题类别",
    "问题描述",
    "整改措施",
    "责任领导",
    "牵头部门",
    "配合部门",
    "责任人",
    "整改时限",
    "整改进展",
    "完成情况",
    "销号情况",
    "销号时间",
    "佐证材料",
    "备注",
];

/// The column of 完成情况 (0-based), which gets the drop-down list.
pub const STATUS_COLUMN: u16 = 11;
/// The column of 整改时限 (0-based).
pub const DEADLINE_COLUMN: u16 = 9;
/// The column of 销号时间 (0-based), a date.
pub const CLOSED_ON_COLUMN: u16 = 13;
/// 销号情况 of a closed item and of an open one.
pub const CLOSED: &str = "已销号";
pub const OPEN: &str = "未销号";

/// One sheet: a unit's ledger for a year.
#[derive(Debug, Clone, PartialEq)]
pub struct Sheet {
    pub unit: String,
    pub year: i32,
    pub groups: Vec<Group>,
}

impl Sheet {
    /// 临江市财政局2024年度问题整改台账
    pub fn title(&self) -> String {
        format!("{}{}年度问题整改台账", self.unit, self.year)
    }

    pub fn lines(&self) -> usize {
        self.groups.iter().map(|g| g.lines.len()).sum()
    }
}

/// A problem and the rows of its measures (or the rows of measures answering no problem).
#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    pub seq: usize,
    /// 问题来源: the summary that named the problem.
    pub source: String,
    /// 问题类别 (the 方面), empty when none is recorded.
    pub category: String,
    /// 问题描述; empty for measures answering no problem.
    pub problem: String,
    pub lines: Vec<Line>,
}

/// One row: a measure, or a problem listed without measures.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    pub item: ItemId,
    /// The summary year of the row's item.
    pub year: i32,
    /// 整改措施: the measure's text, its title before it when the text does not start with it.
    pub measure: String,
    pub leader: String,
    pub owner_dept: String,
    pub co_depts: String,
    pub owner_person: String,
    pub deadline: Option<Deadline>,
    pub progress: String,
    pub status: Standing,
    /// 销号时间: the day a done item was closed ([`LedgerRow::closed_on`]).
    pub closed_on: Option<NaiveDate>,
    pub evidence: String,
    pub note: String,
    pub overdue: bool,
}

impl Line {
    /// 整改时限 as text: a date, 立行立改 or 长期坚持. 立行立改 names its date when that is not
    /// the day the plan year starts, the date `import --ledger` gives a bare 立行立改.
    pub fn deadline_text(&self) -> String {
        match self.deadline {
            None => String::new(),
            Some(Deadline::ByDate(d)) => d.to_string(),
            Some(Deadline::Immediate(d)) if d == plan_start(self.year) => "立行立改".to_string(),
            Some(Deadline::Immediate(d)) => format!("立行立改（{d}）"),
            Some(Deadline::LongTerm) => "长期坚持".to_string(),
        }
    }

    /// 销号情况: 已销号 once the item is done, else 未销号.
    pub fn closed_text(&self) -> &'static str {
        if self.closed_on.is_some() {
            CLOSED
        } else {
            OPEN
        }
    }

    /// The 16 cells as text, the group's cells included.
    pub fn cells(&self, group: &Group) -> [String; 16] {
        [
            group.seq.to_string(),
            group.source.clone(),
            group.category.clone(),
            group.problem.clone(),
            self.measure.clone(),
            self.leader.clone(),
            self.owner_dept.clone(),
            self.co_depts.clone(),
            self.owner_person.clone(),
            self.deadline_text(),
            self.progress.clone(),
            self.status.label_zh(),
            self.closed_text().to_string(),
            self.closed_on.map(|d| d.to_string()).unwrap_or_default(),
            self.evidence.clone(),
            self.note.clone(),
        ]
    }
}

/// Problems of other years that measures in scope answer: id → (year, text).
pub type OutsideProblems = HashMap<ItemId, (i32, String)>;

/// Arranges `rows` (problems and measures, as computed) into sheets by unit and year, in the
/// order the rows come. `progress` holds each item's entries up to the as-of date, oldest first.
pub fn build(
    rows: &[LedgerRow],
    progress: &HashMap<ItemId, Vec<ProgressEntry>>,
    outside: &OutsideProblems,
) -> Vec<Sheet> {
    // One pass: each sheet's rows, the sheets in the order their first rows come.
    let mut index: HashMap<(&str, i32), usize> = HashMap::new();
    let mut keyed: Vec<((&str, i32), Vec<&LedgerRow>)> = Vec::new();
    for row in rows {
        let key = (row.unit.as_str(), row.year);
        let at = *index.entry(key).or_insert_with(|| {
            keyed.push((key, Vec::new()));
            keyed.len() - 1
        });
        keyed[at].1.push(row);
    }
    keyed
        .into_iter()
        .map(|((unit, year), in_sheet)| sheet(unit, year, &in_sheet, progress, outside))
        .collect()
}

/// An empty sheet, for a unit and year with nothing recorded yet (a template to fill in).
pub fn empty(unit: &str, year: i32) -> Sheet {
    Sheet {
        unit: unit.to_string(),
        year,
        groups: vec![],
    }
}

fn sheet(
    unit: &str,
    year: i32,
    rows: &[&LedgerRow],
    progress: &HashMap<ItemId, Vec<ProgressEntry>>,
    outside: &OutsideProblems,
) -> Sheet {
    let problems: Vec<&LedgerRow> = rows
        .iter()
        .copied()
        .filter(|r| r.kind() == ItemKind::Problem)
        .collect();
    let measures: Vec<&LedgerRow> = rows
        .iter()
        .copied()
        .filter(|r| r.kind() == ItemKind::Measure)
        .collect();
    let own_source = format!("{year}年度工作总结");
    let mut groups: Vec<Group> = Vec::new();
    let mut push = |source: String, category: String, problem: String, lines: Vec<Line>| {
        let seq = groups.len() + 1;
        groups.push(Group {
            seq,
            source,
            category,
            problem,
            lines,
        });
    };
    for p in &problems {
        let mut lines: Vec<Line> = measures
            .iter()
            .filter(|m| m.links.contains(&p.id))
            .map(|m| line(m, progress))
            .collect();
        if lines.is_empty() {
            lines.push(line(p, progress));
        } else if let Some(own) = progress.get(&p.id).filter(|e| !e.is_empty()) {
            // The problem's own entries (what a later summary reported) go with its first row.
            let first = &mut lines[0];
            let text = entries::write_problem(&cell_entries(own));
            first.progress = [text, std::mem::take(&mut first.progress)]
                .into_iter()
                .filter(|t| !t.is_empty())
                .collect::<Vec<_>>()
                .join("\n");
        }
        let category = p.category.clone().unwrap_or_default();
        push(own_source.clone(), category, p.text.clone(), lines);
    }
    let answered = |m: &LedgerRow| problems.iter().any(|p| m.links.contains(&p.id));
    let mut earlier: Vec<(ItemId, Vec<&LedgerRow>)> = Vec::new();
    let mut unlinked: Vec<&LedgerRow> = Vec::new();
    for m in measures.iter().copied().filter(|m| !answered(m)) {
        match m.links.iter().find(|p| outside.contains_key(p)) {
            Some(p) => match earlier.iter_mut().find(|(id, _)| id == p) {
                Some((_, ms)) => ms.push(m),
                None => earlier.push((*p, vec![m])),
            },
            None => unlinked.push(m),
        }
    }
    earlier.sort_by_key(|(id, _)| *id);
    for (id, ms) in earlier {
        let (problem_year, text) = &outside[&id];
        let lines = ms.iter().map(|m| line(m, progress)).collect();
        push(
            format!("{problem_year}年度工作总结"),
            String::new(),
            text.clone(),
            lines,
        );
    }
    for m in unlinked {
        push(
            own_source.clone(),
            String::new(),
            String::new(),
            vec![line(m, progress)],
        );
    }
    Sheet {
        unit: unit.to_string(),
        year,
        groups,
    }
}

fn line(row: &LedgerRow, progress: &HashMap<ItemId, Vec<ProgressEntry>>) -> Line {
    let entries: &[ProgressEntry] = progress.get(&row.id).map_or(&[], Vec::as_slice);
    let (progress_text, evidence) = entries::write(&cell_entries(entries), row.status);
    let mut note = vec![row.id.to_string()];
    if let Some(days) = row.days_overdue {
        note.push(format!("逾期{days}天"));
    }
    let is_measure = row.kind() == ItemKind::Measure;
    let text = |t: &Option<String>| t.clone().unwrap_or_default();
    Line {
        item: row.id,
        year: row.year,
        measure: if is_measure {
            measure_cell(row.title.as_deref(), &row.text)
        } else {
            String::new()
        },
        leader: text(&row.owner.leader),
        owner_dept: text(&row.owner.owner_dept),
        co_depts: row.owner.co_depts.join("、"),
        owner_person: text(&row.owner.owner_person),
        deadline: if is_measure { row.deadline } else { None },
        progress: progress_text,
        status: row.standing(),
        closed_on: row.closed_on(),
        evidence,
        note: note.join("；"),
        overdue: row.days_overdue.is_some(),
    }
}

/// 整改措施 as written: the text, which gives its title back when the title is its first
/// sentence (`强化理论武装。每季度…`, the ledger reader's heading rule); else the title marked
/// before it, `【深化学用结合】每月开展…`, which the reader takes off again.
pub fn measure_cell(title: Option<&str>, text: &str) -> String {
    match title {
        Some(title) if title_of(text).as_deref() == Some(title) => text.to_string(),
        Some(title)
            if !title.contains('】')
                && !title.trim().is_empty()
                && title.trim() == title
                && title.chars().count() <= TITLE_CHARS =>
        {
            format!("【{title}】{text}")
        }
        _ => text.to_string(),
    }
}

fn cell_entries(entries: &[ProgressEntry]) -> Vec<CellEntry> {
    entries
        .iter()
        .map(|e| CellEntry {
            date: e.date,
            status: e.status,
            note: e.note.clone(),
            evidence: e.evidence.iter().map(|v| v.reference.clone()).collect(),
        })
        .collect()
}

/// The sheet name for a sheet: its year alone when there is one unit, else unit and year; at most
/// 31 characters, without the characters Excel refuses, and unique.
pub fn sheet_names(sheets: &[Sheet]) -> Vec<String> {
    let one_unit = sheets.windows(2).all(|w| w[0].unit == w[1].unit);
    let mut names: Vec<String> = Vec::new();
    let mut taken: HashSet<String> = HashSet::new();
    for s in sheets {
        let base = if one_unit {
            format!("{}年度", s.year)
        } else {
            format!("{}{}", s.unit, s.year)
        };
        let clean: String = base
            .chars()
            .map(|c| if "[]:*?/\\".contains(c) { '_' } else { c })
            .collect();
        let mut name: String = clean
            .chars()
            .rev()
            .take(31)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        let mut n = 2;
        while taken.contains(&name) {
            let suffix = format!("({n})");
            let keep = 31 - suffix.chars().count();
            name = clean.chars().take(keep).collect::<String>() + &suffix;
            n += 1;
        }
        taken.insert(name.clone());
        names.push(name);
    }
    names
}

/// The date a sheet is as of, as the title shows it: （截至2026年1月15日）.
pub fn as_of_text(as_of: NaiveDate) -> String {
    use chrono::Datelike;
    format!(
        "（截至{}年{}月{}日）",
        as_of.year(),
        as_of.month(),
        as_of.day()
    )
}

#[cfg(test)]
mod tests;

//! Reading the rows below the header into problems and measures: which rows a problem spans,
//! when a measure repeated under two problems is one, what status and deadline a row states,
//! and which rows cannot be read.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::cells::{non_empty, parse_year, split_evidence, split_list, split_title};
use super::title::above_header;
use super::{
    Header, Ledger, LedgerMeasure, LedgerProblem, RowOutcome, RowScope, RowTrouble, RowWarning,
};
use crate::exchange::columns::Field;
use crate::exchange::deadline;
use crate::exchange::entries::{self, CellEntry};
use crate::exchange::grid::{serial_date, Cell, Grid};
use crate::exchange::layout::CLOSED;
use crate::exchange::words::{is_only_the_word, status_of};
use crate::model::WordedDeadline;
use crate::model::{Owner, Status};

/// Reads a sheet whose header has been found.
pub fn read(grid: &Grid, header: &Header) -> Ledger {
    let mut reader = RowReader::new(grid, header);
    for row in header.last_row + 1..grid.rows.len() {
        reader.row(row);
    }
    let (title, unit, year) = above_header(grid, header.first_row);
    Ledger {
        sheet: grid.sheet.clone(),
        header_row: header.last_row + 1,
        columns: header
            .columns
            .iter()
            .map(|(_, f, t)| (*f, t.clone()))
            .collect(),
        title,
        unit,
        year,
        problems: reader.problems,
        measures: reader.measures,
        warnings: reader.warnings,
    }
}

/// The year of `2024年度工作总结`, the 问题来源 `export` writes; other sources name no year.
fn source_year(text: &str) -> Option<i32> {
    let year = text.strip_suffix("年度工作总结")?;
    (year.len() == 4).then(|| parse_year(year).ok().flatten())?
}

/// The outcome of dated entries: the last one's status, note and evidence, with them all.
fn from_entries(entries: Vec<CellEntry>, closed_on: Option<NaiveDate>) -> Option<RowOutcome> {
    let last = entries.last()?.clone();
    Some(RowOutcome {
        status: last.status,
        note: last.note,
        evidence: last.evidence,
        closed_on,
        entries,
    })
}

/// The group of rows a problem spans.
struct Group {
    seq: String,
    text: String,
    problem: Option<usize>,
}

struct RowReader<'a> {
    grid: &'a Grid,
    header: &'a Header,
    group: Option<Group>,
    problems: Vec<LedgerProblem>,
    measures: Vec<LedgerMeasure>,
    warnings: Vec<RowWarning>,
    problem_keys: HashMap<(RowScope, String), usize>,
    measure_keys: HashMap<(RowScope, String, String), usize>,
}

impl<'a> RowReader<'a> {
    fn new(grid: &'a Grid, header: &'a Header) -> Self {
        RowReader {
            grid,
            header,
            group: None,
            problems: vec![],
            measures: vec![],
            warnings: vec![],
            problem_keys: HashMap::new(),
            measure_keys: HashMap::new(),
        }
    }

    fn cell(&self, row: usize, field: Field) -> &'a Cell {
        match self.header.col(field) {
            Some(c) => self.grid.value(row, c),
            None => &Cell::Empty,
        }
    }

    fn text(&self, row: usize, field: Field) -> String {
        self.cell(row, field).text()
    }

    fn warn(&mut self, row: usize, kind: RowTrouble) {
        self.warnings.push(RowWarning { row: row + 1, kind });
    }

    fn row(&mut self, row: usize) {
        let used: Vec<usize> = self.header.columns.iter().map(|(c, _, _)| *c).collect();
        if used.iter().all(|&c| self.grid.value(row, c).is_empty()) {
            return;
        }
        if let Some(note) = self.note_line(row, &used) {
            self.warn(row, RowTrouble::Note(note));
            return;
        }
        let year_text = self.text(row, Field::Year);
        let year = match parse_year(&year_text) {
            Ok(year) => year,
            Err(()) => return self.warn(row, RowTrouble::BadYear(year_text)),
        };
        let unit = Some(self.text(row, Field::Unit)).filter(|u| !u.is_empty());
        let scope = RowScope { unit, year };
        let seq = self.text(row, Field::Seq);
        let problem_text = self.text(row, Field::Problem);
        let measure_text = self.text(row, Field::Measure);
        if problem_text.is_empty() && measure_text.is_empty() {
            return self.warn(row, RowTrouble::NoItem);
        }
        self.enter_group(row, &scope, seq, problem_text);
        let (outcome, trouble) = self.outcome(row);
        if let Some(trouble) = trouble {
            self.warn(row, trouble);
        }
        if measure_text.is_empty() {
            let deadline = self.text(row, Field::Deadline);
            if !deadline.is_empty() {
                self.warn(row, RowTrouble::DeadlineWithoutMeasure(deadline));
            }
            if let Some(p) = self.group.as_ref().and_then(|g| g.problem) {
                if self.problems[p].outcome.is_none() {
                    self.problems[p].outcome = outcome;
                }
            }
            return;
        }
        let deadline = match self.deadline(row) {
            Ok(deadline) => deadline,
            Err(text) => return self.warn(row, RowTrouble::BadDeadline(text)),
        };
        let owner = Owner {
            leader: non_empty(self.text(row, Field::Leader)),
            owner_dept: non_empty(self.text(row, Field::OwnerDept)),
            co_depts: split_list(&self.text(row, Field::CoDepts)),
            owner_person: non_empty(self.text(row, Field::OwnerPerson)),
        };
        let key = (
            scope.clone(),
            measure_text.clone(),
            format!("{owner:?}|{}", self.text(row, Field::Deadline)),
        );
        let index = match self.measure_keys.get(&key) {
            Some(&index) => index,
            None => {
                let (title, text) = split_title(&measure_text);
                self.measures.push(LedgerMeasure {
                    row: row + 1,
                    scope,
                    title,
                    text,
                    owner,
                    deadline,
                    problems: vec![],
                    outcome,
                });
                self.measure_keys.insert(key, self.measures.len() - 1);
                self.measures.len() - 1
            }
        };
        if let Some(p) = self.group.as_ref().and_then(|g| g.problem) {
            if !self.measures[index].problems.contains(&p) {
                self.measures[index].problems.push(p);
            }
        }
    }

    /// Starts a new group for a new 序号 or problem text; else the row continues the current one.
    fn enter_group(&mut self, row: usize, scope: &RowScope, seq: String, text: String) {
        let same = self.group.as_ref().is_some_and(|g| {
            let same_seq = seq.is_empty() || seq == g.seq;
            if text.is_empty() {
                same_seq
            } else {
                same_seq && text == g.text
            }
        });
        if same {
            return;
        }
        let problem = if text.is_empty() {
            None
        } else {
            let key = (scope.clone(), text.clone());
            match self.problem_keys.get(&key) {
                Some(&index) => Some(index),
                None => {
                    self.problems.push(LedgerProblem {
                        row: row + 1,
                        scope: scope.clone(),
                        text: text.clone(),
                        category: non_empty(self.text(row, Field::Category)),
                        source_year: source_year(&self.text(row, Field::Source)),
                        outcome: None,
                    });
                    self.problem_keys.insert(key, self.problems.len() - 1);
                    Some(self.problems.len() - 1)
                }
            }
        };
        self.group = Some(Group { seq, text, problem });
    }

    /// A line merged across most of the sheet below the header: a footnote, not an item.
    fn note_line(&self, row: usize, used: &[usize]) -> Option<String> {
        let first = *used.iter().min()?;
        let region = self.grid.merge_at(row, first)?;
        let wide = region.width() >= 3 && region.width() * 2 >= used.len();
        (wide && region.first_row == region.last_row).then(|| self.grid.value(row, first).text())
    }

    fn deadline(&self, row: usize) -> Result<Option<WordedDeadline>, String> {
        match self.cell(row, Field::Deadline) {
            Cell::Empty => Ok(None),
            Cell::Date(d) => Ok(Some(WordedDeadline::Date(*d))),
            Cell::Number(n) if (20_000.0..80_000.0).contains(n) => serial_date(*n)
                .map(|d| Some(WordedDeadline::Date(d)))
                .ok_or_else(|| Cell::Number(*n).text()),
            cell => {
                let text = cell.text();
                deadline::parse(&text).map_err(|()| text)
            }
        }
    }

    /// The status the row reports. In a ledger with a 销号时间 column, dated lines in its
    /// progress cell (`2025-03-28 …`, as `export` writes them) are its entries, each with its status ([`entries::read`]); else its status
    /// cell, 已销号, or status words in its progress cell; a progress text without a status word
    /// means the work has started.
    fn outcome(&mut self, row: usize) -> (Option<RowOutcome>, Option<RowTrouble>) {
        let status_text = self.text(row, Field::Status);
        let progress_text = self.text(row, Field::Progress);
        let evidence_text = self.text(row, Field::Evidence);
        let closed_on = self.closed_on(row);
        let shown = status_of(&status_text).map(|(status, _)| status);
        // Only a ledger with a 销号时间 column (as `export` writes it) lists entries a line each;
        // in others a leading date is part of the free text, dated as `ingest::progress` says.
        let exported = self.header.col(Field::ClosedOn).is_some();
        let read = exported
            .then(|| entries::read(&progress_text, &evidence_text, shown))
            .flatten();
        if let Some(read) = read {
            let problem = from_entries(read.problem, None);
            if let (Some(outcome), Some(p)) = (problem, self.group.as_ref().and_then(|g| g.problem))
            {
                if self.problems[p].outcome.is_none() {
                    self.problems[p].outcome = Some(outcome);
                }
            }
            return (from_entries(read.own, closed_on), None);
        }
        let evidence = split_evidence(&evidence_text);
        let closed = self.text(row, Field::Closed);
        let closed = (closed.trim() == CLOSED).then_some((Status::Done, CLOSED));
        let found = status_of(&status_text)
            .or(closed)
            .or_else(|| status_of(&progress_text));
        let mut trouble = None;
        let (status, word) = match found {
            Some(found) => found,
            None if !status_text.is_empty() => {
                return (None, Some(RowTrouble::UnknownStatus(status_text)));
            }
            None if !progress_text.is_empty() || !evidence.is_empty() => (Status::InProgress, ""),
            None => return (None, None),
        };
        let note = [&progress_text, &status_text]
            .into_iter()
            .find(|t| !t.is_empty() && !is_only_the_word(t, word))
            .cloned();
        let note = match note {
            None if status == Status::Dropped => {
                let remark = self.text(row, Field::Note);
                Some(non_empty(remark).unwrap_or_else(|| format!("台账标注为“{word}”")))
            }
            note => note,
        };
        if status == Status::Dropped && note.is_none() {
            trouble = Some(RowTrouble::UnknownStatus(status_text));
        }
        let outcome = RowOutcome {
            status,
            note,
            evidence,
            closed_on,
            entries: vec![],
        };
        (Some(outcome), trouble)
    }

    /// The 销号时间 cell's date, if it holds one.
    fn closed_on(&self, row: usize) -> Option<NaiveDate> {
        match self.cell(row, Field::ClosedOn) {
            Cell::Date(d) => Some(*d),
            Cell::Number(n) if (20_000.0..80_000.0).contains(n) => serial_date(*n),
            cell => crate::model::parse_date(&cell.text()).ok(),
        }
    }
}

//! Understanding a ledger sheet: where its header is, what its columns hold, which rows are
//! problems and which are measures, and which rows cannot be read.
//!
//! Ledgers are kept in many shapes. A title row (and a 填报单位 line) may sit above the header; the
//! header may take two rows (责任主体 over 责任领导 / 责任单位 / 责任人); a problem spans the rows
//! of its measures, as one merged cell or repeated on each row or left blank below its first row.
//! A new 序号 or a new problem text starts a new problem. A measure written the same way under two
//! problems is one measure answering both. Nothing here touches the store: the result is plain
//! values, with each unreadable row reported by its number as people see it (1-based).

use std::collections::HashMap;

use super::columns::{field_of, Field};
use super::deadline::{self, CellDeadline};
use super::grid::{serial_date, Cell, Grid};
use super::words::{is_only_the_word, status_of};
use crate::model::{Owner, Status};

/// How far down a header row is looked for.
const HEADER_SEARCH_ROWS: usize = 30;

/// What a sheet holds.
#[derive(Debug, Clone, PartialEq)]
pub struct Ledger {
    pub sheet: String,
    /// The (last) header row, 1-based.
    pub header_row: usize,
    /// The columns understood, in sheet order, with the header text they were read from.
    pub columns: Vec<(Field, String)>,
    /// The title above the header, if any.
    pub title: Option<String>,
    /// The unit named above the header (填报单位：…, or the title), if any.
    pub unit: Option<String>,
    /// The year named in the title, if any.
    pub year: Option<i32>,
    pub problems: Vec<LedgerProblem>,
    pub measures: Vec<LedgerMeasure>,
    pub warnings: Vec<RowWarning>,
}

/// The unit and year a row states in columns of its own, in a roll-up ledger.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct RowScope {
    pub unit: Option<String>,
    pub year: Option<i32>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct LedgerProblem {
    pub row: usize,
    pub scope: RowScope,
    pub text: String,
    pub category: Option<String>,
    /// The status of a problem listed without measures.
    pub outcome: Option<RowOutcome>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct LedgerMeasure {
    pub row: usize,
    pub scope: RowScope,
    pub title: Option<String>,
    pub text: String,
    pub owner: Owner,
    /// `None` when the cell is empty (the default deadline applies).
    pub deadline: Option<CellDeadline>,
    /// Indices into [`Ledger::problems`] of the problems it answers.
    pub problems: Vec<usize>,
    pub outcome: Option<RowOutcome>,
}

/// The status a row reports, with its words and evidence.
#[derive(Debug, Clone, PartialEq)]
pub struct RowOutcome {
    pub status: Status,
    pub note: Option<String>,
    pub evidence: Vec<String>,
}

/// A row that could not be read, or only partly.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowWarning {
    pub row: usize,
    pub kind: RowTrouble,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RowTrouble {
    /// The deadline cell holds no deadline; the row's measure is left out.
    BadDeadline(String),
    /// The year cell holds no year; the row is left out.
    BadYear(String),
    /// The status cell holds no status word; the items are imported without a status.
    UnknownStatus(String),
    /// A deadline on a row without a measure; problems have no deadline of their own.
    DeadlineWithoutMeasure(String),
    /// Content, but neither a problem nor a measure.
    NoItem,
    /// A line across the sheet (填表人：…); not an item.
    Note(String),
}

/// The header: its last row (0-based) and each understood column.
#[derive(Debug, Clone, PartialEq)]
pub struct Header {
    pub first_row: usize,
    pub last_row: usize,
    pub columns: Vec<(usize, Field, String)>,
}

impl Header {
    fn col(&self, field: Field) -> Option<usize> {
        self.columns
            .iter()
            .find(|(_, f, _)| *f == field)
            .map(|(c, _, _)| *c)
    }
}

/// Finds the header of a sheet: the first row naming a problem or a measure column and at least
/// one other, together with a second row below it that names sub-columns.
pub fn find_header(grid: &Grid) -> Option<Header> {
    let width = grid.width();
    let fields_of = |row: usize| -> Vec<(usize, Field, String)> {
        (0..width)
            .filter_map(|c| {
                let text = grid.value(row, c).text();
                field_of(&text).map(|f| (c, f, text))
            })
            .collect()
    };
    let first_row = (0..grid.rows.len().min(HEADER_SEARCH_ROWS)).find(|&r| {
        let fields = fields_of(r);
        let mut distinct: Vec<Field> = fields.iter().map(|(_, f, _)| *f).collect();
        distinct.sort();
        distinct.dedup();
        distinct.len() >= 2
            && distinct
                .iter()
                .any(|f| matches!(f, Field::Problem | Field::Measure))
    })?;
    let mut columns = fields_of(first_row);
    let mut last_row = first_row;
    let below = first_row + 1;
    if below < grid.rows.len() && is_sub_header(grid, first_row, below, width) {
        let sub = fields_of(below);
        for (c, field, text) in sub {
            match columns.iter_mut().find(|(col, _, _)| *col == c) {
                Some(slot) => *slot = (c, field, text),
                None => columns.push((c, field, text)),
            }
        }
        columns.sort_by_key(|(c, _, _)| *c);
        last_row = below;
    }
    // The first column of each field wins; a merged header repeats its name over its columns.
    let mut seen = Vec::new();
    columns.retain(|(_, f, _)| {
        let fresh = !seen.contains(f);
        seen.push(*f);
        fresh
    });
    Some(Header {
        first_row,
        last_row,
        columns,
    })
}

/// A second header row: every cell is empty, names a column, or repeats the merged cell above.
fn is_sub_header(grid: &Grid, header: usize, row: usize, width: usize) -> bool {
    let mut names = 0;
    for c in 0..width {
        let cell = grid.value(row, c);
        if cell.is_empty() {
            continue;
        }
        let text = cell.text();
        let above = grid.value(header, c).text();
        if field_of(&text).is_some() && text != above {
            names += 1;
        } else if text != above {
            return false;
        }
    }
    names > 0
}

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
                self.measures.push(LedgerMeasure {
                    row: row + 1,
                    scope,
                    title: title_of(&measure_text),
                    text: measure_text,
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

    fn deadline(&self, row: usize) -> Result<Option<CellDeadline>, String> {
        match self.cell(row, Field::Deadline) {
            Cell::Empty => Ok(None),
            Cell::Date(d) => Ok(Some(CellDeadline::Date(*d))),
            Cell::Number(n) if (20_000.0..80_000.0).contains(n) => serial_date(*n)
                .map(|d| Some(CellDeadline::Date(d)))
                .ok_or_else(|| Cell::Number(*n).text()),
            cell => {
                let text = cell.text();
                deadline::parse(&text).map_err(|()| text)
            }
        }
    }

    /// The status the row reports: its status cell, else status words in its progress cell; a
    /// progress text without a status word means the work has started.
    fn outcome(&self, row: usize) -> (Option<RowOutcome>, Option<RowTrouble>) {
        let status_text = self.text(row, Field::Status);
        let progress_text = self.text(row, Field::Progress);
        let evidence = split_evidence(&self.text(row, Field::Evidence));
        let found = status_of(&status_text).or_else(|| status_of(&progress_text));
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
        };
        (Some(outcome), trouble)
    }
}

/// The title, unit and year stated above the header.
fn above_header(grid: &Grid, header_row: usize) -> (Option<String>, Option<String>, Option<i32>) {
    let lines: Vec<String> = (0..header_row)
        .map(|r| {
            let mut texts: Vec<String> = Vec::new();
            for c in 0..grid.rows[r].len() {
                let text = grid.value(r, c).text();
                if !text.is_empty() && texts.last() != Some(&text) {
                    texts.push(text);
                }
            }
            texts.join(" ")
        })
        .filter(|t| !t.is_empty())
        .collect();
    let stated = lines.iter().find_map(|l| labelled_unit(l));
    // The title is the line naming a year (附件2 above it is not); else the first plain line.
    let plain: Vec<&String> = lines
        .iter()
        .filter(|l| labelled_unit(l).is_none())
        .collect();
    let title = plain
        .iter()
        .find(|l| unit_and_year(l).1.is_some())
        .or(plain.first())
        .map(|l| l.to_string());
    let (title_unit, year) = title.as_deref().map(unit_and_year).unwrap_or_default();
    (title, stated.or(title_unit), year)
}

/// `填报单位：临江市财政局  填报时间：…` → 临江市财政局.
fn labelled_unit(line: &str) -> Option<String> {
    let at = ["填报单位", "单位名称", "单位"]
        .iter()
        .find_map(|label| line.find(label).map(|i| i + label.len()))?;
    let rest = line[at..]
        .trim_start()
        .strip_prefix([':', '：'])?
        .trim_start();
    let end = rest
        .find(|c: char| c.is_whitespace() || c == '\u{3000}')
        .unwrap_or(rest.len());
    let unit = rest[..end].trim_end_matches(['（', '(']);
    let unit = unit.split(['（', '(']).next().unwrap_or(unit).trim();
    non_empty(unit.to_string())
}

/// The unit and year a title or file name states: `临江市财政局2024年度问题整改台账` →
/// (临江市财政局, 2024).
pub fn unit_and_year(title: &str) -> (Option<String>, Option<i32>) {
    let chars: Vec<(usize, char)> = title.char_indices().collect();
    for (i, window) in chars.windows(5).enumerate() {
        let digits = window[..4].iter().all(|(_, c)| c.is_ascii_digit());
        if !(digits && window[4].1 == '年') {
            continue;
        }
        let start = window[0].0;
        let Ok(year) = title[start..start + 4].parse::<i32>() else {
            continue;
        };
        if !crate::model::YEARS.contains(&year) || (i > 0 && chars[i - 1].1.is_ascii_digit()) {
            continue;
        }
        let prefix = title[..start].trim();
        let prefix = prefix
            .trim_start_matches(|c: char| "附件".contains(c) || c.is_ascii_digit())
            .trim_start_matches([':', '：', ' ', '\u{3000}'])
            .trim_end_matches(['：', ':', '（', '(', ' ', '\u{3000}']);
        return (non_empty(prefix.to_string()), Some(year));
    }
    (None, None)
}

fn parse_year(text: &str) -> Result<Option<i32>, ()> {
    if text.is_empty() {
        return Ok(None);
    }
    let digits = text.trim_end_matches("年度").trim_end_matches('年');
    match digits.parse::<i32>() {
        Ok(year) if crate::model::YEARS.contains(&year) => Ok(Some(year)),
        _ => Err(()),
    }
}

/// A measure's heading: a short first sentence before 。 when more follows (强化理论武装。…).
fn title_of(text: &str) -> Option<String> {
    let (head, rest) = text.split_once('。')?;
    let short = (2..=15).contains(&head.chars().count());
    let plain = !head.contains(['，', ',', '；', ';', '：', ':']);
    (short && plain && !rest.trim().is_empty()).then(|| head.to_string())
}

/// 办公室、人事科 / 办公室，人事科 / one per line → the departments, in order.
fn split_list(text: &str) -> Vec<String> {
    text.split(['、', '，', ',', '；', ';', '/', '\n'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

/// Evidence references, one per line or separated by semicolons.
fn split_evidence(text: &str) -> Vec<String> {
    text.split(['\n', '；', ';'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

fn non_empty(text: String) -> Option<String> {
    let trimmed = text.trim();
    (!trimmed.is_empty()).then(|| trimmed.to_string())
}

#[cfg(test)]
mod tests;

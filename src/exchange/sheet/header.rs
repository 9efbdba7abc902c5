//! Finding a ledger's header: the row naming a problem or measure column and another, and a
//! second row below it when the header takes two (责任主体 over 责任领导 / 责任单位 / 责任人).

use crate::exchange::columns::{field_of, Field};
use crate::exchange::grid::Grid;

/// How far down a header row is looked for.
const HEADER_SEARCH_ROWS: usize = 30;

/// The header: its last row (0-based) and each understood column.
#[derive(Debug, Clone, PartialEq)]
pub struct Header {
    pub first_row: usize,
    pub last_row: usize,
    pub columns: Vec<(usize, Field, String)>,
}

impl Header {
    pub(super) fn col(&self, field: Field) -> Option<usize> {
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

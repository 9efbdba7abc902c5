//! Terminal tables: comfy-table with the UTF-8 style, fitted to the terminal width.

use comfy_table::{presets, ColumnConstraint, ContentArrangement, Table};
use unicode_width::UnicodeWidthStr;

use super::cells::escape_controls;

/// A column header and whether its cells may wrap.
#[derive(Debug, Clone, Copy)]
pub struct TableColumn<'a> {
    pub label: &'a str,
    pub wrap: bool,
}

/// Renders a table that fits the terminal (control characters in cells shown escaped): the width of the terminal when printing to one, else
/// `$COLUMNS`, else no limit. Columns marked `wrap: false` (ids, dates) never break; the others
/// wrap inside their cells. Widths count CJK characters as two columns.
pub fn render(columns: &[TableColumn<'_>], rows: Vec<Vec<String>>) -> String {
    build(columns, rows).to_string()
}

/// Like [`render`], for tables of figures: columns that do not wrap are right-aligned and
/// unpadded, so a dozen counts fit beside a name in 80 columns.
pub fn render_figures(columns: &[TableColumn<'_>], rows: Vec<Vec<String>>) -> String {
    let mut table = build(columns, rows);
    for (index, column) in columns.iter().enumerate() {
        if !column.wrap {
            if let Some(col) = table.column_mut(index) {
                col.set_padding((0, 0));
                col.set_cell_alignment(comfy_table::CellAlignment::Right);
            }
        }
    }
    table.to_string()
}

fn build(columns: &[TableColumn<'_>], rows: Vec<Vec<String>>) -> Table {
    let mut table = Table::new();
    table
        .load_style(presets::UTF8_FULL)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_header(
            columns
                .iter()
                .map(|c| escape_controls(c.label).into_owned()),
        );
    if let Some(width) = columns_from_env() {
        table.set_width(width);
    }
    for row in rows {
        table.add_row(row.iter().map(|cell| escape_controls(cell).into_owned()));
    }
    for (index, column) in columns.iter().enumerate() {
        if !column.wrap {
            if let Some(col) = table.column_mut(index) {
                col.set_constraint(ColumnConstraint::ContentWidth);
            }
        }
    }
    table
}

fn columns_from_env() -> Option<u16> {
    std::env::var("COLUMNS")
        .ok()?
        .trim()
        .parse()
        .ok()
        .filter(|w| *w >= 20)
}

/// Shortens `text` to at most `max` display columns, ending with … when cut (control
/// characters escaped first, so they are counted as shown).
pub fn shorten(text: &str, max: usize) -> String {
    let text = escape_controls(text);
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.width() <= max {
        return flat;
    }
    let mut out = String::new();
    let mut used = 0;
    for ch in flat.chars() {
        let w = unicode_width::UnicodeWidthChar::width(ch).unwrap_or(0);
        if used + w + 1 > max {
            break;
        }
        out.push(ch);
        used += w;
    }
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shorten_counts_chinese_characters_as_two_columns() {
        assert_eq!(shorten("理论学习不够深入", 9), "理论学习…");
        assert_eq!(shorten("短", 9), "短");
        assert_eq!(shorten("a  b\nc", 9), "a b c");
    }
}

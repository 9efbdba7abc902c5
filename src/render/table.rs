//! Terminal tables: comfy-table with the UTF-8 style, fitted to the terminal width, with the
//! colour of their lights laid over them after fitting (see `paint`). The one place the terminal
//! is looked at: its width ([`width`]) and whether to colour ([`colour_wanted`]).

use comfy_table::{presets, ColumnConstraint, ContentArrangement, Table};
use unicode_width::UnicodeWidthStr;

use super::cells::escape_controls;
use super::paint::{ColorChoice, Paint, Tone};
use super::wrap::{max_line_width, wrap};

/// A column header and whether its cells may wrap.
#[derive(Debug, Clone, Copy)]
pub struct TableColumn<'a> {
    pub label: &'a str,
    pub wrap: bool,
    /// Left out, before the rows fall back to blocks, when a terminal table is too narrow for
    /// every column (`最近进展` in `status`: `show` and the block layout have it).
    pub spare: bool,
}

/// A cell of a table for people: its text and the tone it is coloured in, if any (the colour is
/// laid over the text after the table is fitted, so it takes no width).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Cell {
    pub text: String,
    pub tone: Option<Tone>,
}

impl Cell {
    pub fn toned(text: String, tone: Option<Tone>) -> Cell {
        Cell { text, tone }
    }
}

impl From<String> for Cell {
    fn from(text: String) -> Cell {
        Cell { text, tone: None }
    }
}

fn plain(rows: Vec<Vec<String>>) -> Vec<Vec<Cell>> {
    rows.into_iter()
        .map(|row| row.into_iter().map(Cell::from).collect())
        .collect()
}

/// Below this many columns a table is printed as a list, one block a row.
pub const LIST_BELOW: usize = 70;

/// Narrowest a wrapping column may get in a table before the list layout is used instead.
const MIN_WRAP_WIDTH: usize = 10;

/// Renders rows for a terminal (control characters in cells shown escaped), fitted to the
/// width: `$COLUMNS`, else the terminal's when printing to one, else no limit (so piped output
/// keeps one stable layout). Columns marked `wrap: false` (ids, dates) never break; the text
/// columns share the room that is left and wrap by display width (a Chinese character is two
/// columns) without starting a line with closing punctuation. Narrower than [`LIST_BELOW`], or
/// when the text columns would be crushed, each row is printed as a block of `label：value`
/// lines instead.
pub fn render(columns: &[TableColumn<'_>], rows: Vec<Vec<String>>) -> String {
    fitted(columns, plain(rows), false, width(), Paint::OFF)
}

/// Like [`render`], with cells that may carry a tone, coloured when `paint` is on.
pub fn render_painted(columns: &[TableColumn<'_>], rows: Vec<Vec<Cell>>, paint: Paint) -> String {
    fitted(columns, rows, false, width(), paint)
}

/// Like [`render_painted`], for tables of figures: columns that do not wrap are right-aligned and
/// unpadded, so a dozen counts fit beside a name in 80 columns.
pub fn render_figures(columns: &[TableColumn<'_>], rows: Vec<Vec<Cell>>, paint: Paint) -> String {
    fitted(columns, rows, true, width(), paint)
}

/// A line of prose for the terminal, wrapped to its width (as tables are fitted); parts with a
/// tone are coloured after wrapping when `paint` is on.
pub fn prose(parts: &[(&str, Option<Tone>)], paint: Paint) -> String {
    let width = width();
    paint
        .fitted(parts, |text| match width {
            Some(width) => wrap(text, width),
            None => vec![text.to_string()],
        })
        .join("\n")
}

/// The width to fit: `$COLUMNS`, else the terminal's, else none.
pub fn width() -> Option<usize> {
    columns_from_env().or_else(|| {
        use std::io::IsTerminal;
        std::io::stdout()
            .is_terminal()
            .then(|| Table::new().width())
            .flatten()
            .map(usize::from)
    })
}

/// Whether to colour (`--color`): `always` does and `never` does not; `auto` colours when
/// standard output is a terminal (or `CLICOLOR_FORCE` is set and not `0`), unless `NO_COLOR` is
/// set to anything (no-color.org). Read here, beside the width, like every look at the terminal.
pub fn colour_wanted(choice: ColorChoice) -> bool {
    use std::io::IsTerminal;
    let set = |name: &str| std::env::var_os(name).filter(|v| !v.is_empty());
    colour_decided(
        choice,
        set("NO_COLOR").is_some(),
        set("CLICOLOR_FORCE").is_some_and(|v| v != "0"),
        || std::io::stdout().is_terminal(),
    )
}

fn colour_decided(
    choice: ColorChoice,
    no_color: bool,
    forced: bool,
    terminal: impl FnOnce() -> bool,
) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => !no_color && (forced || terminal()),
    }
}

fn fitted(
    columns: &[TableColumn<'_>],
    rows: Vec<Vec<Cell>>,
    figures: bool,
    width: Option<usize>,
    paint: Paint,
) -> String {
    let rows: Vec<Vec<Cell>> = rows
        .into_iter()
        .map(|row| {
            row.into_iter()
                .map(|c| Cell {
                    text: escape_controls(&c.text).into_owned(),
                    tone: c.tone,
                })
                .collect()
        })
        .collect();
    let Some(width) = width else {
        return build(columns, rows, figures, paint).to_string();
    };
    // In a fitted table a column with nothing in it only takes room from the text.
    let used: Vec<bool> = (0..columns.len())
        .map(|i| {
            i == 0
                || rows
                    .iter()
                    .any(|r| r.get(i).is_some_and(|c| !c.text.trim().is_empty()))
        })
        .collect();
    let columns: Vec<TableColumn<'_>> = columns
        .iter()
        .zip(&used)
        .filter(|(_, &u)| u)
        .map(|(c, _)| *c)
        .collect();
    let rows: Vec<Vec<Cell>> = rows
        .into_iter()
        .map(|row| {
            row.into_iter()
                .zip(&used)
                .filter(|(_, &u)| u)
                .map(|(c, _)| c)
                .collect()
        })
        .collect();
    let columns = columns.as_slice();
    if width < LIST_BELOW {
        return list(columns, &rows, width, paint);
    }
    // Too narrow for every column: try again without the spare ones before giving up the table.
    let mut columns = columns.to_vec();
    let mut rows = rows;
    let mut fit = widths(&columns, &rows, figures, width);
    if fit.is_none() && columns.iter().any(|c| c.spare) {
        let keep: Vec<bool> = columns.iter().map(|c| !c.spare).collect();
        let narrower: Vec<TableColumn<'_>> = columns.iter().filter(|c| !c.spare).copied().collect();
        let fewer: Vec<Vec<Cell>> = rows
            .iter()
            .map(|row| {
                row.iter()
                    .zip(&keep)
                    .filter(|(_, &k)| k)
                    .map(|(c, _)| c.clone())
                    .collect()
            })
            .collect();
        if let Some(w) = widths(&narrower, &fewer, figures, width) {
            (columns, rows, fit) = (narrower, fewer, Some(w));
        }
    }
    let columns = columns.as_slice();
    match fit {
        Some(widths) => {
            let wrapped = rows
                .iter()
                .map(|row| {
                    row.iter()
                        .zip(columns)
                        .zip(&widths)
                        .map(|((cell, column), &w)| match column.wrap {
                            true => Cell::toned(wrap(&cell.text, w).join("\n"), cell.tone),
                            false => cell.clone(),
                        })
                        .collect()
                })
                .collect();
            build(columns, wrapped, figures, paint).to_string()
        }
        None => list(columns, &rows, width, paint),
    }
}

/// The content width of each column in a table `width` columns wide, or `None` when the text
/// columns would get less than [`MIN_WRAP_WIDTH`].
fn widths(
    columns: &[TableColumn<'_>],
    rows: &[Vec<Cell>],
    figures: bool,
    width: usize,
) -> Option<Vec<usize>> {
    let need: Vec<usize> = columns
        .iter()
        .enumerate()
        .map(|(i, c)| {
            rows.iter()
                .filter_map(|r| r.get(i))
                .map(|cell| max_line_width(&cell.text))
                .chain(std::iter::once(c.label.width()))
                .max()
                .unwrap_or(0)
        })
        .collect();
    // Borders, plus one space of padding each side (none for figures that do not wrap).
    let padding: usize = columns
        .iter()
        .map(|c| if figures && !c.wrap { 0 } else { 2 })
        .sum();
    let fixed: usize = columns
        .iter()
        .zip(&need)
        .filter(|(c, _)| !c.wrap)
        .map(|(_, n)| n)
        .sum();
    let mut room = width.checked_sub(columns.len() + 1 + padding + fixed)?;
    let mut out: Vec<usize> = need.clone();
    // The text columns share the room: each gets what it needs or an equal share of what is
    // left, whichever is less.
    let mut open: Vec<usize> = (0..columns.len()).filter(|&i| columns[i].wrap).collect();
    while !open.is_empty() {
        let share = room / open.len();
        let (small, large): (Vec<usize>, Vec<usize>) =
            open.iter().partition(|&&i| need[i] <= share);
        if small.is_empty() {
            for (k, &i) in large.iter().enumerate() {
                // The remainder goes to the first columns.
                out[i] = share + usize::from(k < room % large.len());
            }
            break;
        }
        for &i in &small {
            out[i] = need[i];
            room -= need[i];
        }
        open = large;
    }
    let crushed = columns
        .iter()
        .zip(&out)
        .zip(&need)
        .any(|((c, &w), &n)| c.wrap && w < n.min(MIN_WRAP_WIDTH));
    (!crushed).then_some(out)
}

/// Each row as a block: its first cell, then `label：value` for every other cell that is not
/// empty, wrapped under the value; a blank line between blocks. Each line is coloured after it
/// is wrapped.
fn list(columns: &[TableColumn<'_>], rows: &[Vec<Cell>], width: usize, paint: Paint) -> String {
    let mut blocks = Vec::new();
    for row in rows {
        let mut lines = Vec::new();
        let mut cells = row.iter().zip(columns);
        if let Some((first, _)) = cells.next() {
            lines.extend(
                wrap(&first.text, width)
                    .iter()
                    .map(|line| paint.text(first.tone, line)),
            );
        }
        for (cell, column) in cells {
            let value = cell.text.trim();
            if value.is_empty() {
                continue;
            }
            // A two-line header (查摆\n问题) is one label here.
            let label: String = column.label.split('\n').map(str::trim).collect();
            let head = format!("  {label}：");
            let indent = head.width();
            let body = wrap(&value.replace('\n', " "), width.saturating_sub(indent));
            for (k, line) in body.iter().enumerate() {
                let lead = if k == 0 {
                    head.clone()
                } else {
                    " ".repeat(indent)
                };
                lines.push(format!("{lead}{}", paint.text(cell.tone, line)));
            }
        }
        blocks.push(lines.join("\n"));
    }
    blocks.join("\n\n")
}

/// The comfy-table of fitted rows. Cells with a tone are coloured by comfy-table after it has
/// padded them (so colour takes no width), and only when `paint` is on: it never looks at the
/// terminal itself.
fn build(columns: &[TableColumn<'_>], rows: Vec<Vec<Cell>>, figures: bool, paint: Paint) -> Table {
    let mut table = Table::new();
    if paint.is_on() {
        table.enforce_styling().style_text_only();
    } else {
        table.force_no_tty();
    }
    table
        .load_style(presets::UTF8_FULL)
        .set_content_arrangement(ContentArrangement::Disabled)
        .set_header(
            columns
                .iter()
                .map(|c| escape_controls(c.label).into_owned()),
        );
    for row in rows {
        table.add_row(row.into_iter().map(|cell| {
            let styled = comfy_table::Cell::new(cell.text);
            match cell.tone.filter(|_| paint.is_on()) {
                Some(tone) => styled.fg(tone.table_color()),
                None => styled,
            }
        }));
    }
    for (index, column) in columns.iter().enumerate() {
        if let Some(col) = table.column_mut(index) {
            if !column.wrap {
                col.set_constraint(ColumnConstraint::ContentWidth);
                if figures {
                    col.set_padding((0, 0));
                    col.set_cell_alignment(comfy_table::CellAlignment::Right);
                }
            }
        }
    }
    table
}

fn columns_from_env() -> Option<usize> {
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
    fn auto_colours_a_terminal_unless_no_color_is_set_and_always_and_never_decide_alone() {
        use ColorChoice::{Always, Auto, Never};
        assert!(colour_decided(Auto, false, false, || true));
        assert!(!colour_decided(Auto, false, false, || false));
        assert!(!colour_decided(Auto, true, false, || true));
        assert!(colour_decided(Auto, false, true, || false));
        assert!(!colour_decided(Auto, true, true, || true));
        assert!(colour_decided(Always, true, false, || false));
        assert!(!colour_decided(Never, false, true, || true));
    }

    #[test]
    fn a_coloured_table_is_the_plain_table_with_colour_laid_over_its_cells() {
        let columns = [
            TableColumn {
                label: "编号",
                wrap: false,
                spare: false,
            },
            TableColumn {
                label: "预警",
                wrap: true,
                spare: false,
            },
        ];
        let rows = || {
            vec![vec![
                Cell::from("M1".to_string()),
                Cell::toned("逾期12天".to_string(), Some(Tone::Overdue)),
            ]]
        };
        let paint = Paint::new(true);
        let plain = fitted(&columns, rows(), false, Some(80), Paint::OFF);
        let coloured = fitted(&columns, rows(), false, Some(80), paint);
        let red = paint.text(Some(Tone::Overdue), "逾期12天");
        assert_ne!(coloured, plain);
        assert!(coloured.contains(&red), "{coloured}");
        assert_eq!(coloured.replace(&red, "逾期12天"), plain);
        let list = fitted(&columns, rows(), false, Some(40), paint);
        assert!(list.contains(&format!("  预警：{red}")), "{list}");
    }

    #[test]
    fn a_two_line_header_is_one_label_in_the_block_layout() {
        let columns = [
            TableColumn {
                label: "单位",
                wrap: false,
                spare: false,
            },
            TableColumn {
                label: "查摆\n问题",
                wrap: false,
                spare: false,
            },
        ];
        let rows = vec![vec![
            Cell::from("甲局".to_string()),
            Cell::from("6".to_string()),
        ]];
        assert_eq!(list(&columns, &rows, 40, Paint::OFF), "甲局\n  查摆问题：6");
    }

    #[test]
    fn shorten_counts_chinese_characters_as_two_columns() {
        assert_eq!(shorten("理论学习不够深入", 9), "理论学习…");
        assert_eq!(shorten("短", 9), "短");
        assert_eq!(shorten("a  b\nc", 9), "a b c");
    }
}

//! The supervising office's roll-up as text: the roll-up value rendered through a minijinja
//! template (the embedded default or the user's own), then as plain text with aligned tables,
//! Markdown with pipe tables, or a Word document with real tables.
//!
//! A template writes a table as lines of tab-separated cells (the first line of a run is the
//! header); everything else is worded as the single-unit report's templates are.

use minijinja::value::Serde;
use unicode_width::UnicodeWidthStr;

use super::cells::escape_controls;
use super::docx::{to_docx_parts, Block, DocMeta, Part};
use super::report::{self, template_error, tidy, LimitedOutput, Style};
use crate::analysis::rollup::Rollup;
use crate::error::Result;

/// The default roll-up template, embedded in the binary.
pub const DEFAULT_TEMPLATE: &str = include_str!("templates/rollup.zh.txt.j2");

/// A value fit for one table cell: no tabs or line breaks.
fn cell(text: &str) -> String {
    text.split(['\t', '\n', '\r'])
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Renders `rollup` through `template` (the default when `None`). Table rows keep their tabs;
/// see [`to_text`], [`to_markdown`] and [`to_word`] for the forms they take.
pub fn render(rollup: &Rollup, style: Style, template: Option<&str>) -> Result<String> {
    let mut env = report::environment(style);
    env.add_filter("cell", |s: String| cell(&s));
    let source = template.unwrap_or(DEFAULT_TEMPLATE);
    let mut output = LimitedOutput::default();
    env.template_from_str(source)
        .and_then(|t| {
            let context = minijinja::context! { rollup => Serde(rollup), style => style.code() };
            t.render_captured_to(context, &mut output).map(drop)
        })
        .map_err(|e| template_error(e, template.is_some(), output.exceeded))?;
    let rendered = String::from_utf8_lossy(&output.bytes);
    Ok(escape_controls(&tidy(&rendered)).into_owned())
}

/// A table row: a line holding a tab, split into trimmed cells.
fn row(line: &str) -> Option<Vec<String>> {
    line.contains('\t')
        .then(|| line.split('\t').map(|c| c.trim().to_string()).collect())
}

/// The rendered lines as document parts: runs of table rows become one table, the other lines
/// blocks as the single-unit report classifies them (title, 一、 headings, paragraphs).
pub fn parts(text: &str) -> Vec<Part> {
    let prose: Vec<&str> = text.lines().filter(|l| row(l).is_none()).collect();
    let mut blocks = report::blocks(&prose.join("\n")).into_iter();
    let mut parts: Vec<Part> = Vec::new();
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        match (row(line), parts.last_mut()) {
            (Some(cells), Some(Part::Table(rows))) => rows.push(cells),
            (Some(cells), _) => parts.push(Part::Table(vec![cells])),
            (None, _) => parts.extend(blocks.next().map(Part::Block)),
        }
    }
    parts
}

/// Plain text: table columns padded to their widest cell, two spaces apart.
pub fn to_text(text: &str) -> String {
    let mut out = String::new();
    for part in parts(text) {
        match part {
            Part::Block(block) => {
                out.push_str(block.text());
                out.push('\n');
            }
            Part::Table(rows) => {
                let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
                let widths: Vec<usize> = (0..columns)
                    .map(|c| {
                        rows.iter()
                            .filter_map(|r| r.get(c))
                            .map(|s| s.width())
                            .max()
                            .unwrap_or(0)
                    })
                    .collect();
                for r in &rows {
                    let mut line = String::new();
                    for (c, value) in r.iter().enumerate() {
                        line.push_str(value);
                        if c + 1 < r.len() {
                            line.push_str(&" ".repeat(widths[c] - value.width() + 2));
                        }
                    }
                    out.push_str(&line);
                    out.push('\n');
                }
            }
        }
    }
    out
}

/// Markdown: `#` title, `##` and `###` headings, paragraphs, and pipe tables.
pub fn to_markdown(text: &str) -> String {
    let mut out = String::new();
    for part in parts(text) {
        if !out.is_empty() {
            out.push('\n');
        }
        match part {
            Part::Block(block) => {
                let line = match &block {
                    Block::Title(t) => format!("# {t}"),
                    Block::Heading1(t) => format!("## {t}"),
                    Block::Heading2(t) => format!("### {t}"),
                    Block::Paragraph(t) => t.clone(),
                };
                out.push_str(&line);
                out.push('\n');
            }
            Part::Table(rows) => {
                let escape = |s: &String| s.replace('|', "\\|");
                for (i, r) in rows.iter().enumerate() {
                    let cells: Vec<String> = r.iter().map(escape).collect();
                    out.push_str(&format!("| {} |\n", cells.join(" | ")));
                    if i == 0 {
                        out.push_str(&format!("|{}\n", "---|".repeat(r.len())));
                    }
                }
            }
        }
    }
    out
}

/// The roll-up as a Word document in 公文 layout, its tables as Word tables.
pub fn to_word(text: &str, meta: &DocMeta) -> Result<Vec<u8>> {
    Ok(to_docx_parts(&parts(text), meta)?)
}

#[cfg(test)]
mod tests;

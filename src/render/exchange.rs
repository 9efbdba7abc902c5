//! What the exchange commands print: `export`, `merge`, `import --ledger` and `import --json`
//! (the file formats themselves are `crate::exchange`'s).
//!
//! People get short lines that fit 80 columns (long text is shortened, sentences are wrapped);
//! scripts get JSON or CSV with the stable keys documented in the README.
//!
//! Each command's output lives in a submodule named for it (`export`, `merges`, `ledger`); this
//! file holds what they share: wrapping to the terminal width and pretty JSON.

mod export;
mod ledger;
mod merges;

use std::io::{self, Write};

use serde::Serialize;
use unicode_width::UnicodeWidthChar;

pub use export::{print_export, ExportReport, SheetSummary};
pub use ledger::{
    date_trouble_text, print_ledger, too_early_text, trouble_text, unlinked_text, ItemRecord,
    LedgerReport, RowMessage, Unlinked,
};
pub use merges::{print_merges, MergeSummary};

/// Width human output is wrapped at.
const WIDTH: usize = 80;

/// Wraps `text` at [`WIDTH`] display columns, continuing lines with `indent`. Lines break after
/// punctuation or a space when they can, inside a word only when they must.
pub fn wrap(text: &str, indent: &str) -> String {
    let width = |t: &str| t.chars().map(|c| c.width().unwrap_or(0)).sum::<usize>();
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for ch in text.chars() {
        let limit = if lines.is_empty() {
            WIDTH
        } else {
            WIDTH - indent.len()
        };
        if width(&line) + ch.width().unwrap_or(0) > limit {
            // After Chinese punctuation, or at a space between two English words.
            let breaks = |i: usize, c: char| {
                "，、；：,;)）".contains(c)
                    || (c == ' '
                        && line[..i].ends_with(|p: char| p.is_ascii_alphanumeric())
                        && line[i + 1..].starts_with(|n: char| n.is_ascii_alphabetic()))
            };
            let cut = line
                .char_indices()
                .filter(|&(i, c)| breaks(i, c))
                .map(|(i, c)| i + c.len_utf8())
                .rfind(|&i| width(&line[..i]) * 2 > limit)
                .unwrap_or(line.len());
            let rest = line.split_off(cut);
            let done = std::mem::replace(&mut line, rest.trim_start().to_string());
            lines.push(done.trim_end().to_string());
        }
        line.push(ch);
    }
    lines.push(line);
    lines.join(&format!("\n{indent}"))
}

fn json(out: &mut dyn Write, value: &impl Serialize) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, value).map_err(io::Error::other)?;
    writeln!(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapping_breaks_after_punctuation_and_fits_the_width() {
        let text = format!("caizheng.db：新增{}", ["单位 1 个"; 12].join("，"));
        let wrapped = wrap(&text, "    ");
        for line in wrapped.lines() {
            let width: usize = line.chars().map(|c| c.width().unwrap_or(0)).sum();
            assert!(width <= WIDTH, "{line}");
            assert!(!line.trim_start().starts_with('个'), "{wrapped}");
        }
        assert!(wrapped.lines().next().unwrap().ends_with('，'));
        assert_eq!(wrap("短句", "  "), "短句");
    }
}

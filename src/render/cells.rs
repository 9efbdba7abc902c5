//! Cells that leave taizhang safe to look at: stored text may hold anything a summary or a
//! ledger carried, so control characters are shown escaped on the terminal and in reports, and a
//! CSV cell a spreadsheet would evaluate as a formula is written as text.
//!
//! Each output path calls these in one place (table cells in `table`, the report text in
//! `report`, every CSV writer through [`CsvWriter`]); JSON needs nothing, serde escapes it.

use std::borrow::Cow;
use std::io::{self, Write};

/// True for the characters never sent raw: C0 controls except newline and tab, DEL, and C1.
fn is_hidden_control(c: char) -> bool {
    matches!(c, '\u{0}'..='\u{1f}' | '\u{7f}'..='\u{9f}') && c != '\n' && c != '\t'
}

/// `text` with each control character (ESC, NUL, CR, DEL, C1…) written as `\x1b`; newlines and
/// tabs are kept.
pub fn escape_controls(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_hidden_control) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if is_hidden_control(c) {
            out.push_str(&format!("\\x{:02x}", c as u32));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// True when Excel or WPS would evaluate `cell` as a formula: it starts (after spaces, tabs or
/// carriage returns) with `=`, `+` or `@`, or with `-` followed by something other than a digit
/// (so `-3` and `-0.5` stay numbers).
fn looks_like_formula(cell: &str) -> bool {
    let rest = cell.trim_start_matches([' ', '\t', '\r']);
    let mut chars = rest.chars();
    match chars.next() {
        Some('=' | '+' | '@') => true,
        Some('-') => chars.next().is_some_and(|c| !c.is_ascii_digit()),
        _ => false,
    }
}

/// `cell` with a leading `'` when a spreadsheet would evaluate it, else as it is.
pub fn defuse(cell: &str) -> Cow<'_, str> {
    if looks_like_formula(cell) {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

/// The inverse of [`defuse`], for reading back a CSV this program wrote.
pub fn undefuse(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if looks_like_formula(rest) => rest,
        _ => cell,
    }
}

/// A CSV writer whose cells are [`defuse`]d: the one way taizhang writes CSV.
pub struct CsvWriter<W: Write>(csv::Writer<W>);

impl<W: Write> CsvWriter<W> {
    pub fn from_writer(out: W) -> Self {
        CsvWriter(csv::Writer::from_writer(out))
    }

    /// Writes one row.
    pub fn write_record<I, T>(&mut self, record: I) -> csv::Result<()>
    where
        I: IntoIterator<Item = T>,
        T: AsRef<str>,
    {
        let cells: Vec<String> = record
            .into_iter()
            .map(|c| defuse(c.as_ref()).into_owned())
            .collect();
        self.0.write_record(&cells)
    }

    pub fn flush(&mut self) -> io::Result<()> {
        self.0.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_and_other_controls_are_shown_escaped_but_newlines_and_tabs_are_kept() {
        assert_eq!(
            escape_controls("红\u{1b}[31m字\u{0}\r\u{7f}\u{85}\n\t"),
            "红\\x1b[31m字\\x00\\x0d\\x7f\\x85\n\t"
        );
        assert!(matches!(escape_controls("整改\n"), Cow::Borrowed(_)));
    }

    #[test]
    fn csv_cells_that_spreadsheets_would_evaluate_get_a_leading_quote_but_numbers_and_dates_do_not()
    {
        for formula in [
            "=1+2",
            "+86",
            "@SUM(A1)",
            "-cmd",
            "  =HYPERLINK(\"x\")",
            "\t=1",
            "\r-x",
        ] {
            assert_eq!(defuse(formula), format!("'{formula}"), "{formula:?}");
            assert_eq!(undefuse(&defuse(formula)), formula);
        }
        for plain in ["-3", "-0.5", "2025-06-30", "整改=完成", "-", "", "'quoted"] {
            assert_eq!(defuse(plain), plain, "{plain:?}");
            assert_eq!(undefuse(plain), plain);
        }
    }
}

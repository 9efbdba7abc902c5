//! The small shapes of output that are not lists of records ([`super::records::emit`] prints
//! those): one record for scripts or a sentence for people, and lines only people are shown.
//!
//! Commands ask these, never `--format` itself, which format gets what: every switch on
//! [`Format`] lives in `render`.

use std::io::{self, Write};

use serde::Serialize;

use super::Format;

impl Format {
    /// Whether the output is read by people (a table or Markdown), not by scripts (JSON, CSV):
    /// hints, notes and confirmations are shown only then.
    pub fn for_people(self) -> bool {
        matches!(self, Format::Table | Format::Md)
    }

    /// Whether the output is JSON (a command that prints text for everything else asks this).
    pub fn is_json(self) -> bool {
        self == Format::Json
    }

    /// Whether the output is Markdown (a report is then written as Markdown).
    pub fn is_markdown(self) -> bool {
        self == Format::Md
    }

    /// Whether the output is a terminal table, the one format that may be coloured.
    pub fn is_table(self) -> bool {
        self == Format::Table
    }
}

/// One record: a pretty JSON object, a CSV header with one row, or `sentence` for people.
pub fn one_record(
    out: &mut dyn Write,
    format: Format,
    value: &impl Serialize,
    csv: (&[&str], Vec<String>),
    sentence: &str,
) -> io::Result<()> {
    match format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut *out, value).map_err(io::Error::other)?;
            writeln!(out)
        }
        Format::Csv => {
            let mut w = super::cells::CsvWriter::from_writer(out);
            w.write_record(csv.0)?;
            w.write_record(csv.1)?;
            w.flush()
        }
        Format::Table | Format::Md => writeln!(out, "{sentence}"),
    }
}

/// Writes `line` only when people read the output (see [`Format::for_people`]).
pub fn for_people(out: &mut dyn Write, format: Format, line: &str) -> io::Result<()> {
    if format.for_people() {
        writeln!(out, "{line}")?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn printed(format: Format) -> String {
        let mut out = Vec::new();
        one_record(
            &mut out,
            format,
            &serde_json::json!({"path": "a.db"}),
            (&["path"], vec!["=a.db".to_string()]),
            "已创建",
        )
        .unwrap();
        for_people(&mut out, format, "提示").unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn one_record_is_an_object_a_csv_row_or_a_sentence_and_hints_are_for_people_only() {
        assert_eq!(printed(Format::Json), "{\n  \"path\": \"a.db\"\n}\n");
        assert_eq!(printed(Format::Csv), "path\n'=a.db\n");
        assert_eq!(printed(Format::Table), "已创建\n提示\n");
        assert_eq!(printed(Format::Md), "已创建\n提示\n");
    }
}

//! Printing records a few at a time, so that a whole-store output never has to be held in
//! memory: a JSON array written element by element, CSV and Markdown with one header. The bytes
//! are those [`super::records::emit`] writes for all the records at once.

use std::io::{self, Write};

use super::cells::CsvWriter;
use super::records::{markdown_header, markdown_row, Record};
use super::{Format, Lang};

/// Where a stream of records of one type stands. The output is passed to each call, so that a
/// caller can write between them (a terminal table's captions); the records of every call must be
/// of the type the stream was started with.
#[derive(Debug)]
pub struct RecordStream {
    format: Format,
    lang: Lang,
    written: usize,
    /// The pretty JSON of one element, kept to be reused.
    buffer: Vec<u8>,
}

impl RecordStream {
    /// Writes what comes before the first record: `[` (JSON) or the header (CSV, Markdown). A
    /// terminal table writes nothing here; its rows are the caller's to lay out.
    pub fn start<T: Record>(out: &mut dyn Write, format: Format, lang: Lang) -> io::Result<Self> {
        match format {
            Format::Json => out.write_all(b"[")?,
            Format::Csv => {
                let mut writer = CsvWriter::from_writer(&mut *out);
                writer.write_record(T::CSV_HEADER)?;
                writer.flush()?;
            }
            Format::Md => {
                let labels: Vec<&str> = T::COLUMNS.iter().map(|c| lang.pick(c.zh, c.en)).collect();
                out.write_all(markdown_header(&labels).as_bytes())?;
            }
            Format::Table => {}
        }
        Ok(RecordStream {
            format,
            lang,
            written: 0,
            buffer: Vec::new(),
        })
    }

    /// How many records have been written.
    pub fn written(&self) -> usize {
        self.written
    }

    /// Writes `rows` (JSON, CSV or Markdown; a terminal table's rows are the caller's).
    pub fn push<T: Record>(&mut self, out: &mut dyn Write, rows: &[T]) -> io::Result<()> {
        match self.format {
            Format::Json => {
                for row in rows {
                    let separator: &[u8] = if self.written == 0 { b"\n  " } else { b",\n  " };
                    out.write_all(separator)?;
                    self.buffer.clear();
                    serde_json::to_writer_pretty(&mut self.buffer, row)
                        .map_err(io::Error::other)?;
                    // Inside the array every line of the element is indented once more; a JSON
                    // text has no raw line break but those of its layout.
                    let mut lines = self.buffer.split(|b| *b == b'\n');
                    if let Some(first) = lines.next() {
                        out.write_all(first)?;
                    }
                    for line in lines {
                        out.write_all(b"\n  ")?;
                        out.write_all(line)?;
                    }
                    self.written += 1;
                }
            }
            Format::Csv => {
                let mut writer = CsvWriter::from_writer(&mut *out);
                for row in rows {
                    writer.write_record(row.csv_row())?;
                }
                writer.flush()?;
                self.written += rows.len();
            }
            Format::Md => {
                for row in rows {
                    out.write_all(markdown_row(&row.human_row(self.lang, true)).as_bytes())?;
                }
                self.written += rows.len();
            }
            Format::Table => self.written += rows.len(),
        }
        Ok(())
    }

    /// Writes what comes after the last record: `]` and a line break (JSON).
    pub fn finish(&mut self, out: &mut dyn Write) -> io::Result<()> {
        match self.format {
            Format::Json if self.written == 0 => out.write_all(b"]\n"),
            Format::Json => out.write_all(b"\n]\n"),
            _ => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests;

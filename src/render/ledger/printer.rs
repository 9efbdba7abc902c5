//! Printing the status table a unit at a time: a whole-store `status` writes each unit's rows as
//! soon as they are computed, and the output is the same as if every row had been printed at once.

use std::io::{self, BufWriter, Write};

use chrono::NaiveDate;

use super::{LedgerRecord, DUE_SOON_DAYS};
use crate::render::paint::{Paint, Tone};
use crate::render::records::Record;
use crate::render::stream::RecordStream;
use crate::render::table::{self, TableColumn};
use crate::render::{Format, Lang};

/// Prints the status table. In a terminal, each unit and year gets a table of its own under a
/// caption line, which leaves the width of an 80-column terminal to the text; a count line closes
/// the output. With `paint` on, the lights are coloured (see [`LedgerRecord::painted_row`]), as are
/// the overdue and due-soon counts when not zero. `records` must be ordered by unit and year.
pub fn print(
    out: &mut dyn Write,
    format: Format,
    lang: Lang,
    paint: Paint,
    records: &[LedgerRecord<'_>],
    as_of: NaiveDate,
) -> io::Result<()> {
    let mut printer = LedgerPrinter::start(out, format, lang, paint, as_of)?;
    printer.push(records)?;
    printer.finish()
}

/// The status table being printed, piece by piece. Each piece must hold whole units and years
/// (a terminal table lays out each unit and year on its own), and the pieces must come in the
/// order of the rows.
pub struct LedgerPrinter<'o> {
    out: BufWriter<&'o mut dyn Write>,
    stream: RecordStream,
    format: Format,
    lang: Lang,
    paint: Paint,
    as_of: NaiveDate,
    overdue: usize,
    soon: usize,
}

impl<'o> LedgerPrinter<'o> {
    pub fn start(
        out: &'o mut dyn Write,
        format: Format,
        lang: Lang,
        paint: Paint,
        as_of: NaiveDate,
    ) -> io::Result<Self> {
        let mut out = BufWriter::with_capacity(1 << 16, out);
        let stream = RecordStream::start::<LedgerRecord<'_>>(&mut out, format, lang)?;
        Ok(LedgerPrinter {
            out,
            stream,
            format,
            lang,
            paint,
            as_of,
            overdue: 0,
            soon: 0,
        })
    }

    /// Prints the next rows.
    pub fn push(&mut self, records: &[LedgerRecord<'_>]) -> io::Result<()> {
        self.stream.push(&mut self.out, records)?;
        self.overdue += records.iter().filter(|r| r.overdue).count();
        self.soon += records
            .iter()
            .filter(|r| r.days_left.is_some_and(|d| d <= DUE_SOON_DAYS))
            .count();
        if self.format == Format::Table {
            self.tables(records)?;
        }
        Ok(())
    }

    /// A caption and a table for each unit and year of `records`.
    fn tables(&mut self, records: &[LedgerRecord<'_>]) -> io::Result<()> {
        let lang = self.lang;
        // Unit (1) and year (2) are in the caption.
        let keep = |index: usize| index != 1 && index != 2;
        let columns: Vec<TableColumn<'_>> = LedgerRecord::COLUMNS
            .iter()
            .enumerate()
            .filter(|(i, _)| keep(*i))
            .map(|(_, c)| TableColumn {
                label: lang.pick(c.zh, c.en),
                wrap: c.wrap,
                spare: c.spare,
            })
            .collect();
        for group in records.chunk_by(|a, b| a.unit == b.unit && a.year == b.year) {
            let caption = match lang {
                Lang::Zh => format!("{} · {}年度", group[0].unit, group[0].year),
                Lang::En => format!("{} · year {}", group[0].unit, group[0].year),
            };
            let rows = group
                .iter()
                .map(|r| {
                    let cells = r.painted_row(lang).into_iter().enumerate();
                    cells
                        .filter(|(i, _)| keep(*i))
                        .map(|(_, cell)| cell)
                        .collect()
                })
                .collect();
            writeln!(self.out, "{caption}")?;
            writeln!(
                self.out,
                "{}",
                table::render_painted(&columns, rows, self.paint)
            )?;
        }
        Ok(())
    }

    /// Closes the output: the JSON array, or a terminal table's count line (or, with no rows, the
    /// sentence that says so).
    pub fn finish(mut self) -> io::Result<()> {
        let total = self.stream.written();
        self.stream.finish(&mut self.out)?;
        if self.format == Format::Table {
            self.count_line(total)?;
        }
        self.out.flush()
    }

    fn count_line(&mut self, total: usize) -> io::Result<()> {
        let (lang, as_of, overdue, soon) = (self.lang, self.as_of, self.overdue, self.soon);
        if total == 0 {
            let empty = lang.pick("没有符合条件的条目。", "No items match.");
            return writeln!(self.out, "{empty}");
        }
        let lit = |count: usize, tone: Tone| (count > 0).then_some(tone);
        let (head, overdue_part, gap, soon_part, tail) = match lang {
            Lang::Zh => (
                format!("共 {total} 项，"),
                format!("逾期 {overdue} 项"),
                "，",
                format!("{DUE_SOON_DAYS} 天内到期 {soon} 项"),
                format!("（截至 {as_of}）"),
            ),
            Lang::En => (
                format!("{total} items, "),
                format!("{overdue} overdue"),
                ", ",
                format!("{soon} due within {DUE_SOON_DAYS} days"),
                format!(" (as of {as_of})"),
            ),
        };
        let parts = [
            (head.as_str(), None),
            (overdue_part.as_str(), lit(overdue, Tone::Overdue)),
            (gap, None),
            (soon_part.as_str(), lit(soon, Tone::DueSoon)),
            (tail.as_str(), None),
        ];
        writeln!(self.out, "{}", table::prose(&parts, self.paint))
    }
}

//! `taizhang stats`: figures per year (periods as columns, as hledger shows them), per unit or
//! per owner (one row each).

use std::borrow::Cow;
use std::io::{self, Write};
use std::sync::LazyLock;

use super::paint::{Paint, Tone};
use super::records::markdown_table;
use super::table::{render_figures, Cell, TableColumn};
use super::{Format, Lang};
use crate::analysis::stats::{Figures, Stats};
use crate::model::words::Labels;
use crate::model::Status;

/// One figure: machine key, Chinese label in two parts (`问题` + `已完成`: one line as a row
/// label, two lines as a column header), English label, whether a by-unit or by-owner table
/// shows it as a column (JSON and CSV always carry every figure), and how to read the value
/// (`None` where the figure does not apply: problem figures by owner).
struct Metric {
    key: Cow<'static, str>,
    zh: (&'static str, &'static str),
    en: Cow<'static, str>,
    /// A short English column header, in two parts like the Chinese one.
    en_head: (&'static str, &'static str),
    in_rows: bool,
    value: Value,
    percent: bool,
}

/// Where a figure's value comes from.
enum Value {
    /// Problems in a status (`None` by owner).
    Problems(Status),
    /// Measures in a status.
    Measures(Status),
    Figure(fn(&Figures) -> Option<usize>),
}

fn count(
    key: &'static str,
    zh: (&'static str, &'static str),
    en: (&'static str, &'static str, &'static str),
    in_rows: bool,
    value: fn(&Figures) -> Option<usize>,
) -> Metric {
    Metric {
        key: key.into(),
        zh,
        en: en.0.into(),
        en_head: (en.1, en.2),
        in_rows,
        value: Value::Figure(value),
        percent: false,
    }
}

fn rate(
    key: &'static str,
    zh: (&'static str, &'static str),
    en: (&'static str, &'static str, &'static str),
    value: fn(&Figures) -> Option<usize>,
) -> Metric {
    Metric {
        percent: true,
        ..count(key, zh, en, true, value)
    }
}

/// The statuses in the order stats lists them: the closed and the open, then those the
/// completion rate leaves aside. (The figures sheets and the report use [`Status::TALLIED`];
/// the stats columns keep their published order.)
const STATS_ORDER: [Status; 7] = [
    Status::Done,
    Status::InProgress,
    Status::LongTerm,
    Status::NotDone,
    Status::Dropped,
    Status::Planned,
    Status::Unreported,
];

/// Problems (or measures) by status, labelled from the status's [`Labels`]: a by-unit table
/// shows those done, and problems not reported.
fn by_status(problems: bool) -> impl Iterator<Item = Metric> {
    let (kind, zh, en, head) = if problems {
        ("problems", "问题", "problems", "Prob")
    } else {
        ("measures", "措施", "measures", "Meas")
    };
    STATS_ORDER.into_iter().map(move |status| {
        let labels = Labels::of(status);
        Metric {
            key: format!("{kind}_{}", status.code()).into(),
            zh: (zh, labels.zh_short),
            en: format!("{en} {}", labels.en).into(),
            en_head: (head, labels.en_short),
            in_rows: status == Status::Done || problems && status == Status::Unreported,
            value: if problems {
                Value::Problems(status)
            } else {
                Value::Measures(status)
            },
            percent: false,
        }
    })
}

/// Every figure, in the order tables list them; carried-over measures come last, after
/// recurrences, in every layout.
fn metrics() -> &'static [Metric] {
    static METRICS: LazyLock<Vec<Metric>> = LazyLock::new(|| {
        std::iter::once(count(
            "problems",
            ("查摆", "问题"),
            ("problems", "Prob", "total"),
            true,
            |f| f.problems.map(|c| c.total),
        ))
        .chain(by_status(true))
        .chain([
            count(
                "overdue_problems",
                ("逾期", "问题"),
                ("overdue problems", "Over", "prob"),
                true,
                |f| f.overdue_problems,
            ),
            rate(
                "completion_rate",
                ("整改", "完成率"),
                ("completion rate", "Rate", ""),
                |f| f.completion_rate.map(|r| r as usize),
            ),
            count(
                "measures",
                ("整改", "措施"),
                ("measures", "Meas", "total"),
                true,
                |f| Some(f.measures.total),
            ),
        ])
        .chain(by_status(false))
        .chain([
            count(
                "overdue_measures",
                ("逾期", "措施"),
                ("overdue measures", "Over", "meas"),
                true,
                |f| Some(f.overdue_measures),
            ),
            rate(
                "measure_completion_rate",
                ("措施", "完成率"),
                ("measure completion rate", "Meas", "rate"),
                |f| f.measure_completion_rate.map(|r| r as usize),
            ),
            count(
                "recurring",
                ("反弹", "回潮"),
                ("recurring problems", "Recur", ""),
                true,
                |f| f.recurring,
            ),
            count(
                "carried_over",
                ("结转", "措施"),
                ("carried-over measures", "Carry", ""),
                true,
                |f| Some(f.carried_over),
            ),
        ])
        .collect()
    });
    &METRICS
}

impl Metric {
    fn value(&self, f: &Figures) -> Option<usize> {
        match self.value {
            Value::Problems(status) => f.problems.map(|c| c.of(status)),
            Value::Measures(status) => Some(f.measures.of(status)),
            Value::Figure(value) => value(f),
        }
    }

    /// The label on one line (a row label) or two (a column header).
    fn label(&self, lang: Lang, two_lines: bool) -> String {
        match lang {
            Lang::Zh if two_lines => format!("{}\n{}", self.zh.0, self.zh.1),
            Lang::Zh => format!("{}{}", self.zh.0, self.zh.1),
            Lang::En if two_lines && !self.en_head.1.is_empty() => {
                format!("{}\n{}", self.en_head.0, self.en_head.1)
            }
            Lang::En if two_lines => self.en_head.0.to_string(),
            Lang::En => self.en.to_string(),
        }
    }

    /// The value as a table shows it; `—` where the figure does not apply.
    fn cell(&self, f: &Figures) -> String {
        match self.value(f) {
            Some(v) if self.percent => format!("{v}%"),
            Some(v) => v.to_string(),
            None if self.percent => String::new(),
            None => "—".to_string(),
        }
    }

    /// The value as a terminal table shows it: overdue counts red and done counts green, when not
    /// zero.
    fn painted_cell(&self, f: &Figures) -> Cell {
        let tone = match self.key.as_ref() {
            "overdue_problems" | "overdue_measures" => Some(Tone::Overdue),
            "problems_done" | "measures_done" => Some(Tone::Done),
            _ => None,
        };
        let lit = self.value(f).is_some_and(|v| v > 0);
        Cell::toned(self.cell(f), tone.filter(|_| lit))
    }

    /// The value for CSV: a bare number, or empty.
    fn csv(&self, f: &Figures) -> String {
        self.value(f).map(|v| v.to_string()).unwrap_or_default()
    }

    /// Whether the figure is about problems (and so absent by owner).
    fn about_problems(&self) -> bool {
        self.key.contains("problems")
            || matches!(self.key.as_ref(), "completion_rate" | "recurring")
    }

    /// Whether the figure applies to these statistics (problem figures do not by owner).
    fn applies(&self, stats: &Stats) -> bool {
        stats.total.problems.is_some() || !self.about_problems()
    }

    /// Whether a table with a row per unit or owner shows it as a column.
    fn in_rows(&self, stats: &Stats) -> bool {
        let by_owner = stats.total.problems.is_none();
        self.in_rows
            || by_owner
                && matches!(
                    self.key.as_ref(),
                    "measures_in_progress" | "measures_not_done"
                )
    }
}

fn total_label(lang: Lang) -> &'static str {
    lang.pick("合计", "Total")
}

fn group_label(f: &Figures, lang: Lang) -> &str {
    if f.group == "total" {
        total_label(lang)
    } else {
        &f.group
    }
}

/// Prints the statistics in `format`. JSON is the `Stats` value (README: "stats"). With `paint`
/// on, a table's overdue counts are red and its done counts green.
pub fn print(
    out: &mut dyn Write,
    format: Format,
    lang: Lang,
    paint: Paint,
    stats: &Stats,
) -> io::Result<()> {
    let all: Vec<&Figures> = stats
        .groups
        .iter()
        .chain(std::iter::once(&stats.total))
        .collect();
    match format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut *out, stats).map_err(io::Error::other)?;
            writeln!(out)
        }
        Format::Csv => {
            let mut writer = crate::render::cells::CsvWriter::from_writer(out);
            let header = std::iter::once("group").chain(metrics().iter().map(|m| m.key.as_ref()));
            writer.write_record(header)?;
            for f in &all {
                let cells = metrics().iter().map(|m| m.csv(f));
                writer.write_record(std::iter::once(f.group.clone()).chain(cells))?;
            }
            writer.flush()
        }
        Format::Table | Format::Md if stats.groups.is_empty() => {
            writeln!(
                out,
                "{}",
                lang.pick("所选范围内没有条目。", "Nothing in the chosen range.")
            )
        }
        Format::Table | Format::Md => {
            let (labels, rows) = if stats.by == "year" {
                by_period(stats, &all, lang)
            } else {
                by_row(stats, &all, lang)
            };
            if format == Format::Md {
                let labels: Vec<&str> = labels.iter().map(String::as_str).collect();
                let rows: Vec<Vec<String>> = rows
                    .into_iter()
                    .map(|row| row.into_iter().map(|c| c.text).collect())
                    .collect();
                return write!(out, "{}", markdown_table(&labels, &rows));
            }
            let columns: Vec<TableColumn<'_>> = labels
                .iter()
                .enumerate()
                .map(|(i, label)| TableColumn {
                    label,
                    wrap: i == 0,
                    spare: false,
                })
                .collect();
            writeln!(out, "{}", render_figures(&columns, rows, paint))
        }
    }
}

/// Periods as columns, figures as rows: every figure that applies.
fn by_period(stats: &Stats, all: &[&Figures], lang: Lang) -> (Vec<String>, Vec<Vec<Cell>>) {
    let mut labels = vec![String::new()];
    labels.extend(all.iter().map(|f| group_label(f, lang).to_string()));
    let rows = metrics()
        .iter()
        .filter(|m| m.applies(stats))
        .map(|m| {
            let mut row = vec![Cell::from(m.label(lang, false))];
            row.extend(all.iter().map(|f| m.painted_cell(f)));
            row
        })
        .collect();
    (labels, rows)
}

/// Groups as rows, the main figures as columns (two-line headers, so they fit 80 columns); the
/// full breakdown is in `--format json|csv` and `stats --by year`.
fn by_row(stats: &Stats, all: &[&Figures], lang: Lang) -> (Vec<String>, Vec<Vec<Cell>>) {
    let shown: Vec<&Metric> = metrics()
        .iter()
        .filter(|m| m.applies(stats))
        .filter(|m| m.in_rows(stats))
        .collect();
    let mut labels = vec![String::new()];
    labels.extend(shown.iter().map(|m| m.label(lang, true)));
    let rows = all
        .iter()
        .map(|f| {
            let mut row = vec![Cell::from(group_label(f, lang).to_string())];
            row.extend(shown.iter().map(|m| m.painted_cell(f)));
            row
        })
        .collect();
    (labels, rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stats_count_every_status_once_for_problems_and_for_measures() {
        let mut order = STATS_ORDER.to_vec();
        order.sort_by_key(|s| s.code());
        order.dedup();
        assert_eq!(order.len(), Status::EVERY.len());
        for kind in ["problems", "measures"] {
            for status in Status::EVERY {
                let key = format!("{kind}_{}", status.code());
                assert_eq!(
                    metrics().iter().filter(|m| m.key == key).count(),
                    1,
                    "{key}"
                );
            }
        }
    }
}

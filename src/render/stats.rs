//! `taizhang stats`: figures per year (periods as columns, as hledger shows them), per unit or
//! per owner (one row each).

use std::io::{self, Write};

use super::records::markdown_table;
use super::table::{render_figures, TableColumn};
use super::{Format, Lang};
use crate::analysis::stats::{Figures, Stats};

/// The figures, in order: machine key, Chinese and English labels (long, for rows), short
/// Chinese and English labels (for columns), and how to read the value.
type Metric = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    fn(&Figures) -> String,
);

const METRICS: [Metric; 12] = [
    (
        "problems",
        "查摆问题",
        "problems raised",
        "问题",
        "Prob",
        |f| f.problems.to_string(),
    ),
    (
        "measures",
        "整改措施",
        "measures",
        "措施",
        "Meas",
        |f| f.measures.total.to_string(),
    ),
    ("done", "已完成", "done", "完成", "Done", |f| {
        f.measures.done.to_string()
    }),
    (
        "in_progress",
        "正在整改",
        "in progress",
        "在改",
        "Prog",
        |f| f.measures.in_progress.to_string(),
    ),
    (
        "long_term",
        "长期坚持",
        "long-term",
        "长期",
        "Long",
        |f| f.measures.long_term.to_string(),
    ),
    (
        "not_done",
        "未完成",
        "not done",
        "未完成",
        "NotD",
        |f| f.measures.not_done.to_string(),
    ),
    ("dropped", "已撤销", "dropped", "撤销", "Drop", |f| {
        f.measures.dropped.to_string()
    }),
    ("planned", "未启动", "planned", "未启", "Plan", |f| {
        f.measures.planned.to_string()
    }),
    ("overdue", "逾期", "overdue", "逾期", "Over", |f| {
        f.overdue.to_string()
    }),
    (
        "completion_rate",
        "整改完成率",
        "completion rate",
        "完成率",
        "Rate",
        |f| {
            f.completion_rate
                .map(|r| format!("{r}%"))
                .unwrap_or_default()
        },
    ),
    (
        "recurring",
        "反弹回潮",
        "recurring",
        "反复",
        "Recur",
        |f| f.recurring.to_string(),
    ),
    (
        "carried_over",
        "持续推进",
        "carried over",
        "结转",
        "Carry",
        |f| f.carried_over.to_string(),
    ),
];

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

/// Prints the statistics in `format`. JSON is the `Stats` value (README: "stats").
pub fn print(out: &mut dyn Write, format: Format, lang: Lang, stats: &Stats) -> io::Result<()> {
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
            let mut writer = csv::Writer::from_writer(out);
            let header = std::iter::once("group").chain(METRICS.iter().map(|m| m.0));
            writer.write_record(header)?;
            for f in &all {
                let completion = f.completion_rate.map(|r| r.to_string()).unwrap_or_default();
                let cells = METRICS.iter().map(|m| {
                    if m.0 == "completion_rate" {
                        completion.clone()
                    } else {
                        (m.5)(f)
                    }
                });
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
                by_period(&all, lang)
            } else {
                by_row(&all, lang)
            };
            if format == Format::Md {
                let labels: Vec<&str> = labels.iter().map(String::as_str).collect();
                return write!(out, "{}", markdown_table(&labels, &rows));
            }
            let columns: Vec<TableColumn<'_>> = labels
                .iter()
                .enumerate()
                .map(|(i, label)| TableColumn {
                    label,
                    wrap: i == 0,
                })
                .collect();
            writeln!(out, "{}", render_figures(&columns, rows))
        }
    }
}

/// Periods as columns, figures as rows.
fn by_period(all: &[&Figures], lang: Lang) -> (Vec<String>, Vec<Vec<String>>) {
    let mut labels = vec![String::new()];
    labels.extend(all.iter().map(|f| group_label(f, lang).to_string()));
    let rows = METRICS
        .iter()
        .map(|m| {
            let mut row = vec![lang.pick(m.1, m.2).to_string()];
            row.extend(all.iter().map(|f| (m.5)(f)));
            row
        })
        .collect();
    (labels, rows)
}

/// Groups as rows, figures as columns.
fn by_row(all: &[&Figures], lang: Lang) -> (Vec<String>, Vec<Vec<String>>) {
    let mut labels = vec![String::new()];
    labels.extend(METRICS.iter().map(|m| lang.pick(m.3, m.4).to_string()));
    let rows = all
        .iter()
        .map(|f| {
            let mut row = vec![group_label(f, lang).to_string()];
            row.extend(METRICS.iter().map(|m| (m.5)(f)));
            row
        })
        .collect();
    (labels, rows)
}

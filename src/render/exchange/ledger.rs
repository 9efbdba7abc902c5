//! What `import --ledger` prints: the items read from each row, whether they were new, and the
//! sentences for rows that could not be read.

use std::io::{self, Write};

use serde::Serialize;
use unicode_width::UnicodeWidthChar;

use super::{json, wrap};
use crate::exchange::dates::DateTrouble;
use crate::exchange::sheet::RowTrouble;
use crate::model::{ItemId, Status};
use crate::render::table::shorten;
use crate::render::{Format, Lang};

/// What `import --ledger` read and recorded.
#[derive(Debug, Serialize)]
pub struct LedgerReport {
    pub file: String,
    /// The sheet read; `None` for a CSV file.
    pub sheet: Option<String>,
    pub header_row: usize,
    pub dry_run: bool,
    /// Units added because the ledger named them and the store did not know them.
    pub new_units: Vec<String>,
    pub problems: Vec<ItemRecord>,
    pub measures: Vec<ItemRecord>,
    /// Progress entries recorded from the ledger's statuses.
    pub progress: usize,
    /// Of those, the entries whose 整改进展 states no date, dated by the as-of date.
    pub undated_progress: usize,
    /// Measures of the units and years the ledger touched that are linked to no problem.
    pub unlinked_measures: usize,
    pub warnings: Vec<RowMessage>,
    /// The as-of date undated progress took.
    #[serde(skip)]
    pub as_of: chrono::NaiveDate,
    /// Sentences on units created or aliases remembered.
    #[serde(skip)]
    pub notes: Vec<String>,
    /// `unlinked_measures` by unit and year, for the hint that ends the human output.
    #[serde(skip)]
    pub unlinked: Vec<Unlinked>,
}

/// How many measures of a unit and year answer no problem.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unlinked {
    pub unit: String,
    pub year: i32,
    pub count: usize,
}

/// The closing sentence on measures linked to no problem, and the command that reviews them.
pub fn unlinked_text(u: &Unlinked, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!(
            "还有 {} 条整改措施未关联问题，可用 taizhang link --suggest --unit {} --year {} 查看建议。",
            u.count, u.unit, u.year
        ),
        Lang::En => format!(
            "{} measures are linked to no problem yet; review suggestions with taizhang link --suggest --unit {} --year {}",
            u.count, u.unit, u.year
        ),
    }
}

/// The sentence for a date a row's progress text states that its entry did not take.
pub fn date_trouble_text(trouble: &DateTrouble, as_of: chrono::NaiveDate, lang: Lang) -> String {
    match (trouble, lang) {
        (DateTrouble::Impossible(t), Lang::Zh) => format!("整改进展中的日期“{t}”不存在，未采用"),
        (DateTrouble::Impossible(t), Lang::En) => {
            format!("the progress text's date '{t}' does not exist; not used")
        }
        (DateTrouble::AfterAsOf(d), Lang::Zh) => {
            format!("整改进展中的日期 {d} 晚于截至日期 {as_of}，未采用")
        }
        (DateTrouble::AfterAsOf(d), Lang::En) => {
            format!("the progress text's date {d} is after the as-of date {as_of}; not used")
        }
        (DateTrouble::BeforeYear(d), Lang::Zh) => {
            format!("整改进展中的日期 {d} 早于问题所属年度，未采用")
        }
        (DateTrouble::BeforeYear(d), Lang::En) => {
            format!("the progress text's date {d} is before the item's year; not used")
        }
    }
}

/// An item read from a row.
#[derive(Debug, Serialize)]
pub struct ItemRecord {
    pub row: usize,
    pub id: ItemId,
    pub unit: String,
    pub year: i32,
    pub text: String,
    /// A measure's problems; empty for a problem.
    pub links: Vec<ItemId>,
    pub deadline_kind: Option<&'static str>,
    pub due: Option<chrono::NaiveDate>,
    pub status: Option<Status>,
    /// False when the store had the item already (same unit, year and text).
    pub new: bool,
}

/// A row that could not be read, or only partly.
#[derive(Debug, Serialize)]
pub struct RowMessage {
    pub row: usize,
    pub message: String,
}

/// The sentence for a troubled row.
pub fn trouble_text(kind: &RowTrouble, lang: Lang) -> String {
    let cut = |t: &str| shorten(t, 24);
    match (kind, lang) {
        (RowTrouble::BadDeadline(t), Lang::Zh) => format!(
            "整改时限“{}”无法识别，本行的整改措施未导入（可写 2025-06-30、2025年6月底前、长期坚持、立行立改）",
            cut(t)
        ),
        (RowTrouble::BadDeadline(t), Lang::En) => format!(
            "the deadline '{}' is not one taizhang reads; this row's measure was left out (write 2025-06-30, 2025年6月底前, 长期坚持 or 立行立改)",
            cut(t)
        ),
        (RowTrouble::BadYear(t), Lang::Zh) => format!("年度“{}”不是年份，本行未导入", cut(t)),
        (RowTrouble::BadYear(t), Lang::En) => format!("the year '{}' is not a year; the row was left out", cut(t)),
        (RowTrouble::UnknownStatus(t), Lang::Zh) => format!(
            "完成情况“{}”无法识别，未记录整改进展（可写 已完成、正在整改、未完成、长期坚持 等）",
            cut(t)
        ),
        (RowTrouble::UnknownStatus(t), Lang::En) => format!(
            "the status '{}' is not one taizhang reads; no progress was recorded (write 已完成, 正在整改, 未完成, 长期坚持 …)",
            cut(t)
        ),
        (RowTrouble::DeadlineWithoutMeasure(t), Lang::Zh) => {
            format!("本行没有整改措施，整改时限“{}”未导入", cut(t))
        }
        (RowTrouble::DeadlineWithoutMeasure(t), Lang::En) => {
            format!("the row has no measure, so its deadline '{}' was left out", cut(t))
        }
        (RowTrouble::NoItem, Lang::Zh) => "既无问题描述也无整改措施，未导入".to_string(),
        (RowTrouble::NoItem, Lang::En) => "neither a problem nor a measure; left out".to_string(),
        (RowTrouble::Note(t), Lang::Zh) => format!("“{}”是表格说明，未导入", cut(t)),
        (RowTrouble::Note(t), Lang::En) => format!("'{}' is a note, not an item; left out", cut(t)),
    }
}

/// The sentence for a row whose progress could not be dated in the item's year.
pub fn too_early_text(year: i32, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("截至日期早于{year}年，未记录整改进展（请用 --as-of 给出台账的日期）"),
        Lang::En => format!("the as-of date is before {year}; no progress was recorded (give the ledger's date with --as-of)"),
    }
}

pub fn print_ledger(
    out: &mut dyn Write,
    format: Format,
    lang: Lang,
    r: &LedgerReport,
) -> io::Result<()> {
    match format {
        Format::Json => json(out, r),
        Format::Csv => {
            let mut w = crate::render::cells::CsvWriter::from_writer(out);
            w.write_record([
                "row",
                "id",
                "kind",
                "unit",
                "year",
                "text",
                "links",
                "deadline_kind",
                "due",
                "status",
                "new",
            ])?;
            for item in r.problems.iter().chain(&r.measures) {
                w.write_record([
                    item.row.to_string(),
                    item.id.to_string(),
                    item.id.kind.code().to_string(),
                    item.unit.clone(),
                    item.year.to_string(),
                    item.text.clone(),
                    crate::render::records::csv_list(&item.links),
                    item.deadline_kind.unwrap_or_default().to_string(),
                    crate::render::records::csv_opt(&item.due),
                    item.status
                        .map(|s| s.code().to_string())
                        .unwrap_or_default(),
                    item.new.to_string(),
                ])?;
            }
            w.flush()
        }
        Format::Table | Format::Md => print_ledger_lines(out, lang, r),
    }
}

fn print_ledger_lines(out: &mut dyn Write, lang: Lang, r: &LedgerReport) -> io::Result<()> {
    let new = |items: &[ItemRecord]| items.iter().filter(|i| i.new).count();
    let (np, nm) = (new(&r.problems), new(&r.measures));
    let old = r.problems.len() + r.measures.len() - np - nm;
    // A path is not wrapped: it would no longer be one.
    let head = match (lang, &r.sheet) {
        (Lang::Zh, Some(sheet)) => {
            format!("{}（工作表“{sheet}”，表头在第{}行）", r.file, r.header_row)
        }
        (Lang::Zh, None) => format!("{}（表头在第{}行）", r.file, r.header_row),
        (Lang::En, Some(sheet)) => format!(
            "{} (sheet '{sheet}', header on row {})",
            r.file, r.header_row
        ),
        (Lang::En, None) => format!("{} (header on row {})", r.file, r.header_row),
    };
    writeln!(out, "{head}")?;
    for note in &r.notes {
        let line = format!("{}{note}", lang.pick("提示：", "note: "));
        writeln!(out, "{}", wrap(&line, "  "))?;
    }
    let counts = match lang {
        Lang::Zh => format!(
            "问题 {np} 个，整改措施 {nm} 条，整改进展 {} 条；已有 {old} 项未重复导入",
            r.progress
        ),
        Lang::En => format!(
            "problems {np}, measures {nm}, progress entries {}; already in the store {old}",
            r.progress
        ),
    };
    writeln!(out, "{counts}")?;
    if r.undated_progress > 0 {
        let undated = match lang {
            Lang::Zh => format!(
                "其中 {} 条整改进展未写明日期，按截至日期 {} 记录",
                r.undated_progress, r.as_of
            ),
            Lang::En => format!(
                "of which {} state no date and are dated the as-of date {}",
                r.undated_progress, r.as_of
            ),
        };
        writeln!(out, "{}", wrap(&undated, "  "))?;
    }
    let mut items: Vec<&ItemRecord> = r.problems.iter().chain(&r.measures).collect();
    items.sort_by_key(|i| (i.row, i.id.kind == crate::model::ItemKind::Measure));
    for item in items {
        let row = lang
            .pick("第{}行", "row {}")
            .replace("{}", &item.row.to_string());
        let due = match (item.deadline_kind, item.due) {
            (Some("long_term"), _) => lang.pick("长期坚持", "long-term").to_string(),
            (Some("immediate"), _) => lang.pick("立行立改", "immediate").to_string(),
            (_, Some(d)) => d.to_string(),
            _ => String::new(),
        };
        let status = item.status.map(|s| lang.status(s)).unwrap_or("");
        let mark = if item.new { ' ' } else { '=' };
        let line = format!(
            "{mark} {} {} {} {} {status}",
            pad(&row, 8),
            pad(&item.id.to_string(), 4),
            pad(&shorten(&item.text, 36), 36),
            pad(&due, 10)
        );
        writeln!(out, "{}", line.trim_end())?;
    }
    for w in &r.warnings {
        let row = lang
            .pick("第{}行：", "row {}: ")
            .replace("{}", &w.row.to_string());
        writeln!(out, "{}", wrap(&format!("{row}{}", w.message), "  "))?;
    }
    if r.dry_run {
        writeln!(
            out,
            "{}",
            lang.pick(
                "（试运行，未写入任何内容）",
                "(dry run: nothing was written)"
            )
        )?;
    } else if np + nm > 0 || r.progress > 0 {
        for u in &r.unlinked {
            writeln!(out, "{}", wrap(&unlinked_text(u, lang), "  "))?;
        }
    }
    Ok(())
}

/// `text` followed by spaces up to `width` display columns (CJK characters take two).
fn pad(text: &str, width: usize) -> String {
    let used: usize = text.chars().map(|c| c.width().unwrap_or(0)).sum();
    format!("{text}{}", " ".repeat(width.saturating_sub(used)))
}

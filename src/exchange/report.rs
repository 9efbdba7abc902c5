//! What `export`, `merge`, `import --ledger` and `import --json` print.
//!
//! People get short lines that fit 80 columns (long text is shortened, sentences are wrapped);
//! scripts get JSON or CSV with the stable keys documented in the README.

use std::io::{self, Write};

use serde::Serialize;
use unicode_width::UnicodeWidthChar;

use super::sheet::RowTrouble;
use crate::model::{ItemId, Status};
use crate::render::table::shorten;
use crate::render::{Format, Lang};
use crate::store::{Counts, MergeReport, Note};

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

/// What `export` wrote.
#[derive(Debug, Serialize)]
pub struct ExportReport {
    pub file: String,
    pub format: &'static str,
    pub units: usize,
    pub problems: usize,
    pub measures: usize,
    pub progress: usize,
    /// The sheets of an xlsx file (one per unit and year); empty for CSV and JSON.
    pub sheets: Vec<SheetSummary>,
}

#[derive(Debug, Serialize)]
pub struct SheetSummary {
    pub name: String,
    pub unit: String,
    pub year: i32,
    pub rows: usize,
}

pub fn print_export(
    out: &mut dyn Write,
    format: Format,
    lang: Lang,
    r: &ExportReport,
) -> io::Result<()> {
    match format {
        Format::Json => json(out, r),
        Format::Csv => {
            let mut w = csv::Writer::from_writer(out);
            w.write_record([
                "file", "format", "units", "problems", "measures", "progress", "sheets",
            ])?;
            w.write_record([
                r.file.clone(),
                r.format.to_string(),
                r.units.to_string(),
                r.problems.to_string(),
                r.measures.to_string(),
                r.progress.to_string(),
                r.sheets.len().to_string(),
            ])?;
            w.flush()
        }
        Format::Table | Format::Md => {
            let line = match lang {
                Lang::Zh => format!(
                    "已导出到 {}：单位 {} 个，问题 {} 个，整改措施 {} 条，整改进展 {} 条",
                    r.file, r.units, r.problems, r.measures, r.progress
                ),
                Lang::En => format!(
                    "exported to {}: units {}, problems {}, measures {}, progress entries {}",
                    r.file, r.units, r.problems, r.measures, r.progress
                ),
            };
            writeln!(out, "{line}")?;
            for s in &r.sheets {
                let line = match lang {
                    Lang::Zh => format!(
                        "  工作表“{}”：{} {}年度，{} 行",
                        s.name, s.unit, s.year, s.rows
                    ),
                    Lang::En => format!(
                        "  sheet '{}': {} {}, {} rows",
                        s.name, s.unit, s.year, s.rows
                    ),
                };
                writeln!(out, "{}", wrap(&line, "    "))?;
            }
            Ok(())
        }
    }
}

/// One merge (or `import --json`) source and what it brought.
#[derive(Debug, Serialize)]
pub struct MergeSummary<'a> {
    pub source: String,
    pub dry_run: bool,
    #[serde(flatten)]
    pub report: &'a MergeReport,
}

pub fn print_merges(
    out: &mut dyn Write,
    format: Format,
    lang: Lang,
    merges: &[MergeSummary<'_>],
) -> io::Result<()> {
    match format {
        Format::Json => match merges {
            [one] => json(out, one),
            many => json(out, &many),
        },
        Format::Csv => {
            let mut w = csv::Writer::from_writer(out);
            w.write_record([
                "source",
                "dry_run",
                "units",
                "aliases",
                "documents",
                "problems",
                "measures",
                "links",
                "progress",
                "evidence",
                "carry_overs",
                "recurrences",
                "events",
                "updated",
                "renumbered",
                "conflicts",
            ])?;
            for m in merges {
                let a = &m.report.added;
                let mut row = vec![m.source.clone(), m.dry_run.to_string()];
                row.extend(
                    [
                        a.units,
                        a.aliases,
                        a.documents,
                        a.problems,
                        a.measures,
                        a.links,
                        a.progress,
                        a.evidence,
                        a.carry_overs,
                        a.recurrences,
                        a.events,
                        m.report.updated.total(),
                        m.report.renumbered.len(),
                        m.report.conflicts.len(),
                    ]
                    .map(|n| n.to_string()),
                );
                w.write_record(row)?;
            }
            w.flush()
        }
        Format::Table | Format::Md => {
            for m in merges {
                for (i, line) in merge_lines(m, lang).iter().enumerate() {
                    let line = if i == 0 {
                        line.clone()
                    } else {
                        wrap(line, "    ")
                    };
                    writeln!(out, "{line}")?;
                }
            }
            if merges.iter().any(|m| m.dry_run) {
                writeln!(
                    out,
                    "{}",
                    lang.pick(
                        "（试运行，未写入任何内容）",
                        "(dry run: nothing was written)"
                    )
                )?;
            }
            Ok(())
        }
    }
}

fn merge_lines(m: &MergeSummary<'_>, lang: Lang) -> Vec<String> {
    let r = m.report;
    let added = counts_text(&r.added, lang);
    let updated = counts_text(&r.updated, lang);
    // The source (a path) stands on a line of its own, never wrapped; what came in follows.
    if added.is_empty() && updated.is_empty() {
        return vec![match lang {
            Lang::Zh => format!("{}：没有新内容", m.source),
            Lang::En => format!("{}: nothing new", m.source),
        }];
    }
    let mut lines = vec![format!("{}{}", m.source, lang.pick("：", ":"))];
    if !added.is_empty() {
        lines.push(format!("  {}{added}", lang.pick("新增：", "added: ")));
    }
    if !updated.is_empty() {
        lines.push(format!("  {}{updated}", lang.pick("更新：", "updated: ")));
    }
    if !r.renumbered.is_empty() {
        let moves: Vec<String> = r
            .renumbered
            .iter()
            .map(|n| format!("{}→{}", n.from, n.to))
            .collect();
        lines.push(match lang {
            Lang::Zh => format!("  编号已调整（原编号在本库已被占用）：{}", moves.join("、")),
            Lang::En => format!("  new ids (theirs were taken here): {}", moves.join(", ")),
        });
    }
    for c in &r.conflicts {
        lines.push(match lang {
            Lang::Zh => format!(
                "  冲突：{} 的{}两边都改过：保留本库的，对方的修改见 taizhang history {}",
                c.id,
                c.fields.iter().map(|f| field_label(f)).collect::<Vec<_>>().join("、"),
                c.id
            ),
            Lang::En => format!(
                "  conflict: {} was changed in both ({}); kept this store's, theirs is in 'taizhang history {}'",
                c.id,
                c.fields.join(", "),
                c.id
            ),
        });
    }
    lines.extend(r.notes.iter().map(|n| format!("  {}", note_text(n, lang))));
    lines
}

/// The Chinese name of an item field, as the ledger's columns call it.
fn field_label(field: &str) -> &str {
    match field {
        "unit" => "单位",
        "year" => "年度",
        "category" => "类别",
        "title" => "标题",
        "text" => "内容",
        "leader" => "责任领导",
        "owner_dept" => "牵头部门",
        "co_depts" => "配合部门",
        "owner_person" => "责任人",
        "deadline_kind" | "due" => "整改时限",
        other => other,
    }
}

fn counts_text(c: &Counts, lang: Lang) -> String {
    let parts: [(usize, &str, &str); 10] = [
        (c.units, "单位 {} 个", "units {}"),
        (c.aliases, "别名 {} 个", "aliases {}"),
        (c.documents, "总结 {} 份", "summaries {}"),
        (c.problems, "问题 {} 个", "problems {}"),
        (c.measures, "整改措施 {} 条", "measures {}"),
        (c.links, "关联 {} 个", "links {}"),
        (c.progress, "整改进展 {} 条", "progress entries {}"),
        (c.carry_overs, "持续推进 {} 项", "carry-overs {}"),
        (c.recurrences, "反弹判断 {} 项", "recurrence decisions {}"),
        (c.events, "历史记录 {} 条", "history events {}"),
    ];
    parts
        .iter()
        .filter(|(n, _, _)| *n > 0)
        .map(|(n, zh, en)| lang.pick(zh, en).replace("{}", &n.to_string()))
        .collect::<Vec<_>>()
        .join(lang.pick("，", ", "))
}

fn note_text(note: &Note, lang: Lang) -> String {
    match (note, lang) {
        (Note::UnitByName { name, unit }, Lang::Zh) => {
            format!("单位“{name}”按名称对应本库的“{unit}”")
        }
        (Note::UnitByName { name, unit }, Lang::En) => {
            format!("their unit '{name}' was taken as '{unit}' here")
        }
        (Note::AliasTaken { alias, unit }, Lang::Zh) => {
            format!("别名“{alias}”在本库已属于“{unit}”，未添加")
        }
        (Note::AliasTaken { alias, unit }, Lang::En) => {
            format!("alias '{alias}' names '{unit}' here; not added")
        }
        (Note::DeletedHere { id, .. }, Lang::Zh) => format!("对方的 {id} 在本库已删除，未恢复"),
        (Note::DeletedHere { id, .. }, Lang::En) => {
            format!("their {id} was deleted here; not brought back")
        }
        (Note::Deleted { id, .. }, Lang::Zh) => format!("{id} 已在对方删除，本库一并删除"),
        (Note::Deleted { id, .. }, Lang::En) => format!("{id} was deleted there, and here too"),
        (Note::KeptDeleted { id, .. }, Lang::Zh) => {
            format!("{id} 已在对方删除，但本库有其进展或修改，予以保留")
        }
        (Note::KeptDeleted { id, .. }, Lang::En) => {
            format!("{id} was deleted there but has changes or progress here; kept")
        }
        (Note::DocumentKept { file_name, .. }, Lang::Zh) => {
            format!(
                "总结“{}”两边内容不同，保留本库的",
                file_name.as_deref().unwrap_or("?")
            )
        }
        (Note::DocumentKept { file_name, .. }, Lang::En) => {
            format!(
                "summary '{}' differs; kept this store's",
                file_name.as_deref().unwrap_or("?")
            )
        }
        (Note::CarryKept { to }, Lang::Zh) => format!("{to} 在本库延续的是另一条措施，未改动"),
        (Note::CarryKept { to }, Lang::En) => {
            format!("{to} continues another measure here; left as it is")
        }
        (Note::DecisionKept { earlier, later }, Lang::Zh) => {
            format!("{earlier} 与 {later} 的反弹判断两边不同，保留本库较新的判断")
        }
        (Note::DecisionKept { earlier, later }, Lang::En) => {
            format!("the recurrence decision on {earlier} and {later} differs; kept this store's later one")
        }
    }
}

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
    pub warnings: Vec<RowMessage>,
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
            let mut w = csv::Writer::from_writer(out);
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
    for unit in &r.new_units {
        writeln!(
            out,
            "{}",
            wrap(
                &lang
                    .pick("新增单位：{}", "new unit: {}")
                    .replace("{}", unit),
                "  "
            )
        )?;
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
    }
    Ok(())
}

/// `text` followed by spaces up to `width` display columns (CJK characters take two).
fn pad(text: &str, width: usize) -> String {
    let used: usize = text.chars().map(|c| c.width().unwrap_or(0)).sum();
    format!("{text}{}", " ".repeat(width.saturating_sub(used)))
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

//! `taizhang show ITEM`: everything about one item.

use std::io::{self, Write};

use serde::Serialize;
use serde_json::Value;

use super::ledger::LedgerRecord;
use super::paint::{Paint, Tone};
use super::records::markdown_table;
use super::table::{self, Cell, TableColumn};
use super::{deadline_label, Format, Lang};
use crate::model::{
    Evidence, Institution, InstitutionSetting, ItemId, ProgressEntry, SourceDocument,
};

/// One item with its progress, in its stable machine shape (README: "show"): the fields of a
/// status row plus `progress`, oldest first.
#[derive(Debug, Serialize)]
pub struct ItemView<'a> {
    #[serde(flatten)]
    pub record: LedgerRecord<'a>,
    pub progress: &'a [ProgressEntry],
    /// The summary the item was imported from; `None` when it was typed in.
    pub source: Option<SourceDocument>,
    /// For a carried-over measure, the measure it continues.
    pub carried_from: Option<ItemId>,
    /// For a measure, what it does to the unit's rules (建章立制: `new`, `revise`, `abolish`), as
    /// set or else read from its words; `None` when it is not 建章立制.
    pub institution: Option<Institution>,
    /// For a measure, 建章立制 as the user set it (`none` included); `None` when read from its words.
    pub institution_setting: Option<InstitutionSetting>,
}

/// Prints one item. CSV has two columns, `field,value`, with nested fields flattened to dotted
/// paths (`progress.0.status`). With `paint` on, the status is red when overdue and green when
/// done, and so is each progress entry that recorded done.
pub fn print(
    out: &mut dyn Write,
    format: Format,
    lang: Lang,
    paint: Paint,
    view: &ItemView<'_>,
) -> io::Result<()> {
    match format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut *out, view).map_err(io::Error::other)?;
            writeln!(out)
        }
        Format::Csv => {
            let value = serde_json::to_value(view).map_err(io::Error::other)?;
            let mut pairs = Vec::new();
            flatten(&value, String::new(), &mut pairs);
            let mut writer = crate::render::cells::CsvWriter::from_writer(out);
            writer.write_record(["field", "value"])?;
            for (field, value) in pairs {
                writer.write_record([field, value])?;
            }
            writer.flush()
        }
        Format::Md => {
            let fields = fields(view, lang);
            let labels = [lang.pick("字段", "Field"), lang.pick("内容", "Value")];
            let rows: Vec<Vec<String>> = fields
                .into_iter()
                .map(|(k, v)| vec![k.to_string(), v])
                .collect();
            write!(out, "{}", markdown_table(&labels, &rows))?;
            if !view.progress.is_empty() {
                writeln!(out)?;
                let labels: Vec<&str> = PROGRESS_COLUMNS
                    .iter()
                    .map(|(zh, en)| lang.pick(zh, en))
                    .collect();
                write!(
                    out,
                    "{}",
                    markdown_table(&labels, &progress_rows(view.progress, lang))
                )?;
            }
            Ok(())
        }
        Format::Table => {
            let status_label = lang.pick("状态", "Status");
            let status_tone = status_tone(view);
            let rows = fields(view, lang)
                .into_iter()
                .map(|(k, v)| {
                    let tone = status_tone.filter(|_| k == status_label);
                    vec![Cell::from(k.to_string()), Cell::toned(v, tone)]
                })
                .collect();
            let columns = [
                TableColumn {
                    label: lang.pick("字段", "Field"),
                    wrap: false,
                    spare: false,
                },
                TableColumn {
                    label: lang.pick("内容", "Value"),
                    wrap: true,
                    spare: false,
                },
            ];
            writeln!(out, "{}", table::render_painted(&columns, rows, paint))?;
            if view.progress.is_empty() {
                return writeln!(
                    out,
                    "{}",
                    lang.pick("尚无整改进展。", "No progress recorded yet.")
                );
            }
            let columns: Vec<TableColumn<'_>> = PROGRESS_COLUMNS
                .iter()
                .enumerate()
                .map(|(i, (zh, en))| TableColumn {
                    label: lang.pick(zh, en),
                    wrap: i >= 2,
                    spare: false,
                })
                .collect();
            let rows = progress_rows(view.progress, lang)
                .into_iter()
                .zip(view.progress)
                .map(|(row, entry)| {
                    let done = (entry.status == crate::model::Status::Done).then_some(Tone::Done);
                    row.into_iter()
                        .enumerate()
                        .map(|(i, text)| Cell::toned(text, done.filter(|_| i == 1)))
                        .collect()
                })
                .collect();
            writeln!(out, "{}", table::render_painted(&columns, rows, paint))
        }
    }
}

/// The colour of an item's status: red when overdue, green when done.
fn status_tone(view: &ItemView<'_>) -> Option<Tone> {
    let r = &view.record;
    if r.days_overdue.is_some() {
        Some(Tone::Overdue)
    } else {
        (r.status == crate::model::Status::Done).then_some(Tone::Done)
    }
}

const PROGRESS_COLUMNS: [(&str, &str); 4] = [
    ("日期", "Date"),
    ("状态", "Status"),
    ("说明", "Note"),
    ("佐证材料", "Evidence"),
];

fn fields(view: &ItemView<'_>, lang: Lang) -> Vec<(&'static str, String)> {
    let r = &view.record;
    let kind = match r.kind {
        crate::model::ItemKind::Problem => lang.pick("问题", "problem"),
        crate::model::ItemKind::Measure => lang.pick("整改措施", "measure"),
    };
    let mut status = lang.standing(r.standing());
    if let Some(days) = r.days_overdue {
        status.push_str(&match lang {
            Lang::Zh => format!("（逾期{days}天）"),
            Lang::En => format!(" (overdue {days} days)"),
        });
    }
    let links = r
        .links
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(" ");
    let not_given = lang.pick("未填写", "not given");
    let or_not_given = |v: String| {
        if v.is_empty() {
            not_given.to_string()
        } else {
            v
        }
    };
    let optional = |v: Option<&str>| or_not_given(v.unwrap_or_default().to_string());
    let is_measure = r.kind == crate::model::ItemKind::Measure;
    let mut fields = vec![
        (lang.pick("编号", "ID"), format!("{} ({kind})", r.id)),
        (lang.pick("单位", "Unit"), r.unit.to_string()),
        (lang.pick("年度", "Year"), r.year.to_string()),
    ];
    if is_measure {
        fields.push((lang.pick("标题", "Title"), optional(r.title)));
    } else {
        fields.push((lang.pick("类别", "Category"), optional(r.category)));
    }
    fields.push((lang.pick("内容", "Text"), r.text.to_string()));
    let named = [
        (lang.pick("责任领导", "Leader"), optional(r.leader)),
        (
            lang.pick("牵头部门", "Lead department"),
            optional(r.owner_dept),
        ),
        (
            lang.pick("配合部门", "Co-operating"),
            or_not_given(r.co_depts.join(lang.pick("、", ", "))),
        ),
        (lang.pick("责任人", "Person"), optional(r.owner_person)),
    ];
    if is_measure {
        fields.extend(named);
    } else {
        fields.push((
            lang.pick("责任", "Owners"),
            or_not_given(r.owner.to_string()),
        ));
    }
    let link_label = if is_measure {
        lang.pick("针对问题", "Problems")
    } else {
        lang.pick("整改措施", "Measures")
    };
    fields.push((link_label, or_not_given(links)));
    if is_measure {
        let carried = view.carried_from.map_or_else(
            || lang.pick("无", "none").to_string(),
            |from| from.to_string(),
        );
        fields.push((lang.pick("延续自", "Carried from"), carried));
        fields.push((
            lang.pick("建章立制", "Rules"),
            institution_label(view.institution, view.institution_setting, lang),
        ));
    }
    let source = match (&view.source, lang) {
        (None, _) => lang.pick("手工录入", "typed in").to_string(),
        (Some(d), Lang::Zh) => match &d.file_name {
            Some(name) => format!("{}年度总结（{name}）", d.year),
            None => format!("{}年度总结", d.year),
        },
        (Some(d), Lang::En) => match &d.file_name {
            Some(name) => format!("the {} summary ({name})", d.year),
            None => format!("the {} summary", d.year),
        },
    };
    fields.push((lang.pick("来源", "Source"), source));
    fields.push((
        lang.pick("整改时限", "Deadline"),
        deadline_label(r.deadline(), lang),
    ));
    fields.push((lang.pick("状态", "Status"), status));
    fields.push((
        lang.pick("最近进展", "Last progress"),
        r.last_progress
            .map_or_else(|| lang.pick("无", "none").to_string(), |d| d.to_string()),
    ));
    fields.push(("UUID", r.uuid.to_string()));
    fields
}

/// A measure's 建章立制 in words, saying whether it was set by hand or read from the text.
fn institution_label(
    institution: Option<Institution>,
    setting: Option<InstitutionSetting>,
    lang: Lang,
) -> String {
    let what = match institution {
        Some(Institution::New) => lang.pick("新建制度", "makes a rule"),
        Some(Institution::Revise) => lang.pick("修订完善制度", "revises a rule"),
        Some(Institution::Abolish) => lang.pick("废止制度", "abolishes a rule"),
        None => lang.pick("否", "no"),
    };
    match (setting, institution) {
        (Some(_), _) => format!("{what}{}", lang.pick("（手工设定）", " (set by hand)")),
        (None, Some(_)) => format!(
            "{what}{}",
            lang.pick("（据措施文字）", " (read from the words)")
        ),
        (None, None) => what.to_string(),
    }
}

fn progress_rows(entries: &[ProgressEntry], lang: Lang) -> Vec<Vec<String>> {
    entries
        .iter()
        .map(|e| {
            vec![
                e.date.to_string(),
                lang.status(e.status).to_string(),
                e.note.clone().unwrap_or_default(),
                e.evidence
                    .iter()
                    .map(evidence_label)
                    .collect::<Vec<_>>()
                    .join("\n"),
            ]
        })
        .collect()
}

fn evidence_label(e: &Evidence) -> String {
    match (&e.size_bytes, &e.sha256) {
        (Some(size), Some(hash)) => format!(
            "{} ({size} B, sha256 {}…)",
            e.reference,
            &hash[..12.min(hash.len())]
        ),
        _ => e.reference.clone(),
    }
}

/// Flattens nested JSON into (dotted path, scalar text) pairs, in document order.
fn flatten(value: &Value, path: String, out: &mut Vec<(String, String)>) {
    let join = |key: &str| {
        if path.is_empty() {
            key.to_string()
        } else {
            format!("{path}.{key}")
        }
    };
    match value {
        Value::Object(map) => {
            for (key, v) in map {
                flatten(v, join(key), out);
            }
        }
        Value::Array(items) => {
            for (index, v) in items.iter().enumerate() {
                flatten(v, join(&index.to_string()), out);
            }
        }
        Value::Null => out.push((path, String::new())),
        Value::String(s) => out.push((path, s.clone())),
        other => out.push((path, other.to_string())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nested_json_flattens_to_dotted_paths() {
        let value = serde_json::json!({"id": "P1", "progress": [{"status": "done", "note": null}]});
        let mut pairs = Vec::new();
        flatten(&value, String::new(), &mut pairs);
        assert_eq!(
            pairs,
            [
                ("id".to_string(), "P1".to_string()),
                ("progress.0.status".to_string(), "done".to_string()),
                ("progress.0.note".to_string(), String::new()),
            ]
        );
    }
}

//! `taizhang history ITEM`: an item's events.

use serde::Serialize;
use serde_json::Value;

use super::records::{Column, Record};
use super::table::shorten;
use super::Lang;
use crate::model::{Action, Event, Status};

/// An event in its stable machine shape (README: "history").
#[derive(Debug, Serialize)]
pub struct EventRecord<'a> {
    pub seq: i64,
    pub at: &'a str,
    pub actor: &'a str,
    pub item: &'a str,
    pub action: &'a str,
    pub detail: &'a Value,
}

impl<'a> From<&'a Event> for EventRecord<'a> {
    fn from(e: &'a Event) -> Self {
        EventRecord {
            seq: e.seq,
            at: &e.at,
            actor: &e.actor,
            item: &e.item,
            action: &e.action,
            detail: &e.detail,
        }
    }
}

impl Record for EventRecord<'_> {
    const CSV_HEADER: &'static [&'static str] = &["seq", "at", "actor", "item", "action", "detail"];
    const COLUMNS: &'static [Column] = &[
        Column::fixed("时间", "When"),
        Column::wrapping("操作人", "Who"),
        Column::fixed("操作", "Action"),
        Column::wrapping("内容", "What"),
    ];

    fn csv_row(&self) -> Vec<String> {
        vec![
            self.seq.to_string(),
            self.at.to_string(),
            self.actor.to_string(),
            self.item.to_string(),
            self.action.to_string(),
            self.detail.to_string(),
        ]
    }

    fn human_row(&self, lang: Lang, full: bool) -> Vec<String> {
        // "2026-01-15T09:30:00+08:00" reads as "2026-01-15 09:30" in a table.
        let at = if full {
            self.at.to_string()
        } else {
            super::operations::when(self.at)
        };
        vec![
            at,
            self.actor.to_string(),
            // An action this version does not know (from a newer store merged in) is shown as
            // stored.
            match self.action.parse::<Action>() {
                Ok(action) => action_label(action, lang).to_string(),
                Err(code) => code,
            },
            match self.action.parse::<Action>() {
                Ok(action) => describe(action, self.detail, lang, full),
                Err(_) => self.detail.to_string(),
            },
        ]
    }
}

fn action_label(action: Action, lang: Lang) -> &'static str {
    match action {
        Action::Create => lang.pick("新建", "created"),
        Action::Edit => lang.pick("修改", "edited"),
        Action::Link => lang.pick("关联", "linked"),
        Action::Unlink => lang.pick("取消关联", "unlinked"),
        Action::Progress => lang.pick("进展", "progress"),
        Action::Alias => lang.pick("别名", "alias"),
        Action::Carry => lang.pick("结转", "carried over"),
        Action::Recur => lang.pick("反复认定", "recurrence"),
        Action::Merge => lang.pick("合并冲突", "merge conflict"),
        Action::Delete => lang.pick("删除", "deleted"),
        Action::Undo => lang.pick("撤销操作", "undo"),
        Action::UnitMerge => lang.pick("合并单位", "units merged"),
    }
}

/// A one-line account of an event's detail for people.
fn describe(action: Action, detail: &Value, lang: Lang, full: bool) -> String {
    let text = |key: &str| {
        detail
            .get(key)
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string()
    };
    let cut = |s: String| if full { s } else { shorten(&s, 48) };
    match action {
        Action::Create if text("via") == "review" => format!(
            "{}{}",
            cut(text("text")),
            lang.pick(
                "（审核稿录入，原文中未找到）",
                " (typed in a review, not found in the document)"
            )
        ),
        Action::Create => cut(text("text")),
        Action::Link if text("via") == "suggest" => {
            format!(
                "{}{}",
                text("other"),
                lang.pick("（据建议）", " (suggested)")
            )
        }
        Action::Link | Action::Unlink => text("other"),
        Action::Alias => text("alias"),
        Action::Carry => {
            let year = detail
                .get("year")
                .and_then(Value::as_i64)
                .unwrap_or_default();
            match lang {
                Lang::Zh => format!("→ {}（{year}年度）", text("to")),
                Lang::En => format!("→ {} ({year})", text("to")),
            }
        }
        Action::Delete => text("reason"),
        Action::UnitMerge if !text("into").is_empty() => match lang {
            Lang::Zh => format!("并入 {}", text("into")),
            Lang::En => format!("merged into {}", text("into")),
        },
        Action::UnitMerge => match lang {
            Lang::Zh => format!("并入了 {}", text("merged")),
            Lang::En => format!("took in {}", text("merged")),
        },
        Action::Undo => {
            let op = detail
                .get("operation")
                .and_then(Value::as_i64)
                .unwrap_or_default();
            match lang {
                Lang::Zh => format!("撤销了操作 {op}（{}）", cut(text("command"))),
                Lang::En => format!("undid operation {op} ({})", cut(text("command"))),
            }
        }
        Action::Merge => {
            let fields: Vec<String> = detail
                .get("fields")
                .and_then(Value::as_object)
                .map(|f| f.keys().map(|k| field_label(k, lang).to_string()).collect())
                .unwrap_or_default();
            match lang {
                Lang::Zh => format!(
                    "{} 中的{}与本台账不一致，保留本台账的记录",
                    text("source"),
                    fields.join("、")
                ),
                Lang::En => format!(
                    "{} differs in {}; this store's version kept",
                    text("source"),
                    fields.join(", ")
                ),
            }
        }
        Action::Recur => {
            let confirmed = text("decision") == "confirmed";
            match (confirmed, lang) {
                (true, Lang::Zh) => format!("确认 {} 为 {} 的反复", text("later"), text("earlier")),
                (false, Lang::Zh) => format!("排除 {} 与 {}", text("earlier"), text("later")),
                (true, Lang::En) => format!("{} recurs as {}", text("earlier"), text("later")),
                (false, Lang::En) => {
                    format!("{} and {} are different", text("earlier"), text("later"))
                }
            }
        }
        Action::Progress => {
            let status = text("status")
                .parse::<Status>()
                .map(|s| lang.status(s))
                .unwrap_or("");
            let mut parts = vec![status.to_string(), text("date")];
            let note = text("note");
            if !note.is_empty() {
                parts.push(cut(note));
            }
            parts.join(" ")
        }
        Action::Edit => {
            let Some(changes) = detail.get("changes").and_then(Value::as_object) else {
                return String::new();
            };
            changes
                .iter()
                .map(|(field, change)| {
                    let show = |v: Option<&Value>| match v {
                        Some(Value::String(s)) => cut(s.clone()),
                        Some(Value::Array(items)) if items.is_empty() => {
                            lang.pick("（空）", "(none)").to_string()
                        }
                        Some(Value::Array(items)) => items
                            .iter()
                            .map(|i| i.as_str().map_or_else(|| i.to_string(), str::to_string))
                            .collect::<Vec<_>>()
                            .join(lang.pick("、", ", ")),
                        Some(Value::Null) | None => lang.pick("（空）", "(none)").to_string(),
                        Some(other) => other.to_string(),
                    };
                    format!(
                        "{}: {} → {}",
                        field_label(field, lang),
                        show(change.get("from")),
                        show(change.get("to"))
                    )
                })
                .collect::<Vec<_>>()
                .join("; ")
        }
    }
}

/// The name people know an edited field by.
fn field_label(field: &str, lang: Lang) -> &str {
    match (field, lang) {
        ("text", Lang::Zh) => "内容",
        ("year", Lang::Zh) => "年度",
        ("category", Lang::Zh) => "类别",
        ("title", Lang::Zh) => "标题",
        ("leader", Lang::Zh) => "责任领导",
        ("owner_dept", Lang::Zh) => "牵头部门",
        ("co_depts", Lang::Zh) => "配合部门",
        ("owner_person", Lang::Zh) => "责任人",
        ("deadline_kind", Lang::Zh) => "时限类型",
        ("due", Lang::Zh) => "整改时限",
        ("institution", Lang::Zh) => "建章立制",
        (other, _) => other,
    }
}

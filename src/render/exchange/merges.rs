//! What `merge` and `import --json` print: per source, the rows added and updated, renumbered
//! items, conflicts and notes, in the user's language.

use std::io::{self, Write};

use serde::Serialize;

use super::{json, wrap};
use crate::model::{Conflict, MergeNote, Merged, MergedCounts};
use crate::render::{Format, Lang};

/// One merge (or `import --json`) source and what it brought.
#[derive(Debug, Serialize)]
pub struct MergeSummary {
    pub source: String,
    pub dry_run: bool,
    #[serde(flatten)]
    pub report: Merged,
}

pub fn print_merges(
    out: &mut dyn Write,
    format: Format,
    lang: Lang,
    merges: &[MergeSummary],
) -> io::Result<()> {
    match format {
        Format::Json => match merges {
            [one] => json(out, one),
            many => json(out, &many),
        },
        Format::Csv => {
            let mut w = crate::render::cells::CsvWriter::from_writer(out);
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

fn merge_lines(m: &MergeSummary, lang: Lang) -> Vec<String> {
    let r = &m.report;
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
        lines.push(conflict_text(c, lang));
    }
    lines.extend(r.notes.iter().map(|n| format!("  {}", note_text(n, lang))));
    lines
}

/// One conflict: the fields changed on both sides, what each side changed, and what was taken.
fn conflict_text(c: &Conflict, lang: Lang) -> String {
    let names = |fields: &[String]| -> String {
        let mut names: Vec<&str> = Vec::new();
        for f in fields {
            let name = match lang {
                Lang::Zh => field_label(f),
                Lang::En => f.as_str(),
            };
            if !names.contains(&name) {
                names.push(name);
            }
        }
        match (names.is_empty(), lang) {
            (true, Lang::Zh) => "（无修改记录）".to_string(),
            (true, Lang::En) => "(no recorded edit)".to_string(),
            (false, Lang::Zh) => names.join("、"),
            (false, Lang::En) => names.join(", "),
        }
    };
    let (id, both, this, other) = (
        c.id,
        names(&c.fields),
        names(&c.this_edited),
        names(&c.other_edited),
    );
    match lang {
        Lang::Zh => {
            let taken = if c.taken.is_empty() {
                String::new()
            } else {
                format!("，已采用对方改的{}", names(&c.taken))
            };
            format!(
                "  冲突：{id} 的{both}两边都改过，保留本库的（本库改了{this}；对方改了{other}{taken}），对方的修改见 taizhang history {id}"
            )
        }
        Lang::En => {
            let taken = if c.taken.is_empty() {
                String::new()
            } else {
                format!("; took their {}", names(&c.taken))
            };
            format!(
                "  conflict: {id} has {both} changed in both (here: {this}; there: {other}{taken}); kept this store's, theirs is in 'taizhang history {id}'"
            )
        }
    }
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
        "institution" => "建章立制",
        other => other,
    }
}

fn counts_text(c: &MergedCounts, lang: Lang) -> String {
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

fn note_text(note: &MergeNote, lang: Lang) -> String {
    match (note, lang) {
        (MergeNote::UnitByName { name, unit }, Lang::Zh) => {
            format!("单位“{name}”按名称对应本库的“{unit}”")
        }
        (MergeNote::UnitByName { name, unit }, Lang::En) => {
            format!("their unit '{name}' was taken as '{unit}' here")
        }
        (MergeNote::AliasTaken { alias, unit }, Lang::Zh) => {
            format!("别名“{alias}”在本库已属于“{unit}”，未添加")
        }
        (MergeNote::AliasTaken { alias, unit }, Lang::En) => {
            format!("alias '{alias}' names '{unit}' here; not added")
        }
        (MergeNote::DeletedHere { id, .. }, Lang::Zh) => {
            format!("对方的 {id} 在本库已删除，未恢复")
        }
        (MergeNote::DeletedHere { id, .. }, Lang::En) => {
            format!("their {id} was deleted here; not brought back")
        }
        (MergeNote::Deleted { id, .. }, Lang::Zh) => format!("{id} 已在对方删除，本库一并删除"),
        (MergeNote::Deleted { id, .. }, Lang::En) => {
            format!("{id} was deleted there, and here too")
        }
        (MergeNote::KeptDeleted { id, .. }, Lang::Zh) => {
            format!("{id} 已在对方删除，但本库有其进展或修改，予以保留")
        }
        (MergeNote::KeptDeleted { id, .. }, Lang::En) => {
            format!("{id} was deleted there but has changes or progress here; kept")
        }
        (MergeNote::DocumentKept { file_name, .. }, Lang::Zh) => {
            format!(
                "总结“{}”两边内容不同，保留本库的",
                file_name.as_deref().unwrap_or("?")
            )
        }
        (MergeNote::DocumentKept { file_name, .. }, Lang::En) => {
            format!(
                "summary '{}' differs; kept this store's",
                file_name.as_deref().unwrap_or("?")
            )
        }
        (MergeNote::CarryKept { to }, Lang::Zh) => format!("{to} 在本库延续的是另一条措施，未改动"),
        (MergeNote::CarryKept { to }, Lang::En) => {
            format!("{to} continues another measure here; left as it is")
        }
        (MergeNote::DecisionKept { earlier, later }, Lang::Zh) => {
            format!("{earlier} 与 {later} 的反弹判断两边不同，保留本库较新的判断")
        }
        (MergeNote::DecisionKept { earlier, later }, Lang::En) => {
            format!("the recurrence decision on {earlier} and {later} differs; kept this store's later one")
        }
    }
}

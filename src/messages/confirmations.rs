//! What a command says on stdout when it has done its work, or found nothing to do: one
//! sentence per outcome, in Chinese ([`Done::zh`]) and in English ([`Done::en`]). Each function
//! is one exhaustive `match`, so a confirmation cannot be added without both wordings.

use crate::analysis::recurrence::Level;
use crate::model::Status;
use crate::render::Lang;

/// What `recur --explain` says about one pair. Scores are pre-formatted ("0.38"); `shared` is
/// word and weight pairs, heaviest first; `similar` is (earlier's word, later's word, what the
/// match adds) for different words that share characters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Explanation {
    pub earlier: String,
    pub earlier_year: i32,
    pub later: String,
    pub later_year: i32,
    pub shared: Vec<(String, String)>,
    pub similar: Vec<(String, String, String)>,
    pub cues: Vec<String>,
    pub outcome: Option<Status>,
    pub words_score: String,
    pub score: String,
    pub level: Level,
    pub threshold: String,
}

/// A confirmation or a "nothing here" notice, with its arguments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Done {
    // —— backup, restore ——
    BackedUp {
        file: String,
        units: i64,
        problems: i64,
        measures: i64,
    },
    Restored {
        file: String,
        store: String,
        units: i64,
        problems: i64,
        measures: i64,
    },
    RestoredAndUpgraded {
        from: i64,
        to: i64,
    },
    KeptBeforeRestore {
        kept: String,
    },
    // —— init ——
    StoreCreated {
        path: String,
    },
    StoreUpgradedTo {
        path: String,
        version: i64,
    },
    StoreAlreadyThere {
        path: String,
        version: i64,
    },
    // —— recording items ——
    ProblemRecorded {
        id: String,
        unit: String,
        year: i32,
    },
    MeasureRecorded {
        id: String,
        unit: String,
        year: i32,
    },
    ProgressLogged {
        id: String,
        status: Status,
        date: String,
    },
    Edited {
        id: String,
    },
    Unchanged {
        id: String,
    },
    Deleted {
        id: String,
        reason: String,
    },
    DeleteUndoHint {
        operation: i64,
    },
    Carried {
        id: String,
        year: i32,
        to: String,
    },
    // —— links and recurrences ——
    Linked {
        measure: String,
        problem: String,
    },
    AlreadyLinked {
        measure: String,
        problem: String,
    },
    Unlinked {
        measure: String,
        problem: String,
    },
    NotLinked {
        measure: String,
        problem: String,
    },
    EveryMeasureLinked,
    NoProblemCloseEnough {
        unlinked: usize,
    },
    SuggestionsHint {
        unlinked: usize,
        suggested: usize,
    },
    LinkedAsSuggested {
        measure: String,
        problem: String,
    },
    NoSuggestionToAccept,
    NoRecurrence,
    RecurConfirmed {
        later: String,
        later_year: i32,
        earlier: String,
        earlier_year: i32,
    },
    RecurRejected {
        later: String,
        earlier: String,
    },
    /// `recur --explain`: why two problems score what they score.
    RecurExplained(Box<Explanation>),
    // —— units ——
    UnitAdded {
        name: String,
    },
    NoUnits,
    AliasAdded {
        alias: String,
        unit: String,
    },
    UnitRenamed {
        old: String,
        new: String,
    },
    UnitRemoved {
        name: String,
        problems: i64,
        measures: i64,
        operation: i64,
    },
    UnitsMerged {
        other: String,
        keep: String,
        problems: i64,
        measures: i64,
    },
    // —— history, undo ——
    NoEvents,
    NoOperations,
    Undone {
        operation: i64,
        command: String,
        when: String,
        changes: usize,
        undo: i64,
    },
    // —— import, report, demo ——
    DryRunReplace,
    DryRunReview,
    Wrote {
        path: String,
    },
    DemoBuilt {
        store: String,
        unit: String,
        links: usize,
    },
    DemoSectionHeading,
    DemoNextSteps {
        store: String,
        unit: String,
        as_of: String,
    },
}

impl Done {
    /// The confirmation in `lang`.
    pub fn render(&self, lang: Lang) -> String {
        match lang {
            Lang::Zh => self.zh(),
            Lang::En => self.en(),
        }
    }

    /// The Chinese wording.
    pub(super) fn zh(&self) -> String {
        match self {
            Done::BackedUp { file, units, problems, measures } => format!(
                "已备份到 {file}（单位 {units} 个，问题 {problems} 个，整改措施 {measures} 条）"
            ),
            Done::Restored { file, store, units, problems, measures } => format!(
                "已从 {file} 恢复台账 {store}（单位 {units} 个，问题 {problems} 个，整改措施 {measures} 条）"
            ),
            Done::RestoredAndUpgraded { from, to } => {
                format!("备份来自旧版台账（第{from}版），已升级到第{to}版")
            }
            Done::KeptBeforeRestore { kept } => format!(
                "恢复前的台账已备份到 {kept}（需要时可用 taizhang restore {kept} 换回）"
            ),
            Done::StoreCreated { path } => format!("已创建台账：{path}"),
            Done::StoreUpgradedTo { path, version } => {
                format!("已将台账 {path} 升级到第{version}版")
            }
            Done::StoreAlreadyThere { path, version } => {
                format!("台账已存在：{path}（版本 {version}），无需初始化")
            }
            Done::ProblemRecorded { id, unit, year } => {
                format!("已记录问题 {id}（{unit} {year}年度）")
            }
            Done::MeasureRecorded { id, unit, year } => {
                format!("已记录整改措施 {id}（{unit} {year}年度）")
            }
            Done::ProgressLogged { id, status, date } => {
                format!("已记录 {id} 的整改进展：{} {date}", status.label_zh())
            }
            Done::Edited { id } => format!("已修改 {id}"),
            Done::Unchanged { id } => format!("{id} 没有变化"),
            Done::Deleted { id, reason } => format!("已删除 {id}（原因：{reason}）"),
            Done::DeleteUndoHint { operation } => {
                format!("如属误删，可用 taizhang undo {operation} 恢复。")
            }
            Done::Carried { id, year, to } => {
                format!("{id} 持续推进，已列入{year}年度整改措施 {to}")
            }
            Done::Linked { measure, problem } => format!("已关联：{measure} 针对 {problem}"),
            Done::AlreadyLinked { measure, problem } => {
                format!("{measure} 与 {problem} 已经关联，无需改动")
            }
            Done::Unlinked { measure, problem } => format!("已取消关联：{measure} 与 {problem}"),
            Done::NotLinked { measure, problem } => {
                format!("{measure} 与 {problem} 本无关联，无需改动")
            }
            Done::EveryMeasureLinked => "没有未关联问题的措施，无需建议。".to_string(),
            Done::NoProblemCloseEnough { unlinked } => {
                format!("{unlinked}条未关联问题的措施都没有足够相近的问题，未提出建议。")
            }
            Done::SuggestionsHint { unlinked, suggested } => format!(
                "{unlinked}条未关联的措施中{suggested}条有建议。加 --accept 全部接受，或 --accept M5 只接受所列措施的建议。"
            ),
            Done::LinkedAsSuggested { measure, problem } => {
                format!("已关联 {measure} → {problem}（据建议）")
            }
            Done::NoSuggestionToAccept => "没有可接受的建议，未作改动。".to_string(),
            Done::NoRecurrence => "没有发现反复出现的问题。".to_string(),
            Done::RecurConfirmed { later, later_year, earlier, earlier_year } => {
                format!("已确认：{later}（{later_year}年度）是 {earlier}（{earlier_year}年度）的反复")
            }
            Done::RecurRejected { later, earlier } => {
                format!("已排除：{later} 与 {earlier} 不是同一问题")
            }
            Done::RecurExplained(x) => {
                let Explanation { earlier, earlier_year, later, later_year, shared, similar, cues, outcome, words_score, score, level, threshold } = &**x;
                let shared = if shared.is_empty() { "无".to_string() } else { shared.iter().map(|(w, x)| format!("{w}（{x}）")).collect::<Vec<_>>().join("、") };
                let similar = if similar.is_empty() { "无".to_string() } else { similar.iter().map(|(e, l, x)| format!("{e}≈{l}（{x}）")).collect::<Vec<_>>().join("、") };
                let cues = if cues.is_empty() { "无".to_string() } else { cues.join("、") };
                let outcome = outcome.map_or("未报告", |s| s.label_zh());
                format!("{earlier}（{earlier_year}年度）与 {later}（{later_year}年度）：把握{}（{score}）\n共有的词（权重）：{shared}\n相近的词（相近度）：{similar}\n后者的延续用语：{cues}\n前者报告的整改情况：{outcome}\n词语相似度 {words_score}，计入延续用语和整改情况后 {score}；建议阈值 {threshold}", level.zh())
            }
            Done::UnitAdded { name } => format!("已添加单位：{name}"),
            Done::NoUnits => "台账中还没有单位；用“taizhang unit add 名称”添加。".to_string(),
            Done::AliasAdded { alias, unit } => format!("“{alias}”现在也指{unit}"),
            Done::UnitRenamed { old, new } => {
                format!("已将“{old}”改名为“{new}”，原名保留为别名")
            }
            Done::UnitRemoved { name, problems, measures, operation } => format!(
                "已删除单位“{name}”（问题 {problems} 个，整改措施 {measures} 条）；可用 taizhang undo {operation} 恢复"
            ),
            Done::UnitsMerged { other, keep, problems, measures } => format!(
                "已将“{other}”并入“{keep}”（问题 {problems} 个，整改措施 {measures} 条），原名保留为别名"
            ),
            Done::NoEvents => "没有记录。".to_string(),
            Done::NoOperations => "还没有任何操作。".to_string(),
            Done::Undone { operation, command, when, changes, undo } => format!(
                "已撤销操作 {operation}（{command}，{when}）：还原 {changes} 处改动。撤销本身是操作 {undo}，可用 taizhang undo {undo} 恢复。"
            ),
            Done::DryRunReplace => {
                "（试运行：以上是 --replace 将要做的改动，台账未作任何改动。）".to_string()
            }
            Done::DryRunReview => {
                "（试运行：以上是按审核稿 --replace 将要做的改动，台账未作任何改动。）"
                    .to_string()
            }
            Done::Wrote { path } => format!("已写入 {path}"),
            Done::DemoBuilt { store, unit, links } => format!(
                "已用示例材料建立台账 {store}：{unit} 2022—2024 年三份年度总结，接受了 {links} 条措施与问题的关联建议（taizhang link --suggest），并记录了 2024 年的整改进展。"
            ),
            Done::DemoSectionHeading => "——据此生成的2024年度总结整改部分——".to_string(),
            Done::DemoNextSteps { store, unit, as_of } => format!(
                "接着试试：\n  taizhang --db {store} status --overdue --as-of {as_of}\n  taizhang --db {store} report --unit {unit} --year 2024 --as-of {as_of} -o 整改情况.docx\n  taizhang --db {store} show P1"
            ),
        }
    }

    /// The English wording.
    pub(super) fn en(&self) -> String {
        match self {
            Done::BackedUp { file, units, problems, measures } => format!(
                "backed up to {file} ({units} units, {problems} problems, {measures} measures)"
            ),
            Done::Restored { file, store, units, problems, measures } => format!(
                "restored {store} from {file} ({units} units, {problems} problems, {measures} measures)"
            ),
            Done::RestoredAndUpgraded { from, to } => {
                format!("the backup was of schema {from}; it has been upgraded to {to}")
            }
            Done::KeptBeforeRestore { kept } => format!(
                "the store as it was is kept in {kept} (taizhang restore {kept} puts it back)"
            ),
            Done::StoreCreated { path } => format!("created store {path}"),
            Done::StoreUpgradedTo { path, version } => {
                format!("upgraded store {path} to schema {version}")
            }
            Done::StoreAlreadyThere { path, version } => {
                format!("store {path} already exists (schema {version}); nothing to do")
            }
            Done::ProblemRecorded { id, unit, year } => {
                format!("recorded problem {id} ({unit}, {year})")
            }
            Done::MeasureRecorded { id, unit, year } => {
                format!("recorded measure {id} ({unit}, {year})")
            }
            Done::ProgressLogged { id, status, date } => {
                format!("logged progress on {id}: {} on {date}", status.label_en())
            }
            Done::Edited { id } => format!("edited {id}"),
            Done::Unchanged { id } => format!("{id} is unchanged"),
            Done::Deleted { id, reason } => format!("deleted {id} (reason: {reason})"),
            Done::DeleteUndoHint { operation } => {
                format!("To bring them back: taizhang undo {operation}")
            }
            Done::Carried { id, year, to } => format!("carried {id} over into {year} as {to}"),
            Done::Linked { measure, problem } => format!("linked {measure} to {problem}"),
            Done::AlreadyLinked { measure, problem } => {
                format!("{measure} and {problem} were already linked; nothing changed")
            }
            Done::Unlinked { measure, problem } => format!("unlinked {measure} from {problem}"),
            Done::NotLinked { measure, problem } => {
                format!("{measure} and {problem} were not linked; nothing changed")
            }
            Done::EveryMeasureLinked => {
                "Every measure is linked to a problem; nothing to suggest.".to_string()
            }
            Done::NoProblemCloseEnough { unlinked } => format!(
                "No problem is close enough to any of the {unlinked} unlinked measures; nothing to suggest."
            ),
            Done::SuggestionsHint { unlinked, suggested } => format!(
                "{suggested} of {unlinked} unlinked measures have a suggestion. Add --accept to record them all, or --accept M5 for the listed measures only."
            ),
            Done::LinkedAsSuggested { measure, problem } => {
                format!("linked {measure} → {problem} (as suggested)")
            }
            Done::NoSuggestionToAccept => "No suggestion to accept; nothing changed.".to_string(),
            Done::NoRecurrence => "No recurring problems found.".to_string(),
            Done::RecurConfirmed { later, later_year, earlier, earlier_year } => {
                format!("confirmed: {later} ({later_year}) recurs from {earlier} ({earlier_year})")
            }
            Done::RecurRejected { later, earlier } => {
                format!("rejected: {later} and {earlier} are different problems")
            }
            Done::RecurExplained(x) => {
                let Explanation { earlier, earlier_year, later, later_year, shared, similar, cues, outcome, words_score, score, level, threshold } = &**x;
                let shared = if shared.is_empty() { "none".to_string() } else { shared.iter().map(|(w, x)| format!("{w} ({x})")).collect::<Vec<_>>().join(", ") };
                let similar = if similar.is_empty() { "none".to_string() } else { similar.iter().map(|(e, l, x)| format!("{e}~{l} ({x})")).collect::<Vec<_>>().join(", ") };
                let cues = if cues.is_empty() { "none".to_string() } else { cues.join(", ") };
                let outcome = outcome.map_or("not reported", |s| s.label_en());
                format!("{earlier} ({earlier_year}) and {later} ({later_year}): {} confidence ({score})\nshared words (weight): {shared}\nlike words (likeness): {similar}\ncontinuity cues in the later one: {cues}\nreported outcome of the earlier one: {outcome}\nword similarity {words_score}, {score} with cues and outcome; threshold {threshold}", level.en())
            }
            Done::UnitAdded { name } => format!("added unit {name}"),
            Done::NoUnits => "No units yet; add one with 'taizhang unit add NAME'.".to_string(),
            Done::AliasAdded { alias, unit } => format!("'{alias}' now also names {unit}"),
            Done::UnitRenamed { old, new } => {
                format!("renamed '{old}' to '{new}'; the old name stays as an alias")
            }
            Done::UnitRemoved { name, problems, measures, operation } => format!(
                "removed the unit '{name}' ({problems} problems, {measures} measures); 'taizhang undo {operation}' brings it back"
            ),
            Done::UnitsMerged { other, keep, problems, measures } => format!(
                "merged '{other}' into '{keep}' ({problems} problems, {measures} measures); its name stays as an alias"
            ),
            Done::NoEvents => "No events.".to_string(),
            Done::NoOperations => "No operations yet.".to_string(),
            Done::Undone { operation, command, when, changes, undo } => format!(
                "undid operation {operation} ({command}, {when}): {changes} changes reverted. The undo is operation {undo}; 'taizhang undo {undo}' brings them back."
            ),
            Done::DryRunReplace => {
                "(Dry run: the above is what --replace would do; nothing was written.)".to_string()
            }
            Done::DryRunReview => {
                "(Dry run: the above is what --replace with this review would do; nothing was written.)"
                    .to_string()
            }
            Done::Wrote { path } => format!("wrote {path}"),
            Done::DemoBuilt { store, unit, links } => format!(
                "Built the demo store {store}: three annual summaries (2022–2024) of {unit}, {links} suggested links of measures to problems accepted (taizhang link --suggest), and progress logged in 2024."
            ),
            Done::DemoSectionHeading => {
                "— the 2024 summary's rectification section, written from the ledger —".to_string()
            }
            Done::DemoNextSteps { store, unit, as_of } => format!(
                "Go on with:\n  taizhang --db {store} status --overdue --as-of {as_of}\n  taizhang --db {store} report --unit {unit} --year 2024 --as-of {as_of} -o section.docx\n  taizhang --db {store} show P1"
            ),
        }
    }
}

//! Why a command refused or stopped: undo, suggested links, units, the demo, damaged exports and
//! merges, report templates, evidence and standard input. One sentence each that says what is
//! wrong and what to do, in Chinese ([`Refusal::zh`]) and in English ([`Refusal::en`]).

use super::IoReason;

/// A record of an export or merged store, named by what it holds (`"problem"`, `"measure"`, …).
pub type Record = &'static str;

/// What is wrong with one record of an export file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExportFlaw {
    Year { record: Record, year: i64 },
    Date { record: Record, date: String },
    NoText { record: Record },
    Deadline { kind: String },
    Institution { code: String },
    Status { status: String },
    DroppedWithoutReason,
    ProgressOn { kind: String },
    Decision { decision: String },
}

/// A row of an export or store that points at an item it does not hold: its table (by the
/// export's key, `"links"`, `"progress"`, …), its row counted from 1, what it points at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unplaced {
    pub table: Record,
    pub row: usize,
    pub kind: Record,
    pub uuid: String,
}

/// Why the demo will not replace what is at its path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotDemo {
    /// A taizhang store the demo did not make.
    OtherStore,
    /// Not a taizhang store at all.
    NotAStore,
    /// The demo's store, changed since.
    ChangedSince,
}

/// What a report template did wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TemplateFault {
    UndefinedValue,
    Syntax,
    /// Anything else; the template engine's own words are shown in English only.
    Other {
        detail: String,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    DeleteNeedsReason,
    StdinTwice,
    StdinUnreadable {
        reason: IoReason,
    },
    EvidenceUnreadable {
        reference: String,
        reason: IoReason,
    },
    ForTakesProblems {
        id: String,
    },
    AcceptNotAMeasure {
        text: String,
    },
    AcceptNoSuggestion {
        measure: String,
    },
    AcceptNotSuggested {
        measure: String,
        problem: String,
        offered: Vec<String>,
    },
    NothingToUndo,
    NoSuchOperation {
        operation: i64,
    },
    NotAnOperation {
        text: String,
    },
    AlreadyUndone {
        operation: i64,
        by: i64,
    },
    UndoNeededBy {
        operation: i64,
        later: Vec<i64>,
    },
    UnitNotEmpty {
        name: String,
        problems: i64,
        measures: i64,
        documents: i64,
    },
    UnitsAlreadyOne {
        keep: String,
        other: String,
    },
    DemoWouldOverwrite {
        path: String,
        why: NotDemo,
    },
    DemoCannotRemove {
        path: String,
        reason: IoReason,
    },
    ExportDamaged {
        path: String,
    },
    ExportFlawed {
        path: String,
        flaw: ExportFlaw,
    },
    MergeUnplaced {
        path: String,
        first: Unplaced,
        more: usize,
    },
    MergeMissing {
        path: String,
        kind: Record,
        uuid: String,
    },
    TemplateTooLarge {
        mb: u64,
    },
    TemplateTooLong {
        steps: u64,
    },
    TemplateBroken {
        fault: TemplateFault,
        line: Option<usize>,
    },
    StoreDiskFull {
        path: String,
    },
    StoreIoFailed {
        path: String,
    },
    /// `--template-docx` names a file that cannot be read.
    WordTemplateUnreadable {
        path: String,
        reason: IoReason,
    },
    /// `--template-docx` names a file that is not a .docx (a .doc, a .wps, anything else).
    WordTemplateNotDocx {
        path: String,
    },
    /// `--template-docx` names a .docx without paragraph styles.
    WordTemplateNoStyles {
        path: String,
    },
    /// `--template-docx` with an -o file that is not a .docx.
    WordTemplateNeedsDocx {
        path: String,
    },
    /// `import --ledger --sheet` names one of the figures sheets an export writes.
    LedgerSheetIsFigures {
        sheet: String,
    },
    /// `export --xlsx` of more ledger rows than a workbook holds.
    XlsxTooLarge {
        rows: usize,
        max: usize,
    },
}

fn record_zh(record: Record) -> &'static str {
    match record {
        "unit" => "单位",
        "problem" => "问题",
        "document" => "总结",
        "measure" => "措施",
        "progress entry" | "progress" => "整改进展",
        "recurrence" | "recurrences" => "反复出现的认定",
        "links" => "关联",
        "measure_co_depts" => "协办部门",
        "evidence" => "佐证材料",
        "carry_overs" => "持续推进",
        _ => "记录",
    }
}

fn reason_zh(reason: &IoReason) -> String {
    super::zh::reason(reason)
}

fn reason_en(reason: &IoReason) -> String {
    super::en::reason(reason)
}

impl Refusal {
    /// The Chinese wording.
    pub(super) fn zh(&self) -> String {
        match self {
            Refusal::DeleteNeedsReason => "删除需要写明原因：加上 --reason \"原因\"".to_string(),
            Refusal::StdinTwice => "标准输入（-）只能读一次，请只写一个 -".to_string(),
            Refusal::StdinUnreadable { reason } => {
                format!("无法读取标准输入（{}）；请检查管道或重定向。", reason_zh(reason))
            }
            Refusal::EvidenceUnreadable { reference, reason } => format!(
                "无法读取佐证材料 {reference}（{}）；请检查路径，或改写为不指向文件的说明。",
                reason_zh(reason)
            ),
            Refusal::ForTakesProblems { id } => format!(
                "--for 后面应是问题编号，而 {id} 是措施；请写问题编号，如 P3。"
            ),
            Refusal::AcceptNotAMeasure { text } => format!(
                "--accept 后的“{text}”不是措施编号；请写措施编号（M5）或措施与问题（M5:P3）"
            ),
            Refusal::AcceptNoSuggestion { measure } => format!(
                "{measure} 没有关联建议（它已关联问题、不在所选范围内，或没有足够相近的问题），请用 taizhang link --suggest 查看建议"
            ),
            Refusal::AcceptNotSuggested { measure, problem, offered } => format!(
                "{measure}:{problem} 不在建议之中（{measure} 的建议是 {}），可用 taizhang link {measure} {problem} 直接关联",
                offered.join("、")
            ),
            Refusal::NothingToUndo => {
                "没有可以撤销的操作（用 taizhang undo --list 查看操作记录）".to_string()
            }
            Refusal::NoSuchOperation { operation } => format!(
                "没有编号为 {operation} 的操作（用 taizhang undo --list 查看操作记录）"
            ),
            Refusal::NotAnOperation { text } => {
                format!("“{text}”不是操作编号；操作编号是数字，见 taizhang undo --list")
            }
            Refusal::AlreadyUndone { operation, by } => format!(
                "操作 {operation} 已由操作 {by} 撤销；要恢复它，请撤销操作 {by}：taizhang undo {by}"
            ),
            Refusal::UndoNeededBy { operation, later } => format!(
                "操作 {operation} 之后的操作 {} 用到或改动了它的记录，不能单独撤销；请先从最后一个撤销起：taizhang undo {}",
                join(later, "、"),
                later.last().copied().unwrap_or(*operation)
            ),
            Refusal::UnitNotEmpty { name, problems, measures, documents } => format!(
                "“{name}”还有问题 {problems} 个、整改措施 {measures} 条、导入的总结 {documents} 份；确要连同这些一起删除，请加 --force（可用 taizhang undo 恢复）；若它与另一单位是同一单位，请用 taizhang unit merge"
            ),
            Refusal::UnitsAlreadyOne { keep, other } => format!("“{keep}”和“{other}”已是同一单位"),
            Refusal::DemoWouldOverwrite { path, why } => {
                let why = match why {
                    NotDemo::OtherStore => "是另一本台账，不是示例建立的",
                    NotDemo::NotAStore => "已存在，且不是示例台账",
                    NotDemo::ChangedSince => "在示例之后有过改动（或不是示例台账）",
                };
                format!("{path} {why}；示例从不覆盖它，请用 --db 另给一个路径。")
            }
            Refusal::DemoCannotRemove { path, reason } => format!(
                "无法删除旧的示例台账 {path}（{}）；请手动删除，或用 --db 另给一个路径。",
                reason_zh(reason)
            ),
            Refusal::ExportDamaged { path } => format!(
                "{path} 是已损坏的 taizhang 导出文件（内容不完整或被改动过）；请从原台账重新导出。"
            ),
            Refusal::ExportFlawed { path, flaw } => {
                let flaw = match flaw {
                    ExportFlaw::Year { record, year } => {
                        format!("有一条{}的年份是 {year}", record_zh(record))
                    }
                    ExportFlaw::Date { record, date } => {
                        format!("有一条{}的日期是“{date}”", record_zh(record))
                    }
                    ExportFlaw::NoText { record } => {
                        format!("有一条{}没有内容", record_zh(record))
                    }
                    ExportFlaw::Deadline { kind } => format!("有一条措施的整改时限是“{kind}”"),
                    ExportFlaw::Institution { code } => format!("有一条措施的建章立制类别是“{code}”"),
                    ExportFlaw::Status { status } => format!("有一条整改进展的状态是“{status}”"),
                    ExportFlaw::DroppedWithoutReason => {
                        "有一条“已撤销”的整改进展没有写明原因".to_string()
                    }
                    ExportFlaw::ProgressOn { kind } => {
                        format!("有一条整改进展记在“{kind}”上")
                    }
                    ExportFlaw::Decision { decision } => {
                        format!("有一条反复出现的认定是“{decision}”")
                    }
                };
                format!("{path} 中{flaw}，台账不能接受；请从原台账重新导出。")
            }
            Refusal::MergeUnplaced { path, first, more } => {
                let more = match more {
                    0 => String::new(),
                    n => format!("等 {} 行", n + 1),
                };
                format!(
                    "{path} 中有记录指向文件里没有的条目：{}第{}行（{} {}）{more}；未作任何合并，请从原台账重新导出。",
                    record_zh(first.table),
                    first.row,
                    record_zh(first.kind),
                    first.uuid
                )
            }
            Refusal::MergeMissing { path, kind, uuid } => format!(
                "{path} 中有记录指向文件里没有的{}（{uuid}）；未作任何合并，请从原台账重新导出。",
                record_zh(kind)
            ),
            Refusal::TemplateTooLarge { mb } => format!(
                "模板写出的内容超过 {mb} MB，远大于一份报告；请检查其中的循环。"
            ),
            Refusal::TemplateTooLong { steps } => format!(
                "模板运行 {steps} 步后被中止，一份报告用不了这么多步；请检查其中的循环。"
            ),
            Refusal::TemplateBroken { fault, line } => {
                let place = line.map(|l| format!("第{l}行")).unwrap_or_default();
                let what = match fault {
                    TemplateFault::UndefinedValue => "用到了报告中没有的值",
                    TemplateFault::Syntax => "有语法错误",
                    TemplateFault::Other { .. } => "无法渲染",
                };
                format!(
                    "模板{place}{what}；请对照“taizhang report --print-template”输出的默认模板修改。"
                )
            }
            Refusal::StoreDiskFull { path } => format!(
                "写入台账 {path} 时磁盘已满，本次操作未作任何改动；请腾出空间后重试。"
            ),
            Refusal::StoreIoFailed { path } => format!(
                "读写台账 {path} 时磁盘出错，本次操作未作任何改动；请检查磁盘后重试，必要时用“taizhang restore 文件”恢复备份。"
            ),
            Refusal::WordTemplateUnreadable { path, reason } => format!(
                "无法读取 Word 模板 {path}（{}）；请检查路径。",
                reason_zh(reason)
            ),
            Refusal::WordTemplateNotDocx { path } => format!(
                "{path} 不是 .docx 文件，不能作 Word 模板；请在 Word 或 WPS 中另存为 .docx 后再用。"
            ),
            Refusal::WordTemplateNoStyles { path } => format!(
                "{path} 中没有段落样式，不能作 Word 模板；请用本单位的公文模板（.docx）。"
            ),
            Refusal::WordTemplateNeedsDocx { path } => format!(
                "--template-docx 只用于写 Word 文件，而 {path} 不是 .docx；请把 -o 的文件名改为以 .docx 结尾，或去掉 --template-docx。"
            ),
            Refusal::LedgerSheetIsFigures { sheet } => format!(
                "工作表“{sheet}”是 taizhang 导出时附的统计表，不是台账；请用 --sheet 指定一张年度台账工作表（如“2024年度”）。"
            ),
            Refusal::XlsxTooLarge { rows, max } => format!(
                "要导出的台账有 {rows} 行，一个 Excel 工作簿最多写 {max} 行；请用 --unit 按单位（或 --year 按年度）分开导出，或用 --csv 导出全部。"
            ),
        }
    }

    /// The English wording.
    pub(super) fn en(&self) -> String {
        match self {
            Refusal::DeleteNeedsReason => "a deletion needs a reason: add --reason \"why\"".to_string(),
            Refusal::StdinTwice => "standard input (-) can be read only once; give - once".to_string(),
            Refusal::StdinUnreadable { reason } => format!(
                "cannot read standard input ({}); check the pipe or redirection",
                reason_en(reason)
            ),
            Refusal::EvidenceUnreadable { reference, reason } => format!(
                "cannot read the evidence {reference} ({}); check the path, or write a reference that is not a file",
                reason_en(reason)
            ),
            Refusal::ForTakesProblems { id } => format!(
                "--for takes problems, and {id} is a measure; give problem ids such as P3"
            ),
            Refusal::AcceptNotAMeasure { text } => format!(
                "'{text}' after --accept is not a measure id; give a measure (M5) or a pair (M5:P3)"
            ),
            Refusal::AcceptNoSuggestion { measure } => format!(
                "{measure} has no suggestion (it is linked already, out of the chosen scope, or no problem is close enough); see 'taizhang link --suggest'"
            ),
            Refusal::AcceptNotSuggested { measure, problem, offered } => format!(
                "{measure}:{problem} is not a suggestion ({measure}'s are {}); link it directly with 'taizhang link {measure} {problem}'",
                offered.join(", ")
            ),
            Refusal::NothingToUndo => "there is nothing to undo (see 'taizhang undo --list')".to_string(),
            Refusal::NoSuchOperation { operation } => {
                format!("there is no operation {operation} (see 'taizhang undo --list')")
            }
            Refusal::NotAnOperation { text } => {
                format!("'{text}' is not an operation number; see 'taizhang undo --list'")
            }
            Refusal::AlreadyUndone { operation, by } => format!(
                "operation {operation} was undone by operation {by}; to bring it back, undo that: taizhang undo {by}"
            ),
            Refusal::UndoNeededBy { operation, later } => format!(
                "operations {} build on or change the records of operation {operation}, so it cannot be undone alone; undo them first, latest first: taizhang undo {}",
                join(later, ", "),
                later.last().copied().unwrap_or(*operation)
            ),
            Refusal::UnitNotEmpty { name, problems, measures, documents } => format!(
                "'{name}' still holds {problems} problems, {measures} measures and {documents} imported summaries; add --force to remove them with it ('taizhang undo' brings them back), or use 'taizhang unit merge' if it is another unit's second name"
            ),
            Refusal::UnitsAlreadyOne { keep, other } => {
                format!("'{keep}' and '{other}' are already one unit")
            }
            Refusal::DemoWouldOverwrite { path, why } => {
                let why = match why {
                    NotDemo::OtherStore => "is a taizhang store the demo did not make",
                    NotDemo::NotAStore => "exists and is not a taizhang demo store",
                    NotDemo::ChangedSince => {
                        "holds changes made after the demo (or is not a demo store)"
                    }
                };
                format!("{path} {why}; the demo never overwrites it: give another path with --db")
            }
            Refusal::DemoCannotRemove { path, reason } => format!(
                "cannot remove the old demo store {path} ({}); remove it yourself, or give another path with --db",
                reason_en(reason)
            ),
            Refusal::ExportDamaged { path } => format!(
                "{path} is a damaged taizhang export (cut short or edited); export it again from its store"
            ),
            Refusal::ExportFlawed { path, flaw } => {
                let flaw = match flaw {
                    ExportFlaw::Year { record, year } => format!("a {record} with the year {year}"),
                    ExportFlaw::Date { record, date } => {
                        format!("a {record} with the date '{date}'")
                    }
                    ExportFlaw::NoText { record } => format!("a {record} without text"),
                    ExportFlaw::Deadline { kind } => {
                        format!("a measure with the deadline '{kind}'")
                    }
                    ExportFlaw::Institution { code } => {
                        format!("a measure with the institution '{code}'")
                    }
                    ExportFlaw::Status { status } => {
                        format!("a progress entry with the status '{status}'")
                    }
                    ExportFlaw::DroppedWithoutReason => {
                        "a dropped progress entry without a reason".to_string()
                    }
                    ExportFlaw::ProgressOn { kind } => format!("a progress entry on a '{kind}'"),
                    ExportFlaw::Decision { decision } => {
                        format!("a recurrence decision '{decision}'")
                    }
                };
                format!("{path} holds {flaw}; export it again from its store")
            }
            Refusal::MergeUnplaced { path, first, more } => {
                let more = match more {
                    0 => String::new(),
                    n => format!(" and {n} more"),
                };
                format!(
                    "{path} has rows that point at items it does not hold: {} row {} ({} {}){more}; nothing was written, so export it again from its store",
                    first.table, first.row, first.kind, first.uuid
                )
            }
            Refusal::MergeMissing { path, kind, uuid } => format!(
                "{path} has a row that refers to {kind} {uuid}, which it does not hold; nothing was written, so export it again from its store"
            ),
            Refusal::TemplateTooLarge { mb } => format!(
                "the template writes more than {mb} MB; a report is far smaller, so check its loops"
            ),
            Refusal::TemplateTooLong { steps } => format!(
                "the template was stopped after {steps} steps; a report needs far fewer, so check its loops"
            ),
            Refusal::TemplateBroken { fault, line } => {
                let place = line.map(|l| format!(" at line {l}")).unwrap_or_default();
                let what = match fault {
                    TemplateFault::UndefinedValue => {
                        "uses a value the report does not have".to_string()
                    }
                    TemplateFault::Syntax => "has a syntax error".to_string(),
                    TemplateFault::Other { detail } => format!("cannot be rendered ({detail})"),
                };
                format!(
                    "the template {what}{place}; compare it with 'taizhang report --print-template'"
                )
            }
            Refusal::StoreDiskFull { path } => format!(
                "the disk is full: {path} could not be written and nothing was changed; free some space and try again"
            ),
            Refusal::StoreIoFailed { path } => format!(
                "the disk failed while reading or writing {path}; nothing was changed; check the disk and try again, or restore a backup with 'taizhang restore FILE'"
            ),
            Refusal::WordTemplateUnreadable { path, reason } => format!(
                "cannot read the Word template {path} ({}); check the path",
                reason_en(reason)
            ),
            Refusal::WordTemplateNotDocx { path } => format!(
                "{path} is not a .docx file and cannot serve as a Word template; save it as .docx in Word or WPS first"
            ),
            Refusal::WordTemplateNoStyles { path } => format!(
                "{path} has no paragraph styles and cannot serve as a Word template; use your unit's .docx template"
            ),
            Refusal::WordTemplateNeedsDocx { path } => format!(
                "--template-docx is for Word files only, and {path} is not a .docx; end the -o file name in .docx or leave out --template-docx"
            ),
            Refusal::LedgerSheetIsFigures { sheet } => format!(
                "the sheet '{sheet}' holds the figures taizhang adds to an export, not a ledger; name a year's ledger sheet with --sheet"
            ),
            Refusal::XlsxTooLarge { rows, max } => format!(
                "the ledger to export has {rows} rows, and a workbook takes at most {max}; export one unit with --unit (or one year with --year), or everything with --csv"
            ),
        }
    }
}

fn join(operations: &[i64], separator: &str) -> String {
    operations
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(separator)
}

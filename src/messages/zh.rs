//! The Chinese wording of every message: plain, short, full-width punctuation.

use super::{status_word, IoReason, ItemKind, Msg};
use crate::ingest::UnitSource;
use crate::render::Lang;

fn kind(kind: ItemKind) -> &'static str {
    match kind {
        ItemKind::Problem => "问题",
        ItemKind::Measure => "措施",
        ItemKind::Outcome => "整改情况",
    }
}

pub(super) fn reason(reason: &IoReason) -> String {
    match reason {
        IoReason::NotFound => "文件或文件夹不存在".to_string(),
        IoReason::PermissionDenied => "没有访问权限".to_string(),
        IoReason::IsFolder => "这是一个文件夹".to_string(),
        IoReason::Other(system) => format!("系统提示：{system}"),
    }
}

fn year(year: Option<i32>) -> String {
    year.map_or_else(|| "往年".to_string(), |y| format!("{y}年"))
}

fn text_name(what: &str) -> &str {
    match what {
        "unit name" => "单位名称",
        "alias" => "别名",
        "problem text" => "问题内容",
        "measure text" => "措施内容",
        "new text" => "新内容",
        "evidence reference" => "佐证材料",
        other => other,
    }
}

fn source(source: UnitSource) -> &'static str {
    match source {
        UnitSource::Given => "命令行",
        UnitSource::SummaryTitle => "总结标题",
        UnitSource::LedgerColumn => "台账“单位”列",
        UnitSource::LedgerTitle => "台账标题",
        UnitSource::FiledBy => "填报单位",
        UnitSource::FileName => "文件名",
    }
}

pub(super) fn render(msg: &Msg) -> String {
    match msg {
        Msg::ErrorLine { message } => format!("taizhang：错误：{message}"),
        Msg::NoteLine { message } => format!("taizhang：提示：{message}"),
        Msg::Unexpected { .. } => "操作意外中止，这多半是 taizhang 的程序缺陷；请用 --lang en 重新运行同一命令，把显示的原因报告给维护者。".to_string(),

        Msg::MalformedId { text } => format!(
            "“{text}”不是有效编号；问题编号形如 P12，措施编号形如 M34。"
        ),
        Msg::UnknownItem { kind: k, id } => format!(
            "本台账中没有{} {id}（可用“taizhang status”查看现有编号）。",
            kind(*k)
        ),
        Msg::BadDate { text } => format!(
            "“{text}”不是有效日期；请填写实际存在的日期，如 2025-06-30、2025/6/30、2025.6.30 或 2025年6月30日。"
        ),
        Msg::BadDeadline { text } => format!(
            "“{text}”不是有效的整改时限；请填写日期（如 2025-06-30 或 2025年6月30日）、“立行立改”（immediate）或“长期坚持”（long-term）。"
        ),
        Msg::YearOutOfRange { year } => format!(
            "年份 {year} 超出范围；请填写总结所属年份，在 1949 至 2100 之间。"
        ),
        Msg::EmptyText { what } => format!("{}为空；请用引号写明。", text_name(what)),
        Msg::UnknownUnit { name, closest } => match closest {
            Some(unit) => format!(
                "本台账中没有名为“{name}”的单位；是否指“{unit}”？（如需新增：taizhang unit add {name}）"
            ),
            None => format!(
                "本台账中没有名为“{name}”的单位；可用 taizhang unit add {name} 新增（现有单位见“taizhang unit list”）。"
            ),
        },
        Msg::UnitExists { name } => format!(
            "本台账中已有单位“{name}”（见“taizhang unit list”）。"
        ),
        Msg::AliasTaken { alias, unit } => format!(
            "“{alias}”已是单位“{unit}”的名称或别名；请换一个别名。"
        ),
        Msg::UnknownStatus { text, list } => format!(
            "“{text}”不是有效的整改状态；可填写：{list}（更多状态词见“taizhang progress --help”）。"
        ),
        Msg::DroppedNeedsReason => {
            "状态“已撤销”（dropped）须说明原因；请加上 --note \"撤销原因\"。".to_string()
        }
        Msg::ImportFailed { failed, total } => format!(
            "{total} 个文件中有 {failed} 个未能导入（原因见上）；其余文件已导入。"
        ),
        Msg::NoSuchSheet { path, sheet, sheets } => format!(
            "{path} 中没有名为“{sheet}”的工作表；现有工作表：{sheets}。"
        ),
        Msg::NoHeaderRow { path, sheet, names } => {
            let sheet = sheet
                .as_ref()
                .map(|s| format!("（工作表“{s}”）"))
                .unwrap_or_else(|| " ".to_string());
            format!(
                "{path}{sheet}中没有找到表头行；台账须有一行列名，如 {names}（也可用 --sheet 指定工作表）。"
            )
        }
        Msg::NotAnExport { path } => format!(
            "{path} 不是 taizhang 导出的 JSON 文件；请提供“taizhang export --json”写出的文件。"
        ),
        Msg::ExportTooNew { path, found, known } => format!(
            "{path} 由较新版本的 taizhang 导出（导出格式第{found}版，本程序最高只能读第{known}版）；请升级 taizhang 后再导入。"
        ),
        Msg::NotAStoreToMerge { path } => format!(
            "{path} 不是 taizhang 台账；合并时请提供另一本台账的 .db 文件。"
        ),
        Msg::DamagedStoreToMerge { path } => format!(
            "{path} 已损坏（未通过 SQLite 完整性检查），未作任何合并；请改用完好的副本或备份。"
        ),
        Msg::MergeWithItself { path } => format!(
            "{path} 就是本台账；请提供其他单位的台账文件或在别处制作的副本。"
        ),
        Msg::NoStore { path } => format!(
            "{path} 处没有台账；请先用“taizhang init”建立（或检查 --db 与 TAIZHANG_DB）。"
        ),
        Msg::StoreIsDirectory { path } => format!(
            "{path} 是文件夹；请提供台账文件的路径，例如 {path}/taizhang.db。"
        ),
        Msg::StoreReadOnly { path } => format!(
            "{path} 是只读文件；请改为可写（chmod u+w），或复制到可写的位置。"
        ),
        Msg::NotAStore { path } => format!(
            "{path} 不是 taizhang 台账；请检查 --db，或用新文件名运行“taizhang init”。"
        ),
        Msg::StoreTooNew { path, found, known } => format!(
            "{path} 由较新版本的 taizhang 写入（架构第{found}版，本程序最高只认第{known}版）；请升级 taizhang 后再用。"
        ),
        Msg::StoreBusy { path } => format!(
            "{path} 正被另一个 taizhang 写入；请待其完成后重试。"
        ),
        Msg::StoreNeedsUpgrade { path, found, known } => format!(
            "{path} 由较旧版本的 taizhang 写入（架构第{found}版，本程序使用第{known}版），需要升级；请运行“taizhang init”升级（升级前会先备份）。"
        ),
        Msg::StoreDamaged { path } => format!(
            "{path} 已损坏（SQLite 无法读取）；请用“taizhang restore 文件”恢复备份。"
        ),
        Msg::StoreIncomplete { path, missing } => format!(
            "{path} 缺少数据表（{missing}）；请用“taizhang restore 文件”恢复备份。"
        ),
        Msg::StoreFolderReadOnly { path } => format!(
            "{path} 所在的文件夹不可写，而写入台账需要在旁边建立日志文件；请将文件夹改为可写（chmod u+w），或把台账复制到可写的位置。"
        ),
        Msg::NotABackup { path } => format!(
            "{path} 不是 taizhang 台账；恢复时请提供“taizhang backup”写出的文件。"
        ),
        Msg::BackupDamaged { path } => format!(
            "{path} 未通过 SQLite 完整性检查，未予恢复；请换一份备份。"
        ),
        Msg::UnreadableStoreToReplace { path } => format!(
            "{path} 无法作为 taizhang 台账读取，恢复前无法先行备份；如仍要替换，请加 --force（会先保留其原始字节副本）。"
        ),
        Msg::NoDataDir => {
            "找不到存放台账的主目录；请用 --db 路径 或 TAIZHANG_DB 指定。".to_string()
        }

        Msg::CannotRead { path, reason: r } => format!(
            "无法读取 {path}（{}）；请检查路径。",
            reason(r)
        ),
        Msg::CannotWrite { path, reason: r } => format!(
            "无法写入 {path}（{}）；请检查所在文件夹是否存在、是否可写。",
            reason(r)
        ),
        Msg::FileExists { path } => format!(
            "{path} 已存在；如需覆盖请加 --force，或换一个文件名。"
        ),
        Msg::TargetIsStore { path } => format!("{path} 就是台账本身；请换一个文件名。"),
        Msg::TargetIsLink { path } => format!(
            "{path} 是符号链接；taizhang 不经链接写入，请给出实际路径。"
        ),
        Msg::TargetIsFolder { path } => format!("{path} 是文件夹；请给出要写入的文件名。"),
        Msg::TargetNotRegular { path } => format!(
            "{path} 不是普通文件（是设备或管道）；请给出要写入的文件名，或用 - 表示标准输出。"
        ),
        Msg::AppearedWhileWriting { path } => format!(
            "写入期间出现了同名文件 {path}；如需覆盖请加 --force。"
        ),
        Msg::InputNotRegular { path } => format!(
            "{path} 不是普通文件（是文件夹、管道或设备）；请给出已保存文件的路径。"
        ),
        Msg::InputTooLarge { path, mb } => format!(
            "{path} 超过 {mb} MB，比任何真实的同类文件都大；请拆分，或确认文件是否选对。"
        ),
        Msg::NotUtf8Review { path } => format!(
            "{path} 不是 UTF-8 文本；审核稿应是“import --dry-run --format json”输出的 JSON。"
        ),

        Msg::NoYearFound => {
            "标题、开头几行和落款日期中都没有年份；请用 --year 给出。".to_string()
        }
        Msg::YearFromSignature { year, date } => format!(
            "标题中没有年份：据落款日期 {date} 读作 {year} 年；如有误，请用 --year 给出。"
        ),
        Msg::NoProblemsSection => "没有找到问题部分。".to_string(),
        Msg::NoProblemInSection { heading } => {
            format!("“{heading}”部分中没有读出问题。")
        }
        Msg::NoMeasureInSection { heading } => {
            format!("“{heading}”部分中没有读出整改措施。")
        }
        Msg::PlanNotSeparable { heading } => format!(
            "“{heading}”部分提到了下一步打算，但无法把措施与问题区分开。"
        ),
        Msg::NoMeasuresSection => "没有找到整改措施部分。".to_string(),
        Msg::OutcomeWithoutStatus { text } => format!(
            "一条整改情况没有写明整改状态，未予录入：“{text}…”"
        ),
        Msg::CountWithoutItems { sentence, year: y } => format!(
            "统计句“{sentence}”给出了{}问题的整改情况，但没有逐条列出。",
            year(*y)
        ),
        Msg::CountStatusDiffers { sentence, year: y, status, said, have } => format!(
            "统计句“{sentence}”称{}问题{}{said}个，但逐条列出的{}只有{have}个。",
            year(*y),
            status_word(*status, Lang::Zh),
            status_word(*status, Lang::Zh)
        ),
        Msg::CountTotalDiffers { sentence, year: y, said, have } => format!(
            "统计句“{sentence}”称{}问题共{said}个，但逐条列出的只有{have}个。",
            year(*y)
        ),
        Msg::CountDoesNotAddUp { sentence, sum, total } => format!(
            "统计句“{sentence}”前后不符：分项合计{sum}个，总数却是{total}个。"
        ),

        Msg::NoUnitInSummary { file } => format!(
            "{file}：标题、标题下的署名行和文末落款中都没有单位名称（“我局”“我县”之类的自称不算）；请用 --unit 给出，例如 --unit 临江市财政局"
        ),
        Msg::NoYearInSummary { file } => format!(
            "{file}：标题、开头几行和落款日期中都没有年份；请用 --year 给出，例如 --year 2024"
        ),
        Msg::AlreadyImportedUnchanged => "该文件此前已导入，未作改动".to_string(),
        Msg::AlreadyImported { file, year, unit, from } => format!(
            "{file}：{unit}{year}年度总结此前已从{}导入；如需替换，请加 --replace。",
            from.as_deref().map_or_else(|| "另一文件".to_string(), |f| format!(" {f} "))
        ),
        Msg::UnitCreated { name, source: s } => {
            format!("新建单位“{name}”（取自{}）", source(*s))
        }
        Msg::UnitAliasRemembered { alias, unit } => {
            format!("“{alias}”视为“{unit}”，已记为其别名")
        }
        Msg::UnitAmbiguous { name, units } => format!(
            "“{name}”可能指以下任一单位：{units}；请把它设为其中一个单位的别名（taizhang unit alias 单位 {name}），或用 --unit 指定单位。"
        ),
        Msg::VanishedWhileImporting { item } => format!("导入过程中 {item} 不见了；请重试。"),
        Msg::AnswerOutOfRange { measure, index, count } => format!(
            "{measure} 据称针对总结中的第{index}个问题，但总结只有{count}个问题；未关联。"
        ),
        Msg::NoProblemMatchesReport { year, unit, text } => format!(
            "{unit}{year}年的问题中没有与“{text}”相符的；请用“taizhang progress”记录。"
        ),
        Msg::RewordedOnReplace { id } => {
            format!("{id} 的内容按新版本改写（编号、关联和整改进展不变）")
        }
        Msg::KeptOnReplace { id, carried, progress } => {
            let why = if *carried {
                "它与另一年度的措施有结转关系".to_string()
            } else {
                format!("已记录 {progress} 条整改进展")
            };
            format!("{id} 已不在新版本中，但{why}：予以保留（确需删除请用 taizhang delete {id}）")
        }
        Msg::DeletedOnReplace { id } => format!(
            "{id} 已不在新版本中：已删除（历史记录保留，可用 taizhang undo 恢复）"
        ),
        Msg::TypedInReview { items } => {
            let names: Vec<String> = items
                .iter()
                .map(|&(k, i)| format!("第{}个{}", i + 1, kind(k)))
                .collect();
            format!(
                "审核稿中有 {} 项在原文中未找到，按审核稿录入（历史记录注明“via: review”）：{}",
                items.len(),
                names.join("、")
            )
        }

        Msg::CarryProblem { id } => format!("{id} 是问题；请结转它的某条措施（见“taizhang show {id}”）。"),
        Msg::CarryNotLater { id, year } => format!("{id} 是{year}年度的措施；只能结转到更晚的年度。"),
        Msg::CarryAlready { id, year, later } => format!("{id} 已结转到{year}年度，即 {later}。"),
        Msg::CarryFinished { id, status } => format!("{id} 的状态是“{}”；只有未完成的措施才能结转。", status_word(*status, Lang::Zh)),
        Msg::BadThreshold { text } => format!("“{text}”不是有效的阈值；请填写大于 0、不超过 1 的数，例如 0.4。"),
        Msg::ThresholdOutOfRange { value } => format!("阈值 {value} 超出范围；请填写 0 到 1 之间的相似度，例如 0.4。"),
        Msg::NothingToEdit => "没有要修改的内容；请至少给出一项，如 --text、--owner-dept 或 --due（见“taizhang edit --help”）。".to_string(),
        Msg::EditMeasureOnly { flag, id } => format!("{flag} 只适用于措施，而 {id} 是问题；请改为修改它的某条措施。"),
        Msg::EditCategoryOnMeasure { id } => format!("--category 只适用于问题，而 {id} 是措施；措施的标题请用 --title。"),
        Msg::ExportJsonWithYear => "export --json 按整个单位导出；请去掉 --year（或用 --xlsx、--csv 导出某一年度）。".to_string(),
        Msg::XlsxName { path } => format!("Excel 按文件名识别工作簿；请让 {path} 以 .xlsx 结尾。"),
        Msg::NothingToExport { unit, year } => {
            let scope = match (unit, year) {
                (Some(u), None) => u.to_string(),
                (None, Some(y)) => format!("{y}年度"),
                _ => String::new(),
            };
            format!("{scope}没有可导出的问题或措施（见“taizhang status”）；如要一份空台账来填写，请同时给出 --unit 和 --year。")
        },
        Msg::LinkSameKind { first, second } => format!("关联须是一条措施和一个问题，而 {first} 与 {second} 是同一类；请给出措施编号（M5）和问题编号（P3）。"),
        Msg::LinkAcrossUnits { measure, measure_unit, problem, problem_unit } => format!("{measure} 属于{measure_unit}，{problem} 属于{problem_unit}；措施只能针对本单位的问题。"),
        Msg::MergeNoSuchUnit { path, name, units } => match units.as_slice() {
            [] => format!("{path} 中没有名为“{name}”的单位；该台账中没有任何单位。"),
            units => format!("{path} 中没有名为“{name}”的单位；其中的单位有：{}。", units.join("、")),
        },
        Msg::ProgressInFuture { date, today } => format!("日期 {date} 晚于基准日 {today}；整改进展须在发生后记录。"),
        Msg::ProgressBeforeYear { date, id, year } => format!("日期 {date} 早于 {id} 所属的{year}年度；请检查 --date。"),
        Msg::RecurMeasure { id } => format!("{id} 是措施；反复出现只在问题之间判断（如 P3、P12）。"),
        Msg::RecurAcrossUnits { first, first_unit, second, second_unit } => format!("{first} 属于{first_unit}，{second} 属于{second_unit}；反复出现须在同一单位之内。"),
        Msg::RecurSameYear { first, second, year } => format!("{first} 与 {second} 都是{year}年度的问题；反复出现须跨不同年度。"),
        Msg::ReportUnknownKind { path } => format!("无法从文件名判断 {path} 要写成什么格式；请以 .txt、.md 或 .docx 结尾。"),
        Msg::DashboardNotHtml { path } => format!("看板是网页，要写入以 .html 结尾的文件，而 {path} 不是；请改用如 台账.html 的文件名。"),
        Msg::ReportNeedsScope => "请给出 --unit 和 --year（见“taizhang report --help”）。".to_string(),
        Msg::TemplateUnreadable { path, reason: r } => format!("无法读取模板 {path}（{}）；请检查路径。", reason(r)),
        Msg::BadPeriod { text } => format!("“{text}”不是有效的时长；请写天数或周数，例如 30d 或 2w。"),
        Msg::StatsYearsReversed { from, to } => format!("--from {from} 晚于 --to {to}；请先写较早的年份。"),
        Msg::CsvHasNoSheets { path, sheet } => format!("{path} 是 CSV 文件，没有工作表；请去掉 --sheet {sheet}。"),
        Msg::CsvEmpty { path } => format!("{path} 是空文件；请提供带表头行和数据行的台账。"),
        Msg::CsvNotText { path } => format!("{path} 不是 CSV 文本；请在 Excel 或 WPS 中另存为 .xlsx 或“CSV UTF-8”后重试。"),
        Msg::CsvEncoding { path } => format!("{path} 既不是 UTF-8 也不是 GB18030 文本；请在 Excel 或 WPS 中另存为“CSV UTF-8”后重试。"),
        Msg::CsvBadRow { path, row } => format!("{path} 第{row}行不是有效的 CSV；请在 Excel 或 WPS 中重新另存为 CSV。"),
        Msg::NotASpreadsheet { path } => format!("无法把 {path} 作为电子表格读取；请在 Excel 或 WPS 中另存为 .xlsx 或 .csv 后重试。"),
        Msg::CannotOpenStore { path } => format!("无法打开台账 {path}；请检查所在文件夹是否存在、是否可写。"),
        Msg::NoBackupFile { path } => format!("没有文件 {path}；恢复时请提供“taizhang backup”写出的文件。"),
        Msg::RestoreFromItself { path } => format!("{path} 就是台账本身；恢复时请提供备份文件。"),
        Msg::NoStoreToMerge { path } => format!("{path} 处没有台账；合并时请提供另一本 taizhang 台账的路径。"),
        Msg::CannotCreateFolder { path, reason: r } => format!("无法为台账建立文件夹 {path}（{}）；请换一个 --db 路径。", reason(r)),
        Msg::DocEmpty { file } => format!("{file}：文件是空的；请提供有文字内容的总结。"),
        Msg::DocBinary { file } => format!("{file}：文件是二进制数据，不是文本；请提供 .txt 或 .docx 格式的总结。"),
        Msg::DocUnknownText { file } => format!("{file}：文件既不是 UTF-8 也不是 GB18030 文本；请另存为 UTF-8，或用 --encoding 指明编码。"),
        Msg::DocUnknownEncoding { file, encoding } => format!("{file}：不认识编码“{encoding}”；请用 utf-8、gbk 或 gb18030。"),
        Msg::DocWrongEncoding { file, encoding } => format!("{file}：文件不是有效的 {encoding} 文本；请检查 --encoding，或去掉它让程序自动识别。"),
        Msg::DocLegacyWord { file } => format!("{file}：这是旧版 Word（.doc）文件；请用 Word 或 WPS 打开，另存为 .docx 后再导入。"),
        Msg::DocBadDocx { file } => format!("{file}：无法读取该 .docx 文件；请用 Word 打开，重新另存为 .docx 后重试。"),
        Msg::DocUnsupported { file, kind } => format!("{file}：不能导入 {kind} 文件；请把总结另存为 .docx 或 .txt 后导入。"),
        Msg::MinUnitsTooSmall { given } => format!("--min-units {given} 太小；至少 2 个单位都提到的问题才算共性问题。"),
        Msg::LedgerWithoutYear { file } => format!("{file} 没有写明问题出自哪一年度的总结；请用 --year 给出。"),
        Msg::LedgerWithoutUnit { file } => format!("{file} 没有写明属于哪个单位；请用 --unit 给出。"),
        Msg::EvidenceNotAFile { reference } => format!(
            "{reference} 在此处不是文件；仅作为材料名称记录。"
        ),
        Msg::EvidenceIsFolder { reference } => format!(
            "佐证材料 {reference} 是文件夹；请逐个给出其中的文件，或只写材料名称。"
        ),
        Msg::SheetCellsIgnored { sheet, ignored, rows, cols } => format!(
            "工作表 {sheet} 有 {ignored} 个单元格超出第{rows}行或第{cols}列，已忽略。"
        ),
        Msg::StoreUpgraded { from, to, backup } => format!(
            "提示：台账架构将从第{from}版升级到第{to}版，升级前已备份到 {backup}"
        ),
        Msg::FileFailed { file, message } => format!("{file}：失败：{message}"),
        Msg::FileWarning { file, message } => format!("{file}：提示：{message}"),
        Msg::WarningLine { message } => format!("提示：{message}"),
        Msg::RollupNoUnits => "台账中还没有单位，无法汇总；请先用“taizhang merge”并入各单位的台账，或用“taizhang unit add”登记单位。".to_string(),
        Msg::Done(done) => done.zh(),
        Msg::Refused(refusal) => refusal.zh(),
        Msg::Review { source, error } => error.message(source, Lang::Zh),
    }
}

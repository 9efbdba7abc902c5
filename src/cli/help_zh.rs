//! The Chinese help: every command's about and every argument's help, keyed by command path
//! (`taizhang unit add`) and argument id. Global options are keyed under `taizhang` only. A test
//! checks that the table covers the whole command line and holds no key it does not use.

/// A command's help: the one-line about, and what the long help adds below it.
pub struct CommandText {
    pub about: &'static str,
    pub long_about: Option<&'static str>,
}

/// The Chinese help of the command at `path`.
pub fn command(path: &str) -> Option<CommandText> {
    COMMANDS
        .iter()
        .find(|(p, _, _)| *p == path)
        .map(|&(_, about, long_about)| CommandText { about, long_about })
}

/// The Chinese help of argument `id` of the command at `path`.
pub fn arg(path: &str, id: &str) -> Option<&'static str> {
    ARGS.iter()
        .find(|(p, i, _)| *p == path && *i == id)
        .map(|&(_, _, help)| help)
}

/// (command path, about, long about).
pub const COMMANDS: &[(&str, &str, Option<&str>)] = &[
    (
        "taizhang",
        "整改台账：逐年登记问题和整改措施，记录整改进展，掌握整改情况",
        Some("登记年度总结中的问题和整改措施，按日期记录整改进展和佐证材料，随时查看各项整改进度，包括逾期事项。"),
    ),
    (
        "taizhang init",
        "新建台账文件，或升级已有的台账文件",
        Some("台账是一个 SQLite 文件：先看 --db，再看环境变量 TAIZHANG_DB，都没有时用系统数据目录中的 taizhang.db。对已有的台账运行 init，只做尚未完成的升级；升级旧版本的台账前，先在其旁边备份一份，并予以提示。"),
    ),
    ("taizhang unit", "登记、查看单位及其名称", None),
    ("taizhang unit add", "登记单位，可同时登记总结中使用的其他名称（简称）", None),
    ("taizhang unit list", "列出各单位及其简称和台账规模", None),
    ("taizhang unit alias", "为单位增加一个名称（简称）", None),
    (
        "taizhang unit rename",
        "单位更名；原名称保留为简称，使用原名称的总结仍能对应",
        None,
    ),
    (
        "taizhang unit remove",
        "删除单位",
        Some("单位下有问题或整改措施的，须加 --force 才能删除，并一并删除其问题和整改措施（变更记录保留，可用 taizhang undo 全部恢复）。"),
    ),
    (
        "taizhang unit merge",
        "合并实为同一单位的两个单位",
        Some("第二个单位的问题、整改措施、总结和名称并入第一个单位，其名称成为第一个单位的简称。"),
    ),
    ("taizhang problem", "登记总结中查摆的问题", None),
    (
        "taizhang problem add",
        "登记某单位第 N 年度总结中查摆的问题",
        Some("年度指总结所总结的年度：2024 年度总结（2024 年底撰写）中的问题记为 2024 年度，其整改措施在 2025 年落实。"),
    ),
    ("taizhang measure", "登记总结中提出的整改措施", None),
    (
        "taizhang measure add",
        "登记某单位第 N 年度总结中提出的整改措施",
        Some("第 N 年度的整改措施在第 N+1 年落实，整改时限默认为第 N+1 年 12 月 31 日。--due 可以是日期、immediate（立行立改：登记当日到期）或 long-term（长期坚持：不计逾期）。--for 把整改措施关联到它所针对的问题。"),
    ),
    (
        "taizhang link",
        "把整改措施关联到它所针对的问题，或审核系统建议的关联",
        Some("一条整改措施可以针对多个问题，一个问题也可以有多条整改措施。两个编号的先后顺序不限。

加 --suggest 时，为每条尚未关联问题的整改措施，找出本单位最可能对应的问题（同一年度的问题；结转的整改措施还包括原措施所对应的问题），列出共同的词语和关联强度：相似度 0.30 以上为“高”，0.18 以上为“中”，0.08 以上为“低”，更低的不作建议。第二个问题的得分达到第一个的 85% 才列出。不加 --accept 时不写入任何内容；只加 --accept 时记录列出的全部建议；--accept 后面跟整改措施编号（M5）或编号对（M5:P3）时，只记录这些。所有关联一次记录，并写入各事项的变更记录。"),
    ),
    ("taizhang unlink", "取消整改措施与问题之间的关联", None),
    (
        "taizhang edit",
        "修改问题或整改措施的内容或字段",
        Some("只修改给出的选项；给空值（\"\"）表示清空该可选字段。每次修改都记录原值和新值（见 taizhang history 编号）。"),
    ),
    (
        "taizhang progress",
        "记录整改进展（日期、状态、说明、佐证材料）",
        Some("状态：planned（未启动）、in_progress（正在整改）、done（已完成）、long_term（长期坚持）、not_done（未完成）、dropped（已撤销，须用 --note 说明理由）；代码和中文名称均可。进展记录一经登记不再修改，如需更正请再记一条。--evidence 为已有文件的，记录其大小和 SHA-256 值，日后可查文件是否被改动；其他内容（文号、链接等）按原样记为引用。"),
    ),
    (
        "taizhang import",
        "导入年度总结（.txt、.docx）、Excel 台账（--ledger）或其他台账的导出文件（--json）",
        Some("从年度总结中读取问题、整改措施，以及对往年问题整改情况的说明。加 --ledger 时读取单位自行维护的 Excel 或 CSV 台账；加 --json 时读取其他台账导出的文件，按 UUID 合并。

单位和年度从标题中读取（“…局2024年度工作总结”即 2024 年度）；--unit 和 --year 可以覆盖，--unit 须为已登记的单位名称或简称。标题只写简称（如“临江市税务局”）的，通过简称或名称包含关系对应到已登记的单位，并把该简称记为简称；对应不上的单位会新增登记，并予以提示。总结中对往年问题的说明（已完成整改、持续推进等）记为对应往年问题的进展。

加 --reviewed 时，按原样记录经人工修改的预览结果（删除、拆分、合并或新增事项，设定单位和年度，用 answers 关联整改措施与问题）。重新读取其 file 所指的文件作为来源；在文件中找不到的文字按审核稿记录，并说明条数。审核稿全部有效才写入，且作为一次操作，可整体撤销。

每个文件在一个事务中导入，按年度从早到晚：某个文件失败时台账保持原样，其他文件继续导入。同一文件重复导入不作任何改动；同一单位同一年度已导入过其他文件的，须加 --replace 才能替换。"),
    ),
    (
        "taizhang report",
        "根据台账生成年度总结中的整改情况部分",
        Some("分三部分：一、上年问题整改落实情况（先列相互吻合的数字，再逐项列出上年问题及仍未完成的更早问题，写明做了什么、进展如何）；二、存在问题（本年度问题）；三、下一步打算（本年度整改措施，结转的予以标注）。数字和状态按 --as-of 日期计算。文字来自模板：用 --print-template 显示默认模板，修改后用 --template 文件 传入。

不加 -o 时输出到标准输出（--format md 为 Markdown，--format json 为计算结果）。-o 写入 文件.txt（可直接粘贴）、文件.md 或 文件.docx（公文格式）；文件已存在的，除非加 --force，否则不覆盖；不会写入台账文件、链接或设备。--template-docx 从本单位自己的 .docx 模板中取纸张、页边距、文档网格和段落样式：模板中名为 标题、一级标题（或 标题 1）、二级标题（或 标题 2）、正文 和 表格文字 的样式用于相应的段落，模板中没有的仍用公文默认样式；模板的页眉页脚不取。

用 --all-units（代替 --unit）时，生成上级机关的汇总材料：各单位合计、各单位整改完成率（点明最高和最低的单位）、各单位情况表、多个单位共同存在的问题、反复出现的问题和逾期未完成事项；--units 选定参与汇总的单位。--print-template 与 --all-units 同用时显示汇总的默认模板。"),
    ),
    (
        "taizhang carry",
        "把未完成的整改措施结转到以后年度的计划中",
        Some("新建一条第 N 年度的整改措施，标题、内容和责任人与原措施相同，针对相同的问题，并记录其延续原措施：第 N 年度的报告在“下一步打算”中将其列为结转事项，原措施保留自己的记录。整改时限默认为第 N+1 年年底，可用 --due 另行指定。"),
    ),
    (
        "taizhang export",
        "导出台账供 Excel、WPS 使用，或导出整个台账供其他 taizhang 使用",
        Some("--xlsx 按机关通行的格式写出整改台账：每个单位每个年度一张工作表，合并的标题行（单位、年度、截止日期），填报单位、填报人、填报日期一行，列为 序号、问题来源、问题类别、问题描述、整改措施、责任领导、牵头部门、配合部门、责任人、整改时限、整改进展、完成情况、销号情况、销号时间、佐证材料、备注，同一问题的单元格跨其整改措施各行合并，行高随文字长短，逾期行标红，状态列有下拉选项，默认 A3 横向按页宽缩放打印（--paper a4：A4 横向按 91% 打印，横向分两页），每页重复表头。其后的工作表“各年度情况”列出各年度的数字（与 stats --by year 的算法相同）及合计，并附各年度整改完成率柱形图；导出涉及多个单位时，最后一张工作表“各单位汇总”列出各单位的数字（与 stats --by unit 的算法相同）及合计，并附各单位整改完成率条形图（最多列出前 30 个单位）。--csv 写出相同的列（另加单位和年度），UTF-8 带 BOM，每条整改措施一行。两者都可用 taizhang import --ledger 读回。--json 写出全部内容（单位、简称、总结、事项、关联、进展、变更记录），用 taizhang import --json 或其他单位的 taizhang merge 可得到相同的记录。

状态和逾期天数按 --as-of（默认今天）计算。文件已存在的，除非加 --force，否则不覆盖；文件写 - 时输出到标准输出。不会写入台账文件、链接或设备。"),
    ),
    (
        "taizhang merge",
        "把其他单位的台账并入本台账（县、市汇总下属单位）",
        Some("单位、简称、总结、问题、整改措施、关联、进展及佐证材料、结转、反弹回潮的判定和变更记录都按 UUID 对应并入，不会重复：同一台账合并两次不作改动，合并某单位较新的副本只并入新增内容（以及只在对方做过的修改）。编号在本台账已被占用的，顺延取下一个空闲编号。字段逐一判断：只在对方修改的取对方的值，只在本台账修改的保留本台账的值，双方都修改的保留本台账的值并作为冲突报告，写明双方各自的修改；对方的修改都记入变更记录。单位先按 UUID 对应，再按名称或简称对应。其他台账只读不写；未通过 SQLite 完整性检查的，在合并前即予拒绝。

所有文件在一个事务中合并：有一个读不了，就都不合并。"),
    ),
    (
        "taizhang recur",
        "查找反弹回潮的问题：以后年度再次查摆的同一问题",
        Some("按共有的词比较各单位不同年度的问题（同义词视为同一个词，各单位的常用词权重低），换了说法也能发现重复出现的问题；后一问题写有“仍”“反弹”等延续用语、前一问题报告未完成整改的，把握更大。两个年度之间，每个问题至多与另一年度的一个问题配对。已报告完成的问题再次出现，仍算反弹回潮。可对建议的问题对予以确认或否定：以后运行时遵从该判定，确认的反弹回潮在报告的“存在问题”中标注，并计入 taizhang stats。"),
    ),
    (
        "taizhang stats",
        "按年度、单位或责任部门统计：问题多少、整改到什么程度、哪些逾期",
        Some("统计查摆的问题和提出的整改措施各状态的数量、逾期的问题和整改措施、整改完成率（已完成问题数 ÷ 问题数，与报告口径一致）、整改措施完成率、反弹回潮和结转数。

按年度（默认）时每个年度一列，合计在最后；按单位或责任部门时每个一行，便于上级机关看出谁落后。按责任部门统计的是各牵头部门负责的整改措施，不含问题。数字按 --as-of 日期计算；完成率不计已撤销的事项，长期坚持的单列，除非加 --long-term-as-done。"),
    ),
    (
        "taizhang common",
        "列出多个单位共有的问题（共性问题），按涉及单位多少排序",
        Some("不同单位的问题说的是同一件事（如“理论学习不够深入”与“政治理论学习深度不够，停留在面上”）时归为一组。逐字比较问题文字，问题所讲的内容比各总结通用的套话权重更高。各组先按涉及的单位数、再按问题数排序。

--threshold 越低，归组越宽松（低于 0.3 左右会把不相关的问题也归在一起）；越高，只保留说法相近的问题。台账较小时可用 0.3～0.35 找到更多。"),
    ),
    (
        "taizhang dashboard",
        "把台账的数字写成一个网页（HTML），用浏览器打开查看",
        Some("网页上有各年度、各单位整改完成率的条形图，问题和整改措施各状态的数量，逾期事项（含责任方和逾期天数），30 天内到期的事项，以及反复出现的问题（年年改年年犯）。每个数字都与同一单位、同一年度的 taizhang stats、taizhang status --overdue、taizhang status --due-within 30d 和 taizhang recur 所列的一致，按 --as-of 日期计算。

文件自成一体：样式和图表都在文件之内，不从网络取任何内容，也不含脚本，可以发送、拷贝后在任何地方打开，宽屏和手机都能看。文件已存在的，除非加 --force，否则不覆盖；-o - 把网页输出到标准输出。不会写入台账文件、链接或设备。"),
    ),
    (
        "taizhang demo",
        "用内置的示例材料建一个演示台账，展示 taizhang 的用法",
        Some("导入一个单位三年（2022—2024 年）的年度总结，接受系统建议的整改措施与问题的关联（同 taizhang link --suggest --accept），记录若干进展，列出截至 2024 年底 2023 年度整改事项的台账，并写出 2024 年度总结中相应的部分。不加 --db 时台账为 ./taizhang-demo.db；再次运行 taizhang demo 会替换它自己建的台账，不会改动其他任何文件。"),
    ),
    (
        "taizhang status",
        "查看台账：每个问题和整改措施的责任人、整改时限和当前状态",
        Some("状态按 --as-of 日期（默认今天）根据截至该日记录的进展计算。整改时限已过、且不是已完成、长期坚持或已撤销的事项为逾期；问题的整改时限取其未完成整改措施中最早的时限。"),
    ),
    ("taizhang show", "查看一个问题或整改措施：字段、关联、状态和进展", None),
    (
        "taizhang history",
        "查看问题或整改措施的变更记录：每次改动的内容、人员和时间（已删除的事项也可查）",
        None,
    ),
    (
        "taizhang delete",
        "删除本不该登记的问题或整改措施（重复录入、录入错误）",
        Some("这些事项从所有表格、统计和报告中去掉，连同其进展和关联；变更记录保留（taizhang history P5 仍可查看），taizhang undo 可以恢复。确有其事但不再推进的事项不要删除，应记为已撤销：taizhang progress M5 --status dropped --note …。编号不会再分配给其他事项。"),
    ),
    (
        "taizhang undo",
        "撤销改动：最近一次操作，或指定的操作",
        Some("每个写入台账的命令是一次操作。taizhang undo 撤销最近一次仍然有效的操作（再运行一次继续往前撤销）；taizhang undo 12 撤销第 12 号操作，前提是之后没有操作改动同样的记录（否则会列出这些操作）。撤销本身也是一次操作：taizhang undo 14 可以撤销第 14 号撤销。变更记录保留全部内容：被撤销的改动仍在其中，后面跟着撤销记录。"),
    ),
    (
        "taizhang backup",
        "把整个台账复制到文件，即使他人正在写入也能得到一致的副本",
        Some("不给文件时，副本放在台账旁边，名为 <台账文件名>-backup-<年月日-时分秒>.db。不会覆盖台账本身，不经符号链接写入，文件已存在的除非加 --force 否则不覆盖。用 taizhang restore 文件 恢复。"),
    ),
    (
        "taizhang restore",
        "用备份（taizhang backup 所建）替换当前台账",
        Some("先检查备份文件：须是 taizhang 台账、不是更新版本所建，并通过 SQLite 完整性检查，否则不作任何改动。替换前，当前台账在其旁边保存为 <台账文件名>-backup-<年月日-时分秒>.db；旧版本的备份会自动升级。当前台账已损坏、完全无法读取的，须加 --force 才替换，并先照样保存其原始内容。"),
    ),
    (
        "taizhang completions",
        "输出命令行补全脚本",
        Some("把输出保存到所用 shell 读取补全脚本的位置，例如 bash 保存到 ~/.local/share/bash-completion/completions/taizhang。"),
    ),
    ("taizhang man", "输出 man 手册页（roff 格式）", None),
];

/// (command path, argument id, help).
pub const ARGS: &[(&str, &str, &str)] = &[
    (
        "taizhang",
        "db",
        "台账文件（默认为系统数据目录中的 taizhang.db）",
    ),
    ("taizhang", "format", "输出格式，用于输出数据的命令"),
    (
        "taizhang",
        "as_of",
        "计算整改时限和状态所依据的日期，格式为 YYYY-MM-DD（默认为今天）",
    ),
    ("taizhang", "lang", "表格、提示和帮助所用的语言"),
    (
        "taizhang",
        "color",
        "何时为表格着色（逾期标红，30 天内到期标黄，已完成标绿）：auto 仅在输出到终端且未设置 NO_COLOR 时着色；JSON、CSV 和 Markdown 从不着色",
    ),
    (
        "taizhang",
        "quiet",
        "不显示提示和确认信息（错误信息和要求输出的数据照常显示），便于脚本调用",
    ),
    ("taizhang unit add", "name", "单位全称"),
    (
        "taizhang unit add",
        "aliases",
        "单位的其他名称（简称），可重复给出多个",
    ),
    ("taizhang unit alias", "unit", "单位名称或简称"),
    ("taizhang unit alias", "alias", "新增的简称"),
    ("taizhang unit rename", "unit", "单位名称或简称"),
    ("taizhang unit rename", "name", "新的全称"),
    ("taizhang unit remove", "unit", "单位名称或简称"),
    (
        "taizhang unit remove",
        "force",
        "单位下有事项时也删除，连同这些事项",
    ),
    ("taizhang unit merge", "keep", "保留的单位"),
    ("taizhang unit merge", "other", "与之相同、被并入的单位"),
    ("taizhang problem add", "unit", "单位名称或简称"),
    ("taizhang problem add", "year", "查摆该问题的总结年度"),
    (
        "taizhang problem add",
        "category",
        "问题类别，如“思想建设”“作风建设”",
    ),
    ("taizhang problem add", "text", "总结中的问题原文"),
    ("taizhang measure add", "unit", "单位名称或简称"),
    ("taizhang measure add", "year", "提出该整改措施的总结年度"),
    (
        "taizhang measure add",
        "for_problems",
        "该整改措施针对的问题，如 P3,P4",
    ),
    (
        "taizhang measure add",
        "title",
        "简短标题（如“强化主体责任”）",
    ),
    ("taizhang measure add", "leader", "责任领导"),
    ("taizhang measure add", "owner_dept", "牵头部门"),
    (
        "taizhang measure add",
        "co_depts",
        "配合部门，可重复给出多个",
    ),
    ("taizhang measure add", "owner_person", "责任人"),
    (
        "taizhang measure add",
        "due",
        "整改时限：YYYY-MM-DD、immediate 或 long-term（默认为第 N+1 年年底）",
    ),
    (
        "taizhang measure add",
        "institution",
        "建章立制：该措施新建（new）、修订（revise）或废止（abolish）制度，或不属于建章立制（none）（默认按措施文字识别）",
    ),
    ("taizhang measure add", "text", "总结中的整改措施原文"),
    (
        "taizhang link",
        "items",
        "措施和问题编号（M5 P3）；给出多个时，每条措施都与每个问题关联",
    ),
    (
        "taizhang link",
        "suggest",
        "为尚未关联问题的整改措施建议关联",
    ),
    (
        "taizhang link",
        "unit",
        "与 --suggest 同用：只看该单位的整改措施（名称或简称）",
    ),
    (
        "taizhang link",
        "year",
        "与 --suggest 同用：只看该年度总结的整改措施",
    ),
    (
        "taizhang link",
        "accept",
        "与 --suggest 同用：记录建议，全部记录或只记录所列整改措施（M5）或编号对（M5:P3）的建议",
    ),
    (
        "taizhang unlink",
        "items",
        "措施和问题编号（M5 P3）；给出多个时，每条措施都与每个问题取消关联",
    ),
    ("taizhang edit", "item", "要修改的事项（P3、M5）"),
    ("taizhang edit", "text", "新的内容"),
    ("taizhang edit", "year", "新的总结年度"),
    ("taizhang edit", "category", "仅限问题：新的类别"),
    ("taizhang edit", "title", "仅限整改措施：新的标题"),
    ("taizhang edit", "leader", "仅限整改措施：新的责任领导"),
    ("taizhang edit", "owner_dept", "仅限整改措施：新的牵头部门"),
    (
        "taizhang edit",
        "co_depts",
        "仅限整改措施：配合部门，替换原有名单，可重复给出多个",
    ),
    ("taizhang edit", "owner_person", "仅限整改措施：新的责任人"),
    (
        "taizhang edit",
        "due",
        "仅限整改措施：新的整改时限（YYYY-MM-DD、immediate、long-term）",
    ),
    (
        "taizhang edit",
        "institution",
        "仅限整改措施：建章立制（new、revise、abolish 或 none；auto 恢复为按措施文字识别）",
    ),
    (
        "taizhang progress",
        "items",
        "事项编号（P3、M5）；给出多个时，每项记录同一条进展",
    ),
    ("taizhang progress", "status", "事项达到的状态"),
    (
        "taizhang progress",
        "date",
        "日期，格式为 YYYY-MM-DD（默认为 --as-of 日期）",
    ),
    ("taizhang progress", "note", "做了什么，或撤销的理由"),
    (
        "taizhang progress",
        "evidence",
        "佐证材料：文件或引用（文号、链接），可重复给出多个",
    ),
    (
        "taizhang import",
        "files",
        "要导入的总结：纯文本（UTF-8 或 GB18030/GBK）或 Word .docx",
    ),
    (
        "taizhang import",
        "ledger",
        "读取单位已有的台账（.xlsx、.xls、.ods、.csv），而不是总结",
    ),
    (
        "taizhang import",
        "sheet",
        "--ledger 工作簿中要读取的工作表（默认为第一张有表头的）",
    ),
    (
        "taizhang import",
        "json",
        "导入其他台账导出的 JSON 文件（taizhang export --json），按 UUID 合并",
    ),
    (
        "taizhang import",
        "reviewed",
        "按原样记录审核过的预览结果（import --dry-run --format json 经人工修改）",
    ),
    (
        "taizhang import",
        "unit",
        "单位，用于标题没有写明或写错单位时",
    ),
    (
        "taizhang import",
        "year",
        "总结年度，用于标题没有写明年度时",
    ),
    ("taizhang import", "dry_run", "只显示将导入的内容，不写入"),
    (
        "taizhang import",
        "explain",
        "说明每个事项是怎样读出的（标题、标签或引导语、序号）以及哪些文字被跳过、作何处理；不写入",
    ),
    (
        "taizhang import",
        "replace",
        "替换同一单位同一年度已导入的总结",
    ),
    (
        "taizhang import",
        "encoding",
        "文字编码（utf-8、gb18030、gbk），默认自动识别",
    ),
    ("taizhang report", "unit", "单位名称或简称"),
    (
        "taizhang report",
        "all_units",
        "为上级机关汇总各单位的整改情况（全部单位，或 --units 所列单位）",
    ),
    (
        "taizhang report",
        "units",
        "与 --all-units 同用：只汇总这些单位（名称或简称）",
    ),
    ("taizhang report", "year", "正在撰写的总结年度"),
    ("taizhang report", "style", "事项的编号方式"),
    (
        "taizhang report",
        "long_term_as_done",
        "把长期坚持的整改措施算作已完成（默认单独列出，不计入完成率）",
    ),
    (
        "taizhang report",
        "no_duties",
        "下一步打算中不写各项措施的责任部门和完成时限",
    ),
    (
        "taizhang report",
        "sources",
        "在整改情况之后列出每句话所依据的记录（问题、措施或进展），便于核对",
    ),
    (
        "taizhang report",
        "template",
        "用自己的模板（minijinja）代替默认模板",
    ),
    ("taizhang report", "print_template", "显示默认模板后退出"),
    (
        "taizhang report",
        "output",
        "写入 文件.txt、文件.md 或 文件.docx，而不是标准输出（- 为标准输出）",
    ),
    (
        "taizhang report",
        "template_docx",
        "从本单位自己的 Word 模板中取页面设置和段落样式（与 -o 文件.docx 同用）",
    ),
    ("taizhang report", "force", "-o 所指文件已存在时覆盖"),
    ("taizhang carry", "measure", "未完成的整改措施（M12）"),
    ("taizhang carry", "year", "延续该措施的计划所在的总结年度"),
    (
        "taizhang carry",
        "due",
        "新整改措施的时限：YYYY-MM-DD、immediate 或 long-term（默认为第 N+1 年年底）",
    ),
    ("taizhang export", "xlsx", "按正式台账格式写出 Excel 工作簿"),
    (
        "taizhang export",
        "csv",
        "把台账写成 CSV（UTF-8 带 BOM，可用 Excel 打开）",
    ),
    (
        "taizhang export",
        "json",
        "把整个台账写成 JSON，供 import --json 或其他单位使用",
    ),
    ("taizhang export", "unit", "只导出该单位（名称或简称）"),
    (
        "taizhang export",
        "year",
        "只导出该总结年度（不能与 --json 同用，--json 按单位整体导出）",
    ),
    (
        "taizhang export",
        "paper",
        "工作簿按哪种纸张排版（A3 或 A4 横向；打印时正文不小于 10 磅）",
    ),
    ("taizhang export", "force", "文件已存在时覆盖"),
    (
        "taizhang merge",
        "others",
        "其他单位的台账文件（或本台账在别处的副本）",
    ),
    (
        "taizhang merge",
        "unit",
        "只并入对方台账中的该单位（按对方的名称或简称）",
    ),
    ("taizhang merge", "dry_run", "只显示将并入的内容，不写入"),
    ("taizhang recur", "unit", "只看该单位（名称或简称）"),
    ("taizhang recur", "year", "只看后一个问题属于该年度的问题对"),
    (
        "taizhang recur",
        "threshold",
        "建议问题对的最低相似度（0～1），默认值按示例材料测定",
    ),
    (
        "taizhang recur",
        "explain",
        "说明两个问题为何（或为何不）配成一对：共有的词、延续用语、整改情况、把握",
    ),
    (
        "taizhang recur",
        "confirm",
        "确认后一个问题是前一个问题的重复",
    ),
    ("taizhang recur", "reject", "记录两个问题不是同一问题"),
    ("taizhang stats", "unit", "只统计该单位（名称或简称）"),
    ("taizhang stats", "by", "分组方式"),
    ("taizhang stats", "from", "统计的起始总结年度"),
    ("taizhang stats", "to", "统计的截止总结年度"),
    (
        "taizhang stats",
        "long_term_as_done",
        "计算完成率时把长期坚持的事项算作已完成（默认不计入）",
    ),
    (
        "taizhang common",
        "year",
        "只看该总结年度的问题（默认为全部年度）",
    ),
    ("taizhang common", "min_units", "只列涉及至少 K 个单位的组"),
    (
        "taizhang common",
        "threshold",
        "问题与组中心的相似度（0～1）达到多少才归入该组（默认 0.4）",
    ),
    ("taizhang dashboard", "unit", "只看该单位（名称或简称）"),
    ("taizhang dashboard", "year", "只看该总结年度的事项"),
    ("taizhang dashboard", "output", "要写入的网页 文件.html（- 为标准输出）"),
    ("taizhang dashboard", "force", "文件已存在时覆盖"),
    ("taizhang status", "unit", "只看该单位（名称或简称）"),
    ("taizhang status", "year", "只看该总结年度的事项"),
    (
        "taizhang status",
        "owner",
        "只看责任领导、部门或责任人中含有该文字的事项",
    ),
    (
        "taizhang status",
        "status",
        "只看该状态的事项（代码或中文名称，也可以是 unreported / 未报告）",
    ),
    (
        "taizhang status",
        "overdue",
        "只看逾期事项（红灯），逾期最久的在前",
    ),
    (
        "taizhang status",
        "due_within",
        "只看在该期限内到期的未完成事项（黄灯），最先到期的在前：30d、2w 或天数",
    ),
    (
        "taizhang status",
        "category",
        "只列这一问题类别的问题，以及针对它们的措施",
    ),
    (
        "taizhang status",
        "kind",
        "只列问题（problem）或只列措施（measure）",
    ),
    ("taizhang status", "search", "只列内容中含有这段文字的事项"),
    (
        "taizhang status",
        "sort",
        "各单位、各年度内的排序：时限（due）、状态（status）或编号（id）",
    ),
    ("taizhang show", "item", "事项编号（P3、M5）"),
    ("taizhang history", "item", "事项编号（P3、M5）"),
    ("taizhang delete", "items", "要删除的事项（P5、M7）"),
    ("taizhang delete", "reason", "删除理由（记入变更记录）"),
    (
        "taizhang undo",
        "operation",
        "要撤销的操作（见 --list），不给时为最近一次",
    ),
    ("taizhang undo", "list", "改为列出最近的操作"),
    ("taizhang undo", "limit", "--list 列出的操作条数"),
    (
        "taizhang backup",
        "file",
        "副本写到哪里（默认在台账旁边，以时间命名）",
    ),
    ("taizhang backup", "force", "文件已存在时覆盖"),
    ("taizhang restore", "file", "要恢复的备份"),
    (
        "taizhang restore",
        "force",
        "当前台账无法读取时也替换（先保存其原始内容）",
    ),
    ("taizhang completions", "shell", "为哪种 shell 生成补全脚本"),
];

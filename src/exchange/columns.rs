//! The columns of a rectification ledger and the names units give them.
//!
//! Every unit words its header a little differently (问题描述 / 存在问题 / 问题表现, 责任单位 /
//! 牵头部门, 完成时限 / 整改时限 …). [`field_of`] maps one header cell onto the [`Field`] it holds:
//! an exact name first, else the longest known name the cell contains (整改完成时限 → 完成时限).

/// What a ledger column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    /// 序号: a problem's number; a new number starts a new problem.
    Seq,
    /// 单位: the unit of the row, in a ledger that rolls up several units.
    Unit,
    /// 年度: the year of the summary that named the row's problem.
    Year,
    /// 问题来源: where the problem was found (read for people, not imported).
    Source,
    /// 问题类别
    Category,
    /// 问题描述
    Problem,
    /// 整改措施
    Measure,
    /// 责任领导
    Leader,
    /// 牵头部门 / 责任单位
    OwnerDept,
    /// 配合部门
    CoDepts,
    /// 责任人
    OwnerPerson,
    /// 整改时限
    Deadline,
    /// 整改进展: what has been done, in words.
    Progress,
    /// 完成情况: the status, in a word or two.
    Status,
    /// 销号情况: 已销号 / 未销号.
    Closed,
    /// 销号时间: the day the item was closed.
    ClosedOn,
    /// 佐证材料
    Evidence,
    /// 备注
    Note,
}

/// The names of each field, the usual one first. Exact matches win over containment.
const NAMES: &[(Field, &[&str])] = &[
    (Field::Seq, &["序号", "编号", "序", "问题序号"]),
    (Field::Unit, &["单位", "单位名称", "所属单位", "填报单位"]),
    (Field::Year, &["年度", "年份"]),
    (Field::Source, &["问题来源", "来源", "发现途径", "问题出处"]),
    (
        Field::Category,
        &[
            "问题类别",
            "类别",
            "问题类型",
            "问题分类",
            "分类",
            "所属领域",
        ],
    ),
    (
        Field::Problem,
        &[
            "问题描述",
            "存在问题",
            "存在的问题",
            "问题表现",
            "问题",
            "问题清单",
            "查摆问题",
            "主要问题",
            "具体问题",
            "问题内容",
            "反馈问题",
            "问题简述",
        ],
    ),
    (
        Field::Measure,
        &[
            "整改措施",
            "整改举措",
            "措施",
            "具体措施",
            "整改任务",
            "任务清单",
            "整改目标及措施",
            "工作措施",
            "下一步措施",
        ],
    ),
    (
        Field::Leader,
        &["责任领导", "分管领导", "牵头领导", "包保领导", "责任校领导"],
    ),
    (
        Field::OwnerDept,
        &[
            "牵头部门",
            "责任单位",
            "责任部门",
            "牵头单位",
            "责任科室",
            "主责部门",
            "牵头科室",
            "责任处室",
        ],
    ),
    (
        Field::CoDepts,
        &[
            "配合部门",
            "配合单位",
            "协办部门",
            "协同部门",
            "配合科室",
            "协办单位",
        ],
    ),
    (
        Field::OwnerPerson,
        &["责任人", "具体责任人", "直接责任人", "经办人"],
    ),
    (
        Field::Deadline,
        &[
            "整改时限",
            "完成时限",
            "时限",
            "整改期限",
            "完成期限",
            "完成时间",
            "办结时限",
            "计划完成时间",
            "整改时间",
        ],
    ),
    (
        Field::Progress,
        &[
            "整改进展",
            "进展情况",
            "整改情况",
            "推进情况",
            "工作进展",
            "整改进度",
            "落实情况",
            "整改落实情况",
            "进展",
        ],
    ),
    (
        Field::Status,
        &[
            "完成情况",
            "整改状态",
            "状态",
            "是否完成",
            "整改结果",
            "办结情况",
            "完成状态",
            "是否整改到位",
        ],
    ),
    (
        Field::Evidence,
        &[
            "佐证材料",
            "佐证资料",
            "证明材料",
            "佐证",
            "支撑材料",
            "印证材料",
        ],
    ),
    (Field::Closed, &["销号情况", "是否销号", "销号状态"]),
    (Field::ClosedOn, &["销号时间", "销号日期"]),
    (Field::Note, &["备注", "说明"]),
];

/// The field a header cell names, if it names one.
pub fn field_of(header: &str) -> Option<Field> {
    let name = normalise(header);
    if name.is_empty() {
        return None;
    }
    for (field, names) in NAMES {
        if names.contains(&name.as_str()) {
            return Some(*field);
        }
    }
    // The longest known name the cell contains; two-character names only when the cell is short,
    // so that a sentence in a title row is not taken for a header.
    NAMES
        .iter()
        .flat_map(|(field, names)| names.iter().map(move |n| (*field, *n)))
        .filter(|(_, n)| n.chars().count() >= 2 && name.contains(n))
        .filter(|(_, n)| n.chars().count() >= 4 || name.chars().count() <= 8)
        .max_by_key(|(_, n)| n.chars().count())
        .map(|(field, _)| field)
}

/// A header cell without spaces, line breaks, a trailing colon or a parenthesised remark:
/// `整改时限\n（截止日期）` → `整改时限`.
pub fn normalise(header: &str) -> String {
    let mut out = String::new();
    let mut depth = 0usize;
    for c in header.chars() {
        match c {
            '（' | '(' | '【' | '[' => depth += 1,
            '）' | ')' | '】' | ']' => depth = depth.saturating_sub(1),
            _ if depth > 0 => {}
            c if c.is_whitespace() || c == '\u{3000}' || c == '*' || c == '＊' => {}
            c => out.push(c),
        }
    }
    out.trim_end_matches([':', '：']).to_string()
}

/// The usual names of the columns, for error messages and the README.
pub fn usual_names() -> String {
    NAMES
        .iter()
        .filter(|(f, _)| matches!(f, Field::Problem | Field::Measure))
        .flat_map(|(_, names)| names.iter().take(3))
        .copied()
        .collect::<Vec<_>>()
        .join("、")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn usual_names_and_synonyms_map_to_their_field() {
        for (header, field) in [
            ("问题描述", Field::Problem),
            ("存在问题", Field::Problem),
            ("问题表现", Field::Problem),
            ("整改举措", Field::Measure),
            ("责任单位", Field::OwnerDept),
            ("牵头部门", Field::OwnerDept),
            ("完成时限", Field::Deadline),
            ("整改时限", Field::Deadline),
            ("完成情况", Field::Status),
            ("整改情况", Field::Progress),
            ("进展情况", Field::Progress),
            ("序号", Field::Seq),
            ("配合单位", Field::CoDepts),
            ("销号情况", Field::Closed),
            ("销号时间", Field::ClosedOn),
            ("是否销号", Field::Closed),
        ] {
            assert_eq!(field_of(header), Some(field), "{header}");
        }
    }

    #[test]
    fn spaces_breaks_and_remarks_are_ignored() {
        assert_eq!(field_of("整改时限\n（截止日期）"), Some(Field::Deadline));
        assert_eq!(field_of("序  号"), Some(Field::Seq));
        assert_eq!(field_of("*问题描述："), Some(Field::Problem));
    }

    #[test]
    fn a_longer_header_takes_the_longest_name_it_contains() {
        assert_eq!(field_of("整改完成时限"), Some(Field::Deadline));
        assert_eq!(field_of("整改完成情况"), Some(Field::Status));
        assert_eq!(field_of("问题整改情况"), Some(Field::Progress));
        assert_eq!(field_of("具体问题描述及表现"), Some(Field::Problem));
    }

    #[test]
    fn titles_and_values_are_not_headers() {
        assert_eq!(field_of("临江市财政局2024年度问题整改台账"), None);
        assert_eq!(field_of("理论学习与业务工作结合不够紧密"), None);
        assert_eq!(field_of(""), None);
        assert_eq!(field_of("2025-06-30"), None);
    }
}

//! The title: which unit wrote the summary and which year it summarises.
//!
//! `临江市财政局2023年度党建工作总结` → (临江市财政局, 2023); `xx局2023年工作总结和2024年工作打算`
//! → (none: the unit is a placeholder, 2023: the plan's year is not the year summarised).
//! When the title names no unit, a by-line under it or the signature above the closing date may.

use super::doc::Doc;
use super::text::{
    at_most_chars, chars, contains_any, find_year, has_placeholder, is_blank, is_stop, one_of,
};

#[derive(Debug, Default, PartialEq, Eq)]
pub(super) struct Title {
    pub unit: Option<String>,
    pub year: Option<i32>,
    /// Paragraphs that belong to the title block; the body starts after them.
    pub paras: usize,
    /// The title announces a plan and nothing else (白石县民政局2025年工作计划).
    pub plan_only: bool,
}

const TITLE_WORDS: &[&str] = &[
    "总结", "报告", "汇报", "计划", "情况", "打算", "要点", "述职", "小结", "回顾",
];

const PLAN_ONLY: &[&str] = &["计划", "打算", "要点", "思路"];
const LOOKS_BACK: &[&str] = &["总结", "报告", "汇报", "情况", "回顾", "小结", "述职"];

/// Characters a unit's name ends with (局, 委, 办, 中心, 公司 …).
const UNIT_ENDINGS: &str =
    "局委办院厅部处科所站心司团镇乡道区县市州省村校学会队馆室行社厂场组署台庭园军府";

const PARTY_ORGANS: &[&str] = &[
    "机关委员会",
    "机关党委",
    "机关党总支",
    "机关党支部",
    "党总支",
    "党支部",
    "党工委",
    "党委",
    "党组",
];

/// Reads the title block at the top of `doc`.
pub(super) fn read(doc: &Doc) -> Title {
    let mut title = Title::default();
    for first in 0..doc.paras.len().min(4) {
        let line = doc.para(first);
        if is_title(line) {
            title.paras = first + 1;
            title.plan_only = contains_any(line, PLAN_ONLY) && !contains_any(line, LOOKS_BACK);
            title.year = find_year(line).map(|(y, _)| summarised_year(line, y));
            title.unit = unit_in_title(line);
            break;
        }
        // A unit on one line and "2023年度工作总结" on the next.
        let next = doc.paras.get(first + 1).map(|_| doc.para(first + 1));
        let unit_free = |next: &str| {
            find_year(next).is_some_and(|(_, at)| unit_name(&next[..at.start]).is_none())
        };
        if let Some(next) =
            next.filter(|next| is_org_line(line) && is_title(next) && unit_free(next))
        {
            title.paras = first + 2;
            title.year = find_year(next).map(|(y, _)| summarised_year(next, y));
            title.unit = unit_name(line);
            break;
        }
        if !is_preamble(line) {
            // Text pasted without line breaks: the title runs into the body after a space.
            if let Some((head, _)) = line
                .split_once([' ', '\u{3000}'])
                .filter(|(h, _)| is_title(h))
            {
                title.year = find_year(head).map(|(y, _)| summarised_year(head, y));
                title.unit = unit_in_title(head);
            }
            break;
        }
    }
    if title.paras > 0 && title.unit.is_none() {
        title.unit = byline(doc, title.paras).or_else(|| signature(doc));
    }
    if title.year.is_none() {
        title.year = opening_year(doc, title.paras);
    }
    title
}

/// What may stand above a title: 附件2, a document number (临财党〔2024〕3号), a marking.
fn is_preamble(line: &str) -> bool {
    chars(line) <= 30 && !line.contains(['。', '；', '，'])
}

fn is_title(line: &str) -> bool {
    chars(line) <= 80
        && contains_any(line, TITLE_WORDS)
        && !line.trim_end().ends_with(|c: char| is_stop(c) && c != '？')
        && line.matches('，').count() <= 1
}

/// A plan-only title (2024年工作计划) is about the year before it.
fn summarised_year(title: &str, year: i32) -> i32 {
    if contains_any(title, PLAN_ONLY) && !contains_any(title, LOOKS_BACK) {
        year - 1
    } else {
        year
    }
}

/// Words that start a title's topic (党建工作总结, 全面从严治党…): a unit name stops before them.
const TOPIC_WORDS: &[&str] = &[
    "关于",
    "党建",
    "党风",
    "机关党建",
    "全面从严",
    "意识形态",
    "安全生产",
    "年度",
    "工作总结",
    "工作报告",
    "工作情况",
    "述职",
    "总结",
    "报告",
];

/// The unit a title names: before the year (临江市财政局2023年度…), else before the topic when the
/// year comes first or last (2023年度临江市财政局党建工作总结, 临江市财政局党建工作总结（2023年）).
fn unit_in_title(line: &str) -> Option<String> {
    let (_, at) = find_year(line)?;
    let before = &line[..at.start];
    if !contains_any(before, TITLE_WORDS) {
        if let Some(unit) = unit_name(before) {
            return Some(unit);
        }
    }
    let candidate = if before
        .trim_matches(|c: char| is_blank(c) || one_of(c, "（("))
        .is_empty()
    {
        let after = &line[at.end..];
        let after = after
            .trim_start_matches(is_blank)
            .trim_start_matches('年')
            .trim_start_matches('度');
        before_topic(after)
    } else {
        before_topic(before)
    };
    unit_name(candidate).filter(|u| ends_like_unit(u))
}

fn before_topic(s: &str) -> &str {
    let cut = TOPIC_WORDS
        .iter()
        .filter_map(|w| s.find(w))
        .min()
        .unwrap_or(s.len());
    &s[..cut]
}

/// Cleans what precedes the year into a unit name, or none for a placeholder or nothing.
fn unit_name(raw: &str) -> Option<String> {
    let mut name = raw.trim_matches(|c: char| is_blank(c) || one_of(c, "“”\"《》——-—:：（("));
    for suffix in ["关于", "的"] {
        name = name.strip_suffix(suffix).unwrap_or(name);
    }
    let mut name = name.trim_matches(|c: char| is_blank(c) || one_of(c, "“”\"《》——-—:：（("));
    for organ in PARTY_ORGANS {
        if let Some(rest) = name.strip_suffix(organ) {
            if ends_like_unit(rest) {
                name = rest;
                break;
            }
        }
    }
    for prefix in ["中国共产党", "中共"] {
        if let Some(rest) = name.strip_prefix(prefix) {
            if ends_like_unit(rest) {
                name = rest;
            }
        }
    }
    let name = name.trim();
    if name.is_empty()
        || has_placeholder(name)
        || chars(name) > 40
        || matches!(name, "我局" | "本局" | "本单位")
    {
        return None;
    }
    Some(name.to_string())
}

fn ends_like_unit(name: &str) -> bool {
    chars(name) >= 2
        && name
            .chars()
            .next_back()
            .is_some_and(|c| one_of(c, UNIT_ENDINGS))
}

/// A line that is only an organisation's name.
fn is_org_line(line: &str) -> bool {
    chars(line) <= 30
        && ends_like_unit(line.trim())
        && !line.contains(|c: char| one_of(c, "，。；：,.;:"))
        && find_year(line).is_none()
}

/// The unit written on its own line under the title.
fn byline(doc: &Doc, after: usize) -> Option<String> {
    let line = doc.paras.get(after).map(|_| doc.para(after))?;
    is_org_line(line).then(|| unit_name(line)).flatten()
}

/// The unit that signs the summary, above the closing date.
fn signature(doc: &Doc) -> Option<String> {
    let n = doc.paras.len();
    let start = n.saturating_sub(4);
    (start..n).rev().find_map(|i| {
        if i == 0 || !is_date_line(doc.para(i)) {
            return None;
        }
        let above = doc.para(i - 1);
        is_org_line(above).then(|| unit_name(above)).flatten()
    })
}

/// `2024年1月15日`, `二〇二四年一月十五日`, also in brackets.
pub(super) fn is_date_line(line: &str) -> bool {
    let inner = line.trim_matches(|c: char| is_blank(c) || one_of(c, "（()）"));
    (inner.ends_with('日') || inner.ends_with('号') || inner.ends_with('月'))
        && at_most_chars(inner, 16)
        && inner.contains('月')
        && find_year(inner).is_some_and(|(_, at)| at.start == 0)
}

/// `2023年，…` opening the first paragraph gives the year when the title does not.
fn opening_year(doc: &Doc, from: usize) -> Option<i32> {
    let para = doc.paras.get(from).map(|_| doc.para(from))?;
    find_year(para)
        .filter(|(_, at)| at.start == 0)
        .map(|(y, _)| y)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn title(text: &str) -> Title {
        read(&Doc::new(text))
    }

    #[test]
    fn unit_and_year_come_from_the_title() {
        let t = title("临江市财政局2023年度党建工作总结\n正文。");
        assert_eq!(t.unit.as_deref(), Some("临江市财政局"));
        assert_eq!(t.year, Some(2023));
        assert_eq!(t.paras, 1);
    }

    #[test]
    fn the_year_summarised_is_not_the_plan_year() {
        let t = title("青禾区教育局2023年工作总结及2024年工作计划\n正文。");
        assert_eq!(t.year, Some(2023));
        assert_eq!(title("青禾区教育局2024年工作计划\n正文。").year, Some(2023));
    }

    #[test]
    fn a_placeholder_unit_is_no_unit() {
        assert_eq!(title("xxx局2023年党建工作总结\n正文。").unit, None);
        assert_eq!(title("X局2023年度党建工作总结\n正文。").unit, None);
        assert_eq!(title("××单位2023年工作总结\n正文。").unit, None);
    }

    #[test]
    fn party_organ_wording_is_trimmed_from_the_unit() {
        let t = title("中共东山县市场监督管理局党组关于2023年度全面从严治党工作情况的报告\n正文。");
        assert_eq!(t.unit.as_deref(), Some("东山县市场监督管理局"));
        assert_eq!(t.year, Some(2023));
    }

    #[test]
    fn a_unit_line_above_a_report_title_is_joined_to_it() {
        let t = title("临江市财政局\n关于2023年度党风廉政建设工作情况的总结\n正文。");
        assert_eq!(t.unit.as_deref(), Some("临江市财政局"));
        assert_eq!(t.year, Some(2023));
    }

    #[test]
    fn a_document_number_above_the_title_is_skipped() {
        let t = title("附件2\n临财党〔2024〕3号\n临江市财政局2023年度党建工作总结\n正文。");
        assert_eq!(t.unit.as_deref(), Some("临江市财政局"));
        assert_eq!(t.paras, 3);
    }

    #[test]
    fn a_title_run_into_the_body_is_still_read() {
        let t = title("临川市林业局2023年工作总结 2023年，我局完成造林任务。");
        assert_eq!(t.unit.as_deref(), Some("临川市林业局"));
        assert_eq!(t.year, Some(2023));
        let t = title("中共临江市商务局机关委员会2023年度党建工作总结\n正文。");
        assert_eq!(t.unit.as_deref(), Some("临江市商务局"));
    }

    #[test]
    fn the_unit_is_found_when_the_year_comes_first_or_last() {
        let t = title("2023年度临江市财政局党建工作总结\n正文。");
        assert_eq!(t.unit.as_deref(), Some("临江市财政局"));
        let t = title("临江市财政局党建工作总结（2023年度）\n正文。");
        assert_eq!(t.unit.as_deref(), Some("临江市财政局"));
        assert_eq!(t.year, Some(2023));
        assert_eq!(title("2023年度工作总结\n正文。").unit, None);
    }

    #[test]
    fn chinese_digit_years_are_read() {
        assert_eq!(
            title("临江市财政局二〇二三年工作总结\n正文。").year,
            Some(2023)
        );
    }

    #[test]
    fn a_title_without_a_unit_may_be_signed_at_the_end() {
        let t = title("2023年度工作总结\n正文一。\n正文二。\n临江市财政局\n2024年1月12日");
        assert_eq!(t.unit.as_deref(), Some("临江市财政局"));
        let t = title("2023年度工作总结\n青禾区教育局\n正文。");
        assert_eq!(t.unit.as_deref(), Some("青禾区教育局"));
    }

    #[test]
    fn a_unit_line_above_the_title_is_joined_to_it() {
        let t = title("临江市财政局\n2023年度党建工作总结\n正文。");
        assert_eq!(t.unit.as_deref(), Some("临江市财政局"));
        assert_eq!(t.paras, 2);
    }
}

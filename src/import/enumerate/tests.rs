//! Tests of `enumerate`.

use super::*;

fn families(text: &str) -> Vec<(Family, u32)> {
    scan(text, 0..text.len())
        .into_iter()
        .map(|m| (m.family, m.number))
        .collect()
}

#[test]
fn inline_yishi_markers_are_found_after_punctuation_only() {
    let text = "主要有：一是学习不深；二是统一是非不明，三是作风不实。";
    assert_eq!(
        families(text),
        [(Family::Yishi, 1), (Family::Yishi, 2), (Family::Yishi, 3)]
    );
}

#[test]
fn arabic_markers_skip_decimals_and_years() {
    assert_eq!(
        families("1.加强学习\n2、严格管理"),
        [(Family::Arabic, 1), (Family::Arabic, 2)]
    );
    assert!(families("增长1.5个百分点").is_empty());
    assert!(families("2023.12").is_empty());
}

#[test]
fn parenthesised_markers_accept_both_widths_and_spaces() {
    assert_eq!(
        families("（一）甲\n(二)乙\n（ 三 ）丙\n(1)丁"),
        [
            (Family::ParenCn, 1),
            (Family::ParenCn, 2),
            (Family::ParenCn, 3),
            (Family::ParenArabic, 1)
        ]
    );
}

#[test]
fn chinese_dun_markers_are_not_number_ranges() {
    assert!(families("完成一、二季度任务").is_empty());
    assert!(families("评出：一、二等奖").is_empty());
    assert_eq!(families("一、总体情况"), [(Family::CnDun, 1)]);
    assert_eq!(families("三、二〇二四年工作打算"), [(Family::CnDun, 3)]);
    assert_eq!(families("3 . 加强教育"), [(Family::Arabic, 3)]);
}

#[test]
fn ordinal_and_sequence_words_need_their_punctuation() {
    assert_eq!(
        families("第一，甲。第二，乙。落实第一责任人。"),
        [(Family::Ordinal, 1), (Family::Ordinal, 2)]
    );
    assert_eq!(
        families("首先，甲。其次，乙。再次强调。最后，丙。"),
        [
            (Family::Sequence, 1),
            (Family::Sequence, 2),
            (Family::Sequence, LAST)
        ]
    );
}

#[test]
fn yiyao_and_qiyi_are_enumerations_too() {
    assert_eq!(
        families("工作：一要抓项目；二要抓民生。其一，甲；其二，乙。"),
        [
            (Family::Yiyao, 1),
            (Family::Yiyao, 2),
            (Family::Ordinal, 1),
            (Family::Ordinal, 2)
        ]
    );
    assert!(families("，一要素").is_empty());
}

#[test]
fn lists_need_consecutive_numbers_and_two_items() {
    let text = "一是甲；二是乙；四是丁。（一）孤单";
    let found = lists(&scan(text, 0..text.len()));
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].markers.len(), 2);
}

#[test]
fn a_restart_at_one_opens_a_second_list() {
    let text = "一是甲；二是乙。\n一是丙；二是丁。";
    assert_eq!(lists(&scan(text, 0..text.len())).len(), 2);
}

#[test]
fn a_parenthesised_marker_a_space_after_the_text_starts_a_line() {
    let text = "一、考核反馈的问题 （一）档案更新不及时； （二）管理率未达标。";
    let markers = scan(text, 0..text.len());
    assert!(markers
        .iter()
        .filter(|m| m.family == Family::ParenCn)
        .all(|m| m.line_start));
    assert_eq!(
        families(text)
            .iter()
            .filter(|(f, _)| *f == Family::ParenCn)
            .count(),
        2
    );
}

#[test]
fn the_marker_start_table_holds_exactly_the_characters_a_marker_can_start_with() {
    let by_rule = |c: char| {
        matches!(
            c,
            '（' | '(' | '第' | '首' | '其' | '再' | '最' | '0'..='9' | '０'..='９' | '①'..='⑳' | '十'
        ) || crate::import::text::cn_digit(c).is_some_and(|d| d > 0)
    };
    for c in '\0'..='\u{ffff}' {
        assert_eq!(super::may_start_marker(c), by_rule(c), "{c:?}");
    }
}

//! Tests of `headings`.

use super::*;

/// Paragraph `span` of `text` read as a heading, its marker looked up as `sections` does.
fn read(text: &str, span: std::ops::Range<usize>, year: Option<i32>) -> Option<Heading> {
    let marker = crate::import::enumerate::marker_at(text, span.start)
        .filter(|m| m.family.can_head() && m.line_start);
    super::read(text, span, marker, year)
}

fn kind(words: &str) -> Kind {
    classify(words, Some(2023))
}

#[test]
fn combined_headings_hold_problems_and_plans() {
    assert_eq!(kind("存在问题及下一步打算"), Kind::Combined);
    assert_eq!(kind("存在的问题和不足及下一步工作打算"), Kind::Combined);
    assert_eq!(kind("存在问题及整改措施"), Kind::Combined);
    assert_eq!(kind("问题不足及整改"), Kind::Combined);
    assert_eq!(kind("问题与打算"), Kind::Combined);
}

#[test]
fn split_headings_are_told_apart() {
    assert_eq!(kind("存在的问题"), Kind::Problems);
    assert_eq!(kind("问题与不足"), Kind::Problems);
    assert_eq!(kind("问题和挑战"), Kind::Problems);
    assert_eq!(kind("困难与问题"), Kind::Problems);
    assert_eq!(kind("当前亟待解决的问题"), Kind::Problems);
    assert_eq!(kind("2024年工作计划"), Kind::Measures);
    assert_eq!(kind("下一步工作思路"), Kind::Measures);
    assert_eq!(kind("下一步工作安排"), Kind::Measures);
    assert_eq!(kind("二〇二四年工作打算"), Kind::Measures);
}

#[test]
fn outcome_headings_report_on_earlier_years() {
    assert_eq!(kind("2022年度查摆问题整改落实情况"), Kind::Outcomes);
    assert_eq!(kind("上年度问题整改情况"), Kind::Outcomes);
    assert_eq!(kind("抓好上年度问题整改，确保取得实效"), Kind::Outcomes);
}

#[test]
fn achievement_headings_that_mention_problems_are_not_sections() {
    assert_eq!(kind("坚持问题导向，推动整改落实见效"), Kind::Other);
    assert_eq!(kind("着力解决群众急难愁盼问题"), Kind::Other);
    assert_eq!(
        kind("强学习，以多样载体为抓手，推动理论武装落地"),
        Kind::Other
    );
    assert_eq!(kind("2023年计划执行情况"), Kind::Other);
    assert_eq!(kind("补齐短板弱项"), Kind::Other);
    assert_eq!(kind("问题整改持续深化"), Kind::Other);
    assert_eq!(kind("问题导向"), Kind::Other);
    assert_eq!(kind("原因分析"), Kind::Other);
    assert_eq!(kind("问题及原因分析"), Kind::Problems);
}

#[test]
fn numbered_lines_are_headings_only_when_short() {
    let text =
        "五、存在问题及下一步打算\n（一）强化政治引领。坚持把学习贯彻放在首位，长期坚持不懈。";
    let first = read(text, 0..text.find('\n').unwrap(), Some(2023)).unwrap();
    assert_eq!(first.kind, Kind::Combined);
    assert_eq!(first.number, Some((Family::CnDun, 5)));
    let second_start = text.find('（').unwrap();
    assert!(read(text, second_start..text.len(), Some(2023)).is_none());
}

#[test]
fn a_label_with_a_colon_opens_a_section_inside_its_paragraph() {
    let text = "存在的问题：一是学习不深；二是作风不实。";
    let h = read(text, 0..text.len(), Some(2023)).unwrap();
    assert_eq!(h.kind, Kind::Problems);
    assert!(text[h.body_start..].starts_with("一是"));
}

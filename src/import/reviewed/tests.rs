//! The reviewed file's checks, each against a hand-written review and document.

use super::*;
use crate::render::Lang;

const DOCUMENT: &str = "甲局2023年度工作总结\n四、存在问题及下一步打算\n\
    还存在一些不足：一是学习##paidbegin##不深；二是作风不实。\n\
    针对上述问题，将重点抓好以下工作：一是强化学习。每月集中学习（6月底前）。二是改进作风。深入一线调研。";

fn review(problems: &str, measures: &str) -> String {
    format!(
        r#"{{"file": "甲局.txt", "unit": "甲局", "year": 2023,
 "problems": [{problems}],
 "measures": [{measures}],
 "outcomes": [], "warnings": ["no year found"]}}"#
    )
}

fn one(json: &str) -> Review {
    read(json, None, None).unwrap().remove(0)
}

fn refused(json: &str) -> String {
    read(json, None, None)
        .unwrap_err()
        .message("review.json", Lang::Zh)
}

#[test]
fn a_text_found_in_the_document_gets_its_position_there_whatever_its_punctuation() {
    // Full-width ； and （） typed half-width, spaces added, the site marker left out.
    let json = review(
        r#"{"text": "学习 不深"}"#,
        r#"{"title": "强化学习", "text": "强化学习。每月集中学习(6月底前)", "answers": [0]}"#,
    );
    let reviewed = against(&one(&json), DOCUMENT);
    assert!(reviewed.typed.is_empty(), "{:?}", reviewed.typed);
    let p = &reviewed.summary.problems[0];
    assert_eq!(p.position, DOCUMENT.find("学习##paid").unwrap());
    let m = &reviewed.summary.measures[0];
    assert_eq!(m.position, DOCUMENT.find("强化学习。").unwrap());
    assert_eq!(m.deadline, super::super::deadline::find("6月底前"));
    assert_eq!(m.answers, [0]);
}

#[test]
fn a_text_not_in_the_document_is_marked_as_typed() {
    let json = review(
        r#"{"text": "学习不深"}, {"text": "制度执行不严"}"#,
        r#"{"title": null, "text": "健全制度", "answers": [1]}"#,
    );
    let reviewed = against(&one(&json), DOCUMENT);
    assert_eq!(reviewed.typed, [(Kind::Problem, 1), (Kind::Measure, 0)]);
    assert_eq!(reviewed.summary.problems[1].position, TYPED);
    assert_ne!(reviewed.summary.problems[0].position, TYPED);
    assert!(!reviewed.as_parsed);
}

#[test]
fn a_review_that_changes_nothing_is_what_the_parser_reads() {
    let parsed = crate::import::parse(DOCUMENT);
    let mut json = serde_json::to_value(&parsed).unwrap();
    json["file"] = "甲局.txt".into();
    let reviewed = against(&one(&json.to_string()), DOCUMENT);
    assert!(reviewed.as_parsed);
    assert_eq!(reviewed.summary.problems, parsed.problems);
    assert_eq!(reviewed.summary.measures, parsed.measures);
}

#[test]
fn a_title_that_does_not_begin_its_text_is_refused_by_name() {
    let json = review(
        r#"{"text": "学习不深"}"#,
        r#"{"text": "改进作风。深入一线调研"}, {"title": "改进", "text": "强化学习。每月集中学习"}"#,
    );
    assert_eq!(
        refused(&json),
        "review.json：第2个措施的 title“改进”不是其 text 的开头；改正 title，或把它设为 null"
    );
}

#[test]
fn an_answer_past_the_last_problem_is_refused_with_both_counts() {
    let json = review(
        r#"{"text": "学习不深"}, {"text": "作风不实"}"#,
        r#"{"text": "强化学习", "answers": [0, 2]}"#,
    );
    assert_eq!(
        refused(&json),
        "review.json：第1个措施的 answers 中的 2 指向第3个问题（从 0 数起），但只有2个问题"
    );
    let en = read(&json, None, None)
        .unwrap_err()
        .message("review.json", Lang::En);
    assert!(
        en.starts_with("review.json: measure 1: answers holds 2"),
        "{en}"
    );
}

#[test]
fn an_unknown_field_is_refused_with_its_item_line_and_column() {
    let json = review(
        r#"{"text": "学习不深"}, {"text": "作风不实", "note": "x"}"#,
        "",
    );
    assert_eq!(
        refused(&json),
        "review.json：第2个问题有不认识的字段“note”；可用的字段：text（第2行第55列）"
    );
}

#[test]
fn a_missing_field_names_the_item_it_is_missing_from() {
    let json = review(r#"{"text": "学习不深"}"#, r#"{"title": "强化学习"}"#);
    let message = refused(&json);
    assert!(
        message.starts_with("review.json：第1个措施缺少字段“text”"),
        "{message}"
    );
}

#[test]
fn a_value_of_the_wrong_type_names_its_field() {
    let json = review(
        r#"{"text": "学习不深"}"#,
        r#"{"text": "强化学习", "answers": ["1"]}"#,
    );
    let message = refused(&json);
    assert!(
        message.starts_with("review.json：第1个措施的 answers 应为问题序号"),
        "{message}"
    );
}

#[test]
fn malformed_json_is_one_sentence_with_its_line_and_column() {
    let message = refused("{\"file\": \"甲局.txt\",\n \"problems\": [}");
    assert_eq!(
        message,
        "review.json 不是合法的 JSON；可用 taizhang import --dry-run --format json 重新生成（第2行第15列）"
    );
    assert!(!message.contains("expected"), "no serde text: {message}");
    let message = refused("{\"file\": \"甲局.txt\", ");
    assert!(message.contains("意外结束"), "{message}");
    assert_eq!(
        refused("[1, 2]"),
        "review.json 不是 taizhang import --dry-run --format json 输出的对象（或对象数组）"
    );
}

#[test]
fn an_outcome_needs_a_status_word_of_the_dry_run_and_a_plausible_year() {
    let with = |outcome: &str| {
        review(r#"{"text": "学习不深"}"#, "")
            .replace(r#""outcomes": []"#, &format!(r#""outcomes": [{outcome}]"#))
    };
    let ok = with(r#"{"text": "已完成整改", "status": "done", "refers_to_year": 2022}"#);
    assert_eq!(one(&ok).outcomes.len(), 1);
    let word = with(r#"{"text": "已完成整改", "status": "完成", "refers_to_year": 2022}"#);
    assert!(refused(&word).contains("第1个整改情况的 status“完成”不是可用的状态词"));
    let dropped = with(r#"{"text": "已撤销", "status": "dropped", "refers_to_year": 2022}"#);
    assert!(refused(&dropped).contains("不是可用的状态词"));
    let year = with(r#"{"text": "已完成整改", "status": "done", "refers_to_year": 20222}"#);
    assert!(refused(&year).contains("refers_to_year 20222 不是可信的年份"));
    let later = with(r#"{"text": "已完成整改", "status": "done", "refers_to_year": 2024}"#);
    assert!(refused(&later).contains("晚于总结的年度 2023"));
}

#[test]
fn unit_and_year_come_from_the_file_or_the_options() {
    let json = review(r#"{"text": "学习不深"}"#, "")
        .replace(r#""unit": "甲局""#, r#""unit": null"#)
        .replace(r#""year": 2023"#, r#""year": null"#);
    assert!(refused(&json).contains("没有单位"));
    let read_with = |unit, year| read(&json, unit, year);
    assert!(read_with(Some("乙局"), None)
        .unwrap_err()
        .message("r", Lang::Zh)
        .contains("没有年度"));
    let review = read_with(Some("乙局"), Some(2024)).unwrap().remove(0);
    assert_eq!(
        (review.unit.as_deref(), review.year),
        (Some("乙局"), Some(2024))
    );
}

#[test]
fn an_item_in_the_second_summary_of_an_array_names_the_summary_too() {
    let good = review(r#"{"text": "学习不深"}"#, "");
    let bad = review(r#"{"text": "  "}"#, "");
    let message = refused(&format!("[{good}, {bad}]"));
    assert!(
        message.starts_with("review.json：第2份总结的第1个问题的 text 是空的"),
        "{message}"
    );
}

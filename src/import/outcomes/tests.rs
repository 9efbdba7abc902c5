//! Tests of `outcomes`.

use super::*;

#[test]
fn an_anchor_names_an_earlier_year_next_to_a_problem_word() {
    assert_eq!(
        anchor_year("对2022年度民主生活会查摆的问题", Some(2023)),
        Some(2022)
    );
    assert_eq!(anchor_year("上年度巡察反馈问题", Some(2023)), Some(2022));
    assert_eq!(anchor_year("较上年增长15%，解决问题8个", Some(2023)), None);
    assert_eq!(
        anchor_year("2023年解决群众急难愁盼问题120个", Some(2023)),
        None
    );
}

#[test]
fn an_outcomes_section_yields_one_outcome_per_item() {
    let text = "已整改完成1项，1项持续推进。\n（一）学习不深的问题。已完成整改。\n（二）作风不实的问题。正在持续推进。";
    let doc = Doc::new(text);
    let got = from_section(&doc, 0..text.len(), Some(2022), Some(2023));
    let statuses: Vec<Status> = got.outcomes.iter().map(|f| f.status).collect();
    assert_eq!(statuses, [Status::Done, Status::InProgress]);
    assert_eq!(got.tallies.len(), 1);
}

#[test]
fn a_labelled_problem_joins_its_labelled_status() {
    let text = "针对上年度查摆的问题，问题一：学习不深。整改情况：已建立台账，整改完成。";
    let doc = Doc::new(text);
    let (got, _) = embedded(&doc, 0, Some(2023)).unwrap();
    assert_eq!(got.outcomes.len(), 1);
    let span = finish_range(text, got.outcomes[0].span.clone());
    assert_eq!(&text[span], "学习不深。整改情况：已建立台账，整改完成");
}

#[test]
fn achievements_without_an_earlier_year_are_not_outcomes() {
    let text = "全年解决群众急难愁盼问题120个，已完成年度目标。";
    let doc = Doc::new(text);
    assert!(embedded(&doc, 0, Some(2023)).is_none());
}

#[test]
fn embedded_outcomes_are_read_sentence_by_sentence() {
    let text = "对上年度查摆的2个问题逐项整改。理论学习不深的问题已整改到位；作风不实的问题正在整改。全年开展活动20次。";
    let doc = Doc::new(text);
    let (got, _) = embedded(&doc, 0, Some(2023)).unwrap();
    assert_eq!(got.outcomes.len(), 2);
    assert_eq!(got.outcomes[0].year, Some(2022));
    assert_eq!(got.outcomes[1].status, Status::InProgress);
}

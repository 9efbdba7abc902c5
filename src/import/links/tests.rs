//! Tests of `links`: each statement that links a measure to its problem, and the look-alikes
//! that must not.

use super::*;
use crate::import::parse;

const PROBLEMS: &[&str] = &[
    "理论学习的系统性不强，以会代学现象仍然存在",
    "基层调研不够深入，掌握一线情况不全面",
    "档案数字化进度滞后，馆藏数字化率不足五成",
];

fn answers_of(text: &str) -> Vec<Vec<usize>> {
    parse(text)
        .measures
        .into_iter()
        .map(|m| m.answers)
        .collect()
}

#[test]
fn a_measure_naming_its_problem_answers_the_closest_one() {
    assert_eq!(
        named("针对档案数字化进度滞后的问题，引入第三方服务", PROBLEMS),
        [2]
    );
    assert_eq!(named("针对基层调研不深入问题，建立联系点", PROBLEMS), [1]);
    assert_eq!(
        named(
            "完善学习制度。关于理论学习系统性不强的问题，每季度开展研讨",
            PROBLEMS
        ),
        [0]
    );
}

#[test]
fn pointing_back_at_the_problems_names_none() {
    for text in [
        "针对上述问题，将重点抓好以下工作",
        "针对以上问题，逐项整改",
        "针对以上存在的问题，认真加以整改",
        "针对这些突出问题，制定方案",
        "针对存在的问题，立行立改",
        "针对检查中发现的以上问题，立即组织整改",
        "针对上述理论学习不深的问题，完善学习制度",
        "针对巡察反馈的问题，逐项制定措施",
    ] {
        assert!(named(text, PROBLEMS).is_empty(), "{text}");
    }
}

#[test]
fn a_phrase_two_problems_match_equally_well_links_neither() {
    let problems = ["党员干部学习不深入", "青年干部学习不深透"];
    assert!(named("针对干部学习不深的问题，开展轮训", &problems).is_empty());
}

#[test]
fn a_phrase_no_problem_matches_well_enough_links_none() {
    assert!(named("针对安全生产隐患排查问题，开展专项检查", PROBLEMS).is_empty());
}

#[test]
fn a_measure_numbered_against_a_problem_answers_that_problem() {
    assert_eq!(named("针对问题二，建立基层联系点制度", PROBLEMS), [1]);
    assert_eq!(named("对应第三个问题，加快数字化", PROBLEMS), [2]);
    assert_eq!(named("针对第1项问题，完善学习制度", PROBLEMS), [0]);
    assert!(named("针对问题五，另行研究", PROBLEMS).is_empty());
}

#[test]
fn common_words_holding_an_opener_are_not_openers() {
    assert!(named(
        "巩固成就问题整改成果，理论学习系统性不强的问题得到解决",
        PROBLEMS
    )
    .is_empty());
    assert!(named("做好就业问题相关工作", PROBLEMS).is_empty());
    assert!(named("针对问题十分突出的领域，开展专项整治", PROBLEMS).is_empty());
}

#[test]
fn interleaved_pairs_link_each_measure_to_its_own_problem() {
    let text = "x局2023年度工作总结\n一、主要工作\n全年完成各项任务。\n\
                二、存在问题及整改措施\n问题一：理论学习不够深入，学用结合不紧密。\n\
                整改措施：完善学习制度，每月集中学习一次。\n\
                问题二：调查研究不够扎实，掌握一线情况不全面。\n\
                整改措施：开展蹲点调研，每人每年调研不少于4次。\n\
                整改措施：建立调研成果台账，年内完成成果转化。\n\nx局\n2024年1月5日\n";
    assert_eq!(answers_of(text), [vec![0], vec![1], vec![1]]);
}

#[test]
fn area_headings_pair_their_problems_with_their_measures() {
    let text = "x局2023年度工作总结\n一、主要工作\n全年完成各项任务。\n\
                二、存在问题及整改措施\n（一）思想建设方面\n\
                存在问题：理论学习的深度不够，学用结合不紧。\n\
                整改措施：完善中心组学习制度，每季度开展一次专题研讨。\n（二）作风建设方面\n\
                存在问题：深入基层调研偏少，掌握一线情况不全面。\n\
                整改措施：建立领导干部基层联系点制度，每人每年调研不少于4次。\n\
                （三）制度建设方面\n存在问题：内控制度更新不及时，个别制度与实际脱节。\n\
                整改措施：开展制度清理，6月底前完成修订。\n\nx局\n2024年1月5日\n";
    let summary = parse(text);
    let problems: Vec<&str> = summary.problems.iter().map(|p| p.text.as_str()).collect();
    assert_eq!(problems.len(), 3, "{problems:?}");
    assert_eq!(answers_of(text), [vec![0], vec![1], vec![2]]);
}

#[test]
fn one_label_pair_over_two_lists_links_nothing() {
    let text = "x局2023年度工作总结\n二、存在问题及整改措施\n\
                存在问题：一是学习不深；二是作风不实。\n整改措施：一是加强学习；二是改进作风。\n";
    assert_eq!(answers_of(text), [Vec::<usize>::new(), Vec::new()]);
}

#[test]
fn a_lead_in_pairing_the_lists_item_by_item_links_them_in_order() {
    let text = "x局2023年度工作总结\n三、存在的问题\n一是学习不深；二是作风不实；三是制度不全。\n\
                四、下一步打算\n针对上述问题，逐条制定整改措施如下：\n\
                1.加强学习。每月集中学习。\n2.改进作风。深入一线调研。\n3.健全制度。修订议事规则。\n";
    assert_eq!(answers_of(text), [vec![0], vec![1], vec![2]]);
}

#[test]
fn lists_of_the_same_length_without_a_statement_link_nothing() {
    let text = "x局2023年度工作总结\n三、存在的问题\n一是学习不深；二是作风不实；三是制度不全。\n\
                四、下一步打算\n针对上述问题，将重点抓好以下工作：\n\
                1.加强学习。每月集中学习。\n2.改进作风。深入一线调研。\n3.健全制度。修订议事规则。\n";
    assert!(answers_of(text).iter().all(Vec::is_empty));
}

#[test]
fn a_one_to_one_lead_in_over_lists_of_different_lengths_links_nothing() {
    let text = "x局2023年度工作总结\n三、存在的问题\n一是学习不深；二是作风不实。\n\
                四、下一步打算\n针对上述问题，逐项制定措施：\n\
                1.加强学习。每月集中学习。\n2.改进作风。深入一线调研。\n3.健全制度。修订议事规则。\n";
    assert!(answers_of(text).iter().all(Vec::is_empty));
}

#[test]
fn every_answer_is_a_sorted_index_into_the_problems() {
    let problems = [0..2, 3..5];
    let measures = [0..2, 6..8];
    let text = "ab,cd,ef";
    assert_eq!(
        answers(text, &problems, &measures, vec![vec![1, 0, 1, 7], vec![]]),
        [vec![0, 1], vec![]]
    );
}

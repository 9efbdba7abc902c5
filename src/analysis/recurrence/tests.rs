//! Tests of the pairing rules.

use std::collections::HashMap;

use super::*;

fn problem(num: i64, unit: &str, year: i32, text: &str) -> Problem {
    Problem {
        id: ItemId::problem(num),
        uuid: String::new(),
        unit: unit.into(),
        year,
        category: None,
        text: text.into(),
    }
}

fn problems() -> Vec<Problem> {
    vec![
        problem(1, "甲局", 2022, "理论学习不够深入，学用结合不够紧密"),
        problem(2, "甲局", 2022, "基层党支部会议记录不规范"),
        problem(3, "甲局", 2023, "理论学习深度不够，学用结合仍不紧密"),
        problem(4, "甲局", 2024, "理论学习仍不够深入，学用脱节"),
        problem(5, "乙局", 2023, "理论学习不够深入，学用结合不够紧密"),
    ]
}

fn ids(pairs: &[Pair]) -> Vec<(String, String)> {
    pairs
        .iter()
        .map(|p| (p.earlier.id.to_string(), p.later.id.to_string()))
        .collect()
}

#[test]
fn a_problem_recurring_over_three_years_pairs_with_both_earlier_years() {
    let pairs = find_pairs(&problems(), &Known::default(), DEFAULT_THRESHOLD);
    let found = ids(&pairs);
    assert!(found.contains(&("P1".into(), "P3".into())), "{found:?}");
    assert!(found.contains(&("P1".into(), "P4".into())), "{found:?}");
    assert!(found.contains(&("P3".into(), "P4".into())), "{found:?}");
}

#[test]
fn problems_of_other_units_and_of_the_same_year_never_pair() {
    let pairs = find_pairs(&problems(), &Known::default(), 0.0);
    assert!(pairs
        .iter()
        .all(|p| p.unit == "甲局" || p.earlier.id != ItemId::problem(1)));
    assert!(pairs.iter().all(|p| p.earlier.year < p.later.year));
    assert!(!ids(&pairs).contains(&("P1".into(), "P5".into())));
}

#[test]
fn decisions_override_the_score() {
    let decisions = HashMap::from([
        ((ItemId::problem(1), ItemId::problem(3)), Decision::Rejected),
        (
            (ItemId::problem(2), ItemId::problem(4)),
            Decision::Confirmed,
        ),
    ]);
    let pairs = find_pairs(
        &problems(),
        &Known {
            decisions,
            ..Known::default()
        },
        DEFAULT_THRESHOLD,
    );
    let found = ids(&pairs);
    assert!(!found.contains(&("P1".into(), "P3".into())));
    let confirmed = pairs
        .iter()
        .find(|p| p.earlier.id == ItemId::problem(2))
        .unwrap();
    assert_eq!(confirmed.decision, Some(Decision::Confirmed));
}

#[test]
fn a_pairs_score_is_unchanged_after_unrelated_items_are_added() {
    let score = |problems: &[Problem]| {
        let pairs = find_pairs(problems, &Known::default(), 0.0);
        let pair = pairs
            .iter()
            .find(|p| p.earlier.id == ItemId::problem(1) && p.later.id == ItemId::problem(3))
            .unwrap();
        pair.evidence.clone()
    };
    let before = score(&problems());
    let mut more = problems();
    more.push(problem(6, "乙局", 2024, "理论学习流于形式，学用结合不紧"));
    more.push(problem(7, "丙局", 2023, "理论学习不够深入"));
    more.push(problem(
        8,
        "丙局",
        2024,
        "基层党支部会议记录不规范，理论学习不深",
    ));
    assert_eq!(score(&more), before);
}

#[test]
fn each_problem_pairs_with_at_most_one_problem_of_each_other_year() {
    let problems = vec![
        problem(1, "甲局", 2022, "公务用车管理不规范，派车登记不完整"),
        problem(2, "甲局", 2023, "公车使用审批不严格，派车登记仍不完整"),
        problem(
            3,
            "甲局",
            2023,
            "公车封存制度执行不到位，公车私用苗头仍有发生",
        ),
    ];
    let pairs = find_pairs(&problems, &Known::default(), 0.0);
    let with_p1: Vec<_> = pairs
        .iter()
        .filter(|p| p.earlier.id == ItemId::problem(1))
        .map(|p| p.later.id)
        .collect();
    assert_eq!(with_p1, [ItemId::problem(2)], "{pairs:?}");
}

#[test]
fn words_that_share_a_telling_character_are_alike_and_words_that_share_a_common_one_hardly() {
    use crate::analysis::words::Reference;
    let chars = |w: &str| -> Vec<(char, f64)> {
        w.chars()
            .map(|c| (c, Reference::shipped().char_idf(c)))
            .collect()
    };
    let school = score::likeness(&chars("学校"), &chars("校园"));
    let person = score::likeness(&chars("一人"), &chars("法人"));
    assert!(
        school > person,
        "学校/校园 {school:.2}, 一人/法人 {person:.2}"
    );
    assert!(school <= score::SIMILAR_WEIGHT);
    // A word inside another is already shared by both texts as a word of its own.
    assert_eq!(score::likeness(&chars("理论"), &chars("理论学习")), 0.0);
    assert_eq!(score::likeness(&chars("学校"), &chars("农村")), 0.0);
}

#[test]
fn a_renamed_problem_pairs_through_its_similar_words_and_says_which() {
    let problems = vec![
        problem(1, "甲局", 2022, "学校安全管理不到位，安全教育演练不经常"),
        problem(2, "甲局", 2023, "校园安全管理仍有欠缺，演练流于形式"),
    ];
    let with = find_pairs(&problems, &Known::default(), 0.0);
    let without = find_pairs_with(
        &problems,
        &Known::default(),
        0.0,
        Signals {
            similar_words: false,
            ..Signals::ALL
        },
    );
    let evidence = &with[0].evidence;
    assert!(
        evidence
            .similar
            .iter()
            .any(|(e, l, _)| e == "学校" && l == "校园"),
        "{:?}",
        evidence.similar
    );
    assert!(evidence.words_score > without[0].evidence.words_score);
    assert!(without[0].evidence.similar.is_empty());
}

#[test]
fn a_stock_closing_clause_is_no_evidence() {
    let problems = vec![
        problem(1, "甲局", 2022, "公务接待审批把关不严，与上级要求还有差距"),
        problem(
            2,
            "甲局",
            2023,
            "农村饮水工程维护不及时，与上级要求还有差距",
        ),
    ];
    let pairs = find_pairs(&problems, &Known::default(), 0.0);
    let shared: Vec<&str> = pairs
        .iter()
        .flat_map(|p| p.evidence.shared.iter().map(|(w, _)| w.as_str()))
        .collect();
    assert!(
        !shared.iter().any(|w| ["上级", "要求", "差距"].contains(w)),
        "{shared:?}"
    );
}

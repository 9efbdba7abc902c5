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

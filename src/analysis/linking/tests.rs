use super::*;
use crate::model::{Deadline, Owner};

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

fn measure(num: i64, unit: &str, year: i32, title: Option<&str>, text: &str) -> Measure {
    Measure {
        id: ItemId::measure(num),
        uuid: String::new(),
        unit: unit.into(),
        year,
        title: title.map(str::to_string),
        text: text.into(),
        owner: Owner::default(),
        deadline: Deadline::LongTerm,
        institution: None,
    }
}

fn problems() -> Vec<Problem> {
    vec![
        problem(
            1,
            "甲局",
            2024,
            "教师师德师风建设长效机制不健全，监督不够有力",
        ),
        problem(2, "甲局", 2024, "校园安全隐患排查不彻底，安全责任压得不实"),
        problem(3, "甲局", 2024, "干部调查研究不够深入，调研停留在面上"),
        problem(4, "甲局", 2023, "食堂食品安全抽检批次偏少"),
        problem(5, "乙局", 2024, "校园安全隐患排查不彻底"),
    ]
}

fn pairs(suggestions: &[Suggestion]) -> Vec<(String, String)> {
    suggestions
        .iter()
        .map(|s| (s.measure.to_string(), s.problem.to_string()))
        .collect()
}

fn none() -> (Vec<(ItemId, ItemId)>, HashMap<ItemId, ItemId>) {
    (Vec::new(), HashMap::new())
}

#[test]
fn each_unlinked_measure_gets_the_problem_of_its_year_it_shares_telling_words_with() {
    let measures = vec![
        measure(
            1,
            "甲局",
            2024,
            Some("压实安全责任"),
            "压实安全责任。每学期开展一次校园安全隐患拉网式排查",
        ),
        measure(
            2,
            "甲局",
            2024,
            Some("健全师德长效机制"),
            "健全师德长效机制。建立师德档案，完善监督评议办法",
        ),
    ];
    let (links, carried) = none();
    let known = Known {
        links: &links,
        carried_from: &carried,
    };
    let found = suggest_links(&problems(), &measures, &known);
    assert_eq!(
        pairs(&found),
        [("M1".into(), "P2".into()), ("M2".into(), "P1".into())]
    );
    assert!(
        found[0].shared_words.iter().any(|w| w.contains("安全")),
        "{found:?}"
    );
}

#[test]
fn a_linked_measure_and_a_measure_like_no_problem_get_no_suggestion() {
    let measures = vec![
        measure(1, "甲局", 2024, None, "开展校园安全隐患排查"),
        measure(
            2,
            "甲局",
            2024,
            None,
            "落实中央八项规定精神，从严抓好作风纪律",
        ),
    ];
    let links = vec![(ItemId::measure(1), ItemId::problem(2))];
    let carried = HashMap::new();
    let known = Known {
        links: &links,
        carried_from: &carried,
    };
    assert_eq!(suggest_links(&problems(), &measures, &known), []);
}

#[test]
fn problems_of_other_units_and_other_years_are_not_proposed_while_the_year_has_problems() {
    let measures = vec![measure(1, "甲局", 2024, None, "扩大食堂食品安全抽检批次")];
    let (links, carried) = none();
    let known = Known {
        links: &links,
        carried_from: &carried,
    };
    let found = suggest_links(&problems(), &measures, &known);
    assert!(
        found
            .iter()
            .all(|s| s.problem_year == 2024 && s.unit == "甲局"),
        "{found:?}"
    );
    assert!(!pairs(&found).contains(&("M1".into(), "P4".into())));
}

#[test]
fn a_carried_over_measure_may_answer_the_problem_its_original_answered() {
    let measures = vec![
        measure(1, "甲局", 2023, None, "扩大食堂食品安全抽检批次"),
        measure(2, "甲局", 2024, None, "继续扩大食堂食品安全抽检批次"),
    ];
    let links = vec![(ItemId::measure(1), ItemId::problem(4))];
    let carried = HashMap::from([(ItemId::measure(2), ItemId::measure(1))]);
    let known = Known {
        links: &links,
        carried_from: &carried,
    };
    let found = suggest_links(&problems(), &measures, &known);
    assert_eq!(
        found.first().map(|s| s.problem),
        Some(ItemId::problem(4)),
        "{found:?}"
    );
    assert_eq!(found[0].problem_year, 2023);
}

#[test]
fn a_year_without_problems_falls_back_to_earlier_years() {
    let measures = vec![measure(1, "甲局", 2025, None, "扩大食堂食品安全抽检批次")];
    let (links, carried) = none();
    let known = Known {
        links: &links,
        carried_from: &carried,
    };
    let found = suggest_links(&problems(), &measures, &known);
    assert_eq!(pairs(&found), [("M1".into(), "P4".into())]);
}

#[test]
fn a_second_problem_is_proposed_only_when_nearly_as_close() {
    let problems = vec![
        problem(1, "甲局", 2024, "电梯维保单位履责不到位"),
        problem(2, "甲局", 2024, "电梯维保质量抽查偏少"),
        problem(3, "甲局", 2024, "执法案卷证据链不完整"),
    ];
    let measures = vec![measure(1, "甲局", 2024, None, "开展电梯维保专项检查")];
    let (links, carried) = none();
    let known = Known {
        links: &links,
        carried_from: &carried,
    };
    let found = suggest_links(&problems, &measures, &known);
    let ids: Vec<String> = found.iter().map(|s| s.problem.to_string()).collect();
    assert_eq!(ids.len(), 2, "{found:?}");
    assert!(!ids.contains(&"P3".to_string()));
    assert!(found[0].score >= found[1].score);
}

#[test]
fn strength_bands_follow_the_thresholds() {
    assert_eq!(Strength::of(HIGH), Strength::High);
    assert_eq!(Strength::of(HIGH - 0.001), Strength::Medium);
    assert_eq!(Strength::of(MEDIUM), Strength::Medium);
    assert_eq!(Strength::of(FLOOR), Strength::Low);
}

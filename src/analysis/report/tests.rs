//! Tests of the report computation, on hand-built problems, measures and progress.

use super::*;
use crate::model::{Deadline, InstitutionSetting, Measure, Owner, Problem, ProgressEntry};
use proptest::prelude::*;

fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn problem(num: i64, year: i32) -> Problem {
    Problem {
        id: ItemId::problem(num),
        uuid: String::new(),
        unit: "甲局".into(),
        year,
        category: None,
        text: format!("问题{num}"),
    }
}

fn measure(num: i64, year: i32) -> Measure {
    Measure {
        id: ItemId::measure(num),
        uuid: String::new(),
        unit: "甲局".into(),
        year,
        title: Some(format!("措施{num}")),
        text: format!("措施{num}。具体做法"),
        owner: Owner::default(),
        deadline: Deadline::default_for_year(year),
        institution: None,
    }
}

fn entry(item: ItemId, status: Status, on: &str, note: &str) -> ProgressEntry {
    ProgressEntry {
        seq: 0,
        uuid: String::new(),
        item,
        status,
        date: date(on),
        note: Some(note.to_string()),
        evidence: vec![],
        reported_in: None,
    }
}

fn ledger() -> LedgerData {
    LedgerData {
        problems: vec![
            problem(1, 2023),
            problem(2, 2024),
            problem(3, 2024),
            problem(4, 2025),
        ],
        measures: vec![
            measure(1, 2023),
            measure(2, 2024),
            measure(3, 2024),
            measure(4, 2024),
            measure(5, 2025),
        ],
        linked_measures: vec![],
        links: vec![
            (ItemId::problem(1), ItemId::measure(1)),
            (ItemId::problem(2), ItemId::measure(2)),
            (ItemId::problem(3), ItemId::measure(3)),
            (ItemId::problem(3), ItemId::measure(4)),
        ],
        progress: vec![
            entry(
                ItemId::measure(1),
                Status::NotDone,
                "2024-12-01",
                "经费未落实",
            ),
            entry(ItemId::measure(2), Status::Done, "2025-05-01", "已印发制度"),
            entry(
                ItemId::measure(3),
                Status::InProgress,
                "2025-06-01",
                "已完成调研",
            ),
            entry(
                ItemId::measure(4),
                Status::LongTerm,
                "2025-07-01",
                "纳入年度考核",
            ),
        ],
        reported_years: vec![],
    }
}

fn report(options: ReportOptions) -> Report {
    compute_report(
        &ledger(),
        &Continuity::default(),
        "甲局",
        2025,
        date("2025-12-31"),
        options,
    )
}

#[test]
fn the_review_counts_last_year_s_measures_by_status() {
    let review = report(ReportOptions::default()).review;
    assert_eq!(review.year, 2024);
    assert_eq!(review.problems, 2);
    let c = review.measures;
    assert_eq!((c.total, c.done, c.in_progress, c.long_term), (3, 1, 1, 1));
    // The rate is over problems: P2 done, P3 in progress.
    assert_eq!(review.completion_rate, Some(50));
}

#[test]
fn long_term_problems_can_count_as_done() {
    let mut data = ledger();
    data.problems.push(problem(5, 2024));
    data.progress.push(entry(
        ItemId::problem(5),
        Status::LongTerm,
        "2025-08-01",
        "长期坚持",
    ));
    let rate = |long_term_counts_as_done| {
        let options = ReportOptions {
            long_term_counts_as_done,
        };
        compute_report(
            &data,
            &Continuity::default(),
            "甲局",
            2025,
            date("2025-12-31"),
            options,
        )
        .review
        .completion_rate
    };
    // Done: P2; in progress: P3; long-term: P5.
    assert_eq!(rate(false), Some(50));
    assert_eq!(rate(true), Some(67));
}

#[test]
fn earlier_problems_still_open_are_reviewed_with_their_reason() {
    let review = report(ReportOptions::default()).review;
    let ids: Vec<String> = review.items.iter().map(|i| i.id.to_string()).collect();
    assert_eq!(ids, ["P2", "P3", "P1"]);
    let old = &review.items[2];
    assert_eq!(old.status, Status::NotDone);
    assert_eq!(old.reason.as_deref(), Some("经费未落实"));
    assert_eq!(review.items[0].reason, None);
    assert_eq!(review.items[1].notes, ["已完成调研", "纳入年度考核"]);
}

#[test]
fn this_year_s_problems_and_measures_are_listed() {
    let report = report(ReportOptions::default());
    assert_eq!(report.problems.len(), 1);
    assert_eq!(report.plans.len(), 1);
    assert_eq!(report.plans[0].title.as_deref(), Some("措施5"));
}

fn any_status() -> impl Strategy<Value = Status> {
    prop::sample::select(Status::ALL.to_vec())
}

proptest! {
    #[test]
    fn counts_always_add_up(statuses in prop::collection::vec(any_status(), 0..40), long in any::<bool>()) {
        let mut data = LedgerData::default();
        for (i, status) in statuses.iter().enumerate() {
            let m = measure(i as i64 + 1, 2024);
            data.progress.push(entry(m.id, *status, "2025-03-01", "说明"));
            data.measures.push(m);
        }
        let options = ReportOptions { long_term_counts_as_done: long };
        let review = compute_report(&data, &Continuity::default(), "甲局", 2025, date("2025-12-31"), options).review;
        prop_assert_eq!(review.measures.total, statuses.len());
        prop_assert_eq!(review.measures.sum_of_parts(), review.measures.total);
        if let Some(rate) = review.completion_rate {
            prop_assert!(rate <= 100);
        }
    }
}

#[test]
fn a_problem_is_named_by_its_first_clause_without_a_closing_word_problem() {
    assert_eq!(
        short_form("党员干部理论学习浮于表面，学用结合不够紧密。"),
        "党员干部理论学习浮于表面"
    );
    assert_eq!(short_form("公示不够及时的问题。"), "公示不够及时");
    assert_eq!(
        short_form("“双随机、一公开”抽查结果公示不够及时"),
        "‘双随机、一公开’抽查结果公示不够及时"
    );
}

#[test]
fn a_measure_s_institution_setting_overrides_its_words_in_the_review() {
    let mut data = ledger();
    // M2 and M3 are last year's; M2 revises a rule by its words, M3 says nothing of rules.
    data.measures[1].text = "修订完善差旅费报销规定".into();
    let counts = |data: &LedgerData| {
        let review = compute_report(
            data,
            &Continuity::default(),
            "甲局",
            2025,
            date("2025-12-31"),
            ReportOptions::default(),
        )
        .review;
        let i = review.institutions;
        (i.new, i.revise, i.abolish, i.total)
    };
    assert_eq!(counts(&data), (0, 1, 0, 1));
    data.measures[1].institution = Some(InstitutionSetting::NotARule);
    data.measures[2].institution = Some(InstitutionSetting::New);
    assert_eq!(counts(&data), (1, 0, 0, 1));
}

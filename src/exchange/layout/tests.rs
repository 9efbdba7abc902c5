use chrono::NaiveDate;

use super::*;
use crate::analysis::{compute_ledger, RowFilter};
use crate::model::{Evidence, Measure, Owner, Problem, Status};
use crate::store::LedgerData;

fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn problem(num: i64, year: i32, text: &str) -> Problem {
    Problem {
        id: ItemId::problem(num),
        uuid: format!("p{num}"),
        unit: "甲局".into(),
        year,
        category: None,
        text: text.into(),
    }
}

fn measure(num: i64, year: i32, deadline: Deadline) -> Measure {
    Measure {
        id: ItemId::measure(num),
        uuid: format!("m{num}"),
        unit: "甲局".into(),
        year,
        title: None,
        text: format!("措施{num}"),
        owner: Owner {
            owner_dept: Some("办公室".into()),
            co_depts: vec!["人事科".into(), "财务科".into()],
            ..Owner::default()
        },
        deadline,
        institution: None,
    }
}

fn entry(item: ItemId, status: Status, on: &str, note: Option<&str>) -> ProgressEntry {
    ProgressEntry {
        seq: 0,
        uuid: String::new(),
        item,
        status,
        date: date(on),
        note: note.map(str::to_string),
        evidence: vec![Evidence {
            reference: "通知.pdf".into(),
            size_bytes: None,
            sha256: None,
        }],
        reported_in: None,
    }
}

fn sheets(data: &LedgerData, outside: &OutsideProblems) -> Vec<Sheet> {
    let as_of = date("2026-01-15");
    let rows = compute_ledger(data, as_of, &RowFilter::default());
    let mut progress: HashMap<ItemId, Vec<ProgressEntry>> = HashMap::new();
    for e in &data.progress {
        progress.entry(e.item).or_default().push(e.clone());
    }
    build(&rows, &progress, outside)
}

#[test]
fn a_problem_spans_its_measures_and_a_bare_problem_takes_one_row() {
    let data = LedgerData {
        problems: vec![problem(1, 2024, "问题一"), problem(2, 2024, "问题二")],
        measures: vec![
            measure(1, 2024, Deadline::ByDate(date("2025-06-30"))),
            measure(2, 2024, Deadline::LongTerm),
        ],
        links: vec![
            (ItemId::problem(1), ItemId::measure(1)),
            (ItemId::problem(1), ItemId::measure(2)),
        ],
        progress: vec![entry(
            ItemId::measure(1),
            Status::InProgress,
            "2025-03-01",
            Some("已启动"),
        )],
        ..LedgerData::default()
    };
    let sheets = sheets(&data, &OutsideProblems::new());
    assert_eq!(sheets.len(), 1);
    let s = &sheets[0];
    assert_eq!(s.title(), "甲局2024年度问题整改台账");
    assert_eq!(s.groups.len(), 2);
    assert_eq!(s.groups[0].lines.len(), 2);
    let first = s.groups[0].lines[0].cells(&s.groups[0]);
    assert_eq!(
        first,
        [
            "1",
            "2024年度工作总结",
            "",
            "问题一",
            "措施1",
            "",
            "办公室",
            "人事科、财务科",
            "",
            "2025-06-30",
            "2025-03-01 已启动",
            "正在整改",
            "未销号",
            "",
            "通知.pdf",
            "M1；逾期199天",
        ]
    );
    assert!(s.groups[0].lines[0].overdue);
    let bare = &s.groups[1].lines[0];
    assert_eq!((bare.item, bare.measure.as_str()), (ItemId::problem(2), ""));
    assert_eq!(bare.deadline_text(), "");
}

#[test]
fn a_measure_answering_an_earlier_problem_is_listed_under_it() {
    let data = LedgerData {
        measures: vec![measure(5, 2025, Deadline::Immediate(date("2026-01-05")))],
        links: vec![(ItemId::problem(1), ItemId::measure(5))],
        ..LedgerData::default()
    };
    let outside = OutsideProblems::from([(ItemId::problem(1), (2024, "旧问题".to_string()))]);
    let sheets = sheets(&data, &outside);
    let group = &sheets[0].groups[0];
    assert_eq!(
        (group.source.as_str(), group.problem.as_str()),
        ("2024年度工作总结", "旧问题")
    );
    // Recorded on 2026-01-05, not the plan year's first day: the date is named.
    assert_eq!(group.lines[0].deadline_text(), "立行立改（2026-01-05）");
}

#[test]
fn a_done_measure_is_closed_on_the_day_of_the_entry_that_made_it_done() {
    let data = LedgerData {
        problems: vec![problem(1, 2024, "问题一")],
        measures: vec![measure(1, 2024, Deadline::Immediate(date("2025-01-01")))],
        links: vec![(ItemId::problem(1), ItemId::measure(1))],
        progress: vec![
            entry(ItemId::measure(1), Status::InProgress, "2025-03-01", None),
            entry(
                ItemId::measure(1),
                Status::Done,
                "2025-05-20",
                Some("已验收"),
            ),
        ],
        ..LedgerData::default()
    };
    let sheets = sheets(&data, &OutsideProblems::new());
    let line = &sheets[0].groups[0].lines[0];
    assert_eq!(line.deadline_text(), "立行立改");
    assert_eq!(line.closed_on, Some(date("2025-05-20")));
    let cells = line.cells(&sheets[0].groups[0]);
    assert_eq!(
        cells[12..14],
        ["已销号".to_string(), "2025-05-20".to_string()]
    );
    // The progress lines state the first status (no note) and the last one's words alone.
    assert_eq!(cells[10], "2025-03-01 正在整改\n2025-05-20 已验收");
}

#[test]
fn a_title_the_text_does_not_start_with_is_written_before_it() {
    assert_eq!(
        measure_cell(Some("强化理论武装"), "强化理论武装。每季度研讨"),
        "强化理论武装。每季度研讨"
    );
    assert_eq!(
        measure_cell(Some("规范组织生活"), "每月抽查"),
        "【规范组织生活】每月抽查"
    );
    assert_eq!(measure_cell(None, "每月抽查"), "每月抽查");
}

#[test]
fn sheet_names_are_short_unique_and_clean() {
    let s = |unit: &str, year| empty(unit, year);
    assert_eq!(
        sheet_names(&[s("甲局", 2024), s("甲局", 2025)]),
        ["2024年度", "2025年度"]
    );
    let long = "国家税务总局临江市某某区税务局第一税务分局机关党委[试点]";
    let names = sheet_names(&[s(long, 2024), s("乙局", 2024)]);
    assert!(
        names[0].chars().count() <= 31 && !names[0].contains('['),
        "{}",
        names[0]
    );
    assert!(names[0].ends_with("2024"));
    assert_eq!(names[1], "乙局2024");
}

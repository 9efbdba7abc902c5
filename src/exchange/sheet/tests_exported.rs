//! Tests of reading what `export` writes: the 填报 line, dated progress lines, 销号 columns and
//! a later year's measure under an earlier problem.

use chrono::NaiveDate;

use super::*;
use crate::exchange::grid::{Cell, Grid, Region};

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn grid(rows: &[&[&str]], merges: &[(usize, usize, usize, usize)]) -> Grid {
    let cell = |s: &&str| {
        if s.is_empty() {
            Cell::Empty
        } else {
            Cell::Text(s.to_string())
        }
    };
    Grid {
        sheet: "2025年度".into(),
        rows: rows.iter().map(|r| r.iter().map(cell).collect()).collect(),
        merges: merges
            .iter()
            .map(|&(first_row, first_col, last_row, last_col)| Region {
                first_row,
                first_col,
                last_row,
                last_col,
            })
            .collect(),
    }
}

fn parse(g: &Grid) -> Ledger {
    read(g, &find_header(g).expect("a header"))
}

const HEADER: &[&str] = &[
    "序号",
    "问题来源",
    "问题描述",
    "整改措施",
    "整改进展",
    "完成情况",
    "销号情况",
    "销号时间",
    "佐证材料",
];

#[test]
fn a_filed_line_below_the_title_is_neither_header_nor_data_nor_the_year() {
    let g = grid(
        &[
            &["临江市财政局2025年度问题整改台账（截至2026年1月15日）"],
            &["填报单位：临江市财政局    填报人：张三    填报日期：2026年1月15日"],
            HEADER,
            &[
                "1",
                "2025年度工作总结",
                "问题甲",
                "措施甲",
                "",
                "未启动",
                "未销号",
                "",
                "",
            ],
        ],
        &[(0, 0, 0, 8), (1, 0, 1, 8)],
    );
    let ledger = parse(&g);
    assert_eq!(ledger.header_row, 3);
    assert_eq!(ledger.unit.as_deref(), Some("临江市财政局"));
    assert_eq!(ledger.year, Some(2025));
    assert_eq!(ledger.problems.len(), 1);
    assert_eq!(ledger.measures.len(), 1);
    assert!(ledger.warnings.is_empty(), "{:?}", ledger.warnings);
    assert!(ledger.columns.iter().any(|(f, _)| *f == Field::ClosedOn));
}

#[test]
fn a_filed_line_without_a_unit_leaves_the_title_to_name_unit_and_year() {
    let g = grid(
        &[
            &["甲镇2024年度整改台账"],
            &["填报人：李四", "", "填报日期：2025年3月1日"],
            &["问题描述", "整改措施"],
            &["问题", "措施"],
        ],
        &[],
    );
    let ledger = parse(&g);
    assert_eq!(ledger.title.as_deref(), Some("甲镇2024年度整改台账"));
    assert_eq!(
        (ledger.unit.as_deref(), ledger.year),
        (Some("甲镇"), Some(2024))
    );
}

#[test]
fn dated_progress_lines_are_entries_and_the_closing_day_is_read() {
    let g = grid(
        &[
            HEADER,
            &[
                "1",
                "2024年度工作总结",
                "旧问题",
                "强化理论武装。每季度研讨",
                "2025-03-28 已开展研讨\n2025-04-10 正在整改：初稿已完成\n2025-06-25 成果已形成清单",
                "已完成",
                "已销号",
                "2025-06-25",
                "2025-03-28 通知.pdf\n2025-06-25 8号文",
            ],
        ],
        &[],
    );
    let ledger = parse(&g);
    assert_eq!(ledger.problems[0].source_year, Some(2024));
    let m = &ledger.measures[0];
    assert_eq!(m.title.as_deref(), Some("强化理论武装"));
    assert_eq!(m.text, "强化理论武装。每季度研讨");
    let outcome = m.outcome.as_ref().unwrap();
    assert_eq!(outcome.closed_on, Some(day("2025-06-25")));
    let read: Vec<(NaiveDate, Status, Option<&str>, Vec<&str>)> = outcome
        .entries
        .iter()
        .map(|e| {
            let evidence = e.evidence.iter().map(String::as_str).collect();
            (e.date, e.status, e.note.as_deref(), evidence)
        })
        .collect();
    assert_eq!(
        read,
        [
            (
                day("2025-03-28"),
                Status::InProgress,
                Some("已开展研讨"),
                vec!["通知.pdf"]
            ),
            (
                day("2025-04-10"),
                Status::InProgress,
                Some("初稿已完成"),
                vec![]
            ),
            (
                day("2025-06-25"),
                Status::Done,
                Some("成果已形成清单"),
                vec!["8号文"]
            ),
        ]
    );
    assert_eq!(outcome.status, Status::Done);
}

#[test]
fn free_text_progress_is_one_outcome_and_a_sheet_without_closing_columns_reads_as_before() {
    let g = grid(
        &[
            &["问题描述", "整改措施", "整改进展", "完成情况"],
            &["问题", "措施", "5月20日已印发新办法", "已完成"],
        ],
        &[],
    );
    let outcome = parse(&g).measures[0].outcome.clone().unwrap();
    assert_eq!(outcome.status, Status::Done);
    assert_eq!(outcome.note.as_deref(), Some("5月20日已印发新办法"));
    assert!(outcome.entries.is_empty());
    assert_eq!(outcome.closed_on, None);
}

#[test]
fn only_closed_stands_for_a_status_and_open_does_not() {
    let g = grid(
        &[
            &["问题描述", "整改措施", "销号情况"],
            &["问题", "措施一", "已销号"],
            &["问题", "措施二", "未销号"],
        ],
        &[],
    );
    let ledger = parse(&g);
    assert_eq!(
        ledger.measures[0].outcome.as_ref().map(|o| o.status),
        Some(Status::Done)
    );
    assert_eq!(ledger.measures[1].outcome, None);
}

#[test]
fn a_source_other_than_an_exported_summary_names_no_year() {
    let g = grid(
        &[
            &["问题来源", "问题描述", "整改措施"],
            &["2023年度民主生活会", "问题", "措施"],
        ],
        &[],
    );
    assert_eq!(parse(&g).problems[0].source_year, None);
}

#[test]
fn a_marked_title_is_taken_off_the_text_and_a_first_sentence_stays_in_it() {
    let g = grid(
        &[
            &["问题描述", "整改措施"],
            &["问题", "【深化学用结合】每月开展一次业务学习交流"],
            &["问题", "强化理论武装。每季度研讨"],
        ],
        &[],
    );
    let ledger = parse(&g);
    let read: Vec<(Option<&str>, &str)> = ledger
        .measures
        .iter()
        .map(|m| (m.title.as_deref(), m.text.as_str()))
        .collect();
    assert_eq!(
        read,
        [
            (Some("深化学用结合"), "每月开展一次业务学习交流"),
            (Some("强化理论武装"), "强化理论武装。每季度研讨"),
        ]
    );
}

#[test]
fn without_a_closing_column_dated_lines_stay_one_free_text_outcome() {
    let g = grid(
        &[
            &["问题描述", "整改措施", "整改进展", "完成情况"],
            &[
                "问题",
                "措施",
                "2025-03-01 已部署\n2025-05-20 新办法已印发",
                "已完成",
            ],
        ],
        &[],
    );
    let outcome = parse(&g).measures[0].outcome.clone().unwrap();
    assert!(outcome.entries.is_empty());
    assert_eq!(
        outcome.note.as_deref(),
        Some("2025-03-01 已部署\n2025-05-20 新办法已印发")
    );
}

//! Tests of reading ledger sheets: headers, spanning problems, shared measures, unreadable rows.

use chrono::NaiveDate;

use super::*;
use crate::exchange::grid::{Cell, Grid, Region};

fn text(s: &str) -> Cell {
    if s.is_empty() {
        Cell::Empty
    } else {
        Cell::Text(s.to_string())
    }
}

fn grid(rows: &[&[&str]], merges: &[(usize, usize, usize, usize)]) -> Grid {
    Grid {
        sheet: "台账".into(),
        rows: rows
            .iter()
            .map(|r| r.iter().map(|c| text(c)).collect())
            .collect(),
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

#[test]
fn a_title_row_names_the_unit_and_year_and_merged_problems_span_their_measures() {
    let g = grid(
        &[
            &["甲县审计局2024年度问题整改台账", "", "", "", ""],
            &["序号", "问题描述", "整改措施", "整改时限", "完成情况"],
            &[
                "1",
                "审计整改跟踪不够及时",
                "建立整改台账月报制度",
                "2025年6月底前",
                "已完成",
            ],
            &["", "", "每季度通报整改进度", "长期坚持", "正在推进"],
            &[
                "2",
                "业务培训覆盖面不广",
                "组织全员轮训",
                "2025-09-30",
                "未完成",
            ],
        ],
        &[(0, 0, 0, 4), (2, 0, 3, 0), (2, 1, 3, 1)],
    );
    let ledger = parse(&g);
    assert_eq!(ledger.unit.as_deref(), Some("甲县审计局"));
    assert_eq!(ledger.year, Some(2024));
    assert_eq!(ledger.header_row, 2);
    let problems: Vec<&str> = ledger.problems.iter().map(|p| p.text.as_str()).collect();
    assert_eq!(problems, ["审计整改跟踪不够及时", "业务培训覆盖面不广"]);
    let links: Vec<&[usize]> = ledger
        .measures
        .iter()
        .map(|m| m.problems.as_slice())
        .collect();
    assert_eq!(links, [&[0][..], &[0], &[1]]);
    let statuses: Vec<Status> = ledger
        .measures
        .iter()
        .map(|m| m.outcome.as_ref().unwrap().status)
        .collect();
    assert_eq!(
        statuses,
        [Status::Done, Status::InProgress, Status::NotDone]
    );
    assert_eq!(ledger.measures[1].deadline, Some(WordedDeadline::LongTerm));
    assert!(ledger.warnings.is_empty(), "{:?}", ledger.warnings);
}

#[test]
fn a_problem_left_blank_below_its_first_row_keeps_its_measures() {
    let g = grid(
        &[
            &["存在问题", "整改举措", "责任单位"],
            &["会议记录不规范", "统一记录模板", "办公室"],
            &["", "按月抽查", "办公室"],
            &["资料归档滞后", "限期补齐归档", "档案室"],
        ],
        &[],
    );
    let ledger = parse(&g);
    assert_eq!(ledger.problems.len(), 2);
    assert_eq!(ledger.measures[1].problems, [0]);
    assert_eq!(ledger.measures[2].problems, [1]);
    assert_eq!(
        ledger.measures[0].owner.owner_dept.as_deref(),
        Some("办公室")
    );
}

#[test]
fn a_measure_repeated_under_two_problems_is_one_measure_answering_both() {
    let g = grid(
        &[
            &["序号", "问题描述", "整改措施", "牵头部门"],
            &["1", "问题甲", "建立长效机制", "办公室"],
            &["2", "问题乙", "建立长效机制", "办公室"],
        ],
        &[],
    );
    let ledger = parse(&g);
    assert_eq!(ledger.measures.len(), 1);
    assert_eq!(ledger.measures[0].problems, [0, 1]);
}

#[test]
fn a_two_row_header_names_the_owner_columns_under_a_merged_heading() {
    let g = grid(
        &[
            &[
                "编号",
                "问题表现",
                "整改措施",
                "责任主体",
                "",
                "",
                "完成时限",
            ],
            &["", "", "", "责任领导", "责任单位", "具体责任人", ""],
            &[
                "一",
                "台账填报不及时",
                "每月五日前报送",
                "张副局长",
                "综合科",
                "李雷",
                "立行立改",
            ],
        ],
        &[
            (0, 0, 1, 0),
            (0, 1, 1, 1),
            (0, 2, 1, 2),
            (0, 3, 0, 5),
            (0, 6, 1, 6),
        ],
    );
    let ledger = parse(&g);
    assert_eq!(ledger.header_row, 2);
    let m = &ledger.measures[0];
    assert_eq!(m.owner.leader.as_deref(), Some("张副局长"));
    assert_eq!(m.owner.owner_dept.as_deref(), Some("综合科"));
    assert_eq!(m.owner.owner_person.as_deref(), Some("李雷"));
    assert_eq!(m.deadline, Some(WordedDeadline::Immediate));
}

#[test]
fn unreadable_rows_are_reported_with_their_number() {
    let g = grid(
        &[
            &["问题描述", "整改措施", "整改时限", "整改情况"],
            &["问题甲", "措施一", "六月中旬", "已完成"],
            &["问题甲", "措施二", "2025-06-30", "看情况"],
            &["", "", "2025-06-30", ""],
            &["填表人：王芳", "", "", ""],
        ],
        &[(4, 0, 4, 3)],
    );
    let ledger = parse(&g);
    assert_eq!(
        ledger.measures.len(),
        1,
        "the row with a bad deadline is left out"
    );
    let rows: Vec<(usize, &RowTrouble)> =
        ledger.warnings.iter().map(|w| (w.row, &w.kind)).collect();
    assert_eq!(
        rows,
        [
            (2, &RowTrouble::BadDeadline("六月中旬".into())),
            (4, &RowTrouble::NoItem),
            (5, &RowTrouble::Note("填表人：王芳".into())),
        ]
    );
    // A progress text without a status word: the work has started.
    assert_eq!(
        ledger.measures[0].outcome.as_ref().unwrap().status,
        Status::InProgress
    );
}

#[test]
fn an_unknown_word_in_the_status_column_is_reported() {
    let g = grid(
        &[
            &["问题描述", "整改措施", "完成情况"],
            &["问题甲", "措施一", "看情况"],
        ],
        &[],
    );
    let ledger = parse(&g);
    assert_eq!(ledger.measures[0].outcome, None);
    assert_eq!(
        ledger.warnings,
        [RowWarning {
            row: 2,
            kind: RowTrouble::UnknownStatus("看情况".into())
        }]
    );
}

#[test]
fn excel_dates_and_serial_numbers_are_deadlines() {
    let mut g = grid(
        &[
            &["问题描述", "整改措施", "整改时限"],
            &["问题", "措施一", ""],
            &["问题", "措施二", ""],
        ],
        &[],
    );
    g.rows[1][2] = Cell::Date(NaiveDate::from_ymd_opt(2025, 6, 30).unwrap());
    g.rows[2][2] = Cell::Number(45838.0);
    let ledger = parse(&g);
    let due = WordedDeadline::Date(NaiveDate::from_ymd_opt(2025, 6, 30).unwrap());
    assert_eq!(ledger.measures[0].deadline, Some(due));
    assert_eq!(ledger.measures[1].deadline, Some(due));
}

#[test]
fn a_labelled_unit_line_wins_over_the_title() {
    let g = grid(
        &[
            &["2024年度民主生活会查摆问题整改清单"],
            &["填报单位：乙镇人民政府（盖章）    填报时间：2025年1月"],
            &["问题", "措施"],
            &["问题甲", "措施甲"],
        ],
        &[],
    );
    let ledger = parse(&g);
    assert_eq!(ledger.unit.as_deref(), Some("乙镇人民政府"));
    assert_eq!(ledger.year, Some(2024));
    assert_eq!(
        ledger.title.as_deref(),
        Some("2024年度民主生活会查摆问题整改清单")
    );
}

#[test]
fn a_dropped_item_keeps_a_reason() {
    let g = grid(
        &[
            &["问题描述", "整改措施", "完成情况", "备注"],
            &["问题", "措施", "已撤销", "职能已划转"],
        ],
        &[],
    );
    let outcome = parse(&g).measures[0].outcome.clone().unwrap();
    assert_eq!(outcome.status, Status::Dropped);
    assert_eq!(outcome.note.as_deref(), Some("职能已划转"));
}

#[test]
fn titles_and_file_names_give_unit_and_year() {
    assert_eq!(
        unit_and_year("附件2：临江市财政局2024年度问题整改台账"),
        (Some("临江市财政局".into()), Some(2024))
    );
    assert_eq!(unit_and_year("2023年度整改台账"), (None, Some(2023)));
    assert_eq!(unit_and_year("整改台账"), (None, None));
}

#[test]
fn a_sheet_without_problem_or_measure_columns_has_no_header() {
    let g = grid(
        &[&["填表说明"], &["一、请如实填写"], &["序号", "备注"]],
        &[],
    );
    assert_eq!(find_header(&g), None);
}

//! `taizhang common`: problems several units share.

use crate::common::TestEnv;

const UNITS: [&str; 5] = [
    "青禾区教育局",
    "东山县财政局",
    "临江市卫生健康委员会",
    "南湖区市场监督管理局",
    "西岭县农业农村局",
];

/// Five units' problems: 理论学习 reworded by four units and 三会一课 by three in 2024, 专项资金
/// by two units in different years, and problems no other unit names.
const PROBLEMS: [(&str, &str, &str); 16] = [
    (
        "青禾区教育局",
        "2024",
        "理论学习不够深入，满足于读原文、划重点",
    ),
    (
        "青禾区教育局",
        "2024",
        "“三会一课”记录不规范，党课次数达不到要求",
    ),
    ("青禾区教育局", "2024", "校园周边安全隐患排查不够彻底"),
    (
        "东山县财政局",
        "2024",
        "部分党员干部理论学习深度不够，学习停留在面上",
    ),
    (
        "东山县财政局",
        "2024",
        "三会一课制度落实不够规范，会议记录不完整",
    ),
    ("东山县财政局", "2024", "预算执行进度偏慢，结转结余资金较多"),
    (
        "临江市卫生健康委员会",
        "2024",
        "理论学习还不够深入，停留在读原文、划重点上",
    ),
    (
        "临江市卫生健康委员会",
        "2024",
        "“三会一课”执行不规范，党课质量不高",
    ),
    ("临江市卫生健康委员会", "2024", "基层医疗机构专业人才短缺"),
    (
        "南湖区市场监督管理局",
        "2024",
        "政治理论学习不够深入系统，学习停留在面上",
    ),
    (
        "南湖区市场监督管理局",
        "2024",
        "食品抽检覆盖面不广，农村地区抽检批次偏少",
    ),
    (
        "西岭县农业农村局",
        "2024",
        "专项资金监管不到位，资金拨付进度慢",
    ),
    ("西岭县农业农村局", "2024", "高标准农田建后管护机制不健全"),
    ("青禾区教育局", "2023", "理论学习与业务工作结合不够紧密"),
    (
        "东山县财政局",
        "2023",
        "专项资金监管不够到位，资金拨付进度偏慢",
    ),
    (
        "南湖区市场监督管理局",
        "2023",
        "食品安全抽检覆盖不全，对小作坊抽检不够",
    ),
];

fn shared_store() -> TestEnv {
    let env = TestEnv::init();
    for unit in UNITS {
        env.ok(&["unit", "add", unit]);
    }
    for (unit, year, text) in PROBLEMS {
        env.ok(&["problem", "add", "--unit", unit, "--year", year, text]);
    }
    env
}

#[test]
fn rewordings_of_one_problem_by_several_units_are_grouped_largest_first() {
    let env = shared_store();
    insta::assert_snapshot!(env.transcript(&["common", "--year", "2024"]));
}

#[test]
fn common_prints_stable_json() {
    let env = shared_store();
    insta::assert_snapshot!(env.transcript(&["common", "--year", "2024", "--format", "json"]));
}

#[test]
fn common_prints_one_csv_row_per_problem_with_its_group() {
    let env = shared_store();
    insta::assert_snapshot!(env.transcript(&["common", "--format", "csv"]));
}

#[test]
fn common_speaks_english_with_lang_en() {
    let env = shared_store();
    insta::assert_snapshot!(env.transcript(&["common", "--year", "2024", "--lang", "en"]));
}

#[test]
fn min_units_leaves_out_problems_fewer_units_share() {
    let env = shared_store();
    insta::assert_snapshot!(env.transcript(&["common", "--year", "2024", "--min-units", "4"]));
    insta::assert_snapshot!(env.transcript(&["common", "--year", "2024", "--min-units", "5"]));
}

#[test]
fn year_limits_the_problems_compared() {
    let env = shared_store();
    let all = env.ok(&["common", "--format", "csv"]);
    let in_2024 = env.ok(&["common", "--year", "2024", "--format", "csv"]);
    // 专项资金 is shared across years only: 东山县财政局 in 2023, 西岭县农业农村局 in 2024.
    assert!(all.contains("专项资金监管不够到位"), "{all}");
    assert!(!in_2024.contains("专项资金"), "{in_2024}");
    assert!(
        in_2024.lines().skip(1).all(|l| l.contains(",2024,")),
        "{in_2024}"
    );
    insta::assert_snapshot!(env.transcript(&["common", "--year", "2023"]));
}

#[test]
fn a_problem_one_unit_repeats_over_the_years_is_not_shared() {
    let env = shared_store();
    let all = env.ok(&["common", "--format", "csv"]);
    assert!(!all.contains("抽检"), "{all}");
}

#[test]
fn an_empty_store_has_no_shared_problems() {
    let env = TestEnv::init();
    insta::assert_snapshot!(env.transcript(&["common"]));
    insta::assert_snapshot!(env.transcript(&["common", "--format", "json"]));
}

#[test]
fn a_bad_threshold_or_min_units_is_refused_in_one_sentence() {
    let env = TestEnv::init();
    insta::assert_snapshot!(env.transcript(&["common", "--threshold", "1.5"]));
    insta::assert_snapshot!(env.transcript(&["common", "--threshold", "abc"]));
    insta::assert_snapshot!(env.transcript(&["common", "--min-units", "1"]));
}

#[test]
fn a_lower_threshold_groups_looser_rewordings() {
    let env = shared_store();
    let strict = env.ok(&["common", "--threshold", "0.9", "--format", "csv"]);
    let default = env.ok(&["common", "--format", "csv"]);
    assert!(strict.lines().count() < default.lines().count(), "{strict}");
}

#[test]
fn common_tables_fit_in_eighty_columns() {
    let env = shared_store();
    for lang in ["zh", "en"] {
        let out = env.ok(&["common", "--lang", lang]);
        for line in out.lines() {
            let width: usize = line.chars().map(display_width).sum();
            assert!(width <= 80, "a line {width} columns wide:\n{line}");
        }
    }
}

/// Terminal columns of a character: two for CJK and full-width forms, else one.
fn display_width(c: char) -> usize {
    match c as u32 {
        0x1100..=0x115F
        | 0x2E80..=0xA4CF
        | 0xAC00..=0xD7A3
        | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F
        | 0xFF00..=0xFF60
        | 0xFFE0..=0xFFE6 => 2,
        _ => 1,
    }
}

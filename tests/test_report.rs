use crate::common::TestEnv;

#[test]
fn the_report_reviews_last_year_and_lists_this_year_s_problems_and_plans() {
    let env = TestEnv::with_fixture_ledger();
    insta::assert_snapshot!(env.transcript(&["report", "--unit", "市财政局", "--year", "2025"]));
}

#[test]
fn the_report_in_paren_style_with_long_term_counted_as_done() {
    let env = TestEnv::with_fixture_ledger();
    insta::assert_snapshot!(env.transcript(&[
        "report",
        "--unit",
        "市财政局",
        "--year",
        "2025",
        "--style",
        "paren",
        "--long-term-as-done"
    ]));
}

#[test]
fn the_report_names_unfinished_and_dropped_items_with_their_reasons() {
    let env = TestEnv::with_fixture_ledger();
    insta::assert_snapshot!(env.transcript(&[
        "report",
        "--unit",
        "东山县市场监管局",
        "--year",
        "2025",
        "--style",
        "arabic"
    ]));
}

#[test]
fn the_report_counts_are_as_of_the_given_date() {
    let env = TestEnv::with_fixture_ledger();
    let text = env.ok(&[
        "report",
        "--unit",
        "市财政局",
        "--year",
        "2025",
        "--as-of",
        "2025-03-01",
    ]);
    assert!(text.contains("已完成1条，尚未启动3条"), "{text}");
}

#[test]
fn the_report_as_markdown_and_json() {
    let env = TestEnv::with_fixture_ledger();
    insta::assert_snapshot!(env.transcript(&[
        "report",
        "--unit",
        "市财政局",
        "--year",
        "2025",
        "--format",
        "md"
    ]));
    let json = env.ok(&[
        "report",
        "--unit",
        "市财政局",
        "--year",
        "2025",
        "--format",
        "json",
    ]);
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    let m = &value["review"]["measures"];
    let parts: u64 = [
        "done",
        "in_progress",
        "long_term",
        "not_done",
        "dropped",
        "planned",
    ]
    .iter()
    .map(|k| m[k].as_u64().unwrap())
    .sum();
    assert_eq!(parts, m["total"].as_u64().unwrap());
}

#[test]
fn the_report_is_written_to_txt_md_and_docx_files() {
    let env = TestEnv::with_fixture_ledger();
    for name in ["整改情况.txt", "整改情况.md", "整改情况.docx"] {
        let out = env.ok(&["report", "--unit", "市财政局", "--year", "2025", "-o", name]);
        assert_eq!(out, format!("已写入 {name}\n"));
        assert!(env.dir().join(name).metadata().unwrap().len() > 500);
    }
    let text = std::fs::read_to_string(env.dir().join("整改情况.txt")).unwrap();
    assert_eq!(
        text,
        env.ok(&["report", "--unit", "市财政局", "--year", "2025"])
    );
    let docx = std::fs::read(env.dir().join("整改情况.docx")).unwrap();
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(docx)).unwrap();
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut archive.by_name("word/document.xml").unwrap(), &mut xml)
        .unwrap();
    assert!(xml.contains("临江市财政局2025年度问题整改情况"));
    assert!(xml.contains("方正小标宋简体") && xml.contains("仿宋_GB2312") && xml.contains("黑体"));
}

#[test]
fn an_unknown_output_extension_is_refused_before_anything_is_written() {
    let env = TestEnv::with_fixture_ledger();
    insta::assert_snapshot!(env.transcript(&[
        "report",
        "--unit",
        "市财政局",
        "--year",
        "2025",
        "-o",
        "report.pdf"
    ]));
    assert!(!env.dir().join("report.pdf").exists());
}

#[test]
fn a_user_template_replaces_the_wording() {
    let env = TestEnv::with_fixture_ledger();
    std::fs::write(
        env.dir().join("mine.j2"),
        "{{ report.unit }}：上年度措施{{ report.review.measures.total }}条，完成率{{ report.review.completion_rate }}%\n",
    )
    .unwrap();
    insta::assert_snapshot!(env.transcript(&[
        "report",
        "--unit",
        "市财政局",
        "--year",
        "2025",
        "--template",
        "mine.j2"
    ]));
    std::fs::write(env.dir().join("broken.j2"), "{{ report.unit ").unwrap();
    insta::assert_snapshot!(env.transcript(&[
        "report",
        "--unit",
        "市财政局",
        "--year",
        "2025",
        "--template",
        "broken.j2"
    ]));
}

#[test]
fn print_template_prints_the_default_without_a_store() {
    let env = TestEnv::new();
    let out = env.ok(&["report", "--print-template"]);
    assert!(out.contains("上年") || out.contains("年度问题整改落实情况"));
    assert!(!env.db().exists());
}

#[test]
fn carrying_a_measure_over_adds_it_to_next_year_s_plan() {
    let env = TestEnv::with_fixture_ledger();
    insta::assert_snapshot!(env.transcript(&["carry", "M3", "--year", "2025"]));
    let json = env.ok(&["show", "M11", "--format", "json"]);
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(value["year"], 2025);
    assert_eq!(value["links"], serde_json::json!(["P3"]));
    assert_eq!(value["due"], "2026-12-31");
    let text = env.ok(&["report", "--unit", "市财政局", "--year", "2025"]);
    assert!(text.contains("（上年度措施，持续推进；"), "{text}");
    insta::assert_snapshot!(env.transcript(&["history", "M3"]));
}

#[test]
fn only_unfinished_measures_are_carried_once_into_a_later_year() {
    let env = TestEnv::with_fixture_ledger();
    let before = env.fingerprint();
    insta::assert_snapshot!(env.transcript(&["carry", "M1", "--year", "2025"]));
    insta::assert_snapshot!(env.transcript(&["carry", "M3", "--year", "2024"]));
    insta::assert_snapshot!(env.transcript(&["carry", "P3", "--year", "2025"]));
    assert_eq!(before, env.fingerprint());
    env.ok(&["carry", "M3", "--year", "2025"]);
    let before = env.fingerprint();
    insta::assert_snapshot!(env.transcript(&["carry", "M3", "--year", "2025"]));
    assert_eq!(before, env.fingerprint());
}

/// Imports a fixture chain (three years of one unit's summaries) into a fresh store.
fn chain(names: &[&str]) -> TestEnv {
    let env = TestEnv::init();
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/summaries");
    for name in names {
        std::fs::copy(dir.join(name), env.dir().join(name)).unwrap();
    }
    let mut args = vec!["import"];
    args.extend_from_slice(names);
    env.ok(&args);
    env
}

#[test]
fn the_section_of_each_year_of_the_fixture_chains() {
    let chains: [(&str, [&str; 3], [i32; 2]); 3] = [
        (
            "临江市财政局",
            [
                "a1_linjiang_caizheng_2022.txt",
                "a2_linjiang_caizheng_2023_gb18030_crlf.txt",
                "a3_linjiang_caizheng_2024_bom.txt",
            ],
            [2023, 2024],
        ),
        (
            "东山县市场监督管理局",
            [
                "b1_dongshan_shijian_2021.txt",
                "b2_dongshan_shijian_2022.txt",
                "b3_dongshan_shijian_2023.txt",
            ],
            [2022, 2023],
        ),
        (
            "青禾区教育局",
            [
                "c1_qinghe_jiaoyu_2022.txt",
                "c2_qinghe_jiaoyu_2023.docx",
                "c3_qinghe_jiaoyu_2024_crlf.txt",
            ],
            [2023, 2024],
        ),
    ];
    for (unit, files, years) in chains {
        let env = chain(&files);
        // As a clerk does after importing: review the suggested links and accept them, so that the
        // outcomes the summaries report reach the measures of the problems.
        env.ok(&["link", "--suggest", "--accept"]);
        for year in years {
            let as_of = format!("{year}-12-31");
            let y = year.to_string();
            let text = env.run(&["report", "--unit", unit, "--year", &y, "--as-of", &as_of]);
            insta::assert_snapshot!(format!("{unit}-{year}"), text);
        }
        let y = years[1].to_string();
        let md = env.run(&[
            "report",
            "--unit",
            unit,
            "--year",
            &y,
            "--as-of",
            &format!("{y}-12-31"),
            "--format",
            "md",
        ]);
        insta::assert_snapshot!(format!("{unit}-{y}-md"), md);
    }
}

/// The template's own words for where an item stands; a paragraph says at most one of them.
const STATUS_SENTENCES: &[&str] = &[
    "该问题已整改到位",
    "已建立长效机制，长期坚持",
    "该问题正在整改",
    "该问题尚未启动整改",
    "尚未完成整改",
    "该项整改已撤销",
    "整改情况尚未报告",
];

/// Checks one rendered section: no ISO date, none of our placeholders, each item paragraph
/// says where it stands at most once, and the opening figures are those of `stats`.
fn check_section(env: &TestEnv, unit: &str, year: i32, as_of: &str) {
    let y = year.to_string();
    let text = env.ok(&["report", "--unit", unit, "--year", &y, "--as-of", as_of]);
    let chars: Vec<char> = text.chars().collect();
    let iso = chars.windows(10).any(|w| {
        w.iter().enumerate().all(|(i, c)| match i {
            4 | 7 => *c == '-',
            _ => c.is_ascii_digit(),
        })
    });
    assert!(!iso, "an ISO date in prose:\n{text}");
    for placeholder in ["{{", "}}", "{%", "none", "None", "未记录", "undefined"] {
        assert!(!text.contains(placeholder), "{placeholder:?} in:\n{text}");
    }
    for para in text.lines().filter(|l| l.contains("关于“")) {
        let said = STATUS_SENTENCES
            .iter()
            .filter(|s| para.contains(*s))
            .count();
        assert!(said <= 1, "the status is said {said} times: {para}");
    }
    let stats: serde_json::Value = serde_json::from_str(&env.ok(&[
        "stats", "--unit", unit, "--by", "year", "--as-of", as_of, "--format", "json",
    ]))
    .unwrap();
    let reviewed = year - 1;
    let Some(row) = stats["groups"].as_array().and_then(|rows| {
        rows.iter()
            .find(|r| r["group"].as_str() == Some(&reviewed.to_string()))
    }) else {
        return;
    };
    let problems = row["problems"]["total"].as_u64().unwrap_or(0);
    if problems > 0 {
        let opening = format!("针对{reviewed}年度查摆的");
        let line = text.lines().find(|l| l.starts_with(&opening)).unwrap();
        assert!(
            line.contains(&format!("{problems}个问题")),
            "stats says {problems} problems: {line}"
        );
        if let Some(rate) = row["completion_rate"].as_u64() {
            assert!(
                line.contains(&format!("完成率{rate}%")),
                "rate {rate}: {line}"
            );
        }
    }
}

#[test]
fn every_section_says_each_status_once_in_chinese_dates_and_agrees_with_stats() {
    let env = TestEnv::with_fixture_ledger();
    for unit in ["市财政局", "东山县市场监管局"] {
        for (year, as_of) in [
            (2025, "2025-06-30"),
            (2025, "2026-01-15"),
            (2026, "2026-06-30"),
        ] {
            check_section(&env, unit, year, as_of);
        }
    }
    for (unit, files, year) in [
        (
            "临江市财政局",
            [
                "a1_linjiang_caizheng_2022.txt",
                "a2_linjiang_caizheng_2023_gb18030_crlf.txt",
                "a3_linjiang_caizheng_2024_bom.txt",
            ],
            2024,
        ),
        (
            "东山县市场监督管理局",
            [
                "b1_dongshan_shijian_2021.txt",
                "b2_dongshan_shijian_2022.txt",
                "b3_dongshan_shijian_2023.txt",
            ],
            2023,
        ),
        (
            "青禾区教育局",
            [
                "c1_qinghe_jiaoyu_2022.txt",
                "c2_qinghe_jiaoyu_2023.docx",
                "c3_qinghe_jiaoyu_2024_crlf.txt",
            ],
            2024,
        ),
    ] {
        let env = chain(&files);
        env.ok(&["link", "--suggest", "--accept"]);
        for y in [year - 1, year] {
            check_section(&env, unit, y, &format!("{y}-12-31"));
        }
    }
}

#[test]
fn sources_name_the_record_behind_each_sentence() {
    let env = TestEnv::with_fixture_ledger();
    insta::assert_snapshot!(env.transcript(&[
        "report",
        "--unit",
        "市财政局",
        "--year",
        "2025",
        "--sources"
    ]));
}

#[test]
fn the_plan_can_leave_out_owners_and_deadlines() {
    let env = TestEnv::with_fixture_ledger();
    let with = env.run(&["report", "--unit", "市财政局", "--year", "2025"]);
    let without = env.run(&[
        "report",
        "--unit",
        "市财政局",
        "--year",
        "2025",
        "--no-duties",
    ]);
    assert!(with.contains("（责任部门："));
    assert!(!without.contains("责任部门："));
    assert!(!without.contains("完成时限："));
}

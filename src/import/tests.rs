//! The fixture summaries (`fixtures/summaries/`): each one's dry-run JSON as a reviewed
//! snapshot, plus checks that hold across all of them (encodings, positions, coverage).

use std::path::{Path, PathBuf};

use super::{parse, read_document, reading_text, Summary};
use crate::error::Msg;
use crate::render::Lang;

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/summaries")
}

/// The decoded text of a fixture, and what `parse` makes of it with `file` filled in.
fn read(name: &str) -> (String, Summary) {
    let bytes = std::fs::read(dir().join(name)).expect("fixture exists");
    let text = read_document(name, &bytes, None).expect("fixture decodes");
    let mut summary = parse(&text);
    summary.file = name.to_string();
    (text, summary)
}

fn snapshot(name: &str) {
    let (_, summary) = read(name);
    let json = serde_json::to_string_pretty(&summary).expect("summary serialises");
    let stem = name.split('.').next().unwrap_or(name);
    insta::assert_snapshot!(stem, json);
}

macro_rules! fixtures {
    ($($test:ident => $file:literal,)*) => {
        $(
            #[test]
            fn $test() {
                snapshot($file);
            }
        )*

        const FIXTURES: &[&str] = &[$($file),*];
    };
}

fixtures! {
    linjiang_2022_combined_inline_problems_and_titled_measures => "a1_linjiang_caizheng_2022.txt",
    linjiang_2023_gb18030_crlf_with_an_outcomes_section => "a2_linjiang_caizheng_2023_gb18030_crlf.txt",
    linjiang_2024_bom_with_outcomes_in_the_achievements => "a3_linjiang_caizheng_2024_bom.txt",
    dongshan_2021_unnumbered_headings_and_semicolon_items => "b1_dongshan_shijian_2021.txt",
    dongshan_2022_problem_and_measure_pairs => "b2_dongshan_shijian_2022.txt",
    dongshan_2023_arabic_headings_half_width_noise => "b3_dongshan_shijian_2023.txt",
    qinghe_2022_half_width_parentheses => "c1_qinghe_jiaoyu_2022.txt",
    qinghe_2023_docx_with_sub_sections => "c2_qinghe_jiaoyu_2023.docx",
    qinghe_2024_crlf_with_a_count_that_disagrees => "c3_qinghe_jiaoyu_2024_crlf.txt",
    a_placeholder_unit_with_a_plan_and_no_problems => "s1_placeholder_plan_only.txt",
    problems_without_a_plan => "s2_problems_without_plan.txt",
    achievements_only => "s3_achievements_only.txt",
    site_markers_and_mixed_punctuation => "s4_noise_site_markers.txt",
    problems_grouped_under_categories => "s5_category_groups.txt",
    labels_without_headings_and_a_signed_unit => "s6_labels_signed_unit.txt",
    a_party_report_with_a_lead_in_sentence => "s7_party_report_lead_in.txt",
    ordinal_items_and_unmarked_paragraphs => "s8_ordinal_unmarked_cn_years.txt",
    numbered_pairs_with_deadlines => "s9_numbered_pairs_deadlines.txt",
    area_headings_each_with_a_problem_and_its_measure => "p1_xiling_nongye_2023_area_pairs.txt",
    measures_that_name_their_problems => "p2_beihu_wenlv_2023_named_problems.txt",
    a_plan_paired_item_by_item_with_the_problems => "p3_donghu_dangan_2023_one_to_one.txt",
    measures_numbered_against_the_problems => "p4_nanshan_zhen_2023_numbered_against.txt",
    lists_of_the_same_length_that_the_text_does_not_pair => "p5_yunxi_yibao_2023_equal_lists.txt",
}

#[test]
fn every_fixture_has_a_snapshot_test() {
    let mut on_disk: Vec<String> = std::fs::read_dir(dir())
        .expect("fixture directory")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.ends_with(".txt") || n.ends_with(".docx"))
        .collect();
    on_disk.sort();
    let mut listed: Vec<String> = FIXTURES.iter().map(|s| s.to_string()).collect();
    listed.sort();
    assert_eq!(on_disk, listed);
}

#[test]
fn encoded_fixtures_read_the_same_as_their_sources() {
    for (fixture, source) in [
        (
            "a2_linjiang_caizheng_2023_gb18030_crlf.txt",
            "a2_linjiang_caizheng_2023_gb18030_crlf.txt",
        ),
        (
            "a3_linjiang_caizheng_2024_bom.txt",
            "a3_linjiang_caizheng_2024_bom.txt",
        ),
        (
            "c3_qinghe_jiaoyu_2024_crlf.txt",
            "c3_qinghe_jiaoyu_2024_crlf.txt",
        ),
        ("c2_qinghe_jiaoyu_2023.docx", "c2_qinghe_jiaoyu_2023.txt"),
    ] {
        let (text, _) = read(fixture);
        let source =
            std::fs::read_to_string(dir().join("sources").join(source)).expect("source exists");
        assert_eq!(text.trim_end(), source.trim_end(), "{fixture}");
    }
}

#[test]
fn item_positions_point_at_their_text_in_the_input() {
    for name in FIXTURES {
        let (text, summary) = read(name);
        let at = |position: usize, item: &str| {
            let rest = reading_text(&text[position..]);
            assert!(
                rest.starts_with(item),
                "{name}: {item:?} is not at {position}"
            );
        };
        summary
            .problems
            .iter()
            .for_each(|p| at(p.position, &p.text));
        summary
            .measures
            .iter()
            .for_each(|m| at(m.position, &m.text));
        summary
            .outcomes
            .iter()
            .for_each(|o| at(o.position, &o.text));
    }
}

#[test]
fn a_summary_without_a_problems_section_yields_no_problems() {
    let (_, summary) = read("s1_placeholder_plan_only.txt");
    assert!(summary.problems.is_empty());
    assert!(summary.warnings.contains(&Msg::NoProblemsSection));
    assert_eq!(summary.measures.len(), 4);
}

#[test]
fn enumerations_in_the_achievements_are_neither_problems_nor_measures() {
    let (_, summary) = read("s3_achievements_only.txt");
    assert!(
        summary.problems.is_empty() && summary.measures.is_empty() && summary.outcomes.is_empty()
    );
    assert_eq!(
        summary.warnings,
        [Msg::NoProblemsSection, Msg::NoMeasuresSection]
    );
}

#[test]
fn measures_carry_the_deadlines_they_state() {
    use crate::model::WordedDeadline;
    let (_, summary) = read("s9_numbered_pairs_deadlines.txt");
    let deadlines: Vec<Option<WordedDeadline>> =
        summary.measures.iter().map(|m| m.deadline).collect();
    assert_eq!(
        deadlines,
        [
            Some(WordedDeadline::EndOfMonth {
                year: Some(2024),
                month: 6
            }),
            Some(WordedDeadline::Immediate),
            Some(WordedDeadline::LongTerm),
        ]
    );
}

#[test]
fn a_count_that_disagrees_with_the_items_is_a_warning() {
    let (_, summary) = read("c3_qinghe_jiaoyu_2024_crlf.txt");
    assert_eq!(summary.warnings.len(), 1);
    assert!(summary.warnings[0]
        .render(Lang::En)
        .contains("says 3 done for 2023"));
}

#[test]
fn outcomes_may_report_on_two_earlier_years() {
    let (_, summary) = read("b3_dongshan_shijian_2023.txt");
    let years: Vec<Option<i32>> = summary.outcomes.iter().map(|o| o.refers_to_year).collect();
    assert_eq!(years, [Some(2022), Some(2022), Some(2022), Some(2021)]);
}

/// The true links of a fixture (`fixtures/summaries/links.json`): every (measure, problem) pair a
/// careful reader would draw, and the subset the text itself states.
struct TrueLinks {
    links: Vec<(usize, usize)>,
    stated: Vec<(usize, usize)>,
}

fn true_links() -> Vec<(String, TrueLinks)> {
    let json = std::fs::read_to_string(dir().join("links.json")).expect("links.json exists");
    let value: serde_json::Value = serde_json::from_str(&json).expect("links.json is JSON");
    let pairs = |v: &serde_json::Value| -> Vec<(usize, usize)> {
        let pair = |p: &serde_json::Value| {
            let at = |i: usize| p[i].as_u64().expect("an index") as usize;
            (at(0), at(1))
        };
        v.as_array()
            .expect("a list of pairs")
            .iter()
            .map(pair)
            .collect()
    };
    let object = value.as_object().expect("one entry per fixture");
    object
        .iter()
        .map(|(name, v)| {
            let links = pairs(&v["links"]);
            let stated = pairs(&v["stated"]);
            (name.clone(), TrueLinks { links, stated })
        })
        .collect()
}

#[test]
fn every_fixture_with_measures_has_its_true_links_written_down() {
    let truth = true_links();
    let listed: Vec<&str> = truth.iter().map(|(n, _)| n.as_str()).collect();
    for name in FIXTURES {
        let (_, summary) = read(name);
        let entry = truth.iter().find(|(n, _)| n == name);
        assert_eq!(entry.is_some(), !summary.measures.is_empty(), "{name}");
        let Some((_, t)) = entry else { continue };
        for &(m, p) in &t.links {
            assert!(
                m < summary.measures.len() && p < summary.problems.len(),
                "{name}"
            );
        }
        assert!(t.stated.iter().all(|s| t.links.contains(s)), "{name}");
    }
    assert!(listed.iter().all(|n| FIXTURES.contains(n)), "{listed:?}");
}

#[test]
fn recorded_links_are_never_false_and_find_what_the_text_states() {
    let (mut found, mut right, mut truths, mut stated, mut stated_found) = (0, 0, 0, 0, 0);
    for (name, t) in true_links() {
        let (_, summary) = read(&name);
        let links: Vec<(usize, usize)> = summary
            .measures
            .iter()
            .enumerate()
            .flat_map(|(m, measure)| measure.answers.iter().map(move |&p| (m, p)))
            .collect();
        let wrong: Vec<_> = links.iter().filter(|l| !t.links.contains(l)).collect();
        assert!(wrong.is_empty(), "{name}: false links {wrong:?}");
        found += links.len();
        right += links.iter().filter(|l| t.links.contains(l)).count();
        truths += t.links.len();
        stated += t.stated.len();
        stated_found += t.stated.iter().filter(|s| links.contains(s)).count();
    }
    let precision = right as f64 / found.max(1) as f64;
    let recall = right as f64 / truths as f64;
    let stated_recall = stated_found as f64 / stated as f64;
    eprintln!("links: precision {precision:.3}, recall {recall:.3}, recall of stated links {stated_recall:.3} ({right}/{truths}, {stated_found}/{stated})");
    assert_eq!(precision, 1.0);
    assert!(recall >= RECALL_FLOOR, "recall {recall:.3}");
    assert!(
        stated_recall >= STATED_RECALL_FLOOR,
        "stated recall {stated_recall:.3}"
    );
}

/// Measured on the fixtures: the links the text states, over all true links.
const RECALL_FLOOR: f64 = 0.29;
/// Measured on the fixtures: the links the text states that `answers` records.
const STATED_RECALL_FLOOR: f64 = 1.0;

#[test]
fn a_plan_only_document_reads_its_numbered_headings_as_measures() {
    let summary = parse(
        "某县民政局2025年工作计划\n2025年，我局将坚持以人民为中心，聚焦困难群众急难愁盼，统筹推进各项民政工作。\n一、健全救助体系\n完善低保、特困供养对象动态管理，做到应保尽保。\n二、加快养老建设\n新建乡镇区域养老服务中心3个，年底前投入运营。\n各股室、各下属单位要按照本计划确定的任务，细化工作措施，确保落到实处。\n某县民政局\n2025年1月3日",
    );
    let titles: Vec<_> = summary
        .measures
        .iter()
        .map(|m| m.title.as_deref())
        .collect();
    assert_eq!(titles, [Some("健全救助体系"), Some("加快养老建设")]);
    assert!(summary.problems.is_empty());
}

#[test]
fn a_signed_report_without_a_dated_title_takes_its_year_from_the_signature() {
    let summary = parse("关于巡察整改情况的报告\n问题一：学习不深。\n整改情况：已完成轮训。\n问题二：作风不实。\n整改情况：已开展调研。\n某县林业局\n2024年1月8日");
    assert_eq!(summary.year, Some(2023));
    assert!(summary
        .warnings
        .iter()
        .any(|w| matches!(w, Msg::YearFromSignature { year: 2023, .. })));
}

//! Property tests: whatever it is given, the importer never panics and never returns an item
//! whose text is not in its input (once the site markers are removed).

use proptest::prelude::*;

use super::{decode, parse, read_document, reading_text};

/// Pieces of the genre, so that random text hits the parser's interesting paths often.
const PIECES: &[&str] = &[
    "一是",
    "二是",
    "三是",
    "（一）",
    "（二）",
    "(三)",
    "一、",
    "二、",
    "五、",
    "1.",
    "2、",
    "3．",
    "（1）",
    "(2)",
    "①",
    "②",
    "第一，",
    "第二，",
    "首先，",
    "其次，",
    "最后，",
    "存在问题",
    "存在的问题",
    "及下一步打算",
    "下一步工作计划",
    "2024年工作计划",
    "整改措施：",
    "问题：",
    "问题一：",
    "：",
    "；",
    "。",
    "，",
    ",",
    ";",
    ":",
    "\n",
    "\n\n",
    "\r\n",
    " ",
    "\u{3000}",
    "##paidbegin##",
    "##paidend##",
    "##paid",
    "end##",
    "2022年度",
    "2023年",
    "二〇二三年",
    "整改落实情况",
    "上年度",
    "已完成整改",
    "持续推进",
    "尚未完成",
    "长期坚持",
    "未整改完成",
    "已整改完成2项，1项持续推进",
    "X项",
    "xx次",
    "3个",
    "临江市财政局",
    "xxx局",
    "工作总结",
    "针对上述问题，将重点抓好以下工作：",
    "这些问题都有待解决",
    "主要有：",
    "6月底前",
    "立行立改",
    "年内",
    "中共",
    "党组",
    "关于",
    "针对",
    "的问题，",
    "针对问题二，",
    "对应第三个问题，",
    "针对上述问题，逐条制定整改措施如下：",
    "（一）思想建设方面\n",
    "的报告",
    "方面",
    "\t",
    "…",
];

fn genre_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        3 => prop::sample::select(PIECES).prop_map(str::to_string),
        1 => any::<char>().prop_map(String::from),
        1 => "[\u{4e00}-\u{4e5f}]{1,12}",
    ];
    prop::collection::vec(piece, 0..160).prop_map(|pieces| pieces.concat())
}

/// The fixture summaries, decoded: real structure for the noise to land in.
fn fixtures() -> &'static [String] {
    static TEXTS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    TEXTS.get_or_init(|| {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/summaries");
        let mut paths: Vec<_> = std::fs::read_dir(dir)
            .expect("fixture directory")
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "txt" || x == "docx"))
            .collect();
        paths.sort();
        paths
            .iter()
            .map(|p| {
                let bytes = std::fs::read(p).expect("fixture readable");
                read_document(&p.to_string_lossy(), &bytes, None).expect("fixture decodes")
            })
            .collect()
    })
}

/// A fixture with genre pieces and random characters dropped in at random places, and perhaps
/// cut short.
fn noisy_fixture() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        3 => prop::sample::select(PIECES).prop_map(str::to_string),
        1 => any::<char>().prop_map(String::from),
    ];
    (
        0..fixtures().len(),
        prop::collection::vec((any::<prop::sample::Index>(), piece), 0..24),
        any::<prop::sample::Index>(),
    )
        .prop_map(|(which, insertions, cut)| {
            let mut text = fixtures()[which].clone();
            for (at, piece) in insertions {
                let mut pos = at.index(text.len() + 1);
                while !text.is_char_boundary(pos) {
                    pos -= 1;
                }
                text.insert_str(pos, &piece);
            }
            let mut end = cut.index(text.len() + 1).max(text.len() / 2);
            while !text.is_char_boundary(end) {
                end -= 1;
            }
            text.truncate(end);
            text
        })
}

/// Every text the summary returns is a slice of the input without its site markers, every
/// position is a valid offset into the input, and every answer is an index into the problems.
fn assert_items_come_from(input: &str) {
    let summary = parse(input);
    let clean = reading_text(input);
    let texts = summary
        .problems
        .iter()
        .map(|p| (&p.text, p.position))
        .chain(summary.measures.iter().map(|m| (&m.text, m.position)))
        .chain(summary.outcomes.iter().map(|o| (&o.text, o.position)));
    for (text, position) in texts {
        assert!(!text.is_empty());
        assert!(
            clean.contains(text.as_str()),
            "{text:?} is not in the input"
        );
        assert!(position <= input.len() && input.is_char_boundary(position));
    }
    for title in summary.measures.iter().filter_map(|m| m.title.as_ref()) {
        assert!(
            clean.contains(title.as_str()),
            "title {title:?} is not in the input"
        );
    }
    for answers in summary.measures.iter().map(|m| &m.answers) {
        assert!(
            answers.iter().all(|&p| p < summary.problems.len()),
            "answers {answers:?} point past the {} problems",
            summary.problems.len()
        );
    }
    if let Some(unit) = &summary.unit {
        assert!(clean.contains(unit.as_str()));
    }
}

#[test]
fn a_marker_that_runs_past_the_end_of_its_section_does_not_panic() {
    assert_items_come_from("整改措施：\n一是\r\n一是\r\n");
}

proptest! {
    // Failures are shrunk and printed; regressions found that way become tests above.
    #![proptest_config(ProptestConfig {
        cases: 512,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn parsing_arbitrary_text_never_panics_or_invents(input in any::<String>()) {
        assert_items_come_from(&input);
    }

    #[test]
    fn parsing_genre_like_text_never_panics_or_invents(input in genre_text()) {
        assert_items_come_from(&input);
    }

    #[test]
    fn parsing_noisy_fixtures_never_panics_or_invents(input in noisy_fixture()) {
        assert_items_come_from(&input);
    }

    #[test]
    fn decoding_arbitrary_bytes_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        if let Ok(text) = decode(&bytes, None) {
            assert_items_come_from(&text);
        }
        let _ = decode(&bytes, Some("gbk"));
        let _ = read_document("x.docx", &bytes, None);
        let _ = read_document("x.txt", &bytes, None);
    }

    #[test]
    fn decoding_encoded_genre_text_gives_it_back(input in genre_text()) {
        // The private use area's GB18030 mappings changed between editions of the standard.
        let input: String = input.chars().filter(|c| !('\u{e000}'..='\u{f8ff}').contains(c)).collect();
        let (bytes, _, unmappable) = encoding_rs::GB18030.encode(&input);
        // Skip the rare byte strings that are also valid UTF-8 of other text.
        let ambiguous = std::str::from_utf8(&bytes).is_ok_and(|s| s != input);
        prop_assume!(!unmappable && !ambiguous);
        if let Ok(text) = decode(&bytes, None) {
            let normalised = input.replace("\r\n", "\n").replace('\r', "\n");
            prop_assert_eq!(text, normalised);
        }
    }
}

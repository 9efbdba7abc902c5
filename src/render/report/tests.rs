//! Tests of `report`: the markers, clauses and tidying helpers, and rendering a computed
//! report through the default and user templates.

mod every_status;

mod helpers {
    use super::super::*;

    #[test]
    fn markers_follow_the_official_nesting() {
        assert_eq!(marker(Style::Yishi, 1, 1), "一、");
        assert_eq!(marker(Style::Paren, 12, 2), "（十二）");
        assert_eq!(marker(Style::Yishi, 3, 2), "三是");
        assert_eq!(marker(Style::Arabic, 3, 2), "3.");
        assert_eq!(marker(Style::Paren, 2, 3), "2.");
        assert_eq!(marker(Style::Paren, 2, 4), "（2）");
    }

    #[test]
    fn clause_drops_final_punctuation_only() {
        assert_eq!(clause("加强学习。"), "加强学习");
        assert_eq!(clause("一是加强学习；"), "一是加强学习");
        assert_eq!(clause("“两个维护”"), "“两个维护”");
    }

    #[test]
    fn tidy_keeps_one_paragraph_per_line() {
        assert_eq!(tidy("a  \n\n\n\n  b\n\n"), "a\nb\n");
    }
}

mod rendering {
    use std::collections::HashMap;

    use chrono::NaiveDate;

    use super::super::*;
    use crate::analysis::report::{compute_report, Continuity, ReportOptions};
    use crate::model::LedgerData;
    use crate::model::{Deadline, ItemId, Measure, Owner, Problem, ProgressEntry, Status};

    fn date(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    /// A unit's 2024 ledger reviewed in its 2025 summary, with 2025's own problems and plans.
    pub(crate) fn sample() -> Report {
        let problem = |num, year, text: &str| Problem {
            id: ItemId::problem(num),
            uuid: String::new(),
            unit: "临江市财政局".into(),
            year,
            category: None,
            text: text.into(),
        };
        let measure = |num, year, title: Option<&str>, text: &str| Measure {
            id: ItemId::measure(num),
            uuid: String::new(),
            unit: "临江市财政局".into(),
            year,
            title: title.map(str::to_string),
            text: text.into(),
            owner: Owner::default(),
            deadline: Deadline::default_for_year(year),
            institution: None,
        };
        let entry = |item, status, on: &str, note: &str| ProgressEntry {
            seq: 0,
            uuid: String::new(),
            item,
            status,
            date: date(on),
            note: Some(note.into()),
            evidence: vec![],
            reported_in: None,
        };
        let data = LedgerData {
            problems: vec![
                problem(1, 2024, "理论学习与业务工作结合不够紧密"),
                problem(2, 2024, "调查研究深度不够，破解难点问题的办法不多。"),
                problem(3, 2025, "部分干部主动学习意识不强"),
                problem(4, 2025, "财政资金直达监控预警核查不够及时"),
            ],
            measures: vec![
                measure(
                    1,
                    2024,
                    Some("强化理论武装"),
                    "强化理论武装。每季度开展一次专题研讨",
                ),
                measure(2, 2024, None, "围绕绩效评价结果运用开展专题调研"),
                measure(3, 2024, None, "建立学习与调研相结合的长效机制"),
                measure(
                    4,
                    2025,
                    Some("压实监控责任"),
                    "压实监控责任。对预警信息实行台账管理",
                ),
                measure(5, 2025, None, "将学习情况纳入支部考核"),
            ],
            linked_measures: vec![],
            links: vec![
                (ItemId::problem(1), ItemId::measure(1)),
                (ItemId::problem(1), ItemId::measure(3)),
                (ItemId::problem(2), ItemId::measure(2)),
            ],
            progress: vec![
                entry(
                    ItemId::measure(1),
                    Status::Done,
                    "2025-06-25",
                    "全年开展专题研讨四次",
                ),
                entry(
                    ItemId::measure(3),
                    Status::LongTerm,
                    "2025-04-01",
                    "制度已印发",
                ),
                entry(
                    ItemId::measure(2),
                    Status::NotDone,
                    "2025-11-30",
                    "调研报告尚未形成，受人员调整影响。",
                ),
            ],
            reported_years: vec![],
        };
        let continuity = Continuity {
            carried_from: HashMap::from([(ItemId::measure(5), ItemId::measure(2))]),
            recurs_from: HashMap::from([(ItemId::problem(3), vec![ItemId::problem(1)])]),
        };
        compute_report(
            &data,
            &continuity,
            "临江市财政局",
            2025,
            date("2025-12-31"),
            ReportOptions::default(),
        )
    }

    #[test]
    fn the_default_template_writes_all_three_parts_in_yishi_style() {
        insta::assert_snapshot!(render(&sample(), Style::Yishi, None).unwrap());
    }

    #[test]
    fn the_paren_style_puts_each_item_on_its_own_line() {
        insta::assert_snapshot!(render(&sample(), Style::Paren, None).unwrap());
    }

    #[test]
    fn in_paren_style_every_item_of_the_problems_and_the_plans_is_body_text() {
        let blocks = blocks(&render(&sample(), Style::Paren, None).unwrap());
        for heading in ["二、存在问题", "三、下一步打算"] {
            let start = blocks.iter().position(|b| b.text() == heading).unwrap();
            let under: Vec<_> = blocks[start + 1..]
                .iter()
                .take_while(|b| !matches!(b, Block::Heading1(_)))
                .collect();
            let items = under.iter().filter(|b| b.text().starts_with('（')).count();
            assert!(items >= 2, "{heading}: {under:?}");
            assert!(
                under.iter().all(|b| matches!(b, Block::Paragraph(_))),
                "{heading}: {under:?}"
            );
        }
    }

    #[test]
    fn the_output_never_contains_a_placeholder() {
        for style in [Style::Yishi, Style::Paren, Style::Arabic] {
            let text = render(&sample(), style, None).unwrap();
            for placeholder in ["xx", "XX", "X项", "X个", "{{", "{%", "none", "None"] {
                assert!(!text.contains(placeholder), "{placeholder:?} in:\n{text}");
            }
        }
    }

    #[test]
    fn a_user_template_that_names_a_missing_value_is_refused_clearly() {
        let error = render(&sample(), Style::Yishi, Some("{{ report.nonexistent }}")).unwrap_err();
        let message = error.message(crate::render::Lang::En);
        assert!(message.contains("does not have"), "{message}");
        assert!(error.to_string().contains("报告中没有的值"), "{error}");
    }

    #[test]
    fn a_runaway_template_is_stopped_with_one_sentence() {
        let forever =
            "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}";
        let error = render(&sample(), Style::Yishi, Some(forever)).unwrap_err();
        let message = error.message(crate::render::Lang::En);
        assert!(message.contains("stopped after"), "{message}");
        let huge = "{% for i in range(100000) %}{{ 'x' * 1000 }}{% endfor %}";
        let error = render(&sample(), Style::Yishi, Some(huge)).unwrap_err();
        let message = error.message(crate::render::Lang::En);
        assert!(message.contains("more than 16 MB"), "{message}");
    }

    #[test]
    fn control_characters_in_the_report_text_are_shown_escaped() {
        let text = render(&sample(), Style::Yishi, Some("红\u{1b}[2J字{{ '\x07' }}")).unwrap();
        assert!(
            !text.chars().any(|c| c.is_control() && c != '\n'),
            "{text:?}"
        );
    }

    /// Every key of `value`, at any depth.
    fn keys(value: &serde_json::Value, out: &mut std::collections::BTreeSet<String>) {
        match value {
            serde_json::Value::Object(map) => {
                for (key, inner) in map {
                    out.insert(key.clone());
                    keys(inner, out);
                }
            }
            serde_json::Value::Array(items) => items.iter().for_each(|i| keys(i, out)),
            _ => {}
        }
    }

    #[test]
    fn every_value_the_template_receives_is_documented_at_its_top() {
        let header = DEFAULT_TEMPLATE
            .split_once("-#}")
            .map(|(head, _)| head)
            .unwrap();
        let documented: std::collections::BTreeSet<&str> = header
            .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .filter(|w| !w.is_empty())
            .collect();
        let mut sample = sample();
        // Give the optional parts a value, so that their keys are serialized too.
        sample.review.items[0].entries[0].evidence = vec!["临财党〔2025〕8号".into()];
        let mut found = std::collections::BTreeSet::new();
        keys(&serde_json::to_value(&sample).unwrap(), &mut found);
        let missing: Vec<&String> = found
            .iter()
            .filter(|k| !documented.contains(k.as_str()))
            .collect();
        assert!(missing.is_empty(), "undocumented values: {missing:?}");
        for part in [
            "items", "entries", "groups", "measures", "plans", "problems",
        ] {
            assert!(found.contains(part), "the sample has no {part}");
        }
    }

    #[test]
    fn the_default_template_uses_every_part_it_documents() {
        // A sample with categories, evidence and an overdue item renders every branch that
        // names them without an undefined value.
        let mut sample = sample();
        for item in &mut sample.review.items {
            item.category = Some("思想建设".into());
        }
        sample.review.categories = 1;
        sample.review.groups = vec![crate::analysis::report::ReviewGroup {
            category: Some("思想建设".into()),
            items: sample.review.items.clone(),
        }];
        let text = render(&sample, Style::Paren, None).unwrap();
        assert!(text.contains("（一）思想建设方面"), "{text}");
        assert!(text.contains("1个方面"), "{text}");
        // Items without a category come first and take no number from the 方面.
        sample.review.groups.insert(
            0,
            crate::analysis::report::ReviewGroup {
                category: None,
                items: sample.review.items[..1].to_vec(),
            },
        );
        let text = render(&sample, Style::Paren, None).unwrap();
        assert!(text.contains("（一）思想建设方面"), "{text}");
        assert!(!text.contains("（二）思想建设方面"), "{text}");
    }

    #[test]
    fn a_user_template_is_used_instead_of_the_default() {
        let text = render(
            &sample(),
            Style::Yishi,
            Some("{{ report.unit }}：{{ report.review.measures.total }}条"),
        )
        .unwrap();
        assert_eq!(text, "临江市财政局：3条\n");
    }
}

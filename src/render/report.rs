//! The rectification section as text: the report value rendered through a minijinja template
//! (the embedded default or the user's own), then as plain text, Markdown or a Word document.

use minijinja::value::Serde;
use minijinja::{Environment, Error as TemplateError, ErrorKind};

use super::cells::escape_controls;
use super::docx::{blocks_from_text, to_docx, Block, DocMeta};
use super::numerals::chinese;
use super::prose_dates::{cn_date, cn_due};
use crate::analysis::report::Report;
use crate::error::messages::TemplateFault;
use crate::error::{Error, Refusal, Result};

/// How many steps a template may take: far more than the default template needs for the
/// largest ledgers, far fewer than a runaway loop would.
pub(super) const TEMPLATE_FUEL: u64 = 50_000_000;

/// The largest report a template may write.
const TEMPLATE_OUTPUT_LIMIT: usize = 16 * 1024 * 1024;

/// The default template, embedded in the binary.
pub const DEFAULT_TEMPLATE: &str = include_str!("templates/report.zh.txt.j2");

/// How enumerated items are marked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Style {
    /// 一是…；二是…
    #[default]
    Yishi,
    /// （一）（二）…
    Paren,
    /// 1. 2. …
    Arabic,
}

impl Style {
    pub(super) fn code(self) -> &'static str {
        match self {
            Style::Yishi => "yishi",
            Style::Paren => "paren",
            Style::Arabic => "arabic",
        }
    }
}

/// The marker of item `n` (1-based) at nesting `level` (1: 一、 2: （一） 3: 1. 4: （1）). The style
/// chooses the marker of list items at level 2: 一是, （一） or 1.
pub(super) fn marker(style: Style, n: u64, level: u8) -> String {
    match (level, style) {
        (1, _) => format!("{}、", chinese(n)),
        (2, Style::Yishi) => format!("{}是", chinese(n)),
        (2, Style::Paren) => format!("（{}）", chinese(n)),
        (2, Style::Arabic) | (3, _) => format!("{n}."),
        _ => format!("（{n}）"),
    }
}

/// Drops an item's final punctuation so the template can end the sentence its own way.
pub(super) fn clause(text: &str) -> String {
    text.trim()
        .trim_end_matches(['。', '；', ';', '，', ',', '.', '、', ' '])
        .to_string()
}

/// Choices of wording that do not change the figures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Wording {
    pub style: Style,
    /// Name each plan measure's owner and deadline (`（责任部门：办公室；完成时限：2025年6月底前）`).
    pub duties: bool,
}

/// A `YYYY-MM-DD` value of the report as a date, for the date filters.
pub(super) fn date_value(value: &str) -> std::result::Result<chrono::NaiveDate, TemplateError> {
    chrono::NaiveDate::parse_from_str(value, "%Y-%m-%d").map_err(|_| {
        TemplateError::new(
            ErrorKind::InvalidOperation,
            format!("{value:?} is not a date of the report"),
        )
    })
}

/// Renders `report` through `template` (the default when `None`).
pub fn render(report: &Report, style: Style, template: Option<&str>) -> Result<String> {
    render_worded(
        report,
        Wording {
            style,
            duties: true,
        },
        template,
    )
}

/// The template engine both sections are written with: blocks trim their lines, an unknown
/// value is an error, runaway loops stop, and the same filters and functions (see the header
/// of the default templates).
pub(super) fn environment(style: Style) -> Environment<'static> {
    let mut env = Environment::new();
    env.set_syntax(
        minijinja::syntax::SyntaxConfig::builder()
            .trim_blocks(true)
            .lstrip_blocks(true)
            .build()
            .expect("the default syntax is valid"),
    );
    env.set_undefined_behavior(minijinja::UndefinedBehavior::Strict);
    env.set_fuel(Some(TEMPLATE_FUEL));
    env.add_filter("cn", |n: u64| chinese(n));
    env.add_filter("clause", |s: String| clause(&s));
    env.add_filter("starts_with", |s: String, prefix: String| {
        s.starts_with(&prefix)
    });
    env.add_filter("cn_date", |s: String| date_value(&s).map(cn_date));
    env.add_filter("cn_due", |s: String| date_value(&s).map(cn_due));
    env.add_function("marker", move |n: u64, level: u8| marker(style, n, level));
    env
}

/// [`render`] with every wording choice.
pub fn render_worded(report: &Report, wording: Wording, template: Option<&str>) -> Result<String> {
    let style = wording.style;
    let env = environment(style);
    let source = template.unwrap_or(DEFAULT_TEMPLATE);
    let mut output = LimitedOutput::default();
    env.template_from_str(source)
        .and_then(|t| {
            let context = minijinja::context! {
                report => Serde(report),
                style => style.code(),
                duties => wording.duties,
            };
            t.render_captured_to(context, &mut output).map(drop)
        })
        .map_err(|e| template_error(e, template.is_some(), output.exceeded))?;
    let rendered = String::from_utf8_lossy(&output.bytes);
    // The one place the report text is made safe to print: stored texts may hold controls.
    Ok(escape_controls(&tidy(&rendered)).into_owned())
}

/// The template's output, refused once it passes [`TEMPLATE_OUTPUT_LIMIT`].
#[derive(Default)]
pub(super) struct LimitedOutput {
    pub(super) bytes: Vec<u8>,
    pub(super) exceeded: bool,
}

impl std::io::Write for LimitedOutput {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.bytes.len() + buf.len() > TEMPLATE_OUTPUT_LIMIT {
            self.exceeded = true;
            return Err(std::io::Error::other("report too large"));
        }
        self.bytes.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

pub(super) fn template_error(error: TemplateError, custom: bool, too_large: bool) -> Error {
    if too_large {
        return Refusal::TemplateTooLarge {
            mb: (TEMPLATE_OUTPUT_LIMIT / (1024 * 1024)) as u64,
        }
        .into();
    }
    if error.kind() == ErrorKind::OutOfFuel {
        return Refusal::TemplateTooLong {
            steps: TEMPLATE_FUEL,
        }
        .into();
    }
    if !custom {
        // The bundled template is tested; its failure is a bug, shown as such.
        return Error::Other(
            anyhow::Error::new(error).context("render the default report template"),
        );
    }
    let fault = match error.kind() {
        ErrorKind::UndefinedError => TemplateFault::UndefinedValue,
        ErrorKind::SyntaxError => TemplateFault::Syntax,
        _ => TemplateFault::Other {
            detail: error.detail().unwrap_or("cannot be rendered").to_string(),
        },
    };
    Refusal::TemplateBroken {
        fault,
        line: error.line(),
    }
    .into()
}

/// One paragraph per line, as Word wants it: trailing spaces trimmed, blank lines dropped.
pub(super) fn tidy(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        out.push_str(line);
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

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

#[cfg(test)]
mod rendering {
    use std::collections::HashMap;

    use chrono::NaiveDate;

    use super::*;
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

/// The lines of a rendered section as document blocks: the first line is the title, 一、 lines
/// are level-1 headings, and a （一） line is a level-2 heading only when it is a heading (short,
/// one sentence at most); an enumerated paragraph stays body text.
pub fn blocks(text: &str) -> Vec<Block> {
    blocks_from_text(text, true)
        .into_iter()
        .map(|block| match block {
            Block::Heading2(line) if !is_heading(&line) => Block::Paragraph(line),
            other => other,
        })
        .collect()
}

fn is_heading(line: &str) -> bool {
    let body = line.trim_end_matches('。');
    line.chars().count() <= 40 && !body.contains('。')
}

/// The section as Markdown: `#` title, `##` and `###` headings, one paragraph per block.
pub fn to_markdown(text: &str) -> String {
    let mut out = String::new();
    for block in blocks(text) {
        let line = match &block {
            Block::Title(t) => format!("# {t}"),
            Block::Heading1(t) => format!("## {t}"),
            Block::Heading2(t) => format!("### {t}"),
            Block::Paragraph(t) => t.clone(),
        };
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(&line);
        out.push('\n');
    }
    out
}

/// The section as a Word document in 公文 layout, its properties from `meta`.
pub fn to_word(text: &str, meta: &DocMeta) -> Result<Vec<u8>> {
    Ok(to_docx(&blocks(text), meta)?)
}

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
use crate::model::Status;

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
    env.add_global("statuses", minijinja::Value::from(Serde(statuses())));
    env
}

/// One status as the templates name it: its code (a key of the counts), its label and the phrase
/// a sentence counts items in it with (已完成, 需长期坚持 …), from `model::words`.
#[derive(serde::Serialize)]
struct StatusWords {
    code: &'static str,
    label: &'static str,
    counted: &'static str,
}

/// Every status in the order a report counts them ([`Status::TALLIED`]).
fn statuses() -> Vec<StatusWords> {
    Status::TALLIED
        .iter()
        .map(|s| StatusWords {
            code: s.code(),
            label: s.labels().zh,
            counted: s.labels().zh_counted,
        })
        .collect()
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
mod tests;

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

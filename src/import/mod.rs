//! Reading annual summaries: bytes → text (`decode`, `docx`), text → the problems, measures and
//! outcomes it states (`parse`). Pure: no store, no clock, no terminal.
//!
//! `parse` never panics and never invents: every item's text is a slice of [`reading_text`], the
//! input with its site markers and the artefacts of a document viewer (`pasted`) removed. What it cannot find it says in `warnings` instead of guessing.
//!
//! ```
//! let summary = taizhang::import::parse(
//!     "临江市财政局2023年度党建工作总结\n四、存在问题及下一步打算\n\
//!      还存在一些不足：一是学习不深；二是作风不实。\n\
//!      针对上述问题，将重点抓好以下工作：一是强化学习。每月集中学习。二是改进作风。深入一线调研。",
//! );
//! assert_eq!(summary.unit.as_deref(), Some("临江市财政局"));
//! assert_eq!(summary.problems[1].text, "作风不实");
//! assert_eq!(summary.measures[0].title.as_deref(), Some("强化学习"));
//! ```

mod combined;
mod counts;
mod cues;
mod deadline;
mod decode;
mod doc;
mod docx;
mod enumerate;
mod explain;
mod found;
mod headings;
mod inline;
mod items;
mod links;
mod markers;
mod measure;
mod outcomes;
mod pasted;
pub(crate) mod reviewed;
mod script;
mod sections;
mod signed;
mod status;
mod text;
mod title;
mod unmarked;
mod wordlists;

#[cfg(test)]
mod proptests;
#[cfg(test)]
mod tests;

use std::ops::Range;

use serde::Serialize;

use crate::error::Msg;
use crate::model::{Status, WordedDeadline};

pub use decode::decode;
pub use docx::{docx_text, read_document};
pub use explain::{explain, Explanation, Passed, PassedReason, Reason, Why};
pub use markers::{remove_site_markers, SITE_MARKERS};
pub use status::status_of as stated_status;

use doc::Doc;
use found::Found;
use headings::Kind;

/// What one summary states. Serialised, it is the `import --dry-run --format json` object.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Summary {
    /// The file it came from; set by the caller (`parse` leaves it empty).
    pub file: String,
    /// The unit named in the title; `None` when there is none or it is a placeholder (xxx局).
    pub unit: Option<String>,
    /// The year summarised (…2023年工作总结及2024年工作计划 → 2023).
    pub year: Option<i32>,
    pub problems: Vec<Problem>,
    pub measures: Vec<Measure>,
    /// What the summary reports about earlier years' problems.
    pub outcomes: Vec<Outcome>,
    /// What could not be read, as catalogue messages (serialised in Chinese; renderers that
    /// know `--lang` render them in it).
    pub warnings: Vec<Msg>,
    /// The date the summary is signed with (a date line of its own at the end), if any. Not
    /// part of the dry-run object of DESIGN.md.
    #[serde(skip)]
    pub signed: Option<chrono::NaiveDate>,
}

/// A problem (问题) the summary names.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Problem {
    pub text: String,
    /// Byte offset of the text in the string given to [`parse`].
    #[serde(skip)]
    pub position: usize,
}

/// A measure (整改措施) the summary promises.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Measure {
    /// Its opening heading sentence (强化主体责任), when it has one; `text` begins with it.
    pub title: Option<String>,
    pub text: String,
    /// Byte offset of the text in the string given to [`parse`].
    #[serde(skip)]
    pub position: usize,
    /// A deadline the text states (6月底前, 立行立改, 长期坚持, 年内).
    #[serde(skip)]
    pub deadline: Option<WordedDeadline>,
    /// The problems (indices into [`Summary::problems`]) the document says this measure answers:
    /// an interleaved 问题：/整改措施： pair, a measure naming its problem, or lists the document
    /// pairs one to one. Empty when the document does not say; nothing is guessed.
    pub answers: Vec<usize>,
}

/// What the summary reports became of an earlier year's problem.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Outcome {
    pub text: String,
    pub status: Status,
    /// The year of the summary that named the problem.
    pub refers_to_year: Option<i32>,
    /// Byte offset of the text in the string given to [`parse`].
    #[serde(skip)]
    pub position: usize,
}

/// Why a file could not be read as a summary. Each message says what to do.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("the file is empty; give a summary that has text in it")]
    Empty,
    #[error("the file holds binary data, not text; give the summary as a .txt or .docx file")]
    Binary,
    #[error(
        "the file is neither UTF-8 nor GB18030 text; save it as UTF-8, or name its encoding with --encoding"
    )]
    UnknownText,
    #[error("'{0}' is not an encoding taizhang knows; use utf-8, gbk or gb18030")]
    UnknownEncoding(String),
    #[error(
        "the file is not valid {0} text; check --encoding, or leave it out to detect the encoding"
    )]
    WrongEncoding(String),
    #[error(
        "this is an old binary Word (.doc) file; open it in Word or WPS, save it as .docx and import that"
    )]
    LegacyWord,
    #[error("this .docx cannot be read ({0}); open it in Word, save it again as .docx and retry")]
    BadDocx(String),
    #[error("{0} files cannot be imported; save the summary as .docx or .txt and import that")]
    Unsupported(&'static str),
}

/// The text items are sliced from: `text` without its site markers, its spaces inside words
/// and the line breaks a viewer wrapped it at.
pub fn reading_text(text: &str) -> String {
    cleaned(text).text
}

fn cleaned(text: &str) -> markers::Cleaned {
    let cleaned = markers::strip(text);
    let repairs = pasted::repairs(&cleaned.text);
    cleaned.remove(&repairs)
}

/// Reads a summary's text (as returned by [`decode`] or [`read_document`]).
pub fn parse(text: &str) -> Summary {
    read(&cleaned(text)).0
}

/// What `parse` reads from the cleaned text, and the trace of how: the sections it found and
/// every item's span, in the coordinates of `cleaned.text` ([`reading_text`]).
fn read(cleaned: &markers::Cleaned) -> (Summary, explain::Trace) {
    // Cues are read on the simplified view; item text is sliced from the text as written.
    let shown = cleaned.text.as_str();
    let view = script::simplified(shown);
    let doc = Doc::new(&view);
    let title = title::read(&doc);
    let signed = signed::date(&doc);
    // Without a year in the title or the opening, the signing date tells it.
    let from_signature = title
        .year
        .is_none()
        .then_some(signed)
        .flatten()
        .map(signed::reported_year);
    let year = title.year.or(from_signature);
    let sections = sections::find(&doc, title.paras, year, title.plan_only);
    let mut found = Found::default();
    let has_plan = sections
        .iter()
        .any(|s| matches!(s.kind, Kind::Measures | Kind::Combined));
    for s in &sections {
        found.read_section(&doc, s, year, has_plan);
    }
    found.read_embedded(&doc, &sections, title.paras, year);
    let mut warnings = Vec::new();
    match (year, from_signature, signed) {
        (None, _, _) => warnings.push(Msg::NoYearFound),
        (Some(year), Some(_), Some(date)) => warnings.push(Msg::YearFromSignature {
            year,
            date: date.to_string(),
        }),
        _ => {}
    }
    warnings.extend(found.missing(&doc, &sections));
    warnings.extend(found.count_warnings());
    warnings.extend(found.without_status.iter().map(|r| {
        let text: String = doc.text[r.clone()].trim().chars().take(24).collect();
        Msg::OutcomeWithoutStatus { text }
    }));
    let at = |r: &Range<usize>| cleaned.original_offset(r.start);
    let problems = all_finished(&doc, &found.problems);
    let measures = all_finished(&doc, &found.measures);
    let paired = paired(&found.pairs, &problems, &measures);
    let problems: Vec<Range<usize>> = problems.into_iter().map(|(_, r)| r).collect();
    let measures: Vec<Range<usize>> = measures.into_iter().map(|(_, r)| r).collect();
    let answers = links::answers(doc.text, &problems, &measures, paired);
    let trace = explain::Trace {
        sections: sections
            .iter()
            .map(|s| explain::TracedSection {
                opened_by: s.opened_by,
                heading: s.heading.clone(),
                body: s.body.clone(),
            })
            .collect(),
        problems: problems.clone(),
        measures: measures.clone(),
        outcomes: found
            .outcomes
            .iter()
            .filter_map(|o| finished(&doc, &o.span))
            .collect(),
        paras: doc.paras.iter().map(|p| p.span.clone()).collect(),
    };
    let summary = Summary {
        file: String::new(),
        unit: title.unit.map(|unit| as_written(shown, &view, unit)),
        year,
        problems: problems
            .iter()
            .map(|r| Problem {
                text: shown[r.clone()].to_string(),
                position: at(r),
            })
            .collect(),
        measures: measures
            .iter()
            .zip(answers)
            .map(|(r, answers)| {
                let text = &doc.text[r.clone()];
                Measure {
                    title: measure::title(text)
                        .map(|t| shown[r.start..r.start + t.len()].to_string()),
                    text: shown[r.clone()].to_string(),
                    position: at(r),
                    deadline: deadline::find(text),
                    answers,
                }
            })
            .collect(),
        outcomes: found
            .outcomes
            .iter()
            .filter_map(|o| {
                let r = finished(&doc, &o.span)?;
                Some(Outcome {
                    text: shown[r.clone()].to_string(),
                    status: o.status,
                    refers_to_year: o.year,
                    position: at(&r),
                })
            })
            .collect(),
        warnings,
        signed,
    };
    (summary, trace)
}

/// `found` (a slice of the simplified `view`, or a name built from one) as `shown` writes it.
fn as_written(shown: &str, view: &str, found: String) -> String {
    match view.find(found.as_str()) {
        Some(at) if shown.len() == view.len() => shown[at..at + found.len()].to_string(),
        _ => found,
    }
}

/// The item-text contract applied to a raw span; `None` when nothing is left.
fn finished(doc: &Doc, r: &Range<usize>) -> Option<Range<usize>> {
    let r = text::finish_range(doc.text, r.clone());
    (!r.is_empty()).then_some(r)
}

/// The spans that survive the item-text contract, each with its index among the raw spans.
fn all_finished(doc: &Doc, spans: &[Range<usize>]) -> Vec<(usize, Range<usize>)> {
    spans
        .iter()
        .enumerate()
        .filter_map(|(i, r)| Some((i, finished(doc, r)?)))
        .collect()
}

/// The layout's (measure, problem) pairs over raw spans, as indices of the finished problems,
/// one entry per finished measure.
fn paired(
    pairs: &[(usize, usize)],
    problems: &[(usize, Range<usize>)],
    measures: &[(usize, Range<usize>)],
) -> Vec<Vec<usize>> {
    let index_of = |raw: usize| problems.iter().position(|(i, _)| *i == raw);
    measures
        .iter()
        .map(|(m, _)| {
            pairs
                .iter()
                .filter(|(pm, _)| pm == m)
                .filter_map(|&(_, p)| index_of(p))
                .collect()
        })
        .collect()
}

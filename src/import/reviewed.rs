//! Reading a reviewed dry-run object (`import --reviewed`): the JSON `import --dry-run --format
//! json` printed, corrected by hand, checked and turned back into the [`Summary`] a plain import
//! records, so that recording it takes the one path every summary takes.
//!
//! [`read`] checks the file on its own (JSON, fields, indices, status words, years); [`against`]
//! finds each text in the document it names and gives every item its position there, or
//! [`TYPED`] when it is not in the document (an item the reviewer typed). Pure: the caller reads
//! the files and gives their text; nothing here touches the store or the terminal.

mod found;
mod json_path;

#[cfg(test)]
mod tests;

use serde::{Deserialize, Serialize};

use super::{Measure, Outcome, Problem, Summary};
pub(crate) use crate::error::messages::review::{Fault, Kind, Place, ReviewError};
use crate::model::{check_year, Status};
use json_path::Step;

/// The position of an item that was typed in a review rather than found in the document.
pub(crate) const TYPED: usize = usize::MAX;

/// The statuses an outcome may report (those the dry run prints).
const OUTCOME_STATUSES: [Status; 4] = [
    Status::Done,
    Status::InProgress,
    Status::LongTerm,
    Status::NotDone,
];

/// One reviewed summary, as the file states it.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Review {
    pub file: String,
    #[serde(default)]
    pub unit: Option<String>,
    #[serde(default)]
    pub year: Option<i32>,
    problems: Vec<ReviewedProblem>,
    measures: Vec<ReviewedMeasure>,
    outcomes: Vec<ReviewedOutcome>,
    /// The parser's notes on the document; read, and not carried on (the review answers them).
    #[serde(default, rename = "warnings")]
    _warnings: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
struct ReviewedProblem {
    text: String,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
struct ReviewedMeasure {
    #[serde(default)]
    title: Option<String>,
    text: String,
    #[serde(default)]
    answers: Vec<usize>,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
struct ReviewedOutcome {
    text: String,
    status: String,
    #[serde(default)]
    refers_to_year: Option<i32>,
}

/// A review checked against its document.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Reviewed {
    /// What to record; items typed in the review are at position [`TYPED`].
    pub summary: Summary,
    /// The items typed rather than found, in file order.
    pub typed: Vec<(Kind, usize)>,
    /// Whether the review states exactly what the parser reads in the document (then it is the
    /// same content as a plain import of it).
    pub as_parsed: bool,
}

/// Reads a reviewed file: one dry-run object or an array of them. Every error names the item and
/// field; `unit` and `year` override the file's, and one of the two must give each.
pub(crate) fn read(
    json: &str,
    unit: Option<&str>,
    year: Option<i32>,
) -> Result<Vec<Review>, ReviewError> {
    let value: serde_json::Value = serde_json::from_str(json).map_err(|e| {
        let end = e.classify() == serde_json::error::Category::Eof;
        located(json, &e, Place::default(), Fault::NotJson { end })
    })?;
    let reviews = match &value {
        serde_json::Value::Array(items) if items.iter().all(|v| v.is_object()) => {
            if items.is_empty() {
                return Err(ReviewError::new(Place::default(), Fault::NoEntries));
            }
            serde_json::from_str::<Vec<Review>>(json).map_err(|e| data_error(json, &e))?
        }
        serde_json::Value::Object(_) => {
            vec![serde_json::from_str::<Review>(json).map_err(|e| data_error(json, &e))?]
        }
        _ => return Err(ReviewError::new(Place::default(), Fault::NotAReview)),
    };
    let many = reviews.len() > 1 || value.is_array();
    reviews
        .into_iter()
        .enumerate()
        .map(|(i, mut review)| {
            let entry = many.then_some(i);
            if let Some(unit) = unit {
                review.unit = Some(unit.to_string());
            }
            if year.is_some() {
                review.year = year;
            }
            check(&mut review, entry)?;
            Ok(review)
        })
        .collect()
}

/// The checks that need no document; trims texts and titles on the way.
fn check(review: &mut Review, entry: Option<usize>) -> Result<(), ReviewError> {
    let at = |item| Place { entry, item };
    let fail = |item, fault| Err(ReviewError::new(at(item), fault));
    review.unit = review
        .unit
        .take()
        .map(|u| u.trim().to_string())
        .filter(|u| !u.is_empty());
    if review.unit.is_none() {
        return fail(None, Fault::NoUnit);
    }
    let Some(year) = review.year else {
        return fail(None, Fault::NoYear);
    };
    if check_year(year).is_err() {
        return fail(
            None,
            Fault::BadYear {
                field: "year",
                year,
            },
        );
    }
    let problems = review.problems.len();
    for (i, p) in review.problems.iter_mut().enumerate() {
        p.text = clean(&p.text);
        if p.text.is_empty() {
            return fail(Some((Kind::Problem, i)), Fault::EmptyText);
        }
    }
    for (i, m) in review.measures.iter_mut().enumerate() {
        let item = Some((Kind::Measure, i));
        m.text = clean(&m.text);
        if m.text.is_empty() {
            return fail(item, Fault::EmptyText);
        }
        m.title = m.title.as_deref().map(clean).filter(|t| !t.is_empty());
        if let Some(title) = &m.title {
            if !m.text.starts_with(title.as_str()) {
                let title = title.clone();
                return fail(item, Fault::TitleNotPrefix { title });
            }
        }
        if let Some(&answer) = m.answers.iter().find(|&&a| a >= problems) {
            return fail(item, Fault::AnswerOutOfRange { answer, problems });
        }
        m.answers.sort_unstable();
        m.answers.dedup();
    }
    for (i, o) in review.outcomes.iter_mut().enumerate() {
        let item = Some((Kind::Outcome, i));
        o.text = clean(&o.text);
        if o.text.is_empty() {
            return fail(item, Fault::EmptyText);
        }
        if status(&o.status).is_none() {
            let status = o.status.clone();
            return fail(item, Fault::BadStatus { status });
        }
        if let Some(refers_to) = o.refers_to_year {
            if check_year(refers_to).is_err() {
                let fault = Fault::BadYear {
                    field: "refers_to_year",
                    year: refers_to,
                };
                return fail(item, fault);
            }
            if refers_to > year {
                return fail(item, Fault::ReportOnLaterYear { refers_to, year });
            }
        }
    }
    Ok(())
}

/// An item's text as the contract has it: without site markers, trimmed.
fn clean(text: &str) -> String {
    super::remove_site_markers(text).trim().to_string()
}

fn status(code: &str) -> Option<Status> {
    OUTCOME_STATUSES
        .into_iter()
        .find(|s| s.code() == code.trim())
}

/// The summary a checked review states about `text` (the document `review.file` names, as
/// read): each item at the place its text is found, or at [`TYPED`].
pub(crate) fn against(review: &Review, text: &str) -> Reviewed {
    let parsed = super::parse(text);
    let folded = found::Folded::new(text);
    let mut typed = Vec::new();
    let mut locate =
        |kind: Kind, i: usize, item: &str, from: &mut usize| match folded.find(item, *from) {
            Some(at) => {
                *from = at;
                at
            }
            None => {
                typed.push((kind, i));
                TYPED
            }
        };
    let mut from = 0;
    let problems = (review.problems.iter().enumerate())
        .map(|(i, p)| Problem {
            text: p.text.clone(),
            position: locate(Kind::Problem, i, &p.text, &mut from),
        })
        .collect();
    let mut from = 0;
    let measures = (review.measures.iter().enumerate())
        .map(|(i, m)| Measure {
            title: m.title.clone(),
            text: m.text.clone(),
            position: locate(Kind::Measure, i, &m.text, &mut from),
            deadline: super::deadline::find(&m.text),
            answers: m.answers.clone(),
        })
        .collect();
    let mut from = 0;
    let outcomes = (review.outcomes.iter().enumerate())
        .map(|(i, o)| Outcome {
            text: o.text.clone(),
            status: status(&o.status).expect("checked by read"),
            refers_to_year: o.refers_to_year,
            position: locate(Kind::Outcome, i, &o.text, &mut from),
        })
        .collect();
    let summary = Summary {
        file: review.file.clone(),
        unit: review.unit.clone(),
        year: review.year,
        problems,
        measures,
        outcomes,
        warnings: Vec::new(),
        signed: parsed.signed,
    };
    if content(&summary) == content(&parsed) {
        // Exactly what the parser reads: its own positions, as a plain import records them.
        let summary = Summary {
            file: summary.file,
            unit: summary.unit,
            year: summary.year,
            warnings: Vec::new(),
            ..parsed
        };
        return Reviewed {
            summary,
            typed: Vec::new(),
            as_parsed: true,
        };
    }
    Reviewed {
        summary,
        typed,
        as_parsed: false,
    }
}

/// What a summary states (its items, as the dry run prints them), as bytes: hashed with the
/// document's bytes, so that the same review imported again changes nothing.
pub(crate) fn content(summary: &Summary) -> Vec<u8> {
    serde_json::to_vec(&(&summary.problems, &summary.measures, &summary.outcomes))
        .expect("items serialise")
}

/// A serde error while reading the typed shape, named by its item and field.
fn data_error(json: &str, e: &serde_json::Error) -> ReviewError {
    let message = e.to_string();
    let quoted = |prefix: &str| {
        let rest = message.strip_prefix(prefix)?;
        Some(rest.split('`').nth(1)?.to_string())
    };
    let mut offset = json_path::offset(json, e.line(), e.column());
    let fault = if let Some(field) = quoted("unknown field ") {
        Fault::UnknownField { field }
    } else if let Some(field) = quoted("missing field ") {
        // Reported on the closing brace: the object it is missing from is the one before it.
        offset = offset.saturating_sub(1);
        Fault::MissingField { field }
    } else {
        Fault::WrongType { field: None }
    };
    let path = json_path::path_at(json, offset);
    let place = place_of(&path);
    let fault = match fault {
        Fault::WrongType { .. } => Fault::WrongType {
            field: field_of(&path),
        },
        other => other,
    };
    located(json, e, place, fault)
}

fn located(json: &str, e: &serde_json::Error, place: Place, fault: Fault) -> ReviewError {
    let offset = json_path::offset(json, e.line(), e.column());
    ReviewError {
        place,
        fault,
        at: Some((e.line(), json_path::char_column(json, offset))),
    }
}

/// The summary and item a path is in.
fn place_of(path: &[Step]) -> Place {
    let (entry, rest) = match path {
        [Step::Index(i), rest @ ..] => (Some(*i), rest),
        _ => (None, path),
    };
    let item = match rest {
        [Step::Key(k), Step::Index(i), ..] => kind_of(k).map(|kind| (kind, *i)),
        _ => None,
    };
    Place { entry, item }
}

/// The field a path ends in: the item's field, else the summary's.
fn field_of(path: &[Step]) -> Option<String> {
    let rest = match path {
        [Step::Index(_), rest @ ..] => rest,
        _ => path,
    };
    match rest {
        [Step::Key(k), Step::Index(_), Step::Key(field), ..] if kind_of(k).is_some() => {
            Some(field.clone())
        }
        [Step::Key(k), Step::Index(_), ..] if kind_of(k).is_some() => None,
        [Step::Key(field), ..] => Some(field.clone()),
        _ => None,
    }
}

fn kind_of(key: &str) -> Option<Kind> {
    match key {
        "problems" => Some(Kind::Problem),
        "measures" => Some(Kind::Measure),
        "outcomes" => Some(Kind::Outcome),
        _ => None,
    }
}

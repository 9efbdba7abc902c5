//! Outcomes: what a summary reports about earlier years' problems, either in a section of its own
//! (2022年度查摆问题整改落实情况) or inside the achievements (对上年度查摆的3个问题，…已整改到位).
//!
//! An outcome is an item (or, in running prose, a sentence) that states a status. In the
//! achievements, only a paragraph anchored to an earlier year's problems is read, so that
//! 解决群众急难愁盼问题120个 stays an achievement. Count sentences are collected for `counts`.

use std::ops::Range;

use crate::model::Status;

use super::counts::{self, Tally};
use super::doc::Doc;
use super::enumerate::{lists, marker_at};
use super::items::{extract, top_lists};
use super::status::status_of;
use super::text::{
    cn_digit, contains_any, find_years, finish_range, is_colon, sentence_end, starts_with_any,
};
use super::wordlists::Words;

/// One outcome found in the document.
#[derive(Debug, Clone)]
pub(super) struct Found {
    pub span: Range<usize>,
    pub status: Status,
    pub year: Option<i32>,
}

/// What a block of text yielded.
#[derive(Debug, Default)]
pub(super) struct Reported {
    pub outcomes: Vec<Found>,
    pub tallies: Vec<Tally>,
    /// Items that report on a problem but state no status.
    pub without_status: Vec<Range<usize>>,
}

const ANCHOR_WORDS: &[&str] = &[
    "查摆",
    "反馈",
    "指出",
    "提出",
    "发现",
    "遗留",
    "存在",
    "检视",
    "问题",
    "整改",
    "民主生活会",
    "组织生活会",
    "巡察",
    "巡视",
    "审计",
];

const EARLIER_WORDS: &[&str] = &["上年", "上一年", "去年", "前年", "往年", "历年", "以往年度"];

/// The earlier year a text refers to when it names one next to a problem word
/// (2021年遗留的…, 上年度巡察反馈问题): `year` is the summary's year.
pub(super) fn anchor_year(s: &str, year: Option<i32>) -> Option<i32> {
    static ANCHORS: std::sync::LazyLock<Words> =
        std::sync::LazyLock::new(|| Words::new(ANCHOR_WORDS));
    // Each reading needs an anchor word near it, so a text without one has none.
    if !s.contains('年') || !ANCHORS.in_text(s) {
        return None;
    }
    let near_anchor = |from: usize| {
        let rest = &s[from..];
        let end = rest.char_indices().nth(24).map_or(rest.len(), |(i, _)| i);
        ANCHORS.in_text(&rest[..end])
    };
    for (y, at) in find_years(s) {
        if year.is_none_or(|year| y < year) && near_anchor(at.end) {
            return Some(y);
        }
    }
    let year = year?;
    for word in EARLIER_WORDS {
        for (at, _) in s.match_indices(word) {
            let compared =
                s[..at].ends_with('比') || s[..at].ends_with('较') || s[..at].ends_with("同比");
            if !compared && near_anchor(at) {
                return Some(if *word == "前年" {
                    year - 2
                } else {
                    year - 1
                });
            }
        }
    }
    None
}

/// Outcomes in a section of their own, reporting on `refers_to` unless an item names its year.
///
/// With an enumeration, each item is an outcome (an item without a status is reported back);
/// prose around the items, or a section without one, is read sentence by sentence.
pub(super) fn from_section(
    doc: &Doc,
    r: Range<usize>,
    refers_to: Option<i32>,
    year: Option<i32>,
) -> Reported {
    let mut out = Reported::default();
    collect_tallies(doc, r.clone(), refers_to, year, &mut out);
    let listed = !top_lists(doc, &lists(&doc.markers_in(r.clone()))).is_empty();
    let items = if listed {
        extract(doc, r.clone())
    } else {
        Vec::new()
    };
    for span in &items {
        let text = &doc.text[finish_range(doc.text, span.clone())];
        let item_year = anchor_year(text, year).or(refers_to);
        if let Some(inner) = grouped(doc, span.clone(), year, item_year) {
            out.outcomes.extend(inner);
            continue;
        }
        if text.is_empty() || only_counts(text) {
            continue;
        }
        match status_of(text) {
            Some(status) => out.outcomes.push(Found {
                span: without_heading(doc.text, without_label(doc.text, span.clone())),
                status,
                year: item_year,
            }),
            None => out.without_status.push(span.clone()),
        }
    }
    let mut i = doc.para_at(r.start);
    let mut next_item = 0;
    while i < doc.paras.len() && doc.paras[i].span.start < r.end {
        let para = doc.paras[i].span.start.max(r.start)..doc.paras[i].span.end.min(r.end);
        i += 1;
        while next_item < items.len() && items[next_item].end <= para.start {
            next_item += 1;
        }
        if items.get(next_item).is_some_and(|s| s.start < para.end) {
            continue;
        }
        out.outcomes
            .extend(prose(doc, para, year, refers_to, false));
    }
    out.outcomes.sort_by_key(|f| f.span.start);
    out
}

/// An item that groups several outcomes under a heading of its own ((一)2023年度问题整改情况。
/// …：一是…，完成整改；二是…，整改到位): the inner items, each with a status.
fn grouped(
    doc: &Doc,
    span: Range<usize>,
    year: Option<i32>,
    group_year: Option<i32>,
) -> Option<Vec<Found>> {
    let inner_list = top_lists(doc, &lists(&doc.markers_in(span.clone())))
        .into_iter()
        .next()?;
    let head = &doc.text[span.start..inner_list.first().start];
    let names_a_group = head.contains("情况")
        || head.contains("个问题")
        || head.contains("项问题")
        || anchor_year(head, year).is_some();
    if !names_a_group {
        return None;
    }
    let inner: Vec<Found> = extract(doc, span)
        .into_iter()
        .filter_map(|s| {
            sentence_outcome(
                doc.text,
                without_label(doc.text, s),
                year,
                group_year,
                false,
            )
        })
        .collect();
    (inner.len() >= 2).then_some(inner)
}

/// A sentence of prose that reports a status; in the achievements (`about_problems`) it must
/// also name a problem or its rectification.
fn sentence_outcome(
    text: &str,
    span: Range<usize>,
    year: Option<i32>,
    default: Option<i32>,
    about_problems: bool,
) -> Option<Found> {
    let span = without_connective(text, span);
    let sentence = &text[finish_range(text, span.clone())];
    if only_counts(sentence) || (about_problems && !contains_any(sentence, PROBLEM_WORDS)) {
        return None;
    }
    Some(Found {
        status: status_of(sentence)?,
        year: anchor_year(sentence, year).or(default),
        span,
    })
}

const PROBLEM_WORDS: &[&str] = &["问题", "整改", "短板", "不足", "薄弱"];

/// A sentence without its opening connective (其中，另外，此外，同时，).
fn without_connective(text: &str, span: Range<usize>) -> Range<usize> {
    let s = &text[span.clone()];
    for word in ["其中", "另外", "此外", "同时"] {
        if let Some(rest) = s.trim_start().strip_prefix(word) {
            if let Some(after) = rest.strip_prefix(['，', ',']) {
                return span.end - after.len()..span.end;
            }
        }
    }
    span
}

/// Outcomes reported inside the achievements: paragraph `i` (plus the list paragraphs under it
/// when it ends in a colon), if it is anchored to an earlier year's problems.
pub(super) fn embedded(doc: &Doc, i: usize, year: Option<i32>) -> Option<(Reported, usize)> {
    let para = doc.para(i);
    let anchored = anchor_year(para, year)?;
    let mut last = i;
    if para.trim_end().ends_with(['：', ':']) {
        while last + 1 < doc.paras.len()
            && marker_at(doc.text, doc.paras[last + 1].span.start).is_some()
        {
            last += 1;
        }
    }
    let r = doc.paras[i].span.start..doc.paras[last].span.end;
    status_of(&doc.text[r.clone()])?;
    let mut out = Reported::default();
    collect_tallies(doc, r.clone(), Some(anchored), year, &mut out);
    let listed = !top_lists(doc, &lists(&doc.markers_in(r.clone()))).is_empty();
    if listed {
        let found = extract(doc, r).into_iter().filter_map(|span| {
            let span = without_label(doc.text, span);
            sentence_outcome(doc.text, span, year, Some(anchored), true)
        });
        out.outcomes.extend(found);
    } else {
        out.outcomes
            .extend(prose(doc, r, year, Some(anchored), true));
    }
    Some((out, last + 1))
}

/// Outcomes in running prose, sentence by sentence. A labelled problem sentence
/// (问题：理论学习不深。) joins the labelled status sentence after it (整改情况：已完成整改。).
fn prose(
    doc: &Doc,
    r: Range<usize>,
    year: Option<i32>,
    default: Option<i32>,
    about_problems: bool,
) -> Vec<Found> {
    let text = doc.text;
    let mut out = Vec::new();
    let mut named: Option<usize> = None;
    for s in doc.sentence_starts(r.clone()) {
        let span = s..sentence_end(text, s, r.end);
        let sentence = &text[span.clone()];
        if status_of(sentence).is_none() {
            named = labelled_problem(sentence).map(|at| s + at);
            continue;
        }
        let span = match named.take() {
            Some(start) if starts_with_any(sentence.trim_start(), STATUS_LABELS).is_some() => {
                start..span.end
            }
            _ => without_label(text, span),
        };
        out.extend(sentence_outcome(text, span, year, default, about_problems));
    }
    out
}

const STATUS_LABELS: &[&str] = &[
    "整改情况",
    "整改结果",
    "完成情况",
    "进展情况",
    "整改进展",
    "落实情况",
    "整改成效",
];

/// Where the text of a labelled problem (…问题：理论学习不深) starts inside `sentence`.
fn labelled_problem(sentence: &str) -> Option<usize> {
    sentence.match_indices("问题").find_map(|(at, word)| {
        let rest = &sentence[at + word.len()..];
        let number = rest
            .chars()
            .take_while(|c| c.is_ascii_digit() || cn_digit(*c).is_some() || *c == '十')
            .map(char::len_utf8)
            .sum::<usize>();
        let colon = rest[number..].chars().next().filter(|&c| is_colon(c))?;
        Some(at + word.len() + number + colon.len_utf8())
    })
}

/// `span` without an opening heading sentence that only names the group (2022年度遗留问题整改情况。).
fn without_heading(text: &str, span: Range<usize>) -> Range<usize> {
    let end = sentence_end(text, span.start, span.end);
    let first = &text[span.start..end];
    let heading = first.ends_with('。')
        && first.chars().count() <= 30
        && first.contains("情况")
        && status_of(first).is_none();
    if heading && end < span.end {
        end..span.end
    } else {
        span
    }
}

/// `span` without a leading problem label (问题：, 问题二：).
fn without_label(text: &str, span: Range<usize>) -> Range<usize> {
    let s = &text[span.clone()];
    let lead = s.len() - s.trim_start().len();
    match labelled_problem(s) {
        Some(at) if s[lead..at].chars().count() <= 6 => span.start + at..span.end,
        _ => span,
    }
}

/// An item whose every status is part of a count (已整改完成2项，1项持续推进).
fn only_counts(text: &str) -> bool {
    text.split(['。', '；', ';'])
        .filter(|s| status_of(s).is_some())
        .all(counts::is_count_sentence)
        && status_of(text).is_some()
}

fn collect_tallies(
    doc: &Doc,
    r: Range<usize>,
    refers_to: Option<i32>,
    year: Option<i32>,
    out: &mut Reported,
) {
    let text = doc.text;
    for s in doc.sentence_starts(r.clone()) {
        let sentence = &text[s..sentence_end(text, s, r.end)];
        let sentence_year = anchor_year(sentence, year).or(refers_to);
        if let Some(tally) = counts::read(sentence, sentence_year) {
            out.tallies.push(tally);
        }
    }
}

#[cfg(test)]
mod tests;

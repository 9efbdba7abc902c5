//! Headings: which lines are headings, how they are numbered, and what kind of section they open
//! (problems, measures, both, outcomes of earlier years, or anything else).
//!
//! The kind is read from keywords, but only in short heading-like lines: the word 问题 runs all
//! through achievement headings (坚持问题导向，…), so a heading counts only when a problem
//! phrase (存在的问题, 问题和不足, 不足之处 …) or a plan phrase (下一步打算, 2024年工作计划 …) is its
//! subject, not a clause of a longer sentence.

use std::ops::Range;

use super::enumerate::{Family, Marker};
use super::text::{at_most_chars, find_years, is_colon, is_comma, is_stop, one_of, trim_range};

mod cues;

use cues::{Cue, Cues};

/// What a section holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    Problems,
    Measures,
    /// Problems, then measures (存在问题及下一步打算).
    Combined,
    /// What became of earlier years' problems (上年度问题整改情况).
    Outcomes,
    Other,
}

/// A heading line (or a label that opens a paragraph: `存在问题：…`).
#[derive(Debug, Clone)]
pub(super) struct Heading {
    /// Family and number when the heading is numbered.
    pub number: Option<(Family, u32)>,
    pub kind: Kind,
    /// The heading's words, without the number.
    pub words: Range<usize>,
    /// Where the section's body begins.
    pub body_start: usize,
}

/// Longest heading, in characters, after its number.
const MAX_HEADING: usize = 40;

const PROBLEM_PHRASES: &[&str] = &[
    "存在问题",
    "存在的问题",
    "存在的主要问题",
    "存在主要问题",
    "存在不足",
    "存在的不足",
    "存在的困难",
    "存在困难",
    "存在短板",
    "存在的短板",
    "主要问题",
    "问题与不足",
    "问题和不足",
    "问题及不足",
    "问题、不足",
    "问题不足",
    "不足与问题",
    "不足和问题",
    "问题和差距",
    "问题与差距",
    "差距和不足",
    "差距与不足",
    "差距不足",
    "不足之处",
    "困难和问题",
    "困难与问题",
    "问题和困难",
    "问题与困难",
    "短板弱项",
    "短板和不足",
    "短板与不足",
    "薄弱环节",
    "工作中的不足",
    "工作不足",
    "面临的问题",
    "面临的困难",
    "问题剖析",
    "问题分析",
    "问题查摆",
    "查摆出的问题",
    "查找的问题",
    "待解决的问题",
    "需要解决的问题",
    "需解决的问题",
    "需要注意的问题",
    "值得注意的问题",
    "需要改进的问题",
    "面临的挑战",
    "发现的问题",
    "反馈的问题",
    "指出的问题",
    "反馈问题",
    "发现问题",
];

/// Plan phrases that mean "what we will do" on their own.
const PLAN_PHRASES: &[&str] = &[
    "下一步",
    "下步",
    "下阶段",
    "下一阶段",
    "打算",
    "整改措施",
    "改进措施",
    "整改举措",
    "努力方向",
    "改进方向",
    "整改方向",
    "整改要求",
    "改进情况",
    "整改计划",
    "整改方案",
    "改进计划",
    "改进要求",
    "对策",
    "今后",
    "明年",
    "来年",
    "新的一年",
    "新一年",
];

/// Plan words that need a future (a later year, 工作…) or no report of the past around them.
const SOFT_PLAN_PHRASES: &[&str] = &[
    "工作计划",
    "工作思路",
    "工作安排",
    "工作设想",
    "工作重点",
    "重点工作",
    "计划",
    "思路",
    "展望",
];

/// Verbs that make a problem phrase an achievement (补齐短板弱项, 着力解决主要问题).
const ACTION_VERBS: &[&str] = &[
    "解决",
    "补齐",
    "补强",
    "破解",
    "整治",
    "聚焦",
    "着力",
    "推动",
    "狠抓",
    "抓好",
    "破除",
    "化解",
    "攻坚",
    "补短板",
    "直面",
];

const PAST_WORDS: &[&str] = &["情况", "执行", "完成", "成效", "回顾"];

const OUTCOME_WORDS: &[&str] = &[
    "情况",
    "落实",
    "进展",
    "成效",
    "结果",
    "完成",
    "销号",
    "回头看",
];

const EARLIER_WORDS: &[&str] = &[
    "上年",
    "上一年",
    "去年",
    "前年",
    "往年",
    "历年",
    "以往",
    "遗留",
    "前期",
];

/// The kind of section a heading's words announce, for a summary of `year`.
pub(super) fn classify(words: &str, year: Option<i32>) -> Kind {
    if words.chars().any(is_comma) {
        return classify_with_comma(words, year);
    }
    classify_plain(words, year)
}

fn classify_with_comma(words: &str, year: Option<i32>) -> Kind {
    // No cue word holds a comma, so the parts' cues are the heading's.
    let mut cues = Cues::default();
    let parts: Vec<Kind> = words
        .split(is_comma)
        .filter(|p| !p.trim().is_empty())
        .map(|p| {
            let part = Cues::of(p);
            cues = cues.union(part);
            kind_of(p, part, year)
        })
        .collect();
    let earlier = cues.has(Cue::Earlier) || earlier_year(words, year);
    if earlier && cues.has(Cue::Issue) {
        return Kind::Outcomes;
    }
    if parts.contains(&Kind::Other) {
        return Kind::Other;
    }
    let problems = parts
        .iter()
        .any(|k| matches!(k, Kind::Problems | Kind::Combined));
    let measures = parts
        .iter()
        .any(|k| matches!(k, Kind::Measures | Kind::Combined));
    match (problems, measures) {
        (true, true) => Kind::Combined,
        _ => parts.first().copied().unwrap_or(Kind::Other),
    }
}

fn classify_plain(words: &str, year: Option<i32>) -> Kind {
    kind_of(words, Cues::of(words), year)
}

/// The kind of a heading without commas, given the cues found in it.
fn kind_of(words: &str, cues: Cues, year: Option<i32>) -> Kind {
    let plan_strong = cues.has(Cue::Plan);
    let years: Vec<i32> = match year {
        Some(_) => find_years(words).map(|(y, _)| y).collect(),
        None => Vec::new(),
    };
    let future = year.is_some_and(|year| years.iter().any(|&y| y > year));
    let plan_soft = cues.has(Cue::SoftPlan) && (future || !cues.has(Cue::Past));
    let plan = plan_strong || plan_soft || (future && cues.has(Cue::Work));
    let rectified = cues.has(Cue::Rectify) && cues.has(Cue::Outcome);
    let earlier =
        cues.has(Cue::Earlier) || year.is_some_and(|year| years.iter().any(|&y| y < year));
    if !plan && (rectified || (earlier && cues.has(Cue::Issue))) {
        return Kind::Outcomes;
    }
    let trimmed = words.trim_matches(|c: char| is_colon(c) || c == '。' || c.is_whitespace());
    // 补齐短板弱项 is an achievement; 存在的问题 stays a problem phrase whatever verb is near.
    let achieved = cues.has(Cue::Action) && !cues.has(Cue::Exists) && !cues.has(Cue::Unsolved);
    let problems = (cues.has(Cue::Problem) && !achieved) || only_problem_words(trimmed);
    let plan = plan || (problems && cues.has(Cue::AndRectify));
    match (problems, plan) {
        (true, true) => Kind::Combined,
        (true, false) => Kind::Problems,
        (false, true) => Kind::Measures,
        (false, false) => Kind::Other,
    }
}

/// Headings made of nothing but problem words (问题与挑战, 困难和问题), perhaps with a plan
/// phrase after them (问题与打算); not 问题整改持续深化 or 问题导向.
fn only_problem_words(words: &str) -> bool {
    const NOUNS: &[&str] = &["问题", "不足", "困难", "差距", "短板", "弱项", "挑战"];
    const JOINS: &[&str] = &[
        "和",
        "与",
        "及",
        "、",
        "的",
        "主要",
        "存在",
        "当前",
        "工作中",
        "原因",
        "分析",
    ];
    // Every word of the lists starts with one of these.
    if !words.starts_with(|c: char| one_of(c, "问不困差短弱挑和与及、的主存当工原分"))
    {
        return false;
    }
    let mut rest = words;
    let mut nouns = 0;
    'eat: while !rest.is_empty() {
        for w in NOUNS.iter().chain(JOINS) {
            if let Some(r) = rest.strip_prefix(w) {
                nouns += usize::from(NOUNS.contains(w));
                rest = r;
                continue 'eat;
            }
        }
        break;
    }
    nouns > 0
        && (rest.is_empty()
            || PLAN_PHRASES.iter().any(|p| rest.starts_with(p))
            || SOFT_PLAN_PHRASES.iter().any(|p| rest.starts_with(p)))
}

/// Whether `words` name a year before `year`.
fn earlier_year(words: &str, year: Option<i32>) -> bool {
    year.is_some_and(|year| find_years(words).any(|(y, _)| y < year))
}

/// Short, and no sentence inside: the shape of a heading after its number.
pub(super) fn heading_like(words: &str) -> bool {
    if words.is_empty() || !at_most_chars(words, MAX_HEADING) {
        return false;
    }
    let mut it = words.chars().peekable();
    while let Some(c) = it.next() {
        if is_stop(c) && it.peek().is_some() {
            return false;
        }
    }
    !words.ends_with(|c: char| is_comma(c) || c == '、')
}

/// Reads paragraph `para` (byte range `span`) as a heading, if it is one; `marker` is the
/// line-start marker that can head a section the paragraph starts with, if any (the caller has
/// it already).
///
/// Numbered lines (一、 （一） 1. （1） 第一部分) are headings when heading-like; unnumbered
/// lines only when their words announce a section we read. A paragraph that opens with a
/// section label and a colon (`存在的问题：一是…`) is a heading whose body starts after the colon.
pub(super) fn read(
    text: &str,
    span: Range<usize>,
    marker: Option<Marker>,
    year: Option<i32>,
) -> Option<Heading> {
    let words_start = marker.as_ref().map_or(span.start, |m| m.end);
    let words = trim_range(text, words_start..span.end);
    let line = &text[words.clone()];
    let number = marker.map(|m| (m.family, m.number));
    let label = label(text, words.clone(), number, year);
    // 存在问题：棚户区信息更新较慢。 is a label with its item, however short the line.
    let with_text =
        |l: &Heading| l.body_start < words.end && !text[l.body_start..words.end].trim().is_empty();
    if label.as_ref().is_some_and(with_text) {
        return label;
    }
    if heading_like(line) {
        let kind = classify(line, year);
        if number.is_some() || kind != Kind::Other {
            return Some(Heading {
                number,
                kind,
                words,
                body_start: span.end,
            });
        }
        return None;
    }
    label
}

/// `存在问题：…`, `下一步打算：…` at the start of a longer paragraph.
fn label(
    text: &str,
    words: Range<usize>,
    number: Option<(Family, u32)>,
    year: Option<i32>,
) -> Option<Heading> {
    let line = &text[words.clone()];
    let (colon_at, colon) = line.char_indices().take(20).find(|&(_, c)| is_colon(c))?;
    let head = &line[..colon_at];
    if head.chars().any(|c| is_stop(c) || is_comma(c)) {
        return None;
    }
    let kind = match classify(head, year) {
        Kind::Other | Kind::Outcomes => super::combined::pair_label_kind(head)?,
        kind => kind,
    };
    Some(Heading {
        number,
        kind,
        words: words.start..words.start + colon_at,
        body_start: words.start + colon_at + colon.len_utf8(),
    })
}

#[cfg(test)]
mod tests;

//! Sections that hold problems and measures together, and how to tell the two apart.
//!
//! Three shapes: labelled (存在问题：… 整改措施：…, once each or problem by problem), two lists
//! with a turn between them (一是…三是…。针对上述问题，将重点抓好以下工作：一是…), or one list
//! and a turning sentence before or after it. Without a turn, everything is a problem.

use std::ops::Range;

use super::cues::is_plan_trigger;
use super::doc::Doc;
use super::enumerate::lists;
use super::headings::{classify, Kind};
use super::items::{drop_wrap_up, extract, top_lists};
use super::text::{chars, is_colon, is_comma, is_stop, parse_cn_int, parse_digits, trim_range};

/// The items of a section, sorted into problems and measures.
#[derive(Debug, Default)]
pub(super) struct Split {
    pub problems: Vec<Range<usize>>,
    pub measures: Vec<Range<usize>>,
    /// (measure, problem) index pairs the layout states: in a problem-by-problem layout, each
    /// measure answers the problems of its own pair.
    pub pairs: Vec<(usize, usize)>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Problem,
    Measure,
}

/// A cut in a labelled layout: the label (or marker) runs over `at`, its text starts at `body`.
#[derive(Debug, Clone)]
struct Cut {
    role: Role,
    at: usize,
    body: usize,
    label: bool,
}

/// Splits a combined section. `plain_problems` is for a problems section in a document with no
/// plan section: it only turns on an explicit turning sentence or label.
pub(super) fn split(doc: &Doc, r: Range<usize>, year: Option<i32>, plain_problems: bool) -> Split {
    if let Some(split) = labelled(doc, r.clone(), year, false) {
        return split;
    }
    let all = lists(&doc.markers_in(r.clone()));
    let tops = top_lists(doc, &all);
    let triggers: Vec<usize> = doc
        .sentence_starts(r.clone())
        .into_iter()
        .filter(|&s| {
            s > r.start
                && is_plan_trigger(
                    &doc.text[s..sentence_or_colon_end(doc.text, s, r.end)],
                    year,
                )
        })
        .collect();
    let between = |a: usize, b: usize| {
        let i = triggers.partition_point(|&t| t <= a);
        triggers.get(i).copied().filter(|&t| t <= b)
    };
    let boundary = match tops.as_slice() {
        [] => triggers.first().copied(),
        [only] => {
            between(only.last().start, r.end).or_else(|| between(r.start, only.first().start))
        }
        _ => (1..tops.len())
            .find_map(|i| between(tops[i - 1].last().start, tops[i].first().start))
            .or_else(|| {
                (!plain_problems).then(|| lead_in_start(doc, r.start, tops[1].first().start))
            }),
    };
    match boundary {
        Some(b) => Split {
            problems: extract(doc, r.start..b),
            measures: extract(doc, b..r.end),
            pairs: Vec::new(),
        },
        None => Split {
            problems: extract(doc, r),
            ..Split::default()
        },
    }
}

fn sentence_or_colon_end(text: &str, s: usize, end: usize) -> usize {
    for (i, c) in text[s..end].char_indices() {
        if c == '\n' {
            return s + i;
        }
        if is_stop(c) || is_colon(c) {
            return s + i + c.len_utf8();
        }
    }
    end
}

/// Where the sentence that introduces a list starting at `list_start` begins: the list's own
/// paragraph start when the list opens it, else the sentence before the list.
fn lead_in_start(doc: &Doc, from: usize, list_start: usize) -> usize {
    let para = doc.paras[doc.para_at(list_start)].span.clone();
    if para.start >= list_start {
        return list_start;
    }
    doc.sentence_starts(para.start.max(from)..list_start)
        .last()
        .copied()
        .unwrap_or(list_start)
}

/// Sections laid out with labels: 存在问题：/整改措施：, or 问题一：/整改措施： pairs.
/// With `need_problem_label` (a plan section), a lone 整改措施： label is not a layout.
pub(super) fn labelled(
    doc: &Doc,
    r: Range<usize>,
    year: Option<i32>,
    need_problem_label: bool,
) -> Option<Split> {
    let mut cuts = label_cuts(doc, r.clone(), year);
    let problems = cuts.iter().filter(|c| c.role == Role::Problem).count();
    let measures = cuts.len() - problems;
    if measures == 0 || (need_problem_label && problems == 0) {
        return None;
    }
    let pairs = measures >= 2 || problems >= 2;
    if pairs {
        add_item_cuts(doc, r.clone(), &mut cuts);
    }
    let mut split = Split::default();
    if cuts[0].role == Role::Measure && cuts[0].at > r.start {
        split.problems.extend(extract(doc, r.start..cuts[0].at));
    }
    // The problems of the pair being read; a problem after a measure opens the next pair.
    let mut pair: Vec<usize> = (0..split.problems.len()).collect();
    let mut pair_has_measure = false;
    // After pairs of one paragraph each, the paragraphs under the last one close the document.
    let one_line_pairs = pairs
        && cuts.windows(2).all(|w| {
            let between = trim_range(doc.text, w[0].body..w[1].at.max(w[0].body));
            !doc.text[between].contains('\n')
        });
    for (k, cut) in cuts.iter().enumerate() {
        let end = match cuts.get(k + 1) {
            Some(next) => next.at,
            None if one_line_pairs => doc.para_end_at(cut.body).min(r.end),
            None => r.end,
        };
        let chunk = trim_range(doc.text, cut.body..end.max(cut.body));
        let heads_a_labelled_pair = !cut.label
            && cuts
                .get(k + 1)
                .is_some_and(|next| next.label && next.role == Role::Problem);
        if chunk.is_empty() || heads_a_labelled_pair {
            continue;
        }
        let items = if pairs {
            vec![drop_wrap_up(doc, chunk)]
        } else {
            extract(doc, chunk)
        };
        match cut.role {
            Role::Problem => {
                if pair_has_measure {
                    pair.clear();
                    pair_has_measure = false;
                }
                pair.extend(split.problems.len()..split.problems.len() + items.len());
                split.problems.extend(items);
            }
            Role::Measure => {
                let first = split.measures.len();
                if pairs {
                    for m in first..first + items.len() {
                        split.pairs.extend(pair.iter().map(|&p| (m, p)));
                    }
                }
                pair_has_measure = true;
                split.measures.extend(items);
            }
        }
    }
    Some(split)
}

/// Labels at sentence starts (and right after a marker at a line start).
fn label_cuts(doc: &Doc, r: Range<usize>, year: Option<i32>) -> Vec<Cut> {
    let mut cuts: Vec<Cut> = Vec::new();
    let mut starts = doc.sentence_starts(r.clone());
    // After a marker at a line start, the label is read where the marker ends (（一）存在问题：…).
    let markers: Vec<_> = doc
        .markers_in(r.clone())
        .into_iter()
        .filter(|m| m.line_start)
        .collect();
    starts.retain(|s| !markers.iter().any(|m| m.start == *s));
    starts.extend(markers.iter().map(|m| m.end));
    starts.sort_unstable();
    starts.dedup();
    for s in starts {
        if let Some((role, body)) = label_at(&doc.text[s..r.end], year) {
            if cuts.last().is_some_and(|c| c.body > s) {
                continue;
            }
            cuts.push(Cut {
                role,
                at: s,
                body: s + body,
                label: true,
            });
        }
    }
    cuts
}

/// In a problem-by-problem layout, a marker at a line start also opens a problem.
fn add_item_cuts(doc: &Doc, r: Range<usize>, cuts: &mut Vec<Cut>) {
    let all = lists(&doc.markers_in(r.clone()));
    let Some(outer) = top_lists(doc, &all)
        .into_iter()
        .find(|l| l.first().line_start)
    else {
        return;
    };
    for m in outer.markers.iter().filter(|m| m.line_start) {
        match cuts.iter_mut().find(|c| c.label && c.at == m.end) {
            Some(label) => label.at = m.start,
            None => cuts.push(Cut {
                role: Role::Problem,
                at: m.start,
                body: m.end,
                label: false,
            }),
        }
    }
    cuts.sort_by_key(|c| c.at);
}

/// A label (`问题：`, `问题二：`, `存在问题：`, `整改措施：`, `下一步打算：`) at the start of `s`:
/// its role and the byte where its text starts.
fn label_at(s: &str, year: Option<i32>) -> Option<(Role, usize)> {
    let (i, colon) = s.char_indices().take(14).find(|&(_, c)| is_colon(c))?;
    let head = s[..i].trim();
    if head.is_empty() || head.chars().any(|c| is_stop(c) || is_comma(c)) || chars(head) > 12 {
        return None;
    }
    let role = bare_label(head).or_else(|| match classify(head, year) {
        Kind::Problems => Some(Role::Problem),
        Kind::Measures => Some(Role::Measure),
        _ => None,
    })?;
    Some((role, i + colon.len_utf8()))
}

/// `问题`, `问题一`, `问题2`, `措施`, `整改措施三` …
/// The section kind of a label of the problem-by-problem layout (问题一：, 整改情况：).
pub(super) fn pair_label_kind(head: &str) -> Option<Kind> {
    Some(match bare_label(head.trim())? {
        Role::Problem => Kind::Problems,
        Role::Measure => Kind::Measures,
    })
}

fn bare_label(head: &str) -> Option<Role> {
    const PROBLEM: &[&str] = &[
        "问题",
        "存在问题",
        "主要问题",
        "问题表现",
        "问题描述",
        "具体问题",
    ];
    const MEASURE: &[&str] = &[
        "整改措施",
        "改进措施",
        "整改举措",
        "措施",
        "整改方向",
        "整改办法",
        "整改情况",
        "整改落实情况",
    ];
    let numbered = |word: &str| {
        let rest = head.strip_prefix(word)?;
        let rest = rest.trim();
        let n = if rest.is_empty() {
            0
        } else {
            parse_digits(rest, 2)
                .or_else(|| parse_cn_int(rest))
                .map(|(_, len)| len)?
        };
        (n == rest.len()).then_some(())
    };
    if PROBLEM.iter().any(|w| numbered(w).is_some()) {
        return Some(Role::Problem);
    }
    if MEASURE.iter().any(|w| numbered(w).is_some()) {
        return Some(Role::Measure);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::text::finish_range;

    fn texts(text: &str, spans: &[Range<usize>]) -> Vec<String> {
        spans
            .iter()
            .map(|r| text[finish_range(text, r.clone())].to_string())
            .collect()
    }

    fn run(text: &str) -> (Vec<String>, Vec<String>) {
        let doc = Doc::new(text);
        let split = split(&doc, 0..text.len(), Some(2023), false);
        (texts(text, &split.problems), texts(text, &split.measures))
    }

    #[test]
    fn a_turning_sentence_between_two_lists_splits_problems_from_measures() {
        let (p, m) = run("还存在一些问题。一是学习不深；二是作风不实。\n针对上述问题，将重点抓好以下工作：一是加强学习。二是改进作风。");
        assert_eq!(p, ["学习不深", "作风不实"]);
        assert_eq!(m, ["加强学习", "改进作风"]);
    }

    #[test]
    fn a_turn_inside_the_same_paragraph_is_found() {
        let (p, m) =
            run("一是学习不深；二是作风不实。下一步，我们将：一是加强学习；二是改进作风。");
        assert_eq!(p, ["学习不深", "作风不实"]);
        assert_eq!(m, ["加强学习", "改进作风"]);
    }

    #[test]
    fn labels_split_once_or_problem_by_problem() {
        let (p, m) =
            run("存在问题：一是学习不深；二是作风不实。\n整改措施：一是加强学习；二是改进作风。");
        assert_eq!(p, ["学习不深", "作风不实"]);
        assert_eq!(m, ["加强学习", "改进作风"]);
        let (p, m) = run("问题一：学习不深。\n整改措施：每月集中学习。\n问题二：作风不实。\n整改措施：开展调研。");
        assert_eq!(p, ["学习不深", "作风不实"]);
        assert_eq!(m, ["每月集中学习", "开展调研"]);
    }

    #[test]
    fn numbered_problems_with_their_measures_pair_up() {
        let (p, m) = run(
            "（一）学习不深。\n整改措施：每月集中学习。\n（二）作风不实。\n整改措施：开展调研。",
        );
        assert_eq!(p, ["学习不深", "作风不实"]);
        assert_eq!(m, ["每月集中学习", "开展调研"]);
    }

    #[test]
    fn without_a_turn_everything_is_a_problem() {
        let (p, m) = run("一是学习不深；二是作风不实。");
        assert_eq!(p, ["学习不深", "作风不实"]);
        assert!(m.is_empty());
    }
}

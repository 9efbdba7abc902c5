//! Items written without enumeration markers: one per paragraph (a short heading line joined to
//! the paragraph under it), or the `；`-separated clauses of a single paragraph, after the
//! paragraph or clause that announces them (存在的问题主要有：) is dropped.

use std::ops::Range;

use super::cues::{is_plan_trigger, is_problem_lead_in, is_wrap_up};
use super::doc::Doc;
use super::items::drop_wrap_up;
use super::text::{chars, is_colon, one_of, sentence_end, trim_range};

/// Items without markers: paragraphs (a short heading line joined to the paragraph under it),
/// or the `；`-separated clauses of a single paragraph.
pub(super) fn unmarked(doc: &Doc, r: Range<usize>) -> Vec<Range<usize>> {
    let mut pieces: Vec<Range<usize>> = Vec::new();
    let mut i = doc.para_at(r.start);
    while i < doc.paras.len() && doc.paras[i].span.start < r.end {
        let p = &doc.paras[i].span;
        pieces.push(trim_range(doc.text, p.start.max(r.start)..p.end.min(r.end)));
        i += 1;
    }
    pieces.retain(|p| !trim_range(doc.text, p.clone()).is_empty());
    drop_lead_in(doc, &mut pieces);
    while pieces.len() > 1
        && pieces
            .last()
            .is_some_and(|p| is_wrap_up(&doc.text[p.clone()]))
    {
        pieces.pop();
    }
    let pieces = join_heading_lines(doc.text, pieces);
    match pieces.as_slice() {
        [] => Vec::new(),
        // 还存在一些问题，如A，B，C等等: the announcement holds the list itself.
        [only] if announces(&doc.text[only.clone()]) => {
            super::inline::phrases(doc.text, only.clone()).unwrap_or_default()
        }
        [only] => {
            let only = drop_wrap_up(doc, only.clone());
            let clauses = clauses(doc.text, only.clone());
            if clauses.len() >= 2 {
                clauses
            } else {
                vec![only]
            }
        }
        _ => {
            let mut pieces = pieces;
            if let Some(last) = pieces.last_mut() {
                *last = drop_wrap_up(doc, last.clone());
            }
            pieces
        }
    }
}

/// A lone sentence that only announces items (还存在一些不足。, 主要有：).
fn announces(piece: &str) -> bool {
    let piece = piece.trim();
    let sentences = piece
        .split_terminator(['。', '；', ';', '！'])
        .filter(|s| !s.trim().is_empty())
        .count();
    sentences <= 1 && (piece.ends_with(is_colon) || is_problem_lead_in(piece))
}

/// Drops the opening lead-in: a whole paragraph that announces the list, or the part of the
/// first paragraph up to a colon that does (主要有：…).
fn drop_lead_in(doc: &Doc, pieces: &mut Vec<Range<usize>>) {
    let text = doc.text;
    let Some(first) = pieces.first().cloned() else {
        return;
    };
    let para = &text[first.clone()];
    let announces = is_problem_lead_in(para) || is_plan_trigger(para, None);
    let one_sentence = doc.sentence_starts(first.clone()).len() == 1;
    if pieces.len() > 1 && (para.trim_end().ends_with(is_colon) || (one_sentence && announces)) {
        pieces.remove(0);
        return;
    }
    for s in doc.sentence_starts(first.clone()) {
        let end = sentence_end(text, s, first.end);
        let sentence = &text[s..end];
        if let Some((i, c)) = sentence.char_indices().find(|&(_, c)| is_colon(c)) {
            let head = &sentence[..i];
            if chars(head) <= 60
                && (is_problem_lead_in(head) || is_plan_trigger(head, None) || chars(head) <= 12)
            {
                pieces[0] = s + i + c.len_utf8()..first.end;
            }
            return;
        }
        if !(is_problem_lead_in(sentence) || is_plan_trigger(sentence, None)) || end >= first.end {
            return;
        }
        pieces[0] = end..first.end;
    }
}

/// A short line without punctuation followed by a paragraph is that paragraph's heading.
fn join_heading_lines(text: &str, pieces: Vec<Range<usize>>) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    let mut pending: Option<Range<usize>> = None;
    for p in pieces {
        let line = &text[p.clone()];
        let is_head = is_heading_line(line);
        match pending.take() {
            Some(head) if !is_head => out.push(head.start..p.end),
            Some(head) => {
                out.push(head);
                pending = Some(p);
            }
            None if is_head => pending = Some(p),
            None => out.push(p),
        }
    }
    out.extend(pending);
    out
}

/// A short line over a paragraph: no sentence punctuation, at most one comma between two short
/// phrases (加强学习，提高素质).
fn is_heading_line(line: &str) -> bool {
    if chars(line) > 20 || line.contains(|c: char| one_of(c, "。；;：:！？")) {
        return false;
    }
    let halves: Vec<&str> = line.split(['，', ',']).collect();
    match halves.as_slice() {
        [_] => true,
        [a, b] => (2..=10).contains(&chars(a.trim())) && (2..=10).contains(&chars(b.trim())),
        _ => false,
    }
}

/// The `；`-separated clauses of one paragraph.
fn clauses(text: &str, r: Range<usize>) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = r.start;
    for (i, c) in text[r.clone()].char_indices() {
        if matches!(c, '；' | ';') {
            out.push(start..r.start + i);
            start = r.start + i + c.len_utf8();
        }
    }
    out.push(start..r.end);
    out.retain(|c| chars(text[c.clone()].trim()) >= 4);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::text::finish_range;

    fn items(text: &str) -> Vec<&str> {
        let doc = Doc::new(text);
        unmarked(&doc, 0..text.len())
            .into_iter()
            .map(|r| &text[finish_range(text, r)])
            .collect()
    }

    #[test]
    fn a_heading_line_of_two_short_phrases_joins_the_paragraph_under_it() {
        assert_eq!(
            items("加强学习，提高素质\n坚持每周自学，增强履职能力。\n深入一线，真抓实干\n每月深入现场，及时解决问题。"),
            [
                "加强学习，提高素质\n坚持每周自学，增强履职能力",
                "深入一线，真抓实干\n每月深入现场，及时解决问题"
            ]
        );
    }

    #[test]
    fn semicolons_alone_separate_items_after_a_lead_in() {
        assert_eq!(
            items("存在的问题主要有：理论学习不够深入；制度执行还有偏差；服务意识有待增强。"),
            ["理论学习不够深入", "制度执行还有偏差", "服务意识有待增强"]
        );
    }

    #[test]
    fn unmarked_paragraphs_are_items() {
        assert_eq!(
            items("我局还存在一些不足。\n理论学习不够深入。\n制度执行还有偏差。"),
            ["理论学习不够深入", "制度执行还有偏差"]
        );
    }

    #[test]
    fn a_heading_line_without_punctuation_joins_the_paragraph_under_it() {
        assert_eq!(
            items("强化理论武装\n坚持每月集中学习。\n夯实基层基础\n推进支部建设。"),
            [
                "强化理论武装\n坚持每月集中学习",
                "夯实基层基础\n推进支部建设"
            ]
        );
    }

    #[test]
    fn a_lone_announcement_is_not_an_item() {
        assert!(items("对照上级要求，我局工作中还存在一些不足。").is_empty());
    }
}

//! Cutting a section's body into items.
//!
//! With an enumeration, the items are the spans between the markers of the outermost list (a
//! list restarting at 1 starts another run of items; lists nested inside an item stay inside it,
//! unless the outer items are mere category labels like （一）思想建设方面). Without one, the items
//! are paragraphs (see `unmarked`). Either way the lead-in before the items and the wrap-up after
//! them are dropped.

use std::ops::Range;

use super::cues::{is_wrap_up, wrap_up_clause};
use super::doc::Doc;
use super::enumerate::{lists, List};
use super::headings::heading_like;
use super::text::{chars, is_colon, sentence_end, trim_range};
use super::unmarked::unmarked;

/// The items of `r`, as raw spans (markers excluded, not yet finished).
pub(super) fn extract(doc: &Doc, r: Range<usize>) -> Vec<Range<usize>> {
    let r = trim_range(doc.text, r);
    if r.is_empty() {
        return Vec::new();
    }
    let all = lists(&doc.markers_in(r.clone()));
    let tops = top_lists(doc, &all);
    if tops.is_empty() {
        return unmarked(doc, r);
    }
    let mut items = Vec::new();
    for (t, list) in tops.iter().enumerate() {
        if t > 0 && closes_before(doc, tops[t - 1].last().end, list.first().start) {
            break;
        }
        let limit = tops.get(t + 1).map_or(r.end, |next| next.first().start);
        items.extend(list_items(doc, list, limit, &all));
    }
    items
}

/// Whether a wrap-up or an analysis of causes (产生这些问题的原因：一是…) stands between two
/// lists: what follows it is not more items.
fn closes_before(doc: &Doc, previous: usize, list_start: usize) -> bool {
    let previous_para_end = doc.para_end_at(previous);
    let starts = doc.sentence_starts(previous..list_start);
    let last = starts.last().copied();
    starts
        .into_iter()
        .filter(|&s| s >= previous_para_end || Some(s) == last)
        .any(|s| {
            let sentence = &doc.text[s..sentence_end(doc.text, s, list_start)];
            is_wrap_up(sentence) || sentence.contains("原因")
        })
}

/// The lists that hold items, in order; lists nested inside their items are left out.
pub(super) fn top_lists(doc: &Doc, all: &[List]) -> Vec<List> {
    let mut tops: Vec<List> = Vec::new();
    for list in all {
        let Some(top) = tops.last() else {
            tops.push(list.clone());
            continue;
        };
        let start = list.first().start;
        let nested = start < top.last().start
            || (list.family != top.family
                && (doc.para_at(start) == doc.para_at(top.last().start)
                    || extended(doc, top)
                    || last_line_ends_with_colon(doc, top)));
        if !nested {
            tops.push(list.clone());
        }
    }
    tops
}

/// Whether the list's items run past their first paragraph: a heading line with the body below,
/// or items that already span several paragraphs.
fn extended(doc: &Doc, list: &List) -> bool {
    let last = list.last();
    let line = &doc.text[last.end..doc.para_end_at(last.end)];
    // A short last line is a heading over a body only when the list has no other item to
    // show its shape; after one-line items it is one more one-line item.
    if list.markers.len() == 1 && last.line_start && heading_like(line) && !line.ends_with(is_colon)
    {
        return true;
    }
    list.markers.windows(2).any(|w| {
        let between = trim_range(doc.text, w[0].end..w[1].start);
        doc.text[between].contains('\n')
    })
}

fn last_line_ends_with_colon(doc: &Doc, list: &List) -> bool {
    let last = list.last();
    doc.text[last.end..doc.para_end_at(last.end)]
        .trim_end()
        .ends_with(is_colon)
}

/// The items of one list; the last one ends at `limit` when items run over paragraphs, else at
/// the end of its paragraph.
fn list_items(doc: &Doc, list: &List, limit: usize, all: &[List]) -> Vec<Range<usize>> {
    let n = list.markers.len();
    let last_end = if extended(doc, list) {
        uniform_last_end(doc, list).unwrap_or(limit).min(limit)
    } else {
        doc.para_end_at(list.last().end).min(limit)
    };
    let mut out = Vec::new();
    for k in 0..n {
        let start = list.markers[k].end;
        let end = match list.markers.get(k + 1) {
            Some(next) => next.start,
            None => last_end,
        };
        let mut span = start..end.max(start);
        if k + 1 == n {
            span = drop_wrap_up(doc, span);
        }
        match categorised(doc, span.clone(), list, all) {
            Some(inner) => out.extend(inner),
            None => out.push(without_area_line(doc.text, span)),
        }
    }
    out
}

/// When an item is only a category label (（一）思想建设方面：) over a list of its own, the
/// inner list's items.
fn categorised(
    doc: &Doc,
    span: Range<usize>,
    outer: &List,
    all: &[List],
) -> Option<Vec<Range<usize>>> {
    let single;
    let inner = match all.iter().find(|l| {
        l.family != outer.family && l.first().start > span.start && l.first().start < span.end
    }) {
        Some(list) => list,
        None => {
            // A category with a single item under it: （三）作风建设方面\n1.…
            let first = doc
                .markers_in(span.clone())
                .into_iter()
                .find(|m| m.line_start && m.number == 1 && m.family != outer.family)?;
            single = List {
                family: first.family,
                markers: vec![first],
            };
            &single
        }
    };
    let head = trim_range(doc.text, span.start..inner.first().start);
    let head_text = doc.text[head].trim_end_matches(|c: char| is_colon(c) || c == '。');
    let category = chars(head_text) <= 16
        && (head_text.ends_with("方面")
            || head_text.ends_with("方面存在的问题")
            || head_text.ends_with("方面的问题")
            || head_text.ends_with("方面存在的不足"));
    if !category {
        return None;
    }
    let mut markers = inner.markers.clone();
    markers.retain(|m| m.start < span.end);
    let trimmed = List {
        family: inner.family,
        markers,
    };
    if trimmed.markers.is_empty() {
        return None;
    }
    Some(list_items(doc, &trimmed, span.end, &[]))
}

/// `span` without wrap-up sentences (and a lead-in for what follows) at its end.
/// Where the last item of a list ends when every other item is a heading line over the same
/// number of paragraphs: after as many paragraphs, leaving what follows (各股室要按照本计划…) to
/// the section.
fn uniform_last_end(doc: &Doc, list: &List) -> Option<usize> {
    let paras: Vec<usize> = list
        .markers
        .windows(2)
        .map(|w| doc.para_at(w[1].start) - doc.para_at(w[0].start))
        .collect();
    let &first = paras.first()?;
    if paras.len() < 2 || first < 2 || paras.iter().any(|&k| k != first) {
        return None;
    }
    let last = doc.para_at(list.last().start) + first - 1;
    doc.paras.get(last).map(|p| p.span.end)
}

/// An item whose first line only names its area (（三）在联系服务群众方面。⏎ body) is its body.
fn without_area_line(text: &str, span: Range<usize>) -> Range<usize> {
    let item = &text[span.clone()];
    let Some((head, body)) = item.split_once('\n') else {
        return span;
    };
    let head = head
        .trim()
        .trim_end_matches(|c: char| is_colon(c) || c == '。');
    if chars(head) <= 16 && head.ends_with("方面") && !body.trim().is_empty() {
        return trim_range(text, span.start + item.len() - body.len()..span.end);
    }
    span
}

pub(super) fn drop_wrap_up(doc: &Doc, span: Range<usize>) -> Range<usize> {
    let text = doc.text;
    let span = trim_range(text, span);
    let starts = doc.sentence_starts(span.clone());
    let mut end = span.end;
    for &s in starts.iter().skip(1) {
        let sentence = &text[s..sentence_end(text, s, span.end)];
        if is_wrap_up(sentence) {
            end = s;
            break;
        }
    }
    let mut span = trim_range(text, span.start..end);
    while let Some(&s) = doc.sentence_starts(span.clone()).iter().skip(1).next_back() {
        let sentence = text[s..span.end].trim_end();
        if sentence.ends_with(is_colon) {
            span = trim_range(text, span.start..s);
        } else {
            break;
        }
    }
    if let Some(cut) = wrap_up_clause(&text[span.clone()]) {
        span = span.start..span.start + cut;
    }
    span
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::text::finish_range;

    fn items(text: &str) -> Vec<&str> {
        let doc = Doc::new(text);
        extract(&doc, 0..text.len())
            .into_iter()
            .map(|r| &text[finish_range(text, r)])
            .collect()
    }

    #[test]
    fn the_last_heading_item_takes_as_many_paragraphs_as_the_others() {
        assert_eq!(
            items("一、健全救助体系\n完善动态管理。\n二、加快养老建设\n新建服务中心。\n三、深化殡葬改革\n完成改扩建工程。\n各股室要按照本计划细化措施。"),
            [
                "健全救助体系\n完善动态管理",
                "加快养老建设\n新建服务中心",
                "深化殡葬改革\n完成改扩建工程"
            ]
        );
    }

    #[test]
    fn inline_yishi_items_lose_their_markers_and_the_lead_in() {
        assert_eq!(
            items("主要存在以下问题：一是学习不深；二是作风不实；三是制度不全。"),
            ["学习不深", "作风不实", "制度不全"]
        );
    }

    #[test]
    fn one_item_per_paragraph_with_heading_lines_keeps_the_body() {
        let got = items(
            "（一）强化理论武装\n坚持每月集中学习。\n（二）夯实基层基础\n推进支部标准化建设。",
        );
        assert_eq!(
            got,
            [
                "强化理论武装\n坚持每月集中学习",
                "夯实基层基础\n推进支部标准化建设"
            ]
        );
    }

    #[test]
    fn a_wrap_up_after_the_last_item_is_dropped() {
        let got =
            items("一是学习不深。\n二是作风不实。\n这些问题都有待于在今后工作中切实加以解决。");
        assert_eq!(got, ["学习不深", "作风不实"]);
        let got = items("一是学习不深；二是机制不全，这些都有待于在今后加以解决。");
        assert_eq!(got, ["学习不深", "机制不全"]);
    }

    #[test]
    fn nested_lists_stay_inside_their_item() {
        let got = items("1.学习不深。表现在：一是不系统；二是不经常。\n2.作风不实。");
        assert_eq!(
            got,
            ["学习不深。表现在：一是不系统；二是不经常", "作风不实"]
        );
    }

    #[test]
    fn category_labels_give_way_to_the_items_under_them() {
        let got = items(
            "（一）思想建设方面\n1.学习不深。\n2.研讨不够。\n（二）作风建设方面\n1.调研不实。",
        );
        assert_eq!(got, ["学习不深", "研讨不够", "调研不实"]);
    }

    #[test]
    fn a_list_of_causes_after_the_problems_is_not_more_problems() {
        let got = items(
            "一是学习不深；二是作风不实。\n产生这些问题的原因主要是：一是重视不够；二是制度不全。",
        );
        assert_eq!(got, ["学习不深", "作风不实"]);
        let got = items("一是学习不深；二是作风不实。究其原因：一是重视不够；二是制度不全。");
        assert_eq!(got, ["学习不深", "作风不实"]);
    }

    #[test]
    fn sequence_words_form_a_list() {
        assert_eq!(
            items("首先，学习不够深入。其次，作风不够扎实。最后，制度不够健全。"),
            ["学习不够深入", "作风不够扎实", "制度不够健全"]
        );
    }
}

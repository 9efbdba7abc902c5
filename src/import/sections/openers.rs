//! Sections opened by something other than a heading line of their own: a label at the head of
//! a paragraph (存在问题：…, also problem by problem and area by area), a lead-in sentence that
//! announces a list, or a title that announces nothing but a plan.

use super::{body_end, is_closing, Kind, Opener, Scan, Section};
use crate::import::cues::{is_plan_trigger, is_wrap_up, opens_plan_list, opens_problem_list};
use crate::import::doc::Doc;
use crate::import::enumerate::{marker_at, Family};
use crate::import::text::{is_colon, sentence_end};

/// A heading that names an area (（二）政策解读方面), over that area's problem and measure.
fn is_area_heading(scan: &Scan, j: usize) -> bool {
    scan.line_heading(j).is_some_and(|h| {
        scan.doc.text[h.words.clone()]
            .trim_end_matches('。')
            .ends_with("方面")
    })
}

/// The body of a document whose title announces only a plan, up to its closing lines: one
/// plan section, opened by the title.
pub(super) fn whole_plan(doc: &Doc, from: usize) -> Option<Section> {
    let n = doc.paras.len();
    let first = doc.paras.get(from)?;
    let end = (from..n).find(|&i| is_closing(doc, i)).unwrap_or(n);
    let last = doc.paras.get(end.checked_sub(1)?)?;
    (end > from).then(|| Section {
        kind: Kind::Measures,
        body: first.span.start..last.span.end,
        refers_to: None,
        heading: doc.paras[from.saturating_sub(1)].span.clone(),
        opened_by: Opener::Heading,
    })
}

/// Sections opened by a label at the head of a paragraph outside any headed section.
pub(super) fn labelled(
    scan: &Scan,
    covered: &mut [bool],
    sections: &mut Vec<Section>,
    problems: bool,
    measures: bool,
) {
    let n = scan.doc.paras.len();
    for i in 0..n {
        let Some(h) = scan.label(i).filter(|_| !covered[i]) else {
            continue;
        };
        let wanted = match h.kind {
            Kind::Problems => !problems,
            Kind::Measures => !measures,
            Kind::Combined => !problems && !measures,
            _ => false,
        };
        if !wanted {
            continue;
        }
        // A label with its text on the same line runs on over the lines under it, up to a
        // sentence that turns to what comes next (下一步，我局将…) or closes the document.
        let inline = !scan.doc.text[h.body_start..scan.doc.paras[i].span.end]
            .trim()
            .is_empty();
        let runs_to = |from: usize| {
            let mut end = from;
            while end < n && !covered[end] && !scan.closing[end] && !scan.is_label(end) {
                let line = scan.doc.para(end);
                if scan.line_heading(end).is_some()
                    || (inline && (is_plan_trigger(line, None) || is_wrap_up(line)))
                {
                    break;
                }
                end += 1;
            }
            end
        };
        let mut end = runs_to(i + 1);
        let mut kind = h.kind;
        // 问题一：… 整改情况：… 问题二：…: the pairs are one section, read pair by pair.
        if h.kind == Kind::Problems
            && scan
                .label(end)
                .is_some_and(|next| next.kind == Kind::Measures)
        {
            let (mut pairs_end, mut problems) = (end, 1);
            let is_pair_label = |j: usize| {
                scan.label(j)
                    .is_some_and(|l| matches!(l.kind, Kind::Problems | Kind::Measures))
            };
            // （二）政策解读方面 over the next pair belongs to the pairs.
            let is_area = |j: usize| {
                is_area_heading(scan, j)
                    && scan.label(j + 1).is_some_and(|l| l.kind == Kind::Problems)
            };
            while pairs_end < n
                && !covered[pairs_end]
                && (is_pair_label(pairs_end) || is_area(pairs_end))
            {
                if is_area(pairs_end) {
                    pairs_end += 1;
                    continue;
                }
                problems += usize::from(
                    scan.label(pairs_end)
                        .is_some_and(|l| l.kind == Kind::Problems),
                );
                pairs_end = runs_to(pairs_end + 1);
            }
            if problems >= 2 {
                (end, kind) = (pairs_end, Kind::Combined);
            }
        }
        let mut start = h.body_start;
        if kind == Kind::Combined {
            // The pairs are read label by label, from the first one (or the area heading
            // above it) on.
            let first = match i.checked_sub(1) {
                Some(above) if !covered[above] && is_area_heading(scan, above) => above,
                _ => i,
            };
            start = scan.doc.paras[first].span.start;
        }
        covered[i..end].fill(true);
        sections.push(Section {
            kind,
            body: start..body_end(scan.doc, end),
            refers_to: None,
            heading: h.words.clone(),
            opened_by: Opener::Label,
        });
    }
}

/// Sections opened by a lead-in sentence ending in a colon; they run to the end of the list.
pub(super) fn lead_ins(
    scan: &Scan,
    covered: &[bool],
    sections: &mut Vec<Section>,
    kind: Kind,
    year: Option<i32>,
) {
    let doc = scan.doc;
    let n = doc.paras.len();
    let followed_by_list = |i: usize| {
        i + 1 < n
            && marker_at(doc.text, doc.paras[i + 1].span.start)
                .is_some_and(|m| m.line_start && m.number == 1)
    };
    for i in 0..n {
        if covered[i] || scan.heads[i].is_some() {
            continue;
        }
        let span = doc.paras[i].span.clone();
        let opener = doc.sentence_starts(span.clone()).into_iter().find_map(|s| {
            let e = sentence_end(doc.text, s, span.end);
            let colon = doc.text[s..e].char_indices().find(|&(_, c)| is_colon(c));
            let after = match colon {
                Some((c, colon)) => s + c + colon.len_utf8(),
                // 为此，我们将采取以下措施积极改进。 and the list on the lines below.
                None if e == span.end && followed_by_list(i) => e,
                None => return None,
            };
            let sentence = &doc.text[s..after];
            let opens = match kind {
                Kind::Problems => opens_problem_list(sentence),
                _ => opens_plan_list(sentence, year),
            };
            opens.then_some(after)
        });
        let Some(body_start) = opener else { continue };
        // The list runs on while its paragraphs open with markers of its first one's family
        // (（一）继续加强制度建设。 reads like a heading line, but it is the next item).
        let family = (i + 1 < n)
            .then(|| marker_at(doc.text, doc.paras[i + 1].span.start))
            .flatten()
            .map(|m| m.family);
        let mut end = i + 1;
        while end < n && !covered[end] && !scan.closing[end] {
            let Some(m) = marker_at(doc.text, doc.paras[end].span.start) else {
                // The paragraph under an item's heading line (一、健全救助体系⏎完善…) is the
                // item's, when the next paragraph goes on with the list.
                let under_heading = scan.line_heading(end - 1).is_some()
                    && marker_at(doc.text, doc.paras[end - 1].span.start).is_some()
                    && end + 1 < n
                    && marker_at(doc.text, doc.paras[end + 1].span.start)
                        .is_some_and(|next| Some(next.family) == family);
                if under_heading {
                    end += 1;
                    continue;
                }
                break;
            };
            let item = scan.heads[end].as_ref().is_none_or(|h| {
                h.kind == Kind::Other
                    && Some(m.family) == family
                    && scan.line_heading(end).is_some()
            });
            if !item {
                break;
            }
            end += 1;
        }
        let mut body = body_start..body_end(doc, end);
        if kind == Kind::Problems {
            // The plan may follow in the same breath: …二是…。下一步，我们将：一是…
            let turn = doc.sentence_starts(body.clone()).into_iter().find(|&s| {
                s > body.start
                    && is_plan_trigger(&doc.text[s..sentence_end(doc.text, s, body.end)], year)
            });
            body.end = turn.unwrap_or(body.end);
        }
        sections.push(Section {
            kind,
            body,
            refers_to: None,
            heading: span.start..body_start,
            opened_by: Opener::LeadIn,
        });
    }
}

/// Words of a plan (what will be done), of a report (what was done) and of shortcomings, counted
/// to tell what the numbered headings of an untitled page hold.
const LOOKS_AHEAD: &[&str] = &[
    "力争",
    "年内",
    "将",
    "进一步",
    "确保",
    "争取",
    "计划",
    "推行",
    "推广",
    "逐步",
    "着力",
];
const LOOKS_BACK: &[&str] = &[
    "已",
    "了",
    "累计",
    "共计",
    "取得",
    "同比",
    "比上年",
    "较上年",
    "圆满",
    "顺利",
];
const SHORTCOMINGS: &[&str] = &[
    "不够",
    "不足",
    "不强",
    "不到位",
    "不高",
    "不深",
    "不实",
    "不严",
    "不规范",
    "不完善",
    "不及时",
    "欠缺",
    "薄弱",
    "滞后",
    "有待",
    "偏低",
    "较少",
    "缺乏",
];

/// A page without a title or any section heading that starts at its first numbered heading
/// (（一）…, 一、…): the rest of a section whose heading was on an earlier page. Its headings
/// are the items of one section: measures when the page looks ahead (力争, 年内, 将 …),
/// problems when it names shortcomings (不够, 不足 …), and nothing when it reports what was
/// done — an achievements page is not a plan.
pub(super) fn page_start(scan: &Scan) -> Option<Section> {
    let doc = scan.doc;
    let first = doc.paras.first()?;
    let marker = marker_at(doc.text, first.span.start)?;
    if marker.number != 1 || !marker.line_start || !marker.family.can_head() {
        return None;
    }
    scan.line_heading(0)?;
    let n = doc.paras.len();
    let end = (0..n)
        .find(|&i| scan.closing[i] || (i > 0 && is_wrap_up(doc.para(i))))
        .unwrap_or(n);
    let body = first.span.start..body_end(doc, end);
    let text = &doc.text[body.clone()];
    let count = |words: &[&str]| -> usize { words.iter().map(|w| text.matches(w).count()).sum() };
    let (ahead, back, short) = (count(LOOKS_AHEAD), count(LOOKS_BACK), count(SHORTCOMINGS));
    let kind = if short >= 2 && short > ahead && short > back {
        Kind::Problems
    } else if ahead >= 2 && ahead > 2 * back && ahead > short {
        Kind::Measures
    } else {
        return None;
    };
    // The page's numbered headings are its items: a sibling that reads as a heading of
    // another kind (二、存在问题 after 一、工作成效) means the page has sections of its own.
    let mixed = (0..end).any(|i| {
        is_sibling_heading(scan, i, marker.family)
            && scan
                .line_heading(i)
                .is_some_and(|h| h.kind != Kind::Other && h.kind != kind)
    });
    if mixed {
        return None;
    }
    Some(Section {
        kind,
        heading: body.start..body.start,
        body,
        refers_to: None,
        opened_by: Opener::PageStart,
    })
}

/// Whether paragraph `i` is a numbered heading of `family` at a line start.
pub(super) fn is_sibling_heading(scan: &Scan, i: usize, family: Family) -> bool {
    scan.line_heading(i).is_some()
        && marker_at(scan.doc.text, scan.doc.paras[i].span.start)
            .is_some_and(|m| m.family == family && m.line_start)
}

//! Finding the sections the importer reads and where each one ends.
//!
//! Sections are opened by heading lines of a recognised kind (see `headings`), at any level.
//! A section runs until the next recognised heading, a sibling or outer heading (same numbering
//! family with a higher number, or an outer family whose list did not start inside the section),
//! or the closing signature and date. Where no heading announces problems or a plan, a label
//! (存在问题：…) or a lead-in sentence ending in a colon (但也还存在一些不足，主要是：) opens one.

use std::ops::Range;

use super::cues::{is_plan_trigger, is_wrap_up, opens_plan_list, opens_problem_list};
use super::doc::Doc;
use super::enumerate::{marker_at, Family, Marker};
use super::headings::{self, Heading, Kind};
use super::text::{
    at_most_chars, find_years, is_blank, is_colon, sentence_end, sentence_starts, trim_range,
};
use super::title::is_date_line;

#[derive(Debug, Clone)]
pub(super) struct Section {
    pub kind: Kind,
    pub body: Range<usize>,
    /// For outcomes: the year whose problems the heading reports on.
    pub refers_to: Option<i32>,
    /// The heading's words (a label's words for a labelled section).
    pub heading: Range<usize>,
    pub opened_by: Opener,
}

/// What opened a section: told to the user by `import --explain`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Opener {
    /// A heading line (四、存在的问题).
    Heading,
    /// A label at the head of a paragraph (存在问题：…).
    Label,
    /// A sentence that announces the list (还存在一些不足，主要是：).
    LeadIn,
}

struct Scan<'d, 'a> {
    doc: &'d Doc<'a>,
    heads: Vec<Option<Heading>>,
    markers: Vec<Option<Marker>>,
    closing: Vec<bool>,
}

impl Scan<'_, '_> {
    fn is_label(&self, i: usize) -> bool {
        self.label(i).is_some()
    }

    /// The label that opens paragraph `i` (存在问题：…), if one does.
    fn label(&self, i: usize) -> Option<&Heading> {
        self.heads
            .get(i)?
            .as_ref()
            .filter(|h| h.body_start < self.doc.paras[i].span.end)
    }

    fn line_heading(&self, i: usize) -> Option<&Heading> {
        self.heads.get(i)?.as_ref().filter(|_| !self.is_label(i))
    }

    /// Whether paragraph `j` is a recognised heading one level below `h`.
    fn opens_sub_section(&self, j: usize, h: &Heading) -> bool {
        if j >= self.heads.len() {
            return false;
        }
        let Some(sub) = self.line_heading(j).filter(|s| s.kind != Kind::Other) else {
            return false;
        };
        match (h.number, sub.number) {
            (Some((f, _)), Some((g, _))) => g.level() > f.level(),
            _ => false,
        }
    }

    /// The paragraph (exclusive) where the section headed at `i` ends.
    fn end_of(&self, i: usize, h: &Heading) -> usize {
        let n = self.doc.paras.len();
        let mut started: Vec<Family> = Vec::new();
        for j in i + 1..n {
            if self.closing[j] {
                return j;
            }
            if let Some(hj) = self.line_heading(j) {
                let deeper = match (h.number, hj.number) {
                    (Some((f, _)), Some((g, _))) => g.level() > f.level(),
                    _ => false,
                };
                let item_like = h.kind == Kind::Outcomes && deeper && hj.kind != Kind::Outcomes;
                if hj.kind != Kind::Other && !item_like {
                    return j;
                }
            }
            if let Some(hj) = self.label(j).filter(|_| h.kind == Kind::Problems) {
                if hj.kind == Kind::Measures && !is_pair_label(&self.doc.text[hj.words.clone()]) {
                    return j;
                }
            }
            let Some(m) = &self.markers[j] else { continue };
            let heading_like = self.line_heading(j).is_some();
            let ends = match h.number {
                Some((f, number)) => {
                    (m.family == f && m.number > number)
                        || (m.family.level() < f.level()
                            && heading_like
                            && !started.contains(&m.family))
                }
                None => heading_like && m.number > 1 && !started.contains(&m.family),
            };
            if ends {
                return j;
            }
            if m.number == 1 {
                started.push(m.family);
            }
        }
        n
    }
}

/// 整改措施： in a problem-by-problem layout belongs to its problem; it does not end the section.
fn is_pair_label(words: &str) -> bool {
    let words = words.trim();
    ["整改措施", "改进措施", "整改举措", "措施", "整改方向"]
        .iter()
        .any(|w| words.starts_with(w))
}

/// The sections of `doc` after its title block, in document order.
pub(super) fn find(doc: &Doc, from: usize, year: Option<i32>) -> Vec<Section> {
    let n = doc.paras.len();
    let scan = Scan {
        doc,
        heads: (0..n)
            .map(|i| {
                (i >= from)
                    .then(|| headings::read(doc.text, doc.paras[i].span.clone(), year))
                    .flatten()
            })
            .collect(),
        markers: (0..n)
            .map(|i| {
                marker_at(doc.text, doc.paras[i].span.start)
                    .filter(|m| m.line_start && m.family.can_head())
            })
            .collect(),
        closing: (0..n).map(|i| i >= from && is_closing(doc, i)).collect(),
    };
    let mut sections = Vec::new();
    let mut covered = vec![false; n];
    let mut i = from;
    while i < n {
        let Some(h) = scan.line_heading(i).filter(|h| h.kind != Kind::Other) else {
            i += 1;
            continue;
        };
        let end = scan.end_of(i, h);
        covered[i..end].fill(true);
        if scan.opens_sub_section(end, h) {
            // 五、存在的问题及改进措施 over （一）存在问题 and （二）改进措施: its own lines are an
            // introduction; the sub-sections hold the items.
            i = end.max(i + 1);
            continue;
        }
        sections.push(Section {
            kind: h.kind,
            body: h.body_start..body_end(doc, end),
            refers_to: refers_to(&doc.text[h.words.clone()], year),
            heading: h.words.clone(),
            opened_by: Opener::Heading,
        });
        i = end.max(i + 1);
    }
    let has =
        |sections: &[Section], kinds: &[Kind]| sections.iter().any(|s| kinds.contains(&s.kind));
    let had_problems = has(&sections, &[Kind::Problems, Kind::Combined]);
    let had_measures = has(&sections, &[Kind::Measures, Kind::Combined]);
    labelled(
        &scan,
        &mut covered,
        &mut sections,
        had_problems,
        had_measures,
    );
    if !has(&sections, &[Kind::Problems, Kind::Combined]) {
        lead_ins(&scan, &covered, &mut sections, Kind::Problems, year);
    }
    if !has(&sections, &[Kind::Measures, Kind::Combined]) {
        lead_ins(&scan, &covered, &mut sections, Kind::Measures, year);
    }
    for s in sections.iter_mut() {
        s.body = trim_range(doc.text, s.body.clone());
    }
    sections.sort_by_key(|s| s.body.start);
    sections
}

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
fn labelled(
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
fn lead_ins(
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
        let opener = sentence_starts(doc.text, span.clone())
            .into_iter()
            .find_map(|s| {
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
            let turn = sentence_starts(doc.text, body.clone())
                .into_iter()
                .find(|&s| {
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

/// The byte where a section that stops before paragraph `end` ends.
fn body_end(doc: &Doc, end: usize) -> usize {
    match end.checked_sub(1).and_then(|last| doc.paras.get(last)) {
        Some(p) => p.span.end,
        None => 0,
    }
}

/// The signature, the date, 特此报告: the document is over.
fn is_closing(doc: &Doc, i: usize) -> bool {
    let line = doc.para(i);
    let signed_by = ["述职人", "报告人", "汇报人", "发言人"]
        .iter()
        .any(|w| line.starts_with(w));
    if is_date_line(line) || ((line.starts_with("特此") || signed_by) && at_most_chars(line, 20))
    {
        return true;
    }
    let short_name = at_most_chars(line, 25)
        && !line.contains(|c: char| "，。；：,;:".contains(c) || is_blank(c));
    short_name && i + 1 < doc.paras.len() && is_date_line(doc.para(i + 1))
}

/// The year an outcomes heading reports on: a year it names, 前年, else the year before.
fn refers_to(words: &str, year: Option<i32>) -> Option<i32> {
    let named = find_years(words)
        .map(|(y, _)| y)
        .find(|&y| year.is_none_or(|year| y < year));
    named.or_else(|| {
        let year = year?;
        Some(if words.contains("前年") {
            year - 2
        } else {
            year - 1
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(Kind, String)> {
        let doc = Doc::new(text);
        find(&doc, 1, Some(2023))
            .into_iter()
            .map(|s| (s.kind, text[s.body].to_string()))
            .collect()
    }

    #[test]
    fn a_numbered_section_ends_at_its_next_sibling() {
        let got = kinds("标题\n一、工作成效\n甲。\n二、存在的问题\n（一）学习不深。\n（二）作风不实。\n三、下一步打算\n一是加强学习。\n二是改进作风。");
        assert_eq!(got.len(), 2);
        assert_eq!(
            got[0],
            (
                Kind::Problems,
                "（一）学习不深。\n（二）作风不实。".to_string()
            )
        );
        assert_eq!(got[1].0, Kind::Measures);
    }

    #[test]
    fn items_numbered_like_headings_stay_inside_an_unnumbered_section() {
        let got = kinds("标题\n存在的问题\n一、学习不深\n二、作风不实\n下一步打算\n一是加强学习。");
        assert_eq!(
            got[0],
            (Kind::Problems, "一、学习不深\n二、作风不实".to_string())
        );
    }

    #[test]
    fn the_closing_signature_ends_the_last_section() {
        let got = kinds(
            "标题\n三、下一步打算\n一是加强学习。\n二是改进作风。\n临江市财政局\n2024年1月10日",
        );
        assert_eq!(got[0].1, "一是加强学习。\n二是改进作风。");
    }

    #[test]
    fn a_label_opens_a_section_when_no_heading_does() {
        let got = kinds("标题\n一年来做了很多工作。\n存在问题：学习不深；作风不实。\n下一步打算：加强学习；改进作风。");
        assert_eq!(got[0], (Kind::Problems, "学习不深；作风不实。".to_string()));
        assert_eq!(got[1], (Kind::Measures, "加强学习；改进作风。".to_string()));
    }

    #[test]
    fn a_lead_in_sentence_opens_a_problems_list_without_a_heading() {
        let got = kinds(
            "标题\n成绩很多。但也还存在一些不足，主要是：一是学习不深；二是作风不实。\n其他工作。",
        );
        assert_eq!(
            got[0],
            (Kind::Problems, "一是学习不深；二是作风不实。".to_string())
        );
    }

    #[test]
    fn outcome_sections_know_the_year_they_report_on() {
        let doc = Doc::new("标题\n三、2021年度遗留问题整改情况\n已完成整改。");
        assert_eq!(find(&doc, 1, Some(2023))[0].refers_to, Some(2021));
        let doc = Doc::new("标题\n三、上年度问题整改情况\n已完成整改。");
        assert_eq!(find(&doc, 1, Some(2023))[0].refers_to, Some(2022));
    }
}

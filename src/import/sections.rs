//! Finding the sections the importer reads and where each one ends.
//!
//! Sections are opened by heading lines of a recognised kind (see `headings`), at any level.
//! A section runs until the next recognised heading, a sibling or outer heading (same numbering
//! family with a higher number, or an outer family whose list did not start inside the section),
//! or the closing signature and date. Where no heading announces problems or a plan, a label
//! (存在问题：…) or a lead-in sentence ending in a colon (但也还存在一些不足，主要是：) opens one.

use std::ops::Range;

use super::doc::Doc;
use super::enumerate::{marker_at, Family, Marker};
use super::headings::{self, Heading, Kind};
use super::text::{at_most_chars, find_years, is_blank, one_of, trim_range};
use super::title::is_date_line;

mod openers;

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
    /// Nothing: the page starts at its first numbered heading (an excerpt whose section
    /// heading was on an earlier page).
    PageStart,
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
pub(super) fn find(doc: &Doc, from: usize, year: Option<i32>, plan_only: bool) -> Vec<Section> {
    let n = doc.paras.len();
    let markers: Vec<Option<Marker>> = (0..n)
        .map(|i| {
            marker_at(doc.text, doc.paras[i].span.start)
                .filter(|m| m.line_start && m.family.can_head())
        })
        .collect();
    let scan = Scan {
        doc,
        heads: (0..n)
            .map(|i| {
                let span = doc.paras[i].span.clone();
                (i >= from)
                    .then(|| headings::read(doc.text, span, markers[i].clone(), year))
                    .flatten()
            })
            .collect(),
        markers,
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
    openers::labelled(
        &scan,
        &mut covered,
        &mut sections,
        had_problems,
        had_measures,
    );
    if !has(&sections, &[Kind::Problems, Kind::Combined]) {
        openers::lead_ins(&scan, &covered, &mut sections, Kind::Problems, year);
    }
    if !has(&sections, &[Kind::Measures, Kind::Combined]) {
        openers::lead_ins(&scan, &covered, &mut sections, Kind::Measures, year);
    }
    if from == 0 {
        if let Some(page) = openers::page_start(&scan) {
            // Its numbered headings are items of the page's one section, whatever some of
            // them would open on their own (（二）基层党组织建设存在薄弱环节).
            let family = marker_at(doc.text, page.body.start).map(|m| m.family);
            let sibling = |s: &Section| {
                s.opened_by == Opener::Heading
                    && page.body.contains(&s.heading.start)
                    && family.is_some_and(|f| {
                        openers::is_sibling_heading(&scan, doc.para_at(s.heading.start), f)
                    })
            };
            if sections.iter().all(sibling) {
                sections = vec![page];
            }
        }
    }
    if plan_only && !has(&sections, &[Kind::Measures, Kind::Combined]) {
        // A plan and nothing else (…2025年工作计划): its body is the plan.
        sections.extend(openers::whole_plan(doc, from));
    }
    for s in sections.iter_mut() {
        s.body = trim_range(doc.text, s.body.clone());
    }
    sections.sort_by_key(|s| s.body.start);
    sections
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
    // Every closing line is at most 25 characters: longer in bytes, it is a paragraph.
    if line.len() > 25 * 4 {
        return false;
    }
    let signed_by = ["述职人", "报告人", "汇报人", "发言人"]
        .iter()
        .any(|w| line.starts_with(w));
    if is_date_line(line) || ((line.starts_with("特此") || signed_by) && at_most_chars(line, 20))
    {
        return true;
    }
    let short_name = at_most_chars(line, 25)
        && !line.contains(|c: char| one_of(c, "，。；：,;:") || is_blank(c));
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
        find(&doc, 1, Some(2023), false)
            .into_iter()
            .map(|s| (s.kind, text[s.body].to_string()))
            .collect()
    }

    fn page_kinds(text: &str) -> Vec<Kind> {
        let doc = Doc::new(text);
        find(&doc, 0, None, false)
            .into_iter()
            .map(|s| s.kind)
            .collect()
    }

    #[test]
    fn a_page_that_starts_at_plan_headings_is_one_measures_section() {
        let text = "（一）深化改革\n全面推行告知承诺制，年内压减材料三成。\n（二）提升服务\n力争将高频事项下沉到村。\n";
        assert_eq!(page_kinds(text), vec![Kind::Measures]);
    }

    #[test]
    fn a_page_that_starts_at_achievement_headings_holds_no_section() {
        let text = "（一）推进整治\n全年共完成改厕1260户，同比增长6%。\n（二）提升能力\n累计建成高标准农田2.3万亩，取得了较好成效。\n";
        assert!(page_kinds(text).is_empty());
    }

    #[test]
    fn a_page_of_shortcoming_headings_is_one_problems_section_even_if_one_heading_names_a_problem()
    {
        let text = "（一）学习不够深入\n学用结合不够紧密，能力有待提高。\n（二）组织建设存在薄弱环节\n记录不规范，质量不高。\n";
        assert_eq!(page_kinds(text), vec![Kind::Problems]);
    }

    #[test]
    fn a_page_whose_numbered_headings_are_sections_keeps_them() {
        let text = "一、工作成效\n全年共完成任务。\n二、存在问题\n学习不够深入，作风不够扎实。\n三、下一步打算\n力争年内将学习制度化。\n";
        assert_eq!(page_kinds(text), vec![Kind::Problems, Kind::Measures]);
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
        assert_eq!(find(&doc, 1, Some(2023), false)[0].refers_to, Some(2021));
        let doc = Doc::new("标题\n三、上年度问题整改情况\n已完成整改。");
        assert_eq!(find(&doc, 1, Some(2023), false)[0].refers_to, Some(2022));
    }
}

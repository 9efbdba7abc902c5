//! What a document's sections hold, gathered section by section as spans of the cleaned text:
//! problems, measures, the pairs the layout states, outcomes and count sentences, and what is
//! missing.

use std::ops::Range;

use super::doc::Doc;
use super::headings::Kind;
use super::sections::Section;
use super::{combined, counts, inline, items, outcomes};
use crate::error::Msg;
use crate::model::Status;

/// Everything read so far, as spans of the cleaned text.
#[derive(Default)]
pub(super) struct Found {
    pub problems: Vec<Range<usize>>,
    pub measures: Vec<Range<usize>>,
    /// (measure, problem) pairs the layout states, as indices into `measures` and `problems`.
    pub pairs: Vec<(usize, usize)>,
    pub outcomes: Vec<outcomes::Found>,
    tallies: Vec<counts::Tally>,
    pub without_status: Vec<Range<usize>>,
}

impl Found {
    pub fn read_section(&mut self, doc: &Doc, s: &Section, year: Option<i32>, has_plan: bool) {
        let before = self.problems.len();
        self.read_items(doc, s, year, has_plan);
        if self.problems.len() == before + 1 && self.pairs.is_empty() {
            // One problem read where a sentence lists several: 主要存在A、B、C等问题.
            if let Some(phrases) = inline::phrases(doc.text, self.problems[before].clone()) {
                self.problems.truncate(before);
                self.problems.extend(phrases);
            }
        }
    }

    fn read_items(&mut self, doc: &Doc, s: &Section, year: Option<i32>, has_plan: bool) {
        let body = s.body.clone();
        match s.kind {
            Kind::Problems if has_plan => {
                match combined::labelled(doc, body.clone(), year, false) {
                    Some(split) => self.take(split),
                    None => self.problems.extend(items::extract(doc, body)),
                }
            }
            Kind::Problems => self.take(combined::split(doc, body, year, true)),
            Kind::Measures => match combined::labelled(doc, body.clone(), year, true) {
                Some(split) => self.take(split),
                None => self.measures.extend(items::extract(doc, body)),
            },
            Kind::Combined => self.take(combined::split(doc, body, year, false)),
            Kind::Outcomes => self.report(outcomes::from_section(doc, body, s.refers_to, year)),
            Kind::Other => {}
        }
    }

    fn take(&mut self, split: combined::Split) {
        let (m0, p0) = (self.measures.len(), self.problems.len());
        self.pairs
            .extend(split.pairs.iter().map(|&(m, p)| (m0 + m, p0 + p)));
        self.problems.extend(split.problems);
        self.measures.extend(split.measures);
    }

    fn report(&mut self, reported: outcomes::Reported) {
        self.outcomes.extend(reported.outcomes);
        self.tallies.extend(reported.tallies);
        self.without_status.extend(reported.without_status);
    }

    /// Outcomes reported inside paragraphs no section claims (the achievements).
    pub fn read_embedded(
        &mut self,
        doc: &Doc,
        sections: &[Section],
        from: usize,
        year: Option<i32>,
    ) {
        let mut claimed = vec![false; doc.paras.len()];
        for s in sections {
            let first = doc.para_at(s.heading.start.min(s.body.start));
            let mut i = first;
            while i < doc.paras.len() && doc.paras[i].span.start < s.body.end.max(s.heading.end) {
                claimed[i] = true;
                i += 1;
            }
            if let Some(c) = claimed.get_mut(first) {
                *c = true;
            }
        }
        let mut i = from;
        while i < doc.paras.len() {
            if claimed[i] {
                i += 1;
                continue;
            }
            match outcomes::embedded(doc, i, year) {
                Some((reported, next)) => {
                    self.report(reported);
                    i = next.max(i + 1);
                }
                None => i += 1,
            }
        }
        self.outcomes.sort_by_key(|o| o.span.start);
    }

    /// "no problems section found" and its kin.
    pub fn missing(&self, doc: &Doc, sections: &[Section]) -> Vec<Msg> {
        let any = |kinds: &[Kind]| sections.iter().find(|s| kinds.contains(&s.kind));
        let mut warnings = Vec::new();
        if self.problems.is_empty() {
            warnings.push(match any(&[Kind::Problems, Kind::Combined]) {
                None => Msg::NoProblemsSection,
                Some(s) => Msg::NoProblemInSection {
                    heading: heading(doc, s),
                },
            });
        }
        if self.measures.is_empty() {
            warnings.push(match (any(&[Kind::Measures]), any(&[Kind::Combined])) {
                (Some(s), _) => Msg::NoMeasureInSection {
                    heading: heading(doc, s),
                },
                (None, Some(s)) => Msg::PlanNotSeparable {
                    heading: heading(doc, s),
                },
                (None, None) => Msg::NoMeasuresSection,
            });
        }
        warnings
    }

    pub fn count_warnings(&self) -> Vec<Msg> {
        self.tallies
            .iter()
            .flat_map(|tally| {
                let reported: Vec<Status> = self
                    .outcomes
                    .iter()
                    .filter(|o| o.year == tally.year)
                    .map(|o| o.status)
                    .collect();
                counts::check(tally, &reported)
            })
            .collect()
    }
}

fn heading(doc: &Doc, s: &Section) -> String {
    doc.text[s.heading.clone()]
        .trim()
        .chars()
        .take(30)
        .collect()
}

//! `import --explain`: why each item was taken (the section it sits in, what opened that
//! section, the marker or label before it), and what was passed over and as what (outside any
//! section, a lead-in, a wrap-up), so that a user can see why something was missed.

use std::ops::Range;

use serde::Serialize;

use super::sections::Opener;
use super::text::{chars, is_blank, is_colon, is_stop};

/// How `parse` read a document, in the coordinates of [`super::reading_text`].
#[derive(Debug, Default)]
pub(super) struct Trace {
    pub sections: Vec<TracedSection>,
    pub problems: Vec<Range<usize>>,
    pub measures: Vec<Range<usize>>,
    pub outcomes: Vec<Range<usize>>,
    pub paras: Vec<Range<usize>>,
}

#[derive(Debug)]
pub(super) struct TracedSection {
    pub opened_by: Opener,
    pub heading: Range<usize>,
    pub body: Range<usize>,
}

/// Why `parse` read a document as it did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Explanation {
    pub problems: Vec<Why>,
    pub measures: Vec<Why>,
    pub outcomes: Vec<Why>,
    /// Text no item holds, in document order.
    pub passed: Vec<Passed>,
}

/// Why one item was taken.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Why {
    pub text: String,
    pub reason: Reason,
    /// The heading, label or lead-in sentence of its section.
    pub section: String,
    /// The enumeration marker or label right before it (一是, （一）, 问题一：), if any.
    pub marker: Option<String>,
    /// Its paragraph, counted from 1.
    pub paragraph: usize,
}

/// What opened the section an item was read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Reason {
    Heading,
    Label,
    LeadIn,
    /// A page that starts at its numbered headings, with no section heading on it.
    PageStart,
    /// Outside every section: outcomes reported inside the achievements.
    Embedded,
}

/// A piece of text no item holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Passed {
    pub text: String,
    pub reason: PassedReason,
    pub paragraph: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PassedReason {
    /// Outside every problems, measures or outcomes section (achievements, the title,
    /// the signature).
    Outside,
    /// A section's own heading or label.
    Heading,
    /// Before a section's first item: the sentence that announces the list.
    LeadIn,
    /// After a section's last item: a closing sentence.
    WrapUp,
    /// Between two items of a section, and part of neither.
    Between,
}

/// How `parse` reads `text`.
pub fn explain(text: &str) -> Explanation {
    let cleaned = super::cleaned(text);
    let (_, trace) = super::read(&cleaned);
    trace.explain(&cleaned.text)
}

/// Longest piece of passed-over text shown, in characters.
const PREVIEW: usize = 40;

impl Trace {
    fn explain(&self, text: &str) -> Explanation {
        let why = |r: &Range<usize>| self.why(text, r);
        let mut items: Vec<Range<usize>> = self
            .problems
            .iter()
            .chain(&self.measures)
            .chain(&self.outcomes)
            .cloned()
            .collect();
        items.sort_by_key(|r| r.start);
        Explanation {
            problems: self.problems.iter().map(why).collect(),
            measures: self.measures.iter().map(why).collect(),
            outcomes: self.outcomes.iter().map(why).collect(),
            passed: self.passed(text, &items),
        }
    }

    fn paragraph(&self, pos: usize) -> usize {
        self.paras
            .partition_point(|p| p.end < pos)
            .min(self.paras.len().saturating_sub(1))
            + 1
    }

    fn section_of(&self, pos: usize) -> Option<&TracedSection> {
        self.sections
            .iter()
            .filter(|s| s.body.start <= pos && pos < s.body.end.max(s.body.start + 1))
            .max_by_key(|s| s.body.start)
    }

    fn why(&self, text: &str, r: &Range<usize>) -> Why {
        let section = self.section_of(r.start);
        Why {
            text: text[r.clone()].to_string(),
            reason: match section.map(|s| s.opened_by) {
                Some(Opener::Heading) => Reason::Heading,
                Some(Opener::Label) => Reason::Label,
                Some(Opener::LeadIn) => Reason::LeadIn,
                Some(Opener::PageStart) => Reason::PageStart,
                None => Reason::Embedded,
            },
            section: section.map_or_else(String::new, |s| preview(&text[s.heading.clone()])),
            marker: marker_before(text, r.start),
            paragraph: self.paragraph(r.start),
        }
    }

    fn passed(&self, text: &str, items: &[Range<usize>]) -> Vec<Passed> {
        let mut out = Vec::new();
        for (k, para) in self.paras.iter().enumerate() {
            let mut from = para.start;
            let mut gaps = Vec::new();
            // Each gap, and whether an item follows it (then its end may be that item's marker).
            for item in items
                .iter()
                .filter(|i| i.start < para.end && i.end > para.start)
            {
                gaps.push((from..item.start.max(from), true));
                from = from.max(item.end);
            }
            gaps.push((from..para.end.max(from), false));
            for (mut gap, before_item) in gaps {
                // The marker of the item that follows is the item's, not passed-over text.
                if let Some(marker) = before_item.then(|| marker_before(text, gap.end)).flatten() {
                    if let Some(at) = text[gap.clone()].rfind(marker.as_str()) {
                        gap.end = gap.start + at;
                    }
                }
                let piece = text[gap.clone()].trim_matches(|c: char| is_blank(c) || is_stop(c));
                if piece.chars().filter(|c| !c.is_ascii_punctuation()).count() < 2 {
                    continue;
                }
                out.push(Passed {
                    text: preview(piece),
                    reason: self.passed_reason(&gap, items),
                    paragraph: k + 1,
                });
            }
        }
        out
    }

    fn passed_reason(&self, gap: &Range<usize>, items: &[Range<usize>]) -> PassedReason {
        let heading = self.sections.iter().find(|s| {
            s.heading.start < gap.end && gap.start < s.heading.end.max(s.heading.start + 1)
        });
        match heading.map(|s| s.opened_by) {
            Some(Opener::LeadIn) => return PassedReason::LeadIn,
            Some(Opener::Heading | Opener::Label) => return PassedReason::Heading,
            Some(Opener::PageStart) | None => {}
        }
        let Some(section) = self.section_of(gap.start) else {
            return PassedReason::Outside;
        };
        let inside: Vec<&Range<usize>> = items
            .iter()
            .filter(|i| i.start >= section.body.start && i.start < section.body.end)
            .collect();
        match (inside.first(), inside.last()) {
            (Some(first), _) if gap.end <= first.start => PassedReason::LeadIn,
            (_, Some(last)) if gap.start >= last.end => PassedReason::WrapUp,
            (None, None) => PassedReason::LeadIn,
            _ => PassedReason::Between,
        }
    }
}

/// The marker or label right before `pos` on its line (一是, （一）, 1、, 问题一：).
fn marker_before(text: &str, pos: usize) -> Option<String> {
    let line_start = text[..pos].rfind('\n').map_or(0, |i| i + 1);
    let before = &text[line_start..pos];
    let after_last = |stop: &dyn Fn(char) -> bool| {
        let cut = before
            .char_indices()
            .rev()
            .find(|&(_, c)| stop(c))
            .map_or(0, |(i, c)| i + c.len_utf8());
        before[cut..].trim_matches(is_blank)
    };
    // After a lead-in's colon (…主要有：一是), else after the sentence before (问题一：).
    let marker = match after_last(&|c| is_stop(c) || is_colon(c)) {
        "" => after_last(&is_stop),
        marker => marker,
    };
    (!marker.is_empty() && chars(marker) <= 8).then(|| marker.to_string())
}

fn preview(text: &str) -> String {
    let text = text.trim();
    if chars(text) <= PREVIEW {
        return text.to_string();
    }
    let mut short: String = text.chars().take(PREVIEW).collect();
    short.push('…');
    short
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "临江市财政局2023年度工作总结\n一、工作成效\n全年完成各项任务。\n二、存在问题\n还存在一些不足，主要是：一是学习不深；二是作风不实。\n三、下一步打算\n一是加强学习。\n二是改进作风。\n以上问题，我们将认真加以解决。";

    #[test]
    fn each_item_says_which_heading_and_marker_it_came_under() {
        let e = explain(TEXT);
        assert_eq!(e.problems.len(), 2);
        assert_eq!(e.problems[0].text, "学习不深");
        assert_eq!(e.problems[0].reason, Reason::Heading);
        assert_eq!(e.problems[0].section, "存在问题");
        assert_eq!(e.problems[0].marker.as_deref(), Some("一是"));
        assert_eq!(e.measures[1].section, "下一步打算");
        assert_eq!(e.measures[1].paragraph, 8);
    }

    #[test]
    fn passed_over_text_says_whether_it_was_outside_a_lead_in_or_a_wrap_up() {
        let e = explain(TEXT);
        let reason = |needle: &str| {
            e.passed
                .iter()
                .find(|p| p.text.contains(needle))
                .map(|p| p.reason)
        };
        assert_eq!(reason("全年完成各项任务"), Some(PassedReason::Outside));
        assert_eq!(reason("还存在一些不足"), Some(PassedReason::LeadIn));
        assert_eq!(reason("以上问题"), Some(PassedReason::WrapUp));
        assert_eq!(reason("下一步打算"), Some(PassedReason::Heading));
        assert!(e.passed.iter().all(|p| !p.text.contains("学习不深")));
    }

    #[test]
    fn a_list_opened_by_a_lead_in_says_so() {
        let e = explain("目前，我局工作还存在一些不足：一是学习不深；二是作风不实。");
        assert_eq!(e.problems[0].reason, Reason::LeadIn);
        assert!(e.problems[0].section.contains("还存在一些不足"));
    }
}

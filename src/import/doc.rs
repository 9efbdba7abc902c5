//! The cleaned document as a list of paragraphs (non-blank lines), each a trimmed byte range,
//! with the lookups the other modules need: which paragraph holds a position, paragraph text.

use std::cell::OnceCell;
use std::ops::Range;

use super::enumerate::{self, Marker};
use super::text::{self as text_fns, is_blank, one_of, trim_range};

/// A non-blank line of the cleaned text.
#[derive(Debug, Clone)]
pub(super) struct Para {
    /// Trimmed byte range.
    pub span: Range<usize>,
}

#[derive(Debug)]
pub(super) struct Doc<'a> {
    pub text: &'a str,
    pub paras: Vec<Para>,
    /// Per paragraph, every enumeration marker that starts in it (overlapping ones too),
    /// found the first time a reader scans the paragraph and shared by all the others.
    markers: Vec<OnceCell<Vec<Marker>>>,
    /// Per paragraph, the positions in it where a sentence starts, found once the same way.
    sentences: Vec<OnceCell<Vec<usize>>>,
}

impl<'a> Doc<'a> {
    pub fn new(text: &'a str) -> Doc<'a> {
        let mut paras = Vec::new();
        let mut start = 0;
        for line in text.split('\n') {
            let end = start + line.len();
            if !line.chars().all(is_blank) {
                for piece in pieces(line) {
                    paras.push(Para {
                        span: trim_range(text, start + piece.start..start + piece.end),
                    });
                }
            }
            start = end + 1;
        }
        let n = paras.len();
        Doc {
            text,
            paras,
            markers: vec![OnceCell::new(); n],
            sentences: vec![OnceCell::new(); n],
        }
    }

    /// The paragraphs that overlap `r`, in order.
    fn paras_over(&self, r: Range<usize>) -> std::ops::Range<usize> {
        let from = self.paras.partition_point(|p| p.span.end <= r.start);
        let to = from + self.paras[from..].partition_point(|p| p.span.start < r.end);
        from..to
    }

    /// Every marker that lies wholly in `r`, in order: [`enumerate::scan`] on this document,
    /// from markers found once per paragraph. (Markers start at visible characters, and every
    /// visible character lies in a paragraph.)
    pub fn markers_in(&self, r: Range<usize>) -> Vec<Marker> {
        let mut out: Vec<Marker> = Vec::new();
        let mut skip_to = r.start;
        for i in self.paras_over(r.clone()) {
            let found = self.markers[i]
                .get_or_init(|| enumerate::candidates(self.text, self.paras[i].span.clone()));
            for m in found {
                if m.start < skip_to || m.end > r.end || m.start >= r.end {
                    continue;
                }
                skip_to = m.end;
                out.push(m.clone());
            }
        }
        out
    }

    /// Byte positions where a sentence starts inside `r`: [`text_fns::sentence_starts`] on
    /// this document, from positions found once per paragraph.
    pub fn sentence_starts(&self, r: Range<usize>) -> Vec<usize> {
        // The first visible character of `r` starts a sentence whatever precedes it; after it,
        // the document's own starts are the range's.
        let Some(first) = text_fns::first_sentence_char(self.text, r.clone()) else {
            return Vec::new();
        };
        let mut out = vec![first];
        for i in self.paras_over(first..r.end) {
            let found = self.sentences[i].get_or_init(|| self.para_sentence_starts(i));
            out.extend(found.iter().copied().filter(|&p| p > first && p < r.end));
        }
        out
    }

    /// The sentence starts in paragraph `i`, as a reading of the whole text finds them.
    fn para_sentence_starts(&self, i: usize) -> Vec<usize> {
        let span = self.paras[i].span.clone();
        let prev = text_fns::prev_visible(self.text, span.start);
        let pending = prev.is_none_or(|c| c == '\n' || text_fns::is_stop(c));
        let mut starts = text_fns::sentence_starts(self.text, span.clone());
        if !pending && starts.first() == Some(&span.start) {
            starts.remove(0);
        }
        starts
    }

    /// The text of paragraph `i`.
    pub fn para(&self, i: usize) -> &'a str {
        &self.text[self.paras[i].span.clone()]
    }

    /// The index of the paragraph that contains (or, between paragraphs, follows) byte `pos`.
    pub fn para_at(&self, pos: usize) -> usize {
        self.paras
            .partition_point(|p| p.span.end < pos)
            .min(self.paras.len().saturating_sub(1))
    }

    /// The end of the paragraph holding `pos`.
    pub fn para_end_at(&self, pos: usize) -> usize {
        match self.paras.get(self.para_at(pos)) {
            Some(p) if p.span.end >= pos => p.span.end,
            _ => pos,
        }
    }
}

/// A line longer than this that holds many sentences is a document pasted without its line
/// breaks (text out of a document viewer).
const JOINED_LINE: usize = 200;

/// The paragraphs of one line: the line itself, or, for a long line that holds several
/// sentences each followed by a space (`…不足： 1、…； 2、…。 针对…`), the pieces between them.
fn pieces(line: &str) -> Vec<Range<usize>> {
    let whole = std::iter::once(0..line.len()).collect::<Vec<_>>();
    if line.len() < JOINED_LINE * 3 || line.chars().count() < JOINED_LINE {
        return whole;
    }
    let mut cuts = Vec::new();
    let mut prev: Option<char> = None;
    let mut in_gap = false;
    for (i, c) in line.char_indices() {
        let gap = c == ' ' || c == '\u{3000}' || c == '\t';
        let before_marker =
            || starts_with_marker(line[i..].trim_start_matches([' ', '\u{3000}', '\t']));
        if gap && !in_gap && (prev.is_some_and(|p| one_of(p, "。！？；;：:")) || before_marker())
        {
            cuts.push(i);
        }
        in_gap = gap;
        if !gap {
            prev = Some(c);
        }
    }
    if cuts.len() < 2 {
        return whole;
    }
    let mut out = Vec::new();
    let mut from = 0;
    for cut in cuts {
        out.push(from..cut);
        from = cut;
    }
    out.push(from..line.len());
    out.retain(|r| !line[r.clone()].chars().all(is_blank));
    out
}

/// `（一）`, `一、`, `1.` or `1、` at the start of `s`: a heading or item a viewer ran into the
/// line before.
pub(super) fn starts_with_marker(s: &str) -> bool {
    const CN: &str = "一二三四五六七八九十";
    let is_num = |c: char| one_of(c, CN) || c.is_ascii_digit();
    if let Some(rest) = s.strip_prefix(['（', '(']) {
        let n = rest.chars().take_while(|&c| is_num(c)).count();
        return (1..=3).contains(&n) && matches!(rest.chars().nth(n), Some('）' | ')'));
    }
    let cn = s.chars().take_while(|&c| one_of(c, CN)).count();
    if cn > 0 {
        return s.chars().nth(cn) == Some('、');
    }
    let digits = s.chars().take_while(char::is_ascii_digit).count();
    (1..=2).contains(&digits) && matches!(s.chars().nth(digits), Some('、' | '.' | '．'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blank_lines_are_not_paragraphs() {
        let doc = Doc::new("标题\n\n　　正文一。\n \t\n正文二。");
        assert_eq!(doc.paras.len(), 3);
        assert_eq!(doc.para(1), "正文一。");
    }

    #[test]
    fn a_document_pasted_on_one_line_is_read_as_its_sentences() {
        let body =
            "检查中发现还存在以下问题： 1、照明不足，教室光线较暗； 2、场地不够，活动无法开展。 ";
        let text = format!("{}{body}", "某某学校开展自查的情况说明，".repeat(20));
        let doc = Doc::new(&text);
        assert_eq!(doc.paras.len(), 3);
        assert_eq!(doc.para(1), "1、照明不足，教室光线较暗；");
        assert_eq!(doc.para(2), "2、场地不够，活动无法开展。");
    }

    #[test]
    fn a_long_paragraph_with_ordinary_spacing_stays_whole() {
        let text = "一年来，我局坚持学习。".repeat(40);
        assert_eq!(Doc::new(&text).paras.len(), 1);
    }

    #[test]
    fn shared_markers_and_sentence_starts_agree_with_reading_each_range_directly() {
        let text = "二、存在问题\n（一）学习不深。一是学用脱节；二是调研少。\n（二）作风不实，\
                    1.会多；2、文多。\n 其一，首先是…；第一部分 总结\n三、下一步打算：①抓学习。";
        let doc = Doc::new(text);
        let bounds: Vec<usize> = (0..=text.len())
            .filter(|&i| text.is_char_boundary(i))
            .collect();
        for (k, &a) in bounds.iter().enumerate() {
            for &b in &bounds[k..] {
                let direct = enumerate::scan(text, a..b);
                let shared = doc.markers_in(a..b);
                let key = |m: &Marker| (m.start, m.end, m.number);
                assert_eq!(
                    shared.iter().map(key).collect::<Vec<_>>(),
                    direct.iter().map(key).collect::<Vec<_>>(),
                    "markers in {a}..{b}"
                );
                assert_eq!(
                    doc.sentence_starts(a..b),
                    text_fns::sentence_starts(text, a..b),
                    "sentences in {a}..{b}"
                );
            }
        }
    }

    #[test]
    fn positions_map_to_their_paragraph() {
        let text = "甲\n乙乙\n丙";
        let doc = Doc::new(text);
        assert_eq!(doc.para_at(text.find('乙').unwrap() + 3), 1);
        assert_eq!(doc.para_at(text.find('丙').unwrap()), 2);
    }
}

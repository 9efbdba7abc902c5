//! The cleaned document as a list of paragraphs (non-blank lines), each a trimmed byte range,
//! with the lookups the other modules need: which paragraph holds a position, paragraph text.

use std::ops::Range;

use super::text::{is_blank, trim_range};

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
        Doc { text, paras }
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
        if gap && !in_gap && (prev.is_some_and(|p| "。！？；;：:".contains(p)) || before_marker())
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
fn starts_with_marker(s: &str) -> bool {
    const CN: &str = "一二三四五六七八九十";
    let is_num = |c: char| CN.contains(c) || c.is_ascii_digit();
    if let Some(rest) = s.strip_prefix(['（', '(']) {
        let n = rest.chars().take_while(|&c| is_num(c)).count();
        return (1..=3).contains(&n) && matches!(rest.chars().nth(n), Some('）' | ')'));
    }
    let cn = s.chars().take_while(|&c| CN.contains(c)).count();
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
    fn positions_map_to_their_paragraph() {
        let text = "甲\n乙乙\n丙";
        let doc = Doc::new(text);
        assert_eq!(doc.para_at(text.find('乙').unwrap() + 3), 1);
        assert_eq!(doc.para_at(text.find('丙').unwrap()), 2);
    }
}

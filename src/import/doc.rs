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
                paras.push(Para {
                    span: trim_range(text, start..end),
                });
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
    fn positions_map_to_their_paragraph() {
        let text = "甲\n乙乙\n丙";
        let doc = Doc::new(text);
        assert_eq!(doc.para_at(text.find('乙').unwrap() + 3), 1);
        assert_eq!(doc.para_at(text.find('丙').unwrap()), 2);
    }
}

//! What a measure carries besides its text: the heading sentence it opens with (its title).
//!
//! 二是强化主体责任。把… → 强化主体责任; a heading line over a paragraph → that line; a short
//! first clause before a long rest (加强党员教育管理，严格落实…) → that clause; else no title.

use super::text::{chars, is_colon, is_comma, is_stop};

/// Longest title, in characters, read from a first sentence.
const MAX_SENTENCE_TITLE: usize = 30;

/// Openers that start a sentence without naming anything (下一步，… 2024年，…).
const OPENERS: &[&str] = &[
    "下一步",
    "下步",
    "今后",
    "为此",
    "同时",
    "此外",
    "另外",
    "明年",
    "新的一年",
    "对此",
    "其中",
];

/// The title of a measure whose finished text is `text`; always a prefix of `text`.
pub(super) fn title(text: &str) -> Option<&str> {
    let found = heading(text)?;
    let opener = OPENERS.contains(&found)
        || super::text::find_year(found).is_some_and(|(_, at)| at.start == 0 && chars(found) <= 6);
    (!opener).then_some(found)
}

fn heading(text: &str) -> Option<&str> {
    let clean = |t: &str| -> Option<usize> {
        let kept = t.trim_end_matches(|c: char| {
            is_stop(c) || is_colon(c) || is_comma(c) || c.is_whitespace()
        });
        (!kept.trim().is_empty()).then_some(kept.len())
    };
    if let Some((first, rest)) = text.split_once('\n') {
        let body = first.trim_end_matches(|c: char| is_stop(c) || is_colon(c) || c.is_whitespace());
        if chars(body) <= MAX_SENTENCE_TITLE && !body.contains(is_stop) && !rest.trim().is_empty() {
            return clean(first).map(|len| &text[..len]);
        }
    }
    let first_stop = text.char_indices().find(|&(i, c)| {
        matches!(c, '。' | '！' | '：' | ':' | '\n')
            || (c == '.' && !text[i + 1..].starts_with(|n: char| n.is_ascii_alphanumeric()))
    });
    if let Some((i, c)) = first_stop {
        let rest = &text[i + c.len_utf8()..];
        let clause_list = is_colon(c) && text[..i].contains(is_comma);
        if c != '\n'
            && !clause_list
            && chars(&text[..i]) <= MAX_SENTENCE_TITLE
            && chars(rest.trim()) >= 4
        {
            return clean(&text[..i]).map(|len| &text[..len]);
        }
    }
    // A first clause (加强党员教育管理，…) is part of the sentence, not a heading over it.
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_heading_sentence_is_the_title() {
        assert_eq!(
            title("强化主体责任。把业务难点作为党建重点"),
            Some("强化主体责任")
        );
        assert_eq!(
            title("从实际出发，在实践中提升创新力。聚焦重点任务，探索新的工作法"),
            Some("从实际出发，在实践中提升创新力")
        );
    }

    #[test]
    fn a_heading_line_over_a_paragraph_is_the_title() {
        assert_eq!(
            title("夯实基层基础\n推进支部标准化建设"),
            Some("夯实基层基础")
        );
        assert_eq!(
            title("扩大监督覆盖面.建立监督员制度"),
            Some("扩大监督覆盖面")
        );
    }

    #[test]
    fn a_first_clause_is_not_a_title() {
        assert_eq!(
            title("加强党员教育管理，严格落实三会一课制度并按季度通报执行情况"),
            None
        );
    }

    #[test]
    fn a_single_sentence_has_no_title() {
        assert_eq!(title("加强理论学习，提高政治站位"), None);
        assert_eq!(title("每月开展一次集中学习"), None);
        assert_eq!(
            title("下一步，我们将进一步提高政治站位，强化责任担当"),
            None
        );
        assert_eq!(title("2024年，街道将重点做好项目建设和民生保障"), None);
        assert_eq!(
            title("推行“先建机制、后改造”模式，引入物业企业，整改时限：2024年6月底前"),
            None
        );
    }
}

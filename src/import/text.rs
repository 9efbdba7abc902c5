//! Character classes and small text helpers the parser shares: blanks, punctuation in both
//! widths, Chinese and Arabic numerals, years, sentence boundaries and span trimming.
//!
//! Everything here works on byte positions of one `&str` and never slices inside a character.

use std::ops::Range;

/// Whitespace in any width, plus the invisible characters Word and web pages leave behind.
pub(super) fn is_blank(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{feff}' | '\u{200b}' | '\u{200c}' | '\u{200d}')
}

/// True when `c` is one of the characters of `set` (a short literal list: cheaper than
/// `set.contains(c)`, which searches the string's bytes).
#[inline]
pub(super) fn one_of(c: char, set: &str) -> bool {
    set.chars().any(|s| s == c)
}

/// A set of characters looked up in constant time, for the per-character tests of the loops
/// that read every character of a document.
pub(super) struct CharSet {
    /// One bit per character of the CJK Unified Ideographs block.
    cjk: Vec<u64>,
    /// The members outside that block.
    other: Vec<char>,
}

const CJK_START: u32 = 0x4e00;
const CJK_END: u32 = 0xa000;

impl CharSet {
    pub fn new(chars: &str) -> CharSet {
        let mut cjk = vec![0u64; ((CJK_END - CJK_START) as usize).div_ceil(64)];
        let mut other = Vec::new();
        for c in chars.chars() {
            match (c as u32).checked_sub(CJK_START) {
                Some(i) if (c as u32) < CJK_END => cjk[i as usize / 64] |= 1 << (i % 64),
                _ => other.push(c),
            }
        }
        CharSet { cjk, other }
    }

    #[inline]
    pub fn contains(&self, c: char) -> bool {
        match (c as u32).checked_sub(CJK_START) {
            Some(i) if (c as u32) < CJK_END => self.cjk[i as usize / 64] & (1 << (i % 64)) != 0,
            _ => self.other.contains(&c),
        }
    }
}

/// A CJK ideograph (or a character between them in the code table): never a stop, a
/// blank or punctuation, which lets hot loops skip their other tests.
#[inline]
pub(super) fn is_ideograph(c: char) -> bool {
    ('\u{3400}'..'\u{fe00}').contains(&c)
}

/// Ends a sentence (or a `；`-separated clause, which the genre uses like a sentence).
pub(super) fn is_stop(c: char) -> bool {
    matches!(c, '。' | '；' | ';' | '！' | '!' | '？' | '?')
}

pub(super) fn is_colon(c: char) -> bool {
    matches!(c, '：' | ':')
}

pub(super) fn is_comma(c: char) -> bool {
    matches!(c, '，' | ',')
}

/// Punctuation after which an enumeration marker may start.
pub(super) fn is_marker_lead(c: char) -> bool {
    is_stop(c)
        || is_colon(c)
        || is_comma(c)
        || matches!(
            c,
            '、' | '）' | ')' | '”' | '"' | '’' | '\'' | '\n' | '」' | '】'
        )
}

/// The value of one Chinese digit (一 … 九, 〇/零, 两 counted as 2).
pub(super) fn cn_digit(c: char) -> Option<u32> {
    Some(match c {
        '〇' | '零' | 'Ｏ' | '○' => 0,
        '一' => 1,
        '二' | '两' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

/// Parses a leading Chinese number from 1 to 99 (一, 十, 十二, 二十, 二十三).
/// Returns the value and its length in bytes.
pub(super) fn parse_cn_int(s: &str) -> Option<(u32, usize)> {
    let mut chars = s.char_indices().peekable();
    let (_, first) = *chars.peek()?;
    let mut value;
    let mut end;
    if first == '十' {
        chars.next();
        value = 10;
        end = first.len_utf8();
        if let Some(&(i, c)) = chars.peek() {
            if let Some(d) = cn_digit(c).filter(|d| (1..=9).contains(d)) {
                value += d;
                end = i + c.len_utf8();
            }
        }
        return Some((value, end));
    }
    let d = cn_digit(first).filter(|d| (1..=9).contains(d) && first != '两')?;
    chars.next();
    value = d;
    end = first.len_utf8();
    if let Some(&(i, '十')) = chars.peek() {
        chars.next();
        value = d * 10;
        end = i + '十'.len_utf8();
        if let Some(&(j, c)) = chars.peek() {
            if let Some(u) = cn_digit(c).filter(|u| (1..=9).contains(u)) {
                value += u;
                end = j + c.len_utf8();
            }
        }
    }
    Some((value, end))
}

/// An ASCII or full-width digit's value.
pub(super) fn digit(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '０'..='９' => Some(c as u32 - '０' as u32),
        _ => None,
    }
}

/// Parses up to `max_digits` leading digits (ASCII or full-width). Returns value and byte length.
pub(super) fn parse_digits(s: &str, max_digits: usize) -> Option<(u32, usize)> {
    let mut value: u32 = 0;
    let mut end = 0;
    let mut count = 0;
    for (i, c) in s.char_indices() {
        let Some(d) = digit(c) else { break };
        count += 1;
        if count > max_digits {
            return None;
        }
        value = value * 10 + d;
        end = i + c.len_utf8();
    }
    (count > 0).then_some((value, end))
}

/// Parses a count as written in a sentence: Arabic digits or a Chinese number.
pub(super) fn parse_count(s: &str) -> Option<(u32, usize)> {
    if let Some(found) = parse_digits(s, 6) {
        return Some(found);
    }
    if s.starts_with('两') {
        return Some((2, '两'.len_utf8()));
    }
    parse_cn_int(s)
}

/// A placeholder where a count or a name should be: X, XX, xxx, ××, ＸＸ, *.
pub(super) fn placeholder_len(s: &str) -> usize {
    s.char_indices()
        .take_while(|&(_, c)| matches!(c, 'x' | 'X' | 'ｘ' | 'Ｘ' | '×' | '*' | '＊' | '□' | '某'))
        .last()
        .map_or(0, |(i, c)| i + c.len_utf8())
}

/// True when the text stands in for a real name: `xxx局`, `X局`, `××单位`, `某局`.
pub(super) fn has_placeholder(s: &str) -> bool {
    s.char_indices().any(|(i, _)| placeholder_len(&s[i..]) > 0)
}

/// The first year written in `s`, as Arabic digits (`2023年`) or Chinese digits (`二〇二三年`),
/// between 1949 and 2100. Returns the year and the byte range of its digits.
pub(super) fn find_year(s: &str) -> Option<(i32, Range<usize>)> {
    find_years(s).next()
}

/// Every year written in `s` (see [`find_year`]), in order.
pub(super) fn find_years(s: &str) -> impl Iterator<Item = (i32, Range<usize>)> + '_ {
    let is_digit = |c: char| digit(c).is_some() || cn_digit(c).is_some();
    let mut chars = s.char_indices();
    let mut prev_is_digit = false;
    let mut skip_to = 0;
    let any = s.contains('年');
    std::iter::from_fn(move || {
        if !any {
            return None;
        }
        for (start, c) in chars.by_ref() {
            let here = is_digit(c);
            let after_digit = prev_is_digit;
            prev_is_digit = here;
            if start < skip_to || !here || after_digit {
                continue;
            }
            if let Some((year, len)) = year_at(&s[start..]) {
                skip_to = start + len;
                return Some((year, start..start + len));
            }
        }
        None
    })
}

/// A four-digit year followed by `年` at the start of `s`; returns the year and digit length.
fn year_at(s: &str) -> Option<(i32, usize)> {
    let mut value = 0i32;
    let mut end = 0;
    let mut count = 0;
    for (i, c) in s.char_indices() {
        let d = digit(c).or_else(|| cn_digit(c).filter(|_| c != '两'));
        let Some(d) = d else { break };
        value = value * 10 + d as i32;
        end = i + c.len_utf8();
        count += 1;
        if count == 4 {
            break;
        }
    }
    if count != 4 {
        return None;
    }
    let after = s[end..].trim_start_matches(is_blank);
    (after.starts_with('年') && (1949..=2100).contains(&value)).then_some((value, end))
}

/// `r` without blanks at either end.
pub(super) fn trim_range(text: &str, r: Range<usize>) -> Range<usize> {
    if r.end <= r.start {
        return r.start..r.start;
    }
    let slice = &text[r.clone()];
    let start = r.start + (slice.len() - slice.trim_start_matches(is_blank).len());
    let end = r.start + slice.trim_end_matches(is_blank).len();
    if end < start {
        start..start
    } else {
        start..end
    }
}

/// The item-text contract's ending: trimmed, then one trailing `；` or `。` dropped, trimmed again.
/// A trailing comma is dropped the same way: it separated the item from the next marker
/// (一是…，二是…) and is no more part of the item than a `；` would be.
pub(super) fn finish_range(text: &str, r: Range<usize>) -> Range<usize> {
    let r = trim_range(text, r);
    let slice = &text[r.clone()];
    match slice.chars().next_back() {
        Some(c @ ('。' | '；' | ';' | '．' | '.' | '，' | ',' | '、')) => {
            trim_range(text, r.start..r.end - c.len_utf8())
        }
        _ => r,
    }
}

/// The last non-blank character before `pos` on the same line; `Some('\n')` at a line start.
pub(super) fn prev_visible(text: &str, pos: usize) -> Option<char> {
    for c in text[..pos].chars().rev() {
        if c == '\n' {
            return Some('\n');
        }
        if !is_blank(c) {
            return Some(c);
        }
    }
    None
}

/// Number of characters in `s`.
pub(super) fn chars(s: &str) -> usize {
    s.chars().count()
}

/// `chars(s) <= n`, without counting a text that is too long in bytes to be that short.
pub(super) fn at_most_chars(s: &str, n: usize) -> bool {
    s.len() <= n || (s.len() <= 4 * n && chars(s) <= n)
}

/// True when `s` contains any of `needles`.
pub(super) fn contains_any(s: &str, needles: &[&str]) -> bool {
    needles.iter().any(|n| s.contains(n))
}

/// The first of `prefixes` that `s` starts with.
pub(super) fn starts_with_any<'a>(s: &str, prefixes: &[&'a str]) -> Option<&'a str> {
    prefixes.iter().copied().find(|p| s.starts_with(p))
}

/// Byte positions where a sentence starts inside `r`: the start of `r`, the start of each line,
/// and the first visible character after each `。；！？`.
pub(super) fn sentence_starts(text: &str, r: Range<usize>) -> Vec<usize> {
    let mut starts = Vec::new();
    let mut pending = true;
    for (i, c) in text[r.clone()].char_indices() {
        let pos = r.start + i;
        // Most characters are ideographs, which are neither stops nor blanks.
        if !is_ideograph(c) {
            if c == '\n' || is_stop(c) {
                pending = true;
                continue;
            }
            if is_blank(c) {
                continue;
            }
        }
        if pending {
            starts.push(pos);
            pending = false;
        }
    }
    starts
}

/// The first character in `r` that can start a sentence (not blank, not a stop or line break).
pub(super) fn first_sentence_char(text: &str, r: Range<usize>) -> Option<usize> {
    text[r.clone()]
        .char_indices()
        .find(|&(_, c)| !(c == '\n' || is_stop(c) || is_blank(c)))
        .map(|(i, _)| r.start + i)
}

/// The end of the sentence that starts at `pos` (just after its stop, or the line end), capped at `end`.
pub(super) fn sentence_end(text: &str, pos: usize, end: usize) -> usize {
    for (i, c) in text[pos..end].char_indices() {
        if c == '\n' {
            return pos + i;
        }
        if is_stop(c) {
            return pos + i + c.len_utf8();
        }
    }
    end
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_numbers_read_up_to_ninety_nine() {
        assert_eq!(parse_cn_int("一是"), Some((1, 3)));
        assert_eq!(parse_cn_int("十、"), Some((10, 3)));
        assert_eq!(parse_cn_int("十二是"), Some((12, 6)));
        assert_eq!(parse_cn_int("二十三、"), Some((23, 9)));
        assert_eq!(parse_cn_int("是"), None);
    }

    #[test]
    fn years_are_found_in_arabic_and_chinese_digits() {
        assert_eq!(
            find_year("临江市财政局2023年度工作总结").map(|y| y.0),
            Some(2023)
        );
        assert_eq!(find_year("二〇二三年工作总结").map(|y| y.0), Some(2023));
        assert_eq!(find_year("2023 年").map(|y| y.0), Some(2023));
        assert_eq!(find_year("编号12023年"), None);
        assert_eq!(find_year("共3000年"), None);
    }

    #[test]
    fn finishing_drops_one_trailing_full_stop_or_semicolon() {
        let text = "  加强学习。 ";
        assert_eq!(&text[finish_range(text, 0..text.len())], "加强学习");
        let text = "加强学习；；";
        assert_eq!(&text[finish_range(text, 0..text.len())], "加强学习；");
        let text = "学习不深，";
        assert_eq!(&text[finish_range(text, 0..text.len())], "学习不深");
    }

    #[test]
    fn placeholders_are_recognised() {
        assert!(has_placeholder("xxx局"));
        assert!(has_placeholder("X局"));
        assert!(has_placeholder("××单位"));
        assert!(!has_placeholder("临江市财政局"));
    }

    #[test]
    fn sentence_starts_follow_stops_and_lines() {
        let text = "甲。乙；丙\n丁";
        let starts: Vec<&str> = sentence_starts(text, 0..text.len())
            .into_iter()
            .map(|p| &text[p..p + 3])
            .collect();
        assert_eq!(starts, ["甲", "乙", "丙", "丁"]);
    }
}

//! Enumeration markers and the lists they form.
//!
//! A marker is one of the ways the genre numbers things: `一是`, `（一）`, `一、`, `1.`/`1、`,
//! `（1）`, `①`, `第一，`, `首先，…最后，`. A list is a run of markers of one family numbered
//! 1, 2, 3 …; a lone marker or a number out of sequence is not a list. This module only finds
//! markers and lists; deciding which list holds the items is `items`' job.

use std::ops::Range;

use super::text::{
    is_blank, is_colon, is_comma, is_ideograph, is_marker_lead, is_stop, one_of, parse_cn_int,
    parse_digits, prev_visible, CharSet,
};

/// How a marker is written. Families are never mixed inside one list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(super) enum Family {
    /// 第一部分 (only as a heading)
    Part,
    /// 一、 一． (headings, or items at a line start)
    CnDun,
    /// （一） (一)
    ParenCn,
    /// 1. 1、 1． 1）
    Arabic,
    /// （1） (1)
    ParenArabic,
    /// ① ②
    Circled,
    /// 一是 二是
    Yishi,
    /// 一要 二要
    Yiyao,
    /// 第一， 第二，
    Ordinal,
    /// 首先， 其次， 再次， 最后，
    Sequence,
}

impl Family {
    /// Nesting depth in the official outline (一、→（一）→1.→（1）); smaller is outer.
    pub fn level(self) -> u8 {
        match self {
            Family::Part => 0,
            Family::CnDun => 1,
            Family::ParenCn => 2,
            Family::Arabic => 3,
            Family::ParenArabic => 4,
            Family::Circled => 5,
            Family::Yishi | Family::Yiyao | Family::Ordinal | Family::Sequence => 6,
        }
    }

    /// Whether a line starting with this family can be a heading.
    pub fn can_head(self) -> bool {
        self.level() <= 4
    }
}

/// `最后` continues any sequence list.
pub(super) const LAST: u32 = u32::MAX;

#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Marker {
    pub family: Family,
    pub number: u32,
    /// Where the marker starts.
    pub start: usize,
    /// Where the item text starts (after the marker and its punctuation).
    pub end: usize,
    /// The marker begins its line.
    pub line_start: bool,
}

/// Reads a marker starting exactly at `pos`, if one does, given what precedes it.
pub(super) fn marker_at(text: &str, pos: usize) -> Option<Marker> {
    let s = &text[pos..];
    let first = s.chars().next()?;
    let prev = prev_visible(text, pos);
    // A marker a space away from the text before it starts a line a viewer lost (a document
    // pasted on one line: …考核反馈的问题 （一）…； （二）…).
    let spaced = text[..pos].ends_with([' ', '\u{3000}'])
        && matches!(first, '（' | '(' | '0'..='9' | '０'..='９');
    let line_start = matches!(prev, None | Some('\n')) || spaced;
    let after_stop = line_start || prev.is_some_and(|c| is_stop(c) || is_colon(c));
    let after_punct = line_start || prev.is_some_and(is_marker_lead);
    let found = match first {
        '（' | '(' if after_punct => paren(s),
        '①'..='⑳' => Some((
            Family::Circled,
            first as u32 - '①' as u32 + 1,
            first.len_utf8(),
        )),
        '第' if after_punct => ordinal(s),
        '首' | '其' | '再' | '最' if after_stop => sequence(s),
        '0'..='9' | '０'..='９' if after_stop => arabic(s),
        _ if after_punct => chinese(s, after_stop),
        _ => None,
    }?;
    let (family, number, len) = found;
    let end = skip_blanks(text, pos + len);
    Some(Marker {
        family,
        number,
        start: pos,
        end,
        line_start,
    })
}

fn skip_blanks(text: &str, mut pos: usize) -> usize {
    for c in text[pos..].chars() {
        if !is_blank(c) || c == '\n' {
            break;
        }
        pos += c.len_utf8();
    }
    pos
}

fn blanks(s: &str) -> usize {
    s.len()
        - s.trim_start_matches(|c: char| is_blank(c) && c != '\n')
            .len()
}

/// `（一）` or `（1）`, either width, spaces allowed inside.
fn paren(s: &str) -> Option<(Family, u32, usize)> {
    let mut i = s.chars().next()?.len_utf8();
    i += blanks(&s[i..]);
    let (family, (number, len)) = match parse_digits(&s[i..], 2) {
        Some(found) => (Family::ParenArabic, found),
        None => (Family::ParenCn, parse_cn_int(&s[i..])?),
    };
    i += len;
    i += blanks(&s[i..]);
    let close = s[i..].chars().next()?;
    if !matches!(close, '）' | ')') {
        return None;
    }
    i += close.len_utf8();
    if let Some(c) = s[i..]
        .chars()
        .next()
        .filter(|&c| matches!(c, '、' | '．') || is_colon(c))
    {
        i += c.len_utf8();
    }
    (number >= 1).then_some((family, number, i))
}

/// `1.` `1、` `1．` `1）` — not `1.5` and not a year.
fn arabic(s: &str) -> Option<(Family, u32, usize)> {
    let (number, mut i) = parse_digits(s, 2)?;
    i += blanks(&s[i..]);
    let sep = s[i..].chars().next()?;
    if !matches!(sep, '.' | '．' | '、' | '）' | ')') {
        return None;
    }
    i += sep.len_utf8();
    let next = s[i..].chars().next();
    if matches!(sep, '.' | '．') && next.is_some_and(|c| c.is_ascii_digit() || c == '%') {
        return None;
    }
    (number >= 1).then_some((Family::Arabic, number, i))
}

/// `一是`, and at a sentence start also `一、`.
fn chinese(s: &str, after_stop: bool) -> Option<(Family, u32, usize)> {
    let (number, mut i) = parse_cn_int(s)?;
    i += blanks(&s[i..]);
    let next = s[i..].chars().next()?;
    if next == '是' {
        i += next.len_utf8();
        let rest = &s[i..];
        if rest.starts_with('否') || rest.starts_with('非') {
            return None;
        }
        if let Some(c) = rest.chars().next().filter(|&c| is_colon(c)) {
            i += c.len_utf8();
        }
        return Some((Family::Yishi, number, i));
    }
    if next == '要' && !s[i + next.len_utf8()..].starts_with(['素', '求', '点', '件', '紧', '事'])
    {
        return Some((Family::Yiyao, number, i + next.len_utf8()));
    }
    if after_stop && matches!(next, '、' | '．' | '.') {
        i += next.len_utf8();
        // 一、二季度 and 一、二等奖 list numbers; 一、二〇二四年工作打算 is a heading.
        let mut after = s[i..].chars();
        let (a, b) = (after.next(), after.next());
        let numeral =
            a.is_some_and(|c| super::text::cn_digit(c).is_some_and(|d| d > 0) || c == '十');
        if numeral && b.is_some_and(|c| one_of(c, "、季级等类至到-—~～")) {
            return None;
        }
        return Some((Family::CnDun, number, i));
    }
    None
}

/// `第一，` `第一、` `第一是` `第一：` — and `第一部分` as a part heading.
fn ordinal(s: &str) -> Option<(Family, u32, usize)> {
    let mut i = '第'.len_utf8();
    let (number, len) = parse_cn_int(&s[i..])?;
    i += len;
    let rest = &s[i..];
    if let Some(after) = rest.strip_prefix("部分") {
        let used = s.len() - after.len();
        let extra = after
            .chars()
            .next()
            .filter(|&c| matches!(c, '、' | '：' | ':' | '，'))
            .map_or(0, char::len_utf8);
        return Some((Family::Part, number, used + extra));
    }
    let c = rest.chars().next()?;
    if is_comma(c) || is_colon(c) || matches!(c, '、' | '是') {
        return Some((Family::Ordinal, number, i + c.len_utf8()));
    }
    None
}

/// `首先，` `其次，` `再次，` `最后，` (also with `是` before the punctuation).
fn sequence(s: &str) -> Option<(Family, u32, usize)> {
    const WORDS: [(&str, u32); 4] = [("首先", 1), ("其次", 2), ("再次", 3), ("最后", LAST)];
    let Some((word, number)) = WORDS.iter().find(|(w, _)| s.starts_with(w)) else {
        // 其一， 其二，
        let rest = s.strip_prefix('其')?;
        let (number, len) = parse_cn_int(rest)?;
        let c = rest[len..].chars().next()?;
        let ordinal = is_comma(c) || is_colon(c) || c == '、';
        return ordinal.then(|| {
            (
                Family::Ordinal,
                number,
                '其'.len_utf8() + len + c.len_utf8(),
            )
        });
    };
    let mut i = word.len();
    if s[i..].starts_with('是') {
        i += '是'.len_utf8();
    }
    let c = s[i..].chars().next()?;
    if is_comma(c) || is_colon(c) || c == '、' {
        return Some((Family::Sequence, *number, i + c.len_utf8()));
    }
    None
}

/// Every marker that lies wholly in `r`, in order, read directly: what `Doc::markers_in` gives
/// from the shared candidates (a test checks that they agree).
#[cfg(test)]
pub(super) fn scan(text: &str, r: Range<usize>) -> Vec<Marker> {
    let mut out = Vec::new();
    let mut skip_to = r.start;
    for (i, c) in text[r.clone()].char_indices() {
        let pos = r.start + i;
        if pos < skip_to || !may_start_marker(c) {
            continue;
        }
        if let Some(m) = marker_at(text, pos).filter(|m| m.end <= r.end) {
            skip_to = m.end;
            out.push(m);
        }
    }
    out
}

/// Every marker of `text` that starts in `r`, overlapping ones included: what [`scan`] picks
/// from, for a document read many times (see `Doc::markers_in`).
pub(super) fn candidates(text: &str, r: Range<usize>) -> Vec<Marker> {
    let mut out = Vec::new();
    // What `marker_at` needs before a marker, tracked as the text goes by: whether the previous
    // visible character (a line break counts) may precede one, and whether a space comes right
    // before.
    let mut lead = prev_visible(text, r.start).is_none_or(is_marker_lead);
    let mut spaced = text[..r.start].ends_with([' ', '\u{3000}']);
    let starts = &*MARKER_STARTS;
    for (i, c) in text[r.clone()].char_indices() {
        let circled = matches!(c, '①'..='⑳');
        // Most characters follow an ideograph, after which only ① … ⑳ can start a marker.
        if (lead || spaced || circled) && starts.contains(c) {
            let may_follow = lead || (spaced && matches!(c, '（' | '(' | '0'..='9' | '０'..='９'));
            if may_follow || circled {
                out.extend(marker_at(text, r.start + i));
            }
        }
        spaced = matches!(c, ' ' | '\u{3000}');
        if is_ideograph(c) {
            lead = false;
        } else if c == '\n' || !is_blank(c) {
            lead = is_marker_lead(c);
        }
    }
    out
}

/// The characters a marker can start with.
static MARKER_STARTS: std::sync::LazyLock<CharSet> = std::sync::LazyLock::new(|| {
    CharSet::new(
        "（(第首其再最十0123456789０１２３４５６７８９①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳一二三四五六七八九两",
    )
});

#[cfg(test)]
fn may_start_marker(c: char) -> bool {
    MARKER_STARTS.contains(c)
}

/// A run of markers of one family numbered 1, 2, 3 … (at least two).
#[derive(Debug, Clone)]
pub(super) struct List {
    pub family: Family,
    pub markers: Vec<Marker>,
}

impl List {
    pub fn first(&self) -> &Marker {
        &self.markers[0]
    }

    pub fn last(&self) -> &Marker {
        &self.markers[self.markers.len() - 1]
    }
}

/// Groups markers into lists. A `1` opens a new list of its family; `n+1` continues it; anything
/// else is noise and dropped. Lists of one marker are dropped. Sorted by first marker.
pub(super) fn lists(markers: &[Marker]) -> Vec<List> {
    let mut done: Vec<List> = Vec::new();
    let mut open: Vec<List> = Vec::new();
    for m in markers {
        if m.family == Family::Part {
            continue;
        }
        let slot = open.iter().position(|l| l.family == m.family);
        if m.number == 1 {
            if let Some(i) = slot {
                done.push(open.swap_remove(i));
            }
            open.push(List {
                family: m.family,
                markers: vec![m.clone()],
            });
            continue;
        }
        let Some(i) = slot else { continue };
        let last = open[i].last().number;
        if last != LAST && (m.number == last + 1 || m.number == LAST) {
            open[i].markers.push(m.clone());
        }
    }
    done.extend(open);
    done.retain(|l| l.markers.len() >= 2);
    done.sort_by_key(|l| l.first().start);
    done
}

#[cfg(test)]
mod tests;

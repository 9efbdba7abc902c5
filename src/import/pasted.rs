//! Text copied out of a PDF or document viewer: spaces inside words (`整 改`, `2023 年 6 月`) and
//! lines broken where the page ran out (`…许可证未在醒目⏎位置悬挂。`). Both are repaired before
//! the text is read, and each repair is a removal the position map remembers, so items read
//! whole and their positions still point into the file as given.

use super::doc::starts_with_marker;
use super::enumerate::marker_at;
use super::text::{chars, is_blank, one_of};

/// Spaces between two characters of a word are a viewer's, not the writer's, when a document
/// has at least this many.
const MIN_STRAY_SPACES: usize = 3;

/// A document is wrapped by its viewer when at least this many lines stop mid-sentence at
/// about the same width.
const MIN_WRAPPED_LINES: usize = 3;

/// The byte ranges of `text` to remove: stray spaces and the breaks of wrapped lines, in order.
pub(super) fn repairs(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut cuts = stray_spaces(text);
    cuts.extend(wrapped_breaks(text));
    cuts.sort_by_key(|r| r.start);
    // A space run that is also part of a line break is removed once.
    let mut merged: Vec<std::ops::Range<usize>> = Vec::new();
    for r in cuts {
        match merged.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => merged.push(r),
        }
    }
    merged
}

fn is_word_char(c: char) -> bool {
    c.is_ascii_digit() || is_cjk(c)
}

fn is_cjk(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}' | '\u{f900}'..='\u{faff}')
}

/// Runs of one or two ASCII spaces between two word characters, at least one of them Chinese.
fn stray_spaces(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut found = Vec::new();
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(at) = text[from..].find(' ') {
        let start = from + at;
        let end = start + bytes[start..].iter().take_while(|&&b| b == b' ').count();
        from = end;
        if end - start > 2 {
            continue;
        }
        let (Some(p), Some(c)) = (
            text[..start].chars().next_back(),
            text[end..].chars().next(),
        ) else {
            continue;
        };
        // A space before 1. or （一） separates a heading from its first item on one line.
        let before_marker = starts_with_marker(&text[end..]);
        if is_word_char(p) && is_word_char(c) && (is_cjk(p) || is_cjk(c)) && !before_marker {
            found.push(start..end);
        }
    }
    if found.len() < MIN_STRAY_SPACES {
        return Vec::new();
    }
    found
}

/// A line of the text as the wrapping test sees it.
struct Line {
    span: std::ops::Range<usize>,
    /// Characters, without the blanks around them.
    width: usize,
    /// Not empty, and not ending a sentence, a clause or a quotation.
    open: bool,
}

/// The line breaks (with the spaces around them) of a text its viewer wrapped at a fixed width.
fn wrapped_breaks(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut lines = Vec::new();
    let mut start = 0;
    for raw in text.split('\n') {
        let line = raw.trim_matches(is_blank);
        let open =
            !line.is_empty() && !line.ends_with(|c: char| one_of(c, "。；：！？;:!?）)”\"》"));
        lines.push(Line {
            span: start..start + raw.len(),
            // Closed lines are measured below, once the open ones show a wrapped page.
            width: if open { chars(line) } else { 0 },
            open,
        });
        start += raw.len() + 1;
    }
    let mut widths: Vec<usize> = lines
        .iter()
        .filter(|l| l.open && l.width >= 15)
        .map(|l| l.width)
        .collect();
    if widths.len() < MIN_WRAPPED_LINES {
        return Vec::new();
    }
    for l in lines.iter_mut().filter(|l| !l.open) {
        l.width = chars(text[l.span.clone()].trim_matches(is_blank));
    }
    widths.sort_unstable();
    let median = widths[widths.len() / 2];
    // A viewer breaks the longest lines: the page width. Short open lines under longer closed
    // ones are headings over their paragraphs.
    let mut all: Vec<usize> = lines.iter().map(|l| l.width).filter(|&w| w > 0).collect();
    all.sort_unstable();
    let page = all[all.len() * 9 / 10];
    if median + 4 < page {
        return Vec::new();
    }
    let near = widths
        .iter()
        .filter(|&&w| w + 4 >= median && w <= median + 4)
        .count();
    if near * 10 < widths.len() * 6 || near < MIN_WRAPPED_LINES {
        return Vec::new();
    }
    let mut breaks = Vec::new();
    for k in 1..lines.len().saturating_sub(1) {
        let (line, next) = (&lines[k], &lines[k + 1]);
        if !line.open || line.width + 6 < median || next.width == 0 {
            continue;
        }
        let next_raw = &text[next.span.clone()];
        let next_start =
            next.span.start + (next_raw.len() - next_raw.trim_start_matches(is_blank).len());
        if marker_at(text, next_start).is_some_and(|m| m.line_start) {
            continue;
        }
        let line_end = line.span.start + text[line.span.clone()].trim_end_matches(is_blank).len();
        breaks.push(line_end..next_start);
    }
    breaks
}

#[cfg(test)]
mod tests {
    use super::*;

    fn repaired(text: &str) -> String {
        let mut out = String::new();
        let mut from = 0;
        for r in repairs(text) {
            out.push_str(&text[from..r.start]);
            from = r.end;
        }
        out.push_str(&text[from..]);
        out
    }

    #[test]
    fn spaces_a_viewer_put_inside_words_are_removed() {
        assert_eq!(
            repaired("2023 年 6 月，督查组反馈问题 3 个，现将整 改情况报告如下"),
            "2023年6月，督查组反馈问题3个，现将整改情况报告如下"
        );
    }

    #[test]
    fn a_space_before_a_list_marker_is_kept() {
        assert_eq!(
            repaired("整 改 情 况 二、整改措施 1.组织核查； 2.按季度随访"),
            "整改情况 二、整改措施 1.组织核查； 2.按季度随访"
        );
    }

    #[test]
    fn a_single_space_between_words_is_kept() {
        assert_eq!(repaired("临江市财政局 2024年1月"), "临江市财政局 2024年1月");
    }

    #[test]
    fn lines_a_viewer_wrapped_are_joined_but_items_and_sentences_keep_their_lines() {
        let text = "关于专项督查的报告\n今年以来我局认真开展了专项督查工作，共发现\n问题三个，现将有关情况报告如下，请予审阅。\n（一）校园周边小餐饮店证照公示不规范，部分\n门店许可证未在醒目位置悬挂。\n（二）学校食堂覆盖不全，仍有六所农村学校食\n堂未安装视频监控设备。\n";
        assert_eq!(
            repaired(text),
            "关于专项督查的报告\n今年以来我局认真开展了专项督查工作，共发现问题三个，现将有关情况报告如下，请予审阅。\n（一）校园周边小餐饮店证照公示不规范，部分门店许可证未在醒目位置悬挂。\n（二）学校食堂覆盖不全，仍有六所农村学校食堂未安装视频监控设备。\n"
        );
    }

    #[test]
    fn headings_over_longer_paragraphs_are_not_joined() {
        let text = "（一）以学促干，提升理论武装实效\n坚持把学习成果转化为监督效能，每季度开展专题研讨，年内形成调研文章。\n（二）建强堡垒，发挥临时党组织作用\n在项目组全面建立临时党支部或党小组，明确工作流程，年内形成制度规范。\n（三）严管厚爱，锤炼过硬工作作风\n开展作风纪律明察暗访，建立满意度回访机制，长期坚持抓好落实。\n";
        assert_eq!(repaired(text), text);
    }

    #[test]
    fn ordinary_paragraphs_are_not_joined() {
        let text =
            "一、工作成效\n全年完成各项任务。\n二、存在问题\n（一）学习不深。\n（二）作风不实。\n";
        assert_eq!(repaired(text), text);
    }
}

//! Wrapping text for a terminal by display width (a Chinese character is two columns), the way
//! Chinese typesetting does: no line starts with closing punctuation (，。；、）」…) and none ends
//! with an opening bracket; a run of Latin letters or digits (an id, a date, a number) is kept
//! whole when it fits.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Characters a line must not start with (closing marks), for every wrapper of the program.
pub const NO_START: &str = "，。、；：？！）》〉」』】〕’”…·,.;:?!)]}%";
/// Characters a line must not end with (opening marks).
pub const NO_END: &str = "（《〈「『【〔‘“([{";

/// The lines of `text` wrapped to at most `width` display columns (`width` ≥ 4). Existing line
/// breaks are kept.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(4);
    text.split('\n')
        .flat_map(|line| wrap_line(line, width))
        .collect()
}

fn wrap_line(line: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    for token in tokens(line) {
        let token_width = token.width();
        if current.width() + token_width <= width {
            current.push_str(token);
            continue;
        }
        if current.trim().is_empty() && token_width > width {
            // A word longer than the line: cut it.
            for ch in token.chars() {
                if current.width() + ch.width().unwrap_or(0) > width {
                    lines.push(std::mem::take(&mut current));
                }
                current.push(ch);
            }
            continue;
        }
        let mut carried = String::new();
        // Closing punctuation stays with the character before it; an opening bracket goes
        // with the text after it.
        let starts_badly = token.starts_with(|c: char| NO_START.contains(c));
        while let Some(last) = current.chars().last() {
            let carried_starts_badly = match carried.chars().next() {
                None => starts_badly,
                Some(c) => NO_START.contains(c),
            };
            if !(carried_starts_badly || NO_END.contains(last)) || current.chars().count() <= 1 {
                break;
            }
            current.pop();
            carried.insert(0, last);
        }
        lines.push(current.trim_end().to_string());
        current = carried;
        if token != " " || !current.is_empty() {
            current.push_str(token);
        }
    }
    if !current.is_empty() || lines.is_empty() {
        lines.push(current.trim_end().to_string());
    }
    lines
}

/// Runs of ASCII letters and digits (with the characters that join them in ids, dates and
/// numbers) as one token; every other character alone.
fn tokens(line: &str) -> Vec<&str> {
    let joined = |c: char| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '/' | '.' | ':');
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in line.char_indices() {
        match (joined(c), start) {
            (true, None) => start = Some(i),
            (true, Some(_)) => {}
            (false, s) => {
                if let Some(s) = s {
                    out.push(&line[s..i]);
                    start = None;
                }
                out.push(&line[i..i + c.len_utf8()]);
            }
        }
    }
    if let Some(s) = start {
        out.push(&line[s..]);
    }
    out
}

/// The widest line of `text`, in display columns.
pub fn max_line_width(text: &str) -> usize {
    text.split('\n')
        .map(UnicodeWidthStr::width)
        .max()
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_fit_the_width_counting_chinese_as_two_columns() {
        let lines = wrap("理论学习的系统性不强以会代学", 10);
        assert_eq!(lines, ["理论学习的", "系统性不强", "以会代学"]);
    }

    #[test]
    fn no_line_starts_with_closing_punctuation() {
        let lines = wrap("理论学习的系统性不强，以会代学", 10);
        assert_eq!(lines, ["理论学习的", "系统性不", "强，以会代", "学"]);
        for line in &lines {
            assert!(!line.starts_with(|c: char| NO_START.contains(c)), "{line}");
        }
    }

    #[test]
    fn a_run_of_closing_punctuation_moves_with_the_character_before_it() {
        assert_eq!(wrap("融合不够，…", 8), ["融合不", "够，…"]);
    }

    #[test]
    fn an_opening_bracket_moves_to_the_next_line() {
        let lines = wrap("印发通知（临财", 10);
        assert_eq!(lines, ["印发通知", "（临财"]);
    }

    #[test]
    fn dates_and_ids_are_not_broken() {
        assert_eq!(
            wrap("截至2025-06-30完成", 12),
            ["截至", "2025-06-30完", "成"]
        );
    }

    #[test]
    fn existing_line_breaks_are_kept() {
        assert_eq!(
            wrap("已完成\n（据2023总结）", 20),
            ["已完成", "（据2023总结）"]
        );
    }
}

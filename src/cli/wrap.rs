//! Wrapping help text by display width, for Chinese and English alike.
//!
//! Clap breaks lines only at ASCII spaces, so a Chinese sentence (which has none) would run past
//! the terminal's edge and the terminal would break it anywhere, inside `--unit` as well. Help is
//! therefore rendered unwrapped and wrapped here: a line may break at a space or between two CJK
//! characters, never inside a run of ASCII (an option name, an id, a date, a file name), never
//! before a closing mark (，。）…) and never after an opening one (（《…). A line of a list (an
//! option, a subcommand) continues under the start of its description. Everything after the
//! examples heading is left exactly as it is, so an example can be pasted.

use unicode_width::UnicodeWidthStr;

use crate::render::wrap::{NO_END, NO_START};

/// The width help is wrapped to: the width tables are fitted to (`COLUMNS`, else the
/// terminal's), between 40 and 100; 100 if unknown.
pub fn terminal_width() -> usize {
    crate::render::table::width().unwrap_or(100).clamp(40, 100)
}

/// Wraps every line of `text` to `width` display columns, except the lines after a line equal
/// to one of `verbatim_after` (the examples heading), which are kept as they are.
pub fn wrap_help(text: &str, width: usize, verbatim_after: &[&str]) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    let mut verbatim = false;
    for line in text.split('\n') {
        if !out.is_empty() {
            out.push('\n');
        }
        if verbatim || UnicodeWidthStr::width(line) <= width {
            out.push_str(line.trim_end());
        } else {
            wrap_line(line, width, &mut out);
        }
        if verbatim_after.contains(&line.trim_end()) {
            verbatim = true;
        }
    }
    out
}

/// The column a list line's description starts at (`  --unit <UNIT>  说明` → the column of 说明),
/// or the line's own indentation.
fn hanging_indent(line: &str) -> usize {
    let lead = line.len() - line.trim_start_matches(' ').len();
    // Options without a short form are indented by 6; descriptions on their own line by 10.
    if lead > 0 && lead <= 6 {
        if let Some(gap) = line[lead..].find("  ") {
            let rest = &line[lead + gap..];
            let desc = rest.len() - rest.trim_start_matches(' ').len();
            if desc < rest.len() {
                return UnicodeWidthStr::width(&line[..lead + gap + desc]);
            }
        }
    }
    lead
}

fn wrap_line(line: &str, width: usize, out: &mut String) {
    let mut indent = hanging_indent(line);
    // A description that would have less than 24 columns continues on the next line instead.
    let (head, body) = split_at_column(line, indent);
    let mut current = head.to_string();
    if width.saturating_sub(indent) < 24 {
        out.push_str(head.trim_end());
        out.push('\n');
        indent = (line.len() - line.trim_start_matches(' ').len()) + 8;
        current = " ".repeat(indent);
    }
    let mut current_width = UnicodeWidthStr::width(current.as_str());
    let mut pending_space = false;
    for piece in pieces(body) {
        if piece == " " {
            pending_space = true;
            continue;
        }
        let piece_width = UnicodeWidthStr::width(piece);
        let space = usize::from(pending_space);
        if current_width > indent && current_width + space + piece_width > width {
            out.push_str(current.trim_end());
            out.push('\n');
            current = " ".repeat(indent);
            current_width = indent;
        } else if pending_space && current_width > indent {
            current.push(' ');
            current_width += 1;
        }
        pending_space = false;
        current.push_str(piece);
        current_width += piece_width;
    }
    out.push_str(current.trim_end());
}

fn split_at_column(line: &str, column: usize) -> (&str, &str) {
    let mut width = 0;
    for (i, ch) in line.char_indices() {
        if width >= column {
            return (&line[..i], &line[i..]);
        }
        width += unicode_width::UnicodeWidthChar::width(ch).unwrap_or(0);
    }
    (line, "")
}

/// Splits text into unbreakable pieces: a single space, a run of non-space ASCII (with any
/// closing marks after it and opening marks before it), or one wide character (likewise).
fn pieces(text: &str) -> Vec<&str> {
    let mut pieces = Vec::new();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (at, ch) = chars[i];
        if ch == ' ' {
            pieces.push(&text[at..at + 1]);
            i += 1;
            continue;
        }
        // Opening marks stick to what follows.
        let mut j = i;
        while j < chars.len() && NO_END.contains(chars[j].1) {
            j += 1;
        }
        if j < chars.len() && chars[j].1.is_ascii() && chars[j].1 != ' ' {
            while j < chars.len() && chars[j].1.is_ascii() && chars[j].1 != ' ' {
                j += 1;
            }
        } else if j < chars.len() && chars[j].1 != ' ' {
            j += 1;
        }
        // Closing marks stick to what precedes.
        while j < chars.len() && NO_START.contains(chars[j].1) && !chars[j].1.is_ascii() {
            j += 1;
        }
        let end = chars.get(j).map_or(text.len(), |c| c.0);
        pieces.push(&text[at..end]);
        i = j.max(i + 1);
    }
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;

    fn widths(text: &str) -> Vec<usize> {
        text.lines().map(UnicodeWidthStr::width).collect()
    }

    #[test]
    fn chinese_breaks_between_characters_and_keeps_punctuation_with_its_word() {
        let text =
            "  --unit <UNIT>  单位名称或简称，须为已登记的单位；未登记的单位请先用 unit add 登记。";
        let wrapped = wrap_help(text, 50, &[]);
        assert!(widths(&wrapped).iter().all(|&w| w <= 50), "{wrapped}");
        for line in wrapped.lines().skip(1) {
            assert!(line.starts_with("                 "), "{wrapped}");
            let first = line.trim_start().chars().next().unwrap();
            assert!(!NO_START.contains(first), "{wrapped}");
        }
        assert!(
            wrapped.contains("unit add") || wrapped.contains("unit\n"),
            "{wrapped}"
        );
    }

    #[test]
    fn option_names_and_ids_are_never_split() {
        let text =
            "Use --unit with a known unit name or alias, and --year with the year summarised.";
        let wrapped = wrap_help(text, 20, &[]);
        for word in ["--unit", "--year", "summarised."] {
            assert!(wrapped.contains(word), "{wrapped}");
        }
        assert!(widths(&wrapped).iter().all(|&w| w <= 20), "{wrapped}");
    }

    #[test]
    fn lines_after_the_examples_heading_are_kept() {
        let long = format!("  taizhang measure add {}", "x".repeat(90));
        let text = format!("说明\n示例：\n{long}");
        assert_eq!(wrap_help(&text, 80, &["示例："]), text);
    }
}

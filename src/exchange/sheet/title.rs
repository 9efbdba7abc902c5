//! What a ledger states above its header or in its file name: the title, the unit (填报单位：…)
//! and the year. A 填报人 / 填报日期 line is neither the title nor a year.

use super::cells::non_empty;
use crate::exchange::grid::Grid;

/// The title, unit and year stated above the header.
pub(super) fn above_header(
    grid: &Grid,
    header_row: usize,
) -> (Option<String>, Option<String>, Option<i32>) {
    let lines: Vec<String> = (0..header_row)
        .map(|r| {
            let mut texts: Vec<String> = Vec::new();
            for c in 0..grid.rows[r].len() {
                let text = grid.value(r, c).text();
                if !text.is_empty() && texts.last() != Some(&text) {
                    texts.push(text);
                }
            }
            texts.join(" ")
        })
        .filter(|t| !t.is_empty())
        .collect();
    let stated = lines.iter().find_map(|l| labelled_unit(l));
    // The title is the line naming a year (附件2 above it is not); else the first plain line.
    // A line saying who filed the ledger and when (填报人：… 填报日期：…) is neither.
    let plain: Vec<&String> = lines
        .iter()
        .filter(|l| labelled_unit(l).is_none() && !is_filed_line(l))
        .collect();
    let title = plain
        .iter()
        .find(|l| unit_and_year(l).1.is_some())
        .or(plain.first())
        .map(|l| l.to_string());
    let (title_unit, year) = title.as_deref().map(unit_and_year).unwrap_or_default();
    (title, stated.or(title_unit), year)
}

/// A line of who filed the ledger and when: 填报人：张三  填报日期：2026年1月15日.
fn is_filed_line(line: &str) -> bool {
    [
        "填报人",
        "填表人",
        "填报日期",
        "填报时间",
        "填表日期",
        "联系电话",
    ]
    .iter()
    .any(|label| line.contains(label))
}

/// `填报单位：临江市财政局  填报时间：…` → 临江市财政局.
fn labelled_unit(line: &str) -> Option<String> {
    let at = ["填报单位", "单位名称", "单位"]
        .iter()
        .find_map(|label| line.find(label).map(|i| i + label.len()))?;
    let rest = line[at..]
        .trim_start()
        .strip_prefix([':', '：'])?
        .trim_start();
    let end = rest
        .find(|c: char| c.is_whitespace() || c == '\u{3000}')
        .unwrap_or(rest.len());
    let unit = rest[..end].trim_end_matches(['（', '(']);
    let unit = unit.split(['（', '(']).next().unwrap_or(unit).trim();
    non_empty(unit.to_string())
}

/// The unit and year a title or file name states: `临江市财政局2024年度问题整改台账` →
/// (临江市财政局, 2024).
pub fn unit_and_year(title: &str) -> (Option<String>, Option<i32>) {
    let chars: Vec<(usize, char)> = title.char_indices().collect();
    for (i, window) in chars.windows(5).enumerate() {
        let digits = window[..4].iter().all(|(_, c)| c.is_ascii_digit());
        if !(digits && window[4].1 == '年') {
            continue;
        }
        let start = window[0].0;
        let Ok(year) = title[start..start + 4].parse::<i32>() else {
            continue;
        };
        if !crate::model::YEARS.contains(&year) || (i > 0 && chars[i - 1].1.is_ascii_digit()) {
            continue;
        }
        let prefix = title[..start].trim();
        let prefix = prefix
            .trim_start_matches(|c: char| "附件".contains(c) || c.is_ascii_digit())
            .trim_start_matches([':', '：', ' ', '\u{3000}'])
            .trim_end_matches(['：', ':', '（', '(', ' ', '\u{3000}']);
        return (non_empty(prefix.to_string()), Some(year));
    }
    (None, None)
}

//! Problems listed inside one sentence: `主要存在公开不及时、缺乏专人管理等问题`,
//! `还存在一些问题，如宣传不足，业务不熟，人员缺乏等等，有待解决`. Each phrase of the list is a
//! problem; the words around it (the lead-in, `等问题`, `有待…`) are not.

use std::ops::Range;

use super::text::{contains_any, one_of, trim_range};

/// Words that open such a list: what follows them up to `等` is the list.
const OPENERS: &[&str] = &[
    "主要存在",
    "存在着",
    "存在",
    "主要有",
    "主要表现为",
    "表现为",
    "主要是",
    "比如",
    "例如",
    "如",
];

/// What may follow `等`: the list was of problems.
const AFTER: &[&str] = &["问题", "不足", "现象", "情况", "短板", "方面"];

/// The phrases of a list inside the single problem `span`, when it holds one of at least two
/// phrases (each up to 30 characters); `None` otherwise.
pub(super) fn phrases(text: &str, span: Range<usize>) -> Option<Vec<Range<usize>>> {
    let item = &text[span.clone()];
    let (list_end, _) = item.match_indices('等').find(|&(i, _)| {
        let after = item[i..].trim_start_matches('等');
        let after = after.trim_start_matches(|c: char| one_of(c, "的方面几个一些种类"));
        after.starts_with(|c: char| one_of(c, "，,。；;")) && item[..i].contains('如')
            || AFTER.iter().any(|w| after.starts_with(w))
            || after.is_empty()
    })?;
    let head = &item[..list_end];
    let (open_at, open) = OPENERS
        .iter()
        .filter_map(|w| head.rfind(w).map(|i| (i, *w)))
        .max_by_key(|&(i, w)| (i + w.len(), w.len()))?;
    let mut list_start = open_at + open.len();
    // 如 opens the list only after its problems are named: 还存在一些问题，如…
    if open == "如" && !contains_any(&head[..open_at], &["问题", "不足", "差距", "短板"]) {
        return None;
    }
    list_start += head[list_start..].len()
        - head[list_start..]
            .trim_start_matches(['：', ':', '，', ','])
            .len();
    let list = &head[list_start..];
    let separator = if list.contains('、') && !list.contains(['，', ',']) {
        '、'
    } else if list.contains(['，', ',']) {
        '，'
    } else {
        return None;
    };
    let mut parts = Vec::new();
    let mut from = 0;
    let split_at: Vec<usize> = list
        .char_indices()
        .filter(|&(_, c)| {
            if separator == '、' {
                c == '、'
            } else {
                c == '，' || c == ','
            }
        })
        .map(|(i, _)| i)
        .collect();
    for &at in &split_at {
        parts.push(from..at);
        from = at + list[at..].chars().next().map_or(1, char::len_utf8);
    }
    parts.push(from..list.len());
    let base = span.start + list_start;
    let parts: Vec<Range<usize>> = parts
        .into_iter()
        .map(|r| trim_range(text, base + r.start..base + r.end))
        .collect();
    let short = parts
        .iter()
        .all(|r| !r.is_empty() && text[r.clone()].chars().count() <= 30);
    (parts.len() >= 2 && short).then_some(parts)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Option<Vec<&str>> {
        let parts = phrases(text, 0..text.len())?;
        Some(parts.into_iter().map(|r| &text[r]).collect())
    }

    #[test]
    fn a_list_before_deng_wenti_is_one_problem_per_phrase() {
        assert_eq!(
            split("我镇工作主要存在台账不全、宣传不够、人员偏少等问题"),
            Some(vec!["台账不全", "宣传不够", "人员偏少"])
        );
    }

    #[test]
    fn a_list_after_ru_is_split_at_its_commas() {
        assert_eq!(
            split("但仍存在一些问题，如培训不足，业务不熟，力量薄弱等等，有待今后加以解决"),
            Some(vec!["培训不足", "业务不熟", "力量薄弱"])
        );
    }

    #[test]
    fn a_sentence_without_such_a_list_is_left_whole() {
        assert_eq!(split("学习形式单一，互动性不强"), None);
        assert_eq!(split("对群众反映的停车难等问题回应不够及时"), None);
        assert_eq!(split("如期完成整改任务"), None);
    }
}

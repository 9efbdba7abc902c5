//! `report --sources`: after the section, which record each sentence came from (P3, M5, the
//! progress entry of 2025年5月20日, the ledger's figures), so a writer can check it before it
//! goes up. Works on the rendered text, so a user's own template is traced too: a sentence is
//! traced to every record whose words it contains.

use super::prose_dates::cn_date;
use super::table::shorten;
use super::Lang;
use crate::analysis::report::Report;

/// How many characters of a record's text are looked for: templates may shorten a text, and
/// the opening words identify it.
const NEEDLE_CHARS: usize = 12;

/// Display width of the sentence shown before its sources.
const SHOWN_WIDTH: usize = 40;

/// The opening words of `text` that are looked for in the section.
fn needle(text: &str) -> String {
    let text = text
        .trim()
        .trim_end_matches(['。', '；', '，', '.', ';', ',']);
    text.chars().take(NEEDLE_CHARS).collect()
}

/// Every record the section can quote, as (words looked for, label, the date a progress
/// entry is told with).
fn pieces(report: &Report, lang: Lang) -> Vec<(String, String, Option<String>)> {
    let mut out = Vec::new();
    let measure = |m: &crate::analysis::report::ReportMeasure, out: &mut Vec<_>| {
        if let Some(title) = &m.title {
            out.push((needle(title), m.id.to_string(), None));
        }
        out.push((needle(&m.text), m.id.to_string(), None));
    };
    for item in &report.review.items {
        out.push((needle(&item.short), item.id.to_string(), None));
        out.push((needle(&item.text), item.id.to_string(), None));
        for m in &item.measures {
            measure(m, &mut out);
        }
        for e in &item.entries {
            let label = match lang {
                Lang::Zh => format!("{}的进展（{}）", e.item, cn_date(e.date)),
                Lang::En => format!("progress on {} of {}", e.item, e.date),
            };
            out.push((needle(&e.text), label, Some(cn_date(e.date))));
        }
        if let Some(reason) = &item.reason {
            let label = match lang {
                Lang::Zh => format!("{}的最近进展", item.id),
                Lang::En => format!("latest progress on {}", item.id),
            };
            out.push((needle(reason), label, None));
        }
    }
    for p in &report.problems {
        out.push((needle(&p.text), p.id.to_string(), None));
    }
    for m in &report.plans {
        measure(m, &mut out);
    }
    out.retain(|(n, _, _)| n.chars().count() >= 2);
    out
}

/// The sources list printed after the section `text` rendered from `report`.
pub fn sources(report: &Report, text: &str, lang: Lang) -> String {
    let pieces = pieces(report, lang);
    let figures = lang.pick("台账统计", "ledger figures");
    let opening = format!("截至{}", cn_date(report.as_of));
    let mut out = format!("{}\n", lang.pick("——来源——", "-- sources --"));
    for line in text.lines() {
        for sentence in line.split_inclusive('。') {
            let sentence = sentence.trim();
            let found: Vec<&(String, String, Option<String>)> = pieces
                .iter()
                .filter(|(words, _, _)| sentence.contains(words.as_str()))
                .collect();
            // A sentence that gives an entry's date is that entry's, not an earlier one's
            // whose words it repeats.
            let dated = found
                .iter()
                .any(|(_, _, date)| date.as_ref().is_some_and(|d| sentence.contains(d.as_str())));
            let mut labels: Vec<&str> = Vec::new();
            for (_, label, date) in found {
                let other_day = dated
                    && date
                        .as_ref()
                        .is_some_and(|d| !sentence.contains(d.as_str()));
                if !other_day && !labels.contains(&label.as_str()) {
                    labels.push(label);
                }
            }
            if labels.is_empty() && (sentence.contains(&opening) || has_count(sentence)) {
                labels.push(figures);
            }
            if !labels.is_empty() {
                out.push_str(&format!(
                    "{}  ← {}\n",
                    shorten(sentence, SHOWN_WIDTH),
                    labels.join(lang.pick("、", ", "))
                ));
            }
        }
    }
    out
}

/// A figure in the sentence: a number followed by 个, 条, 项 or %.
fn has_count(sentence: &str) -> bool {
    let chars: Vec<char> = sentence.chars().collect();
    chars
        .windows(2)
        .any(|w| w[0].is_ascii_digit() && matches!(w[1], '个' | '条' | '项' | '%'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_figure_is_a_number_with_its_measure_word() {
        assert!(has_count("共查摆问题3个"));
        assert!(has_count("完成率67%"));
        assert!(!has_count("2024年6月28日，制定学习计划"));
    }
}

//! `taizhang import --explain`: why each item was read and what was passed over, for a person
//! (the default) or as JSON/CSV (one row per item or passed-over piece).

use std::io::{self, Write};

use serde::Serialize;

use crate::import::{Explanation, Passed, PassedReason, Reason, Why};
use crate::render::{Format, Lang};

#[derive(Serialize)]
struct Explained<'a> {
    file: &'a str,
    #[serde(flatten)]
    explanation: &'a Explanation,
}

/// The explanations of the files given, in the format asked for.
pub fn print_explanations(
    out: &mut dyn Write,
    format: Format,
    lang: Lang,
    explained: &[(String, Explanation)],
) -> io::Result<()> {
    match format {
        Format::Json => {
            let objects: Vec<Explained> = explained
                .iter()
                .map(|(file, explanation)| Explained { file, explanation })
                .collect();
            let text = match objects.as_slice() {
                [one] => serde_json::to_string_pretty(one),
                many => serde_json::to_string_pretty(many),
            }
            .map_err(io::Error::other)?;
            writeln!(out, "{text}")
        }
        Format::Csv => csv(out, explained),
        Format::Table | Format::Md => {
            for (k, (file, explanation)) in explained.iter().enumerate() {
                if k > 0 {
                    writeln!(out)?;
                }
                text(out, lang, file, explanation)?;
            }
            Ok(())
        }
    }
}

fn csv(out: &mut dyn Write, explained: &[(String, Explanation)]) -> io::Result<()> {
    let mut writer = crate::render::cells::CsvWriter::from_writer(out);
    writer.write_record([
        "file",
        "kind",
        "index",
        "paragraph",
        "reason",
        "section",
        "marker",
        "text",
    ])?;
    for (file, e) in explained {
        for (kind, items) in [
            ("problem", &e.problems),
            ("measure", &e.measures),
            ("outcome", &e.outcomes),
        ] {
            for (i, why) in items.iter().enumerate() {
                writer.write_record([
                    file.as_str(),
                    kind,
                    &(i + 1).to_string(),
                    &why.paragraph.to_string(),
                    reason_code(why.reason),
                    &why.section,
                    why.marker.as_deref().unwrap_or(""),
                    &why.text,
                ])?;
            }
        }
        for passed in &e.passed {
            writer.write_record([
                file.as_str(),
                "passed",
                "",
                &passed.paragraph.to_string(),
                passed_code(passed.reason),
                "",
                "",
                &passed.text,
            ])?;
        }
    }
    writer.flush()
}

fn text(out: &mut dyn Write, lang: Lang, file: &str, e: &Explanation) -> io::Result<()> {
    writeln!(out, "{file}")?;
    for (title, items) in [
        (lang.pick("问题", "Problems"), &e.problems),
        (lang.pick("措施", "Measures"), &e.measures),
        (lang.pick("上年问题整改情况", "Outcomes"), &e.outcomes),
    ] {
        match lang {
            Lang::Zh => writeln!(out, "{title}（{}条）", items.len())?,
            Lang::En => writeln!(out, "{title} ({})", items.len())?,
        }
        for (i, why) in items.iter().enumerate() {
            writeln!(out, "  {}. {}", i + 1, one_line(&why.text))?;
            writeln!(out, "     {}", why_line(lang, why))?;
        }
    }
    writeln!(out, "{}", lang.pick("未取的文字", "Passed over"))?;
    if e.passed.is_empty() {
        writeln!(out, "  {}", lang.pick("（无）", "(none)"))?;
    }
    for passed in &e.passed {
        writeln!(out, "  {}", passed_line(lang, passed))?;
    }
    Ok(())
}

fn one_line(text: &str) -> String {
    text.replace(['\n', '\r'], " ")
}

fn why_line(lang: Lang, why: &Why) -> String {
    let marker = why.marker.as_deref();
    match lang {
        Lang::Zh => {
            let place = match why.reason {
                Reason::Heading => format!("标题“{}”下", why.section),
                Reason::Label => format!("标签“{}”后", why.section),
                Reason::LeadIn => format!("引导语“{}”之后", why.section),
                Reason::PageStart => "页首的编号标题下（本页没有部分标题）".to_string(),
                Reason::Embedded => "成绩部分中的整改情况".to_string(),
            };
            let marker = marker.map_or(String::new(), |m| format!("，编号“{m}”"));
            format!("← {place}{marker}，第{}段", why.paragraph)
        }
        Lang::En => {
            let place = match why.reason {
                Reason::Heading => format!("under the heading \"{}\"", why.section),
                Reason::Label => format!("after the label \"{}\"", why.section),
                Reason::LeadIn => format!("after the lead-in \"{}\"", why.section),
                Reason::PageStart => {
                    "under the numbered headings the page starts with (it has no section heading)"
                        .to_string()
                }
                Reason::Embedded => "reported inside the achievements".to_string(),
            };
            let marker = marker.map_or(String::new(), |m| format!(", marker \"{m}\""));
            format!("<- {place}{marker}, paragraph {}", why.paragraph)
        }
    }
}

fn passed_line(lang: Lang, passed: &Passed) -> String {
    let reason = match (lang, passed.reason) {
        (Lang::Zh, PassedReason::Outside) => "不在问题、措施或整改情况部分",
        (Lang::Zh, PassedReason::Heading) => "部分标题",
        (Lang::Zh, PassedReason::LeadIn) => "引导语",
        (Lang::Zh, PassedReason::WrapUp) => "结束语",
        (Lang::Zh, PassedReason::Between) => "条目之间的文字",
        (Lang::En, PassedReason::Outside) => "outside any problems, measures or outcomes section",
        (Lang::En, PassedReason::Heading) => "section heading",
        (Lang::En, PassedReason::LeadIn) => "lead-in",
        (Lang::En, PassedReason::WrapUp) => "wrap-up",
        (Lang::En, PassedReason::Between) => "between items",
    };
    match lang {
        Lang::Zh => format!(
            "第{}段 {reason}：{}",
            passed.paragraph,
            one_line(&passed.text)
        ),
        Lang::En => format!(
            "paragraph {} {reason}: {}",
            passed.paragraph,
            one_line(&passed.text)
        ),
    }
}

fn reason_code(reason: Reason) -> &'static str {
    match reason {
        Reason::Heading => "heading",
        Reason::Label => "label",
        Reason::LeadIn => "lead_in",
        Reason::PageStart => "page_start",
        Reason::Embedded => "embedded",
    }
}

fn passed_code(reason: PassedReason) -> &'static str {
    match reason {
        PassedReason::Outside => "outside",
        PassedReason::Heading => "heading",
        PassedReason::LeadIn => "lead_in",
        PassedReason::WrapUp => "wrap_up",
        PassedReason::Between => "between",
    }
}

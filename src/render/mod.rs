//! Turning computed values into output: tables for people, JSON/CSV for machines, Markdown.
//!
//! Renderers take plain values and a writer; they never query the store. Machine formats use
//! English snake_case keys and status codes and are a stable contract (see README); tables and
//! Markdown use Chinese labels by default and English with `--lang en`.

pub mod cells;
pub mod common;
pub mod dashboard;
pub mod docx;
pub mod exchange;
pub mod history;
pub mod import;
pub mod item;
pub mod ledger;
pub mod links;
pub mod numerals;
pub mod operations;
pub mod outcome;
pub mod paint;
pub mod prose_dates;
pub mod records;
pub mod recur;
pub mod report;
pub mod report_sources;
pub mod rollup;
pub mod shapes;
pub mod stats;
pub mod stream;
pub mod table;
pub mod units;
pub mod wrap;

pub use records::{emit, Column, Record};

/// How a command prints data (`--format`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Format {
    /// Aligned table for people
    #[default]
    Table,
    /// JSON, stable keys (see README)
    Json,
    /// CSV with a header row, stable keys (see README)
    Csv,
    /// Markdown table
    Md,
}

/// Language of labels in tables, Markdown and messages (`--lang`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Lang {
    /// 中文
    #[default]
    Zh,
    /// English
    En,
}

impl Lang {
    /// The language a command line asks for before clap has parsed it (for clap's own errors
    /// and help): the last `--lang X` / `--lang=X` among `args`, else `TAIZHANG_LANG` (`env`),
    /// else Chinese. Anything unrecognised reads as Chinese; clap reports it later.
    pub fn requested<I, S>(args: I, env: Option<&str>) -> Lang
    where
        I: IntoIterator<Item = S>,
        S: AsRef<std::ffi::OsStr>,
    {
        let parse = |v: &str| match v.trim().to_ascii_lowercase().as_str() {
            "en" | "english" => Some(Lang::En),
            "zh" | "cn" | "chinese" => Some(Lang::Zh),
            _ => None,
        };
        let mut from_args = None;
        let mut next_is_value = false;
        for arg in args {
            let arg = arg.as_ref().to_string_lossy();
            if next_is_value {
                from_args = parse(&arg).or(from_args);
                next_is_value = false;
            } else if arg == "--" {
                break;
            } else if arg == "--lang" {
                next_is_value = true;
            } else if let Some(v) = arg.strip_prefix("--lang=") {
                from_args = parse(v).or(from_args);
            }
        }
        from_args
            .or_else(|| env.and_then(parse))
            .unwrap_or_default()
    }

    /// Picks the Chinese or the English wording.
    pub fn pick<'a>(self, zh: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }

    pub fn status(self, status: crate::model::Status) -> &'static str {
        match self {
            Lang::Zh => status.label_zh(),
            Lang::En => status.label_en(),
        }
    }

    /// A status with where it comes from, for a table cell (two short lines).
    pub fn standing_cell(self, standing: crate::model::Standing) -> String {
        match self {
            Lang::Zh => standing.cell_zh(),
            Lang::En => standing.cell_en(),
        }
    }

    /// A status with where it comes from: `已完成（据2023年度总结）`.
    pub fn standing(self, standing: crate::model::Standing) -> String {
        match self {
            Lang::Zh => standing.label_zh(),
            Lang::En => standing.label_en(),
        }
    }
}

/// Shows a deadline the way a ledger does: a date, 立行立改 or 长期坚持 (the date of an immediate
/// measure is in its JSON and in `show`).
pub fn deadline_label(deadline: Option<crate::model::Deadline>, lang: Lang) -> String {
    use crate::model::Deadline;
    match deadline {
        None => String::new(),
        Some(Deadline::ByDate(d)) => d.to_string(),
        Some(Deadline::Immediate(_)) => lang.pick("立行立改", "immediate").to_string(),
        Some(Deadline::LongTerm) => lang.pick("长期坚持", "long-term").to_string(),
    }
}

#[cfg(test)]
mod lang_tests {
    use super::Lang;

    #[test]
    fn the_language_asked_for_is_read_before_parsing() {
        assert_eq!(Lang::requested(["taizhang", "status"], None), Lang::Zh);
        assert_eq!(
            Lang::requested(["taizhang", "--lang", "en"], None),
            Lang::En
        );
        assert_eq!(
            Lang::requested(["taizhang", "--lang=en"], Some("zh")),
            Lang::En
        );
        assert_eq!(Lang::requested(["taizhang"], Some("en")), Lang::En);
        assert_eq!(
            Lang::requested(["taizhang", "--", "--lang=en"], None),
            Lang::Zh
        );
    }
}

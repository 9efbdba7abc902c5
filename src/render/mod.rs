//! Turning computed values into output: tables for people, JSON/CSV for machines, Markdown.
//!
//! Renderers take plain values and a writer; they never query the store. Machine formats use
//! English snake_case keys and status codes and are a stable contract (see README); tables and
//! Markdown use Chinese labels by default and English with `--lang en`.

pub mod cells;
pub mod common;
pub mod docx;
pub mod history;
pub mod import;
pub mod item;
pub mod ledger;
pub mod links;
pub mod numerals;
pub mod operations;
pub mod outcome;
pub mod records;
pub mod recur;
pub mod report;
pub mod stats;
pub mod table;
pub mod units;

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

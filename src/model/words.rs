//! The genre's words in one place: what summaries, ledgers and users write for a status (已完成,
//! 正在推进, 长期坚持 …) and for a deadline (立行立改, 即知即改, 长期坚持, 年底前 …), and the labels
//! taizhang prints for each status, full and short, in Chinese and English.
//!
//! The readers keep their grammar and search these tables: the summary reader
//! (`import::status`, `import::deadline`), the ledger reader (`exchange::words`,
//! `exchange::deadline`) and `--status` ([`Status`]'s `FromStr`). Stats, the figures sheets and
//! the report template take their labels from [`Labels`]. No other file lists these words.
//!
//! A word is not read everywhere: 完成 alone is a status in a ledger's cell but not in a
//! sentence (6月底前完成), and 持续推进 is a status in prose but a deadline in a 整改时限 cell.
//! [`Heard`] says where each word is read.

mod deadline_words;
mod labels;
mod status_words;

pub use deadline_words::{deadline_words, DeadlineWord, DEADLINE_WORDS};
pub use labels::Labels;
pub use status_words::{status_words, StatusWord, NEGATIONS, STATUS_WORDS};

/// Where a word means what its table says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Heard {
    /// In a summary's sentences, in a ledger's cells and as typed (`--status 整改到位`).
    Everywhere,
    /// In a ledger's cells and as typed, not in a sentence: too short or too loose there (完成,
    /// 长期, 持续推进 as a deadline).
    InCells,
    /// In a summary's sentences only: a sentence's way of saying it (初见成效, 需长期), not a word
    /// a cell holds or a user types.
    InProse,
    /// Only as the whole of a cell (是否完成: 是 / 否).
    AsWholeCell,
}

/// The two places words are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reader {
    /// A summary's sentences (the importer).
    Prose,
    /// A ledger's cells (the ledger reader) and what a user types.
    Cell,
}

impl Heard {
    /// Whether `reader` reads a word heard here (a whole-cell word is asked for apart).
    pub fn by(self, reader: Reader) -> bool {
        matches!(
            (self, reader),
            (Heard::Everywhere, _)
                | (Heard::InCells, Reader::Cell)
                | (Heard::InProse, Reader::Prose)
        )
    }
}

#[cfg(test)]
mod tests;

//! The words for a kind of deadline: at once (立行立改, 即知即改 …), ongoing (长期坚持 …) and by
//! the year's end (年内, 年底前 …), for the summary reader and the ledger reader alike.

use super::{Heard, Reader};

/// What a deadline word says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DeadlineWord {
    /// Due at once: 立行立改.
    Immediate,
    /// Ongoing, never overdue: 长期坚持.
    LongTerm,
    /// By the end of the year: 年底前 (a sentence's word; a cell's 年底前 is read as a date).
    YearEnd,
}

use DeadlineWord::{Immediate, LongTerm, YearEnd};
use Heard::{Everywhere as All, InCells as Cells, InProse as Prose};

/// Every deadline word, each once, with where it is read. In a 整改时限 cell 长期 and 持续推进
/// mean an ongoing measure; in a sentence they are too common to be one (持续推进整改 is how a
/// sentence says a status).
pub const DEADLINE_WORDS: &[(&str, DeadlineWord, Heard)] = &[
    ("立行立改", Immediate, All),
    ("立即整改", Immediate, All),
    ("即知即改", Immediate, All),
    ("立查立改", Immediate, All),
    ("马上就改", Immediate, All),
    ("长期坚持", LongTerm, All),
    ("长期推进", LongTerm, All),
    ("长期开展", LongTerm, Prose),
    ("长期抓", LongTerm, Prose),
    ("长期", LongTerm, Cells),
    ("常态化", LongTerm, Cells),
    ("持续推进", LongTerm, Cells),
    ("持续整改", LongTerm, Cells),
    ("年内", YearEnd, Prose),
    ("年底前", YearEnd, Prose),
    ("年底", YearEnd, Prose),
    ("年末前", YearEnd, Prose),
    ("年末", YearEnd, Prose),
    ("本年度内", YearEnd, Prose),
    ("年度内", YearEnd, Prose),
];

/// The words of `kind` that `reader` reads, in table order.
pub fn deadline_words(kind: DeadlineWord, reader: Reader) -> Vec<&'static str> {
    DEADLINE_WORDS
        .iter()
        .filter(|(_, k, heard)| *k == kind && heard.by(reader))
        .map(|(word, _, _)| *word)
        .collect()
}

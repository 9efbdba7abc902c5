//! The words for a status: one table for the summary reader, the ledger reader and `--status`,
//! each word once, with where it is read ([`Heard`]).

use super::{Heard, Reader};
use crate::model::Status;

/// One word for a status, and where it means that status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StatusWord {
    pub word: &'static str,
    pub status: Status,
    pub heard: Heard,
}

const fn w(word: &'static str, status: Status, heard: Heard) -> StatusWord {
    StatusWord {
        word,
        status,
        heard,
    }
}

use Heard::{AsWholeCell as Whole, Everywhere as All, InCells as Cells, InProse as Prose};
use Status::{Done, Dropped, InProgress, LongTerm, NotDone, Planned};

/// Every status word. Within a status, the words a cell or a user may write come in the order
/// `progress --help` lists them. Order does not decide a reading: the ledger reader takes the
/// earliest, longest word in a cell, the summary reader the last phrase of a sentence.
pub const STATUS_WORDS: &[StatusWord] = &[
    w("已完成", Done, All),
    w("已整改", Done, All),
    w("完成", Done, Cells),
    w("整改完成", Done, All),
    w("完成整改", Done, All),
    w("已完成整改", Done, All),
    w("已整改到位", Done, Cells),
    w("整改到位", Done, All),
    w("已办结", Done, Cells),
    w("办结", Done, Cells),
    w("已落实", Done, All),
    w("已解决", Done, All),
    w("销号", Done, Cells),
    w("已销号", Done, All),
    w("已整改完成", Done, Prose),
    w("完成销号", Done, Prose),
    w("得到解决", Done, Prose),
    w("得到有效解决", Done, Prose),
    w("全部完成", Done, Prose),
    w("已按期完成", Done, Prose),
    w("正在推进", InProgress, All),
    w("正在整改", InProgress, All),
    w("整改中", InProgress, All),
    w("推进中", InProgress, All),
    w("进行中", InProgress, Cells),
    w("持续整改", InProgress, All),
    w("持续推进", InProgress, All),
    w("基本完成", InProgress, All),
    w("部分完成", InProgress, All),
    w("阶段性完成", InProgress, Cells),
    w("正在落实", InProgress, All),
    w("落实中", InProgress, Cells),
    w("有序推进", InProgress, All),
    w("阶段性", InProgress, Prose),
    w("逐步推进", InProgress, Prose),
    w("初见成效", InProgress, Prose),
    w("有所改善", InProgress, Prose),
    w("有所好转", InProgress, Prose),
    w("正在进行", InProgress, Prose),
    w("否", InProgress, Whole),
    w("长期坚持", LongTerm, All),
    w("长期整改", LongTerm, All),
    w("持续坚持", LongTerm, Cells),
    w("长期推进", LongTerm, All),
    w("常态化推进", LongTerm, Cells),
    w("常抓不懈", LongTerm, All),
    w("需长期", LongTerm, Prose),
    w("长期", LongTerm, Whole),
    w("未完成", NotDone, All),
    w("尚未完成", NotDone, All),
    w("未整改", NotDone, All),
    w("未完成整改", NotDone, Cells),
    w("未按期完成", NotDone, Cells),
    w("逾期未完成", NotDone, Cells),
    w("没有完成", NotDone, All),
    w("未销号", NotDone, All),
    w("尚未销号", NotDone, Cells),
    w("未能完成", NotDone, Prose),
    w("尚未整改", NotDone, Prose),
    w("未到位", NotDone, Prose),
    w("尚未到位", NotDone, Prose),
    w("未按期", NotDone, Prose),
    w("尚未解决", NotDone, Prose),
    w("未解决", NotDone, Prose),
    w("没有解决", NotDone, Prose),
    w("未启动", Planned, Cells),
    w("尚未启动", Planned, Cells),
    w("未开始", Planned, Cells),
    w("待启动", Planned, Cells),
    w("计划中", Planned, Cells),
    w("已撤销", Dropped, Cells),
    w("撤销", Dropped, Cells),
    w("已取消", Dropped, Cells),
    w("不再整改", Dropped, Cells),
    w("是", Done, Whole),
    w("取消", Dropped, Whole),
];

/// The words `reader` reads, with their statuses, in table order.
pub fn status_words(reader: Reader) -> impl Iterator<Item = (&'static str, Status)> {
    STATUS_WORDS
        .iter()
        .filter(move |w| w.heard.by(reader))
        .map(|w| (w.word, w.status))
}

/// Words that, just before a done phrase in a sentence, negate it (未整改完成).
pub const NEGATIONS: &[&str] = &["未", "没有", "没", "尚未", "未能", "仍未"];

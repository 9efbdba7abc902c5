//! The labels taizhang prints for each status: full (tables, reports) and short (column heads),
//! in Chinese and English, and the phrase a report counts items with.

use crate::model::Status;

/// How a status is printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Labels {
    /// In tables and reports: 正在整改.
    pub zh: &'static str,
    /// With `--lang en`: in progress.
    pub en: &'static str,
    /// Under a two-line column head (问题 / 正在整改). The Chinese labels are four characters at
    /// most, so they are their own short form.
    pub zh_short: &'static str,
    /// Under a two-line English column head (Prob / prog).
    pub en_short: &'static str,
    /// How a report's sentence counts items in the status: 已完成3个，需长期坚持2个，尚未启动1个.
    pub zh_counted: &'static str,
}

const fn labels(
    zh: &'static str,
    en: &'static str,
    en_short: &'static str,
    zh_counted: &'static str,
) -> Labels {
    Labels {
        zh,
        en,
        zh_short: zh,
        en_short,
        zh_counted,
    }
}

impl Labels {
    /// The labels of `status`.
    pub const fn of(status: Status) -> &'static Labels {
        const PLANNED: Labels = labels("未启动", "planned", "plan", "尚未启动");
        const IN_PROGRESS: Labels = labels("正在整改", "in progress", "prog", "正在整改");
        const DONE: Labels = labels("已完成", "done", "done", "已完成");
        const LONG_TERM: Labels = labels("长期坚持", "long-term", "long", "需长期坚持");
        const NOT_DONE: Labels = labels("未完成", "not done", "fail", "未完成");
        const DROPPED: Labels = labels("已撤销", "dropped", "drop", "已撤销");
        const UNREPORTED: Labels = labels("未报告", "not reported", "unrep", "未报告整改情况");
        match status {
            Status::Planned => &PLANNED,
            Status::InProgress => &IN_PROGRESS,
            Status::Done => &DONE,
            Status::LongTerm => &LONG_TERM,
            Status::NotDone => &NOT_DONE,
            Status::Dropped => &DROPPED,
            Status::Unreported => &UNREPORTED,
        }
    }
}

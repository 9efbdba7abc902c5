//! The cards at the top of the dashboard: the completion rates, how many problems, overdue and
//! due-soon items and recurrences. Each figure is read from the computed dashboard, never counted
//! here.

use serde::Serialize;

use crate::analysis::dashboard::Dashboard;
use crate::analysis::stats::Figures;

/// A figure in a card at the top of the page.
#[derive(Debug, Serialize)]
pub(super) struct Card {
    key: &'static str,
    label: &'static str,
    /// The figure as data (empty when there is none).
    value: String,
    /// The figure as shown.
    shown: String,
    note: String,
    tone: &'static str,
}

fn rate_tone(rate: Option<u32>) -> &'static str {
    match rate {
        Some(90..) => "good",
        Some(60..) => "warn",
        Some(_) => "bad",
        None => "",
    }
}

/// The cards: the totals of `stats`, the lengths of the lists.
pub(super) fn cards(d: &Dashboard, due_within: i64) -> Vec<Card> {
    let total: &Figures = &d.by_year.total;
    let problems = total.problems.unwrap_or_default();
    let rate = |r: Option<u32>| r.map(|r| r.to_string()).unwrap_or_default();
    let shown = |r: Option<u32>| r.map_or("—".to_string(), |r| format!("{r}%"));
    let overdue_problems = total.overdue_problems.unwrap_or(0);
    let overdue = overdue_problems + total.overdue_measures;
    let count_tone = |n: usize, tone| if n > 0 { tone } else { "good" };
    vec![
        Card {
            key: "completion_rate",
            label: "整改完成率",
            value: rate(total.completion_rate),
            shown: shown(total.completion_rate),
            note: format!("已完成问题{}项", problems.done),
            tone: rate_tone(total.completion_rate),
        },
        Card {
            key: "problems",
            label: "查摆问题",
            value: problems.total.to_string(),
            shown: format!("{}项", problems.total),
            note: format!("长期坚持{}项", problems.long_term),
            tone: "",
        },
        Card {
            key: "measure_completion_rate",
            label: "措施完成率",
            value: rate(total.measure_completion_rate),
            shown: shown(total.measure_completion_rate),
            note: format!("整改措施{}条", total.measures.total),
            tone: rate_tone(total.measure_completion_rate),
        },
        Card {
            key: "overdue",
            label: "逾期事项",
            value: overdue.to_string(),
            shown: format!("{overdue}项"),
            note: format!("问题{overdue_problems}项、措施{}条", total.overdue_measures),
            tone: count_tone(overdue, "bad"),
        },
        Card {
            key: "due_soon",
            label: "近期到期",
            value: d.due_soon.len().to_string(),
            shown: format!("{}项", d.due_soon.len()),
            note: format!("{due_within}天内到整改时限"),
            tone: count_tone(d.due_soon.len(), "warn"),
        },
        Card {
            key: "recurrences",
            label: "反弹回潮",
            value: d.recurrences.len().to_string(),
            shown: format!("{}对", d.recurrences.len()),
            note: format!("已确认的问题{}项", total.recurring.unwrap_or(0)),
            tone: count_tone(d.recurrences.len(), "warn"),
        },
    ]
}

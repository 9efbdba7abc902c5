//! The dashboard (`taizhang dashboard`): one self-contained HTML page — inline CSS, inline SVG
//! charts, no script, nothing fetched — rendered through the embedded minijinja template
//! `templates/dashboard.html.j2` with HTML escaping on. Labels are Chinese, as in the report.
//!
//! This file turns the computed [`Dashboard`] into the values the page shows (no figure is
//! computed here: each is read from `stats`, `status` or `recur`'s results); `svg` draws the
//! charts.

mod cards;
pub mod svg;

use minijinja::value::Serde;
use minijinja::{AutoEscape, Environment};
use serde::Serialize;

use super::cells::escape_controls;
use super::prose_dates::cn_date;
use super::report::{template_error, LimitedOutput, TEMPLATE_FUEL};
use crate::analysis::dashboard::Dashboard;
use crate::analysis::figures::Counts;
use crate::analysis::recurrence::Level;
use crate::analysis::stats::Stats;
use crate::analysis::LedgerRow;
use crate::error::Result;
use crate::model::{ItemKind, Status};
use cards::{cards, Card};
use svg::{rate_chart, stacked_bar, Part, RateBar};

const TEMPLATE: &str = include_str!("templates/dashboard.html.j2");

/// A row of the overdue or due-soon list.
#[derive(Debug, Serialize)]
struct ItemView {
    id: String,
    kind: &'static str,
    unit: String,
    year: i32,
    text: String,
    owner: String,
    due: String,
    status: String,
    days: i64,
}

#[derive(Debug, Serialize)]
struct RecurView {
    unit: String,
    earlier_id: String,
    earlier_year: i32,
    earlier_text: String,
    later_id: String,
    later_year: i32,
    later_text: String,
    score: String,
    /// 高/中/低, as `recur` shows the score to a person.
    level: &'static str,
}

#[derive(Debug, Serialize)]
struct StatusView {
    code: &'static str,
    label: &'static str,
    colour: &'static str,
    problems: usize,
    measures: usize,
}

#[derive(Debug, Serialize)]
struct StackView {
    label: &'static str,
    total: usize,
    svg: String,
}

#[derive(Debug, Serialize)]
struct Totals {
    problems: usize,
    measures: usize,
}

/// Everything the template reads.
#[derive(Debug, Serialize)]
struct View {
    title: String,
    scope: String,
    as_of: String,
    due_within: i64,
    cards: Vec<Card>,
    year_chart: String,
    unit_chart: String,
    stacks: Vec<StackView>,
    statuses: Vec<StatusView>,
    totals: Totals,
    overdue: Vec<ItemView>,
    due_soon: Vec<ItemView>,
    recurrences: Vec<RecurView>,
}

/// The colour each status has in the charts.
fn colour(status: Status) -> &'static str {
    match status {
        Status::Planned => "#90a4ae",
        Status::InProgress => "#1565c0",
        Status::Done => "#2e7d32",
        Status::LongTerm => "#00897b",
        Status::NotDone => "#c62828",
        Status::Dropped => "#bdbdbd",
        Status::Unreported => "#8d6e63",
    }
}

/// Stored text made safe to show: control characters written out (the template escapes the rest).
fn clean(text: &str) -> String {
    escape_controls(text).into_owned()
}

fn rate_bars(stats: &Stats, label: fn(&str) -> String) -> Vec<RateBar> {
    stats
        .groups
        .iter()
        .map(|g| RateBar {
            group: clean(&g.group),
            label: label(&g.group),
            rate: g.completion_rate,
            note: format!("问题{}项", g.problems.map_or(0, |c| c.total)),
        })
        .collect()
}

fn item_view(row: &LedgerRow, days: i64) -> ItemView {
    ItemView {
        id: row.id.to_string(),
        kind: match row.kind() {
            ItemKind::Problem => "问题",
            ItemKind::Measure => "整改措施",
        },
        unit: clean(&row.unit),
        year: row.year,
        text: clean(&row.text),
        owner: clean(&row.owner_summary),
        due: super::deadline_label(row.deadline, super::Lang::Zh),
        status: row.standing().label_zh(),
        days,
    }
}

fn stack(label: &'static str, counts: Counts) -> StackView {
    let parts: Vec<Part> = Status::EVERY
        .iter()
        .map(|&s| Part {
            label: s.label_zh().to_string(),
            count: counts.of(s),
            colour: colour(s),
        })
        .collect();
    StackView {
        label,
        total: counts.total,
        svg: stacked_bar(label, &parts),
    }
}

fn view(d: &Dashboard, due_within: i64) -> View {
    let unit = d.scope.unit.as_deref().map(clean);
    let title = format!("{}整改台账看板", unit.as_deref().unwrap_or("各单位"));
    let scope = match (unit.as_deref(), d.scope.year) {
        (Some(u), Some(y)) => format!("{u} {y}年度"),
        (Some(u), None) => format!("{u} 各年度"),
        (None, Some(y)) => format!("各单位 {y}年度"),
        (None, None) => "各单位 各年度".to_string(),
    };
    let total = &d.by_year.total;
    let problems = total.problems.unwrap_or_default();
    View {
        title,
        scope,
        as_of: cn_date(d.as_of),
        due_within,
        cards: cards(d, due_within),
        year_chart: rate_chart(
            "year",
            "各年度整改完成率",
            &rate_bars(&d.by_year, |g| format!("{g}年度")),
        ),
        unit_chart: rate_chart("unit", "各单位整改完成率", &rate_bars(&d.by_unit, clean)),
        stacks: vec![stack("问题", problems), stack("整改措施", total.measures)],
        statuses: Status::EVERY
            .iter()
            .map(|&s| StatusView {
                code: s.code(),
                label: s.label_zh(),
                colour: colour(s),
                problems: problems.of(s),
                measures: total.measures.of(s),
            })
            .collect(),
        totals: Totals {
            problems: problems.total,
            measures: total.measures.total,
        },
        overdue: d
            .overdue
            .iter()
            .map(|r| item_view(r, r.days_overdue.unwrap_or(0)))
            .collect(),
        due_soon: d
            .due_soon
            .iter()
            .map(|r| item_view(r, r.days_left.unwrap_or(0)))
            .collect(),
        recurrences: d
            .recurrences
            .iter()
            .map(|p| RecurView {
                unit: clean(&p.unit),
                earlier_id: p.earlier.id.to_string(),
                earlier_year: p.earlier.year,
                earlier_text: clean(&p.earlier.text),
                later_id: p.later.id.to_string(),
                later_year: p.later.year,
                later_text: clean(&p.later.text),
                score: format!("{:.2}", p.score),
                level: Level::of(p.score).zh(),
            })
            .collect(),
    }
}

/// The page of `dashboard`, whose due-soon list runs `due_within` days ahead.
pub fn to_html(dashboard: &Dashboard, due_within: i64) -> Result<String> {
    let mut env = Environment::new();
    env.set_auto_escape_callback(|_| AutoEscape::Html);
    env.set_undefined_behavior(minijinja::UndefinedBehavior::Strict);
    env.set_fuel(Some(TEMPLATE_FUEL));
    let view = view(dashboard, due_within);
    let mut output = LimitedOutput::default();
    env.template_from_named_str("dashboard.html", TEMPLATE)
        .and_then(|t| {
            t.render_captured_to(minijinja::context! { view => Serde(&view) }, &mut output)
                .map(drop)
        })
        .map_err(|e| template_error(e, false, output.exceeded))?;
    Ok(String::from_utf8_lossy(&output.bytes).into_owned())
}

#[cfg(test)]
mod tests;

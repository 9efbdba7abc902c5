//! `taizhang recur`: proposed and decided recurrences.

use serde::Serialize;

use super::records::{Column, Record};
use super::table::shorten;
use super::Lang;
use crate::analysis::recurrence::{Pair, Side};
use crate::model::Decision;

/// A pair in its stable machine shape (README: "recur"):
/// `{"earlier": {id, year, text}, "later": {id, year, text}, "score", "unit", "decision"}`.
#[derive(Debug, Serialize)]
pub struct PairRecord<'a> {
    pub earlier: &'a Side,
    pub later: &'a Side,
    pub score: f64,
    pub unit: &'a str,
    pub decision: Option<Decision>,
}

impl<'a> From<&'a Pair> for PairRecord<'a> {
    fn from(p: &'a Pair) -> Self {
        PairRecord {
            earlier: &p.earlier,
            later: &p.later,
            score: p.score(),
            unit: &p.unit,
            decision: p.decision,
        }
    }
}

impl Record for PairRecord<'_> {
    const CSV_HEADER: &'static [&'static str] = &[
        "earlier_id",
        "earlier_year",
        "earlier_text",
        "later_id",
        "later_year",
        "later_text",
        "score",
        "unit",
        "decision",
    ];
    const COLUMNS: &'static [Column] = &[
        Column::wrapping("单位", "Unit"),
        Column::wrapping("较早的问题", "Earlier"),
        Column::wrapping("较晚的问题", "Later"),
        Column::fixed("相似度", "Score"),
        Column::fixed("认定", "Decision"),
    ];

    fn csv_row(&self) -> Vec<String> {
        vec![
            self.earlier.id.to_string(),
            self.earlier.year.to_string(),
            self.earlier.text.clone(),
            self.later.id.to_string(),
            self.later.year.to_string(),
            self.later.text.clone(),
            format!("{:.2}", self.score),
            self.unit.to_string(),
            self.decision
                .map(|d| d.code().to_string())
                .unwrap_or_default(),
        ]
    }

    fn human_row(&self, lang: Lang, full: bool) -> Vec<String> {
        let side = |s: &Side| {
            let text = if full {
                s.text.clone()
            } else {
                shorten(&s.text, 30)
            };
            format!("{} {}\n{text}", s.id, s.year)
        };
        let decision = match self.decision {
            Some(Decision::Confirmed) => lang.pick("已确认", "confirmed"),
            Some(Decision::Rejected) => lang.pick("已排除", "rejected"),
            None => lang.pick("待认定", "proposed"),
        };
        vec![
            self.unit.to_string(),
            side(self.earlier),
            side(self.later),
            format!("{:.2}", self.score),
            decision.to_string(),
        ]
    }
}

//! `taizhang recur`: proposed and decided recurrences, and one pair explained.

use serde::Serialize;

use super::records::{csv_list, Column, Record};
use super::Lang;
use crate::analysis::recurrence::{Evidence, Level, Pair, Side};
use crate::model::{Decision, Problem, Status};

/// How many shared words a table cell lists (the JSON has them all).
const SHOWN_WORDS: usize = 6;

/// A pair in its stable machine shape (README: "recur"): `{"earlier": {id, year, text},
/// "later": {id, year, text}, "score", "level", "shared", "similar", "cues", "earlier_outcome",
/// "unit", "decision"}`.
#[derive(Debug, Serialize)]
pub struct PairRecord<'a> {
    pub earlier: &'a Side,
    pub later: &'a Side,
    pub score: f64,
    /// high, medium or low (高/中/低 in tables).
    pub level: Level,
    /// The words both texts use, heaviest first.
    pub shared: Vec<&'a str>,
    /// Different words that share characters, `[earlier's, later's]`, most telling first.
    pub similar: Vec<[&'a str; 2]>,
    /// The continuity cues of the later text.
    pub cues: &'a [&'static str],
    pub earlier_outcome: Option<Status>,
    pub unit: &'a str,
    pub decision: Option<Decision>,
}

impl<'a> From<&'a Pair> for PairRecord<'a> {
    fn from(p: &'a Pair) -> Self {
        PairRecord {
            earlier: &p.earlier,
            later: &p.later,
            score: p.score(),
            level: p.level(),
            shared: p.evidence.shared.iter().map(|(w, _)| w.as_str()).collect(),
            similar: p
                .evidence
                .similar
                .iter()
                .map(|(e, l, _)| [e.as_str(), l.as_str()])
                .collect(),
            cues: &p.evidence.cues,
            earlier_outcome: p.evidence.outcome,
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
        "level",
        "shared",
        "cues",
        "earlier_outcome",
        "unit",
        "decision",
        "similar",
    ];
    const COLUMNS: &'static [Column] = &[
        Column::wrapping("单位", "Unit"),
        Column::wrapping("较早的问题", "Earlier"),
        Column::wrapping("较晚的问题", "Later"),
        Column::wrapping("共有或相近的词", "Shared or like words"),
        Column::fixed("把握", "Confidence"),
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
            self.level.en().to_string(),
            csv_list(&self.shared),
            csv_list(self.cues),
            self.earlier_outcome
                .map(|s| s.code().to_string())
                .unwrap_or_default(),
            self.unit.to_string(),
            self.decision
                .map(|d| d.code().to_string())
                .unwrap_or_default(),
            csv_list(
                &self
                    .similar
                    .iter()
                    .map(|[e, l]| format!("{e}~{l}"))
                    .collect::<Vec<_>>(),
            ),
        ]
    }

    /// The two texts in full (a table wraps them), the heaviest shared words, 高/中/低.
    fn human_row(&self, lang: Lang, _full: bool) -> Vec<String> {
        let side = |s: &Side| format!("{} {}\n{}", s.id, s.year, s.text);
        let decision = match self.decision {
            Some(Decision::Confirmed) => lang.pick("已确认", "confirmed"),
            Some(Decision::Rejected) => lang.pick("已排除", "rejected"),
            None => lang.pick("待认定", "proposed"),
        };
        // A word inside a longer shared word (理论 in 理论学习) adds nothing for a reader.
        let words: Vec<&str> = self
            .shared
            .iter()
            .copied()
            .filter(|w| {
                !self
                    .shared
                    .iter()
                    .any(|o| o.len() > w.len() && o.contains(w))
            })
            .take(SHOWN_WORDS)
            .collect();
        // Then the like words, as 学校≈校园, while there is room.
        let like: Vec<String> = self
            .similar
            .iter()
            .take(SHOWN_WORDS.saturating_sub(words.len()))
            .map(|[e, l]| format!("{e}≈{l}"))
            .collect();
        let words: Vec<&str> = words
            .into_iter()
            .chain(like.iter().map(String::as_str))
            .collect();
        vec![
            self.unit.to_string(),
            side(self.earlier),
            side(self.later),
            words.join(lang.pick("、", ", ")),
            lang.pick(self.level.zh(), self.level.en()).to_string(),
            decision.to_string(),
        ]
    }
}

/// `recur --explain --format json`: the pair and all its evidence.
#[derive(Debug, Serialize)]
pub struct ExplainRecord<'a> {
    pub earlier: Side,
    pub later: Side,
    pub unit: &'a str,
    pub score: f64,
    pub level: Level,
    pub words_score: f64,
    pub shared: Vec<SharedWord<'a>>,
    pub similar: Vec<SimilarWords<'a>>,
    pub cues: &'a [&'static str],
    pub earlier_outcome: Option<Status>,
}

#[derive(Debug, Serialize)]
pub struct SharedWord<'a> {
    pub word: &'a str,
    pub weight: f64,
}

/// Two different words of the pair that share characters, and how alike they are (up to 0.7).
#[derive(Debug, Serialize)]
pub struct SimilarWords<'a> {
    pub earlier: &'a str,
    pub later: &'a str,
    pub likeness: f64,
}

impl<'a> ExplainRecord<'a> {
    pub fn new(earlier: &'a Problem, later: &Problem, evidence: &'a Evidence) -> Self {
        let side = |p: &Problem| Side {
            id: p.id,
            year: p.year,
            text: p.text.clone(),
        };
        ExplainRecord {
            earlier: side(earlier),
            later: side(later),
            unit: &earlier.unit,
            score: evidence.score,
            level: Level::of(evidence.score),
            words_score: (evidence.words_score * 100.0).round() / 100.0,
            shared: evidence
                .shared
                .iter()
                .map(|(word, weight)| SharedWord {
                    word,
                    weight: (weight * 100.0).round() / 100.0,
                })
                .collect(),
            similar: evidence
                .similar
                .iter()
                .map(|(earlier, later, likeness)| SimilarWords {
                    earlier,
                    later,
                    likeness: (likeness * 100.0).round() / 100.0,
                })
                .collect(),
            cues: &evidence.cues,
            earlier_outcome: evidence.outcome,
        }
    }
}

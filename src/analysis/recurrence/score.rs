//! The score of a candidate pair: a weighted cosine of the words the two problems share, raised
//! by the continuity cues of the later text and by the earlier problem's reported outcome.
//!
//! A word's weight is its IDF in the reference vocabulary shipped with the binary, lowered when
//! the unit itself uses the word more often than once a year (its own boilerplate: 学校 for an
//! education bureau). Nothing else in the store counts, so a pair scores the same whatever other
//! units are added.

use std::collections::HashMap;

use crate::analysis::words::{cues, terms, Reference};
use crate::model::{Problem, Status};

/// Which evidence a score uses. [`Signals::ALL`] is what the commands use; the others exist to
/// measure what each signal is worth (see the `quality` tests).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Signals {
    /// Read the genre's synonyms as one word.
    pub synonyms: bool,
    /// Lower the weight of words the unit uses more than once a year.
    pub unit_weights: bool,
    /// Raise the score when the later text says the problem is still there (仍, 反弹 …).
    pub cues: bool,
    /// Raise the score when the earlier problem was reported unfinished.
    pub outcome: bool,
    /// Pair each problem with at most one problem of each other year.
    pub assignment: bool,
}

impl Signals {
    pub const ALL: Signals = Signals {
        synonyms: true,
        unit_weights: true,
        cues: true,
        outcome: true,
        assignment: true,
    };
}

/// How much a continuity cue in the later text raises the score (as a factor 1 + CUE_BONUS).
pub const CUE_BONUS: f64 = 0.15;
/// How much an unfinished earlier problem (正在整改, 未完成, 长期坚持) raises the score.
pub const OPEN_BONUS: f64 = 0.10;

/// Subtracted from every reference IDF: words as common as the genre's stock phrases (具体表现为,
/// 有待提高, 不够; IDF about 3 and below) then weigh nothing, and the words that name a problem
/// weigh the more.
pub const WEIGHT_FLOOR: f64 = 3.0;

/// Why a pair scores what it scores.
#[derive(Debug, Clone, PartialEq)]
pub struct Evidence {
    /// In [0, 1], rounded to two decimals.
    pub score: f64,
    /// The weighted cosine of the shared words alone, before cues and outcome.
    pub words_score: f64,
    /// The words both texts use that weigh anything, with their weights, heaviest first.
    pub shared: Vec<(String, f64)>,
    /// The continuity cues of the later text (counted only with `Signals::cues`).
    pub cues: Vec<&'static str>,
    /// The earlier problem's reported outcome, if any.
    pub outcome: Option<Status>,
}

/// Word weights for one unit's problems.
pub struct UnitWords {
    terms: Vec<Vec<String>>,
    /// In how many of the unit's problems each word occurs.
    df: HashMap<String, u32>,
    years: u32,
    signals: Signals,
}

impl UnitWords {
    /// `problems` are all the problems of one unit (every year).
    pub fn new(problems: &[&Problem], signals: Signals) -> UnitWords {
        let terms: Vec<Vec<String>> = problems
            .iter()
            .map(|p| terms(&p.text, signals.synonyms))
            .collect();
        let mut df: HashMap<String, u32> = HashMap::new();
        for words in &terms {
            for w in words {
                *df.entry(w.clone()).or_default() += 1;
            }
        }
        let mut years: Vec<i32> = problems.iter().map(|p| p.year).collect();
        years.sort_unstable();
        years.dedup();
        UnitWords {
            terms,
            df,
            years: years.len().max(1) as u32,
            signals,
        }
    }

    /// The words of the `i`-th problem given to [`UnitWords::new`].
    pub fn terms(&self, i: usize) -> &[String] {
        &self.terms[i]
    }

    /// A word's weight: its reference IDF less [`WEIGHT_FLOOR`], times years / uses when the unit uses it in more
    /// problems than it has years (square-rooted, so that boilerplate weighs less, not nothing).
    pub fn weight(&self, word: &str) -> f64 {
        let idf = (Reference::shipped().idf(word) - WEIGHT_FLOOR).max(0.0);
        let uses = self.df.get(word).copied().unwrap_or(1);
        if self.signals.unit_weights && uses > self.years {
            idf * (f64::from(self.years) / f64::from(uses)).sqrt()
        } else {
            idf
        }
    }

    /// The evidence for the `earlier`-th and `later`-th problems being one problem.
    pub fn evidence(
        &self,
        earlier: usize,
        later: usize,
        later_text: &str,
        outcome: Option<Status>,
    ) -> Evidence {
        let (a, b) = (&self.terms[earlier], &self.terms[later]);
        let norm = |words: &[String]| {
            words
                .iter()
                .map(|w| self.weight(w).powi(2))
                .sum::<f64>()
                .sqrt()
        };
        let mut shared: Vec<(String, f64)> = a
            .iter()
            .filter(|w| b.contains(w))
            .map(|w| (w.clone(), self.weight(w)))
            .filter(|(_, weight)| *weight > 0.0)
            .collect();
        shared.sort_by(|x, y| y.1.total_cmp(&x.1).then_with(|| x.0.cmp(&y.0)));
        let dot: f64 = shared.iter().map(|(_, w)| w * w).sum();
        let denominator = norm(a) * norm(b);
        let words_score = if denominator > 0.0 {
            (dot / denominator).clamp(0.0, 1.0)
        } else {
            0.0
        };
        let found_cues = cues(later_text);
        let mut factor = 1.0;
        if self.signals.cues && !found_cues.is_empty() {
            factor += CUE_BONUS;
        }
        let open = matches!(
            outcome,
            Some(Status::InProgress | Status::NotDone | Status::LongTerm)
        );
        if self.signals.outcome && open {
            factor += OPEN_BONUS;
        }
        let score = ((words_score * factor).min(1.0) * 100.0).round() / 100.0;
        Evidence {
            score,
            words_score,
            shared,
            cues: found_cues,
            outcome,
        }
    }
}

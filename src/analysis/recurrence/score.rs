//! The score of a candidate pair: a weighted cosine of the words the two problems share, raised
//! by the continuity cues of the later text and by the earlier problem's reported outcome.
//!
//! Two different words that share characters (学校 and 校园, 流失 and 留才流失, 短缺 and 紧缺) count
//! in part, as a soft cosine: each word is matched with the most similar word of the other text,
//! at [`SIMILAR_WEIGHT`] times the share of characters they have in common. Writers rename a
//! problem from one year to the next far more often than they repeat it word for word.
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
    /// Count different words that share characters (学校/校园) in part.
    pub similar_words: bool,
}

impl Signals {
    pub const ALL: Signals = Signals {
        synonyms: true,
        unit_weights: true,
        cues: true,
        outcome: true,
        assignment: true,
        similar_words: true,
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

/// What a match of two different words is worth, at most (when they have the same characters in
/// another order): 0.7 of a shared word. Chosen on the tuning sets with the threshold (the
/// `calibration` test): 0.5 gave F1 0.84 there, 0.7 gives 0.87.
pub const SIMILAR_WEIGHT: f64 = 0.7;

/// Why a pair scores what it scores.
#[derive(Debug, Clone, PartialEq)]
pub struct Evidence {
    /// In [0, 1], rounded to two decimals.
    pub score: f64,
    /// The weighted cosine of the shared words alone, before cues and outcome.
    pub words_score: f64,
    /// The words both texts use that weigh anything, with their weights, heaviest first.
    pub shared: Vec<(String, f64)>,
    /// Different words of the two texts that share characters (the earlier text's word, the
    /// later text's word, their [`likeness`]), the match that adds most to the score first; only
    /// with `Signals::similar_words`.
    pub similar: Vec<(String, String, f64)>,
    /// The continuity cues of the later text (counted only with `Signals::cues`).
    pub cues: Vec<&'static str>,
    /// The earlier problem's reported outcome, if any.
    pub outcome: Option<Status>,
}

/// Word weights for one unit's problems.
pub struct UnitWords {
    terms: Vec<Vec<String>>,
    /// Each problem's words' weights and characters, in the order of `terms`.
    weights: Vec<Vec<f64>>,
    chars: Vec<Vec<Vec<(char, f64)>>>,
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
        let reference = Reference::shipped();
        let chars = terms
            .iter()
            .map(|words| {
                words
                    .iter()
                    .map(|w| w.chars().map(|c| (c, reference.char_idf(c))).collect())
                    .collect()
            })
            .collect();
        let mut words = UnitWords {
            terms,
            weights: Vec::new(),
            chars,
            df,
            years: years.len().max(1) as u32,
            signals,
        };
        words.weights = words
            .terms
            .iter()
            .map(|ws| ws.iter().map(|w| words.weight(w)).collect())
            .collect();
        words
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
        let (wa, wb) = (&self.weights[earlier], &self.weights[later]);
        let norm = |weights: &[f64]| weights.iter().map(|w| w * w).sum::<f64>().sqrt();
        let mut shared: Vec<(String, f64)> = a
            .iter()
            .zip(wa)
            .filter(|(w, weight)| **weight > 0.0 && b.contains(w))
            .map(|(w, weight)| (w.clone(), *weight))
            .collect();
        shared.sort_by(|x, y| y.1.total_cmp(&x.1).then_with(|| x.0.cmp(&y.0)));
        let exact: f64 = shared.iter().map(|(_, w)| w * w).sum();
        let mut similar = Vec::new();
        let mut partial = 0.0;
        if self.signals.similar_words {
            // Each side's words not in the other text, matched with their most similar word
            // there; the two directions averaged, so the score does not depend on the order.
            let (ca, cb) = (&self.chars[earlier], &self.chars[later]);
            let forward = best_matches((a, wa, ca), (b, wb, cb));
            let backward = best_matches((b, wb, cb), (a, wa, ca));
            partial = (forward.iter().map(|m| m.add).sum::<f64>()
                + backward.iter().map(|m| m.add).sum::<f64>())
                / 2.0;
            let mut matches = forward;
            for m in backward {
                if !matches
                    .iter()
                    .any(|f| f.word == m.other && f.other == m.word)
                {
                    matches.push(Match {
                        word: m.other,
                        other: m.word,
                        ..m
                    });
                }
            }
            matches.sort_by(|x, y| y.add.total_cmp(&x.add).then_with(|| x.word.cmp(&y.word)));
            similar = matches
                .into_iter()
                .map(|m| (m.word, m.other, m.likeness))
                .collect();
        }
        let denominator = norm(wa) * norm(wb);
        let words_score = if denominator > 0.0 {
            ((exact + partial) / denominator).clamp(0.0, 1.0)
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
            similar,
            cues: found_cues,
            outcome,
        }
    }
}

/// How alike two different words are, in [0, [`SIMILAR_WEIGHT`]]: the share of the longer word's
/// characters, each weighed by [`Reference::char_idf`], that the other also has (校 counts, 人
/// hardly). Nothing for a word inside the other (理论 in 理论学习: the segmenter already gives both
/// texts the part). Characters come with their weights.
pub fn likeness(x: &[(char, f64)], y: &[(char, f64)]) -> f64 {
    let inside = |short: &[(char, f64)], long: &[(char, f64)]| {
        long.windows(short.len())
            .any(|w| w.iter().zip(short).all(|(a, b)| a.0 == b.0))
    };
    if x.is_empty() || y.is_empty() || inside(x, y) || inside(y, x) {
        return 0.0;
    }
    let weight = |chars: &[(char, f64)]| chars.iter().map(|c| c.1).sum::<f64>();
    let common: f64 = x
        .iter()
        .filter(|c| y.iter().any(|d| d.0 == c.0))
        .map(|c| c.1)
        .sum();
    SIMILAR_WEIGHT * common / weight(x).max(weight(y))
}

/// One text's words, their weights and their characters.
type Words<'a> = (&'a [String], &'a [f64], &'a [Vec<(char, f64)>]);

/// A word matched with its most similar word of the other text.
struct Match {
    word: String,
    other: String,
    /// What the match adds to the dot product: both weights times their likeness.
    add: f64,
    likeness: f64,
}

/// For each word of `from` that weighs anything and is not in `to`, its most similar word of
/// `to`.
fn best_matches(from: Words, to: Words) -> Vec<Match> {
    let mut matches = Vec::new();
    for ((word, &weight), chars) in from.0.iter().zip(from.1).zip(from.2) {
        if weight <= 0.0 || to.0.contains(word) {
            continue;
        }
        let mut best: Option<(usize, f64, f64)> = None;
        for (j, (&w, other)) in to.1.iter().zip(to.2).enumerate() {
            if w <= 0.0 {
                continue;
            }
            let likeness = likeness(chars, other);
            let add = weight * w * likeness;
            if add > 0.0 && best.is_none_or(|(_, b, _)| add > b) {
                best = Some((j, add, likeness));
            }
        }
        if let Some((j, add, likeness)) = best {
            matches.push(Match {
                word: word.clone(),
                other: to.0[j].clone(),
                add,
                likeness,
            });
        }
    }
    matches
}

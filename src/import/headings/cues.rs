//! The word lists of `headings`, found in a heading in one pass: one Aho-Corasick automaton over
//! every list, and a bit per list in the answer.

use super::{
    ACTION_VERBS, EARLIER_WORDS, OUTCOME_WORDS, PAST_WORDS, PLAN_PHRASES, PROBLEM_PHRASES,
    SOFT_PLAN_PHRASES,
};

/// The word lists a heading is classified by, found in one pass (see [`Cues`]).
const CUE_LISTS: [&[&str]; 13] = [
    PLAN_PHRASES,
    SOFT_PLAN_PHRASES,
    PAST_WORDS,
    &["工作", "任务", "重点"],
    &["整改"],
    OUTCOME_WORDS,
    &["问题", "整改"],
    EARLIER_WORDS,
    ACTION_VERBS,
    &["存在"],
    &["待解决", "需要解决", "需解决"],
    PROBLEM_PHRASES,
    &[
        "及整改",
        "和整改",
        "与整改",
        "、整改",
        "及改进",
        "和改进",
        "与改进",
    ],
];

/// Which of [`CUE_LISTS`] a text contains a word of, as a bit per list.
#[derive(Clone, Copy)]
pub(super) struct Cues(u16);

#[derive(Clone, Copy)]
pub(super) enum Cue {
    Plan,
    SoftPlan,
    Past,
    Work,
    Rectify,
    Outcome,
    Issue,
    Earlier,
    Action,
    Exists,
    Unsolved,
    Problem,
    AndRectify,
}

impl Cues {
    pub(super) fn of(words: &str) -> Cues {
        static MATCHER: std::sync::LazyLock<(aho_corasick::AhoCorasick, Vec<u16>)> =
            std::sync::LazyLock::new(|| {
                let mut patterns: Vec<&str> = Vec::new();
                let mut lists: Vec<u16> = Vec::new();
                for (bit, list) in CUE_LISTS.iter().enumerate() {
                    for word in list.iter() {
                        match patterns.iter().position(|p| p == word) {
                            Some(at) => lists[at] |= 1 << bit,
                            None => {
                                patterns.push(word);
                                lists.push(1 << bit);
                            }
                        }
                    }
                }
                let matcher = crate::import::text::automaton(&patterns);
                (matcher, lists)
            });
        let (matcher, lists) = &*MATCHER;
        Cues(
            matcher
                .find_overlapping_iter(words)
                .fold(0, |bits, m| bits | lists[m.pattern().as_usize()]),
        )
    }

    pub(super) fn has(self, cue: Cue) -> bool {
        self.0 & (1 << cue as u16) != 0
    }
}

//! The word lists of `headings`, found in a heading in one pass: one automaton over every list,
//! and a bit per list in the answer.

use crate::import::wordlists::Lists;

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
#[derive(Clone, Copy, Default)]
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
        static LISTS: std::sync::LazyLock<Lists> =
            std::sync::LazyLock::new(|| Lists::new(&CUE_LISTS));
        Cues(LISTS.of(words) as u16)
    }

    /// The cues of either.
    pub(super) fn union(self, other: Cues) -> Cues {
        Cues(self.0 | other.0)
    }

    pub(super) fn has(self, cue: Cue) -> bool {
        self.0 & (1 << cue as u16) != 0
    }
}

//! The genre's pairing rule: a summary names each problem once, so between two given years of a
//! unit each problem pairs with at most one problem of the other year. Pairs are taken by
//! descending score (confirmed ones first); a pair whose earlier or later problem is already
//! paired with that year is dropped. Pairs with different years are independent, so a problem
//! recurring over three years keeps its pairs with both earlier years.

use std::collections::HashSet;

use super::Pair;
use crate::model::{Decision, ItemId};

/// The pairs kept by the rule, in no particular order.
pub(super) fn one_per_year(mut candidates: Vec<Pair>) -> Vec<Pair> {
    candidates.sort_by(|a, b| {
        let confirmed = |p: &Pair| p.decision == Some(Decision::Confirmed);
        confirmed(b)
            .cmp(&confirmed(a))
            .then_with(|| b.evidence.score.total_cmp(&a.evidence.score))
            .then_with(|| b.evidence.words_score.total_cmp(&a.evidence.words_score))
            .then_with(|| (a.later.id, a.earlier.id).cmp(&(b.later.id, b.earlier.id)))
    });
    // (problem, the other year) already paired.
    let mut taken: HashSet<(ItemId, i32)> = HashSet::new();
    let mut kept = Vec::new();
    for pair in candidates {
        let confirmed = pair.decision == Some(Decision::Confirmed);
        let earlier = (pair.earlier.id, pair.later.year);
        let later = (pair.later.id, pair.earlier.year);
        if confirmed || (!taken.contains(&earlier) && !taken.contains(&later)) {
            taken.insert(earlier);
            taken.insert(later);
            kept.push(pair);
        }
    }
    kept
}

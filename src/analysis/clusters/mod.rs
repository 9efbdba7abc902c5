//! Problems shared by many units (共性问题): grouping similar problem texts of different units into
//! clusters, largest first. Pure: no store, no clock; the caller passes the problems in.
//!
//! # How
//!
//! 1. Each text becomes a sparse vector over the features of
//!    [`Profile`](crate::analysis::similarity::Profile) (character unigrams and bigrams of the
//!    same normalised text), weighted by inverse document frequency over the texts being
//!    clustered (`vectors.rs`). Unweighted, the genre's stock phrases (存在…的问题, 有待加强,
//!    与上级要求还有差距) make unrelated problems look alike; see the baseline below.
//! 2. MinHash signatures of each text's informative bigrams, cut into 16 bands of 2 rows, put
//!    texts into buckets (`lsh.rs`). A text is only compared with the clusters its buckets have
//!    seen, so the work grows with the number of texts, not with its square. Bigrams in more than
//!    10% of a large store (不够, 存在, 工作) are left out of the signatures.
//! 3. Texts are visited from the most crowded neighbourhood to the least (typical wordings of
//!    common problems first); each joins the candidate cluster whose centre (the sum of its
//!    members' vectors) is most similar, if the cosine reaches the threshold, or starts a new one
//!    (`assign.rs`).
//! 4. Clusters that are one problem in different words are merged, best pair first, checking
//!    the clusters as they are at that moment so that chains cannot glue unrelated ones together
//!    (`merge.rs`).
//! 5. Clusters with problems from fewer than `min_units` units are dropped; the rest are ordered
//!    by units, then problems, then first id. A cluster's representative is its member closest to
//!    the centre.
//!
//! # Quality, and the default threshold
//!
//! Measured on synthetic ledgers ([`crate::synth`]: ~200 shared themes, each unit's own wording,
//! plus one-off problems), counting clusters of 3 units or more. *Purity*: the share of clustered
//! problems that belong to their cluster's main theme. *Recall*: the share of a shared theme's
//! problems found in the cluster holding most of them (a theme split in two counts only its larger
//! part). From `cargo test --release --lib clusters::quality -- --ignored --nocapture`:
//!
//! ```text
//!             60 units    300 units, 2 seeds        1,200 units, 2 seeds
//! threshold   p     r     p     r     p     r       p     r     p     r
//! 0.25       .69   .67   .69   .73   .64   .76     .66   .76   .65   .79
//! 0.30       .89   .68   .79   .70   .75   .73     .76   .77   .75   .78
//! 0.35       .90   .63   .88   .66   .86   .64     .87   .76   .84   .77
//! 0.40       .97   .50   .93   .61   .91   .56     .92   .70   .92   .71
//! 0.45      1.00   .28   .95   .49   .94   .50     .96   .57   .95   .60
//! 0.50      1.00   .22   .99   .36   .97   .40     .97   .48   .97   .52
//! ```
//!
//! The baseline, plain `Profile` cosine linking pairs into clusters, on the 1,200-unit ledger:
//! purity .30 at recall .72 (0.60), .46 at .58 (0.65), .91 at .40 (0.70), .95 at .22 (0.75).
//!
//! On 20,000 units the default gives clusters led by a shared theme whose main theme covers 94%
//! (one year, 80,000 problems) and 95% (ten years, 800,000) of their problems, with recall .75
//! and .80. (At that size the 1,632 kinds of one-off problem repeat, so one-offs form clusters
//! of their own and the overall purity is lower, .81 and .76.) The default, 0.40, keeps purity
//! above 0.9 on every size measured; smaller stores find more with 0.30–0.35, at some cost in
//! purity.
//!
//! # Words (issue 16, not the default yet)
//!
//! [`Evidence::WORDS`] compares the words of [`crate::analysis::words::terms`] (jieba with the
//! genre's terms, synonyms read as one word), weighted by the geometric mean of the IDF over the
//! texts clustered and the shipped reference vocabulary; LSH, assignment and merging are the same.
//! On ledgers of a seed nothing was tuned on (`quality.rs`), at 0.45: 300 units purity .939,
//! recall .641 (characters at 0.40: .902, .557); 1,200 units .864, .688 (characters .911, .678).
//! Words find more of each theme, but the one-off problems that share a fault (老化, 堵塞) cluster
//! together in large stores, so purity falls below 0.9 there; characters stay the default.

mod assign;
mod features;
mod lsh;
mod merge;
mod parallel;
#[cfg(test)]
mod quality;
mod vectors;

use std::collections::HashSet;

use crate::model::ProblemText;

/// The threshold `common` uses unless told otherwise (see the module documentation).
pub const DEFAULT_THRESHOLD: f64 = 0.40;

/// What two texts are compared on.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Evidence {
    /// Character unigrams and bigrams weighted by IDF over the texts clustered: what `common`
    /// used before issue 16, kept to measure against.
    Characters,
    /// The words of [`crate::analysis::words::terms`], the genre's synonyms read as one word
    /// when `synonyms` is set.
    Words { synonyms: bool, weights: Weights },
}

/// Where word weights come from.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Weights {
    /// Inverse document frequency over the texts clustered.
    Clustered,
    /// The reference vocabulary shipped with the binary.
    Reference,
    /// The geometric mean of the two.
    Both,
}

impl Evidence {
    /// The evidence `common` uses unless told otherwise: still characters. Words find more of
    /// each theme in small stores but cluster more one-off problems together in large ones
    /// (`quality.rs`), so they are not the default yet.
    pub const DEFAULT: Evidence = Evidence::Characters;

    /// Words with synonyms, weighted by both the texts clustered and the reference vocabulary.
    pub const WORDS: Evidence = Evidence::Words {
        synonyms: true,
        weights: Weights::Both,
    };

    /// A feature's weight from its IDF over the texts clustered and its reference weight.
    fn weigh(self, clustered: f32, reference: f32) -> f32 {
        match self {
            Evidence::Characters
            | Evidence::Words {
                weights: Weights::Clustered,
                ..
            } => clustered,
            Evidence::Words {
                weights: Weights::Reference,
                ..
            } => reference,
            Evidence::Words {
                weights: Weights::Both,
                ..
            } => (clustered * reference).sqrt(),
        }
    }
}

/// How to cluster.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ClusterOptions {
    /// How similar (cosine, 0–1) a problem must be to a cluster's centre to join it.
    pub threshold: f64,
    /// Clusters with problems from fewer units are left out.
    pub min_units: usize,
    /// Threads to use; the result does not depend on it.
    pub threads: usize,
    /// What texts are compared on.
    pub evidence: Evidence,
}

impl Default for ClusterOptions {
    fn default() -> Self {
        ClusterOptions {
            threshold: DEFAULT_THRESHOLD,
            min_units: 2,
            threads: std::thread::available_parallelism().map_or(1, |n| n.get()),
            evidence: Evidence::DEFAULT,
        }
    }
}

/// A group of similar problems from several units.
#[derive(Debug, Clone, PartialEq)]
pub struct Cluster<'a> {
    /// The problems, in id order.
    pub members: Vec<&'a ProblemText>,
    /// The distinct unit names, in name order.
    pub units: Vec<&'a str>,
    /// The member whose text is closest to the cluster's centre.
    pub representative: &'a ProblemText,
}

/// Groups `problems` into clusters of similar texts from at least `options.min_units` units,
/// largest first (by units, then problems, then the smallest id). Problems that resemble no other
/// unit's problems are in no cluster. The result does not depend on the thread count; where
/// choices tie, the problem earlier in `problems` wins.
pub fn cluster<'a>(problems: &'a [ProblemText], options: &ClusterOptions) -> Vec<Cluster<'a>> {
    let threads = options.threads.max(1);
    let texts: Vec<&str> = problems.iter().map(|p| p.text.as_str()).collect();
    let vectors = vectors::Vectors::build(&texts, options.evidence, threads);
    let buckets = lsh::Buckets::build(&vectors, threads);
    let mut order: Vec<u32> = (0..problems.len() as u32).collect();
    order.sort_by_key(|&t| (std::cmp::Reverse(buckets.density[t as usize]), t));
    let threshold = options.threshold as f32;
    let clustering = assign::gather(&vectors, &buckets, &order, threshold);
    let of = merge::merge(clustering, &vectors, threshold, threads);
    let mut members: Vec<(u32, u32)> = of
        .into_iter()
        .enumerate()
        .map(|(t, c)| (c, t as u32))
        .collect();
    members.sort_unstable();
    let mut clusters: Vec<Cluster<'a>> = members
        .chunk_by(|a, b| a.0 == b.0)
        .filter(|group| group.len() >= options.min_units.max(1))
        .filter_map(|group| {
            let texts: Vec<usize> = group.iter().map(|&(_, t)| t as usize).collect();
            build(problems, &vectors, &texts, options.min_units)
        })
        .collect();
    clusters.sort_by(|a, b| {
        b.units
            .len()
            .cmp(&a.units.len())
            .then(b.members.len().cmp(&a.members.len()))
            .then(a.members[0].id.cmp(&b.members[0].id))
    });
    clusters
}

/// The cluster of the problems at `texts`, or `None` when they come from too few units.
fn build<'a>(
    problems: &'a [ProblemText],
    vectors: &vectors::Vectors,
    texts: &[usize],
    min_units: usize,
) -> Option<Cluster<'a>> {
    let unit_ids: HashSet<i64> = texts.iter().map(|&t| problems[t].unit_id).collect();
    if unit_ids.len() < min_units {
        return None;
    }
    let mut centre: parallel::FxHashMap<u32, f32> = parallel::FxHashMap::default();
    for &t in texts {
        for &(id, w) in vectors.doc(t) {
            *centre.entry(id).or_default() += w;
        }
    }
    let closeness = |t: usize| -> f32 {
        vectors
            .doc(t)
            .iter()
            .filter_map(|(id, w)| centre.get(id).map(|c| w * c))
            .sum()
    };
    let mut members: Vec<&ProblemText> = texts.iter().map(|&t| &problems[t]).collect();
    members.sort_by_key(|p| p.id);
    let representative = texts
        .iter()
        .map(|&t| (closeness(t), t))
        .max_by(|a, b| {
            a.0.total_cmp(&b.0)
                .then(problems[b.1].id.cmp(&problems[a.1].id))
        })
        .map(|(_, t)| &problems[t])?;
    let mut units: Vec<&str> = members.iter().map(|p| p.unit.as_str()).collect();
    units.sort_unstable();
    units.dedup();
    Some(Cluster {
        members,
        units,
        representative,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ItemId;

    fn problem(id: i64, unit: i64, text: &str) -> ProblemText {
        ProblemText {
            id: ItemId::problem(id),
            unit_id: unit,
            unit: format!("单位{unit}"),
            year: 2024,
            text: text.to_string(),
        }
    }

    fn sample() -> Vec<ProblemText> {
        vec![
            problem(1, 1, "理论学习不够深入，学习停留在面上"),
            problem(2, 2, "部分党员干部理论学习不够深入，停留在面上"),
            problem(3, 3, "在理论学习方面还不够深入，学习停留在面上"),
            problem(4, 1, "专项资金监管不到位，资金拨付进度慢"),
            problem(5, 2, "专项资金监管落实不到位，拨付进度偏慢"),
            problem(6, 3, "食堂承包合同到期未续签"),
            problem(7, 4, "理论学习深度不够，学习停留在面上，系统性不强"),
        ]
    }

    fn ids(cluster: &Cluster<'_>) -> Vec<String> {
        cluster.members.iter().map(|p| p.id.to_string()).collect()
    }

    #[test]
    fn rewordings_of_one_problem_by_different_units_form_the_largest_cluster() {
        let problems = sample();
        let clusters = cluster(&problems, &ClusterOptions::default());
        assert_eq!(ids(&clusters[0]), ["P1", "P2", "P3", "P7"]);
        assert_eq!(clusters[0].units, ["单位1", "单位2", "单位3", "单位4"]);
        assert_eq!(ids(&clusters[1]), ["P4", "P5"]);
        assert_eq!(clusters.len(), 2, "the one-off problem stays alone");
    }

    #[test]
    fn min_units_drops_clusters_of_fewer_units() {
        let problems = sample();
        let options = ClusterOptions {
            min_units: 3,
            ..ClusterOptions::default()
        };
        let clusters = cluster(&problems, &options);
        assert_eq!(clusters.len(), 1);
        assert_eq!(clusters[0].units.len(), 4);
    }

    #[test]
    fn one_unit_repeating_itself_is_not_a_shared_problem() {
        let problems = vec![
            problem(1, 1, "理论学习不够深入"),
            problem(2, 1, "理论学习不够深入"),
            problem(3, 2, "档案管理不规范"),
        ];
        assert!(cluster(&problems, &ClusterOptions::default()).is_empty());
    }

    #[test]
    fn the_representative_is_a_member_and_the_result_ignores_thread_count() {
        let problems = sample();
        let one = cluster(
            &problems,
            &ClusterOptions {
                threads: 1,
                ..Default::default()
            },
        );
        let four = cluster(
            &problems,
            &ClusterOptions {
                threads: 4,
                ..Default::default()
            },
        );
        assert_eq!(one, four);
        assert!(one[0].members.contains(&one[0].representative));
    }

    #[test]
    fn empty_and_textless_input_gives_no_clusters() {
        assert!(cluster(&[], &ClusterOptions::default()).is_empty());
        let blank = vec![problem(1, 1, "，。"), problem(2, 2, "，。")];
        assert!(cluster(&blank, &ClusterOptions::default()).is_empty());
    }
}

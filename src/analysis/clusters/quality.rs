//! How well clusters recover the shared themes planted in synthetic ledgers ([`crate::synth`]).
//!
//! Two seeds, kept apart: the default threshold and evidence are chosen on ledgers of
//! [`TUNING_SEED`] (`threshold_sweep`, ignored by default: `cargo test --release --lib
//! clusters::quality -- --ignored --nocapture`); the quality test measures ledgers of
//! [`MEASURING_SEED`], which nothing was tuned on. Run it with `--nocapture` to see the figures
//! with and without words.

use std::collections::{HashMap, HashSet};

use super::{cluster, Cluster, ClusterOptions, Evidence, Weights};
use crate::synth::{generate, Label, SynthConfig, SynthLedger};

/// The seed of the ledgers the defaults are chosen on: the generator's default, whose text the
/// reference vocabulary also counts.
const TUNING_SEED: u64 = 0x7A1_2024;
/// The seed of the ledgers quality is measured on; nothing was tuned on it.
const MEASURING_SEED: u64 = 0xC020_2616;

/// Clusters must span this many units to count (what a higher office would look at).
const MIN_UNITS: usize = 3;

/// How one clustering compares with the truth.
#[derive(Debug)]
struct Quality {
    /// Share of clustered problems that belong to their cluster's most common label.
    purity: f64,
    /// Share of each shared theme's problems (themes named by `MIN_UNITS` units or more) found in
    /// the cluster holding most of them.
    recall: f64,
    /// Number of clusters.
    clusters: usize,
    /// One-off problems that ended up in a cluster of 5 units or more.
    one_offs_in_large_clusters: usize,
    /// One-off problems in any cluster.
    one_offs_clustered: usize,
}

fn measure(ledger: &SynthLedger, clusters: &[Cluster<'_>]) -> Quality {
    let label = |p: &crate::model::ProblemText| ledger.problems[p.id.num as usize - 1].label;
    let clustered: usize = clusters.iter().map(|c| c.members.len()).sum();
    let mut pure = 0;
    let mut one_offs_in_large_clusters = 0;
    let mut one_offs_clustered = 0;
    let mut best_for: HashMap<Label, usize> = HashMap::new();
    for c in clusters {
        let mut counts: HashMap<Label, usize> = HashMap::new();
        for p in &c.members {
            *counts.entry(label(p)).or_default() += 1;
        }
        pure += counts.values().max().copied().unwrap_or(0);
        for (l, n) in counts {
            if let Label::Local(_) = l {
                one_offs_clustered += n;
                if c.units.len() >= 5 {
                    one_offs_in_large_clusters += n;
                }
            }
            let best = best_for.entry(l).or_default();
            *best = (*best).max(n);
        }
    }
    let mut units_of: HashMap<Label, HashSet<usize>> = HashMap::new();
    let mut size_of: HashMap<Label, usize> = HashMap::new();
    for p in &ledger.problems {
        units_of.entry(p.label).or_default().insert(p.unit);
        *size_of.entry(p.label).or_default() += 1;
    }
    let shared: Vec<Label> = units_of
        .iter()
        .filter(|(l, units)| matches!(l, Label::Theme(_)) && units.len() >= MIN_UNITS)
        .map(|(l, _)| *l)
        .collect();
    let planted: usize = shared.iter().map(|l| size_of[l]).sum();
    let found: usize = shared
        .iter()
        .map(|l| best_for.get(l).copied().unwrap_or(0))
        .sum();
    Quality {
        purity: pure as f64 / clustered.max(1) as f64,
        recall: found as f64 / planted.max(1) as f64,
        clusters: clusters.len(),
        one_offs_in_large_clusters,
        one_offs_clustered,
    }
}

fn run(ledger: &SynthLedger, threshold: f64, evidence: Evidence) -> Quality {
    let corpus = ledger.corpus();
    let options = ClusterOptions {
        threshold,
        min_units: MIN_UNITS,
        evidence,
        ..ClusterOptions::default()
    };
    measure(ledger, &cluster(&corpus, &options))
}

/// The threshold words are measured at, chosen on the tuning seed (`threshold_sweep`: purity
/// .92 at recall .71 and .67 on 60 and 300 units; on 1,200 units purity is .85 at recall .75).
const WORDS_THRESHOLD: f64 = 0.45;

/// Every variant measured: (name, evidence, threshold).
fn variants() -> Vec<(&'static str, Evidence, f64)> {
    let words = |synonyms, weights| Evidence::Words { synonyms, weights };
    let t = WORDS_THRESHOLD;
    vec![
        (
            "characters (the default)",
            Evidence::Characters,
            super::DEFAULT_THRESHOLD,
        ),
        ("words, every signal", Evidence::WORDS, t),
        ("  without synonyms", words(false, Weights::Both), t),
        (
            "  weights: texts clustered only",
            words(true, Weights::Clustered),
            t,
        ),
        (
            "  weights: reference only",
            words(true, Weights::Reference),
            t,
        ),
    ]
}

/// A ledger of `units` units naming 3–5 problems in one year, of the measuring seed.
fn measured(units: usize) -> SynthLedger {
    generate(&SynthConfig::new(units, 1).with_seed(MEASURING_SEED))
}

/// The goal of issue 16 is purity ≥ 0.9 at recall ≥ 0.8 on ledgers nothing was tuned on. It is
/// not reached (measured: characters .902 / .557 and .911 / .678 on 300 and 1,200 units; words
/// .939 / .641 and .864 / .688), so the test holds what is: on 300 units words are purer and find
/// more than characters; on 1,200 characters keep their purity.
#[test]
fn words_find_more_shared_themes_than_characters_in_a_small_store() {
    for units in [300, 1200] {
        let ledger = measured(units);
        println!(
            "{units} units, seed {MEASURING_SEED:#x}: {} problems",
            ledger.problems.len()
        );
        let figures: Vec<(&str, Quality)> = variants()
            .into_iter()
            .map(|(name, evidence, threshold)| (name, run(&ledger, threshold, evidence)))
            .collect();
        for (name, q) in &figures {
            println!(
                "  {name:<32} purity {:.3}  recall {:.3}  clusters {}",
                q.purity, q.recall, q.clusters
            );
        }
        let (characters, words) = (&figures[0].1, &figures[1].1);
        assert!(characters.purity >= 0.88, "{units}: {characters:?}");
        if units == 300 {
            assert!(words.purity >= 0.92, "{units}: {words:?}");
            assert!(
                words.recall >= characters.recall + 0.05,
                "{units}: {words:?} {characters:?}"
            );
        }
    }
}

#[test]
fn one_off_problems_stay_out_of_large_clusters() {
    let ledger = measured(300);
    let one_offs = ledger
        .problems
        .iter()
        .filter(|p| matches!(p.label, Label::Local(_)))
        .count();
    let q = run(&ledger, super::DEFAULT_THRESHOLD, Evidence::DEFAULT);
    assert!(
        q.one_offs_in_large_clusters <= one_offs / 50,
        "{q:?} of {one_offs}"
    );
}

#[test]
fn a_lower_threshold_finds_more_of_each_theme_and_a_higher_one_keeps_clusters_purer() {
    let ledger = measured(300);
    let t = super::DEFAULT_THRESHOLD;
    let low = run(&ledger, t - 0.1, Evidence::DEFAULT);
    let high = run(&ledger, t + 0.1, Evidence::DEFAULT);
    assert!(low.recall > high.recall, "{low:?} {high:?}");
    assert!(high.purity > low.purity, "{low:?} {high:?}");
}

/// The baseline: plain `Profile` cosine over all pairs, linked into clusters (single link), at
/// each of `thresholds`.
fn profile_single_link<'a>(
    corpus: &'a [crate::model::ProblemText],
    thresholds: &[f64],
) -> Vec<Vec<Cluster<'a>>> {
    use crate::analysis::similarity::Profile;
    fn root(parent: &mut [usize], mut x: usize) -> usize {
        while parent[x] != x {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        x
    }
    let profiles: Vec<Profile> = corpus.iter().map(|p| Profile::new(&p.text)).collect();
    let lowest = thresholds.iter().copied().fold(1.0, f64::min);
    let mut pairs = Vec::new();
    for i in 0..corpus.len() {
        for j in i + 1..corpus.len() {
            let score = profiles[i].cosine(&profiles[j]);
            if score >= lowest {
                pairs.push((score, i, j));
            }
        }
    }
    thresholds
        .iter()
        .map(|&threshold| {
            let mut parent: Vec<usize> = (0..corpus.len()).collect();
            for &(score, i, j) in &pairs {
                if score >= threshold {
                    let (a, b) = (root(&mut parent, i), root(&mut parent, j));
                    parent[a.max(b)] = a.min(b);
                }
            }
            let mut groups: HashMap<usize, Vec<&crate::model::ProblemText>> = HashMap::new();
            for (i, p) in corpus.iter().enumerate() {
                groups.entry(root(&mut parent, i)).or_default().push(p);
            }
            groups
                .into_values()
                .filter_map(|members| {
                    let mut units: Vec<&str> = members.iter().map(|p| p.unit.as_str()).collect();
                    units.sort_unstable();
                    units.dedup();
                    (units.len() >= MIN_UNITS).then(|| Cluster {
                        representative: members[0],
                        members,
                        units,
                    })
                })
                .collect()
        })
        .collect()
}

#[test]
#[ignore = "prints the figures behind the default threshold; run with --release --nocapture \
            (SWEEP_BASELINE=1 adds the Profile single-link baseline)"]
fn threshold_sweep() {
    if std::env::var_os("SWEEP_BASELINE").is_some() {
        let ledger = generate(&SynthConfig::new(1200, 1).with_seed(TUNING_SEED));
        let corpus = ledger.corpus();
        println!("baseline, Profile cosine, single link, 1200 units, seed {TUNING_SEED:#x}");
        println!("threshold  purity  recall");
        let thresholds = [0.40, 0.45, 0.50, 0.55, 0.60, 0.65, 0.70, 0.75];
        for (threshold, clusters) in thresholds
            .iter()
            .zip(profile_single_link(&corpus, &thresholds))
        {
            let q = measure(&ledger, &clusters);
            println!("{threshold:9.2}  {:6.3}  {:6.3}", q.purity, q.recall);
        }
    }
    // SWEEP_ALL: every variant, not only characters and the default.
    let all = std::env::var_os("SWEEP_ALL").is_some();
    for units in [60, 300, 1200] {
        let ledger = generate(&SynthConfig::new(units, 1).with_seed(TUNING_SEED));
        let one_offs = ledger
            .problems
            .iter()
            .filter(|p| matches!(p.label, Label::Local(_)))
            .count();
        println!(
            "{units} units, seed {TUNING_SEED:#x}: {} problems, {one_offs} one-off",
            ledger.problems.len()
        );
        for (name, evidence, _) in variants().into_iter().take(if all { 5 } else { 2 }) {
            println!("{name}");
            println!(
                "threshold  purity  recall  clusters  one-offs clustered (in 5+ unit clusters)"
            );
            for threshold in [0.20, 0.25, 0.30, 0.35, 0.40, 0.45, 0.50, 0.55] {
                let q = run(&ledger, threshold, evidence);
                println!(
                    "{threshold:9.2}  {:6.3}  {:6.3}  {:8}  {:8} ({})",
                    q.purity,
                    q.recall,
                    q.clusters,
                    q.one_offs_clustered,
                    q.one_offs_in_large_clusters
                );
            }
        }
    }
}

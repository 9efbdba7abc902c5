//! Merging clusters that are one problem in different words: the first pass splits a theme when
//! its wordings met different young clusters (公务用车管理… / 公车管理…).
//!
//! Candidates are clusters some bucket remembers together. Pairs are merged best first, and each
//! merge is checked against the clusters as they are by then: the two centres must be close
//! (threshold + `MERGE_MARGIN`), and each cluster's medoid (the member closest to its centre) must
//! nearly qualify to join the other (threshold − `MEDOID_SLACK`). Checking current clusters, not
//! pairwise links, is what stops chains (A like B, B like C) from gluing unrelated clusters
//! together; the medoid test stops a cluster from growing around the genre's stock wording alone.

use super::assign::{Centre, Clustering, REMEMBERED};
use super::lsh::ALONE;
use super::parallel::map_chunks;
use super::vectors::Vectors;

/// How much closer two centres must be than a text and a centre for their clusters to merge.
const MERGE_MARGIN: f32 = 0.05;
/// How much less than the threshold a medoid may score against the other cluster's centre.
const MEDOID_SLACK: f32 = 0.10;

/// Merges the clusters of `clustering` and returns the final cluster of each text (numbers are
/// arbitrary but deterministic).
pub(super) fn merge(
    clustering: Clustering,
    vectors: &Vectors,
    threshold: f32,
    threads: usize,
) -> Vec<u32> {
    let Clustering {
        of,
        mut centres,
        remembered,
    } = clustering;
    let check = Check {
        merge_at: threshold + MERGE_MARGIN,
        medoid_at: threshold - MEDOID_SLACK,
    };
    let mut size = vec![0u32; centres.len()];
    for &c in &of {
        size[c as usize] += 1;
    }
    let mut medoid = medoids(&of, &centres, vectors);
    let pairs = candidates(&remembered, &centres);
    let scored = map_chunks(&pairs, threads, |chunk, _| {
        chunk
            .iter()
            .filter_map(|&(a, b)| Some((check.score(&centres, &medoid, vectors, a, b)?, a, b)))
            .collect::<Vec<_>>()
    });
    let mut scored: Vec<(f32, u32, u32)> = scored.concat();
    scored.sort_by(|x, y| y.0.total_cmp(&x.0).then((x.1, x.2).cmp(&(y.1, y.2))));
    let mut parent: Vec<u32> = (0..centres.len() as u32).collect();
    for (_, a, b) in scored {
        let (ra, rb) = (root(&mut parent, a), root(&mut parent, b));
        if ra == rb {
            continue;
        }
        let changed = (ra, rb) != (a, b);
        if changed && check.score(&centres, &medoid, vectors, ra, rb).is_none() {
            continue;
        }
        let (keep, gone) = if (size[ra as usize], rb) >= (size[rb as usize], ra) {
            (ra, rb)
        } else {
            (rb, ra)
        };
        let absorbed = std::mem::replace(&mut centres[gone as usize], Centre::Lone(ALONE));
        centres[keep as usize].absorb(absorbed, vectors);
        size[keep as usize] += size[gone as usize];
        medoid[gone as usize] = medoid[keep as usize];
        parent[gone as usize] = keep;
    }
    of.iter().map(|&c| root(&mut parent, c)).collect()
}

#[derive(Clone, Copy)]
struct Check {
    merge_at: f32,
    medoid_at: f32,
}

impl Check {
    /// The similarity of clusters `a` and `b` when they may merge, else `None`.
    fn score(
        &self,
        centres: &[Centre],
        medoid: &[u32],
        vectors: &Vectors,
        a: u32,
        b: u32,
    ) -> Option<f32> {
        let (ca, cb) = (&centres[a as usize], &centres[b as usize]);
        let score = ca.cosine_with(cb, vectors);
        let ok = score >= self.merge_at
            && ca.cosine(vectors, medoid[b as usize] as usize) >= self.medoid_at
            && cb.cosine(vectors, medoid[a as usize] as usize) >= self.medoid_at;
        ok.then_some(score)
    }
}

/// Pairs of clusters some bucket remembers together, each once. Two lone texts are left out: they
/// were compared when the second one was placed.
fn candidates(remembered: &[u32], centres: &[Centre]) -> Vec<(u32, u32)> {
    let lone = |c: u32| matches!(centres[c as usize], Centre::Lone(_));
    let mut pairs = Vec::new();
    for slots in remembered.chunks(REMEMBERED) {
        let used = slots.iter().take_while(|&&c| c != ALONE).count();
        let slots = &slots[..used];
        for (i, &a) in slots.iter().enumerate() {
            for &b in &slots[i + 1..] {
                if !(lone(a) && lone(b)) {
                    pairs.push((a.min(b), a.max(b)));
                }
            }
        }
    }
    pairs.sort_unstable();
    pairs.dedup();
    pairs
}

/// The member of each cluster closest to its centre.
fn medoids(of: &[u32], centres: &[Centre], vectors: &Vectors) -> Vec<u32> {
    let mut best: Vec<(f32, u32)> = vec![(f32::MIN, ALONE); centres.len()];
    for (t, &c) in of.iter().enumerate() {
        let score = centres[c as usize].cosine(vectors, t);
        if score > best[c as usize].0 {
            best[c as usize] = (score, t as u32);
        }
    }
    best.into_iter().map(|(_, t)| t).collect()
}

fn root(parent: &mut [u32], mut x: u32) -> u32 {
    while parent[x as usize] != x {
        parent[x as usize] = parent[parent[x as usize] as usize];
        x = parent[x as usize];
    }
    x
}

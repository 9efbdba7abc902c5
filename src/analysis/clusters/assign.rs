//! Forming clusters: one pass that lets each text join the nearest cluster centre among its
//! candidates (or start a cluster), then a merge of clusters whose centres are close.
//!
//! Comparing a text with a cluster's centre (the sum of its members' vectors) rather than with
//! single members is what keeps clusters apart: a chain of pairwise look-alikes (理论学习有待加强 →
//! 调查研究有待加强 → 调查研究不深入) cannot pull two problems together, because the centre of a
//! cluster weighs what its members have in common.

use super::lsh::{Buckets, ALONE};
use super::parallel::{map_chunks, FxHashMap};
use super::vectors::{dot, Vectors};

/// How many clusters a bucket remembers (the first ones to reach it).
const REMEMBERED: usize = 8;

/// A cluster centre: a lone text, or the sum of several texts' vectors and its squared length.
enum Centre {
    Lone(u32),
    Sum {
        sum: FxHashMap<u32, f32>,
        norm2: f32,
    },
}

impl Centre {
    /// The cosine similarity of text `t` with this centre.
    fn cosine(&self, vectors: &Vectors, t: usize) -> f32 {
        let doc = vectors.doc(t);
        match self {
            Centre::Lone(other) => dot(doc, vectors.doc(*other as usize)),
            Centre::Sum { sum, norm2 } => raw_dot(sum, doc) / norm2.sqrt(),
        }
    }

    fn add(&mut self, vectors: &Vectors, t: usize) {
        if let Centre::Lone(first) = *self {
            let doc = vectors.doc(first as usize);
            let sum: FxHashMap<u32, f32> = doc.iter().copied().collect();
            let norm2 = doc.iter().map(|e| e.1 * e.1).sum();
            *self = Centre::Sum { sum, norm2 };
        }
        if let Centre::Sum { sum, norm2 } = self {
            let doc = vectors.doc(t);
            let cross = raw_dot(sum, doc);
            for &(id, w) in doc {
                *sum.entry(id).or_default() += w;
            }
            *norm2 += 2.0 * cross + doc.iter().map(|e| e.1 * e.1).sum::<f32>();
        }
    }

    /// The cosine similarity of two centres.
    fn cosine_with(&self, other: &Centre, vectors: &Vectors) -> f32 {
        match (self, other) {
            (Centre::Lone(t), c) | (c, Centre::Lone(t)) => c.cosine(vectors, *t as usize),
            (Centre::Sum { sum: a, norm2: na }, Centre::Sum { sum: b, norm2: nb }) => {
                let (small, large) = if a.len() <= b.len() { (a, b) } else { (b, a) };
                let cross: f32 = small
                    .iter()
                    .filter_map(|(id, w)| large.get(id).map(|v| w * v))
                    .sum();
                cross / (na * nb).sqrt()
            }
        }
    }
}

fn raw_dot(sum: &FxHashMap<u32, f32>, doc: &[(u32, f32)]) -> f32 {
    doc.iter()
        .filter_map(|(id, w)| sum.get(id).map(|v| w * v))
        .sum()
}

/// Clusters: the cluster of each text, the centres, and the clusters each bucket remembers.
pub(super) struct Clustering {
    pub of: Vec<u32>,
    centres: Vec<Centre>,
    remembered: Vec<u32>,
}

/// Visits the texts in `order`; each joins the cluster whose centre is most similar to it (at
/// least `threshold`) among the clusters its buckets remember, or starts a cluster of its own.
pub(super) fn gather(
    vectors: &Vectors,
    buckets: &Buckets,
    order: &[u32],
    threshold: f32,
) -> Clustering {
    let mut of = vec![ALONE; vectors.len()];
    let mut centres: Vec<Centre> = Vec::new();
    let mut remembered = vec![ALONE; buckets.count * REMEMBERED];
    let mut candidates: Vec<u32> = Vec::new();
    for &t in order {
        let t = t as usize;
        candidates.clear();
        for bucket in buckets.of(t) {
            let slots = &remembered[bucket as usize * REMEMBERED..][..REMEMBERED];
            for &c in slots.iter().take_while(|&&c| c != ALONE) {
                if !candidates.contains(&c) {
                    candidates.push(c);
                }
            }
        }
        let mut best: Option<(f32, u32)> = None;
        for &c in &candidates {
            let score = centres[c as usize].cosine(vectors, t);
            let better = match best {
                None => score >= threshold,
                Some((s, b)) => score > s || (score == s && c < b),
            };
            if better {
                best = Some((score, c));
            }
        }
        let cluster = match best {
            Some((_, c)) => {
                centres[c as usize].add(vectors, t);
                c
            }
            None => {
                centres.push(Centre::Lone(t as u32));
                centres.len() as u32 - 1
            }
        };
        of[t] = cluster;
        for bucket in buckets.of(t) {
            let slots = &mut remembered[bucket as usize * REMEMBERED..][..REMEMBERED];
            if !slots.contains(&cluster) {
                if let Some(free) = slots.iter_mut().find(|c| **c == ALONE) {
                    *free = cluster;
                }
            }
        }
    }
    Clustering {
        of,
        centres,
        remembered,
    }
}

/// Merges clusters that some bucket remembers together and whose centres have a cosine of at
/// least `threshold`; returns the cluster each cluster ends up in (the smallest number among the
/// merged ones).
pub(super) fn merge(
    clustering: &Clustering,
    vectors: &Vectors,
    join_at: f32,
    threshold: f32,
    threads: usize,
) -> Vec<u32> {
    let Clustering {
        centres,
        remembered,
        ..
    } = clustering;
    let medoids = medoids(clustering, vectors);
    let join_at = join_at - std::env::var("TZ_DELTA").ok().and_then(|v| v.parse::<f32>().ok()).unwrap_or(0.0);
    let mut pairs: Vec<(u32, u32)> = Vec::new();
    for slots in remembered.chunks(REMEMBERED) {
        let slots: Vec<u32> = slots.iter().copied().take_while(|&c| c != ALONE).collect();
        for (i, &a) in slots.iter().enumerate() {
            for &b in &slots[i + 1..] {
                let lone = |c: u32| matches!(centres[c as usize], Centre::Lone(_));
                // Two lone texts were compared when the second one was placed.
                if !(lone(a) && lone(b)) {
                    pairs.push((a.min(b), a.max(b)));
                }
            }
        }
    }
    pairs.sort_unstable();
    pairs.dedup();
    let accepted = map_chunks(&pairs, threads, |chunk, _| {
        chunk
            .iter()
            .copied()
            .filter(|&(a, b)| {
                let (ca, cb) = (&centres[a as usize], &centres[b as usize]);
                ca.cosine_with(cb, vectors) >= threshold
                    && ca.cosine(vectors, medoids[b as usize] as usize) >= join_at
                    && cb.cosine(vectors, medoids[a as usize] as usize) >= join_at
            })
            .collect::<Vec<_>>()
    });
    let mut parent: Vec<u32> = (0..centres.len() as u32).collect();
    for (a, b) in accepted.into_iter().flatten() {
        let (ra, rb) = (root(&mut parent, a), root(&mut parent, b));
        if ra != rb {
            parent[ra.max(rb) as usize] = ra.min(rb);
        }
    }
    (0..parent.len() as u32)
        .map(|c| root(&mut parent, c))
        .collect()
}

/// The member of each cluster closest to its centre.
fn medoids(clustering: &Clustering, vectors: &Vectors) -> Vec<u32> {
    let mut best: Vec<(f32, u32)> = vec![(f32::MIN, ALONE); clustering.centres.len()];
    for (t, &c) in clustering.of.iter().enumerate() {
        let score = clustering.centres[c as usize].cosine(vectors, t);
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

//! Forming clusters: one pass that lets each text join the nearest cluster centre among its
//! candidates, or start a cluster of its own.
//!
//! Comparing a text with a cluster's centre (the sum of its members' vectors) rather than with
//! single members is what keeps clusters apart: a chain of pairwise look-alikes (理论学习有待加强 →
//! 调查研究有待加强 → 调查研究不深入) cannot pull two problems together, because the centre of a
//! cluster weighs what its members have in common.

use super::lsh::{Buckets, ALONE};
use super::parallel::FxHashMap;
use super::vectors::{dot, Vectors};

/// How many clusters a bucket remembers (the first ones to reach it).
pub(super) const REMEMBERED: usize = 8;
/// How many candidate clusters a text is compared with: those most of its buckets remember.
/// Comparing with all of them (~40 on average in a province store) took twice as long for the
/// same purity and recall.
const CANDIDATES: usize = 8;

/// A cluster centre: a lone text, or the sum of several texts' vectors and its squared length.
pub(super) enum Centre {
    Lone(u32),
    Sum {
        sum: FxHashMap<u32, f32>,
        norm2: f32,
    },
}

impl Centre {
    /// The cosine similarity of text `t` with this centre.
    pub(super) fn cosine(&self, vectors: &Vectors, t: usize) -> f32 {
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

    /// Adds the texts of `other` to this centre.
    pub(super) fn absorb(&mut self, other: Centre, vectors: &Vectors) {
        let (mut a, na) = std::mem::replace(self, Centre::Lone(0)).into_sum(vectors);
        let (mut b, nb) = other.into_sum(vectors);
        if a.len() < b.len() {
            std::mem::swap(&mut a, &mut b);
        }
        let cross: f32 = b
            .iter()
            .filter_map(|(id, w)| a.get(id).map(|v| w * v))
            .sum();
        for (id, w) in b {
            *a.entry(id).or_default() += w;
        }
        *self = Centre::Sum {
            sum: a,
            norm2: na + nb + 2.0 * cross,
        };
    }

    fn into_sum(self, vectors: &Vectors) -> (FxHashMap<u32, f32>, f32) {
        match self {
            Centre::Lone(t) => {
                let doc = vectors.doc(t as usize);
                (
                    doc.iter().copied().collect(),
                    doc.iter().map(|e| e.1 * e.1).sum(),
                )
            }
            Centre::Sum { sum, norm2 } => (sum, norm2),
        }
    }

    /// The cosine similarity of two centres.
    pub(super) fn cosine_with(&self, other: &Centre, vectors: &Vectors) -> f32 {
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
    pub centres: Vec<Centre>,
    /// `REMEMBERED` slots per bucket.
    pub remembered: Vec<u32>,
}

/// Visits the texts in `order`; each joins the cluster whose centre is most similar to it (at
/// least `threshold`) among the `CANDIDATES` clusters its buckets remember most often, or starts
/// a cluster of its own.
pub(super) fn gather(
    vectors: &Vectors,
    buckets: &Buckets,
    order: &[u32],
    threshold: f32,
) -> Clustering {
    let mut of = vec![ALONE; vectors.len()];
    let mut centres: Vec<Centre> = Vec::new();
    let mut remembered = vec![ALONE; buckets.count * REMEMBERED];
    let mut candidates: Vec<(u32, u32)> = Vec::new();
    for &t in order {
        let t = t as usize;
        candidates.clear();
        for bucket in buckets.of(t) {
            let slots = &remembered[bucket as usize * REMEMBERED..][..REMEMBERED];
            for &c in slots.iter().take_while(|&&c| c != ALONE) {
                match candidates.iter_mut().find(|(x, _)| *x == c) {
                    Some((_, n)) => *n += 1,
                    None => candidates.push((c, 1)),
                }
            }
        }
        candidates.sort_unstable_by_key(|&(c, n)| (std::cmp::Reverse(n), c));
        candidates.truncate(CANDIDATES);
        let mut best: Option<(f32, u32)> = None;
        for &(c, _) in &candidates {
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

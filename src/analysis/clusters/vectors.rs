//! Problem texts as sparse unit vectors over their features (see [`Evidence`]): the character
//! unigrams and bigrams of [`Profile`](crate::analysis::similarity::Profile) (the default), or
//! the words of [`crate::analysis::words::terms`].
//!
//! The weighting is what lets a cluster form around what a problem is about (特种设备, 党费收缴)
//! rather than around the stock phrases every summary uses (存在, 不够, 有待加强, 的问题依然存在).
//! Characters are weighted by inverse document frequency over the texts being clustered; words by
//! the geometric mean of that and the reference vocabulary's
//! ([`Reference`](crate::analysis::words::Reference)), unless [`Evidence`] says otherwise.

use super::features::Features;
use super::parallel::{map_chunks, FxHashMap};
use super::Evidence;

/// Inverse document frequency is `ln((N + SMOOTHING) / (df + 1))`: as if the store held this many
/// more problems, one of them with the feature. In a large store it is the usual `ln(N / df)`; in
/// a small one it flattens the weights, because there a problem five units share is as frequent
/// as a stock phrase and frequency alone cannot tell them apart. (Measured: with plain `ln(1 +
/// N/df)`, a 13-problem store split 理论学习不够深入 into two clusters and missed 三会一课.)
const SMOOTHING: f64 = 100.0;

/// A feature: a character bigram or unigram, or a word's hash (see `features.rs`).
pub(super) type Key = u64;

/// What is known of one feature while the vectors are built.
#[derive(Clone, Copy)]
struct Seen {
    df: u32,
    /// Its weight in the reference vocabulary (words only; 1 otherwise).
    prior: f32,
    /// Whether it may go into MinHash signatures.
    signs: bool,
}

/// The texts as vectors, stored flat: the entries of text `i` are
/// `entries[starts[i]..starts[i + 1]]`, (feature id, weight) sorted by feature id, with unit
/// Euclidean length (or no entries at all).
pub(super) struct Vectors {
    entries: Vec<(u32, f32)>,
    starts: Vec<usize>,
    /// Per feature id: its key, in how many texts it occurs, and whether it may sign.
    pub keys: Vec<Key>,
    pub df: Vec<u32>,
    pub signs: Vec<bool>,
}

/// One chunk's features: per text its (key, count), flat, and what the chunk saw of each key.
struct Part {
    features: Vec<(Key, u32)>,
    lengths: Vec<u32>,
    seen: FxHashMap<Key, Seen>,
}

impl Vectors {
    /// Builds the vectors of `texts` on `threads` threads. Each text is read once (segmenting
    /// is the costly step); feature ids follow key order, so the result does not depend on the
    /// thread count.
    pub fn build<S: AsRef<str> + Sync>(texts: &[S], evidence: Evidence, threads: usize) -> Vectors {
        let parts = map_chunks(texts, threads, |chunk, _| {
            let mut part = Part {
                features: Vec::new(),
                lengths: Vec::with_capacity(chunk.len()),
                seen: FxHashMap::default(),
            };
            let mut scratch = Features::new(evidence);
            for text in chunk {
                let features = scratch.of(text.as_ref());
                for f in features {
                    let seen = part.seen.entry(f.key).or_insert(Seen {
                        df: 0,
                        prior: f.prior,
                        signs: f.signs,
                    });
                    seen.df += 1;
                    part.features.push((f.key, f.count));
                }
                part.lengths.push(features.len() as u32);
            }
            part
        });
        let mut total: FxHashMap<Key, Seen> = FxHashMap::default();
        for part in &parts {
            for (&key, seen) in &part.seen {
                total
                    .entry(key)
                    .and_modify(|s| s.df += seen.df)
                    .or_insert(*seen);
            }
        }
        let mut keys: Vec<Key> = total.keys().copied().collect();
        keys.sort_unstable();
        let df: Vec<u32> = keys.iter().map(|k| total[k].df).collect();
        let signs: Vec<bool> = keys.iter().map(|k| total[k].signs).collect();
        let ids: FxHashMap<Key, u32> = keys
            .iter()
            .enumerate()
            .map(|(i, &k)| (k, i as u32))
            .collect();
        let n = texts.len() as f64;
        let weight: Vec<f32> = keys
            .iter()
            .map(|k| {
                let seen = &total[k];
                let idf = ((n + SMOOTHING) / (f64::from(seen.df) + 1.0)).ln() as f32;
                evidence.weigh(idf, seen.prior)
            })
            .collect();
        drop(total);
        let vectors = map_chunks(&parts, threads, |chunk, _| {
            chunk
                .iter()
                .map(|part| {
                    let mut entries = Vec::with_capacity(part.features.len());
                    let mut start = 0;
                    for &len in &part.lengths {
                        let doc = &part.features[start..start + len as usize];
                        start += len as usize;
                        let first = entries.len();
                        for &(key, count) in doc {
                            let id = ids[&key];
                            entries.push((id, count as f32 * weight[id as usize]));
                        }
                        let doc = &mut entries[first..];
                        doc.sort_unstable_by_key(|e| e.0);
                        let norm = doc.iter().map(|e| e.1 * e.1).sum::<f32>().sqrt();
                        doc.iter_mut().for_each(|e| e.1 /= norm);
                    }
                    entries
                })
                .collect::<Vec<_>>()
        });
        let mut entries = Vec::with_capacity(parts.iter().map(|p| p.features.len()).sum());
        let mut starts = Vec::with_capacity(texts.len() + 1);
        starts.push(0);
        for (part, part_entries) in parts.iter().zip(vectors.into_iter().flatten()) {
            entries.extend_from_slice(&part_entries);
            for &len in &part.lengths {
                starts.push(starts[starts.len() - 1] + len as usize);
            }
        }
        Vectors {
            entries,
            starts,
            keys,
            df,
            signs,
        }
    }

    pub fn len(&self) -> usize {
        self.starts.len() - 1
    }

    /// The entries of text `i`.
    pub fn doc(&self, i: usize) -> &[(u32, f32)] {
        &self.entries[self.starts[i]..self.starts[i + 1]]
    }
}

/// The dot product of two texts' vectors (their cosine similarity).
pub(super) fn dot(a: &[(u32, f32)], b: &[(u32, f32)]) -> f32 {
    let (mut i, mut j, mut sum) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                sum += a[i].1 * b[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    sum
}

#[cfg(test)]
mod tests;

//! Problem texts as sparse unit vectors over the features of
//! [`Profile`](crate::analysis::similarity::Profile) (character unigrams and bigrams of the
//! normalised text), weighted by inverse document frequency over the texts being clustered.
//!
//! The weighting is what lets a cluster form around what a problem is about (特种设备, 党费收缴)
//! rather than around the stock phrases every summary uses (存在, 不够, 有待加强, 的问题依然存在).

use super::parallel::{map_chunks, FxHashMap};
use crate::analysis::similarity::normalize;

/// Inverse document frequency is `ln((N + SMOOTHING) / (df + 1))`: as if the store held this many
/// more problems, one of them with the feature. In a large store it is the usual `ln(N / df)`; in
/// a small one it flattens the weights, because there a problem five units share is as frequent
/// as a stock phrase and frequency alone cannot tell them apart. (Measured: with plain `ln(1 +
/// N/df)`, a 13-problem store split 理论学习不够深入 into two clusters and missed 三会一课.)
const SMOOTHING: f64 = 100.0;

/// A feature: a character and the one after it (`NO_NEXT` for a unigram), packed in 42 bits.
pub(super) type Key = u64;

const NO_NEXT: u64 = 0x1F_FFFF;

/// The texts as vectors, stored flat: the entries of text `i` are
/// `entries[starts[i]..starts[i + 1]]`, (feature id, weight) sorted by feature id, with unit
/// Euclidean length (or no entries at all).
pub(super) struct Vectors {
    entries: Vec<(u32, f32)>,
    starts: Vec<usize>,
    /// Per feature id: its key and in how many texts it occurs.
    pub keys: Vec<Key>,
    pub df: Vec<u32>,
}

impl Vectors {
    /// Builds the vectors of `texts` on `threads` threads. Feature ids follow key order, so the
    /// result does not depend on the thread count.
    pub fn build<S: AsRef<str> + Sync>(texts: &[S], threads: usize) -> Vectors {
        let counts = map_chunks(texts, threads, |chunk, _| {
            let mut df: FxHashMap<Key, u32> = FxHashMap::default();
            let mut scratch = Scratch::default();
            for text in chunk {
                for &(key, _) in scratch.features(text.as_ref()) {
                    *df.entry(key).or_default() += 1;
                }
            }
            df
        });
        let mut total: FxHashMap<Key, u32> = FxHashMap::default();
        for part in counts {
            for (key, n) in part {
                *total.entry(key).or_default() += n;
            }
        }
        let mut keys: Vec<Key> = total.keys().copied().collect();
        keys.sort_unstable();
        let df: Vec<u32> = keys.iter().map(|k| total[k]).collect();
        let ids: FxHashMap<Key, u32> = keys
            .iter()
            .enumerate()
            .map(|(i, &k)| (k, i as u32))
            .collect();
        let n = texts.len() as f64;
        let idf: Vec<f32> = df
            .iter()
            .map(|&d| ((n + SMOOTHING) / (f64::from(d) + 1.0)).ln() as f32)
            .collect();
        let parts = map_chunks(texts, threads, |chunk, _| {
            let mut entries = Vec::new();
            let mut lengths = Vec::with_capacity(chunk.len());
            let mut scratch = Scratch::default();
            for text in chunk {
                let start = entries.len();
                for &(key, count) in scratch.features(text.as_ref()) {
                    let id = ids[&key];
                    entries.push((id, count as f32 * idf[id as usize]));
                }
                let doc = &mut entries[start..];
                doc.sort_unstable_by_key(|e| e.0);
                let norm = doc.iter().map(|e| e.1 * e.1).sum::<f32>().sqrt();
                doc.iter_mut().for_each(|e| e.1 /= norm);
                lengths.push(entries.len() - start);
            }
            (entries, lengths)
        });
        let mut entries = Vec::with_capacity(parts.iter().map(|p| p.0.len()).sum());
        let mut starts = Vec::with_capacity(texts.len() + 1);
        starts.push(0);
        for (part, lengths) in parts {
            entries.extend_from_slice(&part);
            for len in lengths {
                starts.push(starts[starts.len() - 1] + len);
            }
        }
        Vectors {
            entries,
            starts,
            keys,
            df,
        }
    }

    pub fn len(&self) -> usize {
        self.starts.len() - 1
    }

    /// The entries of text `i`.
    pub fn doc(&self, i: usize) -> &[(u32, f32)] {
        &self.entries[self.starts[i]..self.starts[i + 1]]
    }

    /// Whether feature `id` is a bigram.
    pub fn is_bigram(&self, id: u32) -> bool {
        self.keys[id as usize] & NO_NEXT != NO_NEXT
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

/// Buffers reused from one text to the next.
#[derive(Default)]
struct Scratch {
    chars: Vec<char>,
    keys: Vec<Key>,
    counted: Vec<(Key, u32)>,
}

impl Scratch {
    /// The distinct features of `text` with their counts, in key order.
    fn features(&mut self, text: &str) -> &[(Key, u32)] {
        self.chars.clear();
        self.chars.extend(normalize(text));
        self.keys.clear();
        for (i, &c) in self.chars.iter().enumerate() {
            let c = u64::from(c) << 21;
            self.keys.push(c | NO_NEXT);
            if let Some(&next) = self.chars.get(i + 1) {
                self.keys.push(c | u64::from(next));
            }
        }
        self.keys.sort_unstable();
        self.counted.clear();
        for &key in &self.keys {
            match self.counted.last_mut() {
                Some((last, n)) if *last == key => *n += 1,
                _ => self.counted.push((key, 1)),
            }
        }
        &self.counted
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vectors_have_unit_length_and_identical_texts_a_cosine_of_one() {
        let texts = [
            "理论学习不够深入",
            "理论学习不够深入。",
            "党费收缴不规范",
            "，。",
        ];
        let v = Vectors::build(&texts, 2);
        assert_eq!(v.len(), 4);
        assert!((dot(v.doc(0), v.doc(0)) - 1.0).abs() < 1e-5);
        assert!((dot(v.doc(0), v.doc(1)) - 1.0).abs() < 1e-5);
        assert!(dot(v.doc(0), v.doc(2)) < 0.3);
        assert!(v.doc(3).is_empty());
    }

    #[test]
    fn stock_words_weigh_less_than_what_a_problem_is_about() {
        let texts = [
            "理论学习有待加强",
            "党费收缴有待加强",
            "档案管理有待加强",
            "理论学习不够深入",
        ];
        let v = Vectors::build(&texts, 1);
        // Sharing 理论学习 (rare) counts for more than sharing 有待加强 (everywhere).
        assert!(dot(v.doc(0), v.doc(3)) > dot(v.doc(0), v.doc(1)));
    }

    #[test]
    fn the_thread_count_does_not_change_the_vectors() {
        let texts: Vec<String> = (0..50).map(|i| format!("第{i}项问题整改不到位")).collect();
        let one = Vectors::build(&texts, 1);
        let three = Vectors::build(&texts, 3);
        assert_eq!(one.entries, three.entries);
        assert_eq!(one.starts, three.starts);
    }
}

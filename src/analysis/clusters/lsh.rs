//! Finding candidates without comparing all pairs: MinHash signatures over a text's informative
//! character bigrams (or words), cut into bands (locality-sensitive hashing); texts with the same
//! values in a band share a bucket. Two texts sharing a fraction `s` of their bigrams meet in some bucket with probability
//! `1 - (1 - s^ROWS)^BANDS` (s = 0.3: 0.77; s = 0.5: 0.99).
//!
//! Bigrams are left out of the signatures when they occur in one text only (they cannot make two
//! texts meet) or in too many (存在, 不够, 工作: they would throw unrelated texts together). The
//! second cut only applies in large stores, where a shared problem rarely reaches that share.

use super::parallel::{map_chunks, mix};
use super::vectors::Vectors;

pub(super) const BANDS: usize = 16;
const ROWS: usize = 2;
const HASHES: usize = BANDS * ROWS;

/// A bigram in more than this share of the texts is left out of signatures…
const COMMON_SHARE: f64 = 0.10;
/// …provided it is also in more than this many texts.
const COMMON_FLOOR: u32 = 500;
/// How much one band can add to a text's density.
const DENSITY_CAP: u32 = 32;

/// Marks a text that is alone in its bucket.
pub(super) const ALONE: u32 = u32::MAX;

/// The buckets each text falls into, one per band, and how crowded its neighbourhood is.
pub(super) struct Buckets {
    /// `of[text * BANDS + band]`: the bucket, or `ALONE`.
    of: Vec<u32>,
    /// Number of buckets holding two texts or more.
    pub count: usize,
    /// Per text: how many texts share its buckets (each band capped at `DENSITY_CAP`). Typical
    /// wordings of a common problem score high, one-off problems score zero.
    pub density: Vec<u32>,
}

impl Buckets {
    pub fn build(vectors: &Vectors, threads: usize) -> Buckets {
        let n = vectors.len();
        let limit = (COMMON_SHARE * n as f64).max(f64::from(COMMON_FLOOR));
        let useful: Vec<bool> = (0..vectors.keys.len())
            .map(|id| {
                let df = vectors.df[id];
                vectors.signs[id] && df >= 2 && f64::from(df) <= limit
            })
            .collect();
        let seeds: Vec<(u64, u64)> = (0..HASHES as u64)
            .map(|k| (mix(k + 1) | 1, mix(k + 0x100)))
            .collect();
        let indices: Vec<u32> = (0..n as u32).collect();
        // Per text, its band values (0 for a text with no useful bigram: it joins no bucket).
        let parts = map_chunks(&indices, threads, |chunk, _| {
            let mut values = Vec::with_capacity(chunk.len() * BANDS);
            let mut mins = [u64::MAX; HASHES];
            for &t in chunk {
                mins.fill(u64::MAX);
                let mut any = false;
                for &(id, _) in vectors.doc(t as usize) {
                    if !useful[id as usize] {
                        continue;
                    }
                    any = true;
                    let base = mix(vectors.keys[id as usize]);
                    for (min, &(a, b)) in mins.iter_mut().zip(&seeds) {
                        *min = (*min).min(base.wrapping_mul(a).wrapping_add(b));
                    }
                }
                for (band, rows) in mins.chunks(ROWS).enumerate() {
                    let value = if any {
                        rows.iter().fold(mix(band as u64), |h, &r| mix(h ^ r)) | 1
                    } else {
                        0
                    };
                    values.push(value);
                }
            }
            values
        });
        let values: Vec<u64> = parts.concat();
        let bands: Vec<usize> = (0..BANDS).collect();
        let runs = map_chunks(&bands, threads, |chunk, _| {
            chunk
                .iter()
                .map(|&band| band_runs(&values, n, band))
                .collect::<Vec<_>>()
        });
        let mut of = vec![ALONE; n * BANDS];
        let mut density = vec![0u32; n];
        let mut count = 0;
        for (band, band_runs) in runs.into_iter().flatten().enumerate() {
            for run in band_runs {
                let extra = (run.len() as u32 - 1).min(DENSITY_CAP);
                for &t in &run {
                    of[t as usize * BANDS + band] = count as u32;
                    density[t as usize] += extra;
                }
                count += 1;
            }
        }
        Buckets { of, count, density }
    }

    /// The buckets text `t` shares with other texts.
    pub fn of(&self, t: usize) -> impl Iterator<Item = u32> + '_ {
        self.of[t * BANDS..(t + 1) * BANDS]
            .iter()
            .copied()
            .filter(|&b| b != ALONE)
    }
}

/// The groups of two or more texts with the same value in `band`, in value order.
fn band_runs(values: &[u64], n: usize, band: usize) -> Vec<Vec<u32>> {
    let mut pairs: Vec<(u64, u32)> = (0..n)
        .map(|t| (values[t * BANDS + band], t as u32))
        .filter(|p| p.0 != 0)
        .collect();
    pairs.sort_unstable();
    pairs
        .chunk_by(|a, b| a.0 == b.0)
        .filter(|run| run.len() > 1)
        .map(|run| run.iter().map(|p| p.1).collect())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::analysis::clusters::Evidence;

    #[test]
    fn rewordings_share_buckets_and_unrelated_texts_do_not() {
        let texts = [
            "部分党员干部理论学习不够深入，学习停留在面上",
            "理论学习深度不够，学习停留在面上，系统性不强",
            "食品安全抽检覆盖面不广，农村地区抽检批次偏少",
            "预算执行进度滞后，结转结余资金较多",
        ];
        for evidence in [Evidence::Characters, Evidence::WORDS] {
            let vectors = Vectors::build(&texts, evidence, 1);
            let buckets = Buckets::build(&vectors, 2);
            let shared = |a: usize, b: usize| buckets.of(a).any(|x| buckets.of(b).any(|y| x == y));
            assert!(shared(0, 1), "{evidence:?}");
            assert!(!shared(0, 2) && !shared(2, 3), "{evidence:?}");
            assert!(buckets.density[0] > 0 && buckets.density[3] == 0);
        }
    }

    #[test]
    fn a_text_without_letters_joins_no_bucket() {
        let texts = ["，。", "，。", "理论学习不够深入"];
        for evidence in [Evidence::Characters, Evidence::WORDS] {
            let buckets = Buckets::build(&Vectors::build(&texts, evidence, 1), 1);
            assert_eq!(buckets.of(0).count(), 0);
            assert_eq!(buckets.count, 0);
        }
    }
}

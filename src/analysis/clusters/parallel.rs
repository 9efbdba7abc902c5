//! Splitting work over threads with `std::thread::scope`: contiguous chunks, results in order,
//! so the outcome never depends on the number of threads.

/// Applies `work` to contiguous chunks of `items` on up to `threads` threads and returns the
/// chunk results in order. `work` receives the chunk and the index of its first item.
pub(super) fn map_chunks<T, R, F>(items: &[T], threads: usize, work: F) -> Vec<R>
where
    T: Sync,
    R: Send,
    F: Fn(&[T], usize) -> R + Sync,
{
    let threads = threads.clamp(1, items.len().max(1));
    if threads == 1 {
        return vec![work(items, 0)];
    }
    let size = items.len().div_ceil(threads);
    std::thread::scope(|scope| {
        let handles: Vec<_> = items
            .chunks(size)
            .enumerate()
            .map(|(i, chunk)| {
                let work = &work;
                scope.spawn(move || work(chunk, i * size))
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("a clustering thread panicked"))
            .collect()
    })
}

/// A fast, deterministic hasher for integer keys (the multiply-rotate of rustc's FxHasher):
/// the default SipHash is several times slower and its keys need no protection here.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct FxHasher(u64);

impl std::hash::Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(u64::from(b));
        }
    }

    fn write_u32(&mut self, n: u32) {
        self.write_u64(u64::from(n));
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x51_7C_C1_B7_27_22_0A_95);
    }

    fn write_usize(&mut self, n: usize) {
        self.write_u64(n as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

pub(super) type FxBuild = std::hash::BuildHasherDefault<FxHasher>;
pub(super) type FxHashMap<K, V> = std::collections::HashMap<K, V, FxBuild>;

/// Mixes a 64-bit value into a well-spread hash (the SplitMix64 finaliser).
pub(super) fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chunk_results_come_back_in_order_whatever_the_thread_count() {
        let items: Vec<u32> = (0..1000).collect();
        for threads in [1, 2, 3, 8] {
            let sums: Vec<(usize, u32)> =
                map_chunks(&items, threads, |chunk, start| (start, chunk.iter().sum()));
            assert_eq!(sums.iter().map(|s| s.1).sum::<u32>(), 499_500);
            assert!(sums.windows(2).all(|w| w[0].0 < w[1].0));
        }
        assert_eq!(map_chunks(&[] as &[u32], 4, |c, _| c.len()), [0]);
    }
}

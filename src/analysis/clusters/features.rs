//! The features of one text, as [`Evidence`] says: its words (segmented, synonyms read as one
//! word, each weighted in advance by the reference vocabulary), or its character unigrams and
//! bigrams.

use super::parallel::mix;
use super::vectors::Key;
use super::Evidence;
use crate::analysis::similarity::normalize;
use crate::analysis::words::{terms, Reference};

/// A character key's second half when the feature is a unigram.
const NO_NEXT: u64 = 0x1F_FFFF;
/// Set in every word's key, never in a character key (those use 42 bits).
const WORD: u64 = 1 << 63;

/// One feature of a text.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Feature {
    pub key: Key,
    /// How often the text has it (words: once).
    pub count: u32,
    /// Its weight in the reference vocabulary (characters: 1).
    pub prior: f32,
    /// Whether it may go into MinHash signatures: words and character bigrams.
    pub signs: bool,
}

/// Buffers reused from one text to the next.
pub(super) struct Features {
    evidence: Evidence,
    chars: Vec<char>,
    keys: Vec<Key>,
    out: Vec<Feature>,
}

impl Features {
    pub fn new(evidence: Evidence) -> Features {
        Features {
            evidence,
            chars: Vec::new(),
            keys: Vec::new(),
            out: Vec::new(),
        }
    }

    /// The distinct features of `text`, in key order.
    pub fn of(&mut self, text: &str) -> &[Feature] {
        self.out.clear();
        match self.evidence {
            Evidence::Characters => self.characters(text),
            Evidence::Words { synonyms, .. } => {
                let reference = Reference::shipped();
                for word in terms(text, synonyms) {
                    self.out.push(Feature {
                        key: word_key(&word),
                        count: 1,
                        prior: reference.idf(&word) as f32,
                        signs: true,
                    });
                }
                self.out.sort_unstable_by_key(|f| f.key);
                self.out.dedup_by_key(|f| f.key);
            }
        }
        &self.out
    }

    fn characters(&mut self, text: &str) {
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
        for &key in &self.keys {
            match self.out.last_mut() {
                Some(last) if last.key == key => last.count += 1,
                _ => self.out.push(Feature {
                    key,
                    count: 1,
                    prior: 1.0,
                    signs: key & NO_NEXT != NO_NEXT,
                }),
            }
        }
    }
}

/// A word's key: a 63-bit hash of its bytes, marked as a word.
fn word_key(word: &str) -> Key {
    word.bytes()
        .fold(mix(word.len() as u64), |h, b| mix(h ^ u64::from(b)))
        | WORD
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::clusters::Weights;

    const WORDS: Evidence = Evidence::Words {
        synonyms: true,
        weights: Weights::Both,
    };

    #[test]
    fn characters_give_unigrams_and_bigrams_with_counts_and_only_bigrams_sign() {
        let mut features = Features::new(Evidence::Characters);
        let got = features.of("学习学").to_vec();
        // 学, 习, 学习, 习学: 学 twice.
        assert_eq!(got.len(), 4);
        assert_eq!(got.iter().map(|f| f.count).sum::<u32>(), 5);
        assert_eq!(got.iter().filter(|f| f.signs).count(), 2);
    }

    #[test]
    fn words_are_read_once_with_their_synonyms_and_rare_words_weigh_more() {
        let mut features = Features::new(WORDS);
        let a = features.of("公务用车管理不规范，公务用车登记不全").to_vec();
        let b = features.of("公车管理不规范").to_vec();
        assert!(a
            .iter()
            .all(|f| f.count == 1 && f.signs && f.key & WORD != 0));
        let shared: Vec<&Feature> = a.iter().filter(|f| b.contains(f)).collect();
        assert!(shared.len() >= 2, "公车 and 管理 at least: {shared:?}");
        let mut weight = |text: &str| {
            features
                .of(text)
                .iter()
                .map(|f| f.prior)
                .fold(0.0, f32::max)
        };
        assert!(weight("两张皮") > weight("机制"));
    }
}

//! Text similarity that works on Chinese without a word segmenter: the cosine of character
//! unigram and bigram counts, after dropping punctuation, spaces and site markers.
//!
//! Used to match a later summary's report to the earlier problem it is about, and to find
//! problems that come back in new words.

use std::collections::HashMap;

/// A text reduced to its character unigram and bigram counts.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Profile {
    counts: HashMap<(char, Option<char>), u32>,
    norm: f64,
}

impl Profile {
    /// Builds the profile of `text`. Only letters and digits count; ASCII letters are folded to
    /// lower case and full-width forms to their half-width equivalents.
    pub fn new(text: &str) -> Profile {
        let chars: Vec<char> = normalize(text).collect();
        let mut counts: HashMap<(char, Option<char>), u32> = HashMap::new();
        for (i, &c) in chars.iter().enumerate() {
            *counts.entry((c, None)).or_default() += 1;
            if let Some(&next) = chars.get(i + 1) {
                *counts.entry((c, Some(next))).or_default() += 1;
            }
        }
        let norm = counts
            .values()
            .map(|&n| f64::from(n) * f64::from(n))
            .sum::<f64>()
            .sqrt();
        Profile { counts, norm }
    }

    /// True when the text had no letters or digits at all.
    pub fn is_empty(&self) -> bool {
        self.counts.is_empty()
    }

    /// Cosine similarity in [0, 1]; 0 when either side is empty.
    pub fn cosine(&self, other: &Profile) -> f64 {
        if self.is_empty() || other.is_empty() {
            return 0.0;
        }
        let (small, large) = if self.counts.len() <= other.counts.len() {
            (self, other)
        } else {
            (other, self)
        };
        let dot: f64 = small
            .counts
            .iter()
            .filter_map(|(k, &a)| large.counts.get(k).map(|&b| f64::from(a) * f64::from(b)))
            .sum();
        (dot / (self.norm * other.norm)).clamp(0.0, 1.0)
    }
}

/// How telling each character and character pair is in a set of texts: the inverse document
/// frequency, so that words every summary uses (不够, 存在, 问题, 发挥) count for little and the
/// words that name a problem (师德师风, 证据链) count for much.
#[derive(Debug, Clone, Default)]
pub struct Idf {
    weights: HashMap<(char, Option<char>), f64>,
    unseen: f64,
}

impl Idf {
    /// Learns the weights from `profiles` (smoothed: ln((N + 1) / (df + 1)) + 1).
    pub fn new<'a>(profiles: impl IntoIterator<Item = &'a Profile>) -> Idf {
        let mut df: HashMap<(char, Option<char>), u32> = HashMap::new();
        let mut n = 0u32;
        for profile in profiles {
            n += 1;
            for key in profile.counts.keys() {
                *df.entry(*key).or_default() += 1;
            }
        }
        let idf = |df: u32| ((f64::from(n) + 1.0) / (f64::from(df) + 1.0)).ln() + 1.0;
        Idf {
            weights: df.into_iter().map(|(k, d)| (k, idf(d))).collect(),
            unseen: idf(0),
        }
    }

    fn weight(&self, key: &(char, Option<char>)) -> f64 {
        self.weights.get(key).copied().unwrap_or(self.unseen)
    }

    fn norm(&self, p: &Profile) -> f64 {
        p.counts
            .iter()
            .map(|(k, &n)| (f64::from(n) * self.weight(k)).powi(2))
            .sum::<f64>()
            .sqrt()
    }

    /// Cosine of the weighted counts, in [0, 1]; 0 when either side is empty.
    pub fn cosine(&self, a: &Profile, b: &Profile) -> f64 {
        if a.is_empty() || b.is_empty() {
            return 0.0;
        }
        let (small, large) = if a.counts.len() <= b.counts.len() {
            (a, b)
        } else {
            (b, a)
        };
        let dot: f64 = small
            .counts
            .iter()
            .filter_map(|(k, &x)| {
                let y = large.counts.get(k)?;
                Some(f64::from(x) * f64::from(*y) * self.weight(k).powi(2))
            })
            .sum();
        (dot / (self.norm(a) * self.norm(b))).clamp(0.0, 1.0)
    }
}

/// The cosine similarity of two texts (see [`Profile`]).
pub fn similarity(a: &str, b: &str) -> f64 {
    Profile::new(a).cosine(&Profile::new(b))
}

/// The characters a profile counts: letters and digits, lower-cased, full-width folded.
pub(crate) fn normalize(text: &str) -> impl Iterator<Item = char> + '_ {
    text.chars().filter_map(|c| {
        let c = match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            _ => c,
        };
        c.is_alphanumeric().then(|| c.to_ascii_lowercase())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identical_texts_score_one_and_unrelated_texts_near_zero() {
        let a = "理论学习与业务工作结合不够紧密";
        assert!((similarity(a, a) - 1.0).abs() < 1e-9);
        assert!(similarity(a, "食品安全抽检覆盖面不够广") < 0.2);
    }

    #[test]
    fn punctuation_and_width_do_not_matter() {
        let score = similarity("三会一课，记录不规范。", "“三会一课”记录不规范");
        assert!((score - 1.0).abs() < 1e-9, "{score}");
        assert!((similarity("ＡＢＣ１２", "abc12") - 1.0).abs() < 1e-9);
    }

    #[test]
    fn a_reworded_problem_scores_higher_than_a_different_one() {
        let earlier = "农村地区食品安全抽检批次偏少，覆盖面不够广";
        let reworded = "农村地区食品抽检力量仍然薄弱，抽检覆盖不够";
        let different = "执法人员业务培训不够系统";
        assert!(similarity(earlier, reworded) > similarity(earlier, different) + 0.2);
    }

    #[test]
    fn empty_texts_are_similar_to_nothing() {
        assert_eq!(similarity("", "问题"), 0.0);
        assert_eq!(similarity("，。", "，。"), 0.0);
    }
}

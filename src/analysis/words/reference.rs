//! The reference vocabulary: in how many of a fixed set of problem texts each word occurs, shipped
//! with the binary (`reference.txt`) so that a word's weight never depends on what else a store
//! holds.
//!
//! The set is the problems and measures of the keyed fixture documents (fixtures/documents) and
//! a synthetic ledger of the default seed; the chains of fixtures/chains that recurrence is
//! measured on are not in it. Regenerate with `TAIZHANG_UPDATE_REFERENCE=1 cargo test --lib
//! analysis::words` after changing the segmenter, the terms or the synonyms.

use std::collections::HashMap;
use std::sync::OnceLock;

const REFERENCE: &str = include_str!("reference.txt");

/// Document frequencies of the reference set.
#[derive(Debug)]
pub struct Reference {
    documents: u32,
    df: HashMap<&'static str, u32>,
    /// For each character, the summed document frequency of the words it is in, and the sum
    /// over every word.
    chars: HashMap<char, u32>,
    char_total: u32,
}

impl Reference {
    /// The vocabulary shipped with the binary.
    pub fn shipped() -> &'static Reference {
        static SHIPPED: OnceLock<Reference> = OnceLock::new();
        SHIPPED.get_or_init(|| Reference::parse(REFERENCE))
    }

    /// Reads `documents N` then one `word<TAB>df` a line.
    fn parse(text: &'static str) -> Reference {
        let mut documents = 1;
        let mut df = HashMap::new();
        for line in text.lines() {
            let Some((word, n)) = line.split_once('\t') else {
                continue;
            };
            let n: u32 = n.trim().parse().unwrap_or(0);
            if word == "#documents" {
                documents = n.max(1);
            } else {
                df.insert(word, n);
            }
        }
        let mut chars: HashMap<char, u32> = HashMap::new();
        let mut char_total = 0;
        for (word, n) in &df {
            char_total += n;
            let mut seen: Vec<char> = word.chars().collect();
            seen.sort_unstable();
            seen.dedup();
            for c in seen {
                *chars.entry(c).or_default() += n;
            }
        }
        Reference {
            documents,
            df,
            chars,
            char_total,
        }
    }

    /// How telling `word` is: ln((N + 1) / (df + 1)) + 1 over the reference set, so that the
    /// genre's everyday words (不够, 机制, 党建, 干部) weigh little and unseen words most.
    pub fn idf(&self, word: &str) -> f64 {
        let df = self.df.get(word).copied().unwrap_or(0);
        ((f64::from(self.documents) + 1.0) / (f64::from(df) + 1.0)).ln() + 1.0
    }

    /// How telling a character is, the same way: by the words of the reference it is in (人, 管
    /// and 理 are in many, 校 and 缺 in few).
    pub fn char_idf(&self, c: char) -> f64 {
        let n = self.chars.get(&c).copied().unwrap_or(0);
        ((f64::from(self.char_total) + 1.0) / (f64::from(n) + 1.0)).ln() + 1.0
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;
    use crate::analysis::words::terms;
    use crate::synth::{generate, SynthConfig};

    /// The texts the reference counts.
    fn reference_texts() -> Vec<String> {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/documents");
        let mut files: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.to_string_lossy().ends_with(".key.json"))
            .collect();
        files.sort();
        let mut texts = Vec::new();
        for file in files {
            let key: serde_json::Value =
                serde_json::from_str(&std::fs::read_to_string(file).unwrap()).unwrap();
            for p in key["problems"].as_array().into_iter().flatten() {
                texts.extend(p.as_str().map(String::from));
            }
            for m in key["measures"].as_array().into_iter().flatten() {
                texts.extend(m["text"].as_str().map(String::from));
            }
        }
        let ledger = generate(&SynthConfig::new(400, 3));
        texts.extend(ledger.problems.into_iter().map(|p| p.text));
        texts
    }

    fn build() -> String {
        let texts = reference_texts();
        let mut df: BTreeMap<String, u32> = BTreeMap::new();
        for text in &texts {
            let mut words = terms(text, false);
            for word in terms(text, true) {
                if !words.contains(&word) {
                    words.push(word);
                }
            }
            for word in words {
                *df.entry(word).or_default() += 1;
            }
        }
        let mut out = format!("#documents\t{}\n", texts.len());
        for (word, n) in df.into_iter().filter(|(_, n)| *n >= 2) {
            out.push_str(&format!("{word}\t{n}\n"));
        }
        out
    }

    #[test]
    fn the_shipped_reference_is_the_one_the_reference_texts_give() {
        let built = build();
        if std::env::var_os("TAIZHANG_UPDATE_REFERENCE").is_some() {
            let path = concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/src/analysis/words/reference.txt"
            );
            std::fs::write(path, &built).unwrap();
            return;
        }
        assert!(
            built == REFERENCE,
            "reference.txt is out of date: run with TAIZHANG_UPDATE_REFERENCE=1"
        );
    }

    #[test]
    fn everyday_words_weigh_less_than_the_words_that_name_a_problem() {
        let reference = Reference::shipped();
        assert!(reference.idf("机制") < reference.idf("两张皮"));
        assert!(reference.idf("不够") < reference.idf("公车"));
        assert!(reference.char_idf('人') < reference.char_idf('校'));
    }
}

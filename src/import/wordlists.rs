//! Word lists searched in one pass, as Aho-Corasick DFAs. [`Words`] answers whether a text has
//! any word of one list (with the crate's prefilters, for long paragraphs); [`Lists`] tells which
//! of several lists a short text (a heading, a measure) has words of, walking the DFA byte by
//! byte: no iterator, no match objects, one table step per byte.

use aho_corasick::automaton::{Automaton, StateID};
use aho_corasick::dfa::DFA;
use aho_corasick::Anchored;

/// The automaton of a word list, built as a DFA: the lists are small and searched often.
pub(super) fn automaton<P: AsRef<[u8]>>(words: &[P]) -> aho_corasick::AhoCorasick {
    aho_corasick::AhoCorasick::builder()
        .kind(Some(aho_corasick::AhoCorasickKind::DFA))
        .build(words)
        .expect("a word list forms an automaton")
}

/// A word list searched in one pass (for lists checked against every paragraph).
pub(super) struct Words(aho_corasick::AhoCorasick);

impl Words {
    pub fn new(words: &[&str]) -> Words {
        Words(automaton(words))
    }

    /// True when `s` contains any of the words: [`super::text::contains_any`] in one pass.
    pub fn in_text(&self, s: &str) -> bool {
        self.0.is_match(s)
    }
}

/// Up to 32 word lists at once: which of them a text has a word of, as a bit per list.
pub(super) struct Lists {
    dfa: DFA,
    start: StateID,
    /// By state id (shifted by [`Lists::shift`]), up to the last match state: the lists whose
    /// words end there (suffixes included), 0 for other states.
    bits: Vec<u32>,
    /// State ids are multiples of `1 << shift` (the DFA's row length).
    shift: u32,
}

impl Lists {
    pub fn new(lists: &[&[&str]]) -> Lists {
        assert!(lists.len() <= 32, "at most 32 lists in one automaton");
        let mut patterns: Vec<&str> = Vec::new();
        let mut pattern_bits: Vec<u32> = Vec::new();
        for (bit, list) in lists.iter().enumerate() {
            for &word in list.iter() {
                match patterns.iter().position(|&p| p == word) {
                    Some(at) => pattern_bits[at] |= 1 << bit,
                    None => {
                        patterns.push(word);
                        pattern_bits.push(1 << bit);
                    }
                }
            }
        }
        let dfa = DFA::new(&patterns).expect("a word list forms an automaton");
        let start = dfa
            .start_state(Anchored::No)
            .expect("an unanchored search has a start state");
        // Every state is reachable from the start; the match states carry the lists' bits.
        let mut seen = std::collections::HashSet::from([start]);
        let mut todo = vec![start];
        let mut matches = Vec::new();
        while let Some(sid) = todo.pop() {
            if dfa.is_match(sid) {
                let mask = (0..dfa.match_len(sid))
                    .map(|i| pattern_bits[dfa.match_pattern(sid, i).as_usize()])
                    .fold(0, |a, b| a | b);
                matches.push((sid.as_usize(), mask));
            }
            for byte in 0..=255u8 {
                let next = dfa.next_state(Anchored::No, sid, byte);
                if seen.insert(next) {
                    todo.push(next);
                }
            }
        }
        let shift = seen
            .iter()
            .map(|sid| sid.as_usize().trailing_zeros())
            .min()
            .unwrap_or(0);
        let mut bits = Vec::new();
        for (sid, mask) in matches {
            let at = sid >> shift;
            if bits.len() <= at {
                bits.resize(at + 1, 0);
            }
            bits[at] = mask;
        }
        Lists {
            dfa,
            start,
            bits,
            shift,
        }
    }

    /// The lists `s` has a word of, as a bit per list (bit `k` for `lists[k]`).
    #[inline]
    pub fn of(&self, s: &str) -> u32 {
        let mut sid = self.start;
        let mut found = 0;
        for &byte in s.as_bytes() {
            sid = self.dfa.next_state(Anchored::No, sid, byte);
            if self.dfa.is_special(sid) && self.dfa.is_match(sid) {
                found |= self.bits[sid.as_usize() >> self.shift];
            }
        }
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXTS: &[&str] = &[
        "",
        "存在问题",
        "下一步工作打算",
        "问题整改情况",
        "在整改中发现的问题及整改措施：",
        "上年问题已整改到位，整改完成率100%。",
        "ascii only",
        "整",
        "改问",
        "題問题存在存",
    ];

    /// The bits the plain overlapping search gives, word by word.
    fn by_search(lists: &[&[&str]], s: &str) -> u32 {
        lists
            .iter()
            .enumerate()
            .filter(|(_, list)| list.iter().any(|w| s.contains(w)))
            .fold(0, |bits, (k, _)| bits | 1 << k)
    }

    #[test]
    fn the_walk_finds_the_same_lists_as_searching_each_word() {
        let lists: &[&[&str]] = &[
            &["问题", "整改"],
            &["整改"],
            &["存在", "存在问题"],
            &["题"],
            &["下一步", "打算", "一步"],
            &["及整改", "和整改"],
            &["ascii", "100%"],
        ];
        let walker = Lists::new(lists);
        for s in TEXTS {
            assert_eq!(walker.of(s), by_search(lists, s), "{s}");
        }
    }

    #[test]
    fn a_word_list_matches_what_contains_says() {
        let words = Words::new(&["整改", "打算"]);
        assert!(words.in_text("下一步打算"));
        assert!(words.in_text("问题整改"));
        assert!(!words.in_text("存在问题"));
        assert!(!words.in_text(""));
    }
}

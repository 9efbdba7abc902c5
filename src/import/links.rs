//! Which problems a measure answers, where the document says so ([`super::Measure::answers`]).
//!
//! Three statements count, besides the 问题：/整改措施： pairs that `combined` reads off the layout:
//! a measure that names its problem (针对……的问题，…; 关于/就/对于……问题 opening a clause), a
//! measure numbered against a problem (针对问题一, 对应第二个问题), and a lead-in that pairs the
//! plan with the problems one to one (针对上述问题，逐条…) over two lists of the same length.
//! Nothing is guessed: a named phrase links only when one problem is clearly the closest, and
//! 针对上述问题 names no problem at all.

use std::collections::BTreeSet;
use std::ops::Range;

use super::text::{chars, contains_any, is_colon, is_comma, is_stop, parse_cn_int, parse_digits};

/// Least share of the named phrase's character bigrams the chosen problem must hold.
const MIN_SHARE: f64 = 0.5;
/// Least number of bigrams the named phrase and the chosen problem must share.
const MIN_SHARED: usize = 2;
/// How far the chosen problem's share must lead the runner-up's.
const MARGIN: f64 = 0.2;

/// Openers that may name a problem anywhere in a clause.
const ANYWHERE: &[&str] = &["针对", "对应"];
/// Openers that name a problem only at the start of a clause (就 and 关于 are common words).
const CLAUSE_START: &[&str] = &["关于", "对于", "就"];

/// Words that point back at the problems already listed (针对上述问题, 针对检查中发现的以上问题):
/// a phrase holding one names no single problem.
const POINTERS: &[&str] = &[
    "上述", "以上", "前述", "所述", "上面", "前面", "这些", "这个", "这类", "此类",
];

/// Words that say where problems came from or how they weigh, not what they are.
const GENERIC: &[&str] = &[
    "存在的",
    "存在",
    "突出",
    "主要",
    "有关",
    "相关",
    "各项",
    "各类",
    "检查",
    "发现",
    "反馈",
    "查摆",
    "检视",
    "指出",
    "梳理",
    "查找",
    "等",
];

/// A lead-in's words that pair the plan with the problems item by item.
const ONE_TO_ONE: &[&str] = &[
    "一一对应",
    "逐一对应",
    "分别对应",
    "一一对照",
    "逐一对照",
    "逐条",
    "逐项",
    "逐个",
];

/// The problems each measure answers, as indices into `problems`. `problems` and `measures` are
/// the finished spans of `text`, in order; `paired` holds what the layout already paired (one
/// entry per measure). The result has one sorted, duplicate-free entry per measure.
pub(super) fn answers(
    text: &str,
    problems: &[Range<usize>],
    measures: &[Range<usize>],
    paired: Vec<Vec<usize>>,
) -> Vec<Vec<usize>> {
    let problem_texts: Vec<&str> = problems.iter().map(|r| &text[r.clone()]).collect();
    let index = Problems::new(&problem_texts);
    let mut out: Vec<Vec<usize>> = paired
        .into_iter()
        .zip(measures)
        .map(|(pairs, r)| {
            if pairs.is_empty() {
                named_in(&text[r.clone()], &index)
            } else {
                pairs
            }
        })
        .collect();
    if stated_one_to_one(text, problems, measures) {
        for (i, found) in out.iter_mut().enumerate() {
            if found.is_empty() {
                found.push(i);
            }
        }
    }
    for found in &mut out {
        found.retain(|&p| p < problems.len());
        found.sort_unstable();
        found.dedup();
    }
    out
}

/// The problems a measure's text names: by number (针对问题一) or by a phrase that one problem
/// clearly matches best (针对理论学习不深的问题).
#[cfg(test)]
pub(super) fn named(measure: &str, problems: &[&str]) -> Vec<usize> {
    named_in(measure, &Problems::new(problems))
}

/// The problems of a document, by the bigrams of their text: a measure's phrase is compared
/// with the problems that share a bigram with it, not with every problem in turn. The index is
/// built the first time a measure names a problem by a phrase.
pub(super) struct Problems<'a> {
    texts: &'a [&'a str],
    holding: std::cell::OnceCell<std::collections::HashMap<(char, char), Vec<usize>>>,
}

impl<'a> Problems<'a> {
    pub(super) fn new(texts: &'a [&'a str]) -> Problems<'a> {
        Problems {
            texts,
            holding: std::cell::OnceCell::new(),
        }
    }

    /// How many of `wanted` each problem holds, for the problems that hold any, best first
    /// (ties by position).
    fn shared(&self, wanted: &BTreeSet<(char, char)>) -> Vec<(usize, usize)> {
        let holding = self.holding.get_or_init(|| {
            let mut holding: std::collections::HashMap<(char, char), Vec<usize>> =
                std::collections::HashMap::new();
            for (i, p) in self.texts.iter().enumerate() {
                for gram in bigrams(p) {
                    holding.entry(gram).or_default().push(i);
                }
            }
            holding
        });
        let mut counts: std::collections::BTreeMap<usize, usize> =
            std::collections::BTreeMap::new();
        for gram in wanted {
            for &i in holding.get(gram).into_iter().flatten() {
                *counts.entry(i).or_default() += 1;
            }
        }
        let mut scored: Vec<(usize, usize)> = counts.into_iter().map(|(i, n)| (n, i)).collect();
        scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        scored
    }
}

pub(super) fn named_in(measure: &str, problems: &Problems) -> Vec<usize> {
    let mut found = BTreeSet::new();
    // Every way of naming a problem says 问题.
    if !measure.contains("问题") {
        return Vec::new();
    }
    for clause in clauses(measure) {
        for rest in openings(clause) {
            let Some(at) = rest.find("问题") else {
                continue;
            };
            let before = &rest[..at];
            let after = &rest[at + "问题".len()..];
            let index = ordinal_after(after)
                .or_else(|| ordinal_before(before))
                .and_then(|n| n.checked_sub(1));
            let pick = match index {
                Some(i) => Some(i).filter(|&i| i < problems.texts.len()),
                None => closest(before, problems),
            };
            found.extend(pick);
        }
    }
    found.into_iter().collect()
}

/// The measure's clauses, cut at `，。；：` in both widths and at line ends.
fn clauses(s: &str) -> impl Iterator<Item = &str> {
    s.split(|c: char| is_stop(c) || is_comma(c) || is_colon(c) || c == '\n')
        .map(str::trim)
        .filter(|c| !c.is_empty())
}

/// What follows each opener in a clause (针对…, or 关于/对于/就… at the clause start).
fn openings(clause: &str) -> Vec<&str> {
    let mut out: Vec<&str> = ANYWHERE
        .iter()
        .flat_map(|w| clause.match_indices(w).map(|(i, w)| &clause[i + w.len()..]))
        .collect();
    out.extend(CLAUSE_START.iter().filter_map(|w| clause.strip_prefix(w)));
    out
}

/// 问题一, 问题2 (the text right after 问题, ending the clause or a 、/和/及 series).
fn ordinal_after(after: &str) -> Option<usize> {
    let (n, len) = parse_cn_int(after).or_else(|| parse_digits(after, 2))?;
    let tail = after[len..].trim_start();
    (tail.is_empty() || tail.starts_with(['、', '和', '及', '与'])).then_some(n as usize)
}

/// 第二个问题, 第3项问题 (the whole phrase before 问题).
fn ordinal_before(before: &str) -> Option<usize> {
    let rest = before.trim().strip_prefix('第')?;
    let (n, len) = parse_cn_int(rest).or_else(|| parse_digits(rest, 2))?;
    let tail = rest[len..].trim_end_matches('的');
    matches!(tail, "" | "个" | "项" | "条" | "方面").then_some(n as usize)
}

/// The one problem clearly closest to a named phrase, if there is one.
fn closest(phrase: &str, problems: &Problems) -> Option<usize> {
    if contains_any(phrase, POINTERS) {
        return None;
    }
    let phrase = content(phrase);
    let wanted = bigrams(&phrase);
    if chars(&phrase) < 3 || wanted.len() < MIN_SHARED {
        return None;
    }
    let scored = problems.shared(&wanted);
    let share = |shared: usize| shared as f64 / wanted.len() as f64;
    let (best, index) = *scored.first()?;
    let second = scored.get(1).map_or(0, |s| s.0);
    (best >= MIN_SHARED && share(best) >= MIN_SHARE && share(best) - share(second) >= MARGIN)
        .then_some(index)
}

/// A named phrase without its generic words (存在的, 查摆) and a trailing 的.
fn content(phrase: &str) -> String {
    let mut s = phrase.trim().to_string();
    for w in GENERIC {
        s = s.replace(w, "");
    }
    s.trim_end_matches('的').trim().to_string()
}

/// The distinct character bigrams of `s`, punctuation and spaces left out.
fn bigrams(s: &str) -> BTreeSet<(char, char)> {
    let kept: Vec<char> = s.chars().filter(|c| c.is_alphanumeric()).collect();
    kept.windows(2).map(|w| (w[0], w[1])).collect()
}

/// Whether the plan's lead-in pairs the measures with the problems one to one: the problems all
/// come first, the lists have the same length, and one of the last two lines before the first
/// measure says 针对/对照 the problems 逐条/逐项/一一对应.
fn stated_one_to_one(text: &str, problems: &[Range<usize>], measures: &[Range<usize>]) -> bool {
    let (Some(last), Some(first)) = (problems.last(), measures.first()) else {
        return false;
    };
    if problems.len() != measures.len() || problems.len() < 2 || last.end > first.start {
        return false;
    }
    text[last.end..first.start]
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .rev()
        .take(2)
        .any(|line| {
            contains_any(line, ONE_TO_ONE)
                && contains_any(line, &["针对", "对照", "对应"])
                && line.contains("问题")
        })
}

#[cfg(test)]
mod tests;

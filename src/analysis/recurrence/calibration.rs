//! The default threshold, chosen on the tuning sets: the chains of fixtures/summaries (their
//! planted recurrences, README "Three-year chains") and a synthetic store of the default seed.
//! Neither is what the `quality` test measures. Run with `--nocapture` to see the figures.

use std::collections::{HashMap, HashSet};

use super::truth::{synthetic_with_seed, Truth};
use super::*;

/// Planted recurrences of fixtures/summaries/README.md, as (earlier, later) text snippets.
const PLANTED: [(&str, &str); 14] = [
    ("以会代学、以读代学", "浮于表面"),
    ("以会代学、以读代学", "走深走实"),
    ("浮于表面", "走深走实"),
    ("两张皮", "载体和抓手"),
    ("辣味不足", "避重就轻"),
    ("一人多岗", "身兼数职"),
    ("一人多岗", "占比低"),
    ("身兼数职", "占比低"),
    ("证据材料不完整", "证据链不完整"),
    ("先锋模范作用发挥不明显", "带头作用发挥不够"),
    ("长效机制不健全", "监督机制还不够完善"),
    ("农村学校党组织", "战斗堡垒"),
    ("停留在面上", "听汇报"),
    ("", ""),
];

fn chain_problems() -> Vec<Problem> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/summaries");
    let mut problems = Vec::new();
    let mut names: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            name.starts_with(['a', 'b', 'c']) && (name.ends_with(".txt") || name.ends_with(".docx"))
        })
        .collect();
    names.sort();
    for path in names {
        let bytes = std::fs::read(&path).unwrap();
        let text = crate::import::read_document(&path.to_string_lossy(), &bytes, None).unwrap();
        let summary = crate::import::parse(&text);
        for p in summary.problems {
            problems.push(Problem {
                id: ItemId::problem(problems.len() as i64 + 1),
                uuid: String::new(),
                unit: summary.unit.clone().unwrap(),
                year: summary.year.unwrap(),
                category: None,
                text: p.text,
            });
        }
    }
    problems
}

fn planted(earlier: &str, later: &str) -> bool {
    PLANTED
        .iter()
        .filter(|(e, _)| !e.is_empty())
        .any(|(e, l)| earlier.contains(e) && later.contains(l))
}

/// The summaries' chains with their planted recurrences as the true pairs.
pub(super) fn summaries() -> Truth {
    let problems = chain_problems();
    let mut pairs = HashSet::new();
    for e in &problems {
        for l in &problems {
            if e.unit == l.unit && e.year < l.year && planted(&e.text, &l.text) {
                pairs.insert((e.id, l.id));
            }
        }
    }
    Truth {
        problems,
        outcomes: HashMap::new(),
        pairs,
    }
}

/// The pairs found at `threshold`.
fn found_at(truth: &Truth, threshold: f64) -> HashSet<(ItemId, ItemId)> {
    let known = Known {
        outcomes: truth.outcomes.clone(),
        ..Known::default()
    };
    find_pairs(&truth.problems, &known, threshold)
        .iter()
        .map(|p| (p.earlier.id, p.later.id))
        .collect()
}

#[test]
fn the_default_threshold_is_the_best_one_on_the_tuning_sets() {
    let sets = [
        summaries(),
        synthetic_with_seed(crate::synth::SynthConfig::new(1, 1).seed, 150),
    ];
    assert_eq!(
        sets[0].pairs.len(),
        13,
        "every planted pair is in the fixtures"
    );
    // The sets pooled (their pairs told apart by the set they come from).
    let mut truth = HashSet::new();
    for (n, set) in sets.iter().enumerate() {
        truth.extend(set.pairs.iter().map(|&(e, l)| (n, e, l)));
    }
    let mut best = (0.0, 0.0);
    let mut at_default = 0.0;
    for step in 5..=20 {
        let threshold = f64::from(step) * 0.02;
        let mut found = HashSet::new();
        for (n, set) in sets.iter().enumerate() {
            found.extend(found_at(set, threshold).into_iter().map(|(e, l)| (n, e, l)));
        }
        let hits = found.intersection(&truth).count() as f64;
        let (p, r) = (hits / found.len().max(1) as f64, hits / truth.len() as f64);
        let f1 = if hits > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        println!("threshold {threshold:.2}: precision {p:.2}, recall {r:.2}, F1 {f1:.3}");
        if f1 > best.1 {
            best = (threshold, f1);
        }
        if (threshold - DEFAULT_THRESHOLD).abs() < 1e-9 {
            at_default = f1;
        }
    }
    println!("best {best:.2?}, default {DEFAULT_THRESHOLD}: {at_default:.3}");
    assert!(
        at_default >= best.1 - 0.01,
        "best {best:?}, default gives {at_default}"
    );
}

//! Synthetic ledgers for tests and benchmarks: many made-up units, each year a few problems
//! reworded in the genre, with the truth about which problems are "the same".
//!
//! This is a test and benchmark aid, not part of the product: no command uses it, and `cargo
//! build` leaves it out. The crate's own tests compile it (`cfg(test)`); the benches that build
//! province-sized stores ask for it with the `synth` feature (`cargo bench --features synth`).
//!
//! Each problem is either drawn from one of ~200 shared themes (理论学习不够深入, 三会一课不规范,
//! 专项资金监管不到位…, see `themes.rs`), reworded by each unit (synonymous predicates, sentence
//! frames, scope words such as 个别/部分, details, closing clauses, numbers, punctuation), or a
//! unit's own problem about a made-up site (`names.rs`). Theme popularity follows a Zipf law, so a
//! few themes are shared by many units and many by a few. [`Label`] is the ground truth.
//!
//! Everything is deterministic in the seed: no clock, no global state.

mod names;
mod rng;
mod store;
mod themes;
mod wording;

use std::sync::OnceLock;

pub use rng::Rng;
pub use store::write_to_store;

use crate::model::ItemId;
use crate::store::ProblemText;

/// What a generated problem really is: a wording of shared theme `n`, or a unit's own problem of
/// kind `n` (a facility and what about it goes wrong). Two problems are "the same" exactly when
/// their labels are equal. Local kinds are dealt without repetition until all 1,632 are used, so in
/// stores of up to that many local problems each one is unique.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Label {
    Theme(u16),
    Local(u32),
}

/// The shape of a synthetic ledger.
#[derive(Debug, Clone)]
pub struct SynthConfig {
    pub seed: u64,
    pub units: usize,
    pub first_year: i32,
    pub years: usize,
    /// Fewest and most problems a unit names in one year's summary (inclusive).
    pub problems_per_year: (usize, usize),
    /// The share of problems drawn from the shared themes; the rest are the units' own.
    pub shared: f64,
    /// Exponent of the Zipf law of theme popularity (0 = all themes equally common).
    pub zipf: f64,
}

impl SynthConfig {
    /// `units` units over `years` years from 2020, 3–5 problems a year, three in four of them
    /// shared, Zipf exponent 0.9.
    pub fn new(units: usize, years: usize) -> SynthConfig {
        SynthConfig {
            seed: 0x7A1_2024,
            units,
            first_year: 2020,
            years,
            problems_per_year: (3, 5),
            shared: 0.75,
            zipf: 0.9,
        }
    }

    pub fn with_seed(self, seed: u64) -> SynthConfig {
        SynthConfig { seed, ..self }
    }
}

/// One generated problem.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SynthProblem {
    /// Index into [`SynthLedger::units`].
    pub unit: usize,
    pub year: i32,
    pub text: String,
    pub label: Label,
}

/// A generated ledger: unit names and problems, ordered by year, then unit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SynthLedger {
    pub units: Vec<String>,
    pub problems: Vec<SynthProblem>,
}

impl SynthLedger {
    /// The problems as a store would return them for clustering, with ids P1, P2, … in order
    /// and unit ids 1, 2, … by unit index (what [`write_to_store`] gives in a fresh store).
    pub fn corpus(&self) -> Vec<ProblemText> {
        self.problems
            .iter()
            .enumerate()
            .map(|(i, p)| ProblemText {
                id: ItemId::problem(i as i64 + 1),
                unit_id: p.unit as i64 + 1,
                unit: self.units[p.unit].clone(),
                year: p.year,
                text: p.text.clone(),
            })
            .collect()
    }
}

/// A theme parsed from its line in `themes.rs`.
struct Theme {
    subjects: Vec<&'static str>,
    predicates: &'static [&'static str],
    details: Vec<&'static str>,
}

fn themes() -> &'static [Theme] {
    static THEMES: OnceLock<Vec<Theme>> = OnceLock::new();
    THEMES.get_or_init(|| {
        themes::THEMES
            .lines()
            .filter(|line| !line.trim().is_empty())
            .map(|line| {
                let mut fields = line.split('|');
                let mut field = || fields.next().expect("three fields per theme line");
                let subjects = field().split('/').collect();
                let predicates = wording::flaw(field());
                let details = field().split('/').collect();
                Theme {
                    subjects,
                    predicates,
                    details,
                }
            })
            .collect()
    })
}

/// How many shared themes the generator knows.
pub fn theme_count() -> usize {
    themes().len()
}

/// Generates the ledger `config` describes. The same config gives the same ledger.
pub fn generate(config: &SynthConfig) -> SynthLedger {
    let mut rng = Rng::new(config.seed);
    let units = names::unit_names(&mut rng, config.units);
    let popularity = Popularity::new(&mut rng, theme_count(), config.zipf);
    let mut local_kinds: Vec<u32> = (0..names::LOCAL_KINDS as u32).collect();
    rng.shuffle(&mut local_kinds);
    let mut next_local = 0;
    let (fewest, most) = config.problems_per_year;
    let mut problems = Vec::new();
    for year in (0..config.years).map(|y| config.first_year + y as i32) {
        for unit in 0..units.len() {
            let count = fewest + rng.below(most - fewest + 1);
            let mut taken: Vec<u16> = Vec::with_capacity(count);
            for _ in 0..count {
                let label = if rng.chance(config.shared) {
                    let theme = popularity.draw_unused(&mut rng, &taken);
                    taken.push(theme);
                    Label::Theme(theme)
                } else {
                    let kind = local_kinds[next_local % local_kinds.len()];
                    next_local += 1;
                    Label::Local(kind)
                };
                let text = write_problem(&mut rng, label);
                problems.push(SynthProblem {
                    unit,
                    year,
                    text,
                    label,
                });
            }
        }
    }
    SynthLedger { units, problems }
}

fn write_problem(rng: &mut Rng, label: Label) -> String {
    match label {
        Label::Theme(n) => {
            let theme = &themes()[usize::from(n)];
            // Most writers use the usual name of the thing; some use another.
            let subject = if rng.chance(0.6) {
                theme.subjects[0]
            } else {
                *rng.pick(&theme.subjects)
            };
            let detail = if rng.chance(0.65) {
                *rng.pick(&theme.details)
            } else {
                ""
            };
            wording::reword(rng, subject, theme.predicates, detail)
        }
        Label::Local(kind) => names::local_problem(rng, kind as usize),
    }
}

/// Theme popularity: a Zipf law over the themes in a seeded random order.
struct Popularity {
    order: Vec<u16>,
    cumulative: Vec<f64>,
}

impl Popularity {
    fn new(rng: &mut Rng, themes: usize, exponent: f64) -> Popularity {
        let mut order: Vec<u16> = (0..themes as u16).collect();
        rng.shuffle(&mut order);
        let mut total = 0.0;
        let cumulative = (1..=themes)
            .map(|rank| {
                total += (rank as f64).powf(-exponent);
                total
            })
            .collect();
        Popularity { order, cumulative }
    }

    fn draw(&self, rng: &mut Rng) -> u16 {
        let total = self.cumulative.last().copied().unwrap_or(0.0);
        let at = rng.unit() * total;
        let rank = self.cumulative.partition_point(|&c| c <= at);
        self.order[rank.min(self.order.len() - 1)]
    }

    /// A theme not in `taken` (one summary does not name the same problem twice).
    fn draw_unused(&self, rng: &mut Rng, taken: &[u16]) -> u16 {
        loop {
            let theme = self.draw(rng);
            if !taken.contains(&theme) {
                return theme;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::{HashMap, HashSet};

    #[test]
    fn the_same_seed_generates_the_same_ledger_and_another_seed_another() {
        let config = SynthConfig::new(30, 2);
        assert_eq!(generate(&config), generate(&config));
        assert_ne!(generate(&config), generate(&config.with_seed(1)));
    }

    #[test]
    fn a_generated_ledger_has_the_requested_shape() {
        let ledger = generate(&SynthConfig::new(200, 3));
        assert_eq!(ledger.units.len(), 200);
        let n = ledger.problems.len();
        assert!((200 * 3 * 3..=200 * 3 * 5).contains(&n), "{n}");
        let shared = ledger
            .problems
            .iter()
            .filter(|p| matches!(p.label, Label::Theme(_)))
            .count();
        let share = shared as f64 / n as f64;
        assert!((0.7..0.8).contains(&share), "{share}");
    }

    #[test]
    fn popular_themes_are_shared_by_many_units_in_many_wordings() {
        let ledger = generate(&SynthConfig::new(300, 1));
        let mut by_theme: HashMap<Label, Vec<&SynthProblem>> = HashMap::new();
        for p in &ledger.problems {
            by_theme.entry(p.label).or_default().push(p);
        }
        let biggest = by_theme
            .iter()
            .filter(|(l, _)| matches!(l, Label::Theme(_)))
            .map(|(_, ps)| ps)
            .max_by_key(|ps| ps.len())
            .unwrap();
        assert!(biggest.len() >= 30, "{}", biggest.len());
        let wordings: HashSet<&str> = biggest.iter().map(|p| p.text.as_str()).collect();
        assert!(wordings.len() as f64 >= 0.9 * biggest.len() as f64);
    }

    #[test]
    fn no_summary_names_the_same_theme_twice_and_local_problems_are_unique() {
        let ledger = generate(&SynthConfig::new(300, 2));
        let mut seen = HashSet::new();
        for p in &ledger.problems {
            match p.label {
                Label::Theme(_) => assert!(seen.insert((p.unit, p.year, p.label))),
                Label::Local(_) => assert!(seen.insert((0, 0, p.label))),
            }
        }
    }

    #[test]
    fn the_corpus_numbers_problems_and_units_from_one() {
        let ledger = generate(&SynthConfig::new(3, 1));
        let corpus = ledger.corpus();
        assert_eq!(corpus[0].id, ItemId::problem(1));
        assert_eq!(corpus[0].unit_id, 1);
        assert_eq!(corpus[0].unit, ledger.units[0]);
        assert_eq!(corpus.len(), ledger.problems.len());
    }
}

//! Suggested links (`link --suggest`): for each measure that answers no problem yet, the problem(s)
//! of its unit it most likely answers, with the words they share and a plain-language strength.
//!
//! A year-N summary's measures answer its year-N problems, so a measure is compared with the
//! problems of its own year and, when it continues an earlier measure (a carry-over), with the
//! problems that measure answers. Only a unit with no problems in the measure's year falls back to
//! its earlier years. The score is the IDF-weighted cosine of character unigrams and bigrams
//! (see `similarity`), learnt over the unit's problems and measures, after the genre's boilerplate
//! (存在, 不够, 加强, 工作, 问题, 进一步 …) has been taken out of both texts; a measure's title, its
//! heading, counts a second time. Nothing here reads the store: inputs are plain values.

use std::collections::{BTreeSet, HashMap, HashSet};

use serde::Serialize;

use super::similarity::{Idf, Profile};
use crate::model::{ItemId, Measure, Problem};

/// The least score for a suggestion. Chosen on the fixture chains (the `calibration` test below
/// and tests/test_link_suggest.rs): the 27 true links score 0.088–0.54 against the problems of
/// their year, the other same-year pairs 0.089 at most (always second to a true link, so cut
/// by [`SECOND_RATIO`]), and the one measure that answers no problem 0.022 at best.
pub const FLOOR: f64 = 0.08;
/// From this score a suggestion is 高 (high). When the fixtures' measures are compared with their
/// unit's problems of every year (reworded recurrences as decoys) 10 of 13 高 are right, 9 of 13
/// 中 and 4 of 8 低: the bands order the risk, and the year rule removes the decoys.
pub const HIGH: f64 = 0.30;
/// From this score a suggestion is 中 (medium); below it, 低 (low).
pub const MEDIUM: f64 = 0.18;
/// A second problem is proposed only when it scores at least this share of the best one.
pub const SECOND_RATIO: f64 = 0.85;
/// At most this many shared words are shown.
const MAX_SHARED: usize = 4;

/// Words every summary uses, whatever its problems: they say nothing about which problem a
/// measure answers. Longer words first, so that 进一步 goes before 一步.
pub const BOILERPLATE: &[&str] = &[
    "进一步",
    "常态化",
    "全覆盖",
    "每季度",
    "每半年",
    "每学期",
    "长期坚持",
    "立行立改",
    "久久为功",
    "存在",
    "不够",
    "不足",
    "不强",
    "不高",
    "不多",
    "不到位",
    "加强",
    "工作",
    "问题",
    "有待",
    "提高",
    "提升",
    "推进",
    "推动",
    "推行",
    "落实",
    "开展",
    "建立",
    "健全",
    "完善",
    "强化",
    "深化",
    "持续",
    "部分",
    "个别",
    "少数",
    "有的",
    "仍然",
    "仍有",
    "还不",
    "方面",
    "情况",
    "现象",
    "全面",
    "实现",
    "覆盖",
    "年内",
    "月底",
    "底前",
    "一次",
    "至少",
    "形成",
    "切实",
    "认真",
    "扎实",
    "抓好",
    "严格",
    "有效",
    "积极",
    "主动",
    "相关",
    "以上",
    "较为",
    "比较",
];

/// Characters that carry no meaning at the edge of a shared word (的, 和 …).
const EDGE: &[char] = &[
    '的', '和', '及', '对', '在', '了', '是', '等', '把', '将', '从', '并', '其',
];

/// How sure a suggestion is, in plain language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Strength {
    High,
    Medium,
    Low,
}

impl Strength {
    /// The band of `score` (which is at least [`FLOOR`]).
    pub fn of(score: f64) -> Strength {
        if score >= HIGH {
            Strength::High
        } else if score >= MEDIUM {
            Strength::Medium
        } else {
            Strength::Low
        }
    }

    pub fn label_zh(self) -> &'static str {
        match self {
            Strength::High => "高",
            Strength::Medium => "中",
            Strength::Low => "低",
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Strength::High => "high",
            Strength::Medium => "medium",
            Strength::Low => "low",
        }
    }
}

/// One proposed link.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Suggestion {
    pub unit: String,
    pub measure: ItemId,
    pub measure_year: i32,
    pub measure_text: String,
    pub problem: ItemId,
    pub problem_year: i32,
    pub problem_text: String,
    /// A few words both texts use, longest first (see [`shared_words`]).
    pub shared_words: Vec<String>,
    pub strength: Strength,
    /// Similarity in [0, 1], rounded to two decimals.
    pub score: f64,
}

/// What the store says about existing links and carry-overs.
#[derive(Debug, Clone, Copy)]
pub struct Known<'a> {
    /// Every (measure, problem) link.
    pub links: &'a [(ItemId, ItemId)],
    /// Later measure → the measure it continues.
    pub carried_from: &'a HashMap<ItemId, ItemId>,
}

/// Suggestions for every measure of `measures` linked to no problem, compared with the problems
/// of its own unit among `problems` (pass whole units, so that the weights do not depend on
/// filters). At most one problem per measure, plus a second one scoring at least
/// [`SECOND_RATIO`] of the first; never a pair below [`FLOOR`]. Ordered by unit, measure year,
/// measure id, then best first.
pub fn suggest_links(
    problems: &[Problem],
    measures: &[Measure],
    known: &Known<'_>,
) -> Vec<Suggestion> {
    let mut out = Vec::new();
    for (measure, scored) in rank(problems, measures, known) {
        let best = scored.first().map(|(s, _)| *s).unwrap_or_default();
        for (rank, (s, problem)) in scored
            .into_iter()
            .filter(|(s, _)| *s >= FLOOR)
            .take(2)
            .enumerate()
        {
            if rank == 1 && s < best * SECOND_RATIO {
                break;
            }
            out.push(Suggestion {
                unit: measure.unit.clone(),
                measure: measure.id,
                measure_year: measure.year,
                measure_text: measure.text.clone(),
                problem: problem.id,
                problem_year: problem.year,
                problem_text: problem.text.clone(),
                shared_words: shared_words(&measure.text, &problem.text),
                strength: Strength::of(s),
                score: (s * 100.0).round() / 100.0,
            });
        }
    }
    out.sort_by(|a, b| {
        (&a.unit, a.measure_year, a.measure)
            .cmp(&(&b.unit, b.measure_year, b.measure))
            .then(b.score.total_cmp(&a.score))
    });
    out
}

/// Every unlinked measure with each of its candidate problems and their scores, best first.
fn rank<'a>(
    problems: &'a [Problem],
    measures: &'a [Measure],
    known: &Known<'_>,
) -> Vec<(&'a Measure, Vec<(f64, &'a Problem)>)> {
    let linked: HashSet<ItemId> = known.links.iter().map(|(m, _)| *m).collect();
    let mut answers: HashMap<ItemId, Vec<ItemId>> = HashMap::new();
    for (m, p) in known.links {
        answers.entry(*m).or_default().push(*p);
    }
    let mut units: Vec<&str> = measures.iter().map(|m| m.unit.as_str()).collect();
    units.sort_unstable();
    units.dedup();
    let mut out = Vec::new();
    for unit in units {
        let unit_problems: Vec<&Problem> = problems.iter().filter(|p| p.unit == unit).collect();
        let unit_measures: Vec<&Measure> = measures.iter().filter(|m| m.unit == unit).collect();
        let problem_profiles: HashMap<ItemId, Profile> = unit_problems
            .iter()
            .map(|p| (p.id, Profile::new(&strip_boilerplate(&p.text))))
            .collect();
        let measure_profiles: Vec<(Profile, Option<Profile>)> = unit_measures
            .iter()
            .map(|m| {
                let title = m
                    .title
                    .as_deref()
                    .map(|t| Profile::new(&strip_boilerplate(t)));
                (Profile::new(&strip_boilerplate(&m.text)), title)
            })
            .collect();
        let idf = Idf::new(
            problem_profiles
                .values()
                .chain(measure_profiles.iter().map(|(text, _)| text)),
        );
        for (measure, (text, title)) in unit_measures.iter().zip(&measure_profiles) {
            if linked.contains(&measure.id) {
                continue;
            }
            let mut scored: Vec<(f64, &Problem)> =
                candidates(measure, &unit_problems, known, &answers)
                    .into_iter()
                    .map(|p| {
                        (
                            score(&idf, text, title.as_ref(), &problem_profiles[&p.id]),
                            p,
                        )
                    })
                    .collect();
            scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.id.cmp(&b.1.id)));
            out.push((*measure, scored));
        }
    }
    out
}

/// The problems a measure may answer: those of its year, plus those the measure it continues
/// answers; when its unit named no problem in its year, the problems of earlier years.
fn candidates<'p>(
    measure: &Measure,
    unit_problems: &[&'p Problem],
    known: &Known<'_>,
    answers: &HashMap<ItemId, Vec<ItemId>>,
) -> Vec<&'p Problem> {
    let mut origins: HashSet<ItemId> = HashSet::new();
    let mut at = measure.id;
    // Follow the chain of carry-overs back (bounded, in case of a cycle).
    for _ in 0..16 {
        let Some(from) = known.carried_from.get(&at) else {
            break;
        };
        origins.extend(answers.get(from).into_iter().flatten());
        at = *from;
    }
    let same_year: Vec<&Problem> = unit_problems
        .iter()
        .copied()
        .filter(|p| p.year == measure.year || origins.contains(&p.id))
        .collect();
    if unit_problems.iter().any(|p| p.year == measure.year) {
        return same_year;
    }
    unit_problems
        .iter()
        .copied()
        .filter(|p| p.year < measure.year || origins.contains(&p.id))
        .collect()
}

/// The weighted cosine of a measure's text with a problem, the title counting as much again.
fn score(idf: &Idf, text: &Profile, title: Option<&Profile>, problem: &Profile) -> f64 {
    let body = idf.cosine(text, problem);
    match title {
        Some(title) if !title.is_empty() => (2.0 * body + idf.cosine(title, problem)) / 3.0,
        _ => body,
    }
}

/// `text` with every boilerplate word replaced by a space.
pub fn strip_boilerplate(text: &str) -> String {
    let mut out = text.to_string();
    for word in BOILERPLATE {
        out = out.replace(word, " ");
    }
    out
}

/// The words two texts share: their maximal common runs of at least two Chinese characters,
/// trimmed of function characters (的, 和 …) at the edges and of boilerplate, each at most once,
/// none inside another; longest first, then in the order of `a`; at most four.
pub fn shared_words(a: &str, b: &str) -> Vec<String> {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut found: Vec<(usize, String)> = Vec::new();
    // run[j] = length of the common run ending at a[i], b[j].
    let mut run = vec![0usize; b.len() + 1];
    for i in 0..a.len() {
        let mut next = vec![0usize; b.len() + 1];
        for j in 0..b.len() {
            if a[i] == b[j] && is_han(a[i]) {
                next[j + 1] = run[j] + 1;
            }
        }
        for j in 0..b.len() {
            let len = next[j + 1];
            let extends =
                i + 1 < a.len() && j + 1 < b.len() && a[i + 1] == b[j + 1] && is_han(a[i + 1]);
            if len >= 2 && !extends {
                let start = i + 1 - len;
                if let Some(word) = tidy(&a[start..=i]) {
                    found.push((start, word));
                }
            }
        }
        run = next;
    }
    found.sort_by(|x, y| {
        y.1.chars()
            .count()
            .cmp(&x.1.chars().count())
            .then(x.0.cmp(&y.0))
    });
    let mut words: Vec<String> = Vec::new();
    let mut seen = BTreeSet::new();
    for (_, word) in found {
        if seen.insert(word.clone()) && !words.iter().any(|w| w.contains(&word)) {
            words.push(word);
        }
    }
    words.truncate(MAX_SHARED);
    words
}

/// A common run as a shown word: edges trimmed, `None` when nothing telling is left.
fn tidy(run: &[char]) -> Option<String> {
    let mut word: String = run.iter().collect();
    loop {
        let before = word.clone();
        word = word.trim_matches(EDGE).to_string();
        for b in BOILERPLATE {
            if let Some(rest) = word.strip_prefix(b) {
                word = rest.to_string();
            }
            if let Some(rest) = word.strip_suffix(b) {
                word = rest.to_string();
            }
        }
        if word == before {
            break;
        }
    }
    let telling = strip_boilerplate(&word)
        .chars()
        .filter(|c| !c.is_whitespace())
        .count()
        >= 2;
    telling.then_some(word)
}

fn is_han(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Deadline, Owner};

    fn problem(num: i64, unit: &str, year: i32, text: &str) -> Problem {
        Problem {
            id: ItemId::problem(num),
            uuid: String::new(),
            unit: unit.into(),
            year,
            category: None,
            text: text.into(),
        }
    }

    fn measure(num: i64, unit: &str, year: i32, title: Option<&str>, text: &str) -> Measure {
        Measure {
            id: ItemId::measure(num),
            uuid: String::new(),
            unit: unit.into(),
            year,
            title: title.map(str::to_string),
            text: text.into(),
            owner: Owner::default(),
            deadline: Deadline::LongTerm,
        }
    }

    fn problems() -> Vec<Problem> {
        vec![
            problem(
                1,
                "甲局",
                2024,
                "教师师德师风建设长效机制不健全，监督不够有力",
            ),
            problem(2, "甲局", 2024, "校园安全隐患排查不彻底，安全责任压得不实"),
            problem(3, "甲局", 2024, "干部调查研究不够深入，调研停留在面上"),
            problem(4, "甲局", 2023, "食堂食品安全抽检批次偏少"),
            problem(5, "乙局", 2024, "校园安全隐患排查不彻底"),
        ]
    }

    fn pairs(suggestions: &[Suggestion]) -> Vec<(String, String)> {
        suggestions
            .iter()
            .map(|s| (s.measure.to_string(), s.problem.to_string()))
            .collect()
    }

    fn none() -> (Vec<(ItemId, ItemId)>, HashMap<ItemId, ItemId>) {
        (Vec::new(), HashMap::new())
    }

    #[test]
    fn each_unlinked_measure_gets_the_problem_of_its_year_it_shares_telling_words_with() {
        let measures = vec![
            measure(
                1,
                "甲局",
                2024,
                Some("压实安全责任"),
                "压实安全责任。每学期开展一次校园安全隐患拉网式排查",
            ),
            measure(
                2,
                "甲局",
                2024,
                Some("健全师德长效机制"),
                "健全师德长效机制。建立师德档案，完善监督评议办法",
            ),
        ];
        let (links, carried) = none();
        let known = Known {
            links: &links,
            carried_from: &carried,
        };
        let found = suggest_links(&problems(), &measures, &known);
        assert_eq!(
            pairs(&found),
            [("M1".into(), "P2".into()), ("M2".into(), "P1".into())]
        );
        assert!(
            found[0].shared_words.iter().any(|w| w.contains("安全")),
            "{found:?}"
        );
    }

    #[test]
    fn a_linked_measure_and_a_measure_like_no_problem_get_no_suggestion() {
        let measures = vec![
            measure(1, "甲局", 2024, None, "开展校园安全隐患排查"),
            measure(
                2,
                "甲局",
                2024,
                None,
                "落实中央八项规定精神，从严抓好作风纪律",
            ),
        ];
        let links = vec![(ItemId::measure(1), ItemId::problem(2))];
        let carried = HashMap::new();
        let known = Known {
            links: &links,
            carried_from: &carried,
        };
        assert_eq!(suggest_links(&problems(), &measures, &known), []);
    }

    #[test]
    fn problems_of_other_units_and_other_years_are_not_proposed_while_the_year_has_problems() {
        let measures = vec![measure(1, "甲局", 2024, None, "扩大食堂食品安全抽检批次")];
        let (links, carried) = none();
        let known = Known {
            links: &links,
            carried_from: &carried,
        };
        let found = suggest_links(&problems(), &measures, &known);
        assert!(
            found
                .iter()
                .all(|s| s.problem_year == 2024 && s.unit == "甲局"),
            "{found:?}"
        );
        assert!(!pairs(&found).contains(&("M1".into(), "P4".into())));
    }

    #[test]
    fn a_carried_over_measure_may_answer_the_problem_its_original_answered() {
        let measures = vec![
            measure(1, "甲局", 2023, None, "扩大食堂食品安全抽检批次"),
            measure(2, "甲局", 2024, None, "继续扩大食堂食品安全抽检批次"),
        ];
        let links = vec![(ItemId::measure(1), ItemId::problem(4))];
        let carried = HashMap::from([(ItemId::measure(2), ItemId::measure(1))]);
        let known = Known {
            links: &links,
            carried_from: &carried,
        };
        let found = suggest_links(&problems(), &measures, &known);
        assert_eq!(
            found.first().map(|s| s.problem),
            Some(ItemId::problem(4)),
            "{found:?}"
        );
        assert_eq!(found[0].problem_year, 2023);
    }

    #[test]
    fn a_year_without_problems_falls_back_to_earlier_years() {
        let measures = vec![measure(1, "甲局", 2025, None, "扩大食堂食品安全抽检批次")];
        let (links, carried) = none();
        let known = Known {
            links: &links,
            carried_from: &carried,
        };
        let found = suggest_links(&problems(), &measures, &known);
        assert_eq!(pairs(&found), [("M1".into(), "P4".into())]);
    }

    #[test]
    fn a_second_problem_is_proposed_only_when_nearly_as_close() {
        let problems = vec![
            problem(1, "甲局", 2024, "电梯维保单位履责不到位"),
            problem(2, "甲局", 2024, "电梯维保质量抽查偏少"),
            problem(3, "甲局", 2024, "执法案卷证据链不完整"),
        ];
        let measures = vec![measure(1, "甲局", 2024, None, "开展电梯维保专项检查")];
        let (links, carried) = none();
        let known = Known {
            links: &links,
            carried_from: &carried,
        };
        let found = suggest_links(&problems, &measures, &known);
        let ids: Vec<String> = found.iter().map(|s| s.problem.to_string()).collect();
        assert_eq!(ids.len(), 2, "{found:?}");
        assert!(!ids.contains(&"P3".to_string()));
        assert!(found[0].score >= found[1].score);
    }

    #[test]
    fn strength_bands_follow_the_thresholds() {
        assert_eq!(Strength::of(HIGH), Strength::High);
        assert_eq!(Strength::of(HIGH - 0.001), Strength::Medium);
        assert_eq!(Strength::of(MEDIUM), Strength::Medium);
        assert_eq!(Strength::of(FLOOR), Strength::Low);
    }

    #[test]
    fn shared_words_are_the_longest_telling_common_runs_without_boilerplate() {
        let words = shared_words(
            "健全师德师风长效机制。完善家长参与的监督评议机制",
            "教师队伍师德师风建设长效机制不健全，家长参与监督的渠道不多",
        );
        assert_eq!(words[0], "师德师风");
        assert!(words.contains(&"长效机制".to_string()), "{words:?}");
        assert!(words.contains(&"家长参与".to_string()), "{words:?}");
        assert!(
            !words.iter().any(|w| w == "健全" || w == "不多"),
            "{words:?}"
        );
    }

    #[test]
    fn boilerplate_alone_is_never_a_shared_word() {
        assert_eq!(
            shared_words("进一步加强工作", "工作存在问题，加强不够"),
            Vec::<String>::new()
        );
        assert_eq!(shared_words("", "问题"), Vec::<String>::new());
    }

    #[test]
    fn stripping_boilerplate_keeps_the_telling_words() {
        assert_eq!(strip_boilerplate("进一步加强队伍建设").trim(), "队伍建设");
    }
}

#[cfg(test)]
pub(crate) mod calibration {
    //! The thresholds, measured on the fixture chains against fixtures/summaries/true-links.json.
    //! Run with `--nocapture` to see every score.

    use super::*;
    use crate::model::{Deadline, Owner};

    /// The chain fixtures as problems and measures (ids in file order) and the true links.
    pub(crate) fn chain() -> (Vec<Problem>, Vec<Measure>, HashSet<(ItemId, ItemId)>) {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/summaries");
        let truth: serde_json::Value = serde_json::from_str(
            &std::fs::read_to_string(format!("{dir}/true-links.json")).unwrap(),
        )
        .unwrap();
        let (mut problems, mut measures, mut links) = (Vec::new(), Vec::new(), HashSet::new());
        for (name, per_measure) in truth["links"].as_object().unwrap() {
            let bytes = std::fs::read(format!("{dir}/{name}")).unwrap();
            let text = crate::import::read_document(name, &bytes, None).unwrap();
            let summary = crate::import::parse(&text);
            let (unit, year) = (summary.unit.clone().unwrap(), summary.year.unwrap());
            let first_problem = problems.len() as i64 + 1;
            for p in &summary.problems {
                let id = ItemId::problem(problems.len() as i64 + 1);
                problems.push(Problem {
                    id,
                    uuid: String::new(),
                    unit: unit.clone(),
                    year,
                    category: None,
                    text: p.text.clone(),
                });
            }
            let per_measure = per_measure.as_array().unwrap();
            assert_eq!(per_measure.len(), summary.measures.len(), "{name}");
            for (m, answers) in summary.measures.iter().zip(per_measure) {
                let id = ItemId::measure(measures.len() as i64 + 1);
                measures.push(Measure {
                    id,
                    uuid: String::new(),
                    unit: unit.clone(),
                    year,
                    title: m.title.clone(),
                    text: m.text.clone(),
                    owner: Owner::default(),
                    deadline: Deadline::LongTerm,
                });
                for p in answers.as_array().unwrap() {
                    links.insert((id, ItemId::problem(first_problem + p.as_i64().unwrap())));
                }
            }
        }
        (problems, measures, links)
    }

    #[test]
    fn the_thresholds_put_every_true_link_above_the_floor_and_the_wrong_ones_low() {
        let (problems, measures, truth) = chain();
        let (links, carried) = (Vec::new(), HashMap::new());
        let known = Known {
            links: &links,
            carried_from: &carried,
        };
        for (m, scored) in rank(&problems, &measures, &known) {
            let cells: Vec<String> = scored
                .iter()
                .map(|(s, p)| {
                    let mark = if truth.contains(&(m.id, p.id)) {
                        "*"
                    } else {
                        ""
                    };
                    format!("{}{mark} {s:.3}", p.id)
                })
                .collect();
            println!("{} {}", m.id, cells.join("  "));
        }
        let found = suggest_links(&problems, &measures, &known);
        let mut right: HashMap<Strength, usize> = HashMap::new();
        let mut wrong: HashMap<Strength, usize> = HashMap::new();
        for s in &found {
            let ok = truth.contains(&(s.measure, s.problem));
            println!(
                "{} {} {:.2} {:?} {} {:?}",
                if ok { "RIGHT" } else { "WRONG" },
                s.measure,
                s.score,
                s.strength,
                s.problem,
                s.shared_words
            );
            *(if ok { &mut right } else { &mut wrong })
                .entry(s.strength)
                .or_default() += 1;
        }
        println!("right {right:?} wrong {wrong:?} true links {}", truth.len());
        // The same measures against every problem of their unit, whatever the year: the
        // reworded recurrences of other years are the decoys. Printed to judge the bands.
        let flat = |year: &mut i32| *year = 0;
        let (mut any_problems, mut any_measures) = (problems.clone(), measures.clone());
        any_problems.iter_mut().for_each(|p| flat(&mut p.year));
        any_measures.iter_mut().for_each(|m| flat(&mut m.year));
        let mut bands: HashMap<(Strength, bool), usize> = HashMap::new();
        for s in suggest_links(&any_problems, &any_measures, &known) {
            *bands
                .entry((s.strength, truth.contains(&(s.measure, s.problem))))
                .or_default() += 1;
        }
        println!("any year: (strength, right) {bands:?}");
        let hits: usize = right.values().sum();
        assert_eq!(hits, truth.len(), "every true link is proposed");
        assert_eq!(wrong.get(&Strength::High), None, "no wrong link is 高");
    }
}

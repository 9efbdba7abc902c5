//! The thresholds, measured on the fixture chains against fixtures/summaries/true-links.json.
//! Run with `--nocapture` to see every score.

use super::*;
use crate::model::{Deadline, Owner};

/// The chain fixtures as problems and measures (ids in file order) and the true links.
pub(crate) fn chain() -> (Vec<Problem>, Vec<Measure>, HashSet<(ItemId, ItemId)>) {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/summaries");
    let truth: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(format!("{dir}/true-links.json")).unwrap())
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
                institution: None,
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

//! Links between measures and the problems they answer, where a document states them, and the
//! count of measures still linked to none.
//!
//! A link is recorded through [`crate::cmd::link::link_items`], so it carries the same history
//! event as `taizhang link`. Nothing here guesses a link: `link --suggest` proposes the rest.

use super::summary::FileReport;
use crate::cmd::link::link_items;
use crate::cmd::{Ctx, Item};
use crate::error::{Msg, Result};
use crate::import::Summary;
use crate::model::ItemId;
use crate::store::{self, Conn};

/// Links each recorded measure to the problems its parsed form says it answers
/// (`Measure::answers`, indices into `summary.problems`); `report` holds the ids the items were
/// recorded under, in the summary's order. An index that names no problem is a warning. Returns
/// how many links were new.
pub(super) fn link_answers(
    ctx: &Ctx,
    conn: &Conn,
    summary: &Summary,
    report: &FileReport,
    warnings: &mut Vec<String>,
) -> Result<usize> {
    let mut linked = 0;
    for (measure, &measure_id) in summary.measures.iter().zip(&report.measures) {
        for &index in &measure.answers {
            let Some(&problem_id) = report.problems.get(index) else {
                warnings.push(
                    Msg::AnswerOutOfRange {
                        measure: measure_id.to_string(),
                        index: index + 1,
                        count: report.problems.len(),
                    }
                    .render(ctx.lang),
                );
                continue;
            };
            if link(ctx, conn, measure_id, problem_id)? {
                linked += 1;
            }
        }
    }
    Ok(linked)
}

/// Links measure `measure` to problem `problem` (both of one unit) as `taizhang link` does.
/// Returns false when they were linked already.
pub(super) fn link(ctx: &Ctx, conn: &Conn, measure: ItemId, problem: ItemId) -> Result<bool> {
    let gone = |id: ItemId| Msg::VanishedWhileImporting {
        item: id.to_string(),
    };
    let m = store::get_measure(conn, measure)?.ok_or_else(|| gone(measure))?;
    let p = store::get_problem(conn, problem)?.ok_or_else(|| gone(problem))?;
    link_items(ctx, conn, &Item::Measure(m), &Item::Problem(p))
}

/// How many measures of unit `unit_id` for `year` are linked to no problem.
pub fn unlinked_measures(conn: &Conn, unit_id: i64, year: i32) -> Result<usize> {
    store::unlinked_measures(conn, unit_id, year)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::summary::{record_summary, SummaryInput};
    use crate::ingest::testing::ctx;
    use crate::store::Store;

    fn summary() -> Summary {
        let problem = |text: &str| crate::import::Problem {
            text: text.to_string(),
            position: 0,
        };
        let measure = |text: &str, answers: Vec<usize>| crate::import::Measure {
            title: None,
            text: text.to_string(),
            position: 0,
            deadline: None,
            answers,
        };
        Summary {
            file: "甲局2023年度工作总结.txt".to_string(),
            unit: Some("甲局".to_string()),
            year: Some(2023),
            problems: vec![problem("理论学习不够深入"), problem("制度执行不够严格")],
            measures: vec![
                measure("健全学习制度", vec![0]),
                measure("严格制度执行", vec![0, 1]),
                measure("加强队伍建设", vec![]),
                measure("另起一条", vec![7]),
            ],
            outcomes: vec![],
            warnings: vec![],
            signed: None,
        }
    }

    #[test]
    fn the_links_a_summary_states_are_recorded_with_their_history() {
        let mut store = Store::in_memory().unwrap();
        let ctx = ctx();
        let summary = summary();
        let tx = store.transaction().unwrap();
        let input = SummaryInput {
            bytes: b"x",
            text: "x",
            summary: &summary,
            given_unit: None,
            replace: false,
        };
        let report = record_summary(&ctx, &tx, &input).unwrap();
        assert_eq!(report.links, 3);
        let (p, m) = (&report.problems, &report.measures);
        assert_eq!(store::links_of(&tx, m[0]).unwrap(), [p[0]]);
        assert_eq!(store::links_of(&tx, m[1]).unwrap(), [p[0], p[1]]);
        assert!(store::links_of(&tx, m[2]).unwrap().is_empty());
        assert!(store::links_of(&tx, m[3]).unwrap().is_empty());
        assert_eq!(report.unlinked_measures, 2);
        assert!(report.warnings.iter().any(|w| w.contains("未关联")));
        let uuid = store::get_measure(&tx, m[1]).unwrap().unwrap().uuid;
        let events = store::events_for(&tx, &uuid).unwrap();
        assert_eq!(events.iter().filter(|e| e.action == "link").count(), 2);
    }
}

//! What a summary reports about earlier years' problems: each reported outcome matched to an
//! earlier problem of the unit and recorded as a progress entry on it.

use chrono::NaiveDate;
use serde_json::json;

use crate::analysis::matching::match_reports;
use crate::cmd::Ctx;
use crate::error::{Msg, Result};
use crate::import::Summary;
use crate::model::Unit;
use crate::store::{self, Conn, Document, NewProgress};

/// Records each reported outcome as a progress entry on the earlier problem it matches, dated
/// the end of the summary's year (or the as-of date, if that is earlier). Returns how many.
pub(super) fn record_outcomes(
    ctx: &Ctx,
    conn: &Conn,
    unit: &Unit,
    year: i32,
    document: &Document,
    summary: &Summary,
    warnings: &mut Vec<String>,
) -> Result<usize> {
    let year_end = NaiveDate::from_ymd_opt(year, 12, 31).expect("December 31st exists");
    let date = year_end.min(ctx.clock.today());
    let mut recorded = 0;
    let refers = |o: &crate::import::Outcome| o.refers_to_year.unwrap_or(year - 1);
    let mut years: Vec<i32> = summary.outcomes.iter().map(refers).collect();
    years.sort_unstable();
    years.dedup();
    // The unit's problems, once: only their texts are needed to match the reports.
    let problems = if years.is_empty() {
        Vec::new()
    } else {
        store::list_problems(conn, Some(unit.id))?
    };
    for refers_to in years {
        let outcomes: Vec<&crate::import::Outcome> = summary
            .outcomes
            .iter()
            .filter(|o| refers(o) == refers_to)
            .collect();
        let earlier: Vec<&crate::model::Problem> =
            problems.iter().filter(|p| p.year == refers_to).collect();
        let texts: Vec<&str> = outcomes.iter().map(|o| o.text.as_str()).collect();
        let candidates: Vec<&str> = earlier.iter().map(|p| p.text.as_str()).collect();
        for (outcome, matched) in outcomes.iter().zip(match_reports(&texts, &candidates)) {
            let Some((index, _score)) = matched else {
                warnings.push(
                    Msg::NoProblemMatchesReport {
                        year: refers_to,
                        unit: unit.name.clone(),
                        text: crate::render::table::shorten(&outcome.text, 40),
                    }
                    .render(ctx.lang),
                );
                continue;
            };
            let problem = earlier[index];
            let already = store::progress_of(conn, problem.id)?.iter().any(|e| {
                e.status == outcome.status
                    && e.date == date
                    && e.note.as_deref() == Some(outcome.text.as_str())
            });
            if already {
                continue;
            }
            store::insert_progress(
                conn,
                &NewProgress {
                    item: problem.id,
                    status: outcome.status,
                    date,
                    note: Some(&outcome.text),
                    evidence: &[],
                    created_at: ctx.clock.timestamp(),
                    source: Some(document.id),
                },
            )?;
            let mut detail = json!({"status": outcome.status, "date": date, "note": outcome.text, "document": document.uuid});
            if outcome.position == crate::import::reviewed::TYPED {
                detail["via"] = json!("review");
            }
            ctx.record(
                conn,
                &problem.id.to_string(),
                &problem.uuid,
                crate::model::Action::Progress,
                detail,
            )?;
            recorded += 1;
        }
    }
    Ok(recorded)
}

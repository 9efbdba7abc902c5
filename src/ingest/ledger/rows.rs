//! One ledger row's items: its problem and measure (recorded unless the store has them) and its
//! status as a progress entry, dated as `progress` says.

use chrono::NaiveDate;
use serde_json::json;

use super::Recorder;
use crate::error::Result;
use crate::exchange::report::{date_trouble_text, too_early_text, RowMessage};
use crate::exchange::sheet::{LedgerMeasure, RowOutcome};
use crate::ingest::progress::progress_date;
use crate::model::{Deadline, Evidence, ItemId, Measure, Problem, Status, Unit};
use crate::store::{self, NewMeasure, NewProblem, NewProgress};

impl Recorder<'_> {
    /// The problem with this text in the unit and year, recorded if it is not there yet.
    pub(super) fn problem(
        &mut self,
        unit: &Unit,
        year: i32,
        text: &str,
        category: Option<&str>,
        row: usize,
    ) -> Result<(Problem, bool)> {
        if let Some(problem) = store::find_problem_by_text(self.conn, unit.id, year, text)? {
            return Ok((problem, false));
        }
        let problem = store::insert_problem(
            self.conn,
            &NewProblem {
                unit_id: unit.id,
                year,
                category,
                text,
                created_at: self.ctx.clock.timestamp(),
                source: None,
            },
        )?;
        let detail = json!({
            "unit": unit.name, "year": year, "category": category, "text": text,
            "ledger": self.file, "row": row,
        });
        self.ctx.record(
            self.conn,
            &problem.id.to_string(),
            &problem.uuid,
            "create",
            detail,
        )?;
        Ok((problem, true))
    }

    /// The measure with this text in the unit and year, recorded if it is not there yet.
    pub(super) fn measure(
        &mut self,
        unit: &Unit,
        year: i32,
        m: &LedgerMeasure,
        deadline: Deadline,
    ) -> Result<(Measure, bool)> {
        if let Some(measure) = store::find_measure_by_text(self.conn, unit.id, year, &m.text)? {
            return Ok((measure, false));
        }
        let measure = store::insert_measure(
            self.conn,
            &NewMeasure {
                unit_id: unit.id,
                year,
                title: m.title.as_deref(),
                text: &m.text,
                owner: &m.owner,
                deadline,
                created_at: self.ctx.clock.timestamp(),
                source: None,
            },
        )?;
        let o = &m.owner;
        let detail = json!({
            "unit": unit.name, "year": year, "title": m.title, "text": m.text,
            "leader": o.leader, "owner_dept": o.owner_dept, "co_depts": o.co_depts,
            "owner_person": o.owner_person, "deadline_kind": deadline.kind_code(), "due": deadline.due(),
            "ledger": self.file, "row": m.row,
        });
        self.ctx.record(
            self.conn,
            &measure.id.to_string(),
            &measure.uuid,
            "create",
            detail,
        )?;
        Ok((measure, true))
    }

    /// Records the row's status as a progress entry, when it differs from the item's latest status
    /// (so that importing the same ledger again records nothing). It is dated by the latest date
    /// its text states, else by the as-of date (counted in `undated_progress`).
    pub(super) fn outcome(
        &mut self,
        id: ItemId,
        uuid: &str,
        year: i32,
        outcome: Option<&RowOutcome>,
        row: usize,
    ) -> Result<()> {
        let Some(outcome) = outcome else {
            return Ok(());
        };
        let current = store::latest_status(self.conn, id)?.unwrap_or(Status::Planned);
        if outcome.status == current {
            return Ok(());
        }
        let as_of = self.ctx.clock.today();
        let dated = progress_date(outcome.note.as_deref(), year, as_of);
        for trouble in &dated.troubles {
            self.report.warnings.push(RowMessage {
                row,
                message: date_trouble_text(trouble, as_of, self.ctx.lang),
            });
        }
        let date = dated.date;
        if date < NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or(NaiveDate::MIN) {
            self.report.warnings.push(RowMessage {
                row,
                message: too_early_text(year, self.ctx.lang),
            });
            return Ok(());
        }
        let evidence: Vec<Evidence> = outcome
            .evidence
            .iter()
            .map(|reference| Evidence {
                reference: reference.clone(),
                size_bytes: None,
                sha256: None,
            })
            .collect();
        store::insert_progress(
            self.conn,
            &NewProgress {
                item: id,
                status: outcome.status,
                date,
                note: outcome.note.as_deref(),
                evidence: &evidence,
                created_at: self.ctx.clock.timestamp(),
                source: None,
            },
        )?;
        let detail = json!({
            "status": outcome.status, "date": date, "note": outcome.note, "evidence": evidence,
            "ledger": self.file, "row": row,
        });
        self.ctx
            .record(self.conn, &id.to_string(), uuid, "progress", detail)?;
        self.report.progress += 1;
        if !dated.stated {
            self.report.undated_progress += 1;
        }
        Ok(())
    }
}

//! One ledger row's items: its problem and measure (recorded unless the store has them) and its
//! status as a progress entry, dated as `progress` says.

use chrono::NaiveDate;
use serde_json::json;

use super::Recorder;
use crate::error::Result;
use crate::exchange::dates::DateTrouble;
use crate::exchange::entries::CellEntry;
use crate::exchange::sheet::{LedgerMeasure, RowOutcome};
use crate::ingest::progress::progress_date;
use crate::model::{Deadline, Evidence, ItemId, Measure, Problem, Status, Unit};
use crate::render::exchange::{date_trouble_text, too_early_text, RowMessage};
use crate::render::Lang;
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
            crate::model::Action::Create,
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
                institution: None,
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
            crate::model::Action::Create,
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
        if !outcome.entries.is_empty() {
            return self.entries(id, uuid, year, &outcome.entries, row);
        }
        let latest = store::latest_entry(self.conn, id)?;
        let current = latest.map_or(Status::Planned, |(status, _)| status);
        if outcome.status == current {
            return Ok(());
        }
        let as_of = self.ctx.clock.today();
        let mut dated = progress_date(outcome.note.as_deref(), year, as_of);
        // 销号时间 dates a done row, when it is a day the item can have been closed on.
        if let Some(day) = outcome.closed_on.filter(|_| outcome.status == Status::Done) {
            if day <= as_of {
                dated.date = day;
                dated.stated = true;
            }
        }
        for trouble in &dated.troubles {
            self.report.warnings.push(RowMessage {
                row,
                message: date_trouble_text(trouble, as_of, self.ctx.lang),
            });
        }
        let date = dated.date;
        // An older ledger never overwrites newer progress: a status is recorded only when the row
        // says when it was reached and that is after the item's latest entry.
        if let Some((status, last)) = latest {
            if !dated.stated || date <= last {
                let word = status.label_zh();
                let message = match (dated.stated, self.ctx.lang) {
                    (true, Lang::Zh) => format!("{id} 的状态“{}”（{date}）不晚于已记录的最新进展（{last} {word}），未记录，以免旧台账覆盖新进展", outcome.status.label_zh()),
                    (false, Lang::Zh) => format!("{id} 的整改进展未写明日期，而已记录的最新进展是 {last} {word}：为免旧台账覆盖新进展，未记录；请写明日期后再导入，或用 taizhang progress {id} 记录"),
                    (true, Lang::En) => format!("{id}: the status '{}' ({date}) is not later than the latest entry ({last} {}), so it was not recorded", outcome.status.code(), status.code()),
                    (false, Lang::En) => format!("{id}: the progress states no date and the latest entry is {last} {}; not recorded so that an older ledger cannot overwrite newer progress — add the date, or use 'taizhang progress {id}'", status.code()),
                };
                self.report.warnings.push(RowMessage { row, message });
                return Ok(());
            }
        }
        if date < NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or(NaiveDate::MIN) {
            self.report.warnings.push(RowMessage {
                row,
                message: too_early_text(year, self.ctx.lang),
            });
            return Ok(());
        }
        self.insert(
            id,
            uuid,
            outcome.status,
            date,
            outcome.note.as_deref(),
            &outcome.evidence,
            row,
        )?;
        if !dated.stated {
            self.report.undated_progress += 1;
        }
        Ok(())
    }

    /// Records the dated entries an exported ledger lists for the item, oldest first: each one
    /// the store does not hold yet (same date, status and note), when it is later than the
    /// item's latest entry before this import (an older ledger never overwrites newer progress).
    fn entries(
        &mut self,
        id: ItemId,
        uuid: &str,
        year: i32,
        entries: &[CellEntry],
        row: usize,
    ) -> Result<()> {
        let held = store::progress_of(self.conn, id)?;
        let latest = held.iter().map(|e| e.date).max();
        let as_of = self.ctx.clock.today();
        let year_start = NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or(NaiveDate::MIN);
        for e in entries {
            let same = |h: &&crate::model::ProgressEntry| {
                h.date == e.date && h.status == e.status && h.note == e.note
            };
            if held.iter().any(|h| same(&h)) {
                continue;
            }
            let message = match self.ctx.lang {
                _ if e.date > as_of => Some(date_trouble_text(
                    &DateTrouble::AfterAsOf(e.date),
                    as_of,
                    self.ctx.lang,
                )),
                _ if e.date < year_start => Some(date_trouble_text(
                    &DateTrouble::BeforeYear(e.date),
                    as_of,
                    self.ctx.lang,
                )),
                Lang::Zh if latest.is_some_and(|l| e.date <= l) => Some(format!(
                    "{id} 的进展“{} {}”不晚于已记录的最新进展，未记录，以免旧台账覆盖新进展",
                    e.date,
                    e.status.label_zh()
                )),
                Lang::En if latest.is_some_and(|l| e.date <= l) => Some(format!(
                    "{id}: the entry '{} {}' is not later than the latest entry, so it was not recorded",
                    e.date,
                    e.status.code()
                )),
                _ => None,
            };
            if let Some(message) = message {
                self.report.warnings.push(RowMessage { row, message });
                continue;
            }
            self.insert(
                id,
                uuid,
                e.status,
                e.date,
                e.note.as_deref(),
                &e.evidence,
                row,
            )?;
        }
        Ok(())
    }

    /// Inserts one progress entry and its history event, and counts it.
    #[allow(clippy::too_many_arguments)]
    fn insert(
        &mut self,
        id: ItemId,
        uuid: &str,
        status: Status,
        date: NaiveDate,
        note: Option<&str>,
        references: &[String],
        row: usize,
    ) -> Result<()> {
        let evidence: Vec<Evidence> = references
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
                status,
                date,
                note,
                evidence: &evidence,
                created_at: self.ctx.clock.timestamp(),
                source: None,
            },
        )?;
        let detail = json!({
            "status": status, "date": date, "note": note, "evidence": evidence,
            "ledger": self.file, "row": row,
        });
        self.ctx.record(
            self.conn,
            &id.to_string(),
            uuid,
            crate::model::Action::Progress,
            detail,
        )?;
        self.report.progress += 1;
        Ok(())
    }
}

//! Merging progress entries and their evidence: an entry is new when its UUID is not here, and
//! evidence comes only with the entries this merge added.

use anyhow::Context;
use rusqlite::params;

use super::{free_id, id_by_uuid, Merger};
use crate::error::messages::ExportFlaw;
use crate::error::{Refusal, Result};

impl Merger<'_> {
    pub(super) fn progress(&mut self) -> Result<()> {
        let dump = self.dump;
        for entry in &dump.progress {
            if id_by_uuid(self.conn, "progress", &entry.uuid)?.is_some() {
                continue;
            }
            let (problem, measure) = match entry.kind.as_str() {
                "problem" => (self.problems.get(entry.item.as_str()).copied(), None),
                "measure" => (None, self.measures.get(entry.item.as_str()).copied()),
                other => {
                    return Err(Refusal::ExportFlawed {
                        path: self.options.source.to_string(),
                        flaw: ExportFlaw::ProgressOn {
                            kind: other.to_string(),
                        },
                    }
                    .into())
                }
            };
            if problem.is_none() && measure.is_none() {
                continue;
            }
            let document = self.document_id(entry.document.as_ref())?;
            let id = free_id(self.conn, "progress", entry.id)?;
            self.conn
                .execute(
                    "INSERT INTO progress (id, uuid, problem_id, measure_id, status, date, note,
                                           document_id, created_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                    params![
                        id,
                        entry.uuid,
                        problem,
                        measure,
                        entry.status,
                        entry.date,
                        entry.note,
                        document,
                        entry.created_at
                    ],
                )
                .context("insert progress entry")?;
            self.new_progress.insert(&entry.uuid, id);
            self.report.added.progress += 1;
        }
        Ok(())
    }

    pub(super) fn evidence(&mut self) -> Result<()> {
        let dump = self.dump;
        for e in &dump.evidence {
            let Some(&progress) = self.new_progress.get(e.progress.as_str()) else {
                continue;
            };
            self.conn
                .execute(
                    "INSERT INTO evidence (progress_id, position, reference, size_bytes, sha256)
                     VALUES (?1, ?2, ?3, ?4, ?5)",
                    params![progress, e.position, e.reference, e.size_bytes, e.sha256],
                )
                .context("insert evidence")?;
            self.report.added.evidence += 1;
        }
        Ok(())
    }
}

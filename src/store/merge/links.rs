//! Merging the rows that tie items to each other: co-operating departments of new measures,
//! problem–measure links, carry-overs and recurrence decisions. Each follows its items by UUID
//! and is skipped when an item it names did not come in.

use anyhow::Context;
use rusqlite::{params, OptionalExtension};

use super::{Merger, Note};
use crate::error::Result;
use crate::model::ItemId;

impl Merger<'_> {
    pub(super) fn co_depts(&mut self) -> Result<()> {
        let dump = self.dump;
        for row in &dump.measure_co_depts {
            if !self.new_measures.contains(row.measure.as_str()) {
                continue;
            }
            let measure = self.measures[row.measure.as_str()];
            self.conn
                .execute(
                    "INSERT INTO measure_co_depts (measure_id, position, dept) VALUES (?1, ?2, ?3)",
                    params![measure, row.position, row.dept],
                )
                .context("insert co-operating department")?;
        }
        Ok(())
    }

    pub(super) fn links(&mut self) -> Result<()> {
        let dump = self.dump;
        for link in &dump.links {
            let (Some(&p), Some(&m)) = (
                self.problems.get(link.problem.as_str()),
                self.measures.get(link.measure.as_str()),
            ) else {
                continue;
            };
            let added = crate::store::link(self.conn, ItemId::measure(m), ItemId::problem(p))?;
            self.report.added.links += usize::from(added);
        }
        Ok(())
    }

    pub(super) fn carry_overs(&mut self) -> Result<()> {
        let dump = self.dump;
        for carry in &dump.carry_overs {
            let (Some(&from), Some(&to)) = (
                self.measures.get(carry.from.as_str()),
                self.measures.get(carry.to.as_str()),
            ) else {
                continue;
            };
            let existing: Option<i64> = self
                .conn
                .query_row(
                    "SELECT from_measure FROM carry_overs WHERE to_measure = ?1",
                    [to],
                    |r| r.get(0),
                )
                .optional()
                .context("find carry-over")?;
            match existing {
                Some(f) if f == from => {}
                Some(_) => self.report.notes.push(Note::CarryKept {
                    to: ItemId::measure(to),
                }),
                None => {
                    self.conn
                        .execute(
                            "INSERT INTO carry_overs (from_measure, to_measure, created_at)
                             VALUES (?1, ?2, ?3)",
                            params![from, to, carry.created_at],
                        )
                        .context("insert carry-over")?;
                    self.report.added.carry_overs += 1;
                }
            }
        }
        Ok(())
    }

    pub(super) fn recurrences(&mut self) -> Result<()> {
        let dump = self.dump;
        for r in &dump.recurrences {
            let (Some(&earlier), Some(&later)) = (
                self.problems.get(r.earlier.as_str()),
                self.problems.get(r.later.as_str()),
            ) else {
                continue;
            };
            let ours: Option<(String, String)> = self
                .conn
                .query_row(
                    "SELECT decision, decided_at FROM recurrences
                     WHERE earlier_problem = ?1 AND later_problem = ?2",
                    [earlier, later],
                    |row| Ok((row.get(0)?, row.get(1)?)),
                )
                .optional()
                .context("find recurrence decision")?;
            match ours {
                None => {
                    self.conn
                        .execute(
                            "INSERT INTO recurrences (earlier_problem, later_problem, decision, score,
                                                      decided_at, actor)
                             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                            params![earlier, later, r.decision, r.score, r.decided_at, r.actor],
                        )
                        .context("insert recurrence decision")?;
                    self.report.added.recurrences += 1;
                }
                Some((decision, _)) if decision == r.decision => {}
                Some((_, decided_at)) if r.decided_at > decided_at => {
                    self.conn
                        .execute(
                            "UPDATE recurrences SET decision = ?3, score = ?4, decided_at = ?5,
                                    actor = ?6
                             WHERE earlier_problem = ?1 AND later_problem = ?2",
                            params![earlier, later, r.decision, r.score, r.decided_at, r.actor],
                        )
                        .context("update recurrence decision")?;
                    self.report.updated.recurrences += 1;
                }
                Some(_) => self.report.notes.push(Note::DecisionKept {
                    earlier: ItemId::problem(earlier),
                    later: ItemId::problem(later),
                }),
            }
        }
        Ok(())
    }
}

//! Merging problems and measures: the same UUID with the same fields is nothing to do; new ones
//! are inserted; differing ones are merged field by field, as the events decide (`fields`).

use anyhow::Context;
use rusqlite::{params, Connection, OptionalExtension};
use serde::{de::DeserializeOwned, Deserialize, Serialize};
use serde_json::{json, Map, Value};

use std::collections::BTreeMap;

use super::fields::{self, Mark};
use super::{free_id, Conflict, Merger, Note, Renumbered};
use crate::error::Result;
use crate::model::{ItemId, ItemKind};
use crate::store::dump::{MeasureRow, ProblemRow};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct ProblemFields {
    unit: i64,
    year: i64,
    category: Option<String>,
    text: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct MeasureFields {
    unit: i64,
    year: i64,
    title: Option<String>,
    text: String,
    leader: Option<String>,
    owner_dept: Option<String>,
    co_depts: Vec<String>,
    owner_person: Option<String>,
    deadline_kind: String,
    due: Option<String>,
    institution: Option<String>,
}

impl<'a> Merger<'a> {
    pub(super) fn problems(&mut self) -> Result<()> {
        let dump = self.dump;
        for p in &dump.problems {
            let theirs = ProblemFields {
                unit: self.unit_id(&p.unit)?,
                year: p.year,
                category: p.category.clone(),
                text: p.text.clone(),
            };
            match our_problem(self.conn, &p.uuid)? {
                Some((id, ours)) => {
                    self.problems.insert(&p.uuid, id);
                    if ours != theirs {
                        let id = ItemId::problem(id);
                        if let Some(merged) = self.resolve(id, &p.uuid, &ours, &theirs) {
                            update_problem(self.conn, id.num, &merged)?;
                        }
                    }
                }
                None if self.deleted_here(&p.uuid) => self.report.notes.push(Note::DeletedHere {
                    id: format!("P{}", p.id),
                    uuid: p.uuid.clone(),
                }),
                None => {
                    let id = self.insert_problem(p, &theirs)?;
                    self.problems.insert(&p.uuid, id);
                }
            }
        }
        Ok(())
    }

    pub(super) fn measures(&mut self) -> Result<()> {
        let dump = self.dump;
        for m in &dump.measures {
            let mut co: Vec<(i64, &str)> = dump
                .measure_co_depts
                .iter()
                .filter(|c| c.measure == m.uuid)
                .map(|c| (c.position, c.dept.as_str()))
                .collect();
            co.sort();
            let theirs = MeasureFields {
                unit: self.unit_id(&m.unit)?,
                year: m.year,
                title: m.title.clone(),
                text: m.text.clone(),
                leader: m.leader.clone(),
                owner_dept: m.owner_dept.clone(),
                co_depts: co.into_iter().map(|(_, d)| d.to_string()).collect(),
                owner_person: m.owner_person.clone(),
                deadline_kind: m.deadline_kind.clone(),
                due: m.due.clone(),
                institution: m.institution.clone(),
            };
            match our_measure(self.conn, &m.uuid)? {
                Some((id, ours)) => {
                    self.measures.insert(&m.uuid, id);
                    if ours != theirs {
                        let id = ItemId::measure(id);
                        if let Some(merged) = self.resolve(id, &m.uuid, &ours, &theirs) {
                            update_measure(self.conn, id.num, &merged)?;
                        }
                    }
                }
                None if self.deleted_here(&m.uuid) => self.report.notes.push(Note::DeletedHere {
                    id: format!("M{}", m.id),
                    uuid: m.uuid.clone(),
                }),
                None => {
                    let id = self.insert_measure(m, &theirs)?;
                    self.measures.insert(&m.uuid, id);
                    self.new_measures.insert(&m.uuid);
                }
            }
        }
        Ok(())
    }

    /// Decides a difference field by field: returns the fields to write when some are taken
    /// from the other store, and reports (and records once) the fields changed on both sides.
    fn resolve<T: Serialize + DeserializeOwned>(
        &mut self,
        id: ItemId,
        uuid: &str,
        ours: &T,
        theirs: &T,
    ) -> Option<T> {
        let (Ok(Value::Object(ours)), Ok(Value::Object(theirs))) =
            (serde_json::to_value(ours), serde_json::to_value(theirs))
        else {
            return None;
        };
        let (our_marks, their_marks) = self.marks(uuid);
        let decision = fields::decide(&ours, &theirs, &our_marks, &their_marks);
        let mut merged = ours.clone();
        for field in &decision.take {
            merged.insert(field.clone(), theirs[field.as_str()].clone());
        }
        if !decision.conflicts.is_empty() {
            // A conflict recorded by an earlier merge means both sides edited the field.
            let edited = |marks: &BTreeMap<String, Mark>, other: &BTreeMap<String, Mark>| {
                ours.keys()
                    .filter(|f| ours.get(*f) != theirs.get(*f))
                    .filter(|f| marks.contains_key(*f) || other.get(*f) == Some(&Mark::Conflicted))
                    .cloned()
                    .collect()
            };
            let conflicting: Map<String, Value> = decision
                .conflicts
                .iter()
                .map(|f| {
                    let pair = json!({"this": ours[f.as_str()], "other": theirs[f.as_str()]});
                    (f.clone(), pair)
                })
                .collect();
            self.report.conflicts.push(Conflict {
                id,
                uuid: uuid.to_string(),
                fields: decision.conflicts.clone(),
                this_edited: edited(&our_marks, &their_marks),
                other_edited: edited(&their_marks, &our_marks),
                taken: decision.take.clone(),
            });
            let detail = json!({"kept": "this", "fields": Value::Object(conflicting)});
            self.pending.push((id, uuid.to_string(), detail));
        }
        if decision.take.is_empty() {
            return None;
        }
        match id.kind {
            ItemKind::Problem => self.report.updated.problems += 1,
            ItemKind::Measure => self.report.updated.measures += 1,
        }
        serde_json::from_value(Value::Object(merged)).ok()
    }

    fn insert_problem(&mut self, p: &ProblemRow, fields: &ProblemFields) -> Result<i64> {
        let document = self.document_id(p.document.as_ref())?;
        let id = free_id(self.conn, "problems", p.id)?;
        self.conn
            .execute(
                "INSERT INTO problems (id, uuid, unit_id, year, category, body, document_id,
                                       position, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                params![
                    id,
                    p.uuid,
                    fields.unit,
                    fields.year,
                    fields.category,
                    fields.text,
                    document,
                    p.position,
                    p.created_at
                ],
            )
            .context("insert problem")?;
        self.report.added.problems += 1;
        if id != p.id {
            self.report.renumbered.push(Renumbered {
                uuid: p.uuid.clone(),
                from: ItemId::problem(p.id),
                to: ItemId::problem(id),
            });
        }
        Ok(id)
    }

    fn insert_measure(&mut self, m: &MeasureRow, fields: &MeasureFields) -> Result<i64> {
        let document = self.document_id(m.document.as_ref())?;
        let id = free_id(self.conn, "measures", m.id)?;
        self.conn
            .execute(
                "INSERT INTO measures (id, uuid, unit_id, year, title, body, leader, owner_dept,
                                       owner_person, deadline_kind, due_date, document_id,
                                       position, created_at, institution)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
                params![
                    id,
                    m.uuid,
                    fields.unit,
                    fields.year,
                    fields.title,
                    fields.text,
                    fields.leader,
                    fields.owner_dept,
                    fields.owner_person,
                    fields.deadline_kind,
                    fields.due,
                    document,
                    m.position,
                    m.created_at,
                    fields.institution
                ],
            )
            .context("insert measure")?;
        self.report.added.measures += 1;
        if id != m.id {
            self.report.renumbered.push(Renumbered {
                uuid: m.uuid.clone(),
                from: ItemId::measure(m.id),
                to: ItemId::measure(id),
            });
        }
        Ok(id)
    }
}

fn our_problem(conn: &Connection, uuid: &str) -> Result<Option<(i64, ProblemFields)>> {
    let row = conn
        .query_row(
            "SELECT id, unit_id, year, category, body FROM problems WHERE uuid = ?1",
            [uuid],
            |r| {
                Ok((
                    r.get(0)?,
                    ProblemFields {
                        unit: r.get(1)?,
                        year: r.get(2)?,
                        category: r.get(3)?,
                        text: r.get(4)?,
                    },
                ))
            },
        )
        .optional()
        .context("find problem")?;
    Ok(row)
}

fn our_measure(conn: &Connection, uuid: &str) -> Result<Option<(i64, MeasureFields)>> {
    let row = conn
        .query_row(
            "SELECT id, unit_id, year, title, body, leader, owner_dept, owner_person,
                    deadline_kind, due_date, institution
             FROM measures WHERE uuid = ?1",
            [uuid],
            |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    MeasureFields {
                        unit: r.get(1)?,
                        year: r.get(2)?,
                        title: r.get(3)?,
                        text: r.get(4)?,
                        leader: r.get(5)?,
                        owner_dept: r.get(6)?,
                        co_depts: vec![],
                        owner_person: r.get(7)?,
                        deadline_kind: r.get(8)?,
                        due: r.get(9)?,
                        institution: r.get(10)?,
                    },
                ))
            },
        )
        .optional()
        .context("find measure")?;
    match row {
        None => Ok(None),
        Some((id, mut fields)) => {
            fields.co_depts = crate::store::measures::co_depts_of(conn, id)?;
            Ok(Some((id, fields)))
        }
    }
}

fn update_problem(conn: &Connection, id: i64, fields: &ProblemFields) -> Result<()> {
    conn.execute(
        "UPDATE problems SET year = ?2, category = ?3, body = ?4 WHERE id = ?1",
        params![id, fields.year, fields.category, fields.text],
    )
    .context("update problem")?;
    Ok(())
}

fn update_measure(conn: &Connection, id: i64, fields: &MeasureFields) -> Result<()> {
    conn.execute(
        "UPDATE measures SET year = ?2, title = ?3, body = ?4, leader = ?5, owner_dept = ?6,
                owner_person = ?7, deadline_kind = ?8, due_date = ?9, institution = ?10
         WHERE id = ?1",
        params![
            id,
            fields.year,
            fields.title,
            fields.text,
            fields.leader,
            fields.owner_dept,
            fields.owner_person,
            fields.deadline_kind,
            fields.due,
            fields.institution
        ],
    )
    .context("update measure")?;
    conn.execute("DELETE FROM measure_co_depts WHERE measure_id = ?1", [id])
        .context("update co-operating departments")?;
    for (position, dept) in fields.co_depts.iter().enumerate() {
        conn.execute(
            "INSERT INTO measure_co_depts (measure_id, position, dept) VALUES (?1, ?2, ?3)",
            params![id, position as i64, dept],
        )
        .context("update co-operating departments")?;
    }
    Ok(())
}

/// The problem or measure with this UUID here, if any.
pub(super) fn local_item(conn: &Connection, uuid: &str) -> Result<Option<ItemId>> {
    if let Some(id) = super::id_by_uuid(conn, "problems", uuid)? {
        return Ok(Some(ItemId::problem(id)));
    }
    Ok(super::id_by_uuid(conn, "measures", uuid)?.map(ItemId::measure))
}

/// True when a carry-over or a recurrence decision refers to the item.
pub(super) fn is_referenced(conn: &Connection, id: ItemId) -> Result<bool> {
    let sql = match id.kind {
        ItemKind::Measure => {
            "SELECT EXISTS (SELECT 1 FROM carry_overs WHERE from_measure = ?1 OR to_measure = ?1)"
        }
        ItemKind::Problem => {
            "SELECT EXISTS (SELECT 1 FROM recurrences WHERE earlier_problem = ?1 OR later_problem = ?1)"
        }
    };
    let referenced = conn
        .query_row(sql, [id.num], |r| r.get(0))
        .context("check references")?;
    Ok(referenced)
}

//! Measures (整改措施): insert, fetch, update, with their co-operating departments.

use anyhow::Context;
use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension, Row};

use crate::error::Result;
use crate::model::{Deadline, InstitutionSetting, ItemId, Measure, Owner};

/// A measure about to be recorded.
#[derive(Debug, Clone)]
pub struct NewMeasure<'a> {
    pub unit_id: i64,
    pub year: i32,
    pub title: Option<&'a str>,
    pub text: &'a str,
    pub owner: &'a Owner,
    pub deadline: Deadline,
    /// 建章立制 as the user set it; `None` reads it from the words.
    pub institution: Option<InstitutionSetting>,
    pub created_at: &'a str,
    /// The imported document it was read from, if any.
    pub source: Option<super::Source>,
}

pub(super) const MEASURE_COLUMNS: &str =
    "m.id, m.uuid, u.name, m.year, m.title, m.body, m.leader, \
     m.owner_dept, m.owner_person, m.deadline_kind, m.due_date, m.institution \
     FROM measures m JOIN units u ON u.id = m.unit_id";

/// Builds a measure from a row of `MEASURE_COLUMNS`; co-departments are filled in afterwards.
pub(super) fn measure_from_row(r: &Row<'_>) -> rusqlite::Result<Measure> {
    let kind: String = r.get(9)?;
    let due: Option<NaiveDate> = r.get(10)?;
    let deadline = Deadline::from_parts(&kind, due).ok_or_else(|| {
        rusqlite::Error::FromSqlConversionFailure(
            9,
            rusqlite::types::Type::Text,
            format!("deadline kind {kind:?} with due date {due:?}").into(),
        )
    })?;
    let institution: Option<String> = r.get(11)?;
    let institution = institution
        .map(|code| {
            InstitutionSetting::from_code(&code).ok_or_else(|| {
                rusqlite::Error::FromSqlConversionFailure(
                    11,
                    rusqlite::types::Type::Text,
                    format!("institution {code:?}").into(),
                )
            })
        })
        .transpose()?;
    Ok(Measure {
        id: ItemId::measure(r.get(0)?),
        uuid: r.get(1)?,
        unit: r.get(2)?,
        year: r.get(3)?,
        title: r.get(4)?,
        text: r.get(5)?,
        owner: Owner {
            leader: r.get(6)?,
            owner_dept: r.get(7)?,
            co_depts: Vec::new(),
            owner_person: r.get(8)?,
        },
        deadline,
        institution,
    })
}

/// Records a measure and returns it with its new id.
pub fn insert_measure(conn: &Connection, new: &NewMeasure<'_>) -> Result<Measure> {
    let uuid = super::new_uuid();
    super::cached_execute(conn,
        "INSERT INTO measures (id, uuid, unit_id, year, title, body, leader, owner_dept, owner_person,
                               deadline_kind, due_date, created_at, document_id, position,
                               institution)
         VALUES (max(coalesce((SELECT max(id) FROM measures), 0),
                     coalesce((SELECT high FROM id_high_water WHERE kind = 'measure'), 0)) + 1,
                 ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
        params![
            uuid,
            new.unit_id,
            new.year,
            new.title,
            new.text,
            new.owner.leader,
            new.owner.owner_dept,
            new.owner.owner_person,
            new.deadline.kind_code(),
            new.deadline.due(),
            new.created_at,
            new.source.map(|s| s.document_id),
            new.source.and_then(|s| s.position),
            new.institution.map(InstitutionSetting::code)
        ],
    )
    .context("insert measure")?;
    let id = conn.last_insert_rowid();
    write_co_depts(conn, id, &new.owner.co_depts)?;
    Ok(get_measure(conn, ItemId::measure(id))?.expect("the measure just inserted exists"))
}

/// The measure with this id, or `None`.
pub fn get_measure(conn: &Connection, id: ItemId) -> Result<Option<Measure>> {
    let measure = super::cached_query_row(
        conn,
        &format!("SELECT {MEASURE_COLUMNS} WHERE m.id = ?1"),
        params![id.num],
        measure_from_row,
    )
    .optional()
    .context("fetch measure")?;
    match measure {
        None => Ok(None),
        Some(mut m) => {
            m.owner.co_depts = co_depts_of(conn, m.id.num)?;
            Ok(Some(m))
        }
    }
}

/// Writes back the editable fields of `measure`.
pub fn update_measure(conn: &Connection, measure: &Measure) -> Result<()> {
    super::cached_execute(
        conn,
        "UPDATE measures SET year = ?2, title = ?3, body = ?4, leader = ?5, owner_dept = ?6,
                owner_person = ?7, deadline_kind = ?8, due_date = ?9, institution = ?10
         WHERE id = ?1",
        params![
            measure.id.num,
            measure.year,
            measure.title,
            measure.text,
            measure.owner.leader,
            measure.owner.owner_dept,
            measure.owner.owner_person,
            measure.deadline.kind_code(),
            measure.deadline.due(),
            measure.institution.map(InstitutionSetting::code)
        ],
    )
    .context("update measure")?;
    super::cached_execute(
        conn,
        "DELETE FROM measure_co_depts WHERE measure_id = ?1",
        params![measure.id.num],
    )
    .context("update co-operating departments")?;
    write_co_depts(conn, measure.id.num, &measure.owner.co_depts)
}

fn write_co_depts(conn: &Connection, measure_id: i64, depts: &[String]) -> Result<()> {
    let mut stmt = conn
        .prepare_cached(
            "INSERT INTO measure_co_depts (measure_id, position, dept) VALUES (?1, ?2, ?3)",
        )
        .context("insert co-operating department")?;
    for (position, dept) in depts.iter().enumerate() {
        stmt.execute(params![measure_id, position as i64, dept])
            .context("insert co-operating department")?;
    }
    Ok(())
}

pub(super) fn co_depts_of(conn: &Connection, measure_id: i64) -> Result<Vec<String>> {
    let mut stmt = conn
        .prepare_cached("SELECT dept FROM measure_co_depts WHERE measure_id = ?1 ORDER BY position")
        .context("list co-operating departments")?;
    let depts = stmt
        .query_map(params![measure_id], |r| r.get(0))
        .and_then(|rows| rows.collect::<rusqlite::Result<Vec<String>>>())
        .context("list co-operating departments")?;
    Ok(depts)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::testing::{store_with_unit, AT};

    #[test]
    fn a_measure_round_trips_with_its_owner_and_deadline() {
        let (store, unit) = store_with_unit();
        let owner = Owner {
            leader: Some("王副局长".into()),
            owner_dept: Some("办公室".into()),
            co_depts: vec!["人事科".into(), "财务科".into()],
            owner_person: Some("李明".into()),
        };
        let due = NaiveDate::from_ymd_opt(2025, 6, 30).unwrap();
        let new = NewMeasure {
            unit_id: unit.id,
            year: 2024,
            title: Some("强化理论武装"),
            text: "强化理论武装。每季度开展一次专题研讨",
            owner: &owner,
            deadline: Deadline::ByDate(due),
            institution: Some(InstitutionSetting::Revise),
            created_at: AT,
            source: None,
        };
        let measure = insert_measure(store.conn(), &new).unwrap();
        assert_eq!(measure.owner, owner);
        assert_eq!(measure.deadline, Deadline::ByDate(due));
        assert_eq!(measure.institution, Some(InstitutionSetting::Revise));
        assert_eq!(measure.unit, "甲局");
        assert_eq!(
            get_measure(store.conn(), measure.id).unwrap(),
            Some(measure)
        );
    }

    #[test]
    fn updating_a_measure_replaces_its_co_departments() {
        let (store, unit) = store_with_unit();
        let owner = Owner {
            co_depts: vec!["人事科".into()],
            ..Owner::default()
        };
        let new = NewMeasure {
            unit_id: unit.id,
            year: 2024,
            title: None,
            text: "措施",
            owner: &owner,
            deadline: Deadline::LongTerm,
            institution: None,
            created_at: AT,
            source: None,
        };
        let mut measure = insert_measure(store.conn(), &new).unwrap();
        measure.owner.co_depts = vec!["财务科".into()];
        measure.deadline = Deadline::Immediate(NaiveDate::from_ymd_opt(2025, 1, 10).unwrap());
        update_measure(store.conn(), &measure).unwrap();
        assert_eq!(
            get_measure(store.conn(), measure.id).unwrap(),
            Some(measure)
        );
    }

    #[test]
    fn an_institution_set_on_a_measure_is_stored_changed_and_cleared() {
        let (store, unit) = store_with_unit();
        let owner = Owner::default();
        let new = NewMeasure {
            unit_id: unit.id,
            year: 2024,
            title: None,
            text: "修订完善差旅费报销规定",
            owner: &owner,
            deadline: Deadline::LongTerm,
            institution: None,
            created_at: AT,
            source: None,
        };
        let mut measure = insert_measure(store.conn(), &new).unwrap();
        assert_eq!(measure.institution, None);
        for setting in [Some(InstitutionSetting::NotARule), None] {
            measure.institution = setting;
            update_measure(store.conn(), &measure).unwrap();
            let stored = get_measure(store.conn(), measure.id).unwrap().unwrap();
            assert_eq!(stored.institution, setting);
        }
    }

    #[test]
    fn a_missing_measure_is_none() {
        let (store, _) = store_with_unit();
        assert_eq!(get_measure(store.conn(), ItemId::measure(9)).unwrap(), None);
    }
}

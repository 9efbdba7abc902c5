//! Tests of merging: round trips, renumbering, newer copies, conflicts, units by name, one unit.

use chrono::NaiveDate;
use serde_json::json;

use super::events::derived_uuid;
use super::*;
use crate::model::{Deadline, Evidence, Owner, Status};
use crate::store::testing::AT;
use crate::store::{
    append_event, insert_measure, insert_problem, insert_progress, insert_unit, link, read_dump,
    update_problem, NewEvent, NewMeasure, NewProblem, NewProgress, Store,
};

const OPTIONS: MergeOptions<'static> = MergeOptions {
    source: "other.db",
    at: AT,
    actor: "tester",
};

/// A unit with a problem, a measure answering it, and progress with evidence.
fn unit_store(name: &str) -> Store {
    let store = Store::in_memory().unwrap();
    let conn = store.conn();
    let unit = insert_unit(conn, name, AT).unwrap();
    let problem = insert_problem(
        conn,
        &NewProblem {
            unit_id: unit.id,
            year: 2024,
            category: Some("作风建设"),
            text: "调研不够深入",
            created_at: AT,
            source: None,
        },
    )
    .unwrap();
    let owner = Owner {
        owner_dept: Some("办公室".into()),
        co_depts: vec!["人事科".into(), "财务科".into()],
        ..Owner::default()
    };
    let measure = insert_measure(
        conn,
        &NewMeasure {
            unit_id: unit.id,
            year: 2024,
            title: None,
            text: "每季度开展一次专题调研",
            owner: &owner,
            deadline: Deadline::ByDate(NaiveDate::from_ymd_opt(2025, 6, 30).unwrap()),
            institution: None,
            created_at: AT,
            source: None,
        },
    )
    .unwrap();
    link(conn, measure.id, problem.id).unwrap();
    insert_progress(
        conn,
        &NewProgress {
            item: measure.id,
            status: Status::InProgress,
            date: NaiveDate::from_ymd_opt(2025, 3, 1).unwrap(),
            note: Some("已开展一次"),
            evidence: &[Evidence {
                reference: "调研报告.pdf".into(),
                size_bytes: Some(10),
                sha256: Some("ab".into()),
            }],
            created_at: AT,
            source: None,
        },
    )
    .unwrap();
    for (item, uuid) in [("P1", &problem.uuid), ("M1", &measure.uuid)] {
        event(&store, item, uuid, "create", json!({"text": "…"}));
    }
    store
}

fn event(store: &Store, item: &str, uuid: &str, action: &str, detail: serde_json::Value) {
    append_event(
        store.conn(),
        &NewEvent {
            at: AT,
            actor: "tester",
            item,
            item_uuid: uuid,
            action,
            detail,
        },
    )
    .unwrap();
}

fn edit_problem(store: &Store, text: &str) {
    let mut problem = crate::store::get_problem(store.conn(), ItemId::problem(1))
        .unwrap()
        .unwrap();
    problem.text = text.to_string();
    update_problem(store.conn(), &problem).unwrap();
    let uuid = problem.uuid.clone();
    event(
        store,
        "P1",
        &uuid,
        "edit",
        json!({"changes": {"text": {"to": text}}}),
    );
}

fn copy_of(store: &Store) -> Store {
    let copy = Store::in_memory().unwrap();
    merge(copy.conn(), &read_dump(store.conn()).unwrap(), &OPTIONS).unwrap();
    copy
}

#[test]
fn a_dump_merged_into_an_empty_store_gives_back_the_same_rows_and_ids() {
    let original = unit_store("甲局");
    let copy = copy_of(&original);
    assert_eq!(
        read_dump(copy.conn()).unwrap(),
        read_dump(original.conn()).unwrap()
    );
}

#[test]
fn merging_the_same_rows_twice_changes_nothing() {
    let original = unit_store("甲局");
    let copy = copy_of(&original);
    let report = merge(copy.conn(), &read_dump(original.conn()).unwrap(), &OPTIONS).unwrap();
    assert_eq!(report.added.total(), 0);
    assert_eq!(report.updated.total(), 0);
    assert!(report.conflicts.is_empty() && report.notes.is_empty());
    assert_eq!(
        read_dump(copy.conn()).unwrap(),
        read_dump(original.conn()).unwrap()
    );
}

#[test]
fn items_whose_ids_are_taken_get_new_ids_and_keep_their_links() {
    let county = unit_store("甲局");
    let other = unit_store("乙局");
    let report = merge(county.conn(), &read_dump(other.conn()).unwrap(), &OPTIONS).unwrap();
    assert_eq!(report.added.units, 1);
    assert_eq!(report.added.problems, 1);
    let moved: Vec<String> = report
        .renumbered
        .iter()
        .map(|r| format!("{}→{}", r.from, r.to))
        .collect();
    assert_eq!(moved, ["P1→P2", "M1→M2"]);
    assert_eq!(
        crate::store::links_of(county.conn(), ItemId::measure(2)).unwrap(),
        [ItemId::problem(2)]
    );
    let measure = crate::store::get_measure(county.conn(), ItemId::measure(2))
        .unwrap()
        .unwrap();
    assert_eq!(measure.owner.co_depts, ["人事科", "财务科"]);
    assert_eq!(measure.unit, "乙局");
}

#[test]
fn a_newer_copy_brings_its_edits_and_progress() {
    let unit = unit_store("甲局");
    let county = copy_of(&unit);
    edit_problem(&unit, "调研不够深入，成果转化不足");
    let report = merge(county.conn(), &read_dump(unit.conn()).unwrap(), &OPTIONS).unwrap();
    assert_eq!(report.updated.problems, 1);
    assert_eq!(report.added.events, 1);
    assert!(report.conflicts.is_empty());
    assert_eq!(
        read_dump(county.conn()).unwrap(),
        read_dump(unit.conn()).unwrap()
    );
}

#[test]
fn an_item_edited_in_both_keeps_this_version_and_both_histories() {
    let unit = unit_store("甲局");
    let county = copy_of(&unit);
    edit_problem(&unit, "他们的版本");
    edit_problem(&county, "我们的版本");
    let report = merge(county.conn(), &read_dump(unit.conn()).unwrap(), &OPTIONS).unwrap();
    assert_eq!(report.conflicts.len(), 1);
    assert_eq!(report.conflicts[0].fields, ["text"]);
    let problem = crate::store::get_problem(county.conn(), ItemId::problem(1))
        .unwrap()
        .unwrap();
    assert_eq!(problem.text, "我们的版本");
    let actions: Vec<String> = crate::store::events_for(county.conn(), &problem.uuid)
        .unwrap()
        .into_iter()
        .map(|e| e.action)
        .collect();
    assert_eq!(actions, ["create", "edit", "edit", "merge"]);
    // Merging again reports the conflict but records nothing new.
    let before = read_dump(county.conn()).unwrap();
    let again = merge(county.conn(), &read_dump(unit.conn()).unwrap(), &OPTIONS).unwrap();
    assert_eq!(again.conflicts.len(), 1);
    assert_eq!(read_dump(county.conn()).unwrap(), before);
}

#[test]
fn a_unit_of_the_same_name_is_taken_as_this_store_s_unit() {
    let county = Store::in_memory().unwrap();
    insert_unit(county.conn(), "甲局", AT).unwrap();
    let report = merge(
        county.conn(),
        &read_dump(unit_store("甲局").conn()).unwrap(),
        &OPTIONS,
    )
    .unwrap();
    assert_eq!(report.added.units, 0);
    assert!(matches!(&report.notes[..], [Note::UnitByName { .. }]));
    assert_eq!(
        crate::store::list_units(county.conn()).unwrap()[0].problems,
        1
    );
}

#[test]
fn only_unit_keeps_one_unit_and_what_belongs_to_it() {
    let county = unit_store("甲局");
    merge(
        county.conn(),
        &read_dump(unit_store("乙局").conn()).unwrap(),
        &OPTIONS,
    )
    .unwrap();
    let dump = read_dump(county.conn()).unwrap();
    let unit = dump.find_unit("乙局").unwrap().uuid.clone();
    let part = dump.only_unit(&unit);
    assert_eq!(part.units.len(), 1);
    assert_eq!((part.problems.len(), part.measures.len()), (1, 1));
    assert_eq!(
        (part.links.len(), part.progress.len(), part.evidence.len()),
        (1, 1, 1)
    );
    assert_eq!(part.measure_co_depts.len(), 2);
    assert_eq!(part.events.len(), 2);
}

#[test]
fn derived_uuids_are_stable_and_look_like_uuids() {
    let a = derived_uuid("x");
    assert_eq!(a, derived_uuid("x"));
    assert_ne!(a, derived_uuid("y"));
    assert!(uuid::Uuid::parse_str(&a).is_ok());
}

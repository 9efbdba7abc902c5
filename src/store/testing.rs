//! Helpers for the store's unit tests: an in-memory store with a unit in it.

use super::{insert_unit, Store};
use crate::model::Unit;

pub const AT: &str = "2026-01-15T09:30:00+08:00";

/// An in-memory store holding one unit, 甲局.
pub fn store_with_unit() -> (Store, Unit) {
    let store = Store::in_memory().expect("in-memory store");
    let unit = insert_unit(store.conn(), "甲局", AT).expect("insert unit");
    (store, unit)
}

/// Records a problem of `unit` for `year`, without category or source.
pub fn add_problem(
    conn: &rusqlite::Connection,
    unit: &Unit,
    year: i32,
    text: &str,
) -> crate::model::Problem {
    let new = super::NewProblem {
        unit_id: unit.id,
        year,
        category: None,
        text,
        created_at: AT,
        source: None,
    };
    super::insert_problem(conn, &new).expect("insert problem")
}

/// An in-memory store of `units` units (named so that their ids and name order differ) over
/// `years` summary years from 2021, with problems and measures in every status a ledger shows:
/// own entries, outcomes reported by a later summary, measures answering an earlier year's
/// problem, long-term and undated deadlines, categories, co-departments and unreported years.
/// The same arguments give the same store.
pub fn varied_store(units: usize, years: i32) -> Store {
    use crate::model::{Deadline, ItemId, Owner, Status};
    use chrono::NaiveDate;

    let store = Store::in_memory().expect("in-memory store");
    let conn = store.conn();
    let mut seed: u64 = 0x5eed;
    let mut next = move |n: u64| {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (seed >> 33) % n
    };
    // The statuses an entry can record (未报告 is never recorded, only derived).
    let statuses = [
        Status::Planned,
        Status::InProgress,
        Status::Done,
        Status::LongTerm,
        Status::NotDone,
        Status::Dropped,
    ];
    let depts = ["办公室", "财务科", "人事科"];
    for u in 0..units {
        // Ids rise as names fall: the ledger's order is by name, not by id.
        let name = format!("{:02}号局", units - u);
        let unit = insert_unit(conn, &name, AT).expect("insert unit");
        let mut earlier: Option<ItemId> = None;
        for year in 2021..2021 + years {
            let doc = super::insert_document(
                conn,
                &super::NewDocument {
                    unit_id: unit.id,
                    year: year + 1,
                    file_name: None,
                    sha256: &format!("{u}-{year}"),
                    body: "总结",
                    imported_at: AT,
                },
            )
            .expect("insert document")
            .id;
            for k in 0..3 {
                let category = ["作风建设", "制度建设"].get(next(3) as usize).copied();
                let problem = super::insert_problem(
                    conn,
                    &super::NewProblem {
                        unit_id: unit.id,
                        year,
                        category,
                        text: &format!("{name}{year}年问题{k}"),
                        created_at: AT,
                        source: None,
                    },
                )
                .expect("insert problem")
                .id;
                for j in 0..next(3) {
                    let owner = Owner {
                        owner_dept: Some(depts[next(3) as usize].to_string()),
                        co_depts: (0..next(2)).map(|_| "纪检组".to_string()).collect(),
                        ..Owner::default()
                    };
                    let due =
                        NaiveDate::from_ymd_opt(year + 1, 1 + next(12) as u32, 15).expect("a date");
                    let deadline = match next(6) {
                        0 => Deadline::LongTerm,
                        1 => Deadline::Immediate(due),
                        _ => Deadline::ByDate(due),
                    };
                    let measure = super::insert_measure(
                        conn,
                        &super::NewMeasure {
                            unit_id: unit.id,
                            year,
                            title: (j == 1).then_some("措施标题"),
                            text: &format!("{name}{year}年措施{k}-{j}"),
                            owner: &owner,
                            deadline,
                            institution: None,
                            created_at: AT,
                            source: None,
                        },
                    )
                    .expect("insert measure")
                    .id;
                    super::link(conn, measure, problem).expect("link");
                    if let Some(old) = earlier.filter(|_| next(4) == 0) {
                        super::link(conn, measure, old).expect("link");
                    }
                    for _ in 0..next(3) {
                        add_entry(
                            conn,
                            measure,
                            statuses[next(6) as usize],
                            year,
                            &mut next,
                            None,
                        );
                    }
                }
                if next(3) == 0 {
                    let reported = (next(2) == 0).then_some(doc);
                    add_entry(
                        conn,
                        problem,
                        statuses[next(6) as usize],
                        year,
                        &mut next,
                        reported,
                    );
                }
                earlier = Some(problem);
            }
        }
    }
    store
}

fn add_entry(
    conn: &rusqlite::Connection,
    item: crate::model::ItemId,
    status: crate::model::Status,
    year: i32,
    next: &mut impl FnMut(u64) -> u64,
    source: Option<i64>,
) {
    let date = chrono::NaiveDate::from_ymd_opt(year + 1, 1 + next(12) as u32, 1 + next(28) as u32)
        .expect("a date");
    let new = super::NewProgress {
        item,
        status,
        date,
        // A dropped item says why.
        note: (status == crate::model::Status::Dropped).then_some("不再实施"),
        evidence: &[],
        created_at: AT,
        source,
    };
    super::insert_progress(conn, &new).expect("insert progress");
}

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

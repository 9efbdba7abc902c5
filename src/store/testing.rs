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

//! Whole-store commands a unit at a time. `status`, `stats` and `export` over the whole store
//! compute each unit's ledger rows on their own and hand them on before reading the next unit,
//! so their memory is one unit's, not the store's. This gives the rows of a whole-store load:
//! links never cross units, and a unit's load holds every entry its items' statuses depend on
//! (its progress of every year, its reported years), so each row is computed by the same
//! `compute_ledger` from the same inputs; the units come in name order, the ledger's.

use chrono::NaiveDate;

use crate::analysis::{compute_ledger, LedgerRow, RowFilter};
use crate::error::Result;
use crate::store::{self, Conn, LedgerFilter};

/// Which units and years a scan reads: one unit or all (`unit`), one summary year or all.
#[derive(Debug, Clone, Copy, Default)]
pub struct Scope {
    pub unit: Option<i64>,
    pub year: Option<i32>,
}

/// Computes the rows of each unit in `scope` as of `as_of`, kept and ordered by `filter`, and
/// hands them to `each`, unit after unit in name order, inside one read snapshot. The rows of all
/// the calls, in order, are those `compute_ledger` gives for the whole scope at once.
pub fn each_unit(
    conn: &Conn,
    scope: Scope,
    as_of: NaiveDate,
    filter: &RowFilter,
    mut each: impl FnMut(&[LedgerRow]) -> Result<()>,
) -> Result<()> {
    store::in_snapshot(conn, || {
        let units = match scope.unit {
            Some(id) => vec![id],
            None => store::units_in_order(conn)?
                .into_iter()
                .map(|(id, _)| id)
                .collect(),
        };
        for unit_id in units {
            let part = LedgerFilter {
                unit_id: Some(unit_id),
                year: scope.year,
            };
            let data = store::load_ledger(conn, part, as_of)?;
            let rows = compute_ledger(&data, as_of, filter);
            if !rows.is_empty() {
                each(&rows)?;
            }
        }
        Ok(())
    })
}

#[cfg(test)]
mod tests;

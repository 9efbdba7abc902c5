//! The figures of an `export --xlsx` workbook's 各年度情况 sheet: `stats --by year` over the rows
//! the workbook exports, counted by the same function (`analysis::stats::compute_stats`) with the
//! same marks (confirmed recurrences, carry-overs), so the sheet and the command cannot disagree.

use std::collections::HashSet;

use crate::analysis::figures::Marks;
use crate::analysis::stats::{compute_stats, GroupBy};
use crate::analysis::LedgerRow;
use crate::error::Result;
use crate::exchange::figures_sheet::YearFigures;
use crate::exchange::layout;
use crate::store::{self, Conn};

/// The 各年度情况 sheet's figures, or nothing when there are no rows (an empty ledger to fill in).
pub(super) fn by_year(
    conn: &Conn,
    rows: &[LedgerRow],
    year: Option<i32>,
    as_of: chrono::NaiveDate,
) -> Result<Option<YearFigures>> {
    let Some(first) = rows.first() else {
        return Ok(None);
    };
    let recurring: HashSet<_> = store::confirmed_recurrences(conn)?.into_keys().collect();
    let carried: HashSet<_> = store::carried_from(conn)?.into_values().collect();
    let marks = Marks {
        recurring: &recurring,
        carried: &carried,
    };
    let stats = compute_stats(rows, marks, GroupBy::Year, false);
    let unit = if rows.iter().all(|r| r.unit == first.unit) {
        first.unit.as_str()
    } else {
        ""
    };
    let years = year.map_or_else(|| "各年度".to_string(), |y| format!("{y}年度"));
    Ok(Some(YearFigures {
        title: format!(
            "{unit}{years}问题整改情况统计表{}",
            layout::as_of_text(as_of)
        ),
        stats,
    }))
}

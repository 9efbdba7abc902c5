//! A store read a unit at a time gives the rows, the printed bytes and the figures of the same
//! store loaded whole.

use std::collections::HashSet;

use chrono::NaiveDate;

use super::*;
use crate::analysis::figures::Marks;
use crate::analysis::stats::{compute_stats, GroupBy, StatsTally};
use crate::analysis::RowOrder;
use crate::model::{ItemKind, Status};
use crate::render::ledger::{self, LedgerPrinter, LedgerRecord};
use crate::render::paint::Paint;
use crate::render::{Format, Lang};
use crate::store::testing::varied_store;

fn as_of() -> NaiveDate {
    NaiveDate::from_ymd_opt(2024, 6, 30).unwrap()
}

/// The filters of `status` that keep or order rows differently.
fn filters() -> Vec<RowFilter> {
    let mut filters = vec![
        RowFilter::default(),
        RowFilter {
            overdue: true,
            ..RowFilter::default()
        },
        RowFilter {
            due_within: Some(90),
            ..RowFilter::default()
        },
        RowFilter {
            status: Some(Status::Unreported),
            ..RowFilter::default()
        },
        RowFilter {
            kind: Some(ItemKind::Measure),
            category: Some("作风建设".into()),
            ..RowFilter::default()
        },
        RowFilter {
            owner: Some("财务".into()),
            ..RowFilter::default()
        },
    ];
    for order in [RowOrder::Due, RowOrder::Status, RowOrder::Id] {
        filters.push(RowFilter {
            sort: Some(order),
            ..RowFilter::default()
        });
    }
    filters
}

/// The rows of `scope` loaded whole, as commands computed them before they read by unit.
fn whole(conn: &Conn, scope: Scope, filter: &RowFilter) -> Vec<LedgerRow> {
    let load = LedgerFilter {
        unit_id: scope.unit,
        year: scope.year,
    };
    let data = store::load_ledger(conn, load, as_of()).unwrap();
    compute_ledger(&data, as_of(), filter)
}

fn by_unit(conn: &Conn, scope: Scope, filter: &RowFilter) -> Vec<Vec<LedgerRow>> {
    let mut pieces = Vec::new();
    each_unit(conn, scope, as_of(), filter, |rows| {
        pieces.push(rows.to_vec());
        Ok(())
    })
    .unwrap();
    pieces
}

#[test]
fn every_filter_gives_the_rows_of_the_whole_store_loaded_at_once() {
    let store = varied_store(5, 3);
    let conn = store.conn();
    for year in [None, Some(2022)] {
        let scope = Scope { unit: None, year };
        for filter in filters() {
            let pieces = by_unit(conn, scope, &filter);
            let whole = whole(conn, scope, &filter);
            assert_eq!(pieces.concat(), whole, "{year:?} {filter:?}");
        }
    }
    let all = whole(conn, Scope::default(), &RowFilter::default());
    assert!(all.iter().any(|r| r.days_overdue.is_some()));
    assert!(all.iter().any(|r| r.status == Status::Unreported));
}

#[test]
fn the_status_table_printed_a_unit_at_a_time_is_byte_for_byte_the_one_printed_at_once() {
    let store = varied_store(4, 2);
    let conn = store.conn();
    for filter in [RowFilter::default(), filters()[1].clone()] {
        let rows = whole(conn, Scope::default(), &filter);
        let records: Vec<LedgerRecord<'_>> = rows.iter().map(LedgerRecord::from).collect();
        for format in [Format::Json, Format::Csv, Format::Md, Format::Table] {
            for lang in [Lang::Zh, Lang::En] {
                let mut at_once = Vec::new();
                ledger::print(&mut at_once, format, lang, Paint::OFF, &records, as_of()).unwrap();
                let mut streamed = Vec::new();
                let mut printer =
                    LedgerPrinter::start(&mut streamed, format, lang, Paint::OFF, as_of()).unwrap();
                for piece in by_unit(conn, Scope::default(), &filter) {
                    let records: Vec<LedgerRecord<'_>> =
                        piece.iter().map(LedgerRecord::from).collect();
                    printer.push(&records).unwrap();
                }
                printer.finish().unwrap();
                assert_eq!(
                    String::from_utf8(streamed).unwrap(),
                    String::from_utf8(at_once).unwrap(),
                    "{format:?} {lang:?} {filter:?}"
                );
            }
        }
    }
}

#[test]
fn statistics_counted_a_unit_at_a_time_equal_those_counted_over_the_whole_ledger() {
    let store = varied_store(6, 3);
    let conn = store.conn();
    let rows = whole(conn, Scope::default(), &RowFilter::default());
    // Some problems and measures marked, so that the marks are counted too.
    let recurring: HashSet<_> = rows.iter().step_by(5).map(|r| r.id).collect();
    let carried: HashSet<_> = rows.iter().step_by(3).map(|r| r.id).collect();
    let marks = Marks {
        recurring: &recurring,
        carried: &carried,
    };
    for by in [GroupBy::Year, GroupBy::Unit, GroupBy::Owner] {
        for long_term_as_done in [false, true] {
            let mut tally = StatsTally::new(by, long_term_as_done);
            for piece in by_unit(conn, Scope::default(), &RowFilter::default()) {
                for row in &piece {
                    tally.add(row, marks);
                }
            }
            let streamed = tally.finish();
            assert_eq!(
                streamed,
                compute_stats(&rows, marks, by, long_term_as_done),
                "{by:?}"
            );
            assert!(streamed.groups.len() > 1);
        }
    }
}

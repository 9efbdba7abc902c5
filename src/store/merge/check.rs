//! Before anything is merged: every row of the other side that points at an item, a progress
//! entry or a unit must find it in the same dump, or the whole merge is refused, naming the rows
//! (a hand-edited or truncated export would otherwise lose those rows without a word).

use std::collections::HashSet;

use crate::error::messages::Unplaced;
use crate::store::dump::Dump;

/// The rows of `dump` that point at UUIDs it does not hold, in table order, rows counted from 1.
pub(super) fn unplaced(dump: &Dump) -> Vec<Unplaced> {
    let problems: HashSet<&str> = dump.problems.iter().map(|p| p.uuid.as_str()).collect();
    let measures: HashSet<&str> = dump.measures.iter().map(|m| m.uuid.as_str()).collect();
    let progress: HashSet<&str> = dump.progress.iter().map(|p| p.uuid.as_str()).collect();
    let mut found = Vec::new();
    let mut check = |table, row: usize, kind, uuid: &str, known: &HashSet<&str>| {
        if !known.contains(uuid) {
            found.push(Unplaced {
                table,
                row: row + 1,
                kind,
                uuid: uuid.to_string(),
            });
        }
    };
    for (i, c) in dump.measure_co_depts.iter().enumerate() {
        check("measure_co_depts", i, "measure", &c.measure, &measures);
    }
    for (i, l) in dump.links.iter().enumerate() {
        check("links", i, "problem", &l.problem, &problems);
        check("links", i, "measure", &l.measure, &measures);
    }
    for (i, p) in dump.progress.iter().enumerate() {
        match p.kind.as_str() {
            "problem" => check("progress", i, "problem", &p.item, &problems),
            _ => check("progress", i, "measure", &p.item, &measures),
        }
    }
    for (i, e) in dump.evidence.iter().enumerate() {
        check("evidence", i, "progress entry", &e.progress, &progress);
    }
    for (i, c) in dump.carry_overs.iter().enumerate() {
        check("carry_overs", i, "measure", &c.from, &measures);
        check("carry_overs", i, "measure", &c.to, &measures);
    }
    for (i, r) in dump.recurrences.iter().enumerate() {
        check("recurrences", i, "problem", &r.earlier, &problems);
        check("recurrences", i, "problem", &r.later, &problems);
    }
    found
}

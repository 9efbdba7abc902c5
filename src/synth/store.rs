//! Writing a synthetic ledger into a store with the crate's own store functions.

use crate::error::Result;
use crate::model::ItemId;
use crate::store::{insert_problem, insert_unit, NewProblem, Store};

use super::SynthLedger;

/// Adds the ledger's units and problems to `store` in one transaction and returns the problems'
/// ids, in the ledger's order. In a fresh store the ids are P1, P2, … and the unit ids 1, 2, …, as
/// [`SynthLedger::corpus`] assumes. Fails (and writes nothing) when a unit name is taken.
pub fn write_to_store(
    ledger: &SynthLedger,
    store: &mut Store,
    created_at: &str,
) -> Result<Vec<ItemId>> {
    let tx = store.transaction()?;
    let unit_ids = ledger
        .units
        .iter()
        .map(|name| insert_unit(&tx, name, created_at).map(|u| u.id))
        .collect::<Result<Vec<i64>>>()?;
    let mut ids = Vec::with_capacity(ledger.problems.len());
    for problem in &ledger.problems {
        let new = NewProblem {
            unit_id: unit_ids[problem.unit],
            year: problem.year,
            category: None,
            text: &problem.text,
            created_at,
            source: None,
        };
        ids.push(insert_problem(&tx, &new)?.id);
    }
    tx.commit()?;
    Ok(ids)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::synth::{generate, SynthConfig};

    #[test]
    fn a_synthetic_ledger_written_to_a_fresh_store_reads_back_as_its_corpus() {
        let ledger = generate(&SynthConfig::new(20, 2));
        let mut store = Store::in_memory().unwrap();
        let ids = write_to_store(&ledger, &mut store, "2026-01-15T09:30:00+08:00").unwrap();
        assert_eq!(ids.len(), ledger.problems.len());
        let stored = crate::store::problems_for_clustering(store.conn(), None).unwrap();
        assert_eq!(stored, ledger.corpus());
    }
}

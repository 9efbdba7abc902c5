//! The store's merge report as the plain values `render` prints (`model::Merged`): render never
//! names the store, so the command layer, which sees both, hands the report across.

use crate::model::{Conflict, MergeNote, Merged, MergedCounts, Renumbered};
use crate::store;

/// What a merge did, for printing.
pub fn merged(report: &store::MergeReport) -> Merged {
    Merged {
        added: counts(&report.added),
        updated: counts(&report.updated),
        renumbered: report
            .renumbered
            .iter()
            .map(|r| Renumbered {
                uuid: r.uuid.clone(),
                from: r.from,
                to: r.to,
            })
            .collect(),
        conflicts: report
            .conflicts
            .iter()
            .map(|c| Conflict {
                id: c.id,
                uuid: c.uuid.clone(),
                fields: c.fields.clone(),
                this_edited: c.this_edited.clone(),
                other_edited: c.other_edited.clone(),
                taken: c.taken.clone(),
            })
            .collect(),
        notes: report.notes.iter().map(note).collect(),
    }
}

fn counts(c: &store::Counts) -> MergedCounts {
    MergedCounts {
        units: c.units,
        aliases: c.aliases,
        documents: c.documents,
        problems: c.problems,
        measures: c.measures,
        links: c.links,
        progress: c.progress,
        evidence: c.evidence,
        carry_overs: c.carry_overs,
        recurrences: c.recurrences,
        events: c.events,
    }
}

fn note(n: &store::Note) -> MergeNote {
    use store::Note;
    match n.clone() {
        Note::UnitByName { name, unit } => MergeNote::UnitByName { name, unit },
        Note::AliasTaken { alias, unit } => MergeNote::AliasTaken { alias, unit },
        Note::DeletedHere { id, uuid } => MergeNote::DeletedHere { id, uuid },
        Note::Deleted { id, uuid } => MergeNote::Deleted { id, uuid },
        Note::KeptDeleted { id, uuid } => MergeNote::KeptDeleted { id, uuid },
        Note::DocumentKept { uuid, file_name } => MergeNote::DocumentKept { uuid, file_name },
        Note::CarryKept { to } => MergeNote::CarryKept { to },
        Note::DecisionKept { earlier, later } => MergeNote::DecisionKept { earlier, later },
    }
}

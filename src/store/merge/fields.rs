//! Deciding, field by field, which version of an item a merge keeps.
//!
//! Each side's events that the other side lacks say which fields that side changed since the
//! copies parted: an `edit` marks the fields it changed as edited, a `merge` event (a conflict
//! recorded earlier) marks its fields as in conflict, and a later edit of such a field on the same
//! side resolves it. A field that differs is then taken from the other store when only they edited
//! it, kept when only we did, and reported as a conflict (ours kept) when both did, when either
//! side still holds an unresolved conflict on it, or when no event explains the difference.
//! Nothing here reads or writes the store.

use std::collections::BTreeMap;

use serde_json::{Map, Value};

/// What one side did to a field since the copies parted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Mark {
    Edited,
    Conflicted,
}

/// Field marks of one side, from its events the other side lacks, oldest first.
pub(super) fn marks<'e>(
    events: impl IntoIterator<Item = (&'e str, &'e Value)>,
) -> BTreeMap<String, Mark> {
    let mut marks = BTreeMap::new();
    for (action, detail) in events {
        let (key, mark) = match action {
            "edit" => ("changes", Mark::Edited),
            "merge" => ("fields", Mark::Conflicted),
            _ => continue,
        };
        for field in detail[key].as_object().into_iter().flat_map(Map::keys) {
            for field in together(field) {
                marks.insert(field.to_string(), mark);
            }
        }
    }
    marks
}

/// The fields that change together: a deadline is its kind and its date.
fn together(field: &str) -> Vec<&str> {
    match field {
        "deadline_kind" | "due" => vec!["deadline_kind", "due"],
        other => vec![other],
    }
}

/// What a merge does with one item whose fields differ.
#[derive(Debug, Default, PartialEq, Eq)]
pub(super) struct Decision {
    /// Fields taken from the other store (only they changed them).
    pub take: Vec<String>,
    /// Fields both sides changed (or no event explains): this store's values are kept.
    pub conflicts: Vec<String>,
    /// Fields this store changed and keeps.
    pub kept: Vec<String>,
}

/// Decides each field where `ours` and `theirs` (objects of the same shape) differ.
pub(super) fn decide(
    ours: &Map<String, Value>,
    theirs: &Map<String, Value>,
    our_marks: &BTreeMap<String, Mark>,
    their_marks: &BTreeMap<String, Mark>,
) -> Decision {
    let mut decision = Decision::default();
    for (field, value) in ours {
        if theirs.get(field) == Some(value) {
            continue;
        }
        let ours = our_marks.get(field);
        let theirs = their_marks.get(field);
        let target = match (ours, theirs) {
            // An item moved to another unit is never moved by a merge.
            _ if field == "unit" => &mut decision.conflicts,
            (None, Some(Mark::Edited)) => &mut decision.take,
            (Some(Mark::Edited), None) => &mut decision.kept,
            _ => &mut decision.conflicts,
        };
        target.push(field.clone());
    }
    decision
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn object(value: Value) -> Map<String, Value> {
        value.as_object().unwrap().clone()
    }

    fn edit(fields: &[&str]) -> Value {
        let changes: Map<String, Value> = fields
            .iter()
            .map(|f| (f.to_string(), json!({"to": "x"})))
            .collect();
        json!({ "changes": changes })
    }

    #[test]
    fn a_field_changed_on_one_side_only_is_taken_or_kept_and_one_changed_on_both_is_a_conflict() {
        let ours = object(json!({"text": "我们", "owner_person": "张三", "leader": "甲"}));
        let theirs = object(json!({"text": "他们", "owner_person": "李四", "leader": "乙"}));
        let our_edit = edit(&["text", "leader"]);
        let their_edit = edit(&["text", "owner_person"]);
        let decision = decide(
            &ours,
            &theirs,
            &marks([("edit", &our_edit)]),
            &marks([("edit", &their_edit)]),
        );
        assert_eq!(decision.take, ["owner_person"]);
        assert_eq!(decision.conflicts, ["text"]);
        assert_eq!(decision.kept, ["leader"]);
    }

    #[test]
    fn a_conflict_recorded_on_either_side_stays_a_conflict_until_a_later_edit_resolves_it() {
        let ours = object(json!({"text": "我们"}));
        let theirs = object(json!({"text": "他们"}));
        let conflict =
            json!({"kept": "this", "fields": {"text": {"this": "他们", "other": "我们"}}});
        let nothing = BTreeMap::new();
        let recorded = decide(&ours, &theirs, &nothing, &marks([("merge", &conflict)]));
        assert_eq!(recorded.conflicts, ["text"]);
        let resolved_edit = edit(&["text"]);
        let resolved = decide(
            &ours,
            &theirs,
            &nothing,
            &marks([("merge", &conflict), ("edit", &resolved_edit)]),
        );
        assert_eq!(resolved.take, ["text"]);
    }

    #[test]
    fn a_difference_no_event_explains_is_a_conflict_and_a_deadline_moves_as_one() {
        let ours = object(json!({"deadline_kind": "by_date", "due": "2025-06-30", "year": 2024}));
        let theirs = object(json!({"deadline_kind": "long_term", "due": null, "year": 2025}));
        let their_edit = edit(&["deadline_kind"]);
        let decision = decide(
            &ours,
            &theirs,
            &BTreeMap::new(),
            &marks([("edit", &their_edit)]),
        );
        assert_eq!(decision.take, ["deadline_kind", "due"]);
        assert_eq!(decision.conflicts, ["year"]);
    }
}

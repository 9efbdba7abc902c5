//! Samples of the confirmations, refusals and review faults for the catalogue's tests: every
//! variant at least once, and each alternative both ways. `done_index` and `refusal_index` are
//! exhaustive matches, so a new variant must be added here before the tests pass.

use super::refusals::{ExportFlaw, NotDemo, Refusal, TemplateFault, Unplaced};
use super::review::{Fault, Kind, Place, ReviewError};
use super::{Done, IoReason, Msg};
use crate::model::Status;

/// The samples, given a path, a name and a text to carry.
pub(super) fn samples(path: &str, name: &str, text: &str) -> Vec<Msg> {
    let mut all: Vec<Msg> = done(path, name, text).into_iter().map(Msg::Done).collect();
    all.extend(refusals(path, name, text).into_iter().map(Msg::Refused));
    all.extend(reviews(text).into_iter().map(|error| Msg::Review {
        source: path.to_string(),
        error,
    }));
    all
}

fn done(path: &str, name: &str, text: &str) -> Vec<Done> {
    let (path, name, text) = (path.to_string(), name.to_string(), text.to_string());
    let (m, p) = ("M2".to_string(), "P3".to_string());
    vec![
        Done::BackedUp {
            file: path.clone(),
            units: 1,
            problems: 5,
            measures: 7,
        },
        Done::Restored {
            file: path.clone(),
            store: path.clone(),
            units: 1,
            problems: 5,
            measures: 7,
        },
        Done::RestoredAndUpgraded { from: 2, to: 4 },
        Done::KeptBeforeRestore { kept: path.clone() },
        Done::StoreCreated { path: path.clone() },
        Done::StoreUpgradedTo {
            path: path.clone(),
            version: 4,
        },
        Done::StoreAlreadyThere {
            path: path.clone(),
            version: 4,
        },
        Done::ProblemRecorded {
            id: p.clone(),
            unit: name.clone(),
            year: 2024,
        },
        Done::MeasureRecorded {
            id: m.clone(),
            unit: name.clone(),
            year: 2024,
        },
        Done::ProgressLogged {
            id: m.clone(),
            status: Status::Done,
            date: "2024-06-30".into(),
        },
        Done::Edited { id: p.clone() },
        Done::Unchanged { id: p.clone() },
        Done::Deleted {
            id: p.clone(),
            reason: text.clone(),
        },
        Done::DeleteUndoHint { operation: 7 },
        Done::Carried {
            id: m.clone(),
            year: 2025,
            to: "M9".into(),
        },
        Done::Linked {
            measure: m.clone(),
            problem: p.clone(),
        },
        Done::AlreadyLinked {
            measure: m.clone(),
            problem: p.clone(),
        },
        Done::Unlinked {
            measure: m.clone(),
            problem: p.clone(),
        },
        Done::NotLinked {
            measure: m.clone(),
            problem: p.clone(),
        },
        Done::EveryMeasureLinked,
        Done::NoProblemCloseEnough { unlinked: 3 },
        Done::SuggestionsHint {
            unlinked: 3,
            suggested: 2,
        },
        Done::LinkedAsSuggested {
            measure: m.clone(),
            problem: p.clone(),
        },
        Done::NoSuggestionToAccept,
        Done::NoRecurrence,
        Done::RecurConfirmed {
            later: "P8".into(),
            later_year: 2024,
            earlier: p.clone(),
            earlier_year: 2023,
        },
        Done::RecurRejected {
            later: "P8".into(),
            earlier: p.clone(),
        },
        Done::RecurExplained(Box::new(super::confirmations::Explanation {
            earlier: p.clone(),
            earlier_year: 2023,
            later: "P8".into(),
            later_year: 2024,
            shared: vec![(text.to_string(), "3.40".into())],
            similar: vec![(text.to_string(), name.to_string(), "0.35".into())],
            cues: vec![text.to_string()],
            outcome: Some(Status::InProgress),
            words_score: "0.33".into(),
            score: "0.41".into(),
            level: crate::analysis::recurrence::Level::Medium,
            threshold: "0.26".into(),
        })),
        Done::UnitAdded { name: name.clone() },
        Done::NoUnits,
        Done::AliasAdded {
            alias: text.clone(),
            unit: name.clone(),
        },
        Done::UnitRenamed {
            old: text.clone(),
            new: name.clone(),
        },
        Done::UnitRemoved {
            name: name.clone(),
            problems: 2,
            measures: 3,
            operation: 9,
        },
        Done::UnitsMerged {
            other: text.clone(),
            keep: name.clone(),
            problems: 2,
            measures: 3,
        },
        Done::NoEvents,
        Done::NoOperations,
        Done::Undone {
            operation: 4,
            command: text.clone(),
            when: "2024-06-30 10:00".into(),
            changes: 2,
            undo: 5,
        },
        Done::DryRunReplace,
        Done::DryRunReview,
        Done::Wrote { path: path.clone() },
        Done::DemoBuilt {
            store: path.clone(),
            unit: name.clone(),
            links: 4,
        },
        Done::DemoSectionHeading,
        Done::DemoNextSteps {
            store: path,
            unit: name,
            as_of: "2024-12-31".into(),
        },
    ]
}

fn refusals(path: &str, name: &str, text: &str) -> Vec<Refusal> {
    let (path, name, text) = (path.to_string(), name.to_string(), text.to_string());
    let unplaced = Unplaced {
        table: "links",
        row: 2,
        kind: "problem",
        uuid: "0190".into(),
    };
    let flaws = [
        ExportFlaw::Year {
            record: "problem",
            year: 3000,
        },
        ExportFlaw::Date {
            record: "measure",
            date: text.clone(),
        },
        ExportFlaw::NoText { record: "unit" },
        ExportFlaw::Deadline { kind: text.clone() },
        ExportFlaw::Institution { code: text.clone() },
        ExportFlaw::Status {
            status: text.clone(),
        },
        ExportFlaw::DroppedWithoutReason,
        ExportFlaw::ProgressOn { kind: text.clone() },
        ExportFlaw::Decision {
            decision: text.clone(),
        },
    ];
    let mut all = vec![
        Refusal::DeleteNeedsReason,
        Refusal::StdinTwice,
        Refusal::StdinUnreadable {
            reason: IoReason::PermissionDenied,
        },
        Refusal::EvidenceUnreadable {
            reference: path.clone(),
            reason: IoReason::NotFound,
        },
        Refusal::ForTakesProblems { id: "M2".into() },
        Refusal::AcceptNotAMeasure { text: text.clone() },
        Refusal::AcceptNoSuggestion {
            measure: "M2".into(),
        },
        Refusal::AcceptNotSuggested {
            measure: "M2".into(),
            problem: "P3".into(),
            offered: vec!["P4".into(), "P5".into()],
        },
        Refusal::NothingToUndo,
        Refusal::NoSuchOperation { operation: 12 },
        Refusal::NotAnOperation { text: text.clone() },
        Refusal::AlreadyUndone {
            operation: 3,
            by: 4,
        },
        Refusal::UndoNeededBy {
            operation: 3,
            later: vec![4, 6],
        },
        Refusal::UnitNotEmpty {
            name: name.clone(),
            problems: 2,
            measures: 3,
            documents: 1,
        },
        Refusal::UnitsAlreadyOne {
            keep: name.clone(),
            other: text.clone(),
        },
        Refusal::DemoCannotRemove {
            path: path.clone(),
            reason: IoReason::PermissionDenied,
        },
        Refusal::ExportDamaged { path: path.clone() },
        Refusal::MergeUnplaced {
            path: path.clone(),
            first: unplaced.clone(),
            more: 0,
        },
        Refusal::MergeUnplaced {
            path: path.clone(),
            first: unplaced,
            more: 2,
        },
        Refusal::MergeMissing {
            path: path.clone(),
            kind: "document",
            uuid: "0190".into(),
        },
        Refusal::TemplateTooLarge { mb: 16 },
        Refusal::TemplateTooLong { steps: 50_000_000 },
        Refusal::TemplateBroken {
            fault: TemplateFault::UndefinedValue,
            line: Some(3),
        },
        Refusal::TemplateBroken {
            fault: TemplateFault::Syntax,
            line: None,
        },
        Refusal::TemplateBroken {
            fault: TemplateFault::Other { detail: "x".into() },
            line: Some(1),
        },
        Refusal::StoreDiskFull { path: path.clone() },
        Refusal::StoreIoFailed { path: path.clone() },
        Refusal::WordTemplateUnreadable {
            path: path.clone(),
            reason: IoReason::NotFound,
        },
        Refusal::WordTemplateNotDocx { path: path.clone() },
        Refusal::WordTemplateNoStyles { path: path.clone() },
        Refusal::WordTemplateNeedsDocx { path: path.clone() },
        Refusal::LedgerSheetIsFigures {
            sheet: name.to_string(),
        },
        Refusal::XlsxTooLarge {
            rows: 800_000,
            max: 200_000,
        },
    ];
    for why in [
        NotDemo::OtherStore,
        NotDemo::NotAStore,
        NotDemo::ChangedSince,
    ] {
        all.push(Refusal::DemoWouldOverwrite {
            path: path.clone(),
            why,
        });
    }
    for flaw in flaws {
        all.push(Refusal::ExportFlawed {
            path: path.clone(),
            flaw,
        });
    }
    all
}

fn reviews(text: &str) -> Vec<ReviewError> {
    let text = text.to_string();
    let top = Place::default();
    let item = Place {
        entry: None,
        item: Some((Kind::Measure, 1)),
    };
    let both = Place {
        entry: Some(1),
        item: Some((Kind::Outcome, 0)),
    };
    let entry = Place {
        entry: Some(0),
        item: None,
    };
    let faults = [
        (top, Fault::NotJson { end: true }),
        (top, Fault::NotJson { end: false }),
        (top, Fault::NotAReview),
        (top, Fault::NoEntries),
        (
            entry,
            Fault::UnknownField {
                field: text.clone(),
            },
        ),
        (
            item,
            Fault::UnknownField {
                field: text.clone(),
            },
        ),
        (
            item,
            Fault::MissingField {
                field: "text".into(),
            },
        ),
        (
            item,
            Fault::WrongType {
                field: Some("answers".into()),
            },
        ),
        (
            both,
            Fault::WrongType {
                field: Some("refers_to_year".into()),
            },
        ),
        (item, Fault::WrongType { field: None }),
        (entry, Fault::WrongType { field: None }),
        (item, Fault::EmptyText),
        (
            item,
            Fault::TitleNotPrefix {
                title: text.clone(),
            },
        ),
        (
            item,
            Fault::AnswerOutOfRange {
                answer: 4,
                problems: 3,
            },
        ),
        (
            both,
            Fault::BadStatus {
                status: text.clone(),
            },
        ),
        (
            entry,
            Fault::BadYear {
                field: "year",
                year: 3000,
            },
        ),
        (
            both,
            Fault::ReportOnLaterYear {
                refers_to: 2025,
                year: 2024,
            },
        ),
        (entry, Fault::NoUnit),
        (entry, Fault::NoYear),
        (entry, Fault::NoDocument { file: text.clone() }),
    ];
    let mut all: Vec<ReviewError> = faults
        .into_iter()
        .map(|(place, fault)| ReviewError::new(place, fault))
        .collect();
    all.push(ReviewError {
        place: top,
        fault: Fault::NotJson { end: false },
        at: Some((3, 7)),
    });
    all
}

/// The position of a sample among all of them: [`super::tests`] counts the `Msg` variants first.
pub(super) fn index(msg: &Msg) -> Option<usize> {
    match msg {
        Msg::Done(done) => Some(done_index(done)),
        Msg::Refused(refusal) => Some(DONE + refusal_index(refusal)),
        Msg::Review { .. } => Some(DONE + REFUSALS),
        _ => None,
    }
}

/// How many positions [`index`] gives.
pub(super) const COUNT: usize = DONE + REFUSALS + 1;

fn done_index(x: &Done) -> usize {
    match x {
        Done::BackedUp { .. } => 0,
        Done::Restored { .. } => 1,
        Done::RestoredAndUpgraded { .. } => 2,
        Done::KeptBeforeRestore { .. } => 3,
        Done::StoreCreated { .. } => 4,
        Done::StoreUpgradedTo { .. } => 5,
        Done::StoreAlreadyThere { .. } => 6,
        Done::ProblemRecorded { .. } => 7,
        Done::MeasureRecorded { .. } => 8,
        Done::ProgressLogged { .. } => 9,
        Done::Edited { .. } => 10,
        Done::Unchanged { .. } => 11,
        Done::Deleted { .. } => 12,
        Done::DeleteUndoHint { .. } => 13,
        Done::Carried { .. } => 14,
        Done::Linked { .. } => 15,
        Done::AlreadyLinked { .. } => 16,
        Done::Unlinked { .. } => 17,
        Done::NotLinked { .. } => 18,
        Done::EveryMeasureLinked => 19,
        Done::NoProblemCloseEnough { .. } => 20,
        Done::SuggestionsHint { .. } => 21,
        Done::LinkedAsSuggested { .. } => 22,
        Done::NoSuggestionToAccept => 23,
        Done::NoRecurrence => 24,
        Done::RecurConfirmed { .. } => 25,
        Done::RecurRejected { .. } => 26,
        Done::UnitAdded { .. } => 27,
        Done::NoUnits => 28,
        Done::AliasAdded { .. } => 29,
        Done::UnitRenamed { .. } => 30,
        Done::UnitRemoved { .. } => 31,
        Done::UnitsMerged { .. } => 32,
        Done::NoEvents => 33,
        Done::NoOperations => 34,
        Done::Undone { .. } => 35,
        Done::DryRunReplace => 36,
        Done::DryRunReview => 37,
        Done::Wrote { .. } => 38,
        Done::DemoBuilt { .. } => 39,
        Done::DemoSectionHeading => 40,
        Done::DemoNextSteps { .. } => 41,
        Done::RecurExplained(_) => 42,
    }
}

fn refusal_index(x: &Refusal) -> usize {
    match x {
        Refusal::DeleteNeedsReason => 0,
        Refusal::StdinTwice => 1,
        Refusal::StdinUnreadable { .. } => 2,
        Refusal::EvidenceUnreadable { .. } => 3,
        Refusal::ForTakesProblems { .. } => 4,
        Refusal::AcceptNotAMeasure { .. } => 5,
        Refusal::AcceptNoSuggestion { .. } => 6,
        Refusal::AcceptNotSuggested { .. } => 7,
        Refusal::NothingToUndo => 8,
        Refusal::NoSuchOperation { .. } => 9,
        Refusal::NotAnOperation { .. } => 10,
        Refusal::AlreadyUndone { .. } => 11,
        Refusal::UndoNeededBy { .. } => 12,
        Refusal::UnitNotEmpty { .. } => 13,
        Refusal::UnitsAlreadyOne { .. } => 14,
        Refusal::DemoWouldOverwrite { .. } => 15,
        Refusal::DemoCannotRemove { .. } => 16,
        Refusal::ExportDamaged { .. } => 17,
        Refusal::ExportFlawed { .. } => 18,
        Refusal::MergeUnplaced { .. } => 19,
        Refusal::MergeMissing { .. } => 20,
        Refusal::TemplateTooLarge { .. } => 21,
        Refusal::TemplateTooLong { .. } => 22,
        Refusal::TemplateBroken { .. } => 23,
        Refusal::StoreDiskFull { .. } => 24,
        Refusal::StoreIoFailed { .. } => 25,
        Refusal::WordTemplateUnreadable { .. } => 26,
        Refusal::WordTemplateNotDocx { .. } => 27,
        Refusal::WordTemplateNoStyles { .. } => 28,
        Refusal::WordTemplateNeedsDocx { .. } => 29,
        Refusal::LedgerSheetIsFigures { .. } => 30,
        Refusal::XlsxTooLarge { .. } => 31,
    }
}

const DONE: usize = 43;
const REFUSALS: usize = 32;

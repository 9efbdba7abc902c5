//! Every message in both languages: a snapshot to read, and checks that no line mixes them.

use super::{IoReason, ItemKind, Msg};
use crate::ingest::UnitSource;
use crate::model::Status;
use crate::render::Lang;

/// The arguments a sample message is given.
struct Args {
    path: &'static str,
    name: &'static str,
    text: &'static str,
}

impl Args {
    fn path(&self) -> String {
        self.path.to_string()
    }
    fn name(&self) -> String {
        self.name.to_string()
    }
    fn text(&self) -> String {
        self.text.to_string()
    }
}

/// Every variant at least once (and each optional or alternative argument both ways).
fn samples(a: &Args) -> Vec<Msg> {
    vec![
        Msg::ErrorLine { message: a.text() },
        Msg::NoteLine { message: a.text() },
        Msg::Unexpected { detail: a.text() },
        Msg::MalformedId { text: a.text() },
        Msg::UnknownItem {
            kind: ItemKind::Problem,
            id: "M2".to_string(),
        },
        Msg::UnknownItem {
            kind: ItemKind::Measure,
            id: "M2".to_string(),
        },
        Msg::BadDate { text: a.text() },
        Msg::BadDeadline { text: a.text() },
        Msg::YearOutOfRange { year: 2023 },
        Msg::EmptyText {
            what: "unit name".to_string(),
        },
        Msg::UnknownUnit {
            name: a.name(),
            closest: Some(a.name()),
        },
        Msg::UnknownUnit {
            name: a.name(),
            closest: None,
        },
        Msg::UnitExists { name: a.name() },
        Msg::AliasTaken {
            alias: a.name(),
            unit: a.name(),
        },
        Msg::UnknownStatus {
            text: a.text(),
            list: a.text(),
        },
        Msg::DroppedNeedsReason,
        Msg::ImportFailed {
            failed: 1,
            total: 3,
        },
        Msg::NoSuchSheet {
            path: a.path(),
            sheet: a.name(),
            sheets: a.name(),
        },
        Msg::NoHeaderRow {
            path: a.path(),
            sheet: Some(a.name()),
            names: a.name(),
        },
        Msg::NoHeaderRow {
            path: a.path(),
            sheet: None,
            names: a.name(),
        },
        Msg::NotAnExport { path: a.path() },
        Msg::ExportTooNew {
            path: a.path(),
            found: 5,
            known: 4,
        },
        Msg::NotAStoreToMerge { path: a.path() },
        Msg::DamagedStoreToMerge { path: a.path() },
        Msg::MergeWithItself { path: a.path() },
        Msg::NoStore { path: a.path() },
        Msg::StoreIsDirectory { path: a.path() },
        Msg::StoreReadOnly { path: a.path() },
        Msg::NotAStore { path: a.path() },
        Msg::StoreTooNew {
            path: a.path(),
            found: 5,
            known: 4,
        },
        Msg::StoreBusy { path: a.path() },
        Msg::StoreNeedsUpgrade {
            path: a.path(),
            found: 5,
            known: 4,
        },
        Msg::StoreDamaged { path: a.path() },
        Msg::StoreIncomplete {
            path: a.path(),
            missing: a.name(),
        },
        Msg::StoreFolderReadOnly { path: a.path() },
        Msg::NotABackup { path: a.path() },
        Msg::BackupDamaged { path: a.path() },
        Msg::UnreadableStoreToReplace { path: a.path() },
        Msg::NoDataDir,
        Msg::CannotRead {
            path: a.path(),
            reason: IoReason::NotFound,
        },
        Msg::CannotRead {
            path: a.path(),
            reason: IoReason::Other(a.text()),
        },
        Msg::CannotWrite {
            path: a.path(),
            reason: IoReason::NotFound,
        },
        Msg::CannotWrite {
            path: a.path(),
            reason: IoReason::Other(a.text()),
        },
        Msg::FileExists { path: a.path() },
        Msg::TargetIsStore { path: a.path() },
        Msg::TargetIsLink { path: a.path() },
        Msg::TargetIsFolder { path: a.path() },
        Msg::TargetNotRegular { path: a.path() },
        Msg::AppearedWhileWriting { path: a.path() },
        Msg::InputNotRegular { path: a.path() },
        Msg::InputTooLarge {
            path: a.path(),
            mb: 20,
        },
        Msg::NotUtf8Review { path: a.path() },
        Msg::NoYearFound,
        Msg::YearFromSignature {
            year: 2023,
            date: "2024-01-15".to_string(),
        },
        Msg::NoProblemsSection,
        Msg::NoProblemInSection { heading: a.text() },
        Msg::NoMeasureInSection { heading: a.text() },
        Msg::PlanNotSeparable { heading: a.text() },
        Msg::NoMeasuresSection,
        Msg::OutcomeWithoutStatus { text: a.text() },
        Msg::CountWithoutItems {
            sentence: a.text(),
            year: Some(2023),
        },
        Msg::CountWithoutItems {
            sentence: a.text(),
            year: None,
        },
        Msg::CountStatusDiffers {
            sentence: a.text(),
            year: Some(2023),
            status: Status::Done,
            said: 3,
            have: 1,
        },
        Msg::CountStatusDiffers {
            sentence: a.text(),
            year: None,
            status: Status::Done,
            said: 3,
            have: 1,
        },
        Msg::CountTotalDiffers {
            sentence: a.text(),
            year: Some(2023),
            said: 3,
            have: 1,
        },
        Msg::CountTotalDiffers {
            sentence: a.text(),
            year: None,
            said: 3,
            have: 1,
        },
        Msg::CountDoesNotAddUp {
            sentence: a.text(),
            sum: 4,
            total: 3,
        },
        Msg::NoUnitInSummary { file: a.path() },
        Msg::NoYearInSummary { file: a.path() },
        Msg::AlreadyImportedUnchanged,
        Msg::AlreadyImported {
            file: a.path(),
            year: 2023,
            unit: a.name(),
            from: Some(a.path()),
        },
        Msg::AlreadyImported {
            file: a.path(),
            year: 2023,
            unit: a.name(),
            from: None,
        },
        Msg::UnitCreated {
            name: a.name(),
            source: UnitSource::SummaryTitle,
        },
        Msg::UnitCreated {
            name: a.name(),
            source: UnitSource::LedgerColumn,
        },
        Msg::UnitAliasRemembered {
            alias: a.name(),
            unit: a.name(),
        },
        Msg::UnitAmbiguous {
            name: a.name(),
            units: a.name(),
        },
        Msg::VanishedWhileImporting { item: a.text() },
        Msg::AnswerOutOfRange {
            measure: "M2".to_string(),
            index: 4,
            count: 3,
        },
        Msg::NoProblemMatchesReport {
            year: 2023,
            unit: a.name(),
            text: a.text(),
        },
        Msg::RewordedOnReplace {
            id: "M2".to_string(),
        },
        Msg::KeptOnReplace {
            id: "M2".to_string(),
            carried: true,
            progress: 2,
        },
        Msg::KeptOnReplace {
            id: "M2".to_string(),
            carried: false,
            progress: 2,
        },
        Msg::DeletedOnReplace {
            id: "M2".to_string(),
        },
        Msg::TypedInReview {
            items: vec![
                (ItemKind::Problem, 0),
                (ItemKind::Measure, 2),
                (ItemKind::Outcome, 1),
            ],
        },
        Msg::CarryProblem {
            id: "M2".to_string(),
        },
        Msg::CarryNotLater {
            id: "M2".to_string(),
            year: 2023,
        },
        Msg::CarryAlready {
            id: "M2".to_string(),
            year: 2023,
            later: a.text(),
        },
        Msg::CarryFinished {
            id: "M2".to_string(),
            status: Status::Done,
        },
        Msg::BadThreshold { text: a.text() },
        Msg::ThresholdOutOfRange { value: a.text() },
        Msg::NothingToEdit,
        Msg::EditMeasureOnly {
            flag: a.text(),
            id: "M2".to_string(),
        },
        Msg::EditCategoryOnMeasure {
            id: "M2".to_string(),
        },
        Msg::ExportJsonWithYear,
        Msg::XlsxName { path: a.path() },
        Msg::NothingToExport {
            unit: Some(a.name()),
            year: Some(2023),
        },
        Msg::NothingToExport {
            unit: None,
            year: Some(2023),
        },
        Msg::NothingToExport {
            unit: Some(a.name()),
            year: None,
        },
        Msg::LinkSameKind {
            first: a.text(),
            second: a.text(),
        },
        Msg::LinkAcrossUnits {
            measure: "M2".to_string(),
            measure_unit: a.text(),
            problem: a.text(),
            problem_unit: a.text(),
        },
        Msg::MergeNoSuchUnit {
            path: a.path(),
            name: a.name(),
            units: vec![a.name(), a.name()],
        },
        Msg::MergeNoSuchUnit {
            path: a.path(),
            name: a.name(),
            units: vec![],
        },
        Msg::ProgressInFuture {
            date: "2024-01-15".to_string(),
            today: a.text(),
        },
        Msg::ProgressBeforeYear {
            date: "2024-01-15".to_string(),
            id: "M2".to_string(),
            year: 2023,
        },
        Msg::RecurMeasure {
            id: "M2".to_string(),
        },
        Msg::RecurAcrossUnits {
            first: a.text(),
            first_unit: a.text(),
            second: a.text(),
            second_unit: a.text(),
        },
        Msg::RecurSameYear {
            first: a.text(),
            second: a.text(),
            year: 2023,
        },
        Msg::ReportUnknownKind { path: a.path() },
        Msg::ReportNeedsScope,
        Msg::DashboardNotHtml { path: a.path() },
        Msg::TemplateUnreadable {
            path: a.path(),
            reason: IoReason::NotFound,
        },
        Msg::TemplateUnreadable {
            path: a.path(),
            reason: IoReason::Other(a.text()),
        },
        Msg::BadPeriod { text: a.text() },
        Msg::StatsYearsReversed { from: 3, to: 4 },
        Msg::CsvHasNoSheets {
            path: a.path(),
            sheet: a.name(),
        },
        Msg::CsvEmpty { path: a.path() },
        Msg::CsvNotText { path: a.path() },
        Msg::CsvEncoding { path: a.path() },
        Msg::CsvBadRow {
            path: a.path(),
            row: 3,
        },
        Msg::NotASpreadsheet { path: a.path() },
        Msg::CannotOpenStore { path: a.path() },
        Msg::NoBackupFile { path: a.path() },
        Msg::RestoreFromItself { path: a.path() },
        Msg::NoStoreToMerge { path: a.path() },
        Msg::CannotCreateFolder {
            path: a.path(),
            reason: IoReason::NotFound,
        },
        Msg::CannotCreateFolder {
            path: a.path(),
            reason: IoReason::Other(a.text()),
        },
        Msg::DocEmpty { file: a.path() },
        Msg::DocBinary { file: a.path() },
        Msg::DocUnknownText { file: a.path() },
        Msg::DocUnknownEncoding {
            file: a.path(),
            encoding: a.text(),
        },
        Msg::DocWrongEncoding {
            file: a.path(),
            encoding: a.text(),
        },
        Msg::DocLegacyWord { file: a.path() },
        Msg::DocBadDocx { file: a.path() },
        Msg::DocUnsupported {
            file: a.path(),
            kind: a.text(),
        },
        Msg::MinUnitsTooSmall { given: 3 },
        Msg::LedgerWithoutYear { file: a.path() },
        Msg::LedgerWithoutUnit { file: a.path() },
        Msg::EvidenceNotAFile {
            reference: a.path(),
        },
        Msg::EvidenceIsFolder {
            reference: a.path(),
        },
        Msg::SheetCellsIgnored {
            sheet: a.name(),
            ignored: 7,
            rows: 100000,
            cols: 1000,
        },
        Msg::StoreUpgraded {
            from: 3,
            to: 4,
            backup: a.path(),
        },
        Msg::FileFailed {
            file: a.path(),
            message: a.text(),
        },
        Msg::FileWarning {
            file: a.path(),
            message: a.text(),
        },
        Msg::WarningLine { message: a.text() },
        Msg::RollupNoUnits,
    ]
    .into_iter()
    .chain(super::samples::samples(a.path, a.name, a.text))
    .collect()
}

/// The position of each variant: an exhaustive match, so a new variant must be added here,
/// and `every_variant_has_a_sample` then asks for its sample.
fn variant(msg: &Msg) -> usize {
    match msg {
        Msg::ErrorLine { .. } => 0,
        Msg::NoteLine { .. } => 1,
        Msg::Unexpected { .. } => 2,
        Msg::MalformedId { .. } => 3,
        Msg::UnknownItem { .. } => 4,
        Msg::BadDate { .. } => 5,
        Msg::BadDeadline { .. } => 6,
        Msg::YearOutOfRange { .. } => 7,
        Msg::EmptyText { .. } => 8,
        Msg::UnknownUnit { .. } => 9,
        Msg::UnitExists { .. } => 10,
        Msg::AliasTaken { .. } => 11,
        Msg::UnknownStatus { .. } => 12,
        Msg::DroppedNeedsReason => 13,
        Msg::ImportFailed { .. } => 14,
        Msg::NoSuchSheet { .. } => 15,
        Msg::NoHeaderRow { .. } => 16,
        Msg::NotAnExport { .. } => 17,
        Msg::ExportTooNew { .. } => 18,
        Msg::NotAStoreToMerge { .. } => 19,
        Msg::DamagedStoreToMerge { .. } => 20,
        Msg::MergeWithItself { .. } => 21,
        Msg::NoStore { .. } => 22,
        Msg::StoreIsDirectory { .. } => 23,
        Msg::StoreReadOnly { .. } => 24,
        Msg::NotAStore { .. } => 25,
        Msg::StoreTooNew { .. } => 26,
        Msg::StoreBusy { .. } => 27,
        Msg::StoreNeedsUpgrade { .. } => 28,
        Msg::StoreDamaged { .. } => 29,
        Msg::StoreIncomplete { .. } => 30,
        Msg::StoreFolderReadOnly { .. } => 31,
        Msg::NotABackup { .. } => 32,
        Msg::BackupDamaged { .. } => 33,
        Msg::UnreadableStoreToReplace { .. } => 34,
        Msg::NoDataDir => 35,
        Msg::CannotRead { .. } => 36,
        Msg::CannotWrite { .. } => 37,
        Msg::FileExists { .. } => 38,
        Msg::TargetIsStore { .. } => 39,
        Msg::TargetIsLink { .. } => 40,
        Msg::TargetIsFolder { .. } => 41,
        Msg::TargetNotRegular { .. } => 42,
        Msg::AppearedWhileWriting { .. } => 43,
        Msg::InputNotRegular { .. } => 44,
        Msg::InputTooLarge { .. } => 45,
        Msg::NotUtf8Review { .. } => 46,
        Msg::NoYearFound => 47,
        Msg::YearFromSignature { .. } => 48,
        Msg::NoProblemsSection => 49,
        Msg::NoProblemInSection { .. } => 50,
        Msg::NoMeasureInSection { .. } => 51,
        Msg::PlanNotSeparable { .. } => 52,
        Msg::NoMeasuresSection => 53,
        Msg::OutcomeWithoutStatus { .. } => 54,
        Msg::CountWithoutItems { .. } => 55,
        Msg::CountStatusDiffers { .. } => 56,
        Msg::CountTotalDiffers { .. } => 57,
        Msg::CountDoesNotAddUp { .. } => 58,
        Msg::NoUnitInSummary { .. } => 59,
        Msg::NoYearInSummary { .. } => 60,
        Msg::AlreadyImportedUnchanged => 61,
        Msg::AlreadyImported { .. } => 62,
        Msg::UnitCreated { .. } => 63,
        Msg::UnitAliasRemembered { .. } => 64,
        Msg::UnitAmbiguous { .. } => 65,
        Msg::VanishedWhileImporting { .. } => 66,
        Msg::AnswerOutOfRange { .. } => 67,
        Msg::NoProblemMatchesReport { .. } => 68,
        Msg::RewordedOnReplace { .. } => 69,
        Msg::KeptOnReplace { .. } => 70,
        Msg::DeletedOnReplace { .. } => 71,
        Msg::TypedInReview { .. } => 72,
        Msg::CarryProblem { .. } => 73,
        Msg::CarryNotLater { .. } => 74,
        Msg::CarryAlready { .. } => 75,
        Msg::CarryFinished { .. } => 76,
        Msg::BadThreshold { .. } => 77,
        Msg::ThresholdOutOfRange { .. } => 78,
        Msg::NothingToEdit => 79,
        Msg::EditMeasureOnly { .. } => 80,
        Msg::EditCategoryOnMeasure { .. } => 81,
        Msg::ExportJsonWithYear => 82,
        Msg::XlsxName { .. } => 83,
        Msg::NothingToExport { .. } => 84,
        Msg::LinkSameKind { .. } => 85,
        Msg::LinkAcrossUnits { .. } => 86,
        Msg::MergeNoSuchUnit { .. } => 87,
        Msg::ProgressInFuture { .. } => 88,
        Msg::ProgressBeforeYear { .. } => 89,
        Msg::RecurMeasure { .. } => 90,
        Msg::RecurAcrossUnits { .. } => 91,
        Msg::RecurSameYear { .. } => 92,
        Msg::ReportUnknownKind { .. } => 93,
        Msg::ReportNeedsScope => 94,
        Msg::TemplateUnreadable { .. } => 95,
        Msg::BadPeriod { .. } => 96,
        Msg::StatsYearsReversed { .. } => 97,
        Msg::CsvHasNoSheets { .. } => 98,
        Msg::CsvEmpty { .. } => 99,
        Msg::CsvNotText { .. } => 100,
        Msg::CsvEncoding { .. } => 101,
        Msg::CsvBadRow { .. } => 102,
        Msg::NotASpreadsheet { .. } => 103,
        Msg::CannotOpenStore { .. } => 104,
        Msg::NoBackupFile { .. } => 105,
        Msg::RestoreFromItself { .. } => 106,
        Msg::NoStoreToMerge { .. } => 107,
        Msg::CannotCreateFolder { .. } => 108,
        Msg::DocEmpty { .. } => 109,
        Msg::DocBinary { .. } => 110,
        Msg::DocUnknownText { .. } => 111,
        Msg::DocUnknownEncoding { .. } => 112,
        Msg::DocWrongEncoding { .. } => 113,
        Msg::DocLegacyWord { .. } => 114,
        Msg::DocBadDocx { .. } => 115,
        Msg::DocUnsupported { .. } => 116,
        Msg::MinUnitsTooSmall { .. } => 117,
        Msg::LedgerWithoutYear { .. } => 118,
        Msg::LedgerWithoutUnit { .. } => 119,
        Msg::EvidenceNotAFile { .. } => 120,
        Msg::EvidenceIsFolder { .. } => 121,
        Msg::SheetCellsIgnored { .. } => 122,
        Msg::StoreUpgraded { .. } => 123,
        Msg::FileFailed { .. } => 124,
        Msg::FileWarning { .. } => 125,
        Msg::WarningLine { .. } => 126,
        Msg::RollupNoUnits => 127,
        Msg::DashboardNotHtml { .. } => 128,
        Msg::Done(_) | Msg::Refused(_) | Msg::Review { .. } => {
            129 + super::samples::index(msg).expect("an area of its own")
        }
    }
}

const VARIANTS: usize = 129 + super::samples::COUNT;

fn readable() -> Args {
    Args {
        path: "fixtures/2023年度总结.docx",
        name: "东山县市场监督管理局",
        text: "查摆问题5个，已整改3个",
    }
}

#[test]
fn every_variant_has_a_sample() {
    let mut seen = [false; VARIANTS];
    for msg in samples(&readable()) {
        seen[variant(&msg)] = true;
    }
    let missing: Vec<usize> = (0..VARIANTS).filter(|&i| !seen[i]).collect();
    assert!(missing.is_empty(), "variants without a sample: {missing:?}");
}

#[test]
fn every_message_in_both_languages() {
    let mut text = String::new();
    for msg in samples(&readable()) {
        text.push_str(&format!(
            "{}\n  zh: {}\n  en: {}\n",
            variant(&msg),
            msg.render(Lang::Zh),
            msg.render(Lang::En)
        ));
    }
    insta::assert_snapshot!(text);
}

/// Words a Chinese message may carry in Latin letters: the program's name, its commands and
/// the values a user types, programs and file formats. A word right after `taizhang ` (a
/// command), after `--` (an option) or after a dot (a file extension) is allowed too.
const LATIN_IN_ZH: &[&str] = &[
    "taizhang",
    "Word",
    "utf",
    "gbk",
    "unit",
    "add",
    "list",
    "alias",
    "json",
    "JSON",
    "SQLite",
    "UTF",
    "YYYY",
    "chmod",
    "immediate",
    "long",
    "term",
    "dropped",
    "via",
    "review",
    "TAIZHANG_DB",
    "Excel",
    "WPS",
    "CSV",
    "export",
    "import",
    // Commands shown in full (`taizhang --db 甲 status`, `taizhang unit merge`)
    "status",
    "report",
    "show",
    "merge",
    // The fields and status words of a reviewed file (`import --reviewed`), as it spells them
    "text",
    "title",
    "answers",
    "refers_to_year",
    "null",
    "done",
    "in_progress",
    "long_term",
    "not_done",
    "file",
    "year",
    "problems",
    "measures",
    "outcomes",
    "warnings",
];

fn is_cjk(c: char) -> bool {
    matches!(c, '\u{3000}'..='\u{303f}' | '\u{3400}'..='\u{9fff}' | '\u{ff00}'..='\u{ffef}')
}

/// The runs of 3 or more ASCII letters in `text` that are neither part of an option
/// (`--unit`, `--dry-run`) nor allowed.
fn english_runs(text: &str) -> Vec<String> {
    let mut runs = Vec::new();
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if !(chars[i].is_ascii_alphabetic() || chars[i] == '_') {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && (chars[i].is_ascii_alphabetic() || chars[i] == '_') {
            i += 1;
        }
        let word: String = chars[start..i].iter().collect();
        // An option is a run of words and dashes after `--`.
        let before: String = chars[..start].iter().collect();
        let lead = before.trim_end_matches(|c: char| c.is_ascii_alphanumeric() || c == '-');
        let option = before[lead.len()..].starts_with("--");
        let command = before.ends_with("taizhang ");
        let extension = before.ends_with('.');
        let allowed = option || command || extension || LATIN_IN_ZH.contains(&word.as_str());
        if word.len() >= 3 && !allowed {
            runs.push(word);
        }
    }
    runs
}

#[test]
fn no_chinese_message_holds_an_english_word() {
    // Every argument is Chinese, so Latin letters can only come from the wording.
    let args = Args {
        path: "甲",
        name: "乙",
        text: "丙",
    };
    for msg in samples(&args) {
        let zh = msg.render(Lang::Zh);
        let runs = english_runs(&zh);
        assert!(
            runs.is_empty(),
            "{msg:?} in Chinese has English {runs:?}: {zh}"
        );
    }
}

#[test]
fn no_english_message_holds_a_chinese_character() {
    // Every argument is Latin, so a Chinese character can only come from the wording.
    let args = Args {
        path: "a.docx",
        name: "Bureau",
        text: "text",
    };
    for msg in samples(&args) {
        let en = msg.render(Lang::En);
        assert!(
            !en.chars().any(is_cjk),
            "{msg:?} in English has Chinese: {en}"
        );
    }
}

#[test]
fn the_checks_can_fail() {
    assert_eq!(english_runs("本台账中没有 problem P99"), ["problem"]);
    assert!(
        english_runs("请用 --unit 给出；taizhang unit add 乙；YYYY-MM-DD；--dry-run").is_empty()
    );
    assert!(!english_runs("请加 --format json 再用 output").is_empty());
    assert!(english_runs("用“taizhang show M2”查看；以 .xlsx 结尾").is_empty());
    assert!("提示".chars().any(is_cjk));
}

//! The message catalogue: every error, warning, notice and confirmation a user reads, worded in
//! one place per language. [`Msg`] names a message and carries its arguments; `zh.rs` and `en.rs`
//! each render every variant in one exhaustive `match`, so a message cannot be added without
//! both wordings. Three areas have files of their own, each with one exhaustive `match` per
//! language: `confirmations.rs` ([`Done`], what a command says when it is done),
//! `refusals.rs` ([`Refusal`], why a command refused or stopped) and `review.rs` (the faults of
//! a reviewed file). Nothing here reads the store or the terminal.
//!
//! Chinese is the default language; `--lang en` (or `TAIZHANG_LANG=en`) asks for English. A line
//! never mixes the two, except in the names, ids, paths and quoted document text it carries.

mod confirmations;
mod en;
mod refusals;
pub mod review;
mod zh;

pub use confirmations::{Done, Explanation};
pub use refusals::{ExportFlaw, NotDemo, Record, Refusal, TemplateFault, Unplaced};

#[cfg(test)]
mod samples;
#[cfg(test)]
mod tests;

use serde::{Serialize, Serializer};

use crate::ingest::UnitSource;
use crate::model::Status;
use crate::render::Lang;

/// What kind of item a message is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ItemKind {
    Problem,
    Measure,
    Outcome,
}

/// Why a file could not be read or written, as far as the operating system says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IoReason {
    NotFound,
    PermissionDenied,
    IsFolder,
    /// Anything else: the system's own words.
    Other(String),
}

impl From<&std::io::Error> for IoReason {
    fn from(e: &std::io::Error) -> Self {
        match e.kind() {
            std::io::ErrorKind::NotFound => IoReason::NotFound,
            std::io::ErrorKind::PermissionDenied => IoReason::PermissionDenied,
            std::io::ErrorKind::IsADirectory => IoReason::IsFolder,
            _ => IoReason::Other(e.to_string()),
        }
    }
}

/// One message, with its arguments. Paths, names, ids and quoted text are carried as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Msg {
    // —— How a message line begins (main.rs and the notes on stderr) ——
    /// `taizhang：错误：{message}`
    ErrorLine {
        message: String,
    },
    /// `taizhang：提示：{message}`
    NoteLine {
        message: String,
    },
    /// An error nobody foresaw. anyhow's chain (`detail`) is English context and system text,
    /// so only the English message shows it; the Chinese one says to rerun with `--lang en`.
    Unexpected {
        detail: String,
    },

    // —— Errors (src/error.rs) ——
    MalformedId {
        text: String,
    },
    UnknownItem {
        kind: ItemKind,
        id: String,
    },
    BadDate {
        text: String,
    },
    BadDeadline {
        text: String,
    },
    YearOutOfRange {
        year: i32,
    },
    /// `what` is the code of the text: "unit name", "alias", "problem text", "measure text",
    /// "new text", "evidence reference".
    EmptyText {
        what: String,
    },
    UnknownUnit {
        name: String,
        closest: Option<String>,
    },
    UnitExists {
        name: String,
    },
    AliasTaken {
        alias: String,
        unit: String,
    },
    UnknownStatus {
        text: String,
        list: String,
    },
    DroppedNeedsReason,
    ImportFailed {
        failed: usize,
        total: usize,
    },
    NoSuchSheet {
        path: String,
        sheet: String,
        sheets: String,
    },
    NoHeaderRow {
        path: String,
        sheet: Option<String>,
        names: String,
    },
    NotAnExport {
        path: String,
    },
    ExportTooNew {
        path: String,
        found: u64,
        known: u64,
    },
    NotAStoreToMerge {
        path: String,
    },
    DamagedStoreToMerge {
        path: String,
    },
    MergeWithItself {
        path: String,
    },
    NoStore {
        path: String,
    },
    StoreIsDirectory {
        path: String,
    },
    StoreReadOnly {
        path: String,
    },
    NotAStore {
        path: String,
    },
    StoreTooNew {
        path: String,
        found: i64,
        known: i64,
    },
    StoreBusy {
        path: String,
    },
    StoreNeedsUpgrade {
        path: String,
        found: i64,
        known: i64,
    },
    StoreDamaged {
        path: String,
    },
    StoreIncomplete {
        path: String,
        missing: String,
    },
    StoreFolderReadOnly {
        path: String,
    },
    NotABackup {
        path: String,
    },
    BackupDamaged {
        path: String,
    },
    UnreadableStoreToReplace {
        path: String,
    },
    NoDataDir,

    // —— Files (src/files.rs, src/exchange/input.rs) ——
    CannotRead {
        path: String,
        reason: IoReason,
    },
    CannotWrite {
        path: String,
        reason: IoReason,
    },
    FileExists {
        path: String,
    },
    TargetIsStore {
        path: String,
    },
    TargetIsLink {
        path: String,
    },
    TargetIsFolder {
        path: String,
    },
    TargetNotRegular {
        path: String,
    },
    AppearedWhileWriting {
        path: String,
    },
    InputNotRegular {
        path: String,
    },
    InputTooLarge {
        path: String,
        mb: u64,
    },
    NotUtf8Review {
        path: String,
    },

    // —— Reading a summary (src/import) ——
    NoYearFound,
    YearFromSignature {
        year: i32,
        date: String,
    },
    NoProblemsSection,
    NoProblemInSection {
        heading: String,
    },
    NoMeasureInSection {
        heading: String,
    },
    PlanNotSeparable {
        heading: String,
    },
    NoMeasuresSection,
    OutcomeWithoutStatus {
        text: String,
    },
    /// A count sentence with no outcome reported item by item (`year` None: earlier years).
    CountWithoutItems {
        sentence: String,
        year: Option<i32>,
    },
    CountStatusDiffers {
        sentence: String,
        year: Option<i32>,
        status: Status,
        said: u32,
        have: usize,
    },
    CountTotalDiffers {
        sentence: String,
        year: Option<i32>,
        said: u32,
        have: usize,
    },
    CountDoesNotAddUp {
        sentence: String,
        sum: u32,
        total: u32,
    },

    // —— Recording a summary (src/ingest) ——
    NoUnitInSummary {
        file: String,
    },
    NoYearInSummary {
        file: String,
    },
    AlreadyImportedUnchanged,
    AlreadyImported {
        file: String,
        year: i32,
        unit: String,
        from: Option<String>,
    },
    UnitCreated {
        name: String,
        source: UnitSource,
    },
    UnitAliasRemembered {
        alias: String,
        unit: String,
    },
    UnitAmbiguous {
        name: String,
        units: String,
    },
    VanishedWhileImporting {
        item: String,
    },
    AnswerOutOfRange {
        measure: String,
        index: usize,
        count: usize,
    },
    NoProblemMatchesReport {
        year: i32,
        unit: String,
        text: String,
    },
    RewordedOnReplace {
        id: String,
    },
    KeptOnReplace {
        id: String,
        carried: bool,
        progress: i64,
    },
    DeletedOnReplace {
        id: String,
    },
    TypedInReview {
        items: Vec<(ItemKind, usize)>,
    },

    // —— Commands (src/cmd) ——
    CarryProblem {
        id: String,
    },
    CarryNotLater {
        id: String,
        year: i32,
    },
    CarryAlready {
        id: String,
        year: i32,
        later: String,
    },
    CarryFinished {
        id: String,
        status: Status,
    },
    BadThreshold {
        text: String,
    },
    ThresholdOutOfRange {
        value: String,
    },
    NothingToEdit,
    EditMeasureOnly {
        flag: String,
        id: String,
    },
    EditCategoryOnMeasure {
        id: String,
    },
    ExportJsonWithYear,
    XlsxName {
        path: String,
    },
    NothingToExport {
        unit: Option<String>,
        year: Option<i32>,
    },
    LinkSameKind {
        first: String,
        second: String,
    },
    LinkAcrossUnits {
        measure: String,
        measure_unit: String,
        problem: String,
        problem_unit: String,
    },
    MergeNoSuchUnit {
        path: String,
        name: String,
        units: Vec<String>,
    },
    ProgressInFuture {
        date: String,
        today: String,
    },
    ProgressBeforeYear {
        date: String,
        id: String,
        year: i32,
    },
    RecurMeasure {
        id: String,
    },
    RecurAcrossUnits {
        first: String,
        first_unit: String,
        second: String,
        second_unit: String,
    },
    RecurSameYear {
        first: String,
        second: String,
        year: i32,
    },
    ReportUnknownKind {
        path: String,
    },
    ReportNeedsScope,
    /// `dashboard -o` named a file that does not end in .html.
    DashboardNotHtml {
        path: String,
    },
    TemplateUnreadable {
        path: String,
        reason: IoReason,
    },
    BadPeriod {
        text: String,
    },
    StatsYearsReversed {
        from: i32,
        to: i32,
    },
    CsvHasNoSheets {
        path: String,
        sheet: String,
    },
    CsvEmpty {
        path: String,
    },
    CsvNotText {
        path: String,
    },
    CsvEncoding {
        path: String,
    },
    CsvBadRow {
        path: String,
        row: usize,
    },
    NotASpreadsheet {
        path: String,
    },
    CannotOpenStore {
        path: String,
    },
    NoBackupFile {
        path: String,
    },
    RestoreFromItself {
        path: String,
    },
    NoStoreToMerge {
        path: String,
    },
    CannotCreateFolder {
        path: String,
        reason: IoReason,
    },
    DocEmpty {
        file: String,
    },
    DocBinary {
        file: String,
    },
    DocUnknownText {
        file: String,
    },
    DocUnknownEncoding {
        file: String,
        encoding: String,
    },
    DocWrongEncoding {
        file: String,
        encoding: String,
    },
    DocLegacyWord {
        file: String,
    },
    DocBadDocx {
        file: String,
    },
    DocUnsupported {
        file: String,
        kind: String,
    },
    MinUnitsTooSmall {
        given: usize,
    },
    LedgerWithoutYear {
        file: String,
    },
    LedgerWithoutUnit {
        file: String,
    },

    // —— Notes on stderr ——
    EvidenceNotAFile {
        reference: String,
    },
    EvidenceIsFolder {
        reference: String,
    },
    SheetCellsIgnored {
        sheet: String,
        ignored: usize,
        rows: usize,
        cols: usize,
    },
    StoreUpgraded {
        from: i64,
        to: i64,
        backup: String,
    },
    /// The prefix of a failed file's line in the import summary.
    FileFailed {
        file: String,
        message: String,
    },
    /// A warning on one file's line in the import summary.
    FileWarning {
        file: String,
        message: String,
    },
    /// The prefix of a warning line under an import's table.
    WarningLine {
        message: String,
    },
    /// `report --all-units` on a store without units.
    RollupNoUnits,

    // —— The areas with files of their own ——
    /// A confirmation or "nothing here" notice of a command (`confirmations.rs`).
    Done(Done),
    /// Why a command refused or stopped (`refusals.rs`).
    Refused(Refusal),
    /// What is wrong with a reviewed file named `source` (`review.rs`).
    Review {
        source: String,
        error: review::ReviewError,
    },
}

impl Msg {
    /// The message in `lang`.
    pub fn render(&self, lang: Lang) -> String {
        match lang {
            Lang::Zh => zh::render(self),
            Lang::En => en::render(self),
        }
    }
}

/// Chinese, the default language.
impl std::fmt::Display for Msg {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.render(Lang::default()))
    }
}

/// A message serialises as its wording in the default language (Chinese); renderers that know
/// `--lang` render it themselves.
impl Serialize for Msg {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.to_string())
    }
}

impl Msg {
    /// Why `file` could not be read as a summary.
    pub fn unreadable_document(file: &str, e: &crate::import::ImportError) -> Msg {
        use crate::import::ImportError as E;
        let file = file.to_string();
        match e {
            E::Empty => Msg::DocEmpty { file },
            E::Binary => Msg::DocBinary { file },
            E::UnknownText => Msg::DocUnknownText { file },
            E::UnknownEncoding(encoding) => Msg::DocUnknownEncoding {
                file,
                encoding: encoding.clone(),
            },
            E::WrongEncoding(encoding) => Msg::DocWrongEncoding {
                file,
                encoding: encoding.clone(),
            },
            E::LegacyWord => Msg::DocLegacyWord { file },
            E::BadDocx(_) => Msg::DocBadDocx { file },
            E::Unsupported(kind) => Msg::DocUnsupported {
                file,
                kind: kind.to_string(),
            },
        }
    }
}

/// A status as the messages name it.
pub(crate) fn status_word(status: Status, lang: Lang) -> &'static str {
    lang.status(status)
}

//! The English wording of every message (`--lang en`).

use super::{IoReason, ItemKind, Msg};
use crate::ingest::UnitSource;
use crate::render::Lang;

fn kind(kind: ItemKind) -> &'static str {
    match kind {
        ItemKind::Problem => "problem",
        ItemKind::Measure => "measure",
        ItemKind::Outcome => "outcome",
    }
}

pub(super) fn reason(reason: &IoReason) -> String {
    match reason {
        IoReason::NotFound => "there is no such file or folder".to_string(),
        IoReason::PermissionDenied => "permission denied".to_string(),
        IoReason::IsFolder => "it is a folder".to_string(),
        IoReason::Other(system) => system.clone(),
    }
}

fn year(year: Option<i32>) -> String {
    year.map_or_else(|| "earlier years".to_string(), |y| y.to_string())
}

fn source(source: UnitSource) -> &'static str {
    match source {
        UnitSource::Given => "the command line",
        UnitSource::SummaryTitle => "the summary's title",
        UnitSource::LedgerColumn => "the ledger's unit column",
        UnitSource::LedgerTitle => "the ledger's title",
        UnitSource::FiledBy => "the ledger's filed-by line",
        UnitSource::FileName => "the file name",
    }
}

pub(super) fn render(msg: &Msg) -> String {
    match msg {
        Msg::ErrorLine { message } => format!("taizhang: error: {message}"),
        Msg::NoteLine { message } => format!("taizhang: note: {message}"),
        Msg::Unexpected { detail } => format!(
            "the command stopped unexpectedly ({detail}); this is likely a bug in taizhang: please report this line"
        ),

        Msg::MalformedId { text } => format!(
            "'{text}' is not an item id; ids look like P12 (a problem) or M34 (a measure)"
        ),
        Msg::UnknownItem { kind: k, id } => format!(
            "no {} {id} in this store (see 'taizhang status' for the ids there are)",
            kind(*k)
        ),
        Msg::BadDate { text } => format!(
            "'{text}' is not a valid date; write a date that exists, as 2025-06-30, 2025/6/30, 2025.6.30, or with the Chinese year, month and day characters"
        ),
        Msg::BadDeadline { text } => format!(
            "'{text}' is not a deadline; give a date (2025-06-30, 2025/6/30 or with the Chinese year, month and day characters), 'immediate' or 'long-term'"
        ),
        Msg::YearOutOfRange { year } => format!(
            "year {year} is out of range; give the year of the summary, between 1949 and 2100"
        ),
        Msg::EmptyText { what } => format!("the {what} is empty; give it as a quoted argument"),
        Msg::UnknownUnit { name, closest } => match closest {
            Some(unit) => format!(
                "no unit named '{name}' in this store; did you mean '{unit}'? (or add it with 'taizhang unit add {name}')"
            ),
            None => format!(
                "no unit named '{name}' in this store; add it with 'taizhang unit add {name}' (see 'taizhang unit list')"
            ),
        },
        Msg::UnitExists { name } => format!(
            "'{name}' already names a unit in this store (see 'taizhang unit list')"
        ),
        Msg::AliasTaken { alias, unit } => format!(
            "'{alias}' already names the unit '{unit}'; choose another alias"
        ),
        Msg::UnknownStatus { text, list } => {
            format!("'{text}' is not a status; use one of: {list} (more words in 'taizhang progress --help')")
        }
        Msg::DroppedNeedsReason => {
            "status 'dropped' needs a reason; add --note \"why the item was dropped\"".to_string()
        }
        Msg::ImportFailed { failed, total } => format!(
            "{failed} of {total} files could not be imported (see the messages above); the others were"
        ),
        Msg::NoSuchSheet { path, sheet, sheets } => format!(
            "{path} has no sheet named '{sheet}'; its sheets are: {sheets}"
        ),
        Msg::NoHeaderRow { path, sheet, names } => {
            let sheet = sheet
                .as_ref()
                .map(|s| format!(" (sheet '{s}')"))
                .unwrap_or_default();
            format!(
                "no header row found in {path}{sheet}; the ledger needs a row of column names such as {names} (or name the sheet with --sheet)"
            )
        }
        Msg::NotAnExport { path } => format!(
            "{path} is not a taizhang JSON export; give a file written by 'taizhang export --json'"
        ),
        Msg::ExportTooNew { path, found, known } => format!(
            "{path} was written by a newer taizhang (export format {found}, this one reads up to {known}); upgrade taizhang to import it"
        ),
        Msg::NotAStoreToMerge { path } => format!(
            "{path} is not a taizhang store; give merge the .db file of another taizhang store"
        ),
        Msg::DamagedStoreToMerge { path } => format!(
            "{path} is damaged (it fails SQLite's integrity check); nothing was merged, so merge a good copy or a backup of it instead"
        ),
        Msg::MergeWithItself { path } => format!(
            "{path} is this store itself; give merge the store file of another unit or a copy made elsewhere"
        ),
        Msg::NoStore { path } => format!(
            "no store at {path}; create one with 'taizhang init' (or check --db and TAIZHANG_DB)"
        ),
        Msg::StoreIsDirectory { path } => format!(
            "{path} is a directory; give the path of a store file, for example {path}/taizhang.db"
        ),
        Msg::StoreReadOnly { path } => format!(
            "{path} is read-only; make it writable (chmod u+w) or copy it to a writable place"
        ),
        Msg::NotAStore { path } => format!(
            "{path} is not a taizhang store; check --db, or run 'taizhang init' with a new file name"
        ),
        Msg::StoreTooNew { path, found, known } => format!(
            "{path} was written by a newer taizhang (schema {found}, this one knows up to {known}); upgrade taizhang to use it"
        ),
        Msg::StoreBusy { path } => format!(
            "{path} is busy: another taizhang is writing to it; try again when it has finished"
        ),
        Msg::StoreNeedsUpgrade { path, found, known } => format!(
            "{path} was written by an older taizhang (schema {found}, this one uses {known}) and needs upgrading; run 'taizhang init' to upgrade it (a backup is made first)"
        ),
        Msg::StoreDamaged { path } => format!(
            "{path} is damaged (SQLite cannot read it); restore a backup with 'taizhang restore FILE'"
        ),
        Msg::StoreIncomplete { path, missing } => format!(
            "{path} is missing its tables ({missing}); restore a backup with 'taizhang restore FILE'"
        ),
        Msg::StoreFolderReadOnly { path } => format!(
            "{path} is in a read-only folder, and writing needs its journal beside it; make the folder writable (chmod u+w) or copy the store to a writable place"
        ),
        Msg::NotABackup { path } => format!(
            "{path} is not a taizhang store; give restore a file written by 'taizhang backup'"
        ),
        Msg::BackupDamaged { path } => format!(
            "{path} fails SQLite's integrity check, so it is not restored; give restore another backup"
        ),
        Msg::UnreadableStoreToReplace { path } => format!(
            "{path} cannot be read as a taizhang store, so restore cannot keep a backup of it first; add --force to keep a copy of its bytes and replace it"
        ),
        Msg::NoDataDir => {
            "no home directory to keep the store in; give one with --db PATH or TAIZHANG_DB"
                .to_string()
        }

        Msg::CannotRead { path, reason: r } => {
            format!("cannot read {path} ({}); check the path", reason(r))
        }
        Msg::CannotWrite { path, reason: r } => format!(
            "cannot write {path} ({}); check that its folder exists and is writable",
            reason(r)
        ),
        Msg::FileExists { path } => format!(
            "{path} already exists; add --force to replace it, or give another name"
        ),
        Msg::TargetIsStore { path } => format!("{path} is the store itself; give another file name"),
        Msg::TargetIsLink { path } => format!(
            "{path} is a symbolic link; taizhang never writes through a link, give the real path"
        ),
        Msg::TargetIsFolder { path } => {
            format!("{path} is a folder; give the name of the file to write")
        }
        Msg::TargetNotRegular { path } => format!(
            "{path} is not a regular file (a device or a pipe); give the name of a file to write, or - for standard output"
        ),
        Msg::AppearedWhileWriting { path } => format!(
            "{path} appeared while it was being written; add --force to replace it"
        ),
        Msg::InputNotRegular { path } => format!(
            "{path} is not a regular file (a folder, FIFO or device); give the path of a saved file"
        ),
        Msg::InputTooLarge { path, mb } => format!(
            "{path} is larger than {mb} MB, more than any real file of its kind; split it or check that it is the right file"
        ),
        Msg::NotUtf8Review { path } => format!(
            "{path} is not UTF-8 text; a review is the JSON printed by import --dry-run --format json"
        ),

        Msg::NoYearFound => {
            "no year found in the title, the opening lines or a signing date; give --year"
                .to_string()
        }
        Msg::YearFromSignature { year, date } => format!(
            "no year in the title: {year} is read from the signing date {date}; if that is wrong, give --year"
        ),
        Msg::NoProblemsSection => "no problems section found".to_string(),
        Msg::NoProblemInSection { heading } => {
            format!("no problem could be read from the section \"{heading}\"")
        }
        Msg::NoMeasureInSection { heading } => {
            format!("no measure could be read from the section \"{heading}\"")
        }
        Msg::PlanNotSeparable { heading } => format!(
            "the section \"{heading}\" promises a plan, but no measure could be told apart from its problems"
        ),
        Msg::NoMeasuresSection => "no measures section found".to_string(),
        Msg::OutcomeWithoutStatus { text } => {
            format!("an outcome item states no status and was left out: \"{text}…\"")
        }
        Msg::CountWithoutItems { sentence, year: y } => format!(
            "count sentence \"{sentence}\" gives {} outcomes, but no problem is reported item by item",
            year(*y)
        ),
        Msg::CountStatusDiffers { sentence, year: y, status, said, have } => format!(
            "count sentence \"{sentence}\" says {said} {} for {}, but {have} item(s) are reported {}",
            status.code(),
            year(*y),
            status.code()
        ),
        Msg::CountTotalDiffers { sentence, year: y, said, have } => format!(
            "count sentence \"{sentence}\" says {said} problem(s) for {}, but {have} are reported item by item",
            year(*y)
        ),
        Msg::CountDoesNotAddUp { sentence, sum, total } => format!(
            "count sentence \"{sentence}\" does not add up: {sum} by status against {total} in all"
        ),

        Msg::NoUnitInSummary { file } => format!(
            "{file}: no unit is named in the title, the byline under it or the signature at the end (self-references such as 'our bureau' do not count); give it with --unit, e.g. --unit NAME"
        ),
        Msg::NoYearInSummary { file } => format!(
            "{file}: no year is given in the title, the opening lines or a signing date; give it with --year, e.g. --year 2024"
        ),
        Msg::AlreadyImportedUnchanged => "already imported; nothing changed".to_string(),
        Msg::AlreadyImported { file, year, unit, from } => format!(
            "{file}: the {year} summary of {unit} was already imported from {}; give --replace to replace it",
            from.as_deref().unwrap_or("another file")
        ),
        Msg::UnitCreated { name, source: s } => {
            format!("new unit {name} (read from {})", source(*s))
        }
        Msg::UnitAliasRemembered { alias, unit } => {
            format!("'{alias}' taken as {unit} and remembered as its alias")
        }
        Msg::UnitAmbiguous { name, units } => format!(
            "'{name}' could be any of {units}; make it an alias of one ('taizhang unit alias UNIT {name}') or give the unit with --unit"
        ),
        Msg::VanishedWhileImporting { item } => {
            format!("{item} vanished while importing; try again")
        }
        Msg::AnswerOutOfRange { measure, index, count } => format!(
            "{measure} is said to answer problem {index} of the summary, which has {count}; not linked"
        ),
        Msg::NoProblemMatchesReport { year, unit, text } => format!(
            "no {year} problem of {unit} matches the report '{text}'; record it with 'taizhang progress'"
        ),
        Msg::RewordedOnReplace { id } => format!(
            "{id} is reworded as in the new version (its id, links and progress are kept)"
        ),
        Msg::KeptOnReplace { id, carried, progress } => {
            let why = if *carried {
                "it is carried over to or from another year's measure".to_string()
            } else {
                format!("{progress} progress entries are recorded on it")
            };
            format!("{id} is no longer in the new version, but {why}: kept (to delete it: taizhang delete {id})")
        }
        Msg::DeletedOnReplace { id } => format!(
            "{id} is no longer in the new version: deleted (its history is kept; 'taizhang undo' brings it back)"
        ),
        Msg::TypedInReview { items } => {
            let names: Vec<String> = items
                .iter()
                .map(|&(k, i)| format!("{} {}", kind(k), i + 1))
                .collect();
            format!(
                "not found in the document, so recorded as typed in the review (their history says \"via: review\"): {} ({} in all)",
                names.join(", "),
                items.len()
            )
        }

        Msg::CarryProblem { id } => format!("{id} is a problem; carry over one of its measures (see 'taizhang show {id}')"),
        Msg::CarryNotLater { id, year } => format!("{id} is a {year} measure; carry it into a later year than that"),
        Msg::CarryAlready { id, year, later } => format!("{id} is already carried into {year} as {later}"),
        Msg::CarryFinished { id, status } => format!("{id} is {}; only unfinished measures are carried over", status.code()),
        Msg::BadThreshold { text } => format!("'{text}' is not a threshold; give a number above 0 and at most 1, for example 0.4"),
        Msg::ThresholdOutOfRange { value } => format!("the threshold {value} is out of range; give a similarity between 0 and 1, for example 0.4"),
        Msg::NothingToEdit => "nothing to change; give at least one field, such as --text, --owner-dept or --due (see 'taizhang edit --help')".to_string(),
        Msg::EditMeasureOnly { flag, id } => format!("{flag} applies to measures, and {id} is a problem; edit one of its measures instead"),
        Msg::EditCategoryOnMeasure { id } => format!("--category applies to problems, and {id} is a measure; use --title for a heading"),
        Msg::ExportJsonWithYear => "export --json keeps units whole; leave out --year (or export one year with --xlsx or --csv)".to_string(),
        Msg::XlsxName { path } => format!("Excel opens workbooks by their name; give {path} a name ending in .xlsx"),
        Msg::NothingToExport { unit, year } => {
            let scope = match (unit, year) {
                (Some(u), None) => format!(" for {u}"),
                (None, Some(y)) => format!(" for {y}"),
                _ => String::new(),
            };
            format!("there are no problems or measures{scope} to export (see 'taizhang status'); give both --unit and --year for an empty ledger to fill in")
        },
        Msg::LinkSameKind { first, second } => format!("a link joins one measure and one problem, and {first} and {second} are of the same kind; give a measure id (M5) and a problem id (P3)"),
        Msg::LinkAcrossUnits { measure, measure_unit, problem, problem_unit } => format!("{measure} belongs to {measure_unit} and {problem} to {problem_unit}; a measure can only answer problems of its own unit"),
        Msg::MergeNoSuchUnit { path, name, units } => match units.as_slice() {
            [] => format!("{path} has no unit named '{name}'; it holds no units"),
            units => format!("{path} has no unit named '{name}'; its units are: {}", units.join(", ")),
        },
        Msg::ProgressInFuture { date, today } => format!("the date {date} is after the as-of date {today}; progress can only be logged once it has happened"),
        Msg::ProgressBeforeYear { date, id, year } => format!("the date {date} is before {id}'s year {year} began; check --date"),
        Msg::RecurMeasure { id } => format!("{id} is a measure; recurrences are between problems (P3, P12)"),
        Msg::RecurAcrossUnits { first, first_unit, second, second_unit } => format!("{first} belongs to {first_unit} and {second} to {second_unit}; a recurrence is within one unit"),
        Msg::RecurSameYear { first, second, year } => format!("{first} and {second} are both {year} problems; a recurrence spans different years"),
        Msg::ReportUnknownKind { path } => format!("cannot tell what to write to {path} from its name; end it in .txt, .md or .docx"),
        Msg::DashboardNotHtml { path } => format!("the dashboard is a web page and {path} does not end in .html; name it like ledger.html"),
        Msg::ReportNeedsScope => "give --unit and --year (see 'taizhang report --help')".to_string(),
        Msg::TemplateUnreadable { path, reason: r } => format!("cannot read the template {path} ({}); check the path", reason(r)),
        Msg::BadPeriod { text } => format!("'{text}' is not a period; write it as a number of days or weeks, for example 30d or 2w"),
        Msg::StatsYearsReversed { from, to } => format!("--from {from} is after --to {to}; give the earlier year first"),
        Msg::CsvHasNoSheets { path, sheet } => format!("{path} is a CSV file, which has no sheets; leave out --sheet {sheet}"),
        Msg::CsvEmpty { path } => format!("{path} is empty; give a ledger with a header row and rows below it"),
        Msg::CsvNotText { path } => format!("{path} is not CSV text; save the sheet from Excel or WPS as .xlsx or CSV UTF-8 and retry"),
        Msg::CsvEncoding { path } => format!("{path} is neither UTF-8 nor GB18030 text; save it from Excel or WPS as CSV UTF-8 and retry"),
        Msg::CsvBadRow { path, row } => format!("{path}: row {row} is not valid CSV; save the sheet again as CSV from Excel or WPS"),
        Msg::NotASpreadsheet { path } => format!("cannot read {path} as a spreadsheet; save it from Excel or WPS as .xlsx or .csv and retry"),
        Msg::CannotOpenStore { path } => format!("cannot open the store {path}; check that its folder exists and is writable"),
        Msg::NoBackupFile { path } => format!("there is no file {path}; give restore a file written by 'taizhang backup'"),
        Msg::RestoreFromItself { path } => format!("{path} is the store itself; give restore a backup file"),
        Msg::NoStoreToMerge { path } => format!("there is no store at {path}; give merge the path of another taizhang store"),
        Msg::CannotCreateFolder { path, reason: r } => format!("cannot create the folder {path} for the store ({}); choose another --db path", reason(r)),
        Msg::DocEmpty { file } => format!("{file}: the file is empty; give a summary that has text in it"),
        Msg::DocBinary { file } => format!("{file}: the file holds binary data, not text; give the summary as a .txt or .docx file"),
        Msg::DocUnknownText { file } => format!("{file}: the file is neither UTF-8 nor GB18030 text; save it as UTF-8, or name its encoding with --encoding"),
        Msg::DocUnknownEncoding { file, encoding } => format!("{file}: '{encoding}' is not an encoding taizhang knows; use utf-8, gbk or gb18030"),
        Msg::DocWrongEncoding { file, encoding } => format!("{file}: the file is not valid {encoding} text; check --encoding, or leave it out to detect the encoding"),
        Msg::DocLegacyWord { file } => format!("{file}: this is an old binary Word (.doc) file; open it in Word or WPS, save it as .docx and import that"),
        Msg::DocBadDocx { file } => format!("{file}: this .docx cannot be read; open it in Word, save it again as .docx and retry"),
        Msg::DocUnsupported { file, kind } => format!("{file}: {kind} files cannot be imported; save the summary as .docx or .txt and import that"),
        Msg::MinUnitsTooSmall { given } => format!("--min-units {given} is too small; a problem is shared when at least 2 units name it"),
        Msg::LedgerWithoutYear { file } => format!("{file} does not say which year's summary its problems are from; give it with --year"),
        Msg::LedgerWithoutUnit { file } => format!("{file} does not say which unit it belongs to; give it with --unit"),
        Msg::EvidenceNotAFile { reference } => format!(
            "{reference} is not a file here; it is recorded as a reference only"
        ),
        Msg::EvidenceIsFolder { reference } => format!(
            "the evidence {reference} is a folder; give the files in it one by one, or a reference"
        ),
        Msg::SheetCellsIgnored { sheet, ignored, rows, cols } => format!(
            "sheet {sheet} has {ignored} cell(s) beyond row {rows} or column {cols}; they were ignored"
        ),
        Msg::StoreUpgraded { from, to, backup } => format!(
            "note: the store's schema is upgraded from version {from} to {to}; it was first backed up to {backup}"
        ),
        Msg::FileFailed { file, message } => format!("{file}: failed: {message}"),
        Msg::FileWarning { file, message } => format!("{file}: warning: {message}"),
        Msg::WarningLine { message } => format!("warning: {message}"),
        Msg::RollupNoUnits => "the store has no units to roll up; merge the units' stores with 'taizhang merge' or add units with 'taizhang unit add'".to_string(),
        Msg::Done(done) => done.en(),
        Msg::Refused(refusal) => refusal.en(),
        Msg::Review { source, error } => error.message(source, Lang::En),
    }
}

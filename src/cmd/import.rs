//! `taizhang import FILE…`: read annual summaries and record their problems, measures and what
//! they report about earlier years' problems.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use clap::Args;

use super::Ctx;
use crate::error::{Done, Error, Msg, Refusal, Result};
use crate::import::{self, Summary};
use crate::ingest::{record_summary, FileOutcome, FileReport, SummaryInput};
use crate::render::import as view;
use crate::render::shapes;
use crate::store::Access;

/// Import annual summaries (.txt or .docx), Excel ledgers (--ledger) or another store (--json).
///
/// A summary gives its problems, its measures and what it reports about earlier years' problems.
/// With --ledger, taizhang reads a ledger a unit keeps in Excel or CSV; with --json, an export of
/// another store, merged by UUID.
///
/// The unit and year are read from the title (…局2024年度工作总结 is year 2024); --unit and --year
/// override them, and --unit must name a known unit or alias. A unit the title names only in
/// short (临江市税务局) is matched to a known unit through its aliases or as the only one whose
/// name contains it (or is contained in it), and the short name is remembered as an alias; an
/// unknown unit is added, and the import says so. What a summary reports about earlier years' problems (已完成整改,
/// 持续推进, …) becomes a progress entry on the earlier problem it matches.
///
/// With --reviewed, taizhang records a dry run corrected by hand (items removed, split, merged
/// or added, unit and year set, measures linked to problems by their `answers`) exactly as it
/// stands. The document its `file` names is read again and kept as the source; a text not found
/// in it is recorded as typed in the review, and the import says how many were. Nothing is
/// written unless the whole review is valid, and it is one operation for undo.
///
/// Each file is imported in one transaction, oldest year first: a file that fails leaves the store
/// as it was and the others go on. Importing the same file again changes nothing; a different file for a unit and
/// year already imported is refused unless --replace.
#[derive(Debug, Args)]
#[command(after_help = "\
taizhang import --dry-run 临江市财政局2024年度工作总结.txt
taizhang import --ledger 整改台账.xlsx --unit 临江市财政局 --year 2024
taizhang import --json 县局台账.json
taizhang import --dry-run --format json 总结.docx
taizhang import summaries/*.txt
taizhang import --replace --unit 临江市财政局 --year 2024 修订稿.docx
taizhang import --dry-run --format json 整改报告.txt > review.json
taizhang import --reviewed review.json
taizhang import --explain 整改报告.txt
taizhang import - --unit 临江市财政局 --year 2024")]
pub struct ImportArgs {
    /// Summaries to import: plain text (UTF-8 or GB18030/GBK) or Word .docx; - reads standard
    /// input (give --unit and --year when the text does not state them)
    #[arg(value_name = "FILE", required_unless_present_any = ["ledger", "json", "reviewed"])]
    pub files: Vec<PathBuf>,
    /// Read a ledger a unit already keeps (.xlsx, .xls, .ods, .csv) instead of summaries
    #[arg(long, value_name = "FILE", conflicts_with_all = ["files", "json", "replace", "encoding"])]
    pub ledger: Option<PathBuf>,
    /// The sheet of the --ledger workbook to read [default: the first with a header row]
    #[arg(long, value_name = "S", requires = "ledger")]
    pub sheet: Option<String>,
    /// Import a JSON export of another store ('taizhang export --json'), merged by UUID
    #[arg(long, value_name = "FILE", conflicts_with_all = ["files", "unit", "year", "replace", "encoding"])]
    pub json: Option<PathBuf>,
    /// Record a reviewed dry run (import --dry-run --format json, corrected by hand) as it stands
    #[arg(long, value_name = "REVIEW.json", conflicts_with_all = ["files", "ledger", "json", "sheet"])]
    pub reviewed: Option<PathBuf>,
    /// The unit, when the title does not name it or names it wrongly
    #[arg(long)]
    pub unit: Option<String>,
    /// The year summarised, when the title does not give it
    #[arg(long, value_name = "N")]
    pub year: Option<i32>,
    /// Show what would be imported, and write nothing
    #[arg(long)]
    pub dry_run: bool,
    /// Show why each item was read (its heading, label or lead-in, and marker) and what text
    /// was passed over as what; write nothing
    #[arg(long, conflicts_with_all = ["ledger", "json", "reviewed", "replace", "dry_run"])]
    pub explain: bool,
    /// Replace the summary already imported for the same unit and year
    #[arg(long)]
    pub replace: bool,
    /// The text encoding (utf-8, gb18030, gbk) [default: detected]
    #[arg(long, value_name = "E")]
    pub encoding: Option<String>,
}

pub fn run(ctx: &Ctx, args: ImportArgs, out: &mut dyn Write) -> Result<()> {
    if let Some(path) = &args.ledger {
        let ledger = super::import_ledger::LedgerImport {
            path: path.clone(),
            sheet: args.sheet.clone(),
            unit: args.unit.clone(),
            year: args.year,
            dry_run: args.dry_run,
        };
        return super::import_ledger::run_ledger(ctx, &ledger, out);
    }
    if let Some(path) = &args.json {
        return super::import_ledger::run_json(ctx, path, args.dry_run, out);
    }
    if let Some(year) = args.year {
        crate::model::check_year(year)?;
    }
    if let Some(path) = &args.reviewed {
        return super::import_reviewed::run(ctx, &args, path, out);
    }
    let stdin_given = args
        .files
        .iter()
        .filter(|p| crate::exchange::input::is_stdin(p))
        .count();
    if stdin_given > 1 {
        return Err(Refusal::StdinTwice.into());
    }
    if args.explain {
        return explain(ctx, &args, out);
    }
    let progress = ProgressBar::new(args.files.len());
    let result = if args.dry_run && args.replace {
        // What --replace would keep, change, add and remove: recorded, reported, rolled back.
        write(ctx, &args, out, &progress, false)
    } else if args.dry_run {
        dry_run(ctx, &args, out, &progress)
    } else {
        write(ctx, &args, out, &progress, true)
    };
    progress.finish();
    result
}

/// A file as read: its bytes, its decoded text and what it states.
type ReadFile = (Vec<u8>, String, Summary);

/// Reads and parses one file, applying the --unit/--year overrides.
fn read(path: &Path, args: &ImportArgs) -> Result<ReadFile> {
    let bytes = crate::exchange::input::read(path, crate::exchange::input::SUMMARY_LIMIT)?;
    let name = path.to_string_lossy();
    let text = import::read_document(&name, &bytes, args.encoding.as_deref())
        .map_err(|e| Error::from(Msg::unreadable_document(&path.display().to_string(), &e)))?;
    let mut summary = import::parse(&text);
    summary.file = path.display().to_string();
    if let Some(unit) = &args.unit {
        summary.unit = Some(unit.trim().to_string());
    }
    if let Some(year) = args.year {
        summary.year = Some(year);
    }
    Ok((bytes, text, summary))
}

fn dry_run(
    ctx: &Ctx,
    args: &ImportArgs,
    out: &mut dyn Write,
    progress: &ProgressBar,
) -> Result<()> {
    if let [path] = args.files.as_slice() {
        let (_, _, summary) = read(path, args)?;
        return Ok(view::print_summaries(
            out,
            ctx.format,
            ctx.lang,
            &[summary],
            false,
        )?);
    }
    let mut summaries = Vec::new();
    let mut failed = 0;
    for path in &args.files {
        match read(path, args) {
            Ok((_, _, summary)) => summaries.push(summary),
            Err(error) => {
                failed += 1;
                let message = error.message(ctx.lang);
                progress.suspend(|| eprintln!("{}", Msg::ErrorLine { message }.render(ctx.lang)));
            }
        }
        progress.inc();
    }
    let many = args.files.len() > 1;
    view::print_summaries(out, ctx.format, ctx.lang, &summaries, many)?;
    failures(failed, args.files.len())
}

fn write(
    ctx: &Ctx,
    args: &ImportArgs,
    out: &mut dyn Write,
    progress: &ProgressBar,
    commit: bool,
) -> Result<()> {
    let mut store = ctx.open(Access::Write)?;
    store.group_operations();
    // Read everything first, then record the summaries oldest year first, so that a later
    // summary's report on earlier problems finds them whatever order the files were given in.
    let mut read_files: Vec<(&PathBuf, Result<ReadFile>)> = args
        .files
        .iter()
        .map(|path| (path, read(path, args)))
        .collect();
    read_files.sort_by_key(|(_, read)| read.as_ref().ok().and_then(|(_, _, s)| s.year));
    let mut reports = Vec::new();
    for (path, read) in read_files {
        let report = match read {
            Err(error) => FileReport::failed(path, error),
            Ok((bytes, text, summary)) => {
                let attempt = store.transaction().and_then(|tx| {
                    let input = SummaryInput {
                        bytes: &bytes,
                        text: &text,
                        summary: &summary,
                        given_unit: args.unit.as_deref(),
                        replace: args.replace,
                    };
                    let report = record_summary(ctx, &tx, &input)?;
                    if commit {
                        tx.commit()?;
                    }
                    Ok(report)
                });
                attempt.unwrap_or_else(|error| FileReport::failed(path, error))
            }
        };
        progress.inc();
        reports.push(report);
    }
    if reports.len() == 1 && reports[0].is_failure() {
        // One file: its own error is the message, with nothing else around it.
        if let Some(FileReport {
            outcome: FileOutcome::Failed(error),
            ..
        }) = reports.pop()
        {
            return Err(error);
        }
    }
    view::print_reports(out, ctx.format, ctx.lang, &reports)?;
    if !commit {
        let note = Done::DryRunReplace.render(ctx.lang);
        shapes::for_people(out, ctx.format, &note)?;
    }
    let failed = reports.iter().filter(|r| r.is_failure()).count();
    failures(failed, reports.len())
}

/// `--explain`: how each file is read, one after the other; nothing is written.
fn explain(ctx: &Ctx, args: &ImportArgs, out: &mut dyn Write) -> Result<()> {
    let mut explained = Vec::new();
    for path in &args.files {
        let bytes = crate::exchange::input::read(path, crate::exchange::input::SUMMARY_LIMIT)?;
        let text = import::read_document(&path.to_string_lossy(), &bytes, args.encoding.as_deref())
            .map_err(|e| Error::from(Msg::unreadable_document(&path.display().to_string(), &e)))?;
        explained.push((path.display().to_string(), import::explain(&text)));
    }
    Ok(view::print_explanations(
        out, ctx.format, ctx.lang, &explained,
    )?)
}

fn failures(failed: usize, total: usize) -> Result<()> {
    if failed == 0 {
        return Ok(());
    }
    Err(Error::ImportFailed { failed, total })
}

/// A progress bar on stderr, shown only when importing many files to a terminal.
struct ProgressBar(Option<indicatif::ProgressBar>);

impl ProgressBar {
    const MIN_FILES: usize = 5;

    fn new(files: usize) -> ProgressBar {
        if files < Self::MIN_FILES || !std::io::stderr().is_terminal() {
            return ProgressBar(None);
        }
        let bar = indicatif::ProgressBar::new(files as u64);
        bar.set_style(
            indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} {msg}")
                .expect("the template is valid"),
        );
        ProgressBar(Some(bar))
    }

    fn inc(&self) {
        if let Some(bar) = &self.0 {
            bar.inc(1);
        }
    }

    fn suspend(&self, f: impl FnOnce()) {
        match &self.0 {
            Some(bar) => bar.suspend(f),
            None => f(),
        }
    }

    fn finish(&self) {
        if let Some(bar) = &self.0 {
            bar.finish_and_clear();
        }
    }
}

//! `taizhang import --reviewed REVIEW.json`: record a dry run corrected by hand, exactly as it
//! stands, with the provenance and idempotence of a plain import of the document it names.
//!
//! The review is checked (`import::reviewed`) and each document read again before anything is
//! written; then all its summaries are recorded by `ingest::record_summary` in one transaction,
//! one operation for `undo`. A document's hash covers what was recorded from it: the document's
//! bytes, and the reviewed items when they differ from what the parser reads, so the same review
//! imported again changes nothing and a different one is new content for the unit and year
//! (refused unless --replace).

use std::io::Write;
use std::path::{Path, PathBuf};

use super::import::ImportArgs;
use super::Ctx;
use crate::error::messages::ItemKind;
use crate::error::{Done, Error, Msg, Result};
use crate::exchange::input::{self, SUMMARY_LIMIT};
use crate::import::reviewed::{self, Fault, Kind, Place, Review, ReviewError, Reviewed};
use crate::import::{self, Summary};
use crate::ingest::{record_summary, SummaryInput};
use crate::render::{import as view, shapes};
use crate::store::Access;

/// Separates a document's bytes from the reviewed items in what is hashed.
const REVIEW_SEPARATOR: &[u8] = b"\n\0taizhang import --reviewed\0\n";

/// One reviewed summary ready to record.
struct Prepared {
    /// What is hashed for the document (see the module notes).
    hashed: Vec<u8>,
    text: String,
    reviewed: Reviewed,
}

pub fn run(ctx: &Ctx, args: &ImportArgs, path: &Path, out: &mut dyn Write) -> Result<()> {
    let source = path.display().to_string();
    let refused = |error: ReviewError| {
        Error::from(Msg::Review {
            source: source.clone(),
            error,
        })
    };
    let bytes = input::read(path, SUMMARY_LIMIT)?;
    let json = std::str::from_utf8(&bytes).map_err(|_| Msg::NotUtf8Review {
        path: source.to_string(),
    })?;
    let json = json.strip_prefix('\u{feff}').unwrap_or(json);
    let reviews = reviewed::read(json, args.unit.as_deref(), args.year).map_err(refused)?;
    let many = reviews.len() > 1;
    let mut prepared = Vec::new();
    for (i, review) in reviews.iter().enumerate() {
        let entry = many.then_some(i);
        prepared.push(prepare(review, entry, path, args).map_err(|e| match e {
            Ready::Review(e) => refused(e),
            Ready::Other(e) => e,
        })?);
    }
    for p in &mut prepared {
        p.reviewed.summary.warnings = typed_note(&p.reviewed.typed);
    }
    if args.dry_run && !args.replace {
        let summaries: Vec<Summary> = prepared
            .iter()
            .map(|p| p.reviewed.summary.clone())
            .collect();
        return Ok(view::print_summaries(
            out, ctx.format, ctx.lang, &summaries, many,
        )?);
    }
    // Oldest year first, so that a later summary's outcomes find the earlier problems.
    prepared.sort_by_key(|p| p.reviewed.summary.year);
    let mut store = ctx.open(Access::Write)?;
    let tx = store.transaction()?;
    let mut reports = Vec::new();
    for p in &prepared {
        let input = SummaryInput {
            bytes: &p.hashed,
            text: &p.text,
            summary: &p.reviewed.summary,
            given_unit: args.unit.as_deref(),
            replace: args.replace,
        };
        reports.push(record_summary(ctx, &tx, &input)?);
    }
    if !args.dry_run {
        tx.commit()?;
    }
    view::print_reports(out, ctx.format, ctx.lang, &reports)?;
    if args.dry_run {
        let note = Done::DryRunReview.render(ctx.lang);
        shapes::for_people(out, ctx.format, &note)?;
    }
    Ok(())
}

/// Why a summary could not be made ready: the review's fault, or reading its document.
enum Ready {
    Review(ReviewError),
    Other(Error),
}

/// Reads the document `review` names and checks the review against it.
fn prepare(
    review: &Review,
    entry: Option<usize>,
    review_path: &Path,
    args: &ImportArgs,
) -> std::result::Result<Prepared, Ready> {
    let document = locate(&review.file, review_path).ok_or_else(|| {
        let place = Place { entry, item: None };
        let file = review.file.clone();
        Ready::Review(ReviewError::new(place, Fault::NoDocument { file }))
    })?;
    let bytes = input::read(&document, SUMMARY_LIMIT).map_err(Ready::Other)?;
    let name = document.to_string_lossy();
    let text = import::read_document(&name, &bytes, args.encoding.as_deref()).map_err(|e| {
        let file = document.display().to_string();
        Ready::Other(Msg::unreadable_document(&file, &e).into())
    })?;
    let mut reviewed = reviewed::against(review, &text);
    reviewed.summary.file = document.display().to_string();
    let mut hashed = bytes;
    if !reviewed.as_parsed {
        hashed.extend_from_slice(REVIEW_SEPARATOR);
        hashed.extend(reviewed::content(&reviewed.summary));
    }
    Ok(Prepared {
        hashed,
        text,
        reviewed,
    })
}

/// The document a review's `file` names: as given (against the current directory), else beside
/// the review.
fn locate(file: &str, review_path: &Path) -> Option<PathBuf> {
    let given = PathBuf::from(file);
    if given.is_file() || given.is_absolute() {
        return given.is_file().then_some(given);
    }
    let beside = review_path.parent()?.join(&given);
    beside.is_file().then_some(beside)
}

/// The import's note on the items typed in the review rather than found in the document.
fn typed_note(typed: &[(Kind, usize)]) -> Vec<Msg> {
    if typed.is_empty() {
        return Vec::new();
    }
    let items = typed
        .iter()
        .map(|&(kind, i)| {
            let kind = match kind {
                Kind::Problem => ItemKind::Problem,
                Kind::Measure => ItemKind::Measure,
                Kind::Outcome => ItemKind::Outcome,
            };
            (kind, i)
        })
        .collect();
    vec![Msg::TypedInReview { items }]
}

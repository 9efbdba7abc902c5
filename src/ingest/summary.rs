//! Writing one parsed summary into the store, inside the caller's transaction.
//!
//! This file holds the steps in order and what they report; the unit is matched in `units`, the
//! items inserted in `items` (or matched against the old ones in `replace`), the links the
//! document states recorded in `links`, and reported outcomes recorded in `outcomes`.

use std::path::Path;

use sha2::{Digest, Sha256};

use super::items::insert_items;
use super::links::{link_answers, unlinked_measures};
use super::outcomes::record_outcomes;
use super::replace::replace_items;
use super::units::{match_unit, UnitSource};
use crate::cmd::Ctx;
use crate::error::{Error, Msg, Result};
use crate::import::Summary;
use crate::model::{check_year, ItemId};
use crate::store::{self, Conn, NewDocument};

/// What happened to one file.
#[derive(Debug)]
pub enum FileOutcome {
    Imported,
    Unchanged,
    Replaced,
    Failed(Error),
}

/// One file's line in the import summary.
#[derive(Debug)]
pub struct FileReport {
    pub file: String,
    pub unit: Option<String>,
    pub year: Option<i32>,
    pub outcome: FileOutcome,
    pub problems: Vec<ItemId>,
    pub measures: Vec<ItemId>,
    /// Progress entries recorded from the outcomes the summary reports.
    pub outcomes: usize,
    /// Links recorded where the document says which problems a measure answers.
    pub links: usize,
    /// Measures of the unit and year linked to no problem, after the import.
    pub unlinked_measures: usize,
    pub warnings: Vec<String>,
}

impl FileReport {
    pub fn failed(path: &Path, error: Error) -> FileReport {
        FileReport {
            file: path.display().to_string(),
            unit: None,
            year: None,
            outcome: FileOutcome::Failed(error),
            problems: vec![],
            measures: vec![],
            outcomes: 0,
            links: 0,
            unlinked_measures: 0,
            warnings: vec![],
        }
    }

    pub fn is_failure(&self) -> bool {
        matches!(self.outcome, FileOutcome::Failed(_))
    }
}

/// One summary to record, as read.
#[derive(Debug, Clone, Copy)]
pub struct SummaryInput<'a> {
    /// The file's bytes (hashed, so that importing it again changes nothing).
    pub bytes: &'a [u8],
    /// Its decoded text, kept as the document's body.
    pub text: &'a str,
    pub summary: &'a Summary,
    /// The unit given with `--unit`, which must name a known unit; else `summary.unit`, read from
    /// the title, is matched (and may create a unit).
    pub given_unit: Option<&'a str>,
    /// Replace the summary already imported for the same unit and year.
    pub replace: bool,
}

/// Records a summary: its document, items with their positions, the links it states between
/// them, and a progress entry for each reported outcome that matches an earlier problem of the
/// unit.
pub fn record_summary(ctx: &Ctx, conn: &Conn, input: &SummaryInput<'_>) -> Result<FileReport> {
    let SummaryInput {
        bytes,
        text,
        summary,
        given_unit,
        replace,
    } = *input;
    let file = summary.file.clone();
    let (name, source) = match given_unit {
        Some(name) => (Some(name), UnitSource::Given),
        None => (summary.unit.as_deref(), UnitSource::SummaryTitle),
    };
    let name = name.ok_or_else(|| Msg::NoUnitInSummary { file: file.clone() })?;
    let year = summary
        .year
        .ok_or_else(|| Msg::NoYearInSummary { file: file.clone() })?;
    check_year(year)?;
    let mut warnings: Vec<String> = summary
        .warnings
        .iter()
        .map(|w| w.render(ctx.lang))
        .collect();
    let unit = match_unit(ctx, conn, name, source, &mut warnings)?;
    let sha256 = Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect::<String>();
    // Text read from standard input (`import -`) has no file name.
    let file_name = Some(Path::new(&file))
        .filter(|p| !crate::exchange::input::is_stdin(p))
        .and_then(Path::file_name)
        .map(|n| n.to_string_lossy().into_owned());
    let new_document = NewDocument {
        unit_id: unit.id,
        year,
        file_name: file_name.as_deref(),
        sha256: &sha256,
        body: text,
        imported_at: ctx.clock.timestamp(),
    };
    let mut report = FileReport {
        file: file.clone(),
        unit: Some(unit.name.clone()),
        year: Some(year),
        outcome: FileOutcome::Imported,
        problems: vec![],
        measures: vec![],
        outcomes: 0,
        links: 0,
        unlinked_measures: 0,
        warnings: vec![],
    };
    let existing = store::find_document(conn, unit.id, year)?;
    let document = match existing {
        Some(document) if document.sha256 == sha256 => {
            report.outcome = FileOutcome::Unchanged;
            report.unlinked_measures = unlinked_measures(conn, unit.id, year)?;
            report
                .warnings
                .push(Msg::AlreadyImportedUnchanged.render(ctx.lang));
            return Ok(report);
        }
        Some(document) if !replace => {
            return Err(Msg::AlreadyImported {
                file,
                year,
                unit: unit.name.clone(),
                from: document.file_name.clone(),
            }
            .into())
        }
        Some(document) => {
            store::update_document(conn, document.id, &new_document)?;
            report.outcome = FileOutcome::Replaced;
            document
        }
        None => store::insert_document(conn, &new_document)?,
    };
    if matches!(report.outcome, FileOutcome::Replaced) {
        replace_items(
            ctx,
            conn,
            &unit,
            year,
            &document,
            summary,
            &mut report,
            &mut warnings,
        )?;
    } else {
        insert_items(ctx, conn, &unit, year, &document, summary, &mut report)?;
    }
    report.links = link_answers(ctx, conn, summary, &report, &mut warnings)?;
    report.outcomes = record_outcomes(ctx, conn, &unit, year, &document, summary, &mut warnings)?;
    report.unlinked_measures = unlinked_measures(conn, unit.id, year)?;
    report.warnings.extend(warnings);
    Ok(report)
}

//! `taizhang progress ITEM`: log a dated progress entry (整改进展) with evidence.

use std::io::Write;
use std::path::Path;

use chrono::{Datelike, NaiveDate};
use clap::Args;
use serde_json::json;
use sha2::{Digest, Sha256};

use super::{load_item, optional_text, Ctx};
use crate::error::messages::IoReason;
use crate::error::{Done, Error, Msg, Refusal, Result};
use crate::model::{parse_date, Evidence, Status};
use crate::render::outcome::Outcome;
use crate::render::Lang;
use crate::store::{self, Access, NewProgress};

/// Log progress on one or more problems or measures.
///
/// Several items given at once (M1 M2 M3) all get the same entry, in one step that one
/// 'taizhang undo' reverts; if any of them does not exist, nothing is recorded.
///
/// Statuses: planned (未启动), in_progress (正在整改), done (已完成), long_term (长期坚持),
/// not_done (未完成), dropped (已撤销, needs --note with the reason); the code, the Chinese label
/// or any of the words listed below works (完成, 整改到位, 销号 …). Entries are never changed afterwards: log a new one to correct the record.
/// An --evidence that names an existing file is recorded with its size and SHA-256, so the
/// record shows later whether the file was changed; anything else is kept as a reference
/// (a document number, a link).
#[derive(Debug, Args)]
#[command(after_help = "\
taizhang progress M3 --status 已完成 --date 2025-06-30 --note \"修订完成并印发\" --evidence 印发通知.pdf
taizhang progress M1 M2 M4 --status 整改到位 --date 2025年6月30日")]
pub struct ProgressArgs {
    /// The items (P3, M5); several get the same entry
    #[arg(required = true, value_name = "ITEM")]
    pub items: Vec<String>,
    /// The status the item has reached
    #[arg(long, value_name = "S")]
    pub status: String,
    /// When: 2025-06-30, 2025/6/30, 2025.6.30 or 2025年6月30日 [default: the as-of date]
    #[arg(long, value_name = "D")]
    pub date: Option<String>,
    /// What was done, or why it was dropped
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,
    /// A file or reference proving it (佐证材料); repeat for several
    #[arg(long, value_name = "PATH-or-REF")]
    pub evidence: Vec<String>,
}

pub fn run(ctx: &Ctx, args: ProgressArgs, out: &mut dyn Write) -> Result<()> {
    let status: Status = args.status.parse()?;
    let note = optional_text(args.note.as_deref());
    if status == Status::Dropped && note.is_none() {
        return Err(Error::DroppedNeedsReason);
    }
    let today = ctx.clock.today();
    let date = args
        .date
        .as_deref()
        .map(parse_date)
        .transpose()?
        .unwrap_or(today);
    if date > today {
        return Err(Msg::ProgressInFuture {
            date: date.to_string(),
            today: today.to_string(),
        }
        .into());
    }
    let evidence = args
        .evidence
        .iter()
        .map(|r| evidence(r, ctx.quiet, ctx.lang))
        .collect::<Result<Vec<_>>>()?;
    let mut store = ctx.open(Access::Write)?;
    let tx = store.transaction()?;
    let mut done = Vec::new();
    let mut seen = Vec::new();
    for text in &args.items {
        let (id, item) = load_item(&tx, text)?;
        if seen.contains(&id) {
            continue;
        }
        seen.push(id);
        let year_start = NaiveDate::from_ymd_opt(item.year(), 1, 1).expect("January 1st exists");
        if date < year_start {
            return Err(Msg::ProgressBeforeYear {
                date: date.to_string(),
                id: id.to_string(),
                year: year_start.year(),
            }
            .into());
        }
        let entry = store::insert_progress(
            &tx,
            &NewProgress {
                item: id,
                status,
                date,
                note: note.as_deref(),
                evidence: &evidence,
                created_at: ctx.clock.timestamp(),
                source: None,
            },
        )?;
        let detail = json!({"status": status, "date": date, "note": note, "evidence": evidence});
        ctx.record(
            &tx,
            &id.to_string(),
            item.uuid(),
            crate::model::Action::Progress,
            detail,
        )?;
        let message = Done::ProgressLogged {
            id: id.to_string(),
            status,
            date: date.to_string(),
        }
        .render(ctx.lang);
        done.push(Outcome {
            id: id.to_string(),
            uuid: entry.uuid,
            action: "progress",
            message,
        });
    }
    tx.commit()?;
    ctx.confirm(out, &done)?;
    Ok(())
}

/// An evidence reference: a file is hashed, anything else is kept as written.
fn evidence(reference: &str, quiet: bool, lang: Lang) -> Result<Evidence> {
    let reference = reference.trim();
    if reference.is_empty() {
        return Err(Error::EmptyText("evidence reference"));
    }
    let path = Path::new(reference);
    if path.is_dir() {
        return Err(Msg::EvidenceIsFolder {
            reference: reference.to_string(),
        }
        .into());
    }
    if !path.is_file() {
        if looks_like_a_path(reference) && !quiet {
            let message = Msg::EvidenceNotAFile {
                reference: reference.to_string(),
            }
            .render(lang);
            eprintln!("{}", Msg::NoteLine { message }.render(lang));
        }
        return Ok(Evidence {
            reference: reference.to_string(),
            size_bytes: None,
            sha256: None,
        });
    }
    let unreadable = |e: std::io::Error| Refusal::EvidenceUnreadable {
        reference: reference.to_string(),
        reason: IoReason::from(&e),
    };
    let mut file = std::fs::File::open(path).map_err(unreadable)?;
    let mut hasher = Sha256::new();
    let size = std::io::copy(&mut file, &mut hasher).map_err(unreadable)?;
    let hash = hasher
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    Ok(Evidence {
        reference: reference.to_string(),
        size_bytes: Some(size),
        sha256: Some(hash),
    })
}

fn looks_like_a_path(reference: &str) -> bool {
    let has_extension = Path::new(reference)
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| {
            (1..=5).contains(&e.len()) && e.chars().all(|c| c.is_ascii_alphanumeric())
        });
    reference.contains('/') || reference.contains('\\') || has_extension
}

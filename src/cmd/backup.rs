//! `taizhang backup [FILE]` and `taizhang restore FILE`: a whole copy of the store, and putting
//! one back.

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::Args;
use serde::Serialize;

use super::Ctx;
use crate::error::{Done, Result};
use crate::render::Lang;
use crate::store::{self, StoreCounts};

/// Write a copy of the whole store to FILE, consistent even while others write to it.
///
/// Without FILE the copy goes beside the store as <store name>-backup-<YYYYMMDD-HHMMSS>.db.
/// It never writes over the store, nor through a symbolic link, nor over an existing file
/// unless --force. Put a copy back with 'taizhang restore FILE'.
#[derive(Debug, Args)]
#[command(after_help = "\
taizhang backup
taizhang backup 台账备份/2025年底.db")]
pub struct BackupArgs {
    /// Where to write the copy [default: beside the store, named with the time]
    #[arg(value_name = "FILE")]
    pub file: Option<PathBuf>,
    /// Replace FILE if it exists
    #[arg(long)]
    pub force: bool,
}

/// Put a backup (from 'taizhang backup') in place of the store.
///
/// FILE is checked first: it must be a taizhang store, not from a newer taizhang, and pass
/// SQLite's integrity check; otherwise nothing changes. The current store is kept beside itself
/// as <store name>-backup-<YYYYMMDD-HHMMSS>.db before it is replaced, and a backup from an older
/// taizhang is upgraded. A current store that cannot be read at all (damaged) is replaced only
/// with --force, after a copy of its bytes is kept the same way.
#[derive(Debug, Args)]
#[command(after_help = "\
taizhang restore 台账-backup-20251231-180000.db")]
pub struct RestoreArgs {
    /// The backup to restore
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// Replace a current store that cannot be read (a copy of its bytes is kept)
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Serialize)]
struct BackupReport {
    file: String,
    #[serde(flatten)]
    counts: StoreCounts,
}

#[derive(Debug, Serialize)]
struct RestoreReport {
    restored: String,
    kept: Option<String>,
    upgraded_from: Option<i64>,
    #[serde(flatten)]
    counts: StoreCounts,
}

pub fn run_backup(ctx: &Ctx, args: BackupArgs, out: &mut dyn Write) -> Result<()> {
    let path = ctx.store_path()?;
    let target = args
        .file
        .unwrap_or_else(|| crate::files::backup_name(&path, &ctx.clock.stamp()));
    let counts = store::backup(&path, &target, args.force)?;
    let report = BackupReport {
        file: target.display().to_string(),
        counts,
    };
    if ctx.format.is_json() {
        return print_json(out, &report);
    }
    let StoreCounts {
        units,
        problems,
        measures,
        ..
    } = counts;
    let file = report.file.clone();
    let done = Done::BackedUp {
        file,
        units,
        problems,
        measures,
    };
    writeln!(out, "{}", done.render(ctx.lang))?;
    Ok(())
}

pub fn run_restore(ctx: &Ctx, args: RestoreArgs, out: &mut dyn Write) -> Result<()> {
    let path = ctx.store_path()?;
    let restored = store::restore(&path, &args.file, &ctx.clock.stamp(), args.force)?;
    let report = RestoreReport {
        restored: args.file.display().to_string(),
        kept: restored.kept.as_deref().map(|p| p.display().to_string()),
        upgraded_from: restored.upgraded_from,
        counts: restored.counts,
    };
    if ctx.format.is_json() {
        return print_json(out, &report);
    }
    let StoreCounts {
        units,
        problems,
        measures,
        ..
    } = restored.counts;
    let done = Done::Restored {
        file: report.restored.clone(),
        store: path.display().to_string(),
        units,
        problems,
        measures,
    };
    writeln!(out, "{}", done.render(ctx.lang))?;
    if let Some(from) = restored.upgraded_from {
        let done = Done::RestoredAndUpgraded {
            from,
            to: store::SCHEMA_VERSION,
        };
        writeln!(out, "{}", done.render(ctx.lang))?;
    }
    if let Some(kept) = &restored.kept {
        say_kept(ctx.lang, kept, out)?;
    }
    Ok(())
}

fn say_kept(lang: Lang, kept: &Path, out: &mut dyn Write) -> Result<()> {
    let kept = kept.display().to_string();
    writeln!(out, "{}", Done::KeptBeforeRestore { kept }.render(lang))?;
    Ok(())
}

fn print_json(out: &mut dyn Write, value: &impl Serialize) -> Result<()> {
    writeln!(
        out,
        "{}",
        serde_json::to_string_pretty(value).map_err(anyhow::Error::from)?
    )?;
    Ok(())
}

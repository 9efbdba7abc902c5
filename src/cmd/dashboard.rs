//! `taizhang dashboard -o FILE.html`: the ledger's figures as one page to look at in a browser.
//!
//! Every figure is loaded and computed the way the command that prints it does: `stats` for the
//! rates and counts, `status` for the overdue and due-soon lists, `recur` for the recurrences.

use std::collections::HashSet;
use std::io::Write;
use std::path::{Path, PathBuf};

use clap::Args;

use super::{resolve_unit_arg, Ctx};
use crate::analysis::dashboard::{compute_dashboard, Inputs, RecurSide, Recurrence, Scope};
use crate::analysis::figures::Marks;
use crate::analysis::recurrence::{find_pairs, DEFAULT_THRESHOLD};
use crate::error::{Done, Msg, Result};
use crate::files::{self, Written};
use crate::model::{check_year, Unit};
use crate::render::dashboard::to_html;
use crate::render::ledger::DUE_SOON_DAYS;
use crate::store::{self, Access, Conn, LedgerFilter};

/// Write the ledger's figures as one web page (HTML) to open in a browser.
///
/// The page shows the completion rate (整改完成率) by year and by unit as bar charts, the counts
/// of problems and measures by status, the overdue items with their owners and days overdue, the
/// items due within 30 days, and the problems that recur (年年改年年犯). Every figure is the one
/// 'taizhang stats', 'taizhang status --overdue', 'taizhang status --due-within 30d' and
/// 'taizhang recur' print for the same unit and year, as of --as-of.
///
/// The file is self-contained: styles and charts are inside it, nothing is fetched from the
/// network and it holds no script, so it can be mailed or copied and opened anywhere, on a wide
/// screen or a phone. An existing file is kept unless --force; -o - writes the page to standard
/// output. The store, links and devices are never written.
#[derive(Debug, Args)]
#[command(after_help = "\
taizhang dashboard -o 台账.html
taizhang dashboard --unit 临江市财政局 --year 2024 -o 财政局2024.html
taizhang dashboard -o 台账.html --as-of 2025-12-31 --force")]
pub struct DashboardArgs {
    /// Only this unit (by name or alias)
    #[arg(long)]
    pub unit: Option<String>,
    /// Only items of this summary year
    #[arg(long, value_name = "N")]
    pub year: Option<i32>,
    /// The page to write, FILE.html (- is stdout)
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: PathBuf,
    /// Replace the file if it exists
    #[arg(long)]
    pub force: bool,
}

pub fn run(ctx: &Ctx, args: DashboardArgs, out: &mut dyn Write) -> Result<()> {
    let year = args.year.map(check_year).transpose()?;
    let path = args.output.as_path();
    let store_path = ctx.store_path()?;
    if !files::is_stdout(path) {
        check_html(path)?;
        files::check_target(path, args.force, Some(&store_path))?;
    }
    let store = ctx.open(Access::Read)?;
    let conn = store.conn();
    let unit = resolve_unit_arg(conn, args.unit.as_deref())?;
    let as_of = ctx.clock.today();
    let unit_id = unit.as_ref().map(|u| u.id);
    // As 'stats' loads it (every year, limited afterwards) and as 'status' does (the year only).
    let figures = store::load_ledger(
        conn,
        LedgerFilter {
            unit_id,
            year: None,
        },
        as_of,
    )?;
    let lists = match year {
        None => None,
        Some(year) => Some(store::load_ledger(
            conn,
            LedgerFilter {
                unit_id,
                year: Some(year),
            },
            as_of,
        )?),
    };
    let recurring: HashSet<_> = store::confirmed_recurrences(conn)?.into_keys().collect();
    let carried: HashSet<_> = store::carried_from(conn)?.into_values().collect();
    let inputs = Inputs {
        figures: &figures,
        lists: lists.as_ref().unwrap_or(&figures),
        marks: Marks {
            recurring: &recurring,
            carried: &carried,
        },
        due_within: DUE_SOON_DAYS,
        recurrences: recurrences(ctx, conn, unit.as_ref(), year)?,
    };
    let scope = Scope {
        unit: unit.map(|u| u.name),
        year,
    };
    let dashboard = compute_dashboard(scope, as_of, inputs);
    let html = to_html(&dashboard, DUE_SOON_DAYS)?;
    let written = files::write(path, html.as_bytes(), args.force, Some(&store_path), out)?;
    if let Written::File(path) = written {
        if !ctx.quiet {
            let message = Done::Wrote {
                path: path.display().to_string(),
            };
            writeln!(out, "{}", message.render(ctx.lang))?;
        }
    }
    Ok(())
}

/// The pairs 'taizhang recur --unit U --year N' lists (its default threshold, the whole store's
/// problems for the weights), as the dashboard shows them. The one place the dashboard asks the
/// recurrence analysis anything.
fn recurrences(
    ctx: &Ctx,
    conn: &Conn,
    unit: Option<&Unit>,
    year: Option<i32>,
) -> Result<Vec<Recurrence>> {
    let problems = store::list_problems(conn, None)?;
    let pairs = find_pairs(
        &problems,
        &super::recur::known(ctx, conn)?,
        DEFAULT_THRESHOLD,
    );
    let side = |s: &crate::analysis::recurrence::Side| RecurSide {
        id: s.id,
        year: s.year,
        text: s.text.clone(),
    };
    Ok(pairs
        .iter()
        .filter(|p| year.is_none_or(|y| p.later.year == y))
        .filter(|p| unit.is_none_or(|u| p.unit == u.name))
        .map(|p| Recurrence {
            unit: p.unit.clone(),
            earlier: side(&p.earlier),
            later: side(&p.later),
            score: p.score(),
        })
        .collect())
}

/// The page is HTML: a name ending otherwise is most likely a slip (`-o 台账.xlsx`).
fn check_html(path: &Path) -> Result<()> {
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    match extension.as_deref() {
        Some("html" | "htm") => Ok(()),
        _ => Err(Msg::DashboardNotHtml {
            path: path.display().to_string(),
        }
        .into()),
    }
}

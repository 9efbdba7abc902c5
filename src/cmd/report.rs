//! `taizhang report --unit U --year N`: write the rectification section of the year-N summary.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::Context;
use clap::Args;

use super::{resolve_unit, Ctx};
use crate::analysis::report::{compute_report, ReportOptions};
use crate::error::{Done, Error, Msg, Result};
use crate::files;
use crate::model::check_year;
use crate::render::report::{self, Style, DEFAULT_TEMPLATE};
use crate::render::Format;
use crate::store::{self, Access, LedgerFilter};

/// Write the rectification section of a year's summary from the ledger.
///
/// Three parts: 一、上年问题整改落实情况 (counts that add up, then each of last year's problems —
/// and earlier ones still open — with what was done and where it stands), 二、存在问题 (this year's
/// problems) and 三、下一步打算 (this year's measures, carried-over ones marked). Counts and statuses
/// are as of --as-of. The wording comes from a template: print the default with --print-template,
/// change it, and pass it back with --template FILE.
///
/// Without -o the section goes to stdout as text (--format md: Markdown, --format json: the
/// computed values). -o writes FILE.txt (paste-ready), FILE.md or FILE.docx (公文 layout); an
/// existing file is kept unless --force, and the store, links and devices are never written.
#[derive(Debug, Args)]
#[command(after_help = "\
taizhang report --unit 临江市财政局 --year 2025
taizhang report --unit 临江市财政局 --year 2025 --style paren -o 整改情况.docx
taizhang report --print-template > 我的模板.j2")]
pub struct ReportArgs {
    /// The unit, by name or alias
    #[arg(long, required_unless_present = "print_template")]
    pub unit: Option<String>,
    /// The year of the summary being written
    #[arg(long, value_name = "N", required_unless_present = "print_template")]
    pub year: Option<i32>,
    /// How items are enumerated
    #[arg(long, value_enum, default_value_t)]
    pub style: Style,
    /// Count 长期坚持 measures as complete (by default they are listed separately and left out of
    /// the completion rate)
    #[arg(long)]
    pub long_term_as_done: bool,
    /// Your own template (minijinja) instead of the default
    #[arg(long, value_name = "FILE")]
    pub template: Option<PathBuf>,
    /// Print the default template and exit
    #[arg(long, conflicts_with_all = ["unit", "year", "template", "output"])]
    pub print_template: bool,
    /// Write to FILE.txt, FILE.md or FILE.docx instead of stdout (- is stdout)
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Replace the -o file if it exists
    #[arg(long, requires = "output")]
    pub force: bool,
}

/// What -o writes, by the file's extension.
enum Output {
    Text,
    Markdown,
    Word,
}

fn output_kind(path: &Path) -> Result<Output> {
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    match extension.as_deref() {
        Some("txt") => Ok(Output::Text),
        Some("md") => Ok(Output::Markdown),
        Some("docx") => Ok(Output::Word),
        _ => Err(Msg::ReportUnknownKind {
            path: path.display().to_string(),
        }
        .into()),
    }
}

pub fn run(ctx: &Ctx, args: ReportArgs, out: &mut dyn Write) -> Result<()> {
    if args.print_template {
        out.write_all(DEFAULT_TEMPLATE.as_bytes())?;
        return Ok(());
    }
    let (Some(unit_name), Some(year)) = (&args.unit, args.year) else {
        return Err(Msg::ReportNeedsScope.into());
    };
    let year = check_year(year)?;
    let output = args.output.as_deref().filter(|p| !files::is_stdout(p));
    let store_path = ctx.store_path()?;
    if let Some(path) = output {
        files::check_target(path, args.force, Some(&store_path))?;
    }
    let kind = output.map(output_kind).transpose()?;
    let template = match &args.template {
        Some(path) => Some(std::fs::read_to_string(path).map_err(|e| {
            Error::from(Msg::TemplateUnreadable {
                path: path.display().to_string(),
                reason: (&e).into(),
            })
        })?),
        None => None,
    };
    let store = ctx.open(Access::Read)?;
    let conn = store.conn();
    let unit = resolve_unit(conn, unit_name)?;
    let as_of = ctx.clock.today();
    let data = store::load_ledger(
        conn,
        LedgerFilter {
            unit_id: Some(unit.id),
            year: None,
        },
        as_of,
    )?;
    let continuity = super::continuity(conn)?;
    let options = ReportOptions {
        long_term_counts_as_done: args.long_term_as_done,
    };
    let value = compute_report(&data, &continuity, &unit.name, year, as_of, options);
    if ctx.format == Format::Json && output.is_none() {
        serde_json::to_writer_pretty(&mut *out, &value).context("write the report as JSON")?;
        writeln!(out)?;
        return Ok(());
    }
    let text = report::render(&value, args.style, template.as_deref())?;
    match (output, kind) {
        (Some(path), Some(kind)) => {
            let bytes = match kind {
                Output::Text => text.into_bytes(),
                Output::Markdown => report::to_markdown(&text).into_bytes(),
                Output::Word => report::to_word(&text)?,
            };
            files::write(path, &bytes, args.force, Some(&store_path), out)?;
            let message = Done::Wrote {
                path: path.display().to_string(),
            }
            .render(ctx.lang);
            writeln!(out, "{message}")?;
        }
        _ if ctx.format == Format::Md => out.write_all(report::to_markdown(&text).as_bytes())?,
        _ => out.write_all(text.as_bytes())?,
    }
    Ok(())
}

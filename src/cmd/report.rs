//! `taizhang report --unit U --year N`: write the rectification section of the year-N summary.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::Context;
use chrono::NaiveDate;
use clap::Args;

use super::{resolve_unit, Ctx};
use crate::analysis::report::{compute_report, ReportOptions};
use crate::error::{Done, Error, Msg, Refusal, Result};
use crate::files;
use crate::model::check_year;
use crate::render::docx::{DocMeta, WordTemplate, WordTemplateFault};
use crate::render::report::{self, Style, DEFAULT_TEMPLATE};
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
/// --template-docx takes the paper, margins, grid and paragraph styles from a unit's own .docx:
/// its styles named 标题, 一级标题 (or 标题 1), 二级标题 (or 标题 2), 正文 and 表格文字 set those
/// lines, the 公文 defaults set the rest; its headers and footers are not taken.
///
/// With --all-units (instead of --unit) it writes the supervising office's roll-up: totals over
/// the units, each unit's completion rate with the highest and lowest named, a per-unit table,
/// the problems several units share, recurrences and overdue items; --units chooses the units.
/// --print-template with --all-units prints the roll-up's default template.
#[derive(Debug, Args)]
#[command(after_help = "\
taizhang report --unit 临江市财政局 --year 2025
taizhang report --unit 临江市财政局 --year 2025 --style paren -o 整改情况.docx
taizhang report --unit 临江市财政局 --year 2025 -o 整改情况.docx --template-docx 本单位模板.docx
taizhang report --unit 临江市财政局 --year 2025 --sources
taizhang report --print-template > 我的模板.j2
taizhang report --all-units --year 2025
taizhang report --all-units --units 临江市财政局 东山县财政局 --year 2025 -o 汇总.docx")]
pub struct ReportArgs {
    /// The unit, by name or alias
    #[arg(
        long,
        required_unless_present_any = ["print_template", "all_units"],
        conflicts_with = "all_units"
    )]
    pub unit: Option<String>,
    /// The year of the summary being written
    #[arg(long, value_name = "N", required_unless_present = "print_template")]
    pub year: Option<i32>,
    /// Roll up the units for the office above them (every unit, or those of --units)
    #[arg(long)]
    pub all_units: bool,
    /// With --all-units: only these units (names or aliases)
    #[arg(long, value_name = "U", num_args = 1.., requires = "all_units")]
    pub units: Vec<String>,
    /// How items are enumerated
    #[arg(long, value_enum, default_value_t)]
    pub style: Style,
    /// Count 长期坚持 measures as complete (by default they are listed separately and left out of
    /// the completion rate)
    #[arg(long)]
    pub long_term_as_done: bool,
    /// Leave out each plan measure's owner and deadline in the plan part
    #[arg(long, conflicts_with = "all_units")]
    pub no_duties: bool,
    /// After the section, list which record each sentence came from (to check it)
    #[arg(long, conflicts_with_all = ["all_units", "print_template"])]
    pub sources: bool,
    /// Your own template (minijinja) instead of the default
    #[arg(long, value_name = "FILE")]
    pub template: Option<PathBuf>,
    /// Print the default template and exit
    #[arg(long, conflicts_with_all = ["unit", "year", "template", "output"])]
    pub print_template: bool,
    /// Write to FILE.txt, FILE.md or FILE.docx instead of stdout (- is stdout)
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Take page setup and paragraph styles from your unit's own Word template (with -o FILE.docx)
    #[arg(long, value_name = "FILE", requires = "output")]
    pub template_docx: Option<PathBuf>,
    /// Replace the -o file if it exists
    #[arg(long, requires = "output")]
    pub force: bool,
}

/// What -o writes, by the file's extension.
#[derive(Clone, Copy)]
pub(super) enum Output {
    Text,
    Markdown,
    Word,
}

pub(super) fn output_kind(path: &Path) -> Result<Output> {
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
        let template = if args.all_units {
            super::rollup::DEFAULT_TEMPLATE
        } else {
            DEFAULT_TEMPLATE
        };
        out.write_all(template.as_bytes())?;
        return Ok(());
    }
    if args.all_units {
        return super::rollup::run(ctx, &args, out);
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
    let template = read_template(&args)?;
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
    if ctx.format.is_json() && output.is_none() {
        serde_json::to_writer_pretty(&mut *out, &value).context("write the report as JSON")?;
        writeln!(out)?;
        return Ok(());
    }
    let wording = report::Wording {
        style: args.style,
        duties: !args.no_duties,
    };
    let text = report::render_worded(&value, wording, template.as_deref())?;
    let forms = Forms {
        text: |text| text.to_string(),
        markdown: report::to_markdown,
        word: report::to_word,
    };
    deliver(ctx, &args, (output, kind), &text, forms, as_of, out)?;
    if args.sources {
        writeln!(out)?;
        let sources = crate::render::report_sources::sources(&value, &text, ctx.lang);
        out.write_all(sources.as_bytes())?;
    }
    Ok(())
}

/// The user's template named by --template, if any.
pub(super) fn read_template(args: &ReportArgs) -> Result<Option<String>> {
    let Some(path) = &args.template else {
        return Ok(None);
    };
    std::fs::read_to_string(path).map(Some).map_err(|e| {
        Error::from(Msg::TemplateUnreadable {
            path: path.display().to_string(),
            reason: (&e).into(),
        })
    })
}

/// The unit's Word template named by --template-docx, read and checked.
fn read_word_template(path: &Path) -> Result<WordTemplate> {
    let shown = || path.display().to_string();
    let bytes = std::fs::read(path).map_err(|e| Refusal::WordTemplateUnreadable {
        path: shown(),
        reason: (&e).into(),
    })?;
    WordTemplate::from_bytes(&bytes).map_err(|fault| {
        match fault {
            WordTemplateFault::NotDocx => Refusal::WordTemplateNotDocx { path: shown() },
            WordTemplateFault::NoStyles => Refusal::WordTemplateNoStyles { path: shown() },
        }
        .into()
    })
}

/// How a rendered section becomes text, Markdown and a Word document.
pub(super) struct Forms {
    pub(super) text: fn(&str) -> String,
    pub(super) markdown: fn(&str) -> String,
    pub(super) word: fn(&str, &DocMeta) -> Result<Vec<u8>>,
}

/// Writes the rendered section to the -o file (saying so) or to stdout.
pub(super) fn deliver(
    ctx: &Ctx,
    args: &ReportArgs,
    (output, kind): (Option<&Path>, Option<Output>),
    text: &str,
    forms: Forms,
    as_of: NaiveDate,
    out: &mut dyn Write,
) -> Result<()> {
    let word_template = match (&args.template_docx, output, kind) {
        (Some(file), _, Some(Output::Word)) => Some(read_word_template(file)?),
        (Some(_), Some(path), _) => {
            return Err(Refusal::WordTemplateNeedsDocx {
                path: path.display().to_string(),
            }
            .into())
        }
        _ => None,
    };
    match (output, kind) {
        (Some(path), Some(kind)) => {
            let bytes = match kind {
                Output::Text => (forms.text)(text).into_bytes(),
                Output::Markdown => (forms.markdown)(text).into_bytes(),
                Output::Word => {
                    // The document's author is whoever runs the command; its date the as-of.
                    let meta = DocMeta {
                        author: ctx.actor.clone(),
                        created: as_of,
                        template: word_template,
                    };
                    (forms.word)(text, &meta)?
                }
            };
            let store_path = ctx.store_path()?;
            files::write(path, &bytes, args.force, Some(&store_path), out)?;
            let message = Done::Wrote {
                path: path.display().to_string(),
            }
            .render(ctx.lang);
            writeln!(out, "{message}")?;
        }
        _ if ctx.format.is_markdown() => out.write_all((forms.markdown)(text).as_bytes())?,
        _ => out.write_all((forms.text)(text).as_bytes())?,
    }
    Ok(())
}

//! The command line: global options, the subcommands, and one match that dispatches them.
//!
//! Doc comments here and in `cmd` are the English `--help`; `cli/help_zh.rs` holds the Chinese,
//! keyed by command path and argument id, and [`command`] lays it over them (Chinese is the
//! default). Each command's examples are its `after_help`, one command line a line: they are
//! printed verbatim under 示例/Examples, never wrapped. Values that need a careful error message
//! (dates, ids, statuses) arrive as strings and are checked by the commands, so every mistake gets
//! one sentence that says what to do.
//!
//! A new argument needs a line in `help_zh::ARGS` (a test names any that lack one).

use std::io::Write;
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

mod errors;
mod help;
mod help_zh;
mod wrap;

pub use errors::render_error;
pub use help::{command, examples, walk, EXAMPLES_HEADING};
pub use wrap::{terminal_width, wrap_help};

use crate::cmd::{self, Ctx};
use crate::error::Result;
use crate::render::paint::ColorChoice;
use crate::render::{Format, Lang};

/// Keep an organisation's rectification ledger (整改台账) from one year to the next.
///
/// Record the problems (问题) and measures (整改措施) of a year's summary, log dated progress with
/// evidence, and see where everything stands, overdue items included.
#[derive(Debug, Parser)]
#[command(name = "taizhang", version, max_term_width = 100)]
#[command(after_help = "\
taizhang init
taizhang unit add 临江市财政局 --alias 市财政局
taizhang problem add --unit 临江市财政局 --year 2024 \"理论学习与业务工作结合不够紧密\"
taizhang measure add --unit 临江市财政局 --year 2024 --for P1 --owner-dept 办公室 \"每季度开展一次专题研讨\"
taizhang progress M1 --status done --date 2025-06-30 --note \"已开展两次研讨\"
taizhang status --overdue --as-of 2026-01-15")]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Args)]
pub struct GlobalArgs {
    /// The store file [default: taizhang.db in the platform data directory]
    #[arg(long, global = true, env = "TAIZHANG_DB", value_name = "PATH")]
    pub db: Option<PathBuf>,

    /// Output format of commands that print data
    #[arg(
        long,
        global = true,
        value_enum,
        default_value_t,
        value_name = "FORMAT"
    )]
    pub format: Format,

    /// The date to compute deadlines and statuses at: 2025-06-30, 2025/6/30, 2025.6.30 or 2025年6月30日 [default: today]
    #[arg(long, global = true, env = "TAIZHANG_AS_OF", value_name = "DATE")]
    pub as_of: Option<String>,

    /// Language of tables and messages
    #[arg(
        long,
        global = true,
        env = "TAIZHANG_LANG",
        value_enum,
        default_value_t,
        value_name = "LANG"
    )]
    pub lang: Lang,

    /// When to colour tables (overdue red, due within 30 days yellow, done green): auto colours a
    /// terminal unless NO_COLOR is set; JSON, CSV and Markdown are never coloured
    #[arg(long, global = true, value_enum, default_value_t, value_name = "WHEN")]
    pub color: ColorChoice,

    /// Print no notices or confirmations (errors and the data asked for are still printed)
    #[arg(long, short = 'q', global = true)]
    pub quiet: bool,

    /// Whether --db was given on the command line (not through TAIZHANG_DB).
    #[arg(skip)]
    pub db_on_command_line: bool,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    Init(cmd::init::InitArgs),
    #[command(subcommand)]
    #[command(after_help = "\
taizhang unit add 临江市财政局 --alias 市财政局
taizhang unit list")]
    Unit(cmd::unit::UnitCommand),
    #[command(subcommand)]
    #[command(after_help = "\
taizhang problem add --unit 临江市财政局 --year 2024 \"理论学习与业务工作结合不够紧密\"")]
    Problem(cmd::problem::ProblemCommand),
    #[command(subcommand)]
    #[command(after_help = "\
taizhang measure add --unit 临江市财政局 --year 2024 --for P1 \"每季度开展一次专题研讨\"")]
    Measure(cmd::measure::MeasureCommand),
    Link(cmd::link::LinkArgs),
    Unlink(cmd::link::UnlinkArgs),
    Edit(cmd::edit::EditArgs),
    Progress(cmd::progress::ProgressArgs),
    Import(cmd::import::ImportArgs),
    Report(cmd::report::ReportArgs),
    Carry(cmd::carry::CarryArgs),
    Export(cmd::export::ExportArgs),
    Merge(cmd::merge::MergeArgs),
    Recur(cmd::recur::RecurArgs),
    Stats(cmd::stats::StatsArgs),
    Common(cmd::common::CommonArgs),
    Dashboard(cmd::dashboard::DashboardArgs),
    Demo(cmd::demo::DemoArgs),
    Status(cmd::status::StatusArgs),
    Show(cmd::show::ShowArgs),
    History(cmd::history::HistoryArgs),
    Delete(cmd::delete::DeleteArgs),
    Undo(cmd::undo::UndoArgs),
    Backup(cmd::backup::BackupArgs),
    Restore(cmd::backup::RestoreArgs),
    Completions(cmd::completions::CompletionsArgs),
    Man(cmd::completions::ManArgs),
}

/// Runs a parsed command line, writing its output to `out`.
pub fn dispatch(cli: Cli, out: &mut dyn Write) -> Result<()> {
    let ctx = Ctx::new(&cli.global)?;
    let store = ctx.store_path().ok();
    let result = run_command(ctx, cli.command, out);
    // SQLite may find damage late, deep inside a command: say so in one sentence.
    match store {
        Some(store) => result.map_err(|e| crate::store::recognise_damage(e, &store)),
        None => result,
    }
}

fn run_command(ctx: Ctx, command: Command, out: &mut dyn Write) -> Result<()> {
    match command {
        Command::Init(args) => cmd::init::run(&ctx, args, out),
        Command::Unit(command) => cmd::unit::run(&ctx, command, out),
        Command::Problem(command) => cmd::problem::run(&ctx, command, out),
        Command::Measure(command) => cmd::measure::run(&ctx, command, out),
        Command::Link(args) => cmd::link::run_link(&ctx, args, out),
        Command::Unlink(args) => cmd::link::run_unlink(&ctx, args, out),
        Command::Edit(args) => cmd::edit::run(&ctx, args, out),
        Command::Progress(args) => cmd::progress::run(&ctx, args, out),
        Command::Import(args) => cmd::import::run(&ctx, args, out),
        Command::Report(args) => cmd::report::run(&ctx, args, out),
        Command::Carry(args) => cmd::carry::run(&ctx, args, out),
        Command::Export(args) => cmd::export::run(&ctx, args, out),
        Command::Merge(args) => cmd::merge::run(&ctx, args, out),
        Command::Recur(args) => cmd::recur::run(&ctx, args, out),
        Command::Stats(args) => cmd::stats::run(&ctx, args, out),
        Command::Common(args) => cmd::common::run(&ctx, args, out),
        Command::Dashboard(args) => cmd::dashboard::run(&ctx, args, out),
        Command::Demo(args) => cmd::demo::run(&ctx, args, out),
        Command::Status(args) => cmd::status::run(&ctx, args, out),
        Command::Show(args) => cmd::show::run(&ctx, args, out),
        Command::History(args) => cmd::history::run(&ctx, args, out),
        Command::Delete(args) => cmd::delete::run(&ctx, args, out),
        Command::Undo(args) => cmd::undo::run(&ctx, args, out),
        Command::Backup(args) => cmd::backup::run_backup(&ctx, args, out),
        Command::Restore(args) => cmd::backup::run_restore(&ctx, args, out),
        Command::Completions(args) => cmd::completions::run_completions(&ctx, args, out),
        Command::Man(args) => cmd::completions::run_man(&ctx, args, out),
    }
}

#[cfg(test)]
mod tests;

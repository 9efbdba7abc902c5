//! taizhang (台账): a rectification ledger kept from one year to the next in one SQLite file.
//!
//! The data flows one way: parse args (`cli`) → open the store (`store`) → read domain values
//! (`model`) → compute (`analysis`) → render (`render`) → write. `main.rs` only maps the result
//! of [`run`] to an exit code.

pub mod analysis;
pub mod cli;
pub mod clock;
pub mod cmd;
pub mod error;
pub mod exchange;
pub mod files;
pub mod import;
pub mod ingest;
pub mod model;
pub mod render;
pub mod store;
/// The test-data generator: compiled for the crate's tests and, with `--features synth`, for the
/// benches; never part of the tool.
#[cfg(any(test, feature = "synth"))]
pub mod synth;

use std::io::Write;

pub use error::{Error, Result};

/// Parses the process's arguments and runs the command, printing to stdout.
///
/// Help and version go to stdout (exit 0); a mistake on the command line is explained on stderr
/// in the user's language, with the usage line, and exits 2 as clap does.
pub fn run() -> Result<()> {
    let lang = render::Lang::requested(
        std::env::args_os(),
        std::env::var("TAIZHANG_LANG").ok().as_deref(),
    );
    // The plain definition parses exactly as the localised one (localising changes only words),
    // and costs a quarter of a short command less to build; help, the version and mistakes are
    // shown from the localised one.
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let matches = match <cli::Cli as clap::CommandFactory>::command().try_get_matches_from(&args) {
        Ok(matches) => matches,
        Err(_) => match cli::command(lang).try_get_matches_from(&args) {
            Ok(matches) => matches,
            Err(error) => exit_on_parse_error(&error, lang),
        },
    };
    let mut cli = <cli::Cli as clap::FromArgMatches>::from_arg_matches(&matches)
        .unwrap_or_else(|e| exit_on_parse_error(&e, lang));
    cli.global.db_on_command_line =
        matches.value_source("db") == Some(clap::parser::ValueSource::CommandLine);
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    cli::dispatch(cli, &mut out)?;
    out.flush().map_err(|e| Error::Other(e.into()))
}

/// Prints help, the version or a parse error the way the user reads it, and exits.
fn exit_on_parse_error(error: &clap::Error, lang: render::Lang) -> ! {
    use clap::error::ErrorKind;
    let headings = cli::EXAMPLES_HEADING;
    let (text, to_stdout) = match error.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => (error.render().to_string(), true),
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => (error.render().to_string(), false),
        _ => {
            let args: Vec<std::ffi::OsString> = std::env::args_os().skip(1).collect();
            (cli::render_error(error, lang, &args), false)
        }
    };
    let mut text = cli::wrap_help(text.trim_end(), cli::terminal_width(), &headings);
    text.push('\n');
    let written = if to_stdout {
        std::io::stdout().write_all(text.as_bytes())
    } else {
        std::io::stderr().write_all(text.as_bytes())
    };
    let _ = written.and_then(|()| std::io::stdout().flush());
    std::process::exit(error.exit_code())
}

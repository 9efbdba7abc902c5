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
pub mod synth;

use std::io::Write;

pub use error::{Error, Result};

/// Parses the process's arguments and runs the command, printing to stdout.
pub fn run() -> Result<()> {
    let matches = <cli::Cli as clap::CommandFactory>::command().get_matches();
    let mut cli =
        <cli::Cli as clap::FromArgMatches>::from_arg_matches(&matches).unwrap_or_else(|e| e.exit());
    cli.global.db_on_command_line =
        matches.value_source("db") == Some(clap::parser::ValueSource::CommandLine);
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    cli::dispatch(cli, &mut out)?;
    out.flush().map_err(|e| Error::Other(e.into()))
}

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
pub mod model;
pub mod render;
pub mod store;

use std::io::Write;

use clap::Parser;

pub use error::{Error, Result};

/// Parses the process's arguments and runs the command, printing to stdout.
pub fn run() -> Result<()> {
    let cli = cli::Cli::parse();
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    cli::dispatch(cli, &mut out)?;
    out.flush().map_err(|e| Error::Other(e.into()))
}

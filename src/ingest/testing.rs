//! Helpers for ingest's unit tests: a context with a fixed as-of date.

use crate::cli::GlobalArgs;
use crate::cmd::Ctx;
use crate::render::paint::ColorChoice;
use crate::render::{Format, Lang};

/// The as-of date of every test context.
pub const AS_OF: &str = "2026-01-15";

/// A context that writes nothing to disk itself, dated [`AS_OF`], in Chinese.
pub fn ctx() -> Ctx {
    let global = GlobalArgs {
        db: None,
        format: Format::default(),
        as_of: Some(AS_OF.to_string()),
        lang: Lang::Zh,
        color: ColorChoice::Never,
        quiet: false,
        db_on_command_line: false,
    };
    Ctx::new(&global).expect("a test context")
}

//! The real readers some tests check documents with (LibreOffice, poppler's tools), found or not.

use std::process::Command;

/// True when `tool` runs and answers `arg` (`--version`, `-v`): a version on stdout with
/// success, or, as poppler's tools do, on stderr.
pub fn answers(tool: &str, arg: &str) -> bool {
    Command::new(tool)
        .arg(arg)
        .output()
        .is_ok_and(|o| o.status.success() || !o.stderr.is_empty())
}

/// LibreOffice's command, under either of its names, if installed.
pub fn soffice() -> Option<&'static str> {
    ["soffice", "libreoffice"].into_iter().find(|t| {
        Command::new(t)
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success())
    })
}

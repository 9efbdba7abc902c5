//! The stack of `src/lib.rs` kept honest: computation and rendering never reach into the store or
//! the commands, no SQL is written outside `src/store`, and only `src/render` decides what each
//! `--format` prints.

use std::fs;
use std::path::{Path, PathBuf};

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The files of a top-level module: `src/<layer>.rs` and everything under `src/<layer>/`.
fn layer_files(layer: &str) -> Vec<PathBuf> {
    let root = src().join(layer);
    let mut files = vec![root.with_extension("rs")];
    if root.is_dir() {
        rust_files(&root, &mut files);
    }
    files.into_iter().filter(|f| f.exists()).collect()
}

/// A file's code, line by line, without `//` comments (doc comments included).
fn code_lines(file: &Path) -> Vec<(usize, String)> {
    fs::read_to_string(file)
        .unwrap()
        .lines()
        .enumerate()
        .map(|(n, line)| (n + 1, line.split("//").next().unwrap_or("").to_string()))
        .collect()
}

fn is_ident(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// The top-level modules a piece of code names after `crate::` (`crate::store::Store`, or each
/// of `crate::{analysis, store::Store}`), and after `super::`, which from a top-level module is
/// the crate.
fn modules_named(code: &str) -> Vec<String> {
    let mut named = Vec::new();
    for prefix in ["crate::", "super::"] {
        let mut rest = code;
        while let Some(at) = rest.find(prefix) {
            let before = rest[..at].chars().next_back();
            rest = &rest[at + prefix.len()..];
            if before.is_some_and(is_ident) {
                continue;
            }
            if let Some(group) = rest.strip_prefix('{') {
                // Only the first name of each item: `crate::{store::Store, model}`.
                let mut depth = 0;
                let mut item_start = true;
                for (i, c) in group.char_indices() {
                    match c {
                        '{' => depth += 1,
                        '}' if depth == 0 => break,
                        '}' => depth -= 1,
                        ',' if depth == 0 => item_start = true,
                        c if item_start && is_ident(c) => {
                            let name: String =
                                group[i..].chars().take_while(|c| is_ident(*c)).collect();
                            named.push(name);
                            item_start = false;
                        }
                        c if !c.is_whitespace() => item_start = false,
                        _ => {}
                    }
                }
            } else {
                named.push(rest.chars().take_while(|c| is_ident(*c)).collect());
            }
        }
    }
    named
}

/// Lines of `layer`'s files that name one of `modules`, as `file:line: text`. A grouped import
/// spread over several lines (`use crate::{\n    store,\n};`) is read as one.
fn mentions(layer: &str, modules: &[&str]) -> Vec<String> {
    let mut found = Vec::new();
    for file in layer_files(layer) {
        let lines = code_lines(&file);
        let mut open_group: Option<(usize, String)> = None;
        for (n, code) in &lines {
            let (start, text) = match open_group.take() {
                Some((start, mut text)) => {
                    text.push_str(code);
                    (start, text)
                }
                None => (*n, code.clone()),
            };
            let unclosed = ["crate::{", "super::{"]
                .iter()
                .any(|p| text.rfind(p).is_some_and(|at| !text[at..].contains('}')));
            if unclosed {
                open_group = Some((start, text));
                continue;
            }
            if modules_named(&text)
                .iter()
                .any(|m| modules.contains(&m.as_str()))
            {
                found.push(format!("{}:{start}: {}", file.display(), text.trim()));
            }
        }
    }
    found
}

const BELOW_ANALYSIS_AND_RENDER: [&str; 2] = ["store", "cmd"];

#[test]
fn analysis_never_imports_the_store_or_the_commands() {
    let found = mentions("analysis", &BELOW_ANALYSIS_AND_RENDER);
    assert!(
        found.is_empty(),
        "analysis names the store or the commands:\n{}",
        found.join("\n")
    );
}

#[test]
fn render_never_imports_the_store_or_the_commands() {
    let found = mentions("render", &BELOW_ANALYSIS_AND_RENDER);
    assert!(
        found.is_empty(),
        "render names the store or the commands:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_layer_check_finds_an_import_of_the_store_or_the_commands() {
    // The check itself can fail: the command layer uses the store, the CLI the commands.
    assert!(!mentions("cmd", &["store"]).is_empty());
    assert!(!mentions("cli", &["cmd"]).is_empty());
    for (code, module) in [
        ("use crate::store::Store;", "store"),
        ("use crate::{analysis, store::{Store, Access}};", "store"),
        ("let x = crate::cmd::run(a);", "cmd"),
        ("use super::{\n    model,\n    cmd,\n};", "cmd"),
    ] {
        assert!(
            modules_named(code).iter().any(|m| m == module),
            "{module} in {code}"
        );
    }
    assert!(!modules_named("use crate::model::Store;")
        .iter()
        .any(|m| m == "store"));
}

/// Words that begin or shape an SQL statement, upper-case as the store writes them, or that name
/// the SQLite crate.
const SQL: [&str; 9] = [
    "SELECT ",
    "INSERT INTO",
    "DELETE FROM",
    "UPDATE ",
    "CREATE TABLE",
    "CREATE INDEX",
    "PRAGMA ",
    "rusqlite",
    ".sql\"",
];

/// Lines outside `src/store` that hold SQL, as `file:line: text`.
fn sql_outside(store: &Path) -> Vec<String> {
    let mut files = Vec::new();
    rust_files(&src(), &mut files);
    let mut found = Vec::new();
    for file in files.iter().filter(|f| !f.starts_with(store)) {
        for (n, code) in code_lines(file) {
            if SQL.iter().any(|w| code.contains(w)) {
                found.push(format!("{}:{n}: {}", file.display(), code.trim()));
            }
        }
    }
    found
}

#[test]
fn no_sql_is_written_outside_the_store() {
    let found = sql_outside(&src().join("store"));
    assert!(
        found.is_empty(),
        "SQL outside src/store:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_sql_check_finds_the_stores_own_sql() {
    // With nothing set apart as the store, the store's own SQL is found.
    let nowhere = src().join("no such directory");
    assert!(sql_outside(&nowhere)
        .iter()
        .any(|l| l.contains("src/store")));
}

/// The variants of the output format (`render::Format`, `--format table|json|csv|md`).
const OUTPUT_FORMATS: [&str; 4] = ["Table", "Json", "Csv", "Md"];

/// Whether `code` names a variant of the output format (`Format::Json`, `render::Format::Md`),
/// which is how a switch on it is written. `Format::new()` (a cell format of the xlsx writer)
/// and `SecondsFormat::Secs` are other types.
fn names_output_format(code: &str) -> bool {
    code.match_indices("Format::").any(|(at, _)| {
        let before = code[..at].chars().next_back();
        let variant: String = code[at + "Format::".len()..]
            .chars()
            .take_while(|c| is_ident(*c))
            .collect();
        !before.is_some_and(is_ident) && OUTPUT_FORMATS.contains(&variant.as_str())
    })
}

/// Whether `file` holds unit tests only (`tests.rs`, or a file under a `tests/` folder): a test
/// may name every format to run a command in each.
fn is_test_file(file: &Path) -> bool {
    let inside = file.strip_prefix(src()).unwrap_or(file);
    inside.file_name().is_some_and(|n| n == "tests.rs")
        || inside.components().any(|c| c.as_os_str() == "tests")
}

/// Lines outside `render` and its tests that name a variant of the output format, as
/// `file:line: text`.
fn output_format_outside(render: &Path) -> Vec<String> {
    let mut files = Vec::new();
    rust_files(&src(), &mut files);
    let mut found = Vec::new();
    for file in files.iter().filter(|f| {
        !f.starts_with(render) && *f != &render.with_extension("rs") && !is_test_file(f)
    }) {
        for (n, code) in code_lines(file) {
            if names_output_format(&code) {
                found.push(format!("{}:{n}: {}", file.display(), code.trim()));
            }
        }
    }
    found
}

#[test]
fn only_render_switches_on_the_output_format() {
    let found = output_format_outside(&src().join("render"));
    assert!(
        found.is_empty(),
        "a switch on --format outside src/render (ask a render function or a Format method):\n{}",
        found.join("\n")
    );
}

#[test]
fn the_format_check_finds_the_switches_in_render() {
    // With nothing set apart as render, render's own switches are found.
    let nowhere = src().join("no such directory");
    assert!(output_format_outside(&nowhere)
        .iter()
        .any(|l| l.contains("src/render/records.rs")));
    for code in [
        "Format::Json => json(out, r),",
        "if ctx.format == crate::render::Format::Md {",
        "matches!(f, Format::Table | Format::Csv)",
    ] {
        assert!(names_output_format(code), "{code}");
    }
    for code in [
        "let note = Format::new()",
        "now.to_rfc3339_opts(chrono::SecondsFormat::Secs, false)",
        "Format::default()",
    ] {
        assert!(!names_output_format(code), "{code}");
    }
}

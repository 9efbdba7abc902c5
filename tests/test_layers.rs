//! The stack of `src/lib.rs` kept honest: computation and rendering never reach into the store.

use std::fs;
use std::path::{Path, PathBuf};

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

/// Lines of the layer's files that name the store module, as `file:line: text`.
fn store_mentions(layer: &str) -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("src")
        .join(layer);
    let mut files = vec![root.with_extension("rs")];
    rust_files(&root, &mut files);
    let mut found = Vec::new();
    for file in files.iter().filter(|f| f.exists()) {
        let text = fs::read_to_string(file).unwrap();
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            let names_store = code.contains("crate::store")
                || code.contains("super::store")
                || (code.contains("use crate::{") && code.contains("store"));
            if names_store {
                found.push(format!("{}:{}: {}", file.display(), n + 1, line.trim()));
            }
        }
    }
    found
}

#[test]
fn analysis_never_imports_the_store() {
    let found = store_mentions("analysis");
    assert!(
        found.is_empty(),
        "analysis names the store:\n{}",
        found.join("\n")
    );
}

#[test]
fn render_never_imports_the_store() {
    let found = store_mentions("render");
    assert!(
        found.is_empty(),
        "render names the store:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_layer_check_finds_an_import_of_the_store() {
    // The check itself can fail: the command layer does use the store.
    assert!(!store_mentions("cmd").is_empty());
}

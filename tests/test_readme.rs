//! The README's quick start is real: every `$ taizhang …` line in its `console` blocks is run
//! on a fresh store and must print exactly what the README shows.
//!
//! To refresh the README after an intended change of output: `TAIZHANG_UPDATE_README=1 cargo test`.

use std::path::Path;

use crate::common::{redact_uuids, TestEnv};

#[test]
fn the_readme_quick_start_prints_what_it_shows() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md");
    let readme = std::fs::read_to_string(&path).unwrap();
    let env = TestEnv::new();
    // The README's examples import the bundled fixture documents by relative path.
    for folder in ["fixtures/summaries", "fixtures/documents"] {
        copy_dir(
            &Path::new(env!("CARGO_MANIFEST_DIR")).join(folder),
            &env.dir().join(folder),
        );
    }
    let mut rebuilt = String::new();
    let mut expected_total = String::new();
    let mut actual_total = String::new();
    let mut in_console = false;
    let mut lines = readme.lines().peekable();
    while let Some(line) = lines.next() {
        rebuilt.push_str(line);
        rebuilt.push('\n');
        if line.starts_with("```console") {
            in_console = true;
            continue;
        }
        if line.starts_with("```") {
            in_console = false;
            continue;
        }
        let Some(command) = line.strip_prefix("$ taizhang ").filter(|_| in_console) else {
            continue;
        };
        let args = split_words(command);
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let output = env
            .cmd(&args)
            .env_remove("TAIZHANG_AS_OF")
            .env("TAIZHANG_DB", "ledger.db")
            .output()
            .unwrap();
        let actual = String::from_utf8_lossy(&output.stdout).into_owned()
            + &String::from_utf8_lossy(&output.stderr);
        let mut shown = String::new();
        while let Some(next) = lines.peek() {
            if next.starts_with("$ ") || next.starts_with("```") {
                break;
            }
            shown.push_str(next);
            shown.push('\n');
            lines.next();
        }
        rebuilt.push_str(&actual);
        expected_total.push_str(&format!("$ taizhang {command}\n{shown}"));
        actual_total.push_str(&format!("$ taizhang {command}\n{actual}"));
    }
    if std::env::var_os("TAIZHANG_UPDATE_README").is_some() {
        std::fs::write(&path, rebuilt).unwrap();
        return;
    }
    assert!(
        actual_total.contains("$ taizhang status"),
        "the README shows no status table"
    );
    // UUIDs are new on every run.
    assert_eq!(
        redact_uuids(&expected_total),
        redact_uuids(&actual_total),
        "README output is stale: run TAIZHANG_UPDATE_README=1 cargo test"
    );
}

/// Splits a command line the way a POSIX shell would for plain words and quoted strings.
pub fn split_words(line: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    let mut in_word = false;
    let mut quote: Option<char> = None;
    for c in line.chars() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), c) => word.push(c),
            (None, '"' | '\'') => {
                quote = Some(c);
                in_word = true;
            }
            (None, c) if c.is_whitespace() => {
                if in_word {
                    words.push(std::mem::take(&mut word));
                    in_word = false;
                }
            }
            (None, c) => {
                word.push(c);
                in_word = true;
            }
        }
    }
    if in_word {
        words.push(word);
    }
    words
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        if entry.file_type().unwrap().is_file() {
            std::fs::copy(entry.path(), to.join(entry.file_name())).unwrap();
        }
    }
}

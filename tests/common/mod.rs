//! The test harness: a temp dir, a store path, and the real binary with the date fixed.

pub mod readers;

use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;
use tempfile::TempDir;

/// The as-of date every test runs at unless it passes `--as-of`.
pub const AS_OF: &str = "2026-01-15";

/// A temporary directory holding one store, and a way to run `taizhang` against it.
pub struct TestEnv {
    dir: TempDir,
    db: PathBuf,
}

impl TestEnv {
    /// A fresh directory; the store does not exist yet.
    pub fn new() -> TestEnv {
        let dir = tempfile::Builder::new()
            .prefix("taizhang-test")
            .tempdir()
            .expect("temp dir");
        let db = dir.path().join("ledger.db");
        TestEnv { dir, db }
    }

    /// A fresh directory with an initialised store.
    pub fn init() -> TestEnv {
        let env = TestEnv::new();
        env.ok(&["init"]);
        env
    }

    /// An initialised store holding the fixture ledger (two units, two years).
    pub fn with_fixture_ledger() -> TestEnv {
        let env = TestEnv::init();
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/ledger.json");
        let text = std::fs::read_to_string(path).expect("fixtures/ledger.json");
        let commands: Vec<Vec<String>> = serde_json::from_str(&text).expect("fixture is JSON");
        for args in commands {
            let args: Vec<&str> = args.iter().map(String::as_str).collect();
            env.ok(&args);
        }
        env
    }

    pub fn dir(&self) -> &Path {
        self.dir.path()
    }

    pub fn db(&self) -> &Path {
        &self.db
    }

    /// The binary, run in the temp dir with the store, date, clock, user and width fixed.
    pub fn cmd(&self, args: &[&str]) -> Command {
        let mut cmd = Command::cargo_bin("taizhang").expect("binary");
        cmd.current_dir(self.dir.path())
            .env_clear()
            .env("PATH", std::env::var("PATH").unwrap_or_default())
            .env("HOME", self.dir.path())
            .env("TAIZHANG_DB", &self.db)
            .env("TAIZHANG_AS_OF", AS_OF)
            .env("TAIZHANG_TIMESTAMP", "2026-01-15T09:30:00+08:00")
            .env("TAIZHANG_USER", "tester")
            .env("COLUMNS", "80")
            .env("RUST_BACKTRACE", "0")
            .args(args);
        cmd
    }

    /// Runs a command that must succeed and returns its stdout.
    pub fn ok(&self, args: &[&str]) -> String {
        let output = self.cmd(args).output().expect("run taizhang");
        assert!(
            output.status.success(),
            "taizhang {args:?} failed:\n{}",
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8(output.stdout).expect("stdout is UTF-8")
    }

    /// Runs a command and renders exit code, stdout and stderr for a snapshot, with the temp
    /// dir and UUIDs replaced by stable placeholders.
    pub fn run(&self, args: &[&str]) -> String {
        let output = self.cmd(args).output().expect("run taizhang");
        self.render(&output)
    }

    /// [`TestEnv::run`] with the command line first (`$ taizhang …`, the temp dir as `[dir]`), so
    /// that a snapshot says what produced it.
    pub fn transcript(&self, args: &[&str]) -> String {
        let dir = self.dir.path().display().to_string();
        format!(
            "{}\n{}",
            command_line(args).replace(&dir, "[dir]"),
            self.run(args)
        )
    }

    pub fn render(&self, output: &Output) -> String {
        let text = format!(
            "exit: {}\n--- stdout\n{}--- stderr\n{}",
            output
                .status
                .code()
                .map_or("signal".to_string(), |c| c.to_string()),
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr),
        );
        let dir = self.dir.path().display().to_string();
        redact_uuids(&text.replace(&dir, "[dir]"))
    }

    /// Everything the store holds, as text: a change anywhere changes this.
    pub fn fingerprint(&self) -> String {
        fingerprint(&self.db)
    }
}

/// A dump of every table of the store at `path` (and its schema version), in a stable order:
/// what the store holds, not how it got there (the operations `undo` reverts and their log are
/// left out, as is the operation each event belongs to).
pub fn fingerprint(path: &Path) -> String {
    let conn =
        rusqlite::Connection::open_with_flags(path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
            .expect("open store read-only");
    let version: i64 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    let mut out = format!("user_version {version}\n");
    let tables: Vec<String> = {
        let mut stmt = conn
            .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
            .unwrap();
        stmt.query_map([], |r| r.get(0))
            .unwrap()
            .map(Result::unwrap)
            .collect()
    };
    for table in tables {
        if matches!(table.as_str(), "operations" | "undo_log") {
            continue;
        }
        let columns: Vec<String> = {
            let mut stmt = conn
                .prepare(&format!("SELECT name FROM pragma_table_info('{table}')"))
                .unwrap();
            stmt.query_map([], |r| r.get(0))
                .unwrap()
                .map(Result::unwrap)
                .filter(|c: &String| !(table == "events" && c == "operation"))
                .map(|c| format!("\"{c}\""))
                .collect()
        };
        out.push_str(&format!("== {table}\n"));
        let mut stmt = conn
            .prepare(&format!(
                "SELECT {} FROM \"{table}\" ORDER BY rowid",
                columns.join(", ")
            ))
            .unwrap();
        let columns = stmt.column_count();
        let rows = stmt
            .query_map([], |r| {
                (0..columns)
                    .map(|i| r.get_ref(i).map(|v| format!("{v:?}")))
                    .collect::<Result<Vec<_>, _>>()
            })
            .unwrap();
        for row in rows {
            out.push_str(&row.unwrap().join(" | "));
            out.push('\n');
        }
    }
    out
}

/// Asserts that every table of the `old` fingerprint is in `new` with the same rows, allowing
/// for columns a later schema step added (they come after the old ones, as `ALTER TABLE ... ADD
/// COLUMN` puts them).
pub fn assert_rows_kept(old: &str, new: &str, what: &str) {
    for section in old.split("== ").skip(1) {
        let (table, rows) = section.split_once('\n').unwrap();
        let upgraded = new
            .split("== ")
            .find_map(|s| s.strip_prefix(&format!("{table}\n")))
            .unwrap_or_else(|| panic!("table {table} lost in {what}"));
        let upgraded: Vec<&str> = upgraded.lines().collect();
        let rows: Vec<&str> = rows.lines().collect();
        assert_eq!(rows.len(), upgraded.len(), "rows of {table} lost in {what}");
        for (old_row, new_row) in rows.iter().zip(&upgraded) {
            assert!(
                new_row == old_row || new_row.starts_with(&format!("{old_row} | ")),
                "{table} changed in {what}:\n{old_row}\n{new_row}"
            );
        }
    }
}

/// Replaces every UUID with `[uuid]`.
pub fn redact_uuids(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < text.len() {
        if i + 36 <= bytes.len() && is_uuid(&bytes[i..i + 36]) {
            out.push_str("[uuid]");
            i += 36;
        } else {
            let ch = text[i..].chars().next().expect("in bounds");
            out.push(ch);
            i += ch.len_utf8();
        }
    }
    out
}

fn is_uuid(b: &[u8]) -> bool {
    b.iter().enumerate().all(|(i, c)| match i {
        8 | 13 | 18 | 23 => *c == b'-',
        _ => c.is_ascii_hexdigit() && !c.is_ascii_uppercase(),
    })
}

/// `$ taizhang ARGS` as a shell would take it: an argument with spaces, quotes or other shell
/// characters in single quotes.
pub fn command_line(args: &[&str]) -> String {
    let quoted: Vec<String> = args
        .iter()
        .map(|a| {
            let plain = !a.is_empty()
                && a.chars()
                    .all(|c| !c.is_whitespace() && !"'\"\\$`!*?;&|<>(){}[]#~".contains(c));
            if plain {
                a.to_string()
            } else {
                format!("'{}'", a.replace('\'', "'\\''"))
            }
        })
        .collect();
    format!("$ taizhang {}", quoted.join(" "))
        .trim_end()
        .to_string()
}

//! Output into a pipe the reader has closed (`taizhang status --format json | head -c1`) ends
//! quietly with exit 0, in every format, as `head` expects.

use std::process::Stdio;

use crate::common::TestEnv;

#[test]
fn json_csv_and_tables_into_a_closed_pipe_exit_zero_without_a_message() {
    let env = TestEnv::with_fixture_ledger();
    for format in ["json", "csv", "table", "md"] {
        for command in [&["status"][..], &["stats"], &["show", "P1"]] {
            let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin("taizhang"));
            cmd.args(command)
                .args(["--format", format])
                .env("TAIZHANG_DB", env.db())
                .env("TAIZHANG_AS_OF", "2026-01-15")
                .stdout(Stdio::piped())
                .stderr(Stdio::piped());
            let mut child = cmd.spawn().unwrap();
            drop(child.stdout.take()); // the reader goes away before anything is written
            let output = child.wait_with_output().unwrap();
            let stderr = String::from_utf8_lossy(&output.stderr);
            assert!(
                output.status.success() && stderr.is_empty(),
                "{command:?} --format {format}: exit {:?}, stderr {stderr}",
                output.status.code()
            );
        }
    }
}

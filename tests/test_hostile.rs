//! Hostile input: control characters, formula-like cells, runaway templates, huge or endless files.

use crate::common::TestEnv;

fn env_with_problem(text: &str) -> TestEnv {
    let env = TestEnv::init();
    env.ok(&["unit", "add", "东山县财政局"]);
    env.ok(&[
        "problem",
        "add",
        "--unit",
        "东山县财政局",
        "--year",
        "2024",
        text,
    ]);
    env
}

#[test]
fn control_characters_in_stored_texts_are_shown_escaped_in_tables() {
    let env = env_with_problem("预算\u{1b}[2J执行\u{7}偏慢\u{9b}");
    let table = env.ok(&["status"]);
    assert!(table.contains("\\x1b[2J"), "{table}");
    assert!(
        !table.chars().any(|c| c.is_control() && c != '\n'),
        "no raw control reaches the terminal: {table:?}"
    );
}

#[test]
fn csv_cells_that_look_like_formulas_are_written_as_text() {
    let env = env_with_problem("=HYPERLINK(\"http://x\",\"点此\")");
    let csv = env.ok(&["status", "--format", "csv"]);
    assert!(csv.contains("\"'=HYPERLINK("), "{csv}");
    assert!(!csv.contains(",=HYPERLINK"), "{csv}");
}

#[test]
fn import_refuses_a_fifo_and_a_file_over_the_stated_size_before_reading_it() {
    let env = TestEnv::init();
    let before = env.fingerprint();
    let big = env.dir().join("big.txt");
    let file = std::fs::File::create(&big).unwrap();
    file.set_len(21 * 1024 * 1024).unwrap();
    let output = env.run(&["import", "big.txt"]);
    assert!(output.contains("larger than 20 MB"), "{output}");
    assert!(!output.starts_with("exit: 0"), "{output}");
    #[cfg(unix)]
    {
        let fifo = env.dir().join("pipe.txt");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if made.is_ok_and(|s| s.success()) {
            let output = env.run(&["import", "pipe.txt"]);
            assert!(output.contains("not a regular file"), "{output}");
        }
    }
    assert_eq!(before, env.fingerprint());
}

//! Every table fits its terminal: at 50, 80 and 120 columns no line is wider than the terminal,
//! no wrapped line starts with closing punctuation, and below 70 columns rows are blocks.

use unicode_width::UnicodeWidthStr;

use crate::common::TestEnv;

/// The commands that print tables, on the demo store.
const TABLES: &[&[&str]] = &[
    &["status"],
    &["status", "--overdue"],
    &["status", "--year", "2024"],
    &["stats"],
    &["stats", "--by", "owner"],
    &["unit", "list"],
    &["recur"],
    &["common"],
    &["link", "--suggest"],
    &["history", "P1"],
    &["show", "M7"],
];

const CLOSING: &str = "，。；：、）」』》】！？”,.;:!?)";

fn demo_store() -> TestEnv {
    let env = TestEnv::new();
    let output = env
        .cmd(&["demo"])
        .env_remove("TAIZHANG_DB")
        .env_remove("TAIZHANG_AS_OF")
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", env.render(&output));
    env
}

fn at_width(env: &TestEnv, args: &[&str], width: usize) -> String {
    let mut all = vec!["--db", "taizhang-demo.db", "--as-of", "2025-03-01"];
    all.extend_from_slice(args);
    let output = env
        .cmd(&all)
        .env("COLUMNS", width.to_string())
        .output()
        .unwrap();
    assert!(output.status.success(), "{args:?}: {}", env.render(&output));
    String::from_utf8(output.stdout).unwrap()
}

/// The text of a line without the table's borders and padding.
fn visible_start(line: &str) -> Option<char> {
    line.chars()
        .find(|c| !c.is_whitespace() && !"│┆┃|╎".contains(*c))
}

#[test]
fn every_table_fits_50_80_and_120_columns_without_lines_starting_with_closing_punctuation() {
    let env = demo_store();
    for args in TABLES {
        for width in [50, 80, 120] {
            let text = at_width(&env, args, width);
            // Table lines and the lines of list blocks; prose (a caption, a notice) wraps
            // in the terminal like any text.
            let table_lines = text
                .lines()
                .filter(|l| l.contains(['┌', '│', '├', '└', '╞']) || l.starts_with("  "));
            for line in table_lines {
                assert!(
                    line.width() <= width,
                    "{args:?} at {width}: line is {} wide:\n{line}\n\n{text}",
                    line.width()
                );
                // Each cell of a table line starts after a border.
                for cell in line.split(['│', '┆']) {
                    if let Some(first) = visible_start(cell) {
                        assert!(
                            !CLOSING.contains(first),
                            "{args:?} at {width}: a line starts with {first:?}:\n{line}\n\n{text}"
                        );
                    }
                }
            }
        }
    }
}

#[test]
fn below_seventy_columns_rows_are_printed_as_blocks_not_a_crushed_table() {
    let env = demo_store();
    let narrow = at_width(&env, &["status", "--year", "2024"], 50);
    assert!(!narrow.contains('┆'), "{narrow}");
    assert!(narrow.contains("\nP7\n  内容："), "{narrow}");
    let wide = at_width(&env, &["status", "--year", "2024"], 80);
    assert!(wide.contains('┆'), "{wide}");
}

#[test]
fn at_eighty_columns_ids_dates_and_statuses_stay_on_one_line() {
    let env = demo_store();
    let text = at_width(&env, &["status", "--year", "2024"], 80);
    for id in ["P7", "M7", "2025-12-31", "未启动", "逾期59天"] {
        assert!(
            text.lines().any(|l| l.contains(id)),
            "{id} is broken across lines:\n{text}"
        );
    }
}

#[test]
fn at_eighty_columns_the_full_status_table_stays_a_table_without_its_last_progress_column() {
    let env = demo_store();
    // 2023 has owners, dates, two-line statuses and alerts: every column but one is used.
    let text = at_width(&env, &["status", "--year", "2023"], 80);
    assert!(text.contains('┆'), "{text}");
    assert!(!text.contains("最近进展"), "{text}");
    assert!(!text.contains("  内容："), "{text}");
    assert!(text.lines().all(|l| l.width() <= 80), "{text}");
    // Wide enough, the column is back; the block layout keeps it too.
    let wide = at_width(&env, &["status", "--year", "2023"], 120);
    assert!(wide.contains("最近进展"), "{wide}");
    let narrow = at_width(&env, &["status", "--year", "2023"], 50);
    assert!(narrow.contains("最近进展："), "{narrow}");
}

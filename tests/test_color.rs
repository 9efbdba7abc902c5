//! Colour on a terminal: 逾期 red, due within 30 days yellow, 已完成 green; only in tables, only
//! when asked for (`--color always`, or `auto` on a terminal without `NO_COLOR`), and laid over
//! the text after it is fitted, so the layout is the same with and without it.

use crate::common::TestEnv;

const RED: &str = "\u{1b}[38;5;1m";
const YELLOW: &str = "\u{1b}[38;5;3m";
const GREEN: &str = "\u{1b}[38;5;2m";
const END: &str = "\u{1b}[39m";

/// The demo store at a date when items are overdue, due soon and done.
const AS_OF: &str = "2024-12-15";

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

/// Stdout of `taizhang --db <demo> --as-of AS_OF <args>` at `width` columns, with `env` set.
fn demo_output(env: &TestEnv, args: &[&str], width: usize, vars: &[(&str, &str)]) -> String {
    let mut all = vec!["--db", "taizhang-demo.db", "--as-of", AS_OF];
    all.extend_from_slice(args);
    let mut cmd = env.cmd(&all);
    cmd.env("COLUMNS", width.to_string());
    for (name, value) in vars {
        cmd.env(name, value);
    }
    let output = cmd.output().unwrap();
    assert!(output.status.success(), "{args:?}: {}", env.render(&output));
    String::from_utf8(output.stdout).unwrap()
}

/// `text` without its SGR escape sequences.
fn strip(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(start) = rest.find("\u{1b}[") {
        out.push_str(&rest[..start]);
        let after = &rest[start + 2..];
        let end = after.find('m').expect("an SGR sequence ends with m");
        rest = &after[end + 1..];
    }
    out.push_str(rest);
    out
}

/// The coloured runs of `text` in the colour `start`, in order.
fn runs(text: &str, start: &str) -> Vec<String> {
    text.split(start)
        .skip(1)
        .map(|after| after.split(END).next().unwrap().to_string())
        .collect()
}

/// The colour escapes made readable, for snapshots.
fn tagged(text: &str) -> String {
    text.replace(RED, "<red>")
        .replace(YELLOW, "<yellow>")
        .replace(GREEN, "<green>")
        .replace(END, "</>")
}

fn count_matching(text: &str, is_light: impl Fn(&str) -> bool) -> usize {
    // Cells are separated by borders or by the list layout's `：`.
    text.split(['│', '┆', '：', '\n'])
        .map(str::trim)
        .filter(|cell| is_light(cell))
        .count()
}

fn is_days(cell: &str, prefix: &str) -> bool {
    cell.strip_prefix(prefix)
        .and_then(|rest| rest.strip_suffix('天'))
        .is_some_and(|days| !days.is_empty() && days.chars().all(|c| c.is_ascii_digit()))
}

#[test]
fn with_color_always_the_overdue_due_soon_and_done_cells_are_red_yellow_and_green_and_nothing_else_is_coloured(
) {
    let env = demo_store();
    for width in [50, 80, 120] {
        let plain = demo_output(&env, &["status"], width, &[]);
        let coloured = demo_output(&env, &["status", "--color", "always"], width, &[]);
        assert_eq!(strip(&coloured), plain, "at {width}");

        let red = runs(&coloured, RED);
        let yellow = runs(&coloured, YELLOW);
        let green = runs(&coloured, GREEN);
        // Every alert cell, counted in the plain output, is coloured, and the count line too.
        let overdue_cells = count_matching(&plain, |c| is_days(c, "逾期"));
        let soon_cells = count_matching(&plain, |c| is_days(c, "剩"));
        let done_cells = count_matching(&plain, |c| c.starts_with("已完成"));
        assert!(
            overdue_cells > 0 && soon_cells > 0 && done_cells > 0,
            "{plain}"
        );
        let red_cells: Vec<&String> = red.iter().filter(|r| is_days(r, "逾期")).collect();
        let yellow_cells: Vec<&String> = yellow.iter().filter(|r| is_days(r, "剩")).collect();
        let green_cells: Vec<&String> = green.iter().filter(|r| r.starts_with("已完成")).collect();
        assert_eq!(
            red_cells.len(),
            overdue_cells,
            "at {width}:\n{}",
            tagged(&coloured)
        );
        assert_eq!(yellow_cells.len(), soon_cells, "at {width}");
        assert_eq!(green_cells.len(), done_cells, "at {width}");
        // Nothing else is coloured: the counts of the closing line, and where a done status
        // comes from (its second line in a table).
        for run in &red {
            assert!(
                is_days(run, "逾期") || run.starts_with("逾期 "),
                "red {run:?}"
            );
        }
        for run in &yellow {
            assert!(
                is_days(run, "剩") || run.starts_with("30 天内到期"),
                "yellow {run:?}"
            );
        }
        for run in &green {
            assert!(
                run.starts_with("已完成") || run.starts_with("（据"),
                "green {run:?}"
            );
        }
        let count_line = tagged(&coloured[coloured.rfind("共 ").unwrap()..]);
        assert!(count_line.contains("<red>逾期 4 项</>"), "{count_line}");
        assert!(
            count_line.contains("<yellow>30 天内到期 4 项</>"),
            "{count_line}"
        );
    }
}

#[test]
fn a_coloured_status_table_shows_its_lights_as_snapshots_show_them() {
    let env = demo_store();
    let args = ["status", "--year", "2023", "--color", "always"];
    let wide = demo_output(&env, &args, 120, &[]);
    insta::assert_snapshot!(format!("$ taizhang {}\n{}", args.join(" "), tagged(&wide)));
    let narrow = demo_output(&env, &args, 50, &[]);
    insta::assert_snapshot!(format!(
        "$ COLUMNS=50 taizhang {}\n{}",
        args.join(" "),
        tagged(&narrow)
    ));
}

#[test]
fn show_colours_an_overdue_status_red_and_done_green() {
    let env = demo_store();
    let overdue = demo_output(&env, &["show", "P5", "--color", "always"], 80, &[]);
    let red = runs(&overdue, RED);
    assert_eq!(red.len(), 1, "{}", tagged(&overdue));
    assert!(red[0].contains("逾期"), "{red:?}");
    let done = demo_output(&env, &["show", "M1", "--color", "always"], 80, &[]);
    let green = runs(&done, GREEN);
    assert!(green.iter().all(|g| g.starts_with("已完成")), "{green:?}");
    // The status field, and each progress entry that recorded done.
    let plain = demo_output(&env, &["show", "M1"], 80, &[]);
    assert_eq!(
        green.len(),
        plain.matches("已完成").count(),
        "{}",
        tagged(&done)
    );
    assert_eq!(strip(&done), plain);
}

#[test]
fn stats_colours_overdue_counts_red_and_done_counts_green_when_they_are_not_zero() {
    let env = demo_store();
    let out = demo_output(
        &env,
        &["stats", "--by", "year", "--color", "always"],
        80,
        &[],
    );
    let mut lit = 0;
    for line in out.lines().filter(|l| l.starts_with('│')) {
        let plain = strip(line);
        let mut cells = plain.split('┆').map(|c| c.trim_matches(['│', ' ']));
        let label = cells.next().unwrap_or("");
        let non_zero = cells
            .filter(|c| c.parse::<usize>().is_ok_and(|n| n > 0))
            .count();
        let (red, green) = (runs(line, RED), runs(line, GREEN));
        let expected = |wanted: bool| if wanted { non_zero } else { 0 };
        assert_eq!(
            red.len(),
            expected(label.contains("逾期")),
            "{}",
            tagged(line)
        );
        assert_eq!(
            green.len(),
            expected(label.contains("已完成")),
            "{}",
            tagged(line)
        );
        for run in red.iter().chain(&green) {
            assert!(run.parse::<usize>().is_ok_and(|n| n > 0), "{run:?}");
        }
        lit += red.len() + green.len();
    }
    assert!(lit > 0, "{}", tagged(&out));
}

/// Arguments and environment variables of one run.
type Case<'a> = (&'a [&'a str], &'a [(&'a str, &'a str)]);

#[test]
fn colour_is_off_with_color_never_with_no_color_and_by_default_in_a_pipe() {
    let env = demo_store();
    let plain_cases: &[Case] = &[
        (&["status"], &[]),
        (&["status", "--color", "auto"], &[]),
        (&["status", "--color", "never"], &[]),
        (&["status", "--color", "auto"], &[("NO_COLOR", "1")]),
        (&["status"], &[("NO_COLOR", "1"), ("CLICOLOR_FORCE", "1")]),
        (&["status", "--color", "never"], &[("CLICOLOR_FORCE", "1")]),
        (&["status"], &[("CLICOLOR_FORCE", "0")]),
        (&["show", "P9"], &[]),
    ];
    for (args, vars) in plain_cases {
        let out = demo_output(&env, args, 80, vars);
        assert!(!out.contains('\u{1b}'), "{args:?} {vars:?}:\n{out}");
    }
    // `always` beats NO_COLOR; CLICOLOR_FORCE colours a pipe; an empty NO_COLOR is not set.
    let coloured_cases: &[Case] = &[
        (&["status", "--color", "always"], &[("NO_COLOR", "1")]),
        (&["status"], &[("CLICOLOR_FORCE", "1")]),
        (&["status"], &[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "")]),
    ];
    for (args, vars) in coloured_cases {
        let out = demo_output(&env, args, 80, vars);
        assert!(
            out.contains(RED) && out.contains(END),
            "{args:?} {vars:?}:\n{out}"
        );
    }
}

#[test]
fn with_colour_stripped_every_coloured_table_is_the_plain_table_at_50_80_and_120_columns() {
    let env = demo_store();
    let commands: &[&[&str]] = &[
        &["status"],
        &["status", "--overdue"],
        &["status", "--due-within", "30d"],
        &["status", "--lang", "en"],
        &["show", "P5"],
        &["show", "M1"],
        &["show", "M6", "--lang", "en"],
        &["stats"],
        &["stats", "--by", "year"],
        &["stats", "--by", "owner"],
    ];
    for args in commands {
        for width in [50, 80, 120] {
            let plain = demo_output(&env, args, width, &[]);
            let mut coloured_args = args.to_vec();
            coloured_args.extend(["--color", "always"]);
            let coloured = demo_output(&env, &coloured_args, width, &[]);
            // The same text, so the same lines at the same widths: colour took no room.
            assert_eq!(strip(&coloured), plain, "{args:?} at {width}");
        }
    }
}

#[test]
fn json_csv_and_markdown_are_never_coloured_even_with_color_always() {
    let env = demo_store();
    for format in ["json", "csv", "md"] {
        for command in [&["status"][..], &["show", "P9"], &["stats"]] {
            let mut args = command.to_vec();
            args.extend(["--format", format, "--color", "always"]);
            let out = demo_output(&env, &args, 80, &[]);
            assert!(!out.contains('\u{1b}'), "{args:?}:\n{out}");
        }
    }
}

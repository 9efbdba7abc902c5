//! The command definition: clap's own checks, the Chinese table against the tree, the examples
//! against the parser, and the help's width and language.

use clap::{CommandFactory, FromArgMatches};

use super::help_zh::{ARGS, COMMANDS};
use super::*;

#[test]
fn verify_cli() {
    Cli::command().debug_assert();
    command(Lang::Zh).debug_assert();
    command(Lang::En).debug_assert();
}

/// (path, id) of every argument the Chinese table must hold: the global ones at the root only,
/// clap's help and version flags aside.
fn arg_keys() -> Vec<(String, String)> {
    let root = command(Lang::En);
    let mut keys = Vec::new();
    for (path, cmd) in walk(&root) {
        for arg in cmd.get_arguments() {
            let id = arg.get_id().as_str();
            if matches!(id, "help" | "version") || (arg.is_global_set() && path != "taizhang") {
                continue;
            }
            keys.push((path.clone(), id.to_string()));
        }
    }
    keys
}

#[test]
fn every_command_and_argument_has_chinese_help_and_the_table_has_no_stale_keys() {
    let root = command(Lang::En);
    let paths: Vec<String> = walk(&root).into_iter().map(|(p, _)| p).collect();
    let missing: Vec<&String> = paths
        .iter()
        .filter(|p| !COMMANDS.iter().any(|(c, _, _)| c == p))
        .collect();
    assert!(
        missing.is_empty(),
        "commands without Chinese help: {missing:?}"
    );
    let stale: Vec<&str> = COMMANDS
        .iter()
        .map(|(c, _, _)| *c)
        .filter(|c| !paths.iter().any(|p| p == c))
        .collect();
    assert!(stale.is_empty(), "Chinese help for no command: {stale:?}");

    let keys = arg_keys();
    let missing: Vec<&(String, String)> = keys
        .iter()
        .filter(|(p, i)| !ARGS.iter().any(|(tp, ti, _)| tp == p && ti == i))
        .collect();
    assert!(
        missing.is_empty(),
        "arguments without Chinese help: {missing:?}"
    );
    let stale: Vec<(&str, &str)> = ARGS
        .iter()
        .filter(|(tp, ti, _)| !keys.iter().any(|(p, i)| p == tp && i == ti))
        .map(|(p, i, _)| (*p, *i))
        .collect();
    assert!(stale.is_empty(), "Chinese help for no argument: {stale:?}");
    let mut seen = std::collections::HashSet::new();
    for (p, i, _) in ARGS {
        assert!(seen.insert((p, i)), "twice in the table: {p} {i}");
    }
}

/// Splits an example as a shell would (double quotes; stops at a redirection or a pipe).
fn shell_words(line: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    let mut quoted = false;
    let mut in_word = false;
    for ch in line.chars() {
        match ch {
            '"' => {
                quoted = !quoted;
                in_word = true;
            }
            ' ' if !quoted => {
                if in_word {
                    words.push(std::mem::take(&mut word));
                }
                in_word = false;
            }
            '>' | '|' if !quoted && !in_word => break,
            _ => {
                word.push(ch);
                in_word = true;
            }
        }
    }
    if in_word {
        words.push(word);
    }
    words
}

#[test]
fn every_command_has_examples_and_each_parses_as_that_command() {
    let root = command(Lang::En);
    let raw = Cli::command();
    for (path, _) in walk(&root) {
        // The examples are taken out of the built command; read them from the derive.
        let mut cmd = &raw;
        for name in path.split(' ').skip(1) {
            cmd = cmd.find_subcommand(name).expect("subcommand");
        }
        let examples = examples(cmd);
        assert!(!examples.is_empty(), "{path} has no examples");
        let mut of_this_command = false;
        for example in examples {
            let words = shell_words(&example);
            let matches = command(Lang::En)
                .try_get_matches_from(&words)
                .unwrap_or_else(|e| panic!("{path}: example does not parse: {example}\n{e}"));
            Cli::from_arg_matches(&matches).expect("the derive takes what clap parsed");
            let mut parsed = String::from("taizhang");
            let mut m = &matches;
            while let Some((name, sub)) = m.subcommand() {
                parsed = format!("{parsed} {name}");
                m = sub;
            }
            of_this_command |= parsed == path || parsed.starts_with(&format!("{path} "));
        }
        assert!(of_this_command, "{path}: no example runs this command");
    }
}

fn help_of(lang: Lang, path: &str, long: bool) -> String {
    help_at(lang, path, long, 80)
}

fn help_at(lang: Lang, path: &str, long: bool, width: usize) -> String {
    let mut cmd = command(lang);
    let mut sub = &mut cmd;
    for name in path.split(' ').skip(1) {
        sub = sub.find_subcommand_mut(name).expect("subcommand");
    }
    let text = if long {
        sub.render_long_help()
    } else {
        sub.render_help()
    };
    wrap_help(text.to_string().trim_end(), width, &EXAMPLES_HEADING)
}

fn all_help(lang: Lang) -> Vec<(String, String)> {
    let root = command(Lang::En);
    let mut out = Vec::new();
    for (path, _) in walk(&root) {
        for long in [false, true] {
            out.push((path.clone(), help_of(lang, &path, long)));
        }
    }
    out
}

/// The lines of a help text before its examples.
fn prose_lines(help: &str) -> impl Iterator<Item = &str> {
    help.lines()
        .take_while(|l| !EXAMPLES_HEADING.contains(&l.trim_end()))
}

#[test]
fn help_fits_a_narrow_terminal_too() {
    let root = command(Lang::En);
    for lang in [Lang::Zh, Lang::En] {
        for (path, _) in walk(&root) {
            for long in [false, true] {
                let help = help_at(lang, &path, long, 60);
                for line in prose_lines(&help) {
                    let width = unicode_width::UnicodeWidthStr::width(line);
                    assert!(width <= 60, "{lang:?} {path}: {width} columns: {line}");
                }
            }
        }
    }
}

#[test]
fn no_help_line_is_wider_than_80_columns_except_examples() {
    for lang in [Lang::Zh, Lang::En] {
        for (path, help) in all_help(lang) {
            for line in prose_lines(&help) {
                let width = unicode_width::UnicodeWidthStr::width(line);
                assert!(width <= 80, "{lang:?} {path}: {width} columns: {line}");
            }
        }
    }
}

/// English words in a row left in a line once option names, values after them, quoted text,
/// placeholders and command lines are taken out.
fn english_prose(line: &str) -> Option<String> {
    let mut cleaned = String::new();
    let mut skip_until = None;
    for ch in line.chars() {
        if let Some(end) = skip_until {
            if ch == end {
                skip_until = None;
            }
            continue;
        }
        match ch {
            '\'' => skip_until = Some('\''),
            '<' => skip_until = Some('>'),
            '[' => skip_until = Some(']'),
            c if !c.is_ascii() => cleaned.push('\n'),
            c => cleaned.push(c),
        }
    }
    for segment in cleaned.split('\n') {
        let mut run: Vec<&str> = Vec::new();
        let mut after_option = false;
        let mut in_command = false;
        for token in segment.split_whitespace() {
            if token == "taizhang" {
                in_command = true;
                continue;
            }
            if token.starts_with('-') {
                after_option = true;
                continue;
            }
            let word = token.chars().all(|c| c.is_ascii_alphabetic()) && token.len() >= 2;
            if (after_option || in_command) && word {
                after_option = false;
                continue;
            }
            after_option = false;
            in_command = false;
            if word {
                run.push(token);
                if run.len() >= 2 {
                    return Some(run.join(" "));
                }
            } else {
                run.clear();
            }
        }
    }
    None
}

#[test]
fn chinese_help_has_no_english_prose() {
    assert_eq!(english_prose("  --unit <UNIT>  单位名称或简称"), None);
    assert_eq!(
        english_prose("Print help for the unit").as_deref(),
        Some("Print help")
    );
    for (path, help) in all_help(Lang::Zh) {
        for line in prose_lines(&help) {
            if let Some(words) = english_prose(line) {
                panic!("{path}: English in the Chinese help ({words}): {line}");
            }
        }
    }
}

#[test]
fn every_value_placeholder_is_chinese_under_zh_and_english_under_en() {
    let zh = command(Lang::Zh);
    let mut english = Vec::new();
    for (path, cmd) in walk(&zh) {
        for arg in cmd
            .get_arguments()
            .filter(|a| a.get_action().takes_values())
        {
            for name in arg.get_value_names().unwrap_or_default() {
                // A file name's extension stays as it is (`<另一台账.db>`); "值" is the fallback.
                let bare = name.as_str().trim_end_matches(".db");
                if bare.chars().any(|c| c.is_ascii_alphabetic()) || bare == "值" {
                    english.push(format!("{path} {}: <{name}>", arg.get_id()));
                }
            }
        }
    }
    assert!(
        english.is_empty(),
        "placeholders not in Chinese: {english:#?}"
    );
    let en = command(Lang::En);
    let (_, add) = walk(&en)
        .into_iter()
        .find(|(p, _)| p == "taizhang problem add")
        .unwrap();
    let year = add.get_arguments().find(|a| a.get_id() == "year").unwrap();
    assert_eq!(year.get_value_names().unwrap()[0].as_str(), "N");
}

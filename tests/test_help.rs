//! Help, clap's own errors, completions and the man page, as the real binary prints them.

use taizhang::cli::{command, walk};
use taizhang::render::Lang;

use crate::common::TestEnv;

/// Every command's `--help` in one language at 80 columns, each under the line that produced it.
fn all_help(env: &TestEnv, lang: &str) -> String {
    let mut out = String::new();
    for (path, _) in walk(&command(Lang::En)) {
        let mut args: Vec<&str> = path.split(' ').skip(1).collect();
        args.push("--help");
        let output = env
            .cmd(&args)
            .env("TAIZHANG_LANG", lang)
            .env_remove("TAIZHANG_DB")
            .env_remove("TAIZHANG_AS_OF")
            .output()
            .expect("run taizhang");
        assert_eq!(output.status.code(), Some(0), "{path} --help");
        assert!(output.stderr.is_empty(), "{path} --help wrote to stderr");
        let text = String::from_utf8_lossy(&output.stdout);
        for line in text
            .lines()
            .take_while(|l| !["示例：", "Examples:"].contains(l))
        {
            let width = unicode_width::UnicodeWidthStr::width(line);
            assert!(width <= 80, "{path} --help: {width} columns: {line}");
        }
        out.push_str(&format!(
            "$ TAIZHANG_LANG={lang} {path} --help\n{}\n",
            String::from_utf8_lossy(&output.stdout)
        ));
    }
    out
}

#[test]
fn help_of_every_command_in_chinese() {
    let env = TestEnv::new();
    insta::assert_snapshot!(all_help(&env, "zh"));
}

#[test]
fn help_of_every_command_in_english() {
    let env = TestEnv::new();
    insta::assert_snapshot!(all_help(&env, "en"));
}

#[test]
fn help_is_chinese_by_default_and_english_with_lang_en() {
    let env = TestEnv::new();
    let zh = env.ok(&["progress", "-h"]);
    assert!(
        zh.starts_with("记录整改进展（日期、状态、说明、佐证材料）\n"),
        "{zh}"
    );
    assert!(
        zh.contains("用法：taizhang progress [选项] --status <状态> <编号>..."),
        "{zh}"
    );
    assert!(zh.contains("  -h, --help"), "{zh}");
    let en = env.ok(&["--lang", "en", "progress", "-h"]);
    assert!(
        en.starts_with("Log progress on one or more problems or measures"),
        "{en}"
    );
    assert!(
        en.contains("Usage: taizhang progress [OPTIONS] --status <S> <ITEM>..."),
        "{en}"
    );
    let help_subcommand = env.ok(&["help", "progress"]);
    assert!(
        help_subcommand.contains("用法：taizhang progress"),
        "{help_subcommand}"
    );
}

#[test]
fn version_goes_to_stdout() {
    let env = TestEnv::new();
    let out = env.run(&["--version"]);
    assert!(out.starts_with("exit: 0\n--- stdout\ntaizhang "), "{out}");
}

/// The common mistakes, in both languages: one sentence, the usage line, where the help is.
#[test]
fn clap_errors_in_both_languages() {
    let env = TestEnv::new();
    let cases: &[&[&str]] = &[
        &["status", "--overdu"],
        &["stauts"],
        &["status", "--unit"],
        &["problem", "add", "--unit", "临江市财政局", "问题"],
        &["--format", "xml", "status"],
        &[
            "report", "--unit", "x", "--year", "2024", "--style", "roman",
        ],
        &["link", "--suggest", "M1"],
        &["carry", "M1", "--year", "二〇二四"],
        &["unit"],
    ];
    for lang in ["zh", "en"] {
        let mut out = String::new();
        for args in cases {
            let output = env
                .cmd(args)
                .env("TAIZHANG_LANG", lang)
                .output()
                .expect("run taizhang");
            out.push_str(&format!(
                "$ TAIZHANG_LANG={lang} taizhang {}\n",
                args.join(" ")
            ));
            out.push_str(&env.render(&output));
            out.push('\n');
        }
        insta::assert_snapshot!(format!("clap_errors_{lang}"), out);
    }
}

#[test]
fn completions_for_each_shell() {
    let env = TestEnv::new();
    let bash = env.ok(&["completions", "bash"]);
    for word in ["taizhang", "progress", "import", "status", "completions"] {
        assert!(bash.contains(word), "bash completion lacks {word}");
    }
    assert!(bash.contains("complete "), "not a bash completion script");
    for shell in ["zsh", "fish", "powershell"] {
        let script = env.ok(&["completions", shell]);
        assert!(
            script.contains("progress"),
            "{shell} completion lacks progress"
        );
    }
    let out = env.run(&["completions", "tcsh"]);
    assert!(out.starts_with("exit: 2\n"), "{out}");
}

#[test]
fn man_page_is_roff_with_name_and_synopsis() {
    let env = TestEnv::new();
    let man = env.ok(&["man"]);
    assert!(man.starts_with(".ie"), "{}", &man[..200.min(man.len())]);
    for section in [".SH NAME", ".SH SYNOPSIS", ".SH DESCRIPTION"] {
        assert!(man.contains(section), "man page lacks {section}");
    }
    assert!(man.contains("整改台账"), "Chinese man page");
    assert!(
        man.contains(".SH 示例\n.nf\n\\&taizhang init\n"),
        "examples in the man page"
    );
    let en = env.ok(&["--lang", "en", "man"]);
    assert!(en.contains("rectification ledger"), "English man page");
}

/// Splits an example as a shell would (double quotes; stops at a redirection or a pipe).
fn shell_words(line: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    let (mut quoted, mut in_word) = (false, false);
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

/// Every example of every command's help, run for real on a store `taizhang demo` made: none
/// may be refused by the parser or crash. (Some are refused by the command, rightly: they name
/// files or units the demo has not got.)
#[test]
fn the_examples_in_the_help_run_on_a_demo_store() {
    use clap::CommandFactory;
    let env = TestEnv::new();
    env.ok(&["demo"]);
    let raw = taizhang::cli::Cli::command();
    let mut ran = 0;
    let mut succeeded = 0;
    for (path, _) in walk(&command(Lang::En)) {
        let mut cmd = &raw;
        for name in path.split(' ').skip(1) {
            cmd = cmd.find_subcommand(name).expect("subcommand");
        }
        for example in taizhang::cli::examples(cmd) {
            let words = shell_words(&example);
            let args: Vec<&str> = words.iter().skip(1).map(String::as_str).collect();
            let output = env
                .cmd(&args)
                .env("TAIZHANG_DB", env.dir().join("taizhang-demo.db"))
                .output()
                .expect("run taizhang");
            let stderr = String::from_utf8_lossy(&output.stderr);
            assert!(
                !stderr.starts_with("错误：") && output.status.code() != Some(101),
                "{example}\n{stderr}"
            );
            ran += 1;
            succeeded += usize::from(output.status.success());
        }
    }
    eprintln!("{succeeded} of {ran} examples ran without error");
    assert!(ran >= 60, "only {ran} examples");
    assert!(
        succeeded * 2 >= ran,
        "only {succeeded} of {ran} examples ran"
    );
}

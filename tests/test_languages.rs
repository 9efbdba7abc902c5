//! The real binary over representative confirmations and refusals, once in Chinese (the
//! default) and once in English: the Chinese output holds no English word, the English output no
//! Chinese character, and a snapshot shows each line as the user reads it.

use crate::common::TestEnv;

/// The data a run carries, in the run's language, so that any other language can only come from
/// the program's own wording.
struct Words {
    lang: &'static [&'static str],
    unit: &'static str,
    alias: &'static str,
    problem: &'static str,
    edited: &'static str,
    measure: &'static str,
    reason: &'static str,
}

const ZH: Words = Words {
    lang: &[],
    unit: "东山县财政局",
    alias: "县财政局",
    problem: "台账记录不规范",
    edited: "台账记录不够规范",
    measure: "建立台账月查制度",
    reason: "重复登记",
};

const EN: Words = Words {
    lang: &["--lang", "en"],
    unit: "Dongshan Finance Bureau",
    alias: "Finance Bureau",
    problem: "records kept loosely",
    edited: "records kept too loosely",
    measure: "check the records every month",
    reason: "entered twice",
};

/// Runs every step in the language of `w` and returns the transcript: `$ taizhang …`, the exit
/// code, stdout and stderr of each.
fn transcript(w: &Words) -> String {
    let env = TestEnv::new();
    std::fs::write(
        env.dir().join("bad.json"),
        r#"{"format": "taizhang-export", "version": 1, "units": 5}"#,
    )
    .unwrap();
    std::fs::write(env.dir().join("bad.j2"), "{{ year }\n").unwrap();
    let steps: Vec<Vec<&str>> = vec![
        vec!["init"],
        vec!["unit", "add", w.unit],
        vec!["unit", "alias", w.unit, w.alias],
        vec![
            "problem", "add", "--unit", w.unit, "--year", "2024", w.problem,
        ],
        vec![
            "measure", "add", "--unit", w.unit, "--year", "2024", w.measure,
        ],
        vec![
            "measure", "add", "--unit", w.unit, "--year", "2024", "--for", "M1", w.measure,
        ],
        vec!["link", "M1", "P1"],
        vec!["link", "M1", "P1"],
        vec!["link", "--suggest", "--accept", "P1"],
        vec!["progress", "M1", "--status", "done", "--date", "2025-06-30"],
        vec!["edit", "P1", "--text", w.edited],
        vec!["delete", "P1", "--reason", " "],
        vec!["delete", "P1", "--reason", w.reason],
        vec!["undo"],
        vec!["undo", "99"],
        vec!["undo", "x"],
        vec!["unit", "remove", w.unit],
        vec!["import", "-", "-"],
        vec!["import", "--json", "bad.json"],
        vec![
            "report",
            "--unit",
            w.unit,
            "--year",
            "2024",
            "--template",
            "bad.j2",
        ],
        vec!["--db", "ledger.db", "demo"],
    ];
    let mut text = String::new();
    for step in steps {
        let args: Vec<&str> = w.lang.iter().copied().chain(step).collect();
        text.push_str(&format!("$ taizhang {}\n", args.join(" ")));
        text.push_str(&env.run(&args));
        text.push('\n');
    }
    text
}

/// Words of three or more ASCII letters outside what a Chinese line may carry in Latin letters:
/// a command line after `taizhang`, an option, a file name, an item id.
fn english_words(text: &str) -> Vec<String> {
    let mut words = Vec::new();
    for segment in text.split(|c: char| !c.is_ascii() || c == '\n') {
        let mut command = false;
        for token in segment.split_whitespace() {
            let token = token.trim_matches(|c: char| "()[]'\",;:".contains(c));
            if token == "taizhang" {
                command = true;
                continue;
            }
            let file_or_option = token.starts_with('-') || token.contains(['.', '/']);
            let letters = token.chars().filter(char::is_ascii_alphabetic).count();
            let allowed = matches!(token, "SQLite" | "JSON" | "exit" | "stdout" | "stderr");
            if letters >= 3 && !command && !file_or_option && !allowed {
                words.push(token.to_string());
            }
        }
    }
    words
}

fn is_cjk(c: char) -> bool {
    matches!(c, '\u{3000}'..='\u{303f}' | '\u{3400}'..='\u{9fff}' | '\u{ff00}'..='\u{ffef}')
}

#[test]
fn chinese_confirmations_and_errors_hold_no_english_word() {
    let text = transcript(&ZH);
    let words = english_words(&text);
    assert!(
        words.is_empty(),
        "English in the Chinese output: {words:?}\n{text}"
    );
    insta::assert_snapshot!(text);
}

#[test]
fn english_confirmations_and_errors_hold_no_chinese_character() {
    let text = transcript(&EN);
    let chinese: Vec<&str> = text.lines().filter(|l| l.chars().any(is_cjk)).collect();
    assert!(
        chinese.is_empty(),
        "Chinese in the English output: {chinese:#?}"
    );
    insta::assert_snapshot!(text);
}

#[test]
fn taizhang_lang_in_the_environment_asks_for_english_as_the_option_does() {
    let env = TestEnv::init();
    let by_env = env
        .cmd(&["undo", "99"])
        .env("TAIZHANG_LANG", "en")
        .output()
        .unwrap();
    let by_option = env.cmd(&["--lang", "en", "undo", "99"]).output().unwrap();
    assert_eq!(by_env.stderr, by_option.stderr);
    assert!(String::from_utf8_lossy(&by_env.stderr)
        .starts_with("taizhang: error: there is no operation 99"));
}

#[test]
fn the_english_word_check_can_fail() {
    assert_eq!(
        english_words("taizhang：提示：已添加 problem P3"),
        ["problem"]
    );
    assert!(english_words("请用 taizhang undo 3 恢复；见 bad.json 与 --as-of；M12、P3").is_empty());
}

//! Clap's own errors (a mistyped option, a missing value…) in the user's language.
//!
//! English keeps clap's wording. Chinese gets one sentence built from the error's kind and
//! context, the suggestion clap found (你是不是要找 …), the usage line and where to read the help.
//! An error kind without a Chinese sentence falls back to a general one, so no English prose
//! reaches a Chinese user.

use clap::error::{ContextKind, ContextValue, ErrorKind};

use crate::render::Lang;

/// The text to print on stderr for a parse error (help and version aside), ending in a newline.
/// `args` is the command line (without the program name), to find the command it is about.
pub fn render_error<S: AsRef<std::ffi::OsStr>>(
    error: &clap::Error,
    lang: Lang,
    args: &[S],
) -> String {
    match lang {
        Lang::En => error.render().to_string(),
        Lang::Zh => {
            let mut root = super::command(lang);
            let mut cmd = &mut root;
            let mut path = String::from("taizhang");
            for arg in args {
                let word = arg.as_ref().to_string_lossy();
                if word == "--" {
                    break;
                }
                if word.starts_with('-') || cmd.find_subcommand(word.as_ref()).is_none() {
                    continue;
                }
                path = format!("{path} {word}");
                cmd = cmd.find_subcommand_mut(word.as_ref()).expect("found above");
            }
            let usage = cmd.render_usage().to_string();
            let usage = usage.trim().trim_start_matches("Usage:").trim();
            render_zh(error, &path, usage.lines().next().unwrap_or_default())
        }
    }
}

fn text(error: &clap::Error, kind: ContextKind) -> Option<String> {
    match error.get(kind)? {
        ContextValue::String(s) => Some(s.clone()),
        ContextValue::StyledStr(s) => Some(s.to_string()),
        ContextValue::Number(n) => Some(n.to_string()),
        ContextValue::Strings(v) => v.first().cloned(),
        _ => None,
    }
}

fn list(error: &clap::Error, kind: ContextKind) -> Vec<String> {
    match error.get(kind) {
        Some(ContextValue::Strings(v)) => v.clone(),
        Some(ContextValue::String(s)) => vec![s.clone()],
        Some(ContextValue::StyledStr(s)) => vec![s.to_string()],
        Some(ContextValue::StyledStrs(v)) => v.iter().map(ToString::to_string).collect(),
        _ => Vec::new(),
    }
}

fn quoted(items: &[String]) -> String {
    items
        .iter()
        .map(|s| format!("'{s}'"))
        .collect::<Vec<_>>()
        .join("、")
}

fn render_zh(error: &clap::Error, path: &str, usage: &str) -> String {
    let arg = text(error, ContextKind::InvalidArg).unwrap_or_default();
    let value = text(error, ContextKind::InvalidValue).unwrap_or_default();
    let sentence = match error.kind() {
        ErrorKind::UnknownArgument => format!("不认识的选项或参数 '{arg}'。"),
        ErrorKind::InvalidSubcommand => {
            let name = text(error, ContextKind::InvalidSubcommand).unwrap_or_default();
            format!("没有 '{name}' 这个命令。")
        }
        ErrorKind::InvalidValue if value.is_empty() => format!("{arg} 需要一个值，但没有给出。"),
        ErrorKind::InvalidValue => {
            let valid = list(error, ContextKind::ValidValue);
            if valid.is_empty() {
                format!("'{value}' 不是 {arg} 的有效值。")
            } else {
                format!(
                    "'{value}' 不是 {arg} 的有效值，可选值为 {}。",
                    valid.join("、")
                )
            }
        }
        ErrorKind::ValueValidation => format!("{arg} 的值 '{value}' 格式不对。"),
        ErrorKind::MissingRequiredArgument => {
            let missing = list(error, ContextKind::InvalidArg);
            format!("缺少必须给出的参数：{}。", quoted(&missing))
        }
        ErrorKind::MissingSubcommand => {
            let name = text(error, ContextKind::InvalidSubcommand).unwrap_or_default();
            let valid = list(error, ContextKind::ValidSubcommand);
            format!("'{name}' 后面需要一个命令：{}。", valid.join("、"))
        }
        ErrorKind::ArgumentConflict => {
            let prior = list(error, ContextKind::PriorArg);
            if prior.is_empty() {
                format!("{arg} 只能给一次。")
            } else {
                format!("{arg} 不能与 {} 同时使用。", quoted(&prior))
            }
        }
        ErrorKind::TooManyValues => format!("{arg} 给出的值太多，'{value}' 是多余的。"),
        ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => {
            let expected = text(error, ContextKind::ExpectedNumValues)
                .or_else(|| text(error, ContextKind::MinValues))
                .unwrap_or_default();
            let actual = text(error, ContextKind::ActualNumValues).unwrap_or_default();
            format!("{arg} 需要 {expected} 个值，实际给了 {actual} 个。")
        }
        ErrorKind::NoEquals => format!("{arg} 的值须用等号给出（{arg}=值）。"),
        _ => "命令行有误。".to_string(),
    };
    let mut out = format!("错误：{sentence}\n");
    let suggestions: Vec<String> = [
        ContextKind::SuggestedArg,
        ContextKind::SuggestedSubcommand,
        ContextKind::SuggestedValue,
        ContextKind::SuggestedCommand,
    ]
    .into_iter()
    .flat_map(|kind| list(error, kind))
    .collect();
    if !suggestions.is_empty() {
        out.push_str(&format!("\n  你是不是要找 {}？\n", quoted(&suggestions)));
    }
    if error.kind() == ErrorKind::UnknownArgument && arg.starts_with('-') && suggestions.is_empty()
    {
        out.push_str(&format!(
            "\n  如果 '{arg}' 是要给出的值而不是选项，请在它前面加上 '--'。\n"
        ));
    }
    out.push_str(&format!("\n用法：{usage}\n"));
    out.push_str(&format!("\n查看帮助请运行 '{path} --help'。\n"));
    out
}

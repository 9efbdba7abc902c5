//! The command definition as the user sees it: help in the user's language, examples kept whole.
//!
//! The derive structs in `cli` and `cmd` stay the English help; [`command`] builds them, and for
//! Chinese lays the table in `help_zh` over every command and argument, clap's own words
//! included (用法、选项、默认…). Each command's examples are written as its `after_help` (one
//! command line a line); they are taken out of clap's hands and put at the end of the help under
//! a heading, where clap does not wrap them. Clap renders help unwrapped (`term_width(0)`), and
//! [`wrap_help`](super::wrap::wrap_help) wraps it by display width, the examples excepted.

use clap::Command;
use clap::CommandFactory;

use super::help_zh;
use super::Cli;
use crate::render::Lang;

/// The heading the examples stand under, in each language.
pub const EXAMPLES_HEADING: [&str; 2] = ["示例：", "Examples:"];

/// The whole command line definition, with its help in `lang`.
pub fn command(lang: Lang) -> Command {
    let mut cmd = Cli::command();
    cmd.build();
    localise(cmd, lang, "taizhang")
}

/// The example command lines of a command (its `after_help`, one a line).
pub fn examples(cmd: &Command) -> Vec<String> {
    cmd.get_after_help()
        .map(|text| {
            text.to_string()
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(String::from)
                .collect()
        })
        .unwrap_or_default()
}

/// Every command of the tree with its path (`taizhang unit add`), the root first; clap's own
/// `help` subcommands left out.
pub fn walk(cmd: &Command) -> Vec<(String, &Command)> {
    fn go<'a>(cmd: &'a Command, path: String, out: &mut Vec<(String, &'a Command)>) {
        out.push((path.clone(), cmd));
        for sub in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
            go(sub, format!("{path} {}", sub.get_name()), out);
        }
    }
    let mut out = Vec::new();
    go(cmd, "taizhang".to_string(), &mut out);
    out
}

fn localise(mut cmd: Command, lang: Lang, path: &str) -> Command {
    let examples = examples(&cmd);
    let has_subcommands = cmd.has_subcommands();
    let has_positionals = cmd.get_positionals().any(|a| !a.is_hide_set());
    cmd = cmd.after_help(None::<&'static str>).term_width(0);
    if lang == Lang::Zh {
        cmd = localise_zh(cmd, path);
    }
    let mut help = template(lang, has_subcommands, has_positionals, &examples);
    if path == "taizhang progress" {
        // The words --status takes, from the one list the importers read too.
        help.push_str(match lang {
            Lang::Zh => "\n\n--status 可用的状态词：\n",
            Lang::En => "\n\nStatus words accepted by --status:\n",
        });
        help.push_str(&crate::model::Status::accepted_words());
    }
    cmd = cmd.help_template(help);
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in names {
        let sub_path = format!("{path} {name}");
        cmd = if name == "help" {
            cmd.mut_subcommand(&name, |s| help_subcommand(s, lang, path))
        } else {
            cmd.mut_subcommand(&name, |s| localise(s, lang, &sub_path))
        };
    }
    cmd
}

fn template(lang: Lang, subcommands: bool, positionals: bool, examples: &[String]) -> String {
    let mut t = String::from("{about-with-newline}\n");
    match lang {
        Lang::En => t.push_str("{usage-heading} {usage}\n\n{all-args}"),
        Lang::Zh => {
            t.push_str("用法：{usage}");
            if subcommands {
                t.push_str("\n\n命令：\n{subcommands}");
            }
            if positionals {
                t.push_str("\n\n参数：\n{positionals}");
            }
            t.push_str("\n\n选项：\n{options}");
        }
    }
    if !examples.is_empty() {
        t.push_str("\n\n");
        t.push_str(EXAMPLES_HEADING[usize::from(lang == Lang::En)]);
        for example in examples {
            t.push_str("\n  ");
            t.push_str(example);
        }
    }
    t
}

/// clap's `help` subcommand (and the subcommands it lists, for completion: `target` is the
/// command path the one at hand names, `taizhang` for `help` itself).
fn help_subcommand(mut cmd: Command, lang: Lang, target: &str) -> Command {
    cmd = cmd.term_width(0);
    if lang == Lang::Zh {
        let mut template = String::from("{about-with-newline}\n用法：{usage}");
        if cmd.has_subcommands() {
            template.push_str("\n\n命令：\n{subcommands}");
        }
        if cmd.get_positionals().any(|a| !a.is_hide_set()) {
            template.push_str("\n\n参数：\n{positionals}");
        }
        let about = match cmd.get_name() {
            "help" => "显示本帮助或指定命令的帮助",
            _ => help_zh::command(target).map_or("", |text| text.about),
        };
        cmd = cmd
            .about(about)
            .long_about(None::<&'static str>)
            .help_template(template);
        let usage = usage_zh(&mut cmd);
        cmd = cmd.override_usage(usage);
        let ids: Vec<String> = cmd
            .get_arguments()
            .map(|a| a.get_id().to_string())
            .collect();
        for id in ids {
            cmd = cmd.mut_arg(&id, |a| a.help("要查看帮助的命令"));
        }
    }
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in names {
        let target = format!("{target} {name}");
        cmd = cmd.mut_subcommand(&name, |s| help_subcommand(s, lang, &target));
    }
    cmd
}

fn localise_zh(mut cmd: Command, path: &str) -> Command {
    if let Some(text) = help_zh::command(path) {
        cmd = cmd.about(text.about);
        cmd = match text.long_about {
            Some(long) => cmd.long_about(format!("{}\n\n{long}", text.about)),
            None => cmd.long_about(None::<&'static str>),
        };
    }
    // Every argument in turn, the valueless ones too: `mut_arg` moves an argument to the end,
    // and clap's index of names is right again only once each has moved once, in order.
    let ids: Vec<String> = cmd
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .collect();
    for id in ids {
        cmd = cmd.mut_arg(&id, |arg| {
            if !arg.get_action().takes_values() {
                return arg;
            }
            let names: Vec<String> = match arg.get_value_names() {
                Some(names) => names.iter().map(ToString::to_string).collect(),
                None => vec![id.to_uppercase()],
            };
            let zh: Vec<&'static str> = names
                .iter()
                .map(|name| placeholder_zh(&id, name, names.len()).unwrap_or("值"))
                .collect();
            // Naming the values sets how many there are; keep the count clap settled on.
            let count = arg.get_num_args();
            let arg = arg.value_names(zh);
            match count {
                Some(count) => arg.num_args(count),
                None => arg,
            }
        });
    }
    let usage = usage_zh(&mut cmd);
    cmd = cmd.override_usage(usage);
    let ids: Vec<(String, bool)> = cmd
        .get_arguments()
        .map(|a| (a.get_id().to_string(), a.is_global_set()))
        .collect();
    for (id, global) in ids {
        let help = match id.as_str() {
            "help" => Some("显示帮助"),
            "version" => Some("显示版本"),
            _ => help_zh::arg(path, &id)
                .or_else(|| global.then(|| help_zh::arg("taizhang", &id)).flatten()),
        };
        if let Some(help) = help {
            cmd = cmd.mut_arg(&id, |arg| {
                let mut notes = Vec::new();
                let takes_value = arg.get_action().takes_values();
                let defaults: Vec<String> = arg
                    .get_default_values()
                    .iter()
                    .map(|v| v.to_string_lossy().into_owned())
                    .collect();
                if takes_value && !defaults.is_empty() && !arg.is_hide_default_value_set() {
                    notes.push(format!("默认：{}", defaults.join("、")));
                }
                let values: Vec<String> = arg
                    .get_possible_values()
                    .iter()
                    .filter(|v| !v.is_hide_set())
                    .map(|v| v.get_name().to_string())
                    .collect();
                if takes_value && !values.is_empty() && !arg.is_hide_possible_values_set() {
                    notes.push(format!("可选值：{}", values.join("、")));
                }
                if let Some(env) = arg.get_env() {
                    if !arg.is_hide_env_set() {
                        notes.push(format!("环境变量：{}", env.to_string_lossy()));
                    }
                }
                let text = match (notes.is_empty(), help.strip_suffix('）')) {
                    (true, _) => help.to_string(),
                    // 台账文件（默认为…） → 台账文件（默认为…；环境变量：…）
                    (false, Some(open)) => format!("{open}；{}）", notes.join("；")),
                    (false, None) => format!("{help}（{}）", notes.join("；")),
                };
                arg.help(text)
                    .long_help(None::<&'static str>)
                    .hide_default_value(true)
                    .hide_possible_values(true)
                    .hide_env(true)
            });
        }
    }
    cmd
}

/// Clap's usage line with its placeholders in Chinese (`[选项]`, `<命令>`).
fn usage_zh(cmd: &mut Command) -> String {
    let usage = cmd.render_usage().to_string();
    let usage = usage.trim_start_matches("Usage:").trim();
    usage
        .replace("[OPTIONS]", "[选项]")
        .replace("<COMMAND>", "<命令>")
        .replace("[COMMAND]", "[命令]")
}

/// The Chinese placeholder of a value (`<文件>` for `<FILE>`): by the argument where a letter
/// stands for different things (`T` is a threshold or a title), else by the English name.
fn placeholder_zh(id: &str, name: &str, count: usize) -> Option<&'static str> {
    let by_id = match id {
        "year" | "from" | "to" => Some("年度"),
        "limit" => Some("条数"),
        "min_units" => Some("单位数"),
        "threshold" => Some("阈值"),
        "title" => Some("标题"),
        "category" => Some("类别"),
        "leader" => Some("领导"),
        "owner_dept" | "co_depts" => Some("部门"),
        "owner_person" => Some("责任人"),
        "owner" => Some("责任方"),
        "date" | "as_of" | "due" => Some("日期"),
        "due_within" => Some("期限"),
        "encoding" => Some("编码"),
        "sheet" => Some("工作表"),
        "status" => Some("状态"),
        "kind" => Some("种类"),
        "sort" => Some("排序"),
        "style" => Some("样式"),
        "by" => Some("分组"),
        "format" => Some("格式"),
        "lang" => Some("语言"),
        "color" => Some("何时"),
        "evidence" => Some("佐证材料"),
        "for_problems" => Some("问题编号"),
        "reviewed" => Some("审核稿"),
        "accept" => Some("措施编号"),
        "unit" | "units" => Some("单位"),
        "institution" => Some("类别"),
        "paper" => Some("纸张"),
        _ => None,
    };
    if count == 1 && by_id.is_some() {
        return by_id;
    }
    Some(match name {
        "FILE" | "FILES" => "文件",
        "PATH" => "路径",
        "ITEM" | "ITEMS" => "编号",
        "DATE" => "日期",
        "TEXT" | "NOTE" | "REASON" | "SEARCH" => "内容",
        "ALIAS" => "别名",
        "UNIT" => "单位",
        "NAME" => "名称",
        "KEEP" => "保留的单位",
        "OTHER" => "并入的单位",
        "OTHER.db" => "另一台账.db",
        "SHELL" => "终端",
        "MEASURE" => "措施编号",
        "PROBLEM" => "问题编号",
        "EARLIER" => "先前的问题",
        "LATER" => "后来的问题",
        "OP" => "操作编号",
        "N" => "数量",
        _ => return by_id,
    })
}

//! What can be wrong with a reviewed file (`import --reviewed`), and the one sentence that says
//! where and what to do: in Chinese (`ReviewError::zh`) and in English (`ReviewError::en`).
//! `src/import/reviewed.rs` finds the faults; their wording lives here, with the catalogue.

use crate::render::Lang;

/// The kind of a reviewed item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Problem,
    Measure,
    Outcome,
}

/// Where in the reviewed file: which summary (when the file holds several) and which item,
/// both counted from 0.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Place {
    pub entry: Option<usize>,
    pub item: Option<(Kind, usize)>,
}

/// What is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fault {
    NotJson { end: bool },
    NotAReview,
    NoEntries,
    UnknownField { field: String },
    MissingField { field: String },
    WrongType { field: Option<String> },
    EmptyText,
    TitleNotPrefix { title: String },
    AnswerOutOfRange { answer: usize, problems: usize },
    BadStatus { status: String },
    BadYear { field: &'static str, year: i32 },
    ReportOnLaterYear { refers_to: i32, year: i32 },
    NoUnit,
    NoYear,
    NoDocument { file: String },
}

/// A reviewed file that cannot be recorded: the fault, its place, and its line and column
/// (characters, from 1) when it comes from reading the JSON.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReviewError {
    pub place: Place,
    pub fault: Fault,
    pub at: Option<(usize, usize)>,
}

impl ReviewError {
    pub fn new(place: Place, fault: Fault) -> ReviewError {
        ReviewError {
            place,
            fault,
            at: None,
        }
    }

    /// The sentence, naming the reviewed file as `source`.
    pub fn message(&self, source: &str, lang: Lang) -> String {
        let zh = lang == Lang::Zh;
        let place = self.place_text(zh);
        let at = match (self.at, zh) {
            (Some((line, column)), true) => format!("（第{line}行第{column}列）"),
            (Some((line, column)), false) => format!(" (line {line}, column {column})"),
            (None, _) => String::new(),
        };
        let body = if zh { self.zh(&place) } else { self.en(&place) };
        match (zh, &self.fault) {
            (true, Fault::NotJson { .. } | Fault::NotAReview | Fault::NoEntries) => {
                format!("{source} {body}{at}")
            }
            (true, _) => format!("{source}：{body}{at}"),
            (false, Fault::NotJson { .. } | Fault::NotAReview | Fault::NoEntries) => {
                format!("{source} {body}{at}")
            }
            (false, _) => format!("{source}: {body}{at}"),
        }
    }

    fn place_text(&self, zh: bool) -> String {
        let entry = self.place.entry.map(|e| e + 1);
        let item = self.place.item.map(|(kind, i)| {
            let name = match (kind, zh) {
                (Kind::Problem, true) => "问题",
                (Kind::Measure, true) => "措施",
                (Kind::Outcome, true) => "整改情况",
                (Kind::Problem, false) => "problem",
                (Kind::Measure, false) => "measure",
                (Kind::Outcome, false) => "outcome",
            };
            if zh {
                format!("第{}个{name}", i + 1)
            } else {
                format!("{name} {}", i + 1)
            }
        });
        match (entry, item, zh) {
            (Some(e), Some(item), true) => format!("第{e}份总结的{item}"),
            (Some(e), None, true) => format!("第{e}份总结"),
            (Some(e), Some(item), false) => format!("summary {e}, {item}"),
            (Some(e), None, false) => format!("summary {e}"),
            (None, Some(item), _) => item,
            (None, None, _) => String::new(),
        }
    }

    fn zh(&self, place: &str) -> String {
        let of = if place.is_empty() {
            String::new()
        } else {
            format!("{place}的 ")
        };
        match &self.fault {
            Fault::NotJson { end: true } => "不是完整的 JSON，在此意外结束".to_string(),
            Fault::NotJson { end: false } => {
                "不是合法的 JSON；可用 taizhang import --dry-run --format json 重新生成".to_string()
            }
            Fault::NotAReview => {
                "不是 taizhang import --dry-run --format json 输出的对象（或对象数组）".to_string()
            }
            Fault::NoEntries => "是空数组，没有要导入的总结".to_string(),
            Fault::UnknownField { field } => format!(
                "{place}有不认识的字段“{field}”；可用的字段：{}",
                allowed(self.place).join("、")
            ),
            Fault::MissingField { field } => format!("{place}缺少字段“{field}”"),
            Fault::WrongType { field: Some(field) } => {
                format!("{of}{field} 应为{}", expected(field, true))
            }
            Fault::WrongType { field: None } => match self.place.item {
                Some(_) => format!("{place}应为一个对象（如 {{\"text\": \"…\"}}）"),
                None => format!("{place}应为一个对象"),
            },
            Fault::EmptyText => format!("{of}text 是空的；写上它的内容，或删除这一条"),
            Fault::TitleNotPrefix { title } => {
                format!("{of}title“{title}”不是其 text 的开头；改正 title，或把它设为 null")
            }
            Fault::AnswerOutOfRange { answer, problems } => format!(
                "{of}answers 中的 {answer} 指向第{}个问题（从 0 数起），但只有{problems}个问题",
                answer + 1
            ),
            Fault::BadStatus { status } => format!(
                "{of}status“{status}”不是可用的状态词；用 done、in_progress、long_term 或 not_done"
            ),
            Fault::BadYear { field, year } => {
                format!("{of}{field} {year} 不是可信的年份（应在 1949 至 2100 之间）")
            }
            Fault::ReportOnLaterYear { refers_to, year } => format!(
                "{of}refers_to_year {refers_to} 晚于总结的年度 {year}；整改情况只能报告以前年度的问题"
            ),
            Fault::NoUnit => format!("{place}没有单位：在 unit 中填写，或用 --unit 给出"),
            Fault::NoYear => format!("{place}没有年度：在 year 中填写，或用 --year 给出"),
            Fault::NoDocument { file } => format!(
                "{of}file“{file}”找不到（当前目录和审核稿所在目录下都没有）；改正 file 中的路径"
            ),
        }
    }

    fn en(&self, place: &str) -> String {
        let of = if place.is_empty() {
            String::new()
        } else {
            format!("{place}: ")
        };
        match &self.fault {
            Fault::NotJson { end: true } => "is not complete JSON: it ends too early".to_string(),
            Fault::NotJson { end: false } => {
                "is not valid JSON; make it again with taizhang import --dry-run --format json"
                    .to_string()
            }
            Fault::NotAReview => {
                "is not an object (or array of objects) as printed by taizhang import --dry-run --format json"
                    .to_string()
            }
            Fault::NoEntries => "is an empty array: there is no summary to import".to_string(),
            Fault::UnknownField { field } => format!(
                "{of}unknown field '{field}'; the fields are {}",
                allowed(self.place).join(", ")
            ),
            Fault::MissingField { field } => format!("{of}the field '{field}' is missing"),
            Fault::WrongType { field: Some(field) } => {
                format!("{of}'{field}' must be {}", expected(field, false))
            }
            Fault::WrongType { field: None } => {
                format!("{place} must be an object (like {{\"text\": \"…\"}})")
            }
            Fault::EmptyText => format!("{of}the text is empty; write it, or remove the item"),
            Fault::TitleNotPrefix { title } => format!(
                "{of}the title '{title}' is not the beginning of its text; correct it, or set it to null"
            ),
            Fault::AnswerOutOfRange { answer, problems } => format!(
                "{of}answers holds {answer}, problem {} (counted from 0), but there are only {problems} problems",
                answer + 1
            ),
            Fault::BadStatus { status } => format!(
                "{of}the status '{status}' is not a status word; use done, in_progress, long_term or not_done"
            ),
            Fault::BadYear { field, year } => {
                format!("{of}{field} {year} is not a plausible year (1949 to 2100)")
            }
            Fault::ReportOnLaterYear { refers_to, year } => format!(
                "{of}refers_to_year {refers_to} is after the summary's year {year}; an outcome reports on an earlier year's problem"
            ),
            Fault::NoUnit => format!("{of}no unit: fill in 'unit', or give --unit"),
            Fault::NoYear => format!("{of}no year: fill in 'year', or give --year"),
            Fault::NoDocument { file } => format!(
                "{of}the file '{file}' is neither in the current directory nor beside the review; correct the path in 'file'"
            ),
        }
    }
}

/// The fields an object at `place` may have: what the dry run prints there.
fn allowed(place: Place) -> &'static [&'static str] {
    match place.item {
        None => &[
            "file", "unit", "year", "problems", "measures", "outcomes", "warnings",
        ],
        Some((Kind::Problem, _)) => &["text"],
        Some((Kind::Measure, _)) => &["title", "text", "answers"],
        Some((Kind::Outcome, _)) => &["text", "status", "refers_to_year"],
    }
}

fn expected(field: &str, zh: bool) -> &'static str {
    match (field, zh) {
        ("year" | "refers_to_year", true) => "年份数字（如 2023）或 null",
        ("year" | "refers_to_year", false) => "a year (like 2023) or null",
        ("unit" | "title", true) => "文字或 null",
        ("unit" | "title", false) => "a string or null",
        ("answers", true) => "问题序号（从 0 数起的整数）组成的数组",
        ("answers", false) => "an array of problem indices (whole numbers from 0)",
        ("problems" | "measures" | "outcomes" | "warnings", true) => "数组",
        ("problems" | "measures" | "outcomes" | "warnings", false) => "an array",
        (_, true) => "文字",
        (_, false) => "a string",
    }
}

//! `taizhang link --suggest`: proposed links between measures and the problems they answer.

use serde::Serialize;

use super::records::{Column, Record};
use super::table::shorten;
use super::Lang;
use crate::analysis::linking::{Strength, Suggestion};

/// A suggestion in its stable machine shape (README: "link --suggest"): `{"measure",
/// "measure_text", "problem", "problem_text", "shared_words", "strength", "score"}`.
#[derive(Debug, Serialize)]
pub struct SuggestionRecord<'a> {
    pub measure: String,
    pub measure_text: &'a str,
    pub problem: String,
    pub problem_text: &'a str,
    pub shared_words: &'a [String],
    pub strength: Strength,
    pub score: f64,
    #[serde(skip)]
    title: Option<&'a str>,
}

impl<'a> SuggestionRecord<'a> {
    /// `title` is the measure's heading, shown instead of its text in tables when it has one.
    pub fn new(s: &'a Suggestion, title: Option<&'a str>) -> Self {
        SuggestionRecord {
            measure: s.measure.to_string(),
            measure_text: &s.measure_text,
            problem: s.problem.to_string(),
            problem_text: &s.problem_text,
            shared_words: &s.shared_words,
            strength: s.strength,
            score: s.score,
            title,
        }
    }
}

/// The strength as people read it.
pub fn strength_label(strength: Strength, lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => strength.label_zh(),
        Lang::En => strength.code(),
    }
}

impl Record for SuggestionRecord<'_> {
    const CSV_HEADER: &'static [&'static str] = &[
        "measure",
        "measure_text",
        "problem",
        "problem_text",
        "shared_words",
        "strength",
        "score",
    ];
    const COLUMNS: &'static [Column] = &[
        Column::wrapping("措施", "Measure"),
        Column::wrapping("可能针对的问题", "Likely answers"),
        Column::wrapping("共同词语", "Shared words"),
        Column::fixed("强度", "Strength"),
    ];

    fn csv_row(&self) -> Vec<String> {
        vec![
            self.measure.clone(),
            self.measure_text.to_string(),
            self.problem.clone(),
            self.problem_text.to_string(),
            self.shared_words.join(";"),
            self.strength.code().to_string(),
            format!("{:.2}", self.score),
        ]
    }

    fn human_row(&self, lang: Lang, full: bool) -> Vec<String> {
        let cut = |text: &str, max| {
            if full {
                text.to_string()
            } else {
                shorten(text, max)
            }
        };
        let measure = match self.title.filter(|_| !full) {
            Some(title) => cut(title, 20),
            None => cut(self.measure_text, 20),
        };
        let separator = lang.pick("、", ", ");
        vec![
            format!("{} {measure}", self.measure),
            format!("{} {}", self.problem, cut(self.problem_text, 34)),
            self.shared_words.join(separator),
            strength_label(self.strength, lang).to_string(),
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ItemId;
    use crate::render::{emit, Format};

    fn suggestion() -> Suggestion {
        Suggestion {
            unit: "甲局".into(),
            measure: ItemId::measure(5),
            measure_year: 2024,
            measure_text: "压实安全责任。每学期开展一次校园安全隐患拉网式排查".into(),
            problem: ItemId::problem(3),
            problem_year: 2024,
            problem_text: "校园安全隐患排查不彻底，安全责任压得不实".into(),
            shared_words: vec!["安全隐患".into(), "安全责任".into()],
            strength: Strength::High,
            score: 0.41,
        }
    }

    fn render(format: Format, lang: Lang) -> String {
        let s = suggestion();
        let rows = [SuggestionRecord::new(&s, Some("压实安全责任"))];
        let mut out = Vec::new();
        emit(&mut out, format, lang, &rows, "none").unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn json_carries_the_documented_keys_in_order_with_the_full_texts() {
        let value: serde_json::Value =
            serde_json::from_str(&render(Format::Json, Lang::Zh)).unwrap();
        let keys: Vec<&str> = value[0]
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        assert_eq!(
            keys,
            [
                "measure",
                "measure_text",
                "problem",
                "problem_text",
                "shared_words",
                "strength",
                "score"
            ]
        );
        assert_eq!(value[0]["strength"], "high");
        assert_eq!(value[0]["measure_text"], suggestion().measure_text);
    }

    #[test]
    fn csv_joins_shared_words_with_semicolons() {
        let text = render(Format::Csv, Lang::Zh);
        let mut lines = text.lines();
        assert_eq!(
            lines.next(),
            Some("measure,measure_text,problem,problem_text,shared_words,strength,score")
        );
        assert!(lines
            .next()
            .unwrap()
            .ends_with(",安全隐患;安全责任,high,0.41"));
    }

    #[test]
    fn the_table_shows_the_measure_title_the_words_and_a_plain_strength_but_no_score() {
        let zh = render(Format::Table, Lang::Zh);
        assert!(zh.contains("M5 压实安全责任"), "{zh}");
        assert!(zh.contains("安全隐患、安全责任"), "{zh}");
        assert!(zh.contains("高"), "{zh}");
        assert!(!zh.contains("0.41"), "{zh}");
        assert!(render(Format::Table, Lang::En).contains("high"));
    }
}

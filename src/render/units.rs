//! `taizhang unit list`.

use serde::Serialize;

use super::records::{csv_list, Column, Record};
use super::Lang;
use crate::model::UnitSummary;

/// A unit in its stable machine shape (README: "unit list").
#[derive(Debug, Serialize)]
pub struct UnitRecord<'a> {
    pub name: &'a str,
    pub uuid: &'a str,
    pub aliases: &'a [String],
    pub problems: i64,
    pub measures: i64,
}

impl<'a> From<&'a UnitSummary> for UnitRecord<'a> {
    fn from(s: &'a UnitSummary) -> Self {
        UnitRecord {
            name: &s.unit.name,
            uuid: &s.unit.uuid,
            aliases: &s.unit.aliases,
            problems: s.problems,
            measures: s.measures,
        }
    }
}

impl Record for UnitRecord<'_> {
    const CSV_HEADER: &'static [&'static str] =
        &["name", "uuid", "aliases", "problems", "measures"];
    const COLUMNS: &'static [Column] = &[
        Column::wrapping("单位", "Unit"),
        Column::wrapping("别名", "Aliases"),
        Column::fixed("问题", "Problems"),
        Column::fixed("措施", "Measures"),
    ];

    fn csv_row(&self) -> Vec<String> {
        vec![
            self.name.to_string(),
            self.uuid.to_string(),
            csv_list(self.aliases),
            self.problems.to_string(),
            self.measures.to_string(),
        ]
    }

    fn human_row(&self, lang: Lang, _full: bool) -> Vec<String> {
        vec![
            self.name.to_string(),
            self.aliases.join(lang.pick("、", ", ")),
            self.problems.to_string(),
            self.measures.to_string(),
        ]
    }
}

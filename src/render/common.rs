//! Problems shared by many units (`taizhang common`): one row per cluster for people and in JSON,
//! one row per problem in CSV.

use std::io::{self, Write};

use serde::Serialize;

use super::records::{emit, Column, Record};
use super::{Format, Lang};
use crate::analysis::clusters::Cluster;
use crate::model::ItemId;

/// How many unit names and problem ids a terminal table shows before "…".
const NAMES_SHOWN: usize = 3;
const IDS_SHOWN: usize = 6;

/// A cluster in its stable machine shape (README: "common").
#[derive(Debug, Serialize)]
pub struct ClusterRecord<'a> {
    pub units: usize,
    pub unit_names: &'a [&'a str],
    pub problems: Vec<MemberRef<'a>>,
    /// The representative wording: the member closest to the cluster's centre.
    pub text: &'a str,
    #[serde(skip)]
    number: usize,
}

/// A problem of a cluster.
#[derive(Debug, Serialize)]
pub struct MemberRef<'a> {
    pub id: ItemId,
    pub unit: &'a str,
    pub year: i32,
    pub text: &'a str,
}

impl<'a> ClusterRecord<'a> {
    /// The record of the `number`-th cluster (counting from 1).
    pub fn new(number: usize, cluster: &'a Cluster<'a>) -> Self {
        ClusterRecord {
            units: cluster.units.len(),
            unit_names: &cluster.units,
            problems: cluster
                .members
                .iter()
                .map(|p| MemberRef {
                    id: p.id,
                    unit: &p.unit,
                    year: p.year,
                    text: &p.text,
                })
                .collect(),
            text: &cluster.representative.text,
            number,
        }
    }
}

impl Record for ClusterRecord<'_> {
    const CSV_HEADER: &'static [&'static str] = MemberRecord::CSV_HEADER;
    const COLUMNS: &'static [Column] = &[
        Column::fixed("序号", "No."),
        Column::fixed("单位数", "Units"),
        Column::wrapping("共性问题", "Shared problem"),
        Column::wrapping("单位", "Unit names"),
        Column::wrapping("问题编号", "Problems"),
    ];

    /// Not used: CSV has one row per problem (see [`MemberRecord`]).
    fn csv_row(&self) -> Vec<String> {
        Vec::new()
    }

    fn human_row(&self, lang: Lang, full: bool) -> Vec<String> {
        let names = if full || self.unit_names.len() <= NAMES_SHOWN {
            self.unit_names.join(lang.pick("、", ", "))
        } else {
            let shown = self.unit_names[..NAMES_SHOWN].join(lang.pick("、", ", "));
            match lang {
                Lang::Zh => format!("{shown}等{}个单位", self.units),
                Lang::En => format!("{shown} and {} more", self.units - NAMES_SHOWN),
            }
        };
        let ids: Vec<String> = self.problems.iter().map(|p| p.id.to_string()).collect();
        let ids = if full || ids.len() <= IDS_SHOWN {
            ids.join(" ")
        } else {
            let shown = ids[..IDS_SHOWN].join(" ");
            match lang {
                Lang::Zh => format!("{shown} …共{}个", ids.len()),
                Lang::En => format!("{shown} … {} in all", ids.len()),
            }
        };
        vec![
            self.number.to_string(),
            self.units.to_string(),
            self.text.to_string(),
            names,
            ids,
        ]
    }
}

/// One problem of a cluster, for CSV.
#[derive(Debug, Serialize)]
pub struct MemberRecord<'a> {
    pub cluster: usize,
    pub units: usize,
    #[serde(flatten)]
    pub problem: &'a MemberRef<'a>,
}

impl Record for MemberRecord<'_> {
    const CSV_HEADER: &'static [&'static str] = &["cluster", "units", "id", "unit", "year", "text"];
    const COLUMNS: &'static [Column] = &[];

    fn csv_row(&self) -> Vec<String> {
        vec![
            self.cluster.to_string(),
            self.units.to_string(),
            self.problem.id.to_string(),
            self.problem.unit.to_string(),
            self.problem.year.to_string(),
            self.problem.text.to_string(),
        ]
    }

    fn human_row(&self, _lang: Lang, _full: bool) -> Vec<String> {
        Vec::new()
    }
}

/// Prints the clusters, largest first. A terminal table ends with a count line.
pub fn print(
    out: &mut dyn Write,
    format: Format,
    lang: Lang,
    clusters: &[Cluster<'_>],
    min_units: usize,
) -> io::Result<()> {
    let records: Vec<ClusterRecord<'_>> = clusters
        .iter()
        .enumerate()
        .map(|(i, c)| ClusterRecord::new(i + 1, c))
        .collect();
    if format == Format::Csv {
        let members: Vec<MemberRecord<'_>> = records
            .iter()
            .flat_map(|r| {
                r.problems.iter().map(|problem| MemberRecord {
                    cluster: r.number,
                    units: r.units,
                    problem,
                })
            })
            .collect();
        return emit(out, format, lang, &members, "");
    }
    let empty = match lang {
        Lang::Zh => format!("没有{min_units}个以上单位共有的问题。"),
        Lang::En => format!("No problem is shared by {min_units} or more units."),
    };
    emit(out, format, lang, &records, &empty)?;
    if format == Format::Table && !records.is_empty() {
        let problems: usize = records.iter().map(|r| r.problems.len()).sum();
        match lang {
            Lang::Zh => writeln!(
                out,
                "共 {} 组共性问题，涉及 {problems} 个问题（至少 {min_units} 个单位）",
                records.len()
            )?,
            Lang::En => writeln!(
                out,
                "{} shared problems, {problems} problems in all (at least {min_units} units each)",
                records.len()
            )?,
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ProblemText;

    fn problem(id: i64, unit: &str, text: &str) -> ProblemText {
        ProblemText {
            id: ItemId::problem(id),
            unit_id: id,
            unit: unit.to_string(),
            year: 2024,
            text: text.to_string(),
        }
    }

    fn render(format: Format, lang: Lang, problems: &[ProblemText]) -> String {
        let cluster = Cluster {
            members: problems.iter().collect(),
            units: problems.iter().map(|p| p.unit.as_str()).collect(),
            representative: &problems[0],
        };
        let mut out = Vec::new();
        print(&mut out, format, lang, &[cluster], 2).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn csv_has_one_row_per_problem_with_its_cluster_number() {
        let problems = [
            problem(3, "甲局", "学习不深入"),
            problem(8, "乙局", "学习不够深入"),
        ];
        let csv = render(Format::Csv, Lang::Zh, &problems);
        assert_eq!(
            csv,
            "cluster,units,id,unit,year,text\n1,2,P3,甲局,2024,学习不深入\n1,2,P8,乙局,2024,学习不够深入\n"
        );
    }

    #[test]
    fn long_lists_are_shortened_in_tables_but_not_in_markdown() {
        let problems: Vec<ProblemText> = (1..=8)
            .map(|i| problem(i, &format!("单位{i}"), "档案管理不规范"))
            .collect();
        let row = ClusterRecord::new(
            1,
            &Cluster {
                members: problems.iter().collect(),
                units: problems.iter().map(|p| p.unit.as_str()).collect(),
                representative: &problems[0],
            },
        )
        .human_row(Lang::Zh, false);
        assert_eq!(row[3], "单位1、单位2、单位3等8个单位");
        assert_eq!(row[4], "P1 P2 P3 P4 P5 P6 …共8个");
        let md = render(Format::Md, Lang::En, &problems);
        assert!(md.contains("单位8") && md.contains("P8"), "{md}");
    }

    #[test]
    fn no_clusters_says_so_in_a_table_and_is_an_empty_array_in_json() {
        let mut out = Vec::new();
        print(&mut out, Format::Table, Lang::En, &[], 3).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "No problem is shared by 3 or more units.\n"
        );
        let mut out = Vec::new();
        print(&mut out, Format::Json, Lang::En, &[], 3).unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), "[]\n");
    }
}

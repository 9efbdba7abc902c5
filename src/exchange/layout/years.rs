//! A workbook of many units: one sheet a year, the units one after the other with a 单位
//! column, instead of one sheet per unit and year (20,000 units × 10 years would be 200,000
//! sheets, which no spreadsheet opens); and the size above which a workbook is refused.

use super::Sheet;

/// Up to this many sheets of a unit and year, a workbook has one per unit and year; above, one
/// sheet a year with a 单位 column.
pub const MAX_UNIT_SHEETS: usize = 100;

/// The most ledger rows a workbook holds. Excel takes 1,048,576 rows a sheet, but a workbook
/// of more than this is slow to write and to open; above it `export --xlsx` refuses and
/// suggests --unit, --year or --csv.
pub const MAX_WORKBOOK_ROWS: usize = 200_000;

/// The sheets of one year, of every unit, in the order they come.
#[derive(Debug, Clone, PartialEq)]
pub struct YearSheets<'a> {
    pub year: i32,
    pub units: Vec<&'a Sheet>,
}

/// `Some` with the sheets gathered by year (earliest first) when there are more than
/// [`MAX_UNIT_SHEETS`] of them, else `None` (one sheet per unit and year).
pub fn by_year(sheets: &[Sheet]) -> Option<Vec<YearSheets<'_>>> {
    if sheets.len() <= MAX_UNIT_SHEETS {
        return None;
    }
    let mut years: Vec<i32> = sheets.iter().map(|s| s.year).collect();
    years.sort_unstable();
    years.dedup();
    let mut gathered: Vec<YearSheets<'_>> = years
        .into_iter()
        .map(|year| YearSheets {
            year,
            units: Vec::new(),
        })
        .collect();
    for sheet in sheets {
        let at = gathered
            .binary_search_by_key(&sheet.year, |y| y.year)
            .expect("every year was gathered");
        gathered[at].units.push(sheet);
    }
    Some(gathered)
}

impl YearSheets<'_> {
    /// 2024年度各单位问题整改台账
    pub fn title(&self) -> String {
        format!("{}年度各单位问题整改台账", self.year)
    }

    /// The sheet's name: 2024年度.
    pub fn name(&self) -> String {
        format!("{}年度", self.year)
    }

    pub fn lines(&self) -> usize {
        self.units.iter().map(|s| s.lines()).sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sheets(units: usize, years: &[i32]) -> Vec<Sheet> {
        (0..units)
            .flat_map(|u| {
                years.iter().map(move |&year| Sheet {
                    unit: format!("第{u}单位"),
                    year,
                    groups: vec![],
                })
            })
            .collect()
    }

    #[test]
    fn a_few_units_keep_a_sheet_per_unit_and_year() {
        assert_eq!(by_year(&sheets(50, &[2024, 2025])), None);
    }

    #[test]
    fn many_units_get_a_sheet_a_year_each_listing_every_unit_in_order() {
        let all = sheets(51, &[2025, 2024]);
        let years = by_year(&all).unwrap();
        let names: Vec<String> = years.iter().map(YearSheets::name).collect();
        assert_eq!(names, ["2024年度", "2025年度"]);
        assert_eq!(years[0].units.len(), 51);
        assert_eq!(years[0].units[0].unit, "第0单位");
        assert_eq!(years[0].units[50].unit, "第50单位");
        assert!(years[1].units.iter().all(|s| s.year == 2025));
    }
}

//! A sheet as a grid of cells: what a ledger file holds, before it is understood.
//!
//! Workbooks (.xlsx, .xlsm, .xls, .ods) are read with calamine, merged regions included; CSV is
//! decoded (UTF-8 with or without BOM, or GB18030 as Excel saves it on Chinese Windows) and read
//! with the csv crate. Positions are absolute and 0-based; people see row `r + 1`.

use std::path::Path;

use calamine::{Data, Reader};
use chrono::{Days, NaiveDate};

use crate::error::messages::IoReason;
use crate::error::{Error, Msg, Result};

/// One cell's value.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    Number(f64),
    Date(NaiveDate),
}

impl Cell {
    /// The cell as people read it: numbers without a useless `.0`, dates as YYYY-MM-DD.
    pub fn text(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(t) => t.trim().to_string(),
            Cell::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => format!("{}", *n as i64),
            Cell::Number(n) => n.to_string(),
            Cell::Date(d) => d.to_string(),
        }
    }

    pub fn is_empty(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(t) => t.trim().is_empty(),
            _ => false,
        }
    }
}

/// A rectangle of merged cells, inclusive, 0-based.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Region {
    pub first_row: usize,
    pub first_col: usize,
    pub last_row: usize,
    pub last_col: usize,
}

impl Region {
    pub fn contains(&self, row: usize, col: usize) -> bool {
        (self.first_row..=self.last_row).contains(&row)
            && (self.first_col..=self.last_col).contains(&col)
    }

    pub fn width(&self) -> usize {
        self.last_col - self.first_col + 1
    }
}

/// A sheet: its name, its cells by row and column, and its merged regions.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Grid {
    pub sheet: String,
    pub rows: Vec<Vec<Cell>>,
    pub merges: Vec<Region>,
}

impl Grid {
    /// The value at a position, as the merged region covering it shows it (its top-left cell).
    pub fn value(&self, row: usize, col: usize) -> &Cell {
        let (r, c) = self
            .merges
            .iter()
            .find(|m| m.contains(row, col))
            .map_or((row, col), |m| (m.first_row, m.first_col));
        self.rows
            .get(r)
            .and_then(|cells| cells.get(c))
            .unwrap_or(&Cell::Empty)
    }

    /// The merged region covering a position, if any.
    pub fn merge_at(&self, row: usize, col: usize) -> Option<&Region> {
        self.merges.iter().find(|m| m.contains(row, col))
    }

    pub fn width(&self) -> usize {
        self.rows.iter().map(Vec::len).max().unwrap_or(0)
    }
}

/// Reads the sheet of a ledger file: `sheet` by name, else the first for which `wanted` is true
/// (the first sheet when none is). CSV files have one sheet.
pub fn read(path: &Path, sheet: Option<&str>, wanted: impl Fn(&Grid) -> bool) -> Result<Grid> {
    if !path.is_file() {
        return Err(Msg::CannotRead {
            path: path.display().to_string(),
            reason: IoReason::NotFound,
        }
        .into());
    }
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or_default()
        .to_ascii_lowercase();
    if matches!(extension.as_str(), "csv" | "txt") {
        if let Some(name) = sheet {
            return Err(Msg::CsvHasNoSheets {
                path: path.display().to_string(),
                sheet: name.to_string(),
            }
            .into());
        }
        return read_csv(path);
    }
    read_workbook(path, sheet, wanted)
}

fn read_csv(path: &Path) -> Result<Grid> {
    let bytes = super::input::read(path, super::input::LEDGER_LIMIT)?;
    let text = crate::import::decode(&bytes, None).map_err(|e| {
        use crate::import::ImportError;
        let path = path.display().to_string();
        Error::from(match e {
            ImportError::Empty => Msg::CsvEmpty { path },
            ImportError::Binary => Msg::CsvNotText { path },
            _ => Msg::CsvEncoding { path },
        })
    })?;
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for (index, record) in reader.records().enumerate() {
        let record = record.map_err(|_| {
            Error::from(Msg::CsvBadRow {
                path: path.display().to_string(),
                row: index + 1,
            })
        })?;
        rows.push(
            record
                .iter()
                .map(|v| {
                    if v.trim().is_empty() {
                        Cell::Empty
                    } else {
                        Cell::Text(crate::render::cells::undefuse(v).to_string())
                    }
                })
                .collect(),
        );
    }
    let sheet = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    Ok(Grid {
        sheet,
        rows,
        merges: vec![],
    })
}

fn read_workbook(path: &Path, sheet: Option<&str>, wanted: impl Fn(&Grid) -> bool) -> Result<Grid> {
    // calamine's own reason (a zip or a BIFF error) is not shown: it means nothing to people.
    let unreadable = |_: &dyn std::fmt::Display| {
        Error::from(Msg::NotASpreadsheet {
            path: path.display().to_string(),
        })
    };
    super::input::check(path, super::input::LEDGER_LIMIT)?;
    // calamine's reason (a zip or a BIFF error) means nothing to people; say what it amounts to.
    let mut workbook = calamine::open_workbook_auto(path)
        .map_err(|_| unreadable(&"it is damaged, or not a workbook"))?;
    let names = workbook.sheet_names();
    if let Some(name) = sheet {
        if !names.iter().any(|n| n == name) {
            return Err(Error::NoSuchSheet {
                path: path.to_path_buf(),
                sheet: name.to_string(),
                sheets: names.join("、"),
            });
        }
        return load_sheet(&mut workbook, name).map_err(|e| unreadable(&e));
    }
    let mut first = None;
    for name in &names {
        let grid = load_sheet(&mut workbook, name).map_err(|e| unreadable(&e))?;
        if wanted(&grid) {
            return Ok(grid);
        }
        first.get_or_insert(grid);
    }
    first.ok_or_else(|| unreadable(&"it has no sheets"))
}

fn load_sheet<RS: std::io::Read + std::io::Seek>(
    workbook: &mut calamine::Sheets<RS>,
    name: &str,
) -> std::result::Result<Grid, String> {
    let rows = match workbook {
        calamine::Sheets::Xlsx(x) => xlsx_rows(x, name)?,
        _ => range_rows(&workbook.worksheet_range(name).map_err(|e| e.to_string())?),
    };
    let merges = match workbook {
        calamine::Sheets::Xlsx(x) => x
            .worksheet_merge_cells(name)
            .transpose()
            .map_err(|e| e.to_string())?
            .unwrap_or_default(),
        calamine::Sheets::Xls(x) => x.worksheet_merge_cells(name).unwrap_or_default(),
        _ => Vec::new(),
    };
    Ok(Grid {
        sheet: name.to_string(),
        rows,
        merges: merges
            .into_iter()
            .map(|d| Region {
                first_row: d.start.0 as usize,
                first_col: d.start.1 as usize,
                last_row: d.end.0 as usize,
                last_col: d.end.1 as usize,
            })
            .collect(),
    })
}

/// The most rows and columns of a sheet that are read: far more than any ledger, far fewer than
/// the million rows and 16,384 columns a stray far-away cell (XFD1048576) would make.
const MAX_ROWS: u32 = 100_000;
const MAX_COLS: u32 = 256;

/// A workbook sheet's cells, read one by one so a far-away cell allocates nothing: cells past
/// [`MAX_ROWS`] or [`MAX_COLS`] are ignored, with a note on stderr.
fn xlsx_rows<RS: std::io::Read + std::io::Seek>(
    workbook: &mut calamine::Xlsx<RS>,
    name: &str,
) -> std::result::Result<Vec<Vec<Cell>>, String> {
    let mut reader = workbook
        .worksheet_cells_reader(name)
        .map_err(|e| e.to_string())?;
    let mut rows: Vec<Vec<Cell>> = Vec::new();
    let mut ignored = 0usize;
    while let Some(cell) = reader.next_cell().map_err(|e| e.to_string())? {
        let (r, c) = cell.get_position();
        if r >= MAX_ROWS || c >= MAX_COLS {
            ignored += 1;
            continue;
        }
        let value = cell_of(&Data::from(cell.get_value().clone()));
        if value == Cell::Empty {
            continue;
        }
        let (r, c) = (r as usize, c as usize);
        if rows.len() <= r {
            rows.resize(r + 1, Vec::new());
        }
        if rows[r].len() <= c {
            rows[r].resize(c + 1, Cell::Empty);
        }
        rows[r][c] = value;
    }
    let width = rows.iter().map(Vec::len).max().unwrap_or(0);
    for row in &mut rows {
        row.resize(width, Cell::Empty);
    }
    if ignored > 0 {
        // Read before any command context exists: the language the command line asks for.
        let lang = crate::render::Lang::requested(
            std::env::args_os(),
            std::env::var("TAIZHANG_LANG").ok().as_deref(),
        );
        let message = crate::error::Msg::SheetCellsIgnored {
            sheet: name.to_string(),
            ignored,
            rows: MAX_ROWS as usize,
            cols: MAX_COLS as usize,
        }
        .render(lang);
        eprintln!("{}", crate::error::Msg::NoteLine { message }.render(lang));
    }
    Ok(rows)
}

/// The cells of a range calamine read whole (.xls, .ods).
fn range_rows(range: &calamine::Range<Data>) -> Vec<Vec<Cell>> {
    let mut rows: Vec<Vec<Cell>> = Vec::new();
    if let (Some((r0, c0)), Some((r1, c1))) = (range.start(), range.end()) {
        let (r1, c1) = (r1.min(MAX_ROWS - 1), c1.min(MAX_COLS - 1));
        rows = vec![vec![Cell::Empty; c1 as usize + 1]; r1 as usize + 1];
        for r in r0..=r1 {
            for c in c0..=c1 {
                if let Some(value) = range.get_value((r, c)) {
                    rows[r as usize][c as usize] = cell_of(value);
                }
            }
        }
    }
    rows
}

fn cell_of(value: &Data) -> Cell {
    match value {
        Data::Empty => Cell::Empty,
        Data::String(s) if s.trim().is_empty() => Cell::Empty,
        Data::String(s) => Cell::Text(s.clone()),
        Data::Int(i) => Cell::Number(*i as f64),
        Data::Float(f) => Cell::Number(*f),
        Data::Bool(b) => Cell::Text(if *b { "是" } else { "否" }.to_string()),
        // calamine's "dates" feature is off; a ledger's date-formatted cells are dates, not times.
        Data::DateTime(dt) => {
            serial_date(dt.as_f64()).map_or_else(|| Cell::Number(dt.as_f64()), Cell::Date)
        }
        Data::DateTimeIso(s) => s
            .get(..10)
            .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
            .map_or_else(|| Cell::Text(s.clone()), Cell::Date),
        Data::DurationIso(s) => Cell::Text(s.clone()),
        Data::Error(e) => Cell::Text(e.to_string()),
    }
}

/// The date of an Excel serial day number (1900 date system).
pub fn serial_date(serial: f64) -> Option<NaiveDate> {
    if !(1.0..2_958_466.0).contains(&serial) {
        return None;
    }
    NaiveDate::from_ymd_opt(1899, 12, 30)?.checked_add_days(Days::new(serial.floor() as u64))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excel_serial_days_are_dates() {
        assert_eq!(serial_date(45838.0), NaiveDate::from_ymd_opt(2025, 6, 30));
        assert_eq!(serial_date(45838.75), NaiveDate::from_ymd_opt(2025, 6, 30));
        assert_eq!(serial_date(-3.0), None);
    }

    #[test]
    fn a_merged_region_shows_its_top_left_value_everywhere() {
        let grid = Grid {
            sheet: "s".into(),
            rows: vec![
                vec![Cell::Text("问题".into()), Cell::Text("措施一".into())],
                vec![Cell::Empty, Cell::Text("措施二".into())],
            ],
            merges: vec![Region {
                first_row: 0,
                first_col: 0,
                last_row: 1,
                last_col: 0,
            }],
        };
        assert_eq!(grid.value(1, 0), &Cell::Text("问题".into()));
        assert_eq!(grid.value(1, 1), &Cell::Text("措施二".into()));
        assert_eq!(grid.value(5, 5), &Cell::Empty);
    }

    #[test]
    fn numbers_read_as_people_write_them() {
        assert_eq!(Cell::Number(3.0).text(), "3");
        assert_eq!(Cell::Number(2.5).text(), "2.5");
        assert_eq!(Cell::Text("  甲 ".into()).text(), "甲");
    }
}

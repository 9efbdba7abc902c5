//! Writing the ledger as CSV for Excel: UTF-8 with a byte-order mark (without one, Excel on
//! Chinese Windows reads UTF-8 as GBK and shows garbage), one row per measure, the problem's cells
//! repeated on each of its rows, and 单位 / 年度 columns so that several units and years fit in
//! one file. `import --ledger` reads it back.

use super::layout::{Sheet, HEADERS};

/// The byte-order mark Excel looks for.
pub const BOM: &str = "\u{feff}";

/// The file's bytes.
pub fn write(sheets: &[Sheet]) -> std::io::Result<Vec<u8>> {
    let mut bytes = BOM.as_bytes().to_vec();
    {
        let mut writer = crate::render::cells::CsvWriter::from_writer(&mut bytes);
        let header: Vec<&str> = ["单位", "年度"].into_iter().chain(HEADERS).collect();
        writer.write_record(&header)?;
        for sheet in sheets {
            for group in &sheet.groups {
                for line in &group.lines {
                    let year = sheet.year.to_string();
                    let cells = line.cells(group);
                    let row = [sheet.unit.as_str(), year.as_str()]
                        .into_iter()
                        .chain(cells.iter().map(String::as_str));
                    writer.write_record(row)?;
                }
            }
        }
        writer.flush()?;
    }
    Ok(bytes)
}

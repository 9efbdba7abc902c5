//! Exchange with Excel and with other units: the ledger as people keep it in spreadsheets, and
//! the whole store as a JSON file.
//!
//! Reading: [`grid`] loads a sheet (calamine for workbooks, the csv crate for CSV), [`sheet`] finds
//! its header and reads problems and measures from its rows, using the column names of
//! [`columns`], the status words of [`words`], the deadline texts of [`deadline`] and the dates progress
//! texts state ([`dates`]). Writing:
//! [`layout`] arranges the ledger in the usual 14 columns, [`xlsx`] and [`csv`] write it, and
//! [`json`] wraps a store dump in a versioned envelope.
//!
//! [`input`] reads an input file whole, within a stated size.
//!
//! A workbook's figures: [`figures_sheet`] writes 各年度情况 (by year), [`summary_sheet`] 各单位汇总
//! (by unit, for a roll-up), and [`charts`] their charts of the completion rate.
//!
//! This module holds no SQL: the store reads and writes rows (`store::dump`, `store::merge`);
//! commands pass plain values between the two.

pub mod charts;
pub mod columns;
pub mod csv;
pub mod dates;
pub mod deadline;
pub mod entries;
pub mod figures_sheet;
pub mod grid;
pub mod input;
pub mod json;
pub mod layout;
pub mod sheet;
pub mod summary_sheet;
pub mod words;
pub mod xlsx;

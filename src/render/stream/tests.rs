//! A stream of records writes the bytes `emit` writes for all of them at once.

use serde::Serialize;

use super::*;
use crate::render::records::{emit, Column};

#[derive(Debug, Serialize)]
struct Sample {
    name: String,
    tags: Vec<String>,
    nested: Option<Vec<u32>>,
}

impl Record for Sample {
    const CSV_HEADER: &'static [&'static str] = &["name", "tags"];
    const COLUMNS: &'static [Column] = &[
        Column::wrapping("名称", "Name"),
        Column::fixed("标签", "Tags"),
    ];

    fn csv_row(&self) -> Vec<String> {
        vec![self.name.clone(), self.tags.join(";")]
    }

    fn human_row(&self, _lang: Lang, _full: bool) -> Vec<String> {
        vec![self.name.clone(), self.tags.join("、")]
    }
}

fn samples(n: usize) -> Vec<Sample> {
    (0..n)
        .map(|i| Sample {
            name: format!("第{i}项|含竖线\n和换行\"引号\""),
            tags: (0..i % 3).map(|t| format!("t{t}")).collect(),
            nested: (i % 2 == 0).then(|| (0..i as u32).collect()),
        })
        .collect()
}

fn streamed(format: Format, rows: &[Sample], chunk: usize) -> String {
    let mut out = Vec::new();
    let mut stream = RecordStream::start::<Sample>(&mut out, format, Lang::Zh).unwrap();
    stream.push::<Sample>(&mut out, &[]).unwrap();
    for part in rows.chunks(chunk.max(1)) {
        stream.push(&mut out, part).unwrap();
    }
    assert_eq!(stream.written(), rows.len());
    stream.finish(&mut out).unwrap();
    String::from_utf8(out).unwrap()
}

fn at_once(format: Format, rows: &[Sample]) -> String {
    let mut out = Vec::new();
    emit(&mut out, format, Lang::Zh, rows, "没有").unwrap();
    String::from_utf8(out).unwrap()
}

#[test]
fn json_csv_and_markdown_streamed_in_pieces_are_byte_for_byte_what_emit_writes_at_once() {
    for format in [Format::Json, Format::Csv, Format::Md] {
        for n in [0, 1, 2, 7] {
            let rows = samples(n);
            for chunk in [1, 3, 10] {
                assert_eq!(
                    streamed(format, &rows, chunk),
                    at_once(format, &rows),
                    "{format:?}, {n} rows in pieces of {chunk}"
                );
            }
        }
    }
}

#[test]
fn a_streamed_json_array_is_one_valid_document() {
    let text = streamed(Format::Json, &samples(5), 2);
    let value: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(value.as_array().map(Vec::len), Some(5));
}

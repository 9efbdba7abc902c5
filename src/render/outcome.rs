//! What a writing command reports: the item it touched, for people and for scripts.

use std::io::{self, Write};

use serde::Serialize;

use super::Format;

/// The result of a write: `{"id": "P3", "uuid": "…", "action": "create"}` for machines, a
/// sentence for people.
#[derive(Debug, Serialize)]
pub struct Outcome {
    pub id: String,
    pub uuid: String,
    pub action: &'static str,
    #[serde(skip)]
    pub message: String,
}

/// Prints what a write did: a sentence in table/Markdown formats, an object or a CSV row otherwise.
pub fn print(out: &mut dyn Write, format: Format, outcomes: &[Outcome]) -> io::Result<()> {
    match format {
        Format::Table | Format::Md => {
            for outcome in outcomes {
                writeln!(out, "{}", outcome.message)?;
            }
            Ok(())
        }
        Format::Json => {
            let value = match outcomes {
                [one] => serde_json::to_value(one),
                many => serde_json::to_value(many),
            }
            .map_err(io::Error::other)?;
            serde_json::to_writer_pretty(&mut *out, &value).map_err(io::Error::other)?;
            writeln!(out)
        }
        Format::Csv => {
            let mut writer = crate::render::cells::CsvWriter::from_writer(out);
            writer.write_record(["id", "uuid", "action"])?;
            for o in outcomes {
                writer.write_record([&o.id, &o.uuid, o.action])?;
            }
            writer.flush()
        }
    }
}

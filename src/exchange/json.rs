//! The JSON export: a store dump in a versioned envelope.
//!
//! ```json
//! {"format": "taizhang-export", "version": 1, "generator": "taizhang 0.1.0",
//!  "schema_version": 3, "exported_at": "2026-01-15T09:30:00+08:00",
//!  "units": [...], "unit_aliases": [...], "documents": [...], "problems": [...], ...}
//! ```
//!
//! `version` is the version of this envelope and its lists; a reader refuses a newer one rather
//! than guess. The lists are those of [`Dump`], each in the order the rows were written.

use std::path::Path;

use chrono::NaiveDate;
use serde::Serialize;
use serde_json::Value;

use crate::error::messages::{ExportFlaw, Record};
use crate::error::{Error, Refusal, Result};
use crate::model::{Status, YEARS};
use crate::store::Dump;

/// What the envelope's `format` says.
pub const FORMAT: &str = "taizhang-export";
/// The newest envelope version this taizhang writes and reads.
pub const VERSION: u64 = 1;

const ENVELOPE: [&str; 5] = [
    "format",
    "version",
    "generator",
    "schema_version",
    "exported_at",
];

#[derive(Serialize)]
struct Envelope<'a> {
    format: &'static str,
    version: u64,
    generator: String,
    schema_version: i64,
    exported_at: &'a str,
    #[serde(flatten)]
    dump: &'a Dump,
}

/// The export file's text: pretty JSON ending with a newline.
pub fn to_text(dump: &Dump, schema_version: i64, exported_at: &str) -> Result<String> {
    let envelope = Envelope {
        format: FORMAT,
        version: VERSION,
        generator: format!("taizhang {}", env!("CARGO_PKG_VERSION")),
        schema_version,
        exported_at,
        dump,
    };
    let mut text = serde_json::to_string_pretty(&envelope).map_err(anyhow::Error::from)?;
    text.push('\n');
    Ok(text)
}

/// Reads an export file, refusing other JSON, newer versions and rows the store would refuse.
pub fn read(path: &Path) -> Result<Dump> {
    let bytes = super::input::read(path, super::input::LEDGER_LIMIT)?;
    let not_an_export = || Error::NotAnExport(path.to_path_buf());
    let text = std::str::from_utf8(&bytes).map_err(|_| not_an_export())?;
    let mut value: Value =
        serde_json::from_str(text.trim_start_matches('\u{feff}')).map_err(|_| not_an_export())?;
    let object = value.as_object_mut().ok_or_else(not_an_export)?;
    if object.get("format").and_then(Value::as_str) != Some(FORMAT) {
        return Err(not_an_export());
    }
    let version = object
        .get("version")
        .and_then(Value::as_u64)
        .ok_or_else(not_an_export)?;
    if version > VERSION {
        return Err(Error::ExportTooNew {
            path: path.to_path_buf(),
            found: version,
            known: VERSION,
        });
    }
    for key in ENVELOPE {
        object.remove(key);
    }
    // serde's reason names Rust types and fields; the user needs to know only that it is damaged.
    let dump: Dump = serde_json::from_value(value).map_err(|_| Refusal::ExportDamaged {
        path: path.display().to_string(),
    })?;
    check(&dump).map_err(|flaw| Refusal::ExportFlawed {
        path: path.display().to_string(),
        flaw,
    })?;
    Ok(dump)
}

/// The first value the store would refuse, described.
fn check(dump: &Dump) -> std::result::Result<(), ExportFlaw> {
    let year = |y: i64, record: Record| {
        if YEARS.contains(&(y as i32)) && i32::try_from(y).is_ok() {
            Ok(())
        } else {
            Err(ExportFlaw::Year { record, year: y })
        }
    };
    let date = |d: &str, record: Record| {
        NaiveDate::parse_from_str(d, "%Y-%m-%d")
            .map(|_| ())
            .map_err(|_| ExportFlaw::Date {
                record,
                date: d.to_string(),
            })
    };
    let text = |t: &str, record: Record| {
        if t.trim().is_empty() {
            Err(ExportFlaw::NoText { record })
        } else {
            Ok(())
        }
    };
    for u in &dump.units {
        text(&u.name, "unit")?;
    }
    for p in &dump.problems {
        year(p.year, "problem")?;
        text(&p.text, "problem")?;
    }
    for d in &dump.documents {
        year(d.year, "document")?;
    }
    for m in &dump.measures {
        year(m.year, "measure")?;
        text(&m.text, "measure")?;
        match (m.deadline_kind.as_str(), &m.due) {
            ("long_term", None) => {}
            ("by_date" | "immediate", Some(due)) => date(due, "measure")?,
            (kind, _) => {
                return Err(ExportFlaw::Deadline {
                    kind: kind.to_string(),
                })
            }
        }
        if let Some(code) = &m.institution {
            if crate::model::InstitutionSetting::from_code(code).is_none() {
                return Err(ExportFlaw::Institution { code: code.clone() });
            }
        }
    }
    for e in &dump.progress {
        let bad_status = || ExportFlaw::Status {
            status: e.status.clone(),
        };
        let status: Status = e.status.parse().map_err(|_| bad_status())?;
        if status.code() != e.status {
            return Err(bad_status());
        }
        if status == Status::Dropped && e.note.as_deref().is_none_or(|n| n.trim().is_empty()) {
            return Err(ExportFlaw::DroppedWithoutReason);
        }
        if !matches!(e.kind.as_str(), "problem" | "measure") {
            return Err(ExportFlaw::ProgressOn {
                kind: e.kind.clone(),
            });
        }
        date(&e.date, "progress entry")?;
    }
    for r in &dump.recurrences {
        if !matches!(r.decision.as_str(), "confirmed" | "rejected") || r.earlier == r.later {
            return Err(ExportFlaw::Decision {
                decision: r.decision.clone(),
            });
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::dump::UnitRow;

    fn write(dir: &Path, name: &str, text: &str) -> std::path::PathBuf {
        let path = dir.join(name);
        std::fs::write(&path, text).unwrap();
        path
    }

    #[test]
    fn an_export_reads_back_as_the_same_dump() {
        let dir = tempfile::tempdir().unwrap();
        let dump = Dump {
            units: vec![UnitRow {
                id: 3,
                uuid: "u".into(),
                name: "甲局".into(),
                created_at: "t".into(),
            }],
            ..Dump::default()
        };
        let text = to_text(&dump, 3, "2026-01-15T09:30:00+08:00").unwrap();
        assert!(text.starts_with("{\n  \"format\": \"taizhang-export\",\n  \"version\": 1,"));
        let path = write(dir.path(), "a.json", &text);
        assert_eq!(read(&path).unwrap(), dump);
    }

    #[test]
    fn other_json_and_newer_versions_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let other = write(dir.path(), "b.json", r#"{"units": []}"#);
        assert!(matches!(read(&other), Err(Error::NotAnExport(_))));
        let newer = write(
            dir.path(),
            "c.json",
            r#"{"format": "taizhang-export", "version": 2}"#,
        );
        assert!(matches!(
            read(&newer),
            Err(Error::ExportTooNew { found: 2, .. })
        ));
        let text = write(dir.path(), "d.json", "序号,问题描述");
        assert!(matches!(read(&text), Err(Error::NotAnExport(_))));
    }

    #[test]
    fn values_the_store_would_refuse_are_named() {
        let dir = tempfile::tempdir().unwrap();
        let text = r#"{"format": "taizhang-export", "version": 1, "units": [], "unit_aliases": [],
            "documents": [], "problems": [], "measures": [], "measure_co_depts": [], "links": [],
            "progress": [{"id": 1, "uuid": "g", "kind": "measure", "item": "m", "status": "finished",
                          "date": "2025-01-01", "note": null, "document": null, "created_at": "t"}],
            "evidence": [], "carry_overs": [], "recurrences": [], "events": []}"#;
        let path = write(dir.path(), "e.json", text);
        let message = read(&path).unwrap_err().message(crate::render::Lang::En);
        assert!(message.contains("the status 'finished'"), "{message}");
    }
}

//! Merging imported summary documents: the same text is nothing to do, a newer import replaces
//! an older one, and an older one leaves this store's text as it is.

use anyhow::Context;
use rusqlite::{params, OptionalExtension};

use super::{free_id, Merger, Note};
use crate::error::Result;

impl Merger<'_> {
    pub(super) fn documents(&mut self) -> Result<()> {
        let dump = self.dump;
        for doc in &dump.documents {
            let ours = self
                .conn
                .query_row(
                    "SELECT id, sha256, imported_at FROM documents WHERE uuid = ?1",
                    [&doc.uuid],
                    |r| {
                        Ok((
                            r.get::<_, i64>(0)?,
                            r.get::<_, String>(1)?,
                            r.get::<_, String>(2)?,
                        ))
                    },
                )
                .optional()
                .context("find document")?;
            match ours {
                Some((id, sha256, imported_at)) => {
                    self.documents.insert(&doc.uuid, id);
                    if sha256 == doc.sha256 {
                        continue;
                    }
                    if doc.imported_at > imported_at {
                        self.conn
                            .execute(
                                "UPDATE documents SET file_name = ?2, sha256 = ?3, body = ?4,
                                 imported_at = ?5 WHERE id = ?1",
                                params![id, doc.file_name, doc.sha256, doc.body, doc.imported_at],
                            )
                            .context("update document")?;
                        self.report.updated.documents += 1;
                    } else {
                        self.report.notes.push(Note::DocumentKept {
                            uuid: doc.uuid.clone(),
                            file_name: doc.file_name.clone(),
                        });
                    }
                }
                None => {
                    let unit = self.unit_id(&doc.unit)?;
                    let id = free_id(self.conn, "documents", doc.id)?;
                    self.conn
                        .execute(
                            "INSERT INTO documents (id, uuid, unit_id, year, file_name, sha256, body,
                                                    imported_at)
                             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                            params![
                                id,
                                doc.uuid,
                                unit,
                                doc.year,
                                doc.file_name,
                                doc.sha256,
                                doc.body,
                                doc.imported_at
                            ],
                        )
                        .context("insert document")?;
                    self.documents.insert(&doc.uuid, id);
                    self.report.added.documents += 1;
                }
            }
        }
        Ok(())
    }
}

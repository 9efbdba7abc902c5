//! Merging units and their aliases: a unit is matched by UUID, else by name or alias; an alias
//! that names another unit here is not added.

use anyhow::Context;
use rusqlite::params;

use super::{free_id, id_by_uuid, Merger, Note};
use crate::error::Result;

impl Merger<'_> {
    pub(super) fn units(&mut self) -> Result<()> {
        let dump = self.dump;
        for unit in &dump.units {
            if let Some(id) = id_by_uuid(self.conn, "units", &unit.uuid)? {
                self.units.insert(&unit.uuid, id);
                continue;
            }
            if let Some(ours) = crate::store::find_unit(self.conn, &unit.name)? {
                self.report.notes.push(Note::UnitByName {
                    name: unit.name.clone(),
                    unit: ours.name,
                });
                self.units.insert(&unit.uuid, ours.id);
                continue;
            }
            let id = free_id(self.conn, "units", unit.id)?;
            self.conn
                .execute(
                    "INSERT INTO units (id, uuid, name, created_at) VALUES (?1, ?2, ?3, ?4)",
                    params![id, unit.uuid, unit.name, unit.created_at],
                )
                .context("insert unit")?;
            self.units.insert(&unit.uuid, id);
            self.report.added.units += 1;
        }
        Ok(())
    }

    pub(super) fn aliases(&mut self) -> Result<()> {
        let dump = self.dump;
        for alias in &dump.unit_aliases {
            let unit = self.unit_id(&alias.unit)?;
            match crate::store::find_unit(self.conn, &alias.alias)? {
                Some(owner) if owner.id == unit => {}
                Some(owner) => self.report.notes.push(Note::AliasTaken {
                    alias: alias.alias.clone(),
                    unit: owner.name,
                }),
                None => {
                    self.conn
                        .execute(
                            "INSERT INTO unit_aliases (alias, unit_id) VALUES (?1, ?2)",
                            params![alias.alias, unit],
                        )
                        .context("insert unit alias")?;
                    self.report.added.aliases += 1;
                }
            }
        }
        Ok(())
    }
}

//! Which unit a document is about: the one unit matcher of both import paths (summaries and
//! ledgers), with one rule.
//!
//! A name the user gave with `--unit` must name a known unit or alias, else the usual
//! unknown-unit error with the closest name ([`crate::cmd::resolve_unit`]). A name read from a
//! document (a summary's title, a ledger's 单位 column, title, 填报单位 line or file name) is
//! matched by name or alias; else it is taken as the only unit one of whose names contains it or
//! is contained in it, and remembered as that unit's alias; else a unit is created, and the
//! note says so and where the name was read. Nothing here guesses between several units.

use serde_json::json;

use crate::cmd::{resolve_unit, Ctx};
use crate::error::{Msg, Result};
use crate::model::Unit;
use crate::render::Lang;
use crate::store::{self, Conn};

/// Where a unit's name came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnitSource {
    /// `--unit`: must name a known unit.
    Given,
    /// A summary's title.
    SummaryTitle,
    /// A ledger row's 单位 column.
    LedgerColumn,
    /// The title above a ledger's header.
    LedgerTitle,
    /// A 填报单位：… line above a ledger's header.
    FiledBy,
    /// The ledger's file name.
    FileName,
}

/// What matching a name did besides finding the unit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UnitNote {
    Created(String),
    Alias { alias: String, unit: String },
}

/// The unit `name` (read from `source`) stands for, by the rule of this module. A unit created
/// or an alias remembered is recorded in the history and said in `notes`, in `ctx.lang`.
pub fn match_unit(
    ctx: &Ctx,
    conn: &Conn,
    name: &str,
    source: UnitSource,
    notes: &mut Vec<String>,
) -> Result<Unit> {
    let name = name.trim();
    if source == UnitSource::Given {
        return resolve_unit(conn, name);
    }
    if let Some(unit) = store::find_unit(conn, name)? {
        return Ok(unit);
    }
    let (unit, note) = match containing(conn, name)?.as_slice() {
        [] => {
            let unit = store::insert_unit(conn, name, ctx.clock.timestamp())?;
            ctx.record(
                conn,
                &format!("U{}", unit.id),
                &unit.uuid,
                crate::model::Action::Create,
                json!({"text": name, "aliases": []}),
            )?;
            (unit, UnitNote::Created(name.to_string()))
        }
        [one] => {
            let unit = store::find_unit(conn, one)?
                .ok_or_else(|| Msg::VanishedWhileImporting { item: one.clone() })?;
            store::add_alias(conn, &unit, name)?;
            ctx.record(
                conn,
                &format!("U{}", unit.id),
                &unit.uuid,
                crate::model::Action::Alias,
                json!({"alias": name}),
            )?;
            let note = UnitNote::Alias {
                alias: name.to_string(),
                unit: unit.name.clone(),
            };
            (unit, note)
        }
        many => {
            return Err(Msg::UnitAmbiguous {
                name: name.to_string(),
                units: many.join("、"),
            }
            .into())
        }
    };
    notes.push(note_text(&note, source, ctx.lang));
    Ok(unit)
}

/// The units (by name, sorted, once each) one of whose names or aliases contains `name` or is
/// contained in it.
fn containing(conn: &Conn, name: &str) -> Result<Vec<String>> {
    let mut units: Vec<String> = store::unit_names(conn)?
        .into_iter()
        .filter(|(n, _)| n.contains(name) || name.contains(n.as_str()))
        .map(|(_, unit)| unit)
        .collect();
    units.sort_unstable();
    units.dedup();
    Ok(units)
}

/// The sentence for a unit created or an alias remembered.
pub fn note_text(note: &UnitNote, source: UnitSource, lang: Lang) -> String {
    match note {
        UnitNote::Created(name) => Msg::UnitCreated {
            name: name.clone(),
            source,
        },
        UnitNote::Alias { alias, unit } => Msg::UnitAliasRemembered {
            alias: alias.clone(),
            unit: unit.clone(),
        },
    }
    .render(lang)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Store;

    fn ctx() -> Ctx {
        crate::ingest::testing::ctx()
    }

    fn units(store: &Store) -> Vec<String> {
        let mut names: Vec<String> = store::unit_names(store.conn())
            .unwrap()
            .into_iter()
            .map(|(_, unit)| unit)
            .collect();
        names.sort();
        names.dedup();
        names
    }

    #[test]
    fn a_given_name_must_name_a_known_unit_and_the_error_names_the_closest() {
        let store = Store::in_memory().unwrap();
        let conn = store.conn();
        let ctx = ctx();
        let mut notes = vec![];
        match_unit(
            &ctx,
            conn,
            "临江市财政局",
            UnitSource::SummaryTitle,
            &mut notes,
        )
        .unwrap();
        let error =
            match_unit(&ctx, conn, "临江市材政局", UnitSource::Given, &mut notes).unwrap_err();
        assert!(error.to_string().contains("临江市财政局"), "{error}");
        assert_eq!(units(&store), ["临江市财政局"]);
    }

    #[test]
    fn a_read_name_is_taken_as_the_only_unit_containing_it_and_remembered() {
        let store = Store::in_memory().unwrap();
        let conn = store.conn();
        let ctx = ctx();
        let mut notes = vec![];
        let full = "国家税务总局临江市税务局";
        match_unit(&ctx, conn, full, UnitSource::LedgerTitle, &mut notes).unwrap();
        let short = match_unit(&ctx, conn, "临江市税务局", UnitSource::FileName, &mut notes);
        assert_eq!(short.unwrap().name, full);
        assert_eq!(
            store::find_unit(conn, "临江市税务局")
                .unwrap()
                .unwrap()
                .name,
            full
        );
        assert_eq!(
            notes,
            [
                "新建单位“国家税务总局临江市税务局”（取自台账标题）",
                "“临江市税务局”视为“国家税务总局临江市税务局”，已记为其别名"
            ]
        );
    }

    #[test]
    fn a_read_name_that_could_be_several_units_stops_the_import() {
        let store = Store::in_memory().unwrap();
        let conn = store.conn();
        let ctx = ctx();
        let mut notes = vec![];
        for name in ["临江市财政局机关党委", "临江市财政局离退休干部党支部"]
        {
            match_unit(&ctx, conn, name, UnitSource::SummaryTitle, &mut notes).unwrap();
        }
        let error = match_unit(
            &ctx,
            conn,
            "临江市财政局",
            UnitSource::SummaryTitle,
            &mut notes,
        );
        assert!(error.is_err());
        assert_eq!(units(&store).len(), 2);
    }
}

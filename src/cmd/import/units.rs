//! Which unit a summary is about: found by name or alias, taken by its short name (and the short
//! name remembered as an alias), or added.

use serde_json::json;

use crate::cmd::Ctx;
use crate::error::{Error, Result};
use crate::model::Unit;
use crate::store::{self, Conn};

/// The unit a summary names: by name or alias; else the only unit whose name contains the short
/// name (which is then remembered as an alias); else a new unit. Several candidates stop the import.
pub(super) fn match_unit(
    ctx: &Ctx,
    conn: &Conn,
    name: &str,
    warnings: &mut Vec<String>,
) -> Result<Unit> {
    if let Some(unit) = store::find_unit(conn, name)? {
        return Ok(unit);
    }
    let names = store::unit_names(conn)?;
    let mut candidates: Vec<&str> = names
        .iter()
        .filter(|(n, _)| n.ends_with(name) || n.contains(name) || name.ends_with(n.as_str()))
        .map(|(_, unit)| unit.as_str())
        .collect();
    candidates.sort_unstable();
    candidates.dedup();
    match candidates.as_slice() {
        [] => {
            let unit = store::insert_unit(conn, name, ctx.clock.timestamp())?;
            ctx.record(
                conn,
                &format!("U{}", unit.id),
                &unit.uuid,
                "create",
                json!({"text": name, "aliases": []}),
            )?;
            warnings.push(format!("new unit {name}"));
            Ok(unit)
        }
        [one] => {
            let unit = store::find_unit(conn, one)?.expect("a listed unit exists");
            store::add_alias(conn, &unit, name)?;
            ctx.record(
                conn,
                &format!("U{}", unit.id),
                &unit.uuid,
                "alias",
                json!({"alias": name}),
            )?;
            warnings.push(format!(
                "'{name}' taken as {} and remembered as its alias",
                unit.name
            ));
            Ok(unit)
        }
        many => Err(Error::invalid(format!(
            "'{name}' could be any of {}; give the unit with --unit",
            many.join("、")
        ))),
    }
}

//! `taizhang link --suggest [--accept …]`: propose links for the measures that answer no problem,
//! and record the ones the user accepts.

use std::collections::{HashMap, HashSet};
use std::io::Write;

use super::link::{link_items_via, LinkArgs};
use super::{load_item, resolve_unit_arg, Ctx};
use crate::analysis::linking::{suggest_links, Known, Suggestion};
use crate::error::{Done, Error, Refusal, Result};
use crate::model::{check_year, ItemId, ItemKind, Measure};
use crate::render::emit;
use crate::render::links::SuggestionRecord;
use crate::render::outcome::Outcome;
use crate::store::{self, Access, Conn};

pub fn run(ctx: &Ctx, args: &LinkArgs, out: &mut dyn Write) -> Result<()> {
    let year = args.year.map(check_year).transpose()?;
    match &args.accept {
        None => list(ctx, args.unit.as_deref(), year, out),
        Some(wanted) => accept(ctx, args.unit.as_deref(), year, wanted, out),
    }
}

/// The suggestions in scope, the measures they are for, and how many measures in scope are
/// linked to nothing. Scores are computed over whole units, so filters do not change them.
struct Proposals {
    suggestions: Vec<Suggestion>,
    titles: HashMap<ItemId, Option<String>>,
    unlinked: usize,
}

fn propose(conn: &Conn, unit: Option<&str>, year: Option<i32>) -> Result<Proposals> {
    let unit_id = resolve_unit_arg(conn, unit)?.map(|u| u.id);
    let problems = store::list_problems(conn, unit_id)?;
    let measures = store::measures_for_linking(conn, unit_id)?;
    let links = store::all_links(conn)?;
    let carried_from = store::carried_from(conn)?;
    let known = Known {
        links: &links,
        carried_from: &carried_from,
    };
    let mut suggestions = suggest_links(&problems, &measures, &known);
    suggestions.retain(|s| year.is_none_or(|y| s.measure_year == y));
    let linked: HashSet<ItemId> = links.iter().map(|(m, _)| *m).collect();
    let in_scope = |m: &&Measure| year.is_none_or(|y| m.year == y) && !linked.contains(&m.id);
    let unlinked = measures.iter().filter(in_scope).count();
    let titles = measures.into_iter().map(|m| (m.id, m.title)).collect();
    Ok(Proposals {
        suggestions,
        titles,
        unlinked,
    })
}

fn list(ctx: &Ctx, unit: Option<&str>, year: Option<i32>, out: &mut dyn Write) -> Result<()> {
    let store = ctx.open(Access::Read)?;
    let found = propose(store.conn(), unit, year)?;
    let records: Vec<SuggestionRecord<'_>> = found
        .suggestions
        .iter()
        .map(|s| SuggestionRecord::new(s, found.titles.get(&s.measure).and_then(|t| t.as_deref())))
        .collect();
    let empty = match found.unlinked {
        0 => Done::EveryMeasureLinked,
        unlinked => Done::NoProblemCloseEnough { unlinked },
    }
    .render(ctx.lang);
    emit(out, ctx.format, ctx.lang, &records, &empty)?;
    if ctx.format.is_table() && !records.is_empty() {
        let measures: HashSet<ItemId> = found.suggestions.iter().map(|s| s.measure).collect();
        let hint = Done::SuggestionsHint {
            unlinked: found.unlinked,
            suggested: measures.len(),
        }
        .render(ctx.lang);
        writeln!(out, "{hint}")?;
    }
    Ok(())
}

fn accept(
    ctx: &Ctx,
    unit: Option<&str>,
    year: Option<i32>,
    wanted: &[String],
    out: &mut dyn Write,
) -> Result<()> {
    let mut store = ctx.open(Access::Write)?;
    let tx = store.transaction()?;
    let found = propose(&tx, unit, year)?;
    let chosen = choose(&tx, &found.suggestions, wanted)?;
    let mut done = Vec::new();
    for s in chosen {
        let (_, measure) = load_item(&tx, &s.measure.to_string())?;
        let (_, problem) = load_item(&tx, &s.problem.to_string())?;
        link_items_via(ctx, &tx, &measure, &problem, Some("suggest"))?;
        let (m, p) = (s.measure, s.problem);
        done.push(Outcome {
            id: format!("{m} {p}"),
            uuid: measure.uuid().to_string(),
            action: "link",
            message: Done::LinkedAsSuggested {
                measure: m.to_string(),
                problem: p.to_string(),
            }
            .render(ctx.lang),
        });
    }
    tx.commit()?;
    if done.is_empty() && ctx.format.for_people() {
        let none = Done::NoSuggestionToAccept.render(ctx.lang);
        writeln!(out, "{none}")?;
        return Ok(());
    }
    ctx.confirm(out, &done)?;
    Ok(())
}

/// Records every suggestion for the measures of `unit` (as `link --suggest --accept --unit U`
/// does, inside the caller's transaction) and returns the pairs linked.
pub fn accept_all_of_unit(ctx: &Ctx, conn: &Conn, unit: &str) -> Result<Vec<(ItemId, ItemId)>> {
    let found = propose(conn, Some(unit), None)?;
    let mut linked = Vec::new();
    for s in &found.suggestions {
        let (_, measure) = load_item(conn, &s.measure.to_string())?;
        let (_, problem) = load_item(conn, &s.problem.to_string())?;
        if link_items_via(ctx, conn, &measure, &problem, Some("suggest"))? {
            linked.push((s.measure, s.problem));
        }
    }
    Ok(linked)
}

/// The suggestions `wanted` names: all of them when it is empty; for a measure id (M5) that
/// measure's; for a pair (M5:P3) that one. An id that is malformed, unknown or has no suggestion
/// is refused with one sentence.
fn choose<'s>(
    conn: &Conn,
    suggestions: &'s [Suggestion],
    wanted: &[String],
) -> Result<Vec<&'s Suggestion>> {
    if wanted.is_empty() {
        return Ok(suggestions.iter().collect());
    }
    let mut chosen: Vec<&Suggestion> = Vec::new();
    for text in wanted {
        let (measure, problem) = parse_choice(text)?;
        if store::get_measure(conn, measure)?.is_none() {
            return Err(Error::UnknownItem {
                id: measure,
                kind: "measure",
            });
        }
        let of_measure: Vec<&Suggestion> = suggestions
            .iter()
            .filter(|s| s.measure == measure)
            .collect();
        if of_measure.is_empty() {
            return Err(Refusal::AcceptNoSuggestion {
                measure: measure.to_string(),
            }
            .into());
        }
        let picked: Vec<&Suggestion> = match problem {
            None => of_measure,
            Some(p) => {
                let pair: Vec<&Suggestion> = of_measure
                    .iter()
                    .copied()
                    .filter(|s| s.problem == p)
                    .collect();
                if pair.is_empty() {
                    let offered: Vec<String> =
                        of_measure.iter().map(|s| s.problem.to_string()).collect();
                    return Err(Refusal::AcceptNotSuggested {
                        measure: measure.to_string(),
                        problem: p.to_string(),
                        offered,
                    }
                    .into());
                }
                pair
            }
        };
        for s in picked {
            if !chosen
                .iter()
                .any(|c| c.measure == s.measure && c.problem == s.problem)
            {
                chosen.push(s);
            }
        }
    }
    Ok(chosen)
}

/// `M5` or `M5:P3` (also with a full-width colon).
fn parse_choice(text: &str) -> Result<(ItemId, Option<ItemId>)> {
    let refuse = || {
        Error::from(Refusal::AcceptNotAMeasure {
            text: text.to_string(),
        })
    };
    let (m, p) = match text.trim().split_once([':', '：']) {
        Some((m, p)) => (m, Some(p)),
        None => (text.trim(), None),
    };
    let measure: ItemId = m.trim().parse().map_err(|_| refuse())?;
    let problem: Option<ItemId> = p
        .map(|p| p.trim().parse::<ItemId>())
        .transpose()
        .map_err(|_| refuse())?;
    if measure.kind != ItemKind::Measure || problem.is_some_and(|p| p.kind != ItemKind::Problem) {
        return Err(refuse());
    }
    Ok((measure, problem))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::linking::{FLOOR, HIGH, MEDIUM, SECOND_RATIO};

    #[test]
    fn the_help_states_the_thresholds_the_code_uses() {
        use clap::CommandFactory;
        let mut cli = crate::cli::Cli::command();
        let help = cli
            .find_subcommand_mut("link")
            .unwrap()
            .render_long_help()
            .to_string()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        for (band, value) in [
            ("高 (high) from", HIGH),
            ("中 (medium) from", MEDIUM),
            ("低 (low) from", FLOOR),
        ] {
            let stated = format!("{band} {value:.2}");
            let with_article = format!("{band} a similarity of {value:.2}");
            assert!(
                help.contains(&stated) || help.contains(&with_article),
                "{stated} in:\n{help}"
            );
        }
        assert!(
            help.contains(&format!("{:.0}%", SECOND_RATIO * 100.0)),
            "{help}"
        );
    }

    #[test]
    fn an_accepted_choice_is_a_measure_or_a_measure_and_problem_pair() {
        let m5 = ItemId::measure(5);
        assert_eq!(parse_choice("M5").unwrap(), (m5, None));
        assert_eq!(
            parse_choice("m5：P3").unwrap(),
            (m5, Some(ItemId::problem(3)))
        );
        for bad in ["P3", "M5:M6", "x", "M5:"] {
            let error = parse_choice(bad).unwrap_err().to_string();
            assert!(error.contains("不是措施编号"), "{bad}: {error}");
        }
    }
}

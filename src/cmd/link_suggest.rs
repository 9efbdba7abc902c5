//! `taizhang link --suggest [--accept …]`: propose links for the measures that answer no problem,
//! and record the ones the user accepts.

use std::collections::{HashMap, HashSet};
use std::io::Write;

use super::link::{link_items_via, LinkArgs};
use super::{load_item, resolve_unit, Ctx};
use crate::analysis::linking::{suggest_links, Known, Suggestion};
use crate::error::{Error, Result};
use crate::model::{check_year, ItemId, ItemKind, Measure};
use crate::render::links::SuggestionRecord;
use crate::render::outcome::Outcome;
use crate::render::{emit, Format, Lang};
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
    let unit_id = unit
        .map(|u| resolve_unit(conn, u))
        .transpose()?
        .map(|u| u.id);
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
    let empty = match (found.unlinked, ctx.lang) {
        (0, Lang::Zh) => "没有未关联问题的措施，无需建议。".to_string(),
        (0, Lang::En) => "Every measure is linked to a problem; nothing to suggest.".to_string(),
        (n, Lang::Zh) => format!("{n}条未关联问题的措施都没有足够相近的问题，未提出建议。"),
        (n, Lang::En) => {
            format!("No problem is close enough to any of the {n} unlinked measures; nothing to suggest.")
        }
    };
    emit(out, ctx.format, ctx.lang, &records, &empty)?;
    if ctx.format == Format::Table && !records.is_empty() {
        let measures: HashSet<ItemId> = found.suggestions.iter().map(|s| s.measure).collect();
        let hint = match ctx.lang {
            Lang::Zh => format!(
                "{}条未关联的措施中{}条有建议。加 --accept 全部接受，或 --accept M5 只接受所列措施的建议。",
                found.unlinked,
                measures.len()
            ),
            Lang::En => format!(
                "{} of {} unlinked measures have a suggestion. Add --accept to record them all, or --accept M5 for the listed measures only.",
                measures.len(),
                found.unlinked
            ),
        };
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
    let chosen = choose(&tx, ctx.lang, &found.suggestions, wanted)?;
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
            message: match ctx.lang {
                Lang::Zh => format!("已关联 {m} → {p}（据建议）"),
                Lang::En => format!("linked {m} → {p} (as suggested)"),
            },
        });
    }
    tx.commit()?;
    if done.is_empty() && matches!(ctx.format, Format::Table | Format::Md) {
        let none = ctx.lang.pick(
            "没有可接受的建议，未作改动。",
            "No suggestion to accept; nothing changed.",
        );
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
    lang: Lang,
    suggestions: &'s [Suggestion],
    wanted: &[String],
) -> Result<Vec<&'s Suggestion>> {
    if wanted.is_empty() {
        return Ok(suggestions.iter().collect());
    }
    let mut chosen: Vec<&Suggestion> = Vec::new();
    for text in wanted {
        let (measure, problem) = parse_choice(text, lang)?;
        if store::get_measure(conn, measure)?.is_none() {
            return Err(Error::invalid(match lang {
                Lang::Zh => format!("本台账中没有措施 {measure}（用 taizhang status 查看现有编号）"),
                Lang::En => format!("no measure {measure} in this store (see 'taizhang status' for the ids there are)"),
            }));
        }
        let of_measure: Vec<&Suggestion> = suggestions
            .iter()
            .filter(|s| s.measure == measure)
            .collect();
        if of_measure.is_empty() {
            return Err(Error::invalid(match lang {
                Lang::Zh => format!(
                    "{measure} 没有关联建议（它已关联问题、不在所选范围内，或没有足够相近的问题），请用 taizhang link --suggest 查看建议"
                ),
                Lang::En => format!(
                    "{measure} has no suggestion (it is linked already, out of the chosen scope, or no problem is close enough); see 'taizhang link --suggest'"
                ),
            }));
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
                    return Err(Error::invalid(match lang {
                        Lang::Zh => format!(
                            "{measure}:{p} 不在建议之中（{measure} 的建议是 {}），可用 taizhang link {measure} {p} 直接关联",
                            offered.join("、")
                        ),
                        Lang::En => format!(
                            "{measure}:{p} is not a suggestion ({measure}'s are {}); link it directly with 'taizhang link {measure} {p}'",
                            offered.join(", ")
                        ),
                    }));
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
fn parse_choice(text: &str, lang: Lang) -> Result<(ItemId, Option<ItemId>)> {
    let refuse = || {
        Error::invalid(match lang {
            Lang::Zh => format!("--accept 后的「{text}」不是措施编号；请写措施编号（M5）或措施与问题（M5:P3）"),
            Lang::En => format!("'{text}' after --accept is not a measure id; give a measure (M5) or a pair (M5:P3)"),
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
        assert_eq!(parse_choice("M5", Lang::Zh).unwrap(), (m5, None));
        assert_eq!(
            parse_choice("m5：P3", Lang::Zh).unwrap(),
            (m5, Some(ItemId::problem(3)))
        );
        for bad in ["P3", "M5:M6", "x", "M5:"] {
            let error = parse_choice(bad, Lang::Zh).unwrap_err().to_string();
            assert!(error.contains("不是措施编号"), "{bad}: {error}");
        }
    }
}

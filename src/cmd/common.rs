//! `taizhang common`: problems many units share (共性问题).

use std::io::Write;

use clap::Args;

use super::Ctx;
use crate::analysis::clusters::{cluster, ClusterOptions, DEFAULT_THRESHOLD};
use crate::error::{Msg, Result};
use crate::model::check_year;
use crate::render::common;
use crate::store::{self, Access};

/// List problems that several units share (共性问题), largest groups first.
///
/// Problems of different units are grouped when their texts say the same thing in other words
/// (理论学习不够深入 / 政治理论学习深度不够，停留在面上). Texts are compared character by character,
/// giving more weight to what a problem is about than to the stock phrases every summary uses.
/// Groups are ordered by how many units share them, then by how many problems they hold.
///
/// A lower --threshold groups looser rewordings (and, below about 0.3, unrelated problems too); a
/// higher one keeps only close rewordings. Small stores may find more with 0.3–0.35.
#[derive(Debug, Args)]
#[command(after_help = "\
taizhang common --year 2024
taizhang common --year 2024 --min-units 5 --format json
taizhang common --threshold 0.35 --format csv")]
pub struct CommonArgs {
    /// Only problems of this summary year [default: all years]
    #[arg(long, value_name = "N")]
    pub year: Option<i32>,
    /// Only groups with problems from at least K units
    #[arg(long, value_name = "K", default_value_t = 2)]
    pub min_units: usize,
    /// How close (0–1) a problem must be to a group's centre to join it [default: 0.4]
    #[arg(long, value_name = "T")]
    pub threshold: Option<String>,
}

pub fn run(ctx: &Ctx, args: CommonArgs, out: &mut dyn Write) -> Result<()> {
    let year = args.year.map(check_year).transpose()?;
    let threshold = args
        .threshold
        .as_deref()
        .map(parse_threshold)
        .transpose()?
        .unwrap_or(DEFAULT_THRESHOLD);
    if args.min_units < 2 {
        return Err(Msg::MinUnitsTooSmall {
            given: args.min_units,
        }
        .into());
    }
    let store = ctx.open(Access::Read)?;
    let problems = store::problems_for_clustering(store.conn(), year)?;
    let options = ClusterOptions {
        threshold,
        min_units: args.min_units,
        ..ClusterOptions::default()
    };
    let clusters = cluster(&problems, &options);
    common::print(out, ctx.format, ctx.lang, &clusters, args.min_units)?;
    Ok(())
}

/// A similarity threshold: a number above 0 and at most 1.
fn parse_threshold(text: &str) -> Result<f64> {
    match text.trim().parse::<f64>() {
        Ok(t) if t > 0.0 && t <= 1.0 => Ok(t),
        _ => Err(Msg::BadThreshold {
            text: text.to_string(),
        }
        .into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_threshold_is_a_number_above_zero_and_at_most_one() {
        assert_eq!(parse_threshold(" 0.35").unwrap(), 0.35);
        assert_eq!(parse_threshold("1").unwrap(), 1.0);
        for bad in ["0", "1.5", "-0.2", "abc", "NaN", ""] {
            assert!(parse_threshold(bad).is_err(), "{bad}");
        }
    }
}

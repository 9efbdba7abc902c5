//! `taizhang demo`: a ready-made store from the bundled fixtures, to try taizhang on.

use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use clap::Args;

use super::Ctx;
use crate::analysis::report::{compute_report, ReportOptions};
use crate::analysis::{compute_ledger, RowFilter};
use crate::clock::Clock;
use crate::error::messages::{IoReason, NotDemo};
use crate::error::{Done, Error, Refusal, Result};
use crate::ingest::{record_summary, FileOutcome, SummaryInput};
use crate::model::{ItemId, Status};
use crate::render::ledger::{self, LedgerRecord};
use crate::render::report::{self, Style};
use crate::store::{self, Created, LedgerFilter, NewProgress, Store};

/// The store the demo writes when --db is not given on the command line.
const DEFAULT_PATH: &str = "taizhang-demo.db";

/// Everything the demo writes is recorded by this actor, which is how it recognises its own store.
const DEMO_ACTOR: &str = "taizhang-demo";

/// The date the demo's ledger is read at: when the 2024 summary is being written.
const DEMO_AS_OF: (i32, u32, u32) = (2024, 12, 31);

/// Three years of one unit's summaries, bundled in the binary.
const SUMMARIES: [(&str, &[u8]); 3] = [
    (
        "a1_linjiang_caizheng_2022.txt",
        include_bytes!("../../fixtures/summaries/a1_linjiang_caizheng_2022.txt"),
    ),
    (
        "a2_linjiang_caizheng_2023_gb18030_crlf.txt",
        include_bytes!("../../fixtures/summaries/a2_linjiang_caizheng_2023_gb18030_crlf.txt"),
    ),
    (
        "a3_linjiang_caizheng_2024_bom.txt",
        include_bytes!("../../fixtures/summaries/a3_linjiang_caizheng_2024_bom.txt"),
    ),
];

/// Progress logged during 2024 on the 2023 measures, in order: status, date, note. The 2024
/// summary's own report on the 2023 problems is imported on top of it.
const PROGRESS_2024: [(Status, (u32, u32), &str); 3] = [
    (Status::Done, (6, 28), "制定年度学习计划，完成全员轮训"),
    (Status::InProgress, (9, 15), "问题清单管理已在两个支部试行"),
    (
        Status::InProgress,
        (11, 30),
        "班子成员联系乡镇财政所制度已印发",
    ),
];

/// Build a demo store from the bundled fixtures and show what taizhang does with it.
///
/// Imports three years (2022–2024) of one unit's annual summaries, accepts the suggested links
/// of measures to problems (as 'taizhang link --suggest --accept' does), logs some progress, prints
/// the ledger of 2023's commitments as it stood at the end of 2024, and writes the section of the
/// 2024 summary about them. The store is ./taizhang-demo.db unless --db is given; taizhang demo
/// replaces a store it made before, and never touches any other file.
#[derive(Debug, Args)]
#[command(after_help = "\
taizhang demo
taizhang --db taizhang-demo.db status --year 2024")]
pub struct DemoArgs {}

pub fn run(ctx: &Ctx, _args: DemoArgs, out: &mut dyn Write) -> Result<()> {
    let path = ctx
        .explicit_db()
        .map_or_else(|| PathBuf::from(DEFAULT_PATH), Path::to_path_buf);
    clear_previous_demo(&path)?;
    let (y, m, d) = DEMO_AS_OF;
    let as_of = ctx
        .as_of()
        .unwrap_or_else(|| NaiveDate::from_ymd_opt(y, m, d).expect("a real date"));
    let demo = ctx.for_demo(
        DEMO_ACTOR,
        Clock::fixed(as_of, &format!("{as_of}T18:00:00+08:00")),
    );
    let (mut store, created) = Store::create(&path)?;
    store.set_operation(demo.operation());
    debug_assert_eq!(created, Created::New);
    let mut measures_2023 = Vec::new();
    let mut unit = String::new();
    for (name, bytes) in SUMMARIES {
        let text = crate::import::read_document(name, bytes, None)
            .map_err(|e| Error::Other(anyhow::anyhow!("bundled fixture {name}: {e}")))?;
        let mut summary = crate::import::parse(&text);
        summary.file = name.to_string();
        let tx = store.transaction()?;
        let input = SummaryInput {
            bytes,
            text: &text,
            summary: &summary,
            given_unit: None,
            replace: false,
        };
        let report = record_summary(&demo, &tx, &input)?;
        tx.commit()?;
        if let FileOutcome::Failed(error) = report.outcome {
            return Err(error);
        }
        if report.year == Some(2023) {
            measures_2023 = report.measures.clone();
        }
        unit = report.unit.unwrap_or_default();
    }
    let tx = store.transaction()?;
    let suggested = super::link_suggest::accept_all_of_unit(&demo, &tx, &unit)?;
    tx.commit()?;
    assign(&demo, &mut store, &measures_2023)?;
    log_progress(&demo, &mut store, &measures_2023)?;

    let conn = store.conn();
    let unit_row = store::find_unit(conn, &unit)?.expect("the demo unit was just imported");
    let data = store::load_ledger(
        conn,
        LedgerFilter {
            unit_id: Some(unit_row.id),
            year: None,
        },
        as_of,
    )?;
    let rows = compute_ledger(&data, as_of, &RowFilter::default());
    let ledger_2023: Vec<LedgerRecord<'_>> = rows
        .iter()
        .filter(|r| r.year == 2023)
        .map(LedgerRecord::from)
        .collect();
    let value = compute_report(
        &data,
        &super::continuity(conn)?,
        &unit,
        2024,
        as_of,
        ReportOptions::default(),
    );
    let section = report::render(&value, Style::Yishi, None)?;

    let store_shown = path.display().to_string();
    let built = Done::DemoBuilt {
        store: store_shown.clone(),
        unit: unit.clone(),
        links: suggested.len(),
    };
    writeln!(out, "{}\n", built.render(ctx.lang))?;
    ledger::print(out, ctx.format, ctx.lang, ctx.paint, &ledger_2023, as_of)?;
    writeln!(out, "\n{}\n", Done::DemoSectionHeading.render(ctx.lang))?;
    out.write_all(section.as_bytes())?;
    let next = Done::DemoNextSteps {
        store: store_shown,
        unit: unit.clone(),
        as_of: as_of.to_string(),
    };
    writeln!(out, "\n{}", next.render(ctx.lang))?;
    Ok(())
}

/// Owners the demo gives the 2023 measures, in order, as a clerk would at the start of 2024.
const OWNERS_2023: [&str; 3] = ["机关党委", "办公室", "预算科"];

/// Does what a clerk does after importing a summary and reviewing the suggested links: names the
/// department in charge of each 2023 measure.
fn assign(ctx: &Ctx, store: &mut Store, measures: &[ItemId]) -> Result<()> {
    let tx = store.transaction()?;
    for (measure, dept) in measures.iter().zip(OWNERS_2023) {
        let (_, measure) = super::load_item(&tx, &measure.to_string())?;
        if let super::Item::Measure(mut m) = measure {
            let detail = serde_json::json!({"changes": {"owner_dept": {"from": m.owner.owner_dept, "to": dept}}});
            m.owner.owner_dept = Some(dept.to_string());
            store::update_measure(&tx, &m)?;
            ctx.record(
                &tx,
                &m.id.to_string(),
                &m.uuid,
                crate::model::Action::Edit,
                detail,
            )?;
        }
    }
    tx.commit()
}

/// Logs the demo's 2024 progress on the 2023 measures, in one transaction.
fn log_progress(ctx: &Ctx, store: &mut Store, measures: &[ItemId]) -> Result<()> {
    let tx = store.transaction()?;
    for (id, (status, (month, day), note)) in measures.iter().zip(PROGRESS_2024) {
        let date = NaiveDate::from_ymd_opt(2024, month, day).expect("a real date");
        let uuid = super::load_item(&tx, &id.to_string())?.1.uuid().to_string();
        let entry = store::insert_progress(
            &tx,
            &NewProgress {
                item: *id,
                status,
                date,
                note: Some(note),
                evidence: &[],
                created_at: ctx.clock.timestamp(),
                source: None,
            },
        )?;
        let detail = serde_json::json!({"status": status, "date": date, "note": note, "evidence": entry.evidence});
        ctx.record(
            &tx,
            &id.to_string(),
            &uuid,
            crate::model::Action::Progress,
            detail,
        )?;
    }
    tx.commit()
}

/// Removes a store the demo made before. Anything else at `path` is left alone.
fn clear_previous_demo(path: &Path) -> Result<()> {
    if !path.exists() {
        return Ok(());
    }
    let refuse = |why: NotDemo| {
        Err(Refusal::DemoWouldOverwrite {
            path: path.display().to_string(),
            why,
        }
        .into())
    };
    let store = match Store::open(path, store::Access::Read) {
        Ok(store) => store,
        // Opened to be read only: an older store is refused as it is, never upgraded.
        Err(Error::StoreNeedsUpgrade { .. }) => return refuse(NotDemo::OtherStore),
        Err(_) => return refuse(NotDemo::NotAStore),
    };
    match store::actors(store.conn())?.as_slice() {
        [only] if only == DEMO_ACTOR => {}
        [] => return refuse(NotDemo::OtherStore),
        _ => return refuse(NotDemo::ChangedSince),
    }
    drop(store);
    for suffix in ["", "-wal", "-shm"] {
        let file = PathBuf::from(format!("{}{suffix}", path.display()));
        if file.exists() {
            std::fs::remove_file(&file).map_err(|e| Refusal::DemoCannotRemove {
                path: file.display().to_string(),
                reason: IoReason::from(&e),
            })?;
        }
    }
    Ok(())
}

//! Import speed: 1,000 summaries into a store on disk, each in its own transaction as
//! `taizhang import` does it (parse, match the unit, record the document, its items and the
//! outcomes it reports). Target: under 5 s.
//!
//! The machines are shared and noisy, so next to the time it prints a reference measured in the
//! same run: parsing the same 1,000 summaries without a store. Run with
//! `cargo bench --bench import`.

use std::path::Path;
use std::time::Instant;

use taizhang::cli::GlobalArgs;
use taizhang::cmd::Ctx;
use taizhang::import::{parse, read_document};
use taizhang::ingest::{record_summary, SummaryInput};
use taizhang::render::paint::ColorChoice;
use taizhang::render::{Format, Lang};
use taizhang::store::Store;

const SUMMARIES: usize = 1_000;

/// The fixture summaries as (bytes, decoded text, year), in file order.
fn fixtures() -> Vec<(Vec<u8>, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/summaries");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("fixture directory")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt" || x == "docx"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| {
            let bytes = std::fs::read(p).expect("fixture readable");
            let text = read_document(&p.to_string_lossy(), &bytes, None).expect("fixture decodes");
            (bytes, text)
        })
        .collect()
}

fn main() {
    let fixtures = fixtures();
    // 1,000 documents: the fixtures in turn, each for a unit of its own so that none is a
    // re-import, with a marker line so that every file's hash differs.
    let documents: Vec<(Vec<u8>, String, String)> = (0..SUMMARIES)
        .map(|i| {
            let (bytes, text) = &fixtures[i % fixtures.len()];
            let mut bytes = bytes.clone();
            bytes.extend_from_slice(format!("\n{i}\n").as_bytes());
            (bytes, format!("{text}\n"), format!("临江市第{i}测试局"))
        })
        .collect();

    let start = Instant::now();
    for (_, text, _) in &documents {
        std::hint::black_box(parse(text));
    }
    let parse_only = start.elapsed();

    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("bench.db");
    let (mut store, _) = Store::create(&path).expect("store");
    let global = GlobalArgs {
        db: Some(path.clone()),
        format: Format::Table,
        as_of: Some("2026-01-15".to_string()),
        lang: Lang::Zh,
        color: ColorChoice::Never,
        quiet: false,
        db_on_command_line: true,
    };
    let ctx = Ctx::new(&global).expect("context");
    let start = Instant::now();
    let mut items = 0;
    for (i, (bytes, text, unit)) in documents.iter().enumerate() {
        let mut summary = parse(text);
        summary.file = format!("summary-{i}.txt");
        summary.unit = Some(unit.clone());
        let tx = store.transaction().expect("transaction");
        let input = SummaryInput {
            bytes,
            text,
            summary: &summary,
            given_unit: None,
            replace: false,
        };
        let report = record_summary(&ctx, &tx, &input).expect("import");
        tx.commit().expect("commit");
        items += report.problems.len() + report.measures.len();
    }
    let import = start.elapsed();
    println!(
        "imported {SUMMARIES} summaries ({items} items) into a store in {:.2} s (target: under 5 s)",
        import.as_secs_f64()
    );
    println!(
        "reference, same run: parsing them without a store took {:.2} s; the store adds {:.1}x",
        parse_only.as_secs_f64(),
        import.as_secs_f64() / parse_only.as_secs_f64().max(1e-9)
    );
}

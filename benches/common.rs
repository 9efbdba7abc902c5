//! `taizhang common` at province scale: clustering 80,000 and 800,000 generated problems.
//!
//! A plain timed run rather than divan's repeated sampling, because one 800,000-problem run takes
//! tens of seconds. Machines are noisy, so each clustering time is also given as a ratio to a
//! reference measured in the same run on the same texts: building a similarity `Profile` of every
//! problem (one pass over the text, no comparison at all).
//!
//!     cargo bench --features synth --bench common          # 80k and 800k, and writing 80k into a store
//!     cargo bench --features synth --bench common -- 80k   # only the 80k figures
//!
//! The generated problems come from `taizhang::synth`, which only the `synth` feature compiles.
//!
//! The target is under 60 s for 800,000 problems on 2 cores; `TAIZHANG_BENCH_THREADS` sets the
//! thread count (default: 2), `TAIZHANG_BENCH_EVIDENCE=words` clusters on words (segmented with
//! jieba) instead of the default characters.

use std::time::{Duration, Instant};

use taizhang::analysis::clusters::{cluster, ClusterOptions, Evidence, DEFAULT_THRESHOLD};
use taizhang::analysis::similarity::Profile;
use taizhang::store::Store;
use taizhang::synth::{generate, write_to_store, SynthConfig};

const UNITS: usize = 20_000;
const TARGET: Duration = Duration::from_secs(60);

fn main() {
    let only: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    let wanted = |name: &str| only.is_empty() || only.iter().any(|o| o == name);
    let threads = std::env::var("TAIZHANG_BENCH_THREADS")
        .ok()
        .and_then(|t| t.parse().ok())
        .unwrap_or(2);
    println!("clustering with {threads} threads, {UNITS} units, 3–5 problems per unit and year");
    if wanted("80k") {
        clustering("80k", 1, threads);
        store_writing();
    }
    if wanted("800k") {
        clustering("800k", 10, threads);
    }
}

fn clustering(name: &str, years: usize, threads: usize) {
    let ledger = generate(&SynthConfig::new(UNITS, years));
    let corpus = ledger.corpus();
    let started = Instant::now();
    let profiles: Vec<Profile> = corpus.iter().map(|p| Profile::new(&p.text)).collect();
    let reference = started.elapsed();
    drop(profiles);
    let words = std::env::var("TAIZHANG_BENCH_EVIDENCE").is_ok_and(|e| e == "words");
    let options = ClusterOptions {
        threads,
        min_units: 3,
        evidence: if words {
            Evidence::WORDS
        } else {
            Evidence::DEFAULT
        },
        threshold: if words { 0.45 } else { DEFAULT_THRESHOLD },
    };
    let started = Instant::now();
    let clusters = cluster(&corpus, &options);
    let took = started.elapsed();
    let verdict = if took < TARGET { "under" } else { "OVER" };
    println!(
        "{name}: {} problems clustered in {:.2} s ({:.1}× building their profiles, {:.2} s), \
         {verdict} the {} s target; {} clusters, the largest {} units",
        corpus.len(),
        took.as_secs_f64(),
        took.as_secs_f64() / reference.as_secs_f64(),
        reference.as_secs_f64(),
        TARGET.as_secs(),
        clusters.len(),
        clusters.first().map_or(0, |c| c.units.len()),
    );
}

fn store_writing() {
    let ledger = generate(&SynthConfig::new(UNITS, 1));
    let dir = tempfile::tempdir().expect("temp dir");
    let (mut store, _) = Store::create(&dir.path().join("bench.db")).expect("store");
    let started = Instant::now();
    let ids = write_to_store(&ledger, &mut store, "2026-01-15T09:30:00+08:00").expect("write");
    println!(
        "80k: {} units and {} problems written into a store in {:.2} s (one transaction)",
        ledger.units.len(),
        ids.len(),
        started.elapsed().as_secs_f64()
    );
}

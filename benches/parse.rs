//! Parse throughput: how many MB of summary text `taizhang::import::parse` reads per second on
//! one core. The corpus is the fixture summaries and documents (traditional pages, one-line and
//! PDF-wrapped text among them), repeated to a few MB, parsed one document at a
//! time (the way `import` reads files) and also as one long document (to show the parser stays
//! linear when a "document" is huge). Target: at least 20 MB/s.
//!
//! Run with `cargo bench --bench parse`; divan prints the throughput next to each timing. The
//! machines are shared and noisy, so the run ends with a line that times parsing against a
//! reference measured alternately in the same run, on the same documents: converting them with
//! `fast2s` (one table lookup per character, the cheapest full reading of a text), and prints
//! the ratio, which stays put when the machine slows down.

use std::path::Path;
use std::time::Instant;

use divan::counter::BytesCount;
use divan::{black_box, Bencher};
use taizhang::import::{parse, read_document};

/// Roughly how much text each benchmark parses per iteration.
const CORPUS_BYTES: usize = 4 * 1024 * 1024;

fn main() {
    divan::main();
    ratio_to_reference();
}

/// Parse and reference timed in turn, 15 rounds each; medians in MB/s and their ratio.
fn ratio_to_reference() {
    let docs = corpus();
    let mb = docs.iter().map(String::len).sum::<usize>() as f64 / 1e6;
    let median = |mut v: Vec<f64>| {
        v.sort_by(f64::total_cmp);
        v[v.len() / 2]
    };
    let (mut parsed, mut reference) = (Vec::new(), Vec::new());
    for _ in 0..15 {
        let start = Instant::now();
        for doc in &docs {
            black_box(parse(black_box(doc)));
        }
        parsed.push(mb / start.elapsed().as_secs_f64());
        let start = Instant::now();
        for doc in &docs {
            black_box(fast2s::convert(black_box(doc)));
        }
        reference.push(mb / start.elapsed().as_secs_f64());
    }
    let (parsed, reference) = (median(parsed), median(reference));
    println!(
        "parse {parsed:.1} MB/s (target: at least 20); reference in the same run (fast2s::convert) \
         {reference:.1} MB/s; parse runs at {:.3} of the reference",
        parsed / reference
    );
}

/// The fixture summaries, decoded, repeated until they reach [`CORPUS_BYTES`].
fn corpus() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut names: Vec<_> = ["fixtures/summaries", "fixtures/documents"]
        .iter()
        .flat_map(|dir| std::fs::read_dir(root.join(dir)).expect("fixture directory"))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt" || x == "docx"))
        .collect();
    names.sort();
    let texts: Vec<String> = names
        .iter()
        .map(|p| {
            let bytes = std::fs::read(p).expect("fixture readable");
            read_document(&p.to_string_lossy(), &bytes, None).expect("fixture decodes")
        })
        .collect();
    let mut out = Vec::new();
    let mut total = 0;
    while total < CORPUS_BYTES {
        for text in &texts {
            total += text.len();
            out.push(text.clone());
        }
    }
    out
}

#[divan::bench(sample_count = 20, sample_size = 1)]
fn summaries_one_at_a_time(bencher: Bencher) {
    let docs = corpus();
    let bytes: usize = docs.iter().map(String::len).sum();
    bencher.counter(BytesCount::new(bytes)).bench(|| {
        for doc in &docs {
            black_box(parse(black_box(doc)));
        }
    });
}

#[divan::bench(sample_count = 20, sample_size = 1)]
fn one_long_document(bencher: Bencher) {
    let text = corpus().join("\n");
    bencher
        .counter(BytesCount::new(text.len()))
        .bench(|| black_box(parse(black_box(&text))));
}

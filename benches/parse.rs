//! Parse throughput: how many MB of summary text `taizhang::import::parse` reads per second on
//! one core. The corpus is the fixture summaries and documents (traditional pages, one-line and
//! PDF-wrapped text among them), repeated to a few MB, parsed one document at a
//! time (the way `import` reads files) and also as one long document (to show the parser stays
//! linear when a "document" is huge). Target: at least 20 MB/s.
//!
//! Run with `cargo bench --bench parse`; divan prints the throughput next to each timing.

use std::path::Path;

use divan::counter::BytesCount;
use divan::{black_box, Bencher};
use taizhang::import::{parse, read_document};

/// Roughly how much text each benchmark parses per iteration.
const CORPUS_BYTES: usize = 4 * 1024 * 1024;

fn main() {
    divan::main();
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

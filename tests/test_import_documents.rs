//! The importer on `fixtures/documents/`: documents in the shapes users actually have (整改报告,
//! 信息公开年报, 述职, 对照检查材料, tail pages, traditional characters, text out of a PDF
//! viewer), each with an answer key. Scored the way the keys are written (see that folder's
//! README): an item matches a key item when their character-bigram Dice similarity is at least
//! 0.9 after whitespace and width are folded, one to one, best pairs first.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::common::TestEnv;

/// The figures the importer must reach on these documents.
const MIN_F1: f64 = 0.98;

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/documents")
}

fn documents() -> Vec<PathBuf> {
    let mut docs: Vec<PathBuf> = std::fs::read_dir(dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    docs.sort();
    docs
}

/// Whitespace removed, full-width forms and curly quotes folded, trailing punctuation dropped.
fn norm(s: &str) -> Vec<char> {
    let mut out: Vec<char> = s
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0).unwrap_or(c),
            '“' | '”' => '"',
            '‘' | '’' => '\'',
            c => c,
        })
        .collect();
    while out.last().is_some_and(|c| ";.,。；，".contains(*c)) {
        out.pop();
    }
    out
}

fn similarity(a: &str, b: &str) -> f64 {
    let (a, b) = (norm(a), norm(b));
    if a == b {
        return 1.0;
    }
    let grams = |s: &[char]| -> BTreeSet<String> {
        if s.len() < 2 {
            return std::iter::once(s.iter().collect()).collect();
        }
        s.windows(2).map(|w| w.iter().collect()).collect()
    };
    let (ga, gb) = (grams(&a), grams(&b));
    2.0 * ga.intersection(&gb).count() as f64 / (ga.len() + gb.len()) as f64
}

/// Key items matched to read items, one to one, best pairs first.
fn matched(keys: &[String], got: &[String]) -> usize {
    let mut pairs: Vec<(f64, usize, usize)> = keys
        .iter()
        .enumerate()
        .flat_map(|(i, k)| {
            got.iter()
                .enumerate()
                .map(move |(j, g)| (similarity(k, g), i, j))
        })
        .filter(|&(s, _, _)| s >= 0.9)
        .collect();
    pairs.sort_by(|a, b| b.0.total_cmp(&a.0));
    let (mut used_k, mut used_g) = (BTreeSet::new(), BTreeSet::new());
    for (_, i, j) in pairs {
        if !used_k.contains(&i) && !used_g.contains(&j) {
            used_k.insert(i);
            used_g.insert(j);
        }
    }
    used_k.len()
}

fn texts(value: &Value) -> Vec<String> {
    value
        .as_array()
        .map(|items| {
            items
                .iter()
                .map(|i| {
                    // Keys list problems as bare strings; the importer gives objects.
                    i.as_str()
                        .or_else(|| i["text"].as_str())
                        .unwrap_or_default()
                        .to_string()
                })
                .collect()
        })
        .unwrap_or_default()
}

/// `import MODE --format json DOC`, parsed.
fn json_of(env: &TestEnv, mode: &str, doc: &Path) -> Value {
    let out = env.ok(&["import", mode, "--format", "json", doc.to_str().unwrap()]);
    serde_json::from_str(&out).unwrap()
}

fn f1(tp: usize, keys: usize, got: usize) -> f64 {
    let p = if got == 0 {
        f64::from(u8::from(keys == 0))
    } else {
        tp as f64 / got as f64
    };
    let r = if keys == 0 {
        f64::from(u8::from(got == 0))
    } else {
        tp as f64 / keys as f64
    };
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

#[test]
fn the_importer_reads_the_documents_users_have_to_their_keys() {
    let env = TestEnv::init();
    let mut totals = [[0usize; 3]; 2];
    let mut report = String::new();
    for doc in documents() {
        let key: Value = serde_json::from_str(
            &std::fs::read_to_string(doc.with_extension("key.json"))
                .expect("every document has a key"),
        )
        .unwrap();
        let got = json_of(&env, "--dry-run", &doc);
        let name = doc.file_name().unwrap().to_string_lossy().to_string();
        for (k, field) in ["problems", "measures"].into_iter().enumerate() {
            let (keys, read) = (texts(&key[field]), texts(&got[field]));
            let tp = matched(&keys, &read);
            totals[k][0] += tp;
            totals[k][1] += keys.len();
            totals[k][2] += read.len();
            report.push_str(&format!(
                "{name} {field} {tp}/{} (read {})\n",
                keys.len(),
                read.len()
            ));
        }
        if texts(&key["problems"]).is_empty() {
            assert!(
                texts(&got["problems"]).is_empty(),
                "{name}: problems invented"
            );
            assert!(
                got["warnings"].as_array().is_some_and(|w| !w.is_empty()),
                "{name}: no warning says that no problem was found"
            );
        }
    }
    let [problems, measures] = totals.map(|[tp, keys, got]| f1(tp, keys, got));
    println!("{report}problems F1 {problems:.3}, measures F1 {measures:.3}");
    assert!(problems >= MIN_F1, "problems F1 {problems:.3}\n{report}");
    assert!(measures >= MIN_F1, "measures F1 {measures:.3}\n{report}");
}

#[test]
fn every_key_text_is_in_its_document() {
    for doc in documents() {
        let text: String = norm(&std::fs::read_to_string(&doc).unwrap())
            .into_iter()
            .collect();
        let key: Value =
            serde_json::from_str(&std::fs::read_to_string(doc.with_extension("key.json")).unwrap())
                .unwrap();
        for field in ["problems", "measures"] {
            for item in texts(&key[field]) {
                let item: String = norm(&item).into_iter().collect();
                assert!(text.contains(&item), "{}: {item}", doc.display());
            }
        }
    }
}

#[test]
fn explain_says_why_each_item_was_read_and_what_was_passed_over() {
    let env = TestEnv::init();
    let doc = dir().join("d19_woju_xiabu_dasuan_ascii_no_unit_year.txt");
    let before = env.fingerprint();
    let shown = env.ok(&["import", "--explain", doc.to_str().unwrap()]);
    let shown = shown.replace(dir().to_str().unwrap(), "fixtures/documents");
    insta::assert_snapshot!(shown);
    assert_eq!(env.fingerprint(), before, "--explain writes nothing");
}

#[test]
fn explain_as_json_gives_each_item_its_reason_section_marker_and_paragraph() {
    let env = TestEnv::init();
    let doc = dir().join("d01_heling_ziranziyuan_xxgk_2021.txt");
    let json = json_of(&env, "--explain", &doc);
    let dry = json_of(&env, "--dry-run", &doc);
    assert_eq!(texts(&json["problems"]), texts(&dry["problems"]));
    assert_eq!(texts(&json["measures"]), texts(&dry["measures"]));
    for why in json["problems"].as_array().unwrap() {
        assert!(
            ["heading", "label", "lead_in", "embedded"].contains(&why["reason"].as_str().unwrap())
        );
        assert!(why["paragraph"].as_u64().unwrap() >= 1);
    }
    let passed = json["passed"].as_array().unwrap();
    assert!(
        passed.iter().any(|p| p["reason"] == "outside"),
        "{passed:?}"
    );
}

#[test]
fn explain_cannot_be_combined_with_a_write() {
    let env = TestEnv::init();
    let doc = dir().join("d01_heling_ziranziyuan_xxgk_2021.txt");
    let out = env
        .cmd(&["import", "--explain", "--replace", doc.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(!out.status.success());
}

//! The workbook `export --xlsx` writes, printed by a real reader: LibreOffice converts it to PDF,
//! and the pages must be the paper asked for, with every problem's words on them (a row too short
//! for its text is cut off in print, so its last words would be missing). Skipped, and saying so,
//! where LibreOffice or poppler's tools are not installed.

use std::path::Path;
use std::process::Command;

use crate::common::readers::{answers, soffice};
use crate::common::TestEnv;

/// The PDF LibreOffice makes of `xlsx`, as (page width × height in points, text without spaces).
fn printed(env: &TestEnv, soffice: &str, xlsx: &str) -> ((f64, f64), String) {
    let status = Command::new(soffice)
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(env.dir())
        .arg(env.dir().join(xlsx))
        .env("HOME", env.dir())
        .status()
        .unwrap();
    assert!(status.success());
    let pdf = env.dir().join(Path::new(xlsx).with_extension("pdf"));
    let info = Command::new("pdfinfo").arg(&pdf).output().unwrap();
    let info = String::from_utf8_lossy(&info.stdout).into_owned();
    let size_line = info
        .lines()
        .find(|l| l.starts_with("Page size:"))
        .unwrap_or_else(|| panic!("{info}"));
    let numbers: Vec<f64> = size_line
        .split_whitespace()
        .filter_map(|w| w.parse().ok())
        .collect();
    let text = Command::new("pdftotext")
        .arg(&pdf)
        .arg("-")
        .output()
        .unwrap();
    let text: String = String::from_utf8_lossy(&text.stdout)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    ((numbers[0], numbers[1]), text)
}

fn problems(env: &TestEnv) -> Vec<String> {
    let json = env.ok(&[
        "status",
        "--format",
        "json",
        "--unit",
        "市财政局",
        "--year",
        "2024",
    ]);
    let rows: serde_json::Value = serde_json::from_str(&json).unwrap();
    rows.as_array()
        .unwrap()
        .iter()
        .filter(|r| r["kind"] == "problem")
        .map(|r| r["text"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn libreoffice_prints_the_ledger_on_a3_and_a4_landscape_with_every_problem_whole() {
    let Some(soffice) = soffice() else {
        println!("skipped: LibreOffice (soffice) is not installed, so the print is not checked");
        return;
    };
    if !answers("pdfinfo", "-v") || !answers("pdftotext", "-v") {
        println!("skipped: poppler's pdfinfo and pdftotext are not installed");
        return;
    }
    let env = TestEnv::with_fixture_ledger();
    let scope = ["--unit", "市财政局", "--year", "2024"];
    for (paper, file, (width, height)) in [
        (None, "a3.xlsx", (1190.0, 842.0)),
        (Some("a4"), "a4.xlsx", (842.0, 595.0)),
    ] {
        let mut args = vec!["export", "--xlsx", file];
        args.extend(scope);
        if let Some(paper) = paper {
            args.extend(["--paper", paper]);
        }
        env.ok(&args);
        let ((w, h), text) = printed(&env, soffice, file);
        assert!(
            (w - width).abs() < 2.0 && (h - height).abs() < 2.0,
            "{file}: {w} × {h}"
        );
        assert!(
            text.contains("临江市财政局2024年度问题整改台账"),
            "{file}: {text}"
        );
        for problem in problems(&env) {
            let words: String = problem.chars().filter(|c| !c.is_whitespace()).collect();
            let tail: String = words
                .chars()
                .rev()
                .take(6)
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect();
            assert!(
                text.contains(&tail),
                "{file}: the end of “{problem}” is not printed"
            );
        }
    }
}

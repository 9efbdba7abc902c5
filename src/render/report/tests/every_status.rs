//! The default template has words for every status: an item in any status gets a sentence of its
//! own (none falls through the template's chain of statuses and is left unsaid), and the counts
//! name every status with its phrase from `model::words`.

use super::super::*;
use super::rendering::sample;
use crate::analysis::figures::Counts;
use crate::model::Status;

/// The sample report with one earlier problem, in `status`, reviewed; nothing else said of it.
fn reviewed_in(status: Status) -> Report {
    let mut report = sample();
    let review = &mut report.review;
    let mut item = review.items[0].clone();
    item.status = status;
    item.status_stated = false;
    item.due.days_overdue = None;
    item.reason = None;
    item.owner = String::new();
    review.items = vec![item];
    review.categories = 0;
    review.groups.clear();
    report
}

/// The paragraph of the one reviewed item.
fn paragraph(status: Status) -> String {
    let text = render(&reviewed_in(status), Style::Yishi, None).unwrap();
    text.lines()
        .find(|l| l.starts_with("关于“"))
        .unwrap_or_else(|| panic!("no item paragraph for {status:?} in:\n{text}"))
        .to_string()
}

#[test]
fn every_status_adds_a_sentence_of_its_own_to_the_item_paragraph() {
    let paragraphs: Vec<(Status, String)> =
        Status::EVERY.iter().map(|&s| (s, paragraph(s))).collect();
    // What every paragraph shares is what it says before the status: a status the template
    // does not know would leave its paragraph at that.
    let shared = paragraphs
        .iter()
        .map(|(_, p)| p.as_str())
        .reduce(|a, b| {
            let len = a
                .char_indices()
                .zip(b.chars())
                .take_while(|((_, x), y)| x == y)
                .last()
                .map_or(0, |((i, x), _)| i + x.len_utf8());
            &a[..len]
        })
        .unwrap()
        .to_string();
    for (status, p) in &paragraphs {
        assert!(
            p.len() > shared.len(),
            "{status:?} says nothing of its status: {p}"
        );
    }
    let mut distinct: Vec<&String> = paragraphs.iter().map(|(_, p)| p).collect();
    distinct.sort();
    distinct.dedup();
    assert_eq!(distinct.len(), Status::EVERY.len(), "{paragraphs:#?}");
}

#[test]
fn the_counts_name_every_status_with_its_phrase() {
    let mut report = sample();
    let mut counts = Counts::default();
    for status in Status::EVERY {
        counts.add(status);
    }
    report.review.problem_counts = counts;
    report.review.problems = counts.total;
    let text = render(&report, Style::Yishi, None).unwrap();
    for status in Status::TALLIED {
        let phrase = format!("{}1个", status.labels().zh_counted);
        assert!(text.contains(&phrase), "{phrase} in:\n{text}");
    }
}

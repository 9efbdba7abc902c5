use super::*;

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn entry(on: &str, status: Status, note: Option<&str>, evidence: &[&str]) -> CellEntry {
    CellEntry {
        date: day(on),
        status,
        note: note.map(str::to_string),
        evidence: evidence.iter().map(|e| e.to_string()).collect(),
    }
}

#[test]
fn plain_words_are_written_alone_and_a_status_they_do_not_say_is_stated() {
    let entries = [
        entry(
            "2025-03-28",
            Status::InProgress,
            Some("已开展第一季度专题研讨"),
            &[],
        ),
        entry("2025-04-10", Status::InProgress, Some("初稿已完成"), &[]),
        entry("2025-05-01", Status::NotDone, None, &[]),
        entry(
            "2025-06-25",
            Status::Done,
            Some("两次研讨成果已形成清单"),
            &["8号文"],
        ),
    ];
    let (progress, evidence) = write(&entries, Status::Done);
    assert_eq!(
        progress,
        "2025-03-28 已开展第一季度专题研讨\n2025-04-10 正在整改：初稿已完成\n\
         2025-05-01 未完成\n2025-06-25 两次研讨成果已形成清单"
    );
    assert_eq!(evidence, "8号文");
    assert_eq!(
        read(&progress, &evidence, Some(Status::Done)).unwrap().own,
        entries
    );
}

#[test]
fn evidence_of_earlier_entries_is_dated_and_goes_back_to_its_entry() {
    let entries = [
        entry(
            "2025-04-01",
            Status::LongTerm,
            Some("制度已印发"),
            &["5号文"],
        ),
        entry(
            "2025-06-25",
            Status::Done,
            Some("已验收"),
            &["8号文", "照片"],
        ),
    ];
    let (progress, evidence) = write(&entries, Status::Done);
    assert_eq!(
        evidence,
        "2025-04-01 5号文\n2025-06-25 8号文\n2025-06-25 照片"
    );
    assert_eq!(
        read(&progress, &evidence, Some(Status::Done)).unwrap().own,
        entries
    );
}

#[test]
fn the_last_line_takes_the_status_of_the_row_when_its_words_say_none() {
    let entries = read("2025-03-01 公示工作已移交", "", Some(Status::Dropped))
        .unwrap()
        .own;
    assert_eq!(entries[0].status, Status::Dropped);
    let entries = read("2025-03-01 公示工作已移交", "", None).unwrap().own;
    assert_eq!(entries[0].status, Status::InProgress);
}

#[test]
fn undated_lines_continue_the_note_above_and_free_text_is_not_entries() {
    let entries = read("2025-03-01 已部署\n各科室已落实", "通知.pdf", None)
        .unwrap()
        .own;
    assert_eq!(entries.len(), 1);
    assert_eq!(entries[0].note.as_deref(), Some("已部署\n各科室已落实"));
    assert_eq!(entries[0].evidence, ["通知.pdf"]);
    assert_eq!(read("已于5月20日印发新办法", "", None), None);
    assert_eq!(read("", "", Some(Status::Done)), None);
    assert_eq!(read("2025-03-01印发", "", None), None);
}

#[test]
fn a_problems_own_entries_are_marked_and_read_apart_from_the_measures() {
    let problem = [entry(
        "2025-12-31",
        Status::Done,
        Some("已全部整改到位"),
        &[],
    )];
    let own = [entry(
        "2025-05-01",
        Status::InProgress,
        Some("已部署"),
        &["通知.pdf"],
    )];
    let (measure, evidence) = write(&own, Status::Done);
    let cell = format!("{}\n{measure}", write_problem(&problem));
    assert_eq!(
        cell,
        "2025-12-31 【问题】已全部整改到位\n2025-05-01 正在整改：已部署"
    );
    let read = read(&cell, &evidence, Some(Status::Done)).unwrap();
    assert_eq!((read.own, read.problem), (own.to_vec(), problem.to_vec()));
}

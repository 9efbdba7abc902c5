//! Tests of the domain types: ids, statuses, dates, deadlines and owners.

use super::*;

#[test]
fn item_ids_round_trip_through_text() {
    for text in ["P1", "M34", "P120"] {
        assert_eq!(text.parse::<ItemId>().unwrap().to_string(), text);
    }
    assert_eq!("m7".parse::<ItemId>().unwrap(), ItemId::measure(7));
}

#[test]
fn malformed_item_ids_are_refused() {
    for text in [
        "",
        "P",
        "X3",
        "P-1",
        "P0",
        "P1a",
        "12",
        "P99999999999999999999",
    ] {
        assert!(
            text.parse::<ItemId>().is_err(),
            "{text:?} should be refused"
        );
    }
}

#[test]
fn statuses_parse_from_code_and_chinese_label() {
    assert_eq!("done".parse::<Status>().unwrap(), Status::Done);
    assert_eq!("已完成".parse::<Status>().unwrap(), Status::Done);
    assert_eq!("长期坚持".parse::<Status>().unwrap(), Status::LongTerm);
    assert_eq!("in-progress".parse::<Status>().unwrap(), Status::InProgress);
    assert!("finished".parse::<Status>().is_err());
}

#[test]
fn every_status_word_is_accepted_as_typed_and_listed_in_the_help() {
    let help = Status::accepted_words();
    for (word, status) in words::status_words(words::Reader::Cell) {
        assert_eq!(word.parse::<Status>().unwrap(), status, "{word}");
        assert_eq!(Status::parse_any(word).unwrap(), status, "{word}");
        let line = help
            .lines()
            .find(|l| l.trim_start().starts_with(&format!("{}:", status.code())))
            .unwrap();
        assert!(
            line.split([':', ',']).any(|w| w.trim() == word),
            "{word} in {line}"
        );
    }
}

#[test]
fn dates_must_exist_on_the_calendar() {
    assert!(parse_date("2024-13-45").is_err());
    assert!(parse_date("2023-02-29").is_err());
    assert!(parse_date("2024-02-29").is_ok());
    assert!(parse_date("24-1-1").is_err());
}

#[test]
fn default_deadline_is_the_end_of_the_following_year() {
    assert_eq!(
        Deadline::default_for_year(2024).due(),
        NaiveDate::from_ymd_opt(2025, 12, 31)
    );
}

#[test]
fn owner_short_prefers_department_and_person() {
    let owner = Owner {
        leader: Some("王局长".into()),
        owner_dept: Some("办公室".into()),
        co_depts: vec![],
        owner_person: Some("李明".into()),
    };
    assert_eq!(owner.short(), "办公室 李明");
    let leader_only = Owner {
        leader: Some("王局长".into()),
        ..Owner::default()
    };
    assert_eq!(leader_only.short(), "王局长");
}

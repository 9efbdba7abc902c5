use crate::common::TestEnv;

#[test]
fn show_gives_everything_about_a_problem() {
    let env = TestEnv::with_fixture_ledger();
    insta::assert_snapshot!(env.run(&["show", "P3"]));
}

#[test]
fn show_gives_a_measure_with_its_progress_and_evidence() {
    let env = TestEnv::with_fixture_ledger();
    insta::assert_snapshot!(env.run(&["show", "M1"]));
}

#[test]
fn show_prints_json_csv_and_markdown() {
    let env = TestEnv::with_fixture_ledger();
    insta::assert_snapshot!(env.run(&["show", "M5", "--format", "json"]));
    insta::assert_snapshot!(env.run(&["show", "M5", "--format", "csv"]));
    insta::assert_snapshot!(env.run(&["show", "M5", "--format", "md", "--lang", "en"]));
}

#[test]
fn history_lists_every_change_with_who_and_when() {
    let env = TestEnv::with_fixture_ledger();
    insta::assert_snapshot!(env.run(&["history", "M1"]));
    insta::assert_snapshot!(env.run(&["history", "P1", "--format", "json"]));
}

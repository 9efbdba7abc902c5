use crate::common::TestEnv;

#[test]
fn init_creates_a_store_and_says_where() {
    let env = TestEnv::new();
    insta::assert_snapshot!(env.transcript(&["init"]));
    assert!(env.db().exists());
}

#[test]
fn init_on_an_existing_store_changes_nothing() {
    let env = TestEnv::with_fixture_ledger();
    let before = env.fingerprint();
    insta::assert_snapshot!(env.transcript(&["init"]));
    assert_eq!(before, env.fingerprint());
}

#[test]
fn init_reports_itself_as_json() {
    let env = TestEnv::new();
    insta::assert_snapshot!(env.transcript(&["init", "--format", "json"]));
}

#[test]
fn without_db_the_store_lives_in_the_platform_data_directory() {
    let env = TestEnv::new();
    let output = env
        .cmd(&["init"])
        .env_remove("TAIZHANG_DB")
        .output()
        .unwrap();
    assert!(output.status.success());
    let expected = env.dir().join(".local/share/taizhang/taizhang.db");
    assert!(expected.exists(), "{}", env.render(&output));
}

#[test]
fn the_db_option_wins_over_the_environment() {
    let env = TestEnv::new();
    let other = env.dir().join("other.db");
    env.ok(&["init", "--db", other.to_str().unwrap()]);
    assert!(other.exists());
    assert!(!env.db().exists());
}

#[test]
fn units_are_added_listed_and_aliased() {
    let env = TestEnv::init();
    env.ok(&[
        "unit",
        "add",
        "国家税务总局临江市税务局",
        "--alias",
        "临江市税务局",
    ]);
    env.ok(&["unit", "add", "临江市财政局"]);
    insta::assert_snapshot!(env.transcript(&["unit", "alias", "临江市税务局", "市税务局"]));
    insta::assert_snapshot!(env.transcript(&["unit", "list"]));
    insta::assert_snapshot!(env.transcript(&["unit", "list", "--format", "json"]));
}

#[test]
fn an_empty_store_lists_no_units_and_says_how_to_add_one() {
    let env = TestEnv::init();
    insta::assert_snapshot!(env.transcript(&["unit", "list"]));
}

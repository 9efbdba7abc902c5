//! `taizhang merge`: rolling up units' stores by UUID, idempotently, with conflicts reported.

use std::path::Path;

use serde_json::Value;

use crate::common::{fingerprint, TestEnv};

/// A unit's own store: one unit, two problems, measures, progress with evidence.
fn unit_store(name: &str, alias: &str, problem: &str) -> TestEnv {
    let env = TestEnv::init();
    env.ok(&["unit", "add", name, "--alias", alias]);
    env.ok(&["problem", "add", "--unit", name, "--year", "2024", problem]);
    env.ok(&[
        "problem",
        "add",
        "--unit",
        name,
        "--year",
        "2024",
        "档案整理归档不及时",
    ]);
    env.ok(&[
        "measure",
        "add",
        "--unit",
        name,
        "--year",
        "2024",
        "--for",
        "P1,P2",
        "--owner-dept",
        "办公室",
        "--co-dept",
        "档案室",
        "--due",
        "2025-06-30",
        "建立月度检查通报制度",
    ]);
    env.ok(&[
        "measure",
        "add",
        "--unit",
        name,
        "--year",
        "2024",
        "--for",
        "P2",
        "--due",
        "long-term",
        "按季度集中归档",
    ]);
    env.ok(&[
        "progress",
        "M1",
        "--status",
        "in_progress",
        "--date",
        "2025-03-01",
        "--note",
        "已通报两次",
        "--evidence",
        "通报文件",
    ]);
    env
}

/// Copies another env's store into `into`'s folder as `name`, so output paths are short.
fn bring(from: &TestEnv, into: &TestEnv, name: &str) {
    std::fs::copy(from.db(), into.dir().join(name)).unwrap();
}

fn status(env: &TestEnv) -> Vec<Value> {
    serde_json::from_str(&env.ok(&["status", "--format", "json"])).unwrap()
}

#[test]
fn a_county_office_rolls_up_its_units_stores() {
    let a = unit_store("东山县财政局", "县财政局", "预算执行进度偏慢");
    let b = unit_store("东山县审计局", "县审计局", "审计整改跟踪不够及时");
    let county = TestEnv::init();
    bring(&a, &county, "caizheng.db");
    bring(&b, &county, "shenji.db");
    let before_a = fingerprint(&county.dir().join("caizheng.db"));
    insta::assert_snapshot!(county.transcript(&["merge", "caizheng.db", "shenji.db"]));
    insta::assert_snapshot!(county.transcript(&["status"]));
    assert_eq!(
        before_a,
        fingerprint(&county.dir().join("caizheng.db")),
        "the other store is only read"
    );
    // The items keep their UUIDs; B's items got new ids.
    let uuids = |env: &TestEnv| -> Vec<String> {
        let mut u: Vec<String> = status(env)
            .iter()
            .map(|r| r["uuid"].as_str().unwrap().to_string())
            .collect();
        u.sort();
        u
    };
    let mut both = [uuids(&a), uuids(&b)].concat();
    both.sort();
    assert_eq!(uuids(&county), both);
    let history: Vec<Value> =
        serde_json::from_str(&county.ok(&["history", "M3", "--format", "json"])).unwrap();
    assert!(
        history.iter().any(|e| e["action"] == "create"),
        "history comes along"
    );
}

#[test]
fn merging_the_same_store_twice_changes_nothing() {
    let a = unit_store("东山县财政局", "县财政局", "预算执行进度偏慢");
    let county = TestEnv::init();
    bring(&a, &county, "caizheng.db");
    county.ok(&["merge", "caizheng.db"]);
    let before = county.fingerprint();
    insta::assert_snapshot!(county.transcript(&["merge", "caizheng.db"]));
    assert_eq!(before, county.fingerprint());
    // Merged into an empty store, the rows and their ids are the unit's own.
    assert_eq!(county.fingerprint(), a.fingerprint());
}

#[test]
fn a_newer_copy_adds_only_what_is_new_and_brings_its_edits() {
    let a = unit_store("东山县财政局", "县财政局", "预算执行进度偏慢");
    let county = TestEnv::init();
    bring(&a, &county, "caizheng.db");
    county.ok(&["merge", "caizheng.db"]);
    a.ok(&[
        "progress",
        "M1",
        "--status",
        "done",
        "--date",
        "2025-06-20",
        "--note",
        "制度已印发",
    ]);
    a.ok(&["edit", "M2", "--owner-dept", "档案室"]);
    a.ok(&[
        "problem",
        "add",
        "--unit",
        "县财政局",
        "--year",
        "2025",
        "政府采购意向公开不及时",
    ]);
    bring(&a, &county, "caizheng.db");
    insta::assert_snapshot!(county.transcript(&["merge", "caizheng.db", "--format", "json"]));
    assert_eq!(county.fingerprint(), a.fingerprint());
}

#[test]
fn an_item_changed_in_both_keeps_this_store_s_version_and_both_histories() {
    let a = unit_store("东山县财政局", "县财政局", "预算执行进度偏慢");
    let county = TestEnv::init();
    bring(&a, &county, "caizheng.db");
    county.ok(&["merge", "caizheng.db"]);
    a.ok(&["edit", "P1", "--text", "预算执行进度偏慢，年底突击花钱"]);
    county.ok(&["edit", "P1", "--text", "预算执行进度偏慢，部分项目资金沉淀"]);
    bring(&a, &county, "caizheng.db");
    insta::assert_snapshot!(county.transcript(&["merge", "caizheng.db"]));
    let p1 = status(&county)
        .into_iter()
        .find(|r| r["id"] == "P1")
        .unwrap();
    assert_eq!(p1["text"], "预算执行进度偏慢，部分项目资金沉淀");
    insta::assert_snapshot!(county.transcript(&["history", "P1", "--format", "json"]));
    let before = county.fingerprint();
    county.ok(&["merge", "caizheng.db"]);
    assert_eq!(
        before,
        county.fingerprint(),
        "the conflict is recorded once"
    );
}

#[test]
fn a_unit_of_the_same_name_here_is_the_same_unit() {
    let a = unit_store("东山县财政局", "县财政局", "预算执行进度偏慢");
    let county = TestEnv::init();
    county.ok(&["unit", "add", "东山县财政局"]);
    bring(&a, &county, "caizheng.db");
    insta::assert_snapshot!(county.transcript(&["merge", "caizheng.db"]));
    insta::assert_snapshot!(county.transcript(&["unit", "list"]));
}

#[test]
fn merge_takes_one_unit_of_a_roll_up_with_unit() {
    let a = unit_store("东山县财政局", "县财政局", "预算执行进度偏慢");
    let b = unit_store("东山县审计局", "县审计局", "审计整改跟踪不够及时");
    let city = TestEnv::init();
    bring(&a, &city, "caizheng.db");
    city.ok(&["merge", "caizheng.db"]);
    bring(&b, &city, "shenji.db");
    city.ok(&["merge", "shenji.db"]);
    // The city's roll-up, merged into a store of one unit, brings only that unit.
    let c = TestEnv::init();
    bring(&city, &c, "city.db");
    insta::assert_snapshot!(c.transcript(&["merge", "city.db", "--unit", "县审计局"]));
    insta::assert_snapshot!(c.transcript(&["unit", "list"]));
    insta::assert_snapshot!(c.transcript(&["merge", "city.db", "--unit", "县教育局"]));
}

#[test]
fn a_dry_run_shows_what_would_come_in_and_writes_nothing() {
    let a = unit_store("东山县财政局", "县财政局", "预算执行进度偏慢");
    let county = TestEnv::init();
    bring(&a, &county, "caizheng.db");
    let before = county.fingerprint();
    insta::assert_snapshot!(county.transcript(&[
        "merge",
        "--dry-run",
        "caizheng.db",
        "--lang",
        "en"
    ]));
    assert_eq!(before, county.fingerprint());
}

#[test]
fn stores_that_cannot_be_merged_are_refused_and_nothing_is_merged() {
    let a = unit_store("东山县财政局", "县财政局", "预算执行进度偏慢");
    let county = TestEnv::init();
    bring(&a, &county, "caizheng.db");
    std::fs::write(county.dir().join("notes.db"), "序号,问题描述\n").unwrap();
    let other_app = county.dir().join("contacts.db");
    rusqlite::Connection::open(&other_app)
        .unwrap()
        .execute_batch("CREATE TABLE contacts (name TEXT);")
        .unwrap();
    let newer = county.dir().join("newer.db");
    std::fs::copy(a.db(), &newer).unwrap();
    rusqlite::Connection::open(&newer)
        .unwrap()
        .pragma_update(None, "user_version", 99)
        .unwrap();
    let before = county.fingerprint();
    for args in [
        &["merge", "caizheng.db", "notes.db"][..],
        &["merge", "contacts.db"],
        &["merge", "newer.db"],
        &["merge", "missing.db"],
        &["merge", "ledger.db"],
        &["merge", "./ledger.db"],
    ] {
        insta::assert_snapshot!(county.transcript(args));
    }
    assert_eq!(before, county.fingerprint());
}

#[test]
fn merging_an_older_store_reads_it_without_upgrading_it() {
    let county = TestEnv::init();
    let old = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/stores/schema-001.db");
    std::fs::copy(&old, county.dir().join("old.db")).unwrap();
    let before = std::fs::read(county.dir().join("old.db")).unwrap();
    let output = county.run(&["merge", "old.db", "--format", "json"]);
    assert!(output.starts_with("exit: 0"), "{output}");
    assert_eq!(before, std::fs::read(county.dir().join("old.db")).unwrap());
}

fn field(env: &TestEnv, id: &str, name: &str) -> Value {
    status(env).into_iter().find(|r| r["id"] == id).unwrap()[name].clone()
}

#[test]
fn a_field_edited_on_one_side_only_is_taken_even_when_another_field_conflicts() {
    let a = unit_store("东山县财政局", "县财政局", "预算执行进度偏慢");
    let county = TestEnv::init();
    bring(&a, &county, "caizheng.db");
    county.ok(&["merge", "caizheng.db"]);
    a.ok(&[
        "edit",
        "M1",
        "--owner-person",
        "王会计",
        "--text",
        "建立周检查制度",
    ]);
    county.ok(&["edit", "M1", "--text", "建立月度检查通报制度并公开"]);
    bring(&a, &county, "caizheng.db");
    insta::assert_snapshot!(county.transcript(&["merge", "caizheng.db"]));
    assert_eq!(field(&county, "M1", "owner_person"), "王会计");
    assert_eq!(field(&county, "M1", "text"), "建立月度检查通报制度并公开");
}

#[test]
fn merging_back_the_other_way_reports_the_conflict_and_keeps_the_local_value() {
    let a = unit_store("东山县财政局", "县财政局", "预算执行进度偏慢");
    let b = TestEnv::init();
    bring(&a, &b, "a.db");
    b.ok(&["merge", "a.db"]);
    a.ok(&["edit", "P1", "--text", "甲的版本"]);
    b.ok(&["edit", "P1", "--text", "乙的版本"]);
    b.ok(&["edit", "M2", "--owner-dept", "档案室"]);
    bring(&a, &b, "a.db");
    b.ok(&["merge", "a.db"]);
    // Back the other way: A's own edit is known to B now, yet the text was changed on both sides.
    bring(&b, &a, "b.db");
    insta::assert_snapshot!(a.transcript(&["merge", "b.db"]));
    assert_eq!(field(&a, "P1", "text"), "甲的版本");
    assert_eq!(
        field(&a, "M2", "owner_dept"),
        "档案室",
        "a one-sided change is taken"
    );
    let history: Vec<Value> =
        serde_json::from_str(&a.ok(&["history", "P1", "--format", "json"])).unwrap();
    let edits = history.iter().filter(|e| e["action"] == "edit").count();
    assert_eq!(edits, 2, "both histories are kept");
    // Once the conflict is settled by a later edit on A, B takes it.
    a.ok(&["edit", "P1", "--text", "商定的版本"]);
    bring(&a, &b, "a.db");
    b.ok(&["merge", "a.db"]);
    assert_eq!(field(&b, "P1", "text"), "商定的版本");
}

#[test]
fn a_damaged_store_is_refused_before_anything_is_merged() {
    let a = unit_store("东山县财政局", "县财政局", "预算执行进度偏慢");
    let county = TestEnv::init();
    let damaged = county.dir().join("damaged.db");
    let mut bytes = std::fs::read(a.db()).unwrap();
    let page = u16::from_be_bytes([bytes[16], bytes[17]]) as usize;
    // The header (application id, schema version) stays; every page after the first is garbage.
    for b in &mut bytes[page..] {
        *b = 0xA5;
    }
    std::fs::write(&damaged, bytes).unwrap();
    let before = county.fingerprint();
    insta::assert_snapshot!(county.transcript(&["merge", "damaged.db"]));
    assert_eq!(before, county.fingerprint());
}

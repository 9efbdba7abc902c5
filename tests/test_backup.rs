//! `backup` and `restore`, the backup made before a schema upgrade, and stores that cannot be
//! used as they are (older, damaged, incomplete, in a read-only folder).

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use crate::common::{fingerprint, TestEnv};

/// The name `backup` gives a copy of ledger.db at the harness's fixed timestamp.
const BESIDE: &str = "ledger-backup-20260115-093000.db";

fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// A test env whose store is a copy of the schema-1 fixture (the fixture itself is never written).
fn with_old_store() -> TestEnv {
    let env = TestEnv::new();
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/stores/schema-001.db");
    std::fs::copy(fixture, env.db()).unwrap();
    env
}

fn damage(path: &Path, how: &str) {
    let bytes = std::fs::read(path).unwrap();
    let damaged = match how {
        // A valid 100-byte header followed by noise (deterministic).
        "noise" => {
            let mut out = bytes[..100].to_vec();
            let mut x: u32 = 12345;
            out.extend((100..bytes.len()).map(|_| {
                x = x.wrapping_mul(1_103_515_245).wrapping_add(12345);
                (x >> 16) as u8
            }));
            out
        }
        _ => bytes[..bytes.len() / 3].to_vec(),
    };
    std::fs::write(path, damaged).unwrap();
}

#[test]
fn backup_without_a_file_writes_a_copy_beside_the_store_named_with_the_time() {
    let env = TestEnv::with_fixture_ledger();
    insta::assert_snapshot!(env.run(&["backup"]), @r"
    exit: 0
    --- stdout
    已备份到 [dir]/ledger-backup-20260115-093000.db（单位 2 个，问题 9 个，整改措施 10 条）
    --- stderr
    ");
    assert_eq!(fingerprint(&env.dir().join(BESIDE)), env.fingerprint());
    // A second backup in the same second gets a name of its own.
    let again = env.ok(&["backup", "--lang", "en"]);
    assert!(
        again.contains("ledger-backup-20260115-093000-2.db (2 units, 9 problems, 10 measures)"),
        "{again}"
    );
}

#[test]
fn backup_to_a_file_reports_itself_as_json() {
    let env = TestEnv::with_fixture_ledger();
    insta::assert_snapshot!(env.run(&["backup", "副本.db", "--format", "json"]), @r#"
    exit: 0
    --- stdout
    {
      "file": "副本.db",
      "units": 2,
      "problems": 9,
      "measures": 10,
      "progress": 10
    }
    --- stderr
    "#);
    assert_eq!(fingerprint(&env.dir().join("副本.db")), env.fingerprint());
}

#[test]
fn backup_never_writes_over_the_store_an_existing_file_or_through_a_link() {
    let env = TestEnv::with_fixture_ledger();
    let before = env.fingerprint();
    let store = env.db().display().to_string();
    std::os::unix::fs::symlink(env.db(), env.dir().join("link.db")).unwrap();
    for args in [
        vec!["backup", store.as_str(), "--force"],
        vec!["backup", "link.db", "--force"],
    ] {
        let output = env.cmd(&args).output().unwrap();
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert!(String::from_utf8_lossy(&output.stderr).contains("就是台账本身"));
    }
    std::fs::write(env.dir().join("mine.db"), "我的文件").unwrap();
    insta::assert_snapshot!(env.run(&["backup", "mine.db"]), @r"
    exit: 2
    --- stdout
    --- stderr
    taizhang：错误：mine.db 已存在；如需覆盖请加 --force，或换一个文件名。
    ");
    assert_eq!(
        std::fs::read_to_string(env.dir().join("mine.db")).unwrap(),
        "我的文件"
    );
    env.ok(&["backup", "mine.db", "--force"]);
    assert_eq!(fingerprint(&env.dir().join("mine.db")), before);
    assert_eq!(env.fingerprint(), before);
}

#[test]
fn a_backup_taken_while_another_process_writes_is_one_consistent_snapshot() {
    let env = TestEnv::with_fixture_ledger();
    let db = env.db().to_path_buf();
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let writer = {
        let stop = stop.clone();
        std::thread::spawn(move || {
            let mut conn = rusqlite::Connection::open(&db).unwrap();
            conn.busy_timeout(std::time::Duration::from_secs(5))
                .unwrap();
            let mut n = 0;
            while !stop.load(std::sync::atomic::Ordering::Relaxed) && n < 2000 {
                n += 1;
                // A unit and its alias, always together in one transaction.
                let tx = conn.transaction().unwrap();
                tx.execute(
                    "INSERT INTO units (uuid, name, created_at) VALUES (?1, ?2, '2026-01-15')",
                    [format!("u-{n}"), format!("单位{n}")],
                )
                .unwrap();
                tx.execute(
                    "INSERT INTO unit_aliases (alias, unit_id) VALUES (?1, last_insert_rowid())",
                    [format!("别名{n}")],
                )
                .unwrap();
                tx.commit().unwrap();
            }
            n
        })
    };
    let mut copies = Vec::new();
    for i in 0..5 {
        let name = format!("copy{i}.db");
        env.ok(&["backup", &name]);
        copies.push(env.dir().join(name));
    }
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    writer.join().unwrap();
    // The fixture has 2 units and 2 aliases: every snapshot keeps the two counts equal.
    for copy in copies {
        let conn = rusqlite::Connection::open(&copy).unwrap();
        let count = |table: &str| -> i64 {
            conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
                .unwrap()
        };
        assert_eq!(count("units"), count("unit_aliases"), "{}", copy.display());
        let check: String = conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .unwrap();
        assert_eq!(check, "ok");
    }
}

#[test]
fn a_backup_restored_gives_back_an_identical_store_and_keeps_the_replaced_one() {
    let env = TestEnv::with_fixture_ledger();
    let original = env.fingerprint();
    env.ok(&["backup", "saved.db"]);
    env.ok(&["progress", "M3", "--status", "done", "--note", "后来的进展"]);
    let changed = env.fingerprint();
    assert_ne!(changed, original);
    insta::assert_snapshot!(env.run(&["restore", "saved.db"]), @r"
    exit: 0
    --- stdout
    已从 saved.db 恢复台账 [dir]/ledger.db（单位 2 个，问题 9 个，整改措施 10 条）
    恢复前的台账已备份到 [dir]/ledger-backup-20260115-093000.db（需要时可用 taizhang restore [dir]/ledger-backup-20260115-093000.db 换回）
    --- stderr
    ");
    assert_eq!(env.fingerprint(), original);
    assert_eq!(fingerprint(&env.dir().join(BESIDE)), changed);
    // The store goes on working, and the replaced one can be put back.
    env.ok(&["progress", "M3", "--status", "done"]);
    env.ok(&["restore", BESIDE]);
    assert_eq!(env.fingerprint(), changed);
}

#[test]
fn restore_refuses_what_is_not_a_good_taizhang_store_and_changes_nothing() {
    let env = TestEnv::with_fixture_ledger();
    let dir = env.dir();
    std::fs::write(dir.join("notes.db"), "序号,问题描述\n").unwrap();
    let other = rusqlite::Connection::open(dir.join("contacts.db")).unwrap();
    other
        .execute_batch("CREATE TABLE contacts (name TEXT);")
        .unwrap();
    drop(other);
    env.ok(&["backup", "newer.db"]);
    let newer = rusqlite::Connection::open(dir.join("newer.db")).unwrap();
    newer.pragma_update(None, "user_version", 99).unwrap();
    drop(newer);
    env.ok(&["backup", "damaged.db"]);
    damage(&dir.join("damaged.db"), "noise");
    env.ok(&["backup", "incomplete.db"]);
    let incomplete = rusqlite::Connection::open(dir.join("incomplete.db")).unwrap();
    incomplete.execute_batch("DROP TABLE evidence;").unwrap();
    drop(incomplete);
    let before = env.fingerprint();
    let files = files_in(dir);
    let mut seen = String::new();
    for file in [
        "missing.db",
        "notes.db",
        "contacts.db",
        "newer.db",
        "damaged.db",
        "incomplete.db",
    ] {
        let output = env.cmd(&["restore", file]).output().unwrap();
        assert!(matches!(output.status.code(), Some(2 | 3)), "{file}");
        seen.push_str(&env.render(&output).replace("--- stdout\n--- stderr\n", ""));
    }
    insta::assert_snapshot!(seen, @r"
    exit: 2
    taizhang：错误：没有文件 missing.db；恢复时请提供“taizhang backup”写出的文件。
    exit: 3
    taizhang：错误：notes.db 不是 taizhang 台账；恢复时请提供“taizhang backup”写出的文件。
    exit: 3
    taizhang：错误：contacts.db 不是 taizhang 台账；恢复时请提供“taizhang backup”写出的文件。
    exit: 3
    taizhang：错误：newer.db 由较新版本的 taizhang 写入（架构第99版，本程序最高只认第7版）；请升级 taizhang 后再用。
    exit: 3
    taizhang：错误：damaged.db 未通过 SQLite 完整性检查，未予恢复；请换一份备份。
    exit: 3
    taizhang：错误：incomplete.db 缺少数据表（evidence）；请用“taizhang restore 文件”恢复备份。
    ");
    assert_eq!(env.fingerprint(), before);
    assert_eq!(
        files_in(dir),
        files,
        "no backup is kept when nothing is restored"
    );
}

#[test]
fn restoring_a_backup_from_an_older_taizhang_upgrades_it() {
    let env = TestEnv::init();
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/stores/schema-001.db");
    std::fs::copy(&fixture, env.dir().join("old.db")).unwrap();
    let old = fingerprint(&env.dir().join("old.db"));
    insta::assert_snapshot!(env.run(&["restore", "old.db", "--lang", "en"]), @r"
    exit: 0
    --- stdout
    restored [dir]/ledger.db from old.db (2 units, 9 problems, 10 measures)
    the backup was of schema 1; it has been upgraded to 7
    the store as it was is kept in [dir]/ledger-backup-20260115-093000.db (taizhang restore [dir]/ledger-backup-20260115-093000.db puts it back)
    --- stderr
    ");
    let new = env.fingerprint();
    assert!(new.starts_with(&format!(
        "user_version {}\n",
        taizhang::store::SCHEMA_VERSION
    )));
    crate::common::assert_rows_kept(&old, &new, "the restore");
    assert_eq!(fingerprint(&env.dir().join("old.db")), old);
    env.ok(&["status"]);
}

#[test]
fn a_damaged_store_is_replaced_by_restore_only_with_force_and_its_bytes_are_kept() {
    let env = TestEnv::with_fixture_ledger();
    env.ok(&["backup", "saved.db"]);
    let good = env.fingerprint();
    damage(env.db(), "noise");
    let damaged = std::fs::read(env.db()).unwrap();
    insta::assert_snapshot!(env.run(&["restore", "saved.db"]), @r"
    exit: 3
    --- stdout
    --- stderr
    taizhang：错误：[dir]/ledger.db 无法作为 taizhang 台账读取，恢复前无法先行备份；如仍要替换，请加 --force（会先保留其原始字节副本）。
    ");
    assert_eq!(std::fs::read(env.db()).unwrap(), damaged);
    env.ok(&["restore", "saved.db", "--force"]);
    assert_eq!(env.fingerprint(), good);
    assert_eq!(std::fs::read(env.dir().join(BESIDE)).unwrap(), damaged);
}

#[test]
fn init_backs_up_an_older_store_before_upgrading_it_and_says_so() {
    let env = with_old_store();
    let old = env.fingerprint();
    insta::assert_snapshot!(env.run(&["init"]), @r"
    exit: 0
    --- stdout
    已将台账 [dir]/ledger.db 升级到第7版
    --- stderr
    提示：台账架构将从第1版升级到第7版，升级前已备份到 [dir]/ledger-backup-20260115-093000.db
    ");
    assert_eq!(fingerprint(&env.dir().join(BESIDE)), old);
    assert!(env.fingerprint().starts_with("user_version 7\n"));
    // Once upgraded, nothing more is backed up.
    let again = env.cmd(&["init"]).output().unwrap();
    assert!(again.stderr.is_empty());
    assert_eq!(files_in(env.dir()).len(), 2 + wal_files(env.dir()));
}

fn wal_files(dir: &Path) -> usize {
    files_in(dir)
        .iter()
        .filter(|n| n.ends_with("-wal") || n.ends_with("-shm"))
        .count()
}

#[test]
fn a_write_command_upgrades_an_older_store_after_a_backup() {
    let env = with_old_store();
    let old = env.fingerprint();
    let output = env
        .cmd(&["progress", "M3", "--status", "done", "--note", "升级后记录"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", env.render(&output));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("提示：台账架构将从第1版升级到第7版，升级前已备份到"),
        "{stderr}"
    );
    assert_eq!(fingerprint(&env.dir().join(BESIDE)), old);
    assert!(env.ok(&["show", "M3"]).contains("升级后记录"));
}

#[test]
fn read_commands_refuse_an_older_store_and_leave_it_byte_identical() {
    let env = with_old_store();
    let before = std::fs::read(env.db()).unwrap();
    let commands: [&[&str]; 10] = [
        &["status"],
        &["show", "P1"],
        &["history", "P1"],
        &["stats"],
        &["report", "--unit", "东山县市场监督管理局", "--year", "2024"],
        &["export", "--csv", "-"],
        &["recur"],
        &["common"],
        &["link", "--suggest"],
        &["unit", "list"],
    ];
    for args in commands {
        let output = env.cmd(args).output().unwrap();
        assert_eq!(output.status.code(), Some(3), "{}", env.render(&output));
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.contains("taizhang init"), "{args:?}: {stderr}");
    }
    insta::assert_snapshot!(env.run(&["status"]), @r"
    exit: 3
    --- stdout
    --- stderr
    taizhang：错误：[dir]/ledger.db 由较旧版本的 taizhang 写入（架构第1版，本程序使用第7版），需要升级；请运行“taizhang init”升级（升级前会先备份）。
    ");
    assert_eq!(std::fs::read(env.db()).unwrap(), before);
    assert_eq!(files_in(env.dir()), vec!["ledger.db"]);
}

#[test]
fn demo_refuses_an_older_store_without_upgrading_or_touching_it() {
    let env = with_old_store();
    let before = std::fs::read(env.db()).unwrap();
    let db = env.db().display().to_string();
    let output = env.cmd(&["demo", "--db", &db]).output().unwrap();
    assert_eq!(output.status.code(), Some(2), "{}", env.render(&output));
    assert!(String::from_utf8_lossy(&output.stderr).contains("不是示例建立的"));
    assert_eq!(std::fs::read(env.db()).unwrap(), before);
    assert_eq!(files_in(env.dir()), vec!["ledger.db"]);
}

#[test]
fn a_store_in_a_read_only_folder_can_be_read_and_merged_from_but_not_written() {
    let env = TestEnv::with_fixture_ledger();
    let folder = env.dir().join("只读");
    std::fs::create_dir(&folder).unwrap();
    let db: PathBuf = folder.join("ledger.db");
    env.ok(&["backup", db.to_str().unwrap()]);
    let before = fingerprint(&db);
    std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o555)).unwrap();
    let shown = db.display().to_string();
    let status = env.cmd(&["--db", &shown, "status"]).output().unwrap();
    let write = env
        .run(&["--db", &shown, "progress", "M3", "--status", "done"])
        .replace("只读", "ro");
    let county = TestEnv::init();
    let merge = county.cmd(&["merge", &shown]).output().unwrap();
    std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o755)).unwrap();
    assert!(status.status.success(), "{}", env.render(&status));
    assert!(merge.status.success(), "{}", county.render(&merge));
    insta::assert_snapshot!(write, @r"
    exit: 3
    --- stdout
    --- stderr
    taizhang：错误：[dir]/ro/ledger.db 所在的文件夹不可写，而写入台账需要在旁边建立日志文件；请将文件夹改为可写（chmod u+w），或把台账复制到可写的位置。
    ");
    assert_eq!(fingerprint(&db), before);
}

#[test]
fn a_damaged_or_truncated_store_gets_one_sentence_and_exit_3() {
    for how in ["noise", "truncated"] {
        let env = TestEnv::with_fixture_ledger();
        damage(env.db(), how);
        for args in [&["status"][..], &["progress", "M3", "--status", "done"]] {
            let output = env.cmd(args).output().unwrap();
            assert_eq!(
                output.status.code(),
                Some(3),
                "{how}: {}",
                env.render(&output)
            );
            let stderr = String::from_utf8_lossy(&output.stderr);
            assert!(
                stderr.contains("已损坏（SQLite 无法读取）") && stderr.lines().count() == 1,
                "{how} {args:?}: {stderr}"
            );
        }
    }
    let env = TestEnv::with_fixture_ledger();
    damage(env.db(), "noise");
    insta::assert_snapshot!(env.run(&["status"]), @r"
    exit: 3
    --- stdout
    --- stderr
    taizhang：错误：[dir]/ledger.db 已损坏（SQLite 无法读取）；请用“taizhang restore 文件”恢复备份。
    ");
}

#[test]
fn a_store_missing_its_tables_gets_one_sentence_and_exit_3() {
    let env = TestEnv::with_fixture_ledger();
    let conn = rusqlite::Connection::open(env.db()).unwrap();
    conn.execute_batch("DROP TABLE evidence; DROP TABLE recurrences;")
        .unwrap();
    drop(conn);
    let before = env.fingerprint();
    insta::assert_snapshot!(env.run(&["status"]), @r"
    exit: 3
    --- stdout
    --- stderr
    taizhang：错误：[dir]/ledger.db 缺少数据表（evidence, recurrences）；请用“taizhang restore 文件”恢复备份。
    ");
    let output = env.cmd(&["unit", "add", "临江市审计局"]).output().unwrap();
    assert_eq!(output.status.code(), Some(3));
    assert_eq!(env.fingerprint(), before);
}

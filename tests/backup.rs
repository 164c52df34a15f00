//! Backups, restore and check through the real binary: a copy made while another process
//! writes is sound; a corrupt or foreign file is refused by restore and nothing is
//! replaced; a good copy is restored with the replaced data kept beside it; check says
//! what it found; the daily copy is made once a day and only the last N are kept.

#[path = "support/app.rs"]
mod app;
#[path = "support/pty.rs"]
mod pty;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use tiaojie::storage::Store;
use tiaojie::storage::backup::daily_name;

const BIN: &str = env!("CARGO_BIN_EXE_tiaojie");

fn run(db: &Path, args: &[&str]) -> Output {
    Command::new(BIN)
        .arg("--db")
        .arg(db)
        .args(args)
        .env("LANG", "C.UTF-8")
        .output()
        .expect("tiaojie runs")
}

fn demo(db: &Path, cases: u32) {
    assert!(
        run(db, &["demo", "--cases", &cases.to_string()])
            .status
            .success()
    );
}

/// Adds `n` sample cases to the room in `db` from a thread of this process, as the
/// room's administrator would (the `demo` command refuses a file that holds a room).
fn more_cases(db: &Path, n: u64) -> std::thread::JoinHandle<()> {
    let db = db.to_path_buf();
    std::thread::spawn(move || {
        let mut store = Store::open(&db).expect("opens");
        let now = tiaojie::domain::zone::Zone::default().local(&chrono::Utc::now());
        tiaojie::cli::demo::fill_demo(&mut store, n, 7, now).expect("cases added");
    })
}

fn cases_in(db: &Path) -> (String, i64) {
    let conn = rusqlite::Connection::open(db).expect("open");
    let check = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .expect("check");
    let n = conn
        .query_row("SELECT count(*) FROM cases", [], |r| r.get(0))
        .expect("count");
    (check, n)
}

fn files_in(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|d| d.filter_map(|e| Some(e.ok()?.path())).collect())
        .unwrap_or_default();
    files.sort();
    files
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn a_backup_taken_while_another_process_writes_is_sound() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("room.db");
    demo(&db, 50);
    // This process adds many cases meanwhile (in transactions of a few thousand) while
    // `tiaojie backup` runs in others. (`tiaojie demo` fills only a new file.)
    let writer = more_cases(&db, 3000);
    let out_dir = dir.path().join("copies");
    let mut made = 0;
    while !writer.is_finished() || made < 2 {
        let out = run(&db, &["backup", out_dir.to_str().expect("utf-8")]);
        assert!(out.status.success(), "{}", stderr(&out));
        made += 1;
    }
    for copy in files_in(&out_dir) {
        let (check, n) = cases_in(&copy);
        assert_eq!(check, "ok", "{copy:?}");
        assert!(n >= 50, "{copy:?}: {n} cases");
        assert!(
            Store::open(&copy).is_ok(),
            "{copy:?} opens as a tiaojie database"
        );
    }
    assert!(!files_in(&out_dir).is_empty());
}

#[test]
fn restore_refuses_a_corrupt_or_foreign_file_and_replaces_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("room.db");
    demo(&db, 20);
    let before = std::fs::read(&db).expect("read");
    let listing = files_in(dir.path());

    let garbage = dir.path().join("garbage.db");
    std::fs::write(
        &garbage,
        b"this is not a database, just some bytes".repeat(200),
    )
    .unwrap();
    let foreign = dir.path().join("foreign.db");
    rusqlite::Connection::open(&foreign)
        .and_then(|c| c.execute_batch("CREATE TABLE t(x); INSERT INTO t VALUES (1);"))
        .expect("foreign db");
    // A real copy with pages overwritten in the middle.
    let damaged = dir.path().join("damaged.db");
    assert!(
        run(&db, &["backup", dir.path().join("b").to_str().unwrap()])
            .status
            .success()
    );
    let copy = files_in(&dir.path().join("b")).remove(0);
    let mut bytes = std::fs::read(&copy).expect("copy");
    let middle = bytes.len() / 2;
    bytes[middle..middle + 8192].fill(0xA5);
    std::fs::write(&damaged, bytes).unwrap();
    let missing = dir.path().join("missing.db");

    for bad in [&garbage, &foreign, &damaged, &missing] {
        let out = run(&db, &["restore", bad.to_str().unwrap()]);
        assert!(!out.status.success(), "{bad:?} was accepted");
        let said = stderr(&out);
        assert!(
            said.contains("没有任何改动") || said.contains("未作任何改动"),
            "{bad:?}: {said}"
        );
        assert!(!said.contains("panicked"), "{said}");
    }
    assert_eq!(
        std::fs::read(&db).expect("read"),
        before,
        "the database changed"
    );
    let now: Vec<_> = files_in(dir.path())
        .into_iter()
        .filter(|p| !p.to_string_lossy().contains("replaced"))
        .collect();
    assert!(now.len() >= listing.len());
    assert!(
        !files_in(dir.path())
            .iter()
            .any(|p| p.to_string_lossy().contains("replaced")),
        "nothing replaced, nothing kept aside"
    );
}

#[test]
fn restore_puts_a_copy_back_and_keeps_what_it_replaced() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("room.db");
    demo(&db, 20);
    let copies = dir.path().join("copies");
    assert!(
        run(&db, &["backup", copies.to_str().unwrap()])
            .status
            .success()
    );
    more_cases(&db, 30)
        .join()
        .expect("30 more after the backup");
    assert_eq!(cases_in(&db).1, 50);
    let copy = files_in(&copies).remove(0);
    let out = run(&db, &["restore", copy.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(cases_in(&db), ("ok".to_string(), 20));
    let kept: Vec<_> = files_in(dir.path())
        .into_iter()
        .filter(|p| p.to_string_lossy().contains("replaced"))
        .collect();
    assert_eq!(kept.len(), 1, "{kept:?}");
    assert_eq!(cases_in(&kept[0]), ("ok".to_string(), 50));
    // Recorded, with the history since the copy kept, and no id of the 50 given again.
    let conn = rusqlite::Connection::open(&db).expect("open");
    let (restores, highest, next): (i64, i64, i64) = conn
        .query_row(
            "SELECT (SELECT count(*) FROM audit WHERE action = 'restore'),
                    (SELECT max(id) FROM cases),
                    (SELECT seq FROM sqlite_sequence WHERE name = 'cases')",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .expect("audit");
    assert_eq!(restores, 1);
    let replaced = rusqlite::Connection::open(&kept[0]).expect("kept");
    let before: i64 = replaced
        .query_row("SELECT max(id) FROM cases", [], |r| r.get(0))
        .expect("ids");
    assert!(
        highest < before && next >= before,
        "{highest} {next} {before}"
    );
}

#[test]
fn restore_over_a_database_that_no_longer_opens_moves_it_aside() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("room.db");
    demo(&db, 10);
    let copies = dir.path().join("copies");
    assert!(
        run(&db, &["backup", copies.to_str().unwrap()])
            .status
            .success()
    );
    let _ = std::fs::remove_file(dir.path().join("room.db-wal"));
    let _ = std::fs::remove_file(dir.path().join("room.db-shm"));
    std::fs::write(&db, b"disk trouble".repeat(1000)).unwrap();
    let copy = files_in(&copies).remove(0);
    let out = run(&db, &["restore", copy.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(cases_in(&db), ("ok".to_string(), 10));
    assert!(files_in(dir.path()).iter().any(|p| {
        p.to_string_lossy().contains("replaced")
            && std::fs::read(p).is_ok_and(|b| b.starts_with(b"disk trouble"))
    }));
}

#[test]
fn check_says_plainly_what_it_found_and_fails_on_problems() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("room.db");
    demo(&db, 10);
    let out = run(&db, &["check"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(String::from_utf8_lossy(&out.stdout).contains("没有发现问题"));

    // A party pointing to a case that is not there, written around the app (with the
    // functions the audit triggers call).
    let conn = app::raw_connection(&db);
    conn.execute_batch(
        "PRAGMA foreign_keys = OFF; UPDATE parties SET case_id = 999999 WHERE rowid = (SELECT min(rowid) FROM parties);",
    )
    .expect("break a reference");
    drop(conn);
    let out = run(&db, &["check"]);
    assert!(!out.status.success());
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(said.contains("指向不存在的记录"), "{said}");

    let junk = dir.path().join("junk.db");
    std::fs::write(&junk, b"not sqlite at all".repeat(300)).unwrap();
    let out = run(&junk, &["check"]);
    assert!(!out.status.success());
    let said = format!("{}{}", String::from_utf8_lossy(&out.stdout), stderr(&out));
    assert!(
        said.contains("损坏") && !said.contains("panicked"),
        "{said}"
    );
    assert!(
        !run(&dir.path().join("nope.db"), &["check"])
            .status
            .success()
    );
    assert!(
        !dir.path().join("nope.db").exists(),
        "check creates nothing"
    );
}

#[test]
fn the_daily_backup_is_made_once_a_day_and_only_the_last_n_are_kept() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("room.db");
    demo(&db, 5);
    let store = Store::open(&db).expect("open");
    assert_eq!(store.backups_to_keep().expect("setting"), 30);
    let backups = tiaojie::paths::backup_dir(&db);
    let day = |d| chrono::NaiveDate::from_ymd_opt(2026, 11, d).expect("date");
    let first = store.daily_backup(&backups, day(1), 3).expect("backup");
    assert_eq!(first, Some(backups.join(daily_name(day(1)))));
    assert_eq!(
        store.daily_backup(&backups, day(1), 3).expect("again"),
        None
    );
    std::fs::write(backups.join("notes.txt"), "mine").unwrap();
    for d in 2..=5 {
        assert!(
            store
                .daily_backup(&backups, day(d), 3)
                .expect("backup")
                .is_some()
        );
    }
    let names: Vec<String> = files_in(&backups)
        .iter()
        .filter_map(|p| p.file_name()?.to_str().map(str::to_string))
        .collect();
    assert_eq!(
        names,
        [
            "notes.txt".into(),
            daily_name(day(3)),
            daily_name(day(4)),
            daily_name(day(5)),
        ]
    );
    assert_eq!(
        cases_in(&backups.join(daily_name(day(5)))),
        ("ok".to_string(), 5)
    );
}

#[test]
fn backup_keep_sets_how_many_daily_copies_the_room_keeps() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("room.db");
    demo(&db, 3);
    let out = run(&db, &["backup", "--keep", "7"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("7"), "{}", stderr(&out));
    assert_eq!(
        Store::open(&db)
            .expect("open")
            .backups_to_keep()
            .expect("setting"),
        7
    );
    assert!(!run(&db, &["backup", "--keep", "0"]).status.success());
}

#[test]
fn check_names_a_dropped_or_altered_audit_trigger_and_opening_the_file_repairs_it_on_record() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("room.db");
    demo(&db, 3);
    let conn = app::raw_connection(&db);
    conn.execute_batch(
        "DROP TRIGGER audit_parties_delete;
         DROP TRIGGER audit_cases_update;
         CREATE TRIGGER audit_cases_update AFTER UPDATE ON cases WHEN 0 BEGIN SELECT 1; END;",
    )
    .expect("switch the audit off around the app");
    drop(conn);
    for _ in 0..2 {
        // check only reads: it says the same the second time.
        let out = run(&db, &["check"]);
        assert!(!out.status.success());
        let said = String::from_utf8_lossy(&out.stdout);
        assert!(
            said.contains("缺少 1 个修改记录的触发器（audit_parties_delete）"),
            "{said}"
        );
        assert!(
            said.contains("有 1 个修改记录的触发器被改动过（audit_cases_update）"),
            "{said}"
        );
        assert!(!said.contains("没有发现问题"), "{said}");
    }
    // Any command that opens the file makes them again, and records that it did.
    assert!(run(&db, &["agenda"]).status.success());
    let out = run(&db, &["check"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let conn = rusqlite::Connection::open(&db).expect("open");
    let repaired: String = conn
        .query_row(
            "SELECT after_json FROM audit WHERE action = 'repair'",
            [],
            |r| r.get(0),
        )
        .expect("a repair row");
    assert!(repaired.contains("audit_parties_delete"), "{repaired}");
    assert!(repaired.contains("audit_cases_update"), "{repaired}");
}

//! Bad files through the real binary: a file that is not a database, a damaged one, one
//! from a newer tiaojie, a foreign SQLite file, and a read-only one each get a plain
//! message and a non-zero exit — never a panic, and the file is never changed. (A full
//! disk is tested in storage with `PRAGMA max_page_count`.) Also: every file tiaojie
//! makes — database, backups, exports, reports — is readable by its owner only.

use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_tiaojie");

fn run(db: &Path, args: &[&str]) -> Output {
    Command::new(BIN)
        .arg("--db")
        .arg(db)
        .args(args)
        .output()
        .expect("tiaojie runs")
}

fn demo(db: &Path) {
    assert!(run(db, &["demo", "--cases", "10"]).status.success());
}

/// Runs a command that opens the database; checks refusal, message, and the file intact.
fn refused(db: &Path, words: &[&str]) {
    let before = std::fs::read(db).expect("read");
    for args in [&["export"][..], &["search", "张"], &["backup"]] {
        let out = run(db, args);
        let said = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success(), "{args:?} on {db:?} succeeded");
        assert!(!said.contains("panicked"), "{said}");
        assert!(
            words.iter().any(|w| said.contains(w)),
            "{args:?}: expected one of {words:?} in: {said}"
        );
    }
    assert!(
        std::fs::read(db).expect("read") == before,
        "{db:?} was changed"
    );
}

#[test]
fn not_a_database_damaged_newer_and_foreign_files_are_refused_untouched() {
    let dir = tempfile::tempdir().expect("temp dir");
    let junk = dir.path().join("junk.db");
    std::fs::write(&junk, "案件登记表，不是数据库。".repeat(500)).unwrap();
    refused(&junk, &["已损坏"]);

    let damaged = dir.path().join("damaged.db");
    demo(&damaged);
    let mut bytes = std::fs::read(&damaged).unwrap();
    // The header says SQLite, the pages say nothing sensible.
    for b in bytes.iter_mut().skip(100) {
        *b = 0x5A;
    }
    std::fs::write(&damaged, bytes).unwrap();
    refused(&damaged, &["已损坏"]);

    let newer = dir.path().join("newer.db");
    demo(&newer);
    rusqlite::Connection::open(&newer)
        .and_then(|c| c.pragma_update(None, "user_version", 999))
        .unwrap();
    refused(&newer, &["更新版本"]);

    let foreign = dir.path().join("foreign.db");
    rusqlite::Connection::open(&foreign)
        .and_then(|c| c.execute_batch("CREATE TABLE photos(x); INSERT INTO photos VALUES (1);"))
        .unwrap();
    refused(&foreign, &["不是 tiaojie 的数据文件"]);
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
}

#[test]
fn a_read_only_database_is_refused_with_a_plain_message() {
    let dir = tempfile::tempdir().expect("temp dir");
    let room = dir.path().join("ro");
    std::fs::create_dir(&room).unwrap();
    let db = room.join("room.db");
    demo(&db);
    let before = std::fs::read(&db).unwrap();
    let set = |p: &Path, mode| std::fs::set_permissions(p, std::fs::Permissions::from_mode(mode));
    set(&db, 0o400).unwrap();
    set(&room, 0o500).unwrap();
    // Root may write anything: run as nobody, who owns the read-only file and folder.
    let mut cmd = if is_root() {
        set(dir.path(), 0o755).unwrap();
        for p in [&room, &db] {
            let ok = Command::new("chown")
                .arg("65534:65534")
                .arg(p)
                .status()
                .unwrap();
            assert!(ok.success());
        }
        let mut c = Command::new("setpriv");
        c.args(["--reuid=65534", "--regid=65534", "--clear-groups", BIN]);
        c
    } else {
        Command::new(BIN)
    };
    let out = cmd
        .arg("--db")
        .arg(&db)
        .args(["demo", "--cases", "1"])
        .output()
        .expect("runs");
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "wrote to a read-only file: {said}");
    assert!(!said.contains("panicked"), "{said}");
    assert!(said.contains("权限"), "{said}");
    set(&room, 0o700).unwrap();
    assert!(
        std::fs::read(&db).unwrap() == before,
        "the read-only file changed"
    );
}

fn mode(p: &Path) -> u32 {
    std::fs::metadata(p).expect("exists").permissions().mode() & 0o777
}

#[test]
fn every_file_tiaojie_makes_is_readable_by_its_owner_only() {
    let dir = tempfile::tempdir().expect("temp dir");
    let room = dir.path().join("data");
    let db = room.join("room.db");
    demo(&db);
    assert_eq!(mode(&room), 0o700);
    assert_eq!(mode(&db), 0o600);

    let export = dir.path().join("cases.jsonl");
    assert!(
        run(&db, &["export", "-o", export.to_str().unwrap()])
            .status
            .success()
    );
    assert_eq!(mode(&export), 0o600);

    let xlsx = dir.path().join("stats.xlsx");
    let out = run(
        &db,
        &[
            "report",
            "stats",
            "--from",
            "2020-01-01",
            "--to",
            "2030-12-31",
            "--format",
            "xlsx",
            "-o",
            xlsx.to_str().unwrap(),
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(mode(&xlsx), 0o600);

    assert!(run(&db, &["backup"]).status.success());
    let backups = tiaojie::paths::backup_dir(&db);
    assert_eq!(mode(&backups), 0o700);
    let copies: Vec<_> = std::fs::read_dir(&backups)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(copies.len(), 1);
    assert_eq!(mode(&copies[0]), 0o600);

    let store = tiaojie::storage::Store::open(&db).unwrap();
    let day = chrono::NaiveDate::from_ymd_opt(2026, 11, 28).unwrap();
    let daily = store.daily_backup(&backups, day, 30).unwrap().unwrap();
    assert_eq!(mode(&daily), 0o600);
}

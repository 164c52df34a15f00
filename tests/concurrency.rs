//! Many writers on one database file at once: no error reaches anyone ("database is
//! locked" least of all), nothing is lost, and two people saving the same case produce a
//! detected conflict, not a silently lost update.
//!
//! Two kinds of writer. Separate *processes* (the real binary, `tiaojie import`) test
//! what a room really does — several programs opening, migrating and writing the same
//! file — but one import is one transaction, so they cannot make 500 small changes each
//! in reasonable time. Separate *connections* (one `Store` per thread) make the 8 × 500
//! single-change transactions: SQLite locks the file between connections of one process
//! exactly as between processes (same file locks, same busy timeout), and a thread costs
//! nothing to start. Timings are printed, not asserted.

use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::{Arc, Barrier};
use std::time::Instant;
use tiaojie::domain::case::{CaseFields, Timestamp};
use tiaojie::domain::org::{DEFAULT_NUMBER_PATTERN, OrgProfile};
use tiaojie::domain::party::{Party, PartyKind, PartyRole};
use tiaojie::storage::{StorageError, Store};

const BIN: &str = env!("CARGO_BIN_EXE_tiaojie");
const WRITERS: usize = 8;
const CHANGES: usize = 500;

fn now() -> Timestamp {
    chrono::DateTime::parse_from_rfc3339("2026-11-28T09:30:00+08:00").expect("time")
}

fn line(facts: &str) -> String {
    format!(
        r#"{{"format_version":1,"organisation":{{"room_name":"测试调解室","committee_name":"测试人民调解委员会","number_prefix":"测","number_pattern":"（{{year}}）{{prefix}}人调字第{{seq}}号"}},"number":null,"status":"登记","received_on":"2026-11-01","source":"当事人申请","category":{{"national":"合同"}},"facts":"{facts}","claims":"","amount_fen":null,"persons_involved":1,"risk_escalation":false,"risk_group":false,"parties":[{{"role":"申请人","kind":"自然人","name":"张三"}}],"mediators":[],"history":[{{"from":null,"to":"登记","at":"2026-11-01T09:00:00+08:00","operator":"writer"}}]}}"#
    )
}

fn count(db: &Path, sql: &str) -> i64 {
    let conn = rusqlite::Connection::open(db).expect("open");
    conn.query_row(sql, [], |r| r.get(0)).expect("count")
}

/// Runs `tiaojie import` on `file`; the error text if it failed.
fn import(db: &Path, file: &Path) -> Result<(), String> {
    let out = Command::new(BIN)
        .arg("--db")
        .arg(db)
        .arg("import")
        .arg(file)
        .stdout(Stdio::null())
        .output()
        .expect("the writer starts");
    if out.status.success() {
        Ok(())
    } else {
        Err(String::from_utf8_lossy(&out.stderr).into_owned())
    }
}

/// `WRITERS` threads, each running `imports` imports of `size` cases one after another
/// (each import its own process), all on `db` at once.
fn processes(dir: &Path, db: &Path, imports: usize, size: usize) {
    let start = Arc::new(Barrier::new(WRITERS));
    let writers: Vec<_> = (0..WRITERS)
        .map(|w| {
            let (dir, db, start) = (dir.to_path_buf(), db.to_path_buf(), Arc::clone(&start));
            std::thread::spawn(move || {
                let files: Vec<_> = (0..imports)
                    .map(|i| {
                        let file = dir.join(format!("w{w}-{i}.jsonl"));
                        let text: String = (0..size)
                            .map(|n| line(&format!("进程{w}-{i}-{n}")) + "\n")
                            .collect();
                        std::fs::write(&file, text).expect("write the file");
                        file
                    })
                    .collect();
                start.wait();
                for file in files {
                    import(&db, &file).unwrap_or_else(|e| panic!("writer {w}: {e}"));
                }
            })
        })
        .collect();
    for writer in writers {
        writer.join().expect("a writer failed");
    }
}

#[test]
fn eight_processes_opening_a_new_file_at_once_set_up_one_room_and_lose_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    for round in 0..5 {
        let db = dir.path().join(format!("new-{round}.db"));
        processes(dir.path(), &db, 1, 2);
        assert_eq!(count(&db, "SELECT count(*) FROM organisations"), 1);
        assert_eq!(count(&db, "SELECT count(*) FROM cases"), 2 * WRITERS as i64);
    }
}

#[test]
fn eight_processes_importing_at_once_lose_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("room.db");
    let started = Instant::now();
    processes(dir.path(), &db, 25, 20);
    println!(
        "{WRITERS} processes × 25 imports of 20 cases: {:?}",
        started.elapsed()
    );
    assert_eq!(
        count(&db, "SELECT count(*) FROM cases"),
        (WRITERS * 500) as i64
    );
    assert_eq!(count(&db, "SELECT count(*) FROM organisations"), 1);
}

fn room(db: &Path) -> tiaojie::domain::org::OrgId {
    let mut store = Store::open(db).expect("open");
    let profile = OrgProfile {
        room_name: "老王调解工作室".into(),
        committee_name: "新华街道人民调解委员会".into(),
        number_prefix: "临新".into(),
        number_pattern: DEFAULT_NUMBER_PATTERN.into(),
    };
    store
        .create_organisation(&profile, "王建国", &now())
        .expect("room")
        .id
}

fn fields(facts: &str) -> CaseFields {
    let mut fields = CaseFields::blank(now().date_naive());
    fields.facts = facts.into();
    let mut party = Party::new(PartyRole::Applicant, PartyKind::Person);
    party.name = "张三".into();
    fields.parties.push(party);
    fields
}

#[test]
fn eight_connections_making_500_changes_each_at_once_lose_none() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("room.db");
    let org = room(&db);
    let start = Arc::new(Barrier::new(WRITERS));
    let started = Instant::now();
    let writers: Vec<_> = (0..WRITERS)
        .map(|w| {
            let (db, start) = (db.clone(), Arc::clone(&start));
            std::thread::spawn(move || -> Result<(), StorageError> {
                let mut store = Store::open(&db)?;
                start.wait();
                // Half the changes register cases, half edit them (each edit checks the
                // version it read, so a lost update would show as a conflict here).
                let mut cases = Vec::new();
                for n in 0..CHANGES / 2 {
                    cases.push(store.create_case(
                        org,
                        &fields(&format!("写入{w}-{n}")),
                        "w",
                        &now(),
                    )?);
                }
                for case in cases {
                    let edited = fields(&format!("{}-改", case.fields.facts));
                    store.update_case(case.id, case.version, &edited, &now())?;
                }
                Ok(())
            })
        })
        .collect();
    for (w, writer) in writers.into_iter().enumerate() {
        let result = writer.join().expect("a writer panicked");
        // Any error, "database is locked" included, would reach a user: none may happen.
        result.unwrap_or_else(|e| panic!("writer {w}: {e}"));
    }
    println!(
        "{WRITERS} connections × {CHANGES} changes (one transaction each): {:?}",
        started.elapsed()
    );
    let total = (WRITERS * CHANGES / 2) as i64;
    assert_eq!(count(&db, "SELECT count(*) FROM cases"), total);
    assert_eq!(
        count(
            &db,
            "SELECT count(*) FROM cases WHERE facts LIKE '%-改' AND version = 2"
        ),
        total
    );
    let check: String = rusqlite::Connection::open(&db)
        .expect("open")
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .expect("check");
    assert_eq!(check, "ok");
}

#[test]
fn two_people_saving_the_same_case_get_a_conflict_not_a_lost_update() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("room.db");
    let org = room(&db);
    let mut mediator = Store::open(&db).expect("open");
    let mut colleague = Store::open(&db).expect("open");
    let case = mediator
        .create_case(org, &fields("楼上漏水"), "wang", &now())
        .expect("create");
    // Both open the case at the same version, both edit, the mediator saves first.
    let theirs = colleague.load_case(case.id).expect("load");
    mediator
        .update_case(case.id, case.version, &fields("楼上漏水，已协商"), &now())
        .expect("first save");
    let second =
        colleague.update_case(theirs.id, theirs.version, &fields("楼上漏水，改了"), &now());
    assert!(
        matches!(second, Err(StorageError::Conflict { .. })),
        "{second:?}"
    );
    assert_eq!(
        colleague.load_case(case.id).expect("load").fields.facts,
        "楼上漏水，已协商"
    );

    // The same race with eight at once: exactly one save wins.
    let current = mediator.load_case(case.id).expect("load");
    let start = Arc::new(Barrier::new(WRITERS));
    let savers: Vec<_> = (0..WRITERS)
        .map(|w| {
            let (db, start, version) = (db.clone(), Arc::clone(&start), current.version);
            std::thread::spawn(move || {
                let mut store = Store::open(&db).expect("open");
                start.wait();
                store.update_case(case.id, version, &fields(&format!("第{w}人的修改")), &now())
            })
        })
        .collect();
    let results: Vec<_> = savers
        .into_iter()
        .map(|s| s.join().expect("a saver panicked"))
        .collect();
    let won: Vec<_> = results.iter().filter_map(|r| r.as_ref().ok()).collect();
    assert_eq!(won.len(), 1, "{results:?}");
    for r in &results {
        assert!(
            matches!(r, Ok(_) | Err(StorageError::Conflict { .. })),
            "{r:?}"
        );
    }
    assert_eq!(
        mediator.load_case(case.id).expect("load").fields.facts,
        won[0].fields.facts
    );
}

//! Crash safety: the real binary, writing batches of cases (`tiaojie import`, one
//! transaction per batch), is killed with SIGKILL at random moments, over and over. After
//! every kill the database must pass `PRAGMA integrity_check`, every batch the writer
//! reported as done (it exited successfully) must be there in full, and a killed batch
//! must be there in full or not at all — never half.
//!
//! The moments are drawn between "at once" and the time the first batch takes on this
//! machine (it also sets up the room, so it is the slowest), so kills land while the
//! process starts, opens and checks the file, inside the transaction and around its
//! commit. The seed is printed; set
//! TIAOJIE_CRASH_SEED to replay a run.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_tiaojie");
/// Writers killed before they finished, at least.
const KILLS: usize = 120;
/// Rounds at most (a machine so fast that few kills land still ends).
const MAX_ROUNDS: usize = 1000;

/// One case whose facts name its batch and place, so each can be found afterwards.
fn line(batch: usize, n: usize) -> String {
    format!(
        r#"{{"format_version":1,"organisation":{{"room_name":"测试调解室","committee_name":"测试人民调解委员会","number_prefix":"测","number_pattern":"（{{year}}）{{prefix}}人调字第{{seq}}号"}},"number":null,"status":"登记","received_on":"2026-11-01","source":"当事人申请","category":{{"national":"合同"}},"facts":"批次-{batch}-{n}","claims":"","amount_fen":null,"persons_involved":1,"risk_escalation":false,"risk_group":false,"parties":[{{"role":"申请人","kind":"自然人","name":"张三"}}],"mediators":[],"history":[{{"from":null,"to":"登记","at":"2026-11-01T09:00:00+08:00","operator":"writer"}}]}}"#
    )
}

fn write_batch(dir: &Path, batch: usize, size: usize) -> std::path::PathBuf {
    let file = dir.join(format!("batch-{batch}.jsonl"));
    let text: String = (0..size).map(|n| line(batch, n) + "\n").collect();
    std::fs::write(&file, text).expect("write the batch file");
    file
}

fn import(db: &Path, file: &Path) -> std::process::Child {
    Command::new(BIN)
        .arg("--db")
        .arg(db)
        .arg("import")
        .arg(file)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("the writer starts")
}

/// The integrity check's verdict and how many cases each batch has in the file.
fn look(db: &Path, batches: usize) -> (String, Vec<usize>) {
    let conn = rusqlite::Connection::open(db).expect("open after a kill");
    let verdict: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .expect("integrity check");
    let mut counts = vec![0; batches];
    let mut stmt = conn.prepare("SELECT facts FROM cases").expect("prepare");
    let rows = stmt
        .query_map([], |r| r.get::<_, String>(0))
        .expect("query");
    for facts in rows {
        let facts = facts.expect("row");
        let batch: usize = facts
            .split('-')
            .nth(1)
            .and_then(|b| b.parse().ok())
            .expect("facts name their batch");
        counts[batch] += 1;
    }
    (verdict, counts)
}

#[test]
fn a_writer_killed_at_random_moments_never_loses_or_halves_a_batch() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("room.db");
    let seed = std::env::var("TIAOJIE_CRASH_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| fastrand::u64(..));
    println!("TIAOJIE_CRASH_SEED={seed}");
    let mut rng = fastrand::Rng::with_seed(seed);

    // Batch 0 sets up the room, unkilled; its time sets the range of the kill moments.
    let started = Instant::now();
    let first = import(&db, &write_batch(dir.path(), 0, 10)).wait_with_output();
    assert!(first.expect("writer ran").status.success());
    let span = started.elapsed().max(Duration::from_millis(1));

    let mut sizes = vec![10];
    let mut done = vec![true];
    let mut batch = 0;
    while done.iter().filter(|d| !**d).count() < KILLS && batch < MAX_ROUNDS {
        batch += 1;
        let size = rng.usize(1..=20);
        let file = write_batch(dir.path(), batch, size);
        let mut writer = import(&db, &file);
        std::thread::sleep(span.mul_f64(rng.f64()));
        let _ = writer.kill(); // fails only if it already exited
        let status = writer.wait().expect("wait for the writer");
        sizes.push(size);
        done.push(status.success());

        let (verdict, counts) = look(&db, MAX_ROUNDS + 1);
        assert_eq!(verdict, "ok", "round {batch}, seed {seed}");
        for (b, (&count, &reported)) in counts.iter().zip(&done).enumerate() {
            if reported {
                assert_eq!(count, sizes[b], "batch {b} was reported done (seed {seed})");
            } else {
                assert!(
                    count == 0 || count == sizes[b],
                    "batch {b} is half there: {count} of {} (seed {seed})",
                    sizes[b]
                );
            }
        }
    }
    let rounds = batch;
    let killed = done.iter().filter(|d| !**d).count();
    let (_, counts) = look(&db, MAX_ROUNDS + 1);
    let killed_after_commit = (1..=rounds).filter(|b| !done[*b] && counts[*b] > 0).count();
    println!(
        "{rounds} writers, kill moments 0..{span:?}: {} finished, {killed} killed \
         ({killed_after_commit} of them after their commit)",
        rounds - killed
    );
    assert!(
        killed >= KILLS,
        "only {killed} writers were killed in {rounds} rounds"
    );
}

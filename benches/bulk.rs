//! Bulk writes as a user runs them: `tiaojie demo --cases N` into a new file, then
//! `tiaojie import` of that room's export into another new file — each the real program
//! in its own process, timed from start to exit, with its peak memory (maximum resident
//! set size, from the kernel's account of the finished child).
//!
//! `cargo bench --bench bulk` (full: 100,000 cases, 3 runs each; budget 20 s, 64 MiB);
//! `TIAOJIE_BENCH_QUICK=1 cargo bench --bench bulk` (quick: 300 cases, one run);
//! `TIAOJIE_BULK_CASES=N` sets another count (a million, for sizing a district).

#[path = "support/bench.rs"]
mod bench;

use bench::{Sample, print_table, quick};
use std::path::Path;
use std::process::Command;
use std::time::Instant;

fn main() {
    let cases: u64 = std::env::var("TIAOJIE_BULK_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(if quick() { 300 } else { 100_000 });
    let runs = if quick() { 1 } else { 3 };
    let dir = tempfile::tempdir().expect("temp dir");
    let export = dir.path().join("cases.jsonl");
    let (mut demo_s, mut demo_mib) = (Vec::new(), Vec::new());
    let (mut import_s, mut import_mib) = (Vec::new(), Vec::new());
    for run in 0..runs {
        let db = dir.path().join(format!("demo{run}.db"));
        let cases = cases.to_string();
        let (seconds, mib) = run_tiaojie(&db, &["demo", "--cases", &cases]);
        demo_s.push(seconds);
        demo_mib.push(mib);
        if run == 0 {
            let out = export.to_str().expect("a UTF-8 temp path");
            run_tiaojie(&db, &["export", "-o", out]);
        }
        // Only the newest copies are kept: a 100,000-case file is 665 MiB.
        remove_db(&db);
    }
    for run in 0..runs {
        let db = dir.path().join(format!("import{run}.db"));
        let file = export.to_str().expect("a UTF-8 temp path");
        let (seconds, mib) = run_tiaojie(&db, &["import", file]);
        import_s.push(seconds);
        import_mib.push(mib);
        remove_db(&db);
    }
    let sample = |name: &str, values: Vec<f64>, unit| Sample {
        name: format!("{name}, {cases} cases"),
        values,
        unit,
    };
    print_table(
        "Bulk writes: demo and import, whole process",
        &[
            sample("`demo`, wall time", demo_s, "ms"),
            sample("`demo`, peak RSS", demo_mib, "MiB"),
            sample("`import` of its export, wall time", import_s, "ms"),
            sample("`import`, peak RSS", import_mib, "MiB"),
        ],
    );
}

/// Runs the program on `db` with `args`; its wall time in ms and its peak RSS in MiB.
fn run_tiaojie(db: &Path, args: &[&str]) -> (f64, f64) {
    let start = Instant::now();
    let child = Command::new(env!("CARGO_BIN_EXE_tiaojie"))
        .arg("--db")
        .arg(db)
        .args(args)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("start tiaojie");
    let (ok, kib) = wait_with_peak(child);
    let ms = bench::duration_ms(start.elapsed());
    assert!(ok, "tiaojie {args:?} failed");
    (ms, kib / 1024.0)
}

/// Waits for the child; whether it succeeded and its maximum resident set in KiB.
#[cfg(unix)]
fn wait_with_peak(child: std::process::Child) -> (bool, f64) {
    let pid = libc::pid_t::try_from(child.id()).expect("a pid");
    let mut status = 0;
    // SAFETY: wait4 writes only into the two out-parameters, which live on this stack.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: as above; the child is ours and not yet waited for.
    let reaped = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    assert_eq!(reaped, pid, "wait4");
    let ok = libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0;
    (ok, usage.ru_maxrss as f64)
}

#[cfg(not(unix))]
fn wait_with_peak(mut child: std::process::Child) -> (bool, f64) {
    let ok = child.wait().expect("wait").success();
    (ok, f64::NAN)
}

fn remove_db(db: &Path) {
    for suffix in ["", "-wal", "-shm"] {
        let mut name = db.as_os_str().to_owned();
        name.push(suffix);
        let _ = std::fs::remove_file(name);
    }
}

//! The ledger (台账) of every case, as `tiaojie report ledger` writes it in each format:
//! the whole process's time and its peak memory (the child's maximum resident set, from
//! `wait4`), which must not grow with the number of cases (the ledger is streamed).
//! The demo room is made by `tiaojie demo` in a child too: a child's peak counts its
//! parent's memory at the fork, so this process stays small (its own peak is printed).
//!
//! `cargo bench --bench report` (full: 10,000 and 100,000 cases);
//! `TIAOJIE_BENCH_QUICK=1 cargo test --benches` (quick: 2,000 cases, few runs).

#[path = "support/bench.rs"]
mod bench;

use bench::{Sample, duration_ms, print_table, quick};
use std::path::Path;
use std::process::Command;
use std::time::Instant;

fn main() {
    let sizes: &[u64] = if quick() {
        &[2_000]
    } else {
        &[10_000, 100_000]
    };
    let runs = if quick() { 3 } else { 7 };
    for &cases in sizes {
        let dir = tempfile::tempdir().expect("temp dir");
        let db = dir.path().join("bench.db");
        let made = tiaojie(&db)
            .args(["demo", "--cases", &cases.to_string(), "--seed", "2026"])
            .status()
            .expect("start tiaojie demo");
        assert!(made.success(), "tiaojie demo failed");
        let mut samples = Vec::new();
        for format in ["txt", "csv", "xlsx"] {
            let out = dir.path().join(format!("ledger.{format}"));
            let (time, memory) = ledger(&db, format, &out, runs);
            samples.push(time);
            samples.push(memory);
            let size = std::fs::metadata(&out).map_or(0, |m| m.len());
            println!("ledger.{format}: {size} bytes");
        }
        print_table(
            &format!("report ledger of every case, {cases} cases"),
            &samples,
        );
        let own = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
        if let Some(line) = own.lines().find(|l| l.starts_with("VmHWM")) {
            println!("this benchmark's own peak (a floor under the figures): {line}");
        }
    }
}

/// The binary on `db`, its messages dropped.
fn tiaojie(db: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_tiaojie"));
    command
        .arg("--db")
        .arg(db)
        .args(["--lang", "zh"])
        .stderr(std::process::Stdio::null());
    command
}

/// Runs `report ledger` in `format` to `out` `runs` times (after one warm-up run).
fn ledger(db: &Path, format: &str, out: &Path, runs: usize) -> (Sample, Sample) {
    let mut time = Sample {
        name: format!("report ledger --format {format}, whole process"),
        values: vec![],
        unit: "ms",
    };
    let mut memory = Sample {
        name: format!("report ledger --format {format}, peak memory"),
        values: vec![],
        unit: "KB",
    };
    for run in 0..=runs {
        let began = Instant::now();
        let child = Command::new(env!("CARGO_BIN_EXE_tiaojie"))
            .arg("--db")
            .arg(db)
            .args(["--lang", "zh", "report", "ledger"])
            .args([
                "--from",
                "2000-01-01",
                "--to",
                "2099-12-31",
                "--format",
                format,
            ])
            .arg("-o")
            .arg(out)
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("start tiaojie");
        let (ok, max_rss_kb) = wait_with_peak(child);
        let ms = duration_ms(began.elapsed());
        assert!(ok, "report ledger --format {format} failed");
        if run > 0 {
            time.values.push(ms);
            memory.values.extend(max_rss_kb);
        }
    }
    (time, memory)
}

/// Waits for the child `pid`; whether it succeeded, and its peak resident set in KB
/// (Linux and other Unix; elsewhere none).
#[cfg(unix)]
fn wait_with_peak(child: std::process::Child) -> (bool, Option<f64>) {
    let pid = child.id();
    let mut status = 0;
    // SAFETY: rusage is plain data that wait4 fills; pid is our own child, waited once.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let waited = unsafe { libc::wait4(pid as libc::pid_t, &mut status, 0, &mut usage) };
    let ok =
        waited == pid as libc::pid_t && libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0;
    (ok, Some(usage.ru_maxrss as f64))
}

#[cfg(not(unix))]
fn wait_with_peak(mut child: std::process::Child) -> (bool, Option<f64>) {
    (child.wait().is_ok_and(|s| s.success()), None)
}

//! Shared by the benchmarks: quick or full mode, a demo database, timing with medians,
//! and the table every benchmark prints.
//!
//! Include with `#[path = "support/bench.rs"] mod bench;`. `TIAOJIE_BENCH_QUICK=1` runs a
//! small database and few runs (CI does, so the benchmarks cannot rot); the full mode is
//! for measuring (100,000 cases).
#![allow(dead_code)] // each benchmark uses part of it

use std::path::PathBuf;
use std::time::{Duration, Instant};

/// The sizes (cases) to measure: `TIAOJIE_BENCH_SIZES=100000` (comma-separated) picks
/// some of `default`.
pub fn sizes(default: &[u64]) -> Vec<u64> {
    match std::env::var("TIAOJIE_BENCH_SIZES") {
        Ok(list) if !list.trim().is_empty() => list
            .split(',')
            .filter_map(|n| n.trim().parse().ok())
            .collect(),
        _ => default.to_vec(),
    }
}

/// True when `part` of a benchmark is to run: `TIAOJIE_BENCH_PARTS=terminal` (comma-
/// separated) runs only the parts named; unset, all run.
pub fn part(name: &str) -> bool {
    match std::env::var("TIAOJIE_BENCH_PARTS") {
        Ok(list) if !list.trim().is_empty() => list.split(',').any(|p| p.trim() == name),
        _ => true,
    }
}

/// True in quick mode.
pub fn quick() -> bool {
    std::env::var("TIAOJIE_BENCH_QUICK").is_ok_and(|v| !v.is_empty() && v != "0")
}

/// Now on the room's clock (the demo room keeps Beijing time, whatever zone the machine
/// keeps): the app's "today" is this one's date.
pub fn room_now() -> chrono::DateTime<chrono::FixedOffset> {
    tiaojie::domain::zone::Zone::default().local(&chrono::Utc::now())
}

/// A database filled by `demo` with `cases` cases, in a temporary folder kept alive by
/// the returned guard.
///
/// `TIAOJIE_BENCH_DB_<cases>=<file>` (e.g. `TIAOJIE_BENCH_DB_100000`) copies that file
/// instead of filling a new one (100 s at 100,000 cases): it must be a `demo --cases
/// <cases>` file made today on the room's clock (its sessions and deadlines are around
/// the day it was made), closed (no `-wal` beside it). The copy is what is measured, so
/// the file itself is never changed.
pub fn demo_db(cases: u64) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("bench.db");
    if let Ok(made) = std::env::var(format!("TIAOJIE_BENCH_DB_{cases}")) {
        std::fs::copy(&made, &path).expect("copy of the bench database");
        return (dir, path);
    }
    let mut store = tiaojie::storage::Store::open(&path).expect("open bench db");
    let now = room_now();
    tiaojie::cli::demo::fill_demo(&mut store, cases, 2026, now).expect("demo data");
    (dir, path)
}

/// Several measurements of one thing.
pub struct Sample {
    /// What was measured.
    pub name: String,
    /// The values, in `unit`.
    pub values: Vec<f64>,
    /// ms, KB, bytes, % …
    pub unit: &'static str,
}

impl Sample {
    fn sorted(&self) -> Vec<f64> {
        let mut v = self.values.clone();
        v.sort_by(|a, b| a.total_cmp(b));
        v
    }

    /// The median value.
    pub fn median(&self) -> f64 {
        let v = self.sorted();
        match v.len() {
            0 => f64::NAN,
            n if n % 2 == 1 => v[n / 2],
            n => (v[n / 2 - 1] + v[n / 2]) / 2.0,
        }
    }
}

/// Times `f` `runs` times (after one warm-up run) in milliseconds.
pub fn time_ms(name: &str, runs: usize, mut f: impl FnMut()) -> Sample {
    f();
    let values = (0..runs)
        .map(|_| {
            let start = Instant::now();
            f();
            duration_ms(start.elapsed())
        })
        .collect();
    Sample {
        name: name.to_string(),
        values,
        unit: "ms",
    }
}

/// A duration in milliseconds.
pub fn duration_ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// Prints the samples as a markdown table with a title line.
pub fn print_table(title: &str, samples: &[Sample]) {
    println!(
        "\n### {title}{}\n",
        if quick() { " (quick mode)" } else { "" }
    );
    println!("| measure | median | min | max | runs |");
    println!("|---|---:|---:|---:|---:|");
    for s in samples {
        let v = s.sorted();
        let fmt = |x: f64| match s.unit {
            "ms" => format!("{x:.2} {}", s.unit),
            "%" => format!("{x:.3} {}", s.unit),
            _ => format!("{x:.0} {}", s.unit),
        };
        let (min, max) = (
            v.first().copied().unwrap_or(f64::NAN),
            v.last().copied().unwrap_or(f64::NAN),
        );
        println!(
            "| {} | {} | {} | {} | {} |",
            s.name,
            fmt(s.median()),
            fmt(min),
            fmt(max),
            v.len()
        );
    }
}

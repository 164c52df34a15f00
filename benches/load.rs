//! One server, many sessions: N copies of the real binary in 80×24 pseudo-terminals on one
//! database. 8% of them register a case about once a second each by keystrokes; the
//! others move through the case list and search it. Reports key latency (p50/p99, key
//! sent to the last byte of the answer, the harness counting bytes and never parsing a
//! screen), total memory (PSS), writes held per second, and that no case was lost and no
//! session said the file was busy or locked.
//!
//! `cargo bench --bench load` (full: 100 sessions, 100,000 cases, 60 s; the env vars
//! `TIAOJIE_LOAD_SESSIONS`, `TIAOJIE_LOAD_CASES`, `TIAOJIE_LOAD_SECONDS` change that);
//! `TIAOJIE_BENCH_QUICK=1 cargo bench --bench load` (quick: 4 sessions, one writing,
//! 2,000 cases, 5 s). `TIAOJIE_BENCH_BIN=<file>` starts that binary instead of this build's.

#[path = "support/bench.rs"]
mod bench;
#[path = "support/session.rs"]
mod session;

use bench::{demo_db, duration_ms, quick};
use session::{Session, contains};
use std::path::Path;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

/// xterm's bytes for the keys used (normal cursor mode: the app does not switch to
/// application cursor keys).
const DOWN: &[u8] = b"\x1b[B";
const PAGE_DOWN: &[u8] = b"\x1b[6~";
const TAB: &[u8] = b"\t";
const ENTER: &[u8] = b"\r";
const ESC: &[u8] = b"\x1b";
/// Ctrl-U: clears the line being typed (as in every form field and the search).
const CLEAR_LINE: char = '\u{15}';
const F2: &[u8] = b"\x1bOQ";
const F7: &[u8] = b"\x1b[18~";
/// A screen's answer is complete when nothing more has come for this long (a frame is
/// written in one flush; its pieces arrive well within this).
const QUIET: Duration = Duration::from_millis(30);
/// A search answers twice: the typed text at once, the matching cases when the search
/// (on a worker) is done. Its answer is complete when nothing more has come for this long
/// (as a settled screen in issue 15); it may also take in a re-read of the list that
/// another session's write caused, so it errs on the slow side.
const SETTLED: Duration = Duration::from_millis(250);
/// Longest wait for any answer; only a hung program takes this long.
const WAIT: Duration = Duration::from_secs(30);
/// What searches look for: surnames the demo's names use.
const SURNAMES: [&str; 5] = ["王", "李", "张", "刘", "陈"];
/// Fragments of the app's messages for a write that gave up on a busy or locked file
/// (`err.db.busy`, `err.db.locked` in assets/i18n/zh.json), and of the note shown while a
/// save waits (`msg.saving_busy`).
const GAVE_UP: [&str; 2] = ["仍没轮到", "正被别的程序占用"];
const WAITED: &str = "正被别处的修改占用";

struct Plan {
    sessions: usize,
    writers: usize,
    cases: u64,
    seconds: u64,
}

fn env_or(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn plan() -> Plan {
    let (sessions, cases, seconds) = if quick() {
        (4, 2_000, 5)
    } else {
        (
            env_or("TIAOJIE_LOAD_SESSIONS", 100) as usize,
            env_or("TIAOJIE_LOAD_CASES", 100_000),
            env_or("TIAOJIE_LOAD_SECONDS", 60),
        )
    };
    let writers = ((sessions as f64 * 0.08).round() as usize).max(1);
    Plan {
        sessions,
        writers,
        cases,
        seconds,
    }
}

/// What all sessions measured, shared between their threads.
#[derive(Default)]
struct Results {
    /// Key sent to the last byte of its answer, in ms.
    keys: Vec<f64>,
    /// A surname typed into the search to the last byte of its settled answer, in ms.
    searches: Vec<f64>,
    /// F2 on the case form to "案件已登记", in ms.
    saves: Vec<f64>,
    /// Keys that got no answer at all within WAIT.
    unanswered: usize,
    /// Cases registered (the app said 案件已登记).
    written: u64,
    /// Registrations that did not end in 案件已登记.
    failed: u64,
}

type Shared = Arc<Mutex<Results>>;

fn record(results: &Shared, f: impl FnOnce(&mut Results)) {
    f(&mut results.lock().unwrap_or_else(PoisonError::into_inner));
}

fn main() {
    let plan = plan();
    let (_dir, db) = demo_db(plan.cases);
    // The day's copy is made first, so no session starts it during the measurement.
    let backups = tiaojie::paths::backup_dir(&db);
    // The app's today is the room's (Beijing time in the demo room), not the machine's.
    let today = bench::room_now().date_naive();
    tiaojie::storage::Store::open_reader(&db)
        .expect("open")
        .daily_backup(&backups, today, 1)
        .expect("the day's copy");
    let before = count_cases(&db);
    let load_before = loadavg();

    // The first session makes the user `bench` the room's administrator; the others
    // start after it, one by one, each on its case list.
    let sessions: Vec<Arc<Session>> = (0..plan.sessions)
        .map(|_| {
            let s = start(&db);
            to_case_list(&s);
            Arc::new(s)
        })
        .collect();

    let results: Shared = Arc::default();
    let began = Instant::now();
    let until = began + Duration::from_secs(plan.seconds);
    let threads: Vec<_> = sessions
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let (s, r) = (Arc::clone(s), Arc::clone(&results));
            let writer = i < plan.writers;
            std::thread::spawn(move || {
                if writer {
                    write_loop(&s, i, until, &r);
                } else {
                    read_loop(&s, i as u64, until, &r);
                }
            })
        })
        .collect();
    for t in threads {
        t.join().expect("a session's thread");
    }
    let elapsed = began.elapsed().as_secs_f64();
    let load_after = loadavg();

    // Idle memory: every session left alone on its list, past the app's 2 s look at the
    // file for changes made elsewhere.
    std::thread::sleep(Duration::from_secs(3));
    let pss: Vec<f64> = sessions
        .iter()
        .filter_map(|s| s.pid().and_then(pss_kb))
        .collect();
    let gave_up = sessions
        .iter()
        .filter(|s| {
            let out = s.since(0);
            GAVE_UP.iter().any(|m| contains(&out, m.as_bytes()))
        })
        .count();
    let waited = sessions
        .iter()
        .filter(|s| contains(&s.since(0), WAITED.as_bytes()))
        .count();
    drop(sessions);
    let after = count_cases(&db);
    let r = results.lock().unwrap_or_else(PoisonError::into_inner);

    let title = format!(
        "load: {} sessions ({} writing), {} cases, 80×24, {:.0} s",
        plan.sessions, plan.writers, plan.cases, elapsed
    );
    println!(
        "\n### {title}{}\n",
        if quick() { " (quick mode)" } else { "" }
    );
    println!("| measure | value |");
    println!("|---|---:|");
    let row = |k: &str, v: String| println!("| {k} | {v} |");
    let (p50, p99) = (percentile(&r.keys, 0.50), percentile(&r.keys, 0.99));
    row(
        "keys answered (↓, PgDn, / and Enter around a search)",
        r.keys.len().to_string(),
    );
    row("key latency p50 (key to last byte)", format!("{p50:.1} ms"));
    row("key latency p99", format!("{p99:.1} ms"));
    row(
        "key latency max",
        format!("{:.1} ms", percentile(&r.keys, 1.0)),
    );
    row(
        "searches by surname, p50 / p99 (to the settled answer)",
        format!(
            "{:.1} / {:.1} ms ({} searches)",
            percentile(&r.searches, 0.50),
            percentile(&r.searches, 0.99),
            r.searches.len()
        ),
    );
    row("keys without an answer", r.unanswered.to_string());
    row(
        "save latency p50 / p99 (F2 to 案件已登记)",
        format!(
            "{:.0} / {:.0} ms",
            percentile(&r.saves, 0.50),
            percentile(&r.saves, 0.99)
        ),
    );
    row(
        "writes held per second",
        format!("{:.2}", r.written as f64 / elapsed),
    );
    let total: f64 = pss.iter().sum();
    row(
        "PSS, all sessions idle",
        format!("{:.1} MiB", total / 1024.0),
    );
    row(
        "PSS per session, mean / max",
        format!(
            "{:.1} / {:.1} MiB",
            total / 1024.0 / pss.len().max(1) as f64,
            pss.iter().copied().fold(0.0, f64::max) / 1024.0
        ),
    );
    row(
        "cases before + registered = after",
        format!("{before} + {} = {after}", r.written),
    );
    row("registrations that failed", r.failed.to_string());
    let size = std::fs::metadata(&db).map_or(0, |m| m.len());
    row(
        "database file at the end",
        format!("{:.1} MiB", size as f64 / 1024.0 / 1024.0),
    );
    row("sessions that said busy/locked", gave_up.to_string());
    row("sessions that showed 保存中… waiting", waited.to_string());
    row(
        "load average before / after (1 min)",
        format!("{load_before} / {load_after}"),
    );

    // Correctness, never time: nothing lost, nothing refused as busy.
    assert_eq!(after, before + r.written, "a registered case was lost");
    assert_eq!(r.failed, 0, "a registration did not complete");
    assert_eq!(gave_up, 0, "a session reported the file busy or locked");
    assert!(r.written > 0, "no case was registered");
    assert!(!r.keys.is_empty(), "no key was answered");
}

fn start(db: &Path) -> Session {
    // `TIAOJIE_BENCH_BIN` loads another build (an earlier one, side by side), as in app.rs.
    let other = std::env::var_os("TIAOJIE_BENCH_BIN");
    let bin = other
        .as_deref()
        .map_or(Path::new(env!("CARGO_BIN_EXE_tiaojie")), Path::new);
    let db = db.to_str().expect("UTF-8 path");
    let s = Session::spawn(bin, &["--db", db], &[("USER", "bench")]).expect("spawn");
    assert!(s.wait_text(0, "F10", WAIT), "no first screen");
    s
}

/// From 今日 to the case list, whose key bar has the sort key F6.
fn to_case_list(s: &Session) {
    let from = s.len();
    s.send(TAB);
    assert!(s.wait_text(from, "F6", WAIT), "no case list");
    s.answer(from, QUIET, WAIT);
}

/// Sends `key` and records the time to the last byte of its answer.
fn timed_key(s: &Session, key: &[u8], r: &Shared) {
    let from = s.len();
    let sent = Instant::now();
    s.send(key);
    match s.answer(from, QUIET, WAIT) {
        Some(last) => record(r, |r| r.keys.push(duration_ms(last - sent))),
        None => record(r, |r| r.unanswered += 1),
    }
}

/// Types `name` into the open search and records the time to the last byte of the
/// settled answer (the matching cases drawn).
fn timed_search(s: &Session, name: &str, r: &Shared) {
    let from = s.len();
    let sent = Instant::now();
    s.send(name.as_bytes());
    match s.answer(from, SETTLED, WAIT) {
        Some(last) => record(r, |r| r.searches.push(duration_ms(last - sent))),
        None => record(r, |r| r.unanswered += 1),
    }
}

/// A small xorshift: each session's keys differ but are the same from run to run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

/// A reader: a key every 0.5–1.5 s (someone reading the list): ↓ mostly, PgDn, and now
/// and then a search by surname, ended with Enter.
fn read_loop(s: &Session, seed: u64, until: Instant, r: &Shared) {
    let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
    // Each reader searches first, so that even the quick mode's few keys search.
    let mut first = true;
    while Instant::now() < until {
        std::thread::sleep(Duration::from_millis(500 + rng.next() % 1000));
        let pick = if first { 19 } else { rng.next() % 20 };
        first = false;
        match pick {
            0..=11 => timed_key(s, DOWN, r),
            12..=16 => timed_key(s, PAGE_DOWN, r),
            _ => {
                timed_key(s, b"/", r);
                // `/` opens the search with the last text in it: Ctrl-U clears it first, as
                // a person would (sent with the name: on an empty search it changes
                // nothing, so alone it has no answer). Typing after the old text searched
                // for two surnames at once ("王刘", no case), and the ↓ keys after found
                // nothing to move to and no answer: 184 keys waited out in a full run.
                let name = SURNAMES[(rng.next() % SURNAMES.len() as u64) as usize];
                timed_search(s, &format!("{CLEAR_LINE}{name}"), r);
                timed_key(s, ENTER, r);
            }
        }
    }
}

/// A writer: registers a case about once a second, by the keys a mediator uses: n, Tab
/// three times to 纠纷简要情况 and the facts, F7 and a party's name, F2 for the party and
/// F2 for the case; then Esc back to the list. Each step waits for the screen's answer
/// (as a person would), so no key is taken by the wrong screen.
fn write_loop(s: &Session, index: usize, until: Instant, r: &Shared) {
    let mut k = 0u64;
    let mut next = Instant::now();
    while next < until {
        std::thread::sleep(next.saturating_duration_since(Instant::now()));
        next += Duration::from_secs(1);
        k += 1;
        let name = format!("负荷{index}号{k}");
        let step = |keys: &[&[u8]], shows: &str| {
            let from = s.len();
            for key in keys {
                s.send(key);
            }
            s.wait_text(from, shows, WAIT)
        };
        let ready = step(&[b"n"], "收案日期")
            && step(&[TAB, TAB, TAB], "纠纷简要情况")
            && step(&["楼上漏水".as_bytes()], "楼上漏水")
            && step(&[F7], "身份证号")
            && step(&[name.as_bytes()], &name)
            && step(&[F2], "当事人 (1)");
        let sent = Instant::now();
        if ready && step(&[F2], "案件已登记") {
            record(r, |r| {
                r.saves.push(duration_ms(sent.elapsed()));
                r.written += 1;
            });
        } else {
            record(r, |r| r.failed += 1);
            return;
        }
        if !step(&[ESC], "F6") {
            record(r, |r| r.failed += 1);
            return;
        }
    }
}

/// The value below which `q` of the values lie (nearest rank).
fn percentile(values: &[f64], q: f64) -> f64 {
    let mut v = values.to_vec();
    v.sort_by(|a, b| a.total_cmp(b));
    if v.is_empty() {
        return f64::NAN;
    }
    let rank = ((q * v.len() as f64).ceil() as usize).clamp(1, v.len());
    v[rank - 1]
}

fn count_cases(db: &Path) -> u64 {
    let conn =
        rusqlite::Connection::open_with_flags(db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
            .expect("open");
    let n: i64 = conn
        .query_row("SELECT COUNT(*) FROM cases", [], |row| row.get(0))
        .expect("count");
    n.unsigned_abs()
}

/// Proportional set size in KB: shared pages split between the processes sharing them,
/// so the sum over all sessions is what they take together (Linux only).
fn pss_kb(pid: u32) -> Option<f64> {
    let text = std::fs::read_to_string(format!("/proc/{pid}/smaps_rollup")).ok()?;
    let line = text.lines().find(|l| l.starts_with("Pss:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// The 1-minute load average (the machine is shared; figures mean little without it).
fn loadavg() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|t| t.split_whitespace().next().map(str::to_string))
        .unwrap_or_else(|| "?".into())
}

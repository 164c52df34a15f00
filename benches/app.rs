//! The case log's benchmark: storage queries behind the list and the detail, and the real
//! binary in a pseudo-terminal — start to first complete frame, peak memory, bytes written
//! for a cursor move, a typed character and a full repaint, and CPU used while idle.
//!
//! `cargo bench --bench app` (full: 10,000 and 100,000 cases);
//! `TIAOJIE_BENCH_QUICK=1 cargo bench --bench app` (quick: 2,000 cases, few runs).
//! `TIAOJIE_BENCH_SIZES=100000` measures one size, `TIAOJIE_BENCH_PARTS=terminal` only the
//! parts named (storage, terminal, alerts, idle; search: only a search's page keys, which
//! storage includes), `TIAOJIE_BENCH_DB_100000=<file>` copies a demo
//! file made today instead of making one (see `bench::demo_db`), `TIAOJIE_BENCH_BIN=<file>`
//! starts that binary instead of this build's (to measure two builds side by side).

#[path = "app/alerts_first.rs"]
mod alerts_first;
#[path = "support/bench.rs"]
mod bench;
#[path = "../tests/support/pty.rs"]
mod pty;
#[path = "app/search_keys.rs"]
mod search_keys;

use alerts_first::{alerts_first_samples, upgraded_by_a_start};
use bench::{Sample, demo_db, duration_ms, print_table, quick, time_ms};
use pty::{Key, PtyApp, WAIT};
use search_keys::{search_key_samples, search_samples};
use std::path::Path;
use std::time::{Duration, Instant};
use tiaojie::domain::case::{CaseId, CaseQuery, CaseSort, PageFrom};
use tiaojie::domain::status::CaseStatus;
use tiaojie::storage::Store;

fn main() {
    let sizes = bench::sizes(if quick() {
        &[2_000]
    } else {
        &[10_000, 100_000]
    });
    let runs = if quick() { 3 } else { 15 };
    for cases in sizes {
        let (_dir, db) = demo_db(cases);
        let mut samples = Vec::new();
        if bench::part("storage") {
            samples.extend(storage_samples(&db, cases, runs));
        } else if bench::part("search") {
            samples.extend(search_samples(&db, runs));
        }
        if bench::part("terminal") {
            samples.extend(terminal_samples(&db, runs.min(7)));
        }
        if bench::part("alerts") {
            samples.extend(alerts_first_samples(&db, runs.min(7)));
        }
        if bench::part("idle") {
            samples.push(idle_cpu(&db));
        }
        print_table(&format!("case log, {cases} cases, 80×24"), &samples);
    }
}

/// The queries the list and the detail make, timed in this process.
fn storage_samples(db: &Path, cases: u64, runs: usize) -> Vec<Sample> {
    let store = Store::open(db).expect("open");
    let org = store.organisation().expect("read").expect("demo room").id;
    let page = CaseQuery {
        sort: CaseSort::Received,
        descending: true,
        limit: 16,
        ..Default::default()
    };
    let list = |name: &str, q: CaseQuery| {
        time_ms(name, runs, || {
            store.list_cases(org, &q).expect("list");
        })
    };
    let middle = (cases / 2) / 16 * 16;
    // The first page as the first Tab shows it: the count of the room's cases is made
    // (each run, and the warm-up, on a store of its own: none finds the count kept by
    // the one before).
    let fresh: Vec<Store> = (0..=runs).map(|_| Store::open(db).expect("open")).collect();
    let mut next = fresh.iter();
    let counted = time_ms("list: first page, counted (first Tab)", runs, || {
        let s = next.next().expect("a store per run");
        s.list_cases(org, &page).expect("list");
    });
    // F5 to the commonest status, as the first press shows it (a store of its own).
    let fresh: Vec<Store> = (0..=runs).map(|_| Store::open(db).expect("open")).collect();
    let mut next = fresh.iter();
    let archived = CaseQuery {
        status: Some(CaseStatus::Archived),
        ..page.clone()
    };
    let filtered = time_ms(
        "list: F5 to 已归档, first time (count kept by triggers)",
        runs,
        || {
            let s = next.next().expect("a store per run");
            s.list_cases(org, &archived).expect("list");
        },
    );
    let first_last = store.list_cases(org, &page).expect("list").last;
    let mut out = vec![
        counted,
        filtered,
        list("list: first page again (count kept)", page.clone()),
        list(
            "list: next page (PgDn from the first)",
            CaseQuery {
                offset: 16,
                from: first_last.map_or(PageFrom::Offset, |k| PageFrom::After(Box::new(k))),
                ..page.clone()
            },
        ),
        list(
            "list: a page in the middle by OFFSET (only a resize reads so)",
            CaseQuery {
                offset: middle,
                ..page.clone()
            },
        ),
        list(
            "list: sort by number",
            CaseQuery {
                sort: CaseSort::Number,
                ..page.clone()
            },
        ),
        list(
            "list: sort by category",
            CaseQuery {
                sort: CaseSort::Category,
                ..page.clone()
            },
        ),
        list(
            "list: sort by status",
            CaseQuery {
                sort: CaseSort::Status,
                ..page.clone()
            },
        ),
        list(
            "list: filter 调解中",
            CaseQuery {
                status: Some(CaseStatus::Mediating),
                ..page.clone()
            },
        ),
        list(
            "list: find 2 characters (王秀)",
            CaseQuery {
                text: "王秀".into(),
                ..page.clone()
            },
        ),
    ];
    // A search's last page by its number (as a resize reads it; End and the other keys
    // are in `search_key_samples`).
    let found = store
        .list_cases(
            org,
            &CaseQuery {
                text: "王秀".into(),
                ..page.clone()
            },
        )
        .expect("list")
        .total;
    out.push(list(
        "list: 王秀, the last page by its number",
        CaseQuery {
            text: "王秀".into(),
            offset: found.saturating_sub(1) / 16 * 16,
            ..page.clone()
        },
    ));
    out.extend(key_samples(&store, org, &page, runs));
    out.extend(search_key_samples(&store, org, &page, runs));
    out.extend(own_cases_samples(&store, org, &page, runs));
    // 今日: what its first screen reads (the counts per day and the first sessions), a
    // page further down, and what it reads once the selection nears the alerts.
    let today = bench::room_now().date_naive();
    let tomorrow = today.succ_opt().unwrap_or(today);
    out.push(time_ms(
        "今日: first part (counts, 48 sessions)",
        runs,
        || {
            store
                .session_counts(org, today, tomorrow, &Default::default())
                .expect("counts");
            store.today_sessions(org, today, 0, 48).expect("sessions");
        },
    ));
    out.push(time_ms(
        "今日: a page of 74 sessions 1,000 down",
        runs,
        || {
            store
                .today_sessions(org, today, 1_000, 74)
                .expect("sessions");
        },
    ));
    out.push(time_ms(
        "今日: performance items and alerts (read on reaching them)",
        runs,
        || {
            let limits = store.limits(org).expect("limits");
            store
                .case_alerts_first(org, &limits, today, 200)
                .expect("alerts");
            store.performance_due(org, today).expect("items");
        },
    ));
    // Its parts: the items alone, all the alerts without the long-overdue open cases' rows
    // (counted), and the alerts' first screen.
    out.push(time_ms("今日: performance items alone", runs, || {
        store.performance_due(org, today).expect("items");
    }));
    out.push(time_ms(
        "今日: alerts, the long-overdue open cases counted only",
        runs,
        || {
            let limits = store.limits(org).expect("limits");
            store
                .case_alerts_first(org, &limits, today, 0)
                .expect("alerts");
        },
    ));
    out.push(time_ms(
        "今日: the alerts' first screen (48 lines, counts)",
        runs,
        || {
            let limits = store.limits(org).expect("limits");
            store
                .alerts_head(org, &limits, today, 48, 200)
                .expect("head");
        },
    ));
    // 统计 for the year of the sample data: from the summary (what the tab shows) and
    // counted from the cases (what it did before the summary).
    let year = tiaojie::domain::stats::period::Period::year_of(bench::room_now().date_naive());
    out.push(time_ms("statistics of a year (summary)", runs, || {
        store.stats(org, &year).expect("stats");
    }));
    out.push(time_ms(
        "statistics of a year, counted from the cases",
        runs,
        || {
            let rows = store.stats_cases(org, &year).expect("rows");
            tiaojie::domain::stats::compute(year, &rows);
        },
    ));
    let ids = store.case_ids(org).expect("ids");
    let mut i = 0;
    out.push(time_ms("open a case (all the detail reads)", runs, || {
        i = (i + 7919) % ids.len().max(1);
        open_case(&store, ids.get(i).copied().unwrap_or(CaseId(1)));
    }));
    // Cases that went as far as an agreement have the most to read.
    let settled: Vec<CaseId> = ids
        .iter()
        .copied()
        .filter(|id| matches!(store.agreement_of_case(*id), Ok(Some(_))))
        .take(200)
        .collect();
    let mut j = 0;
    out.push(time_ms("open a case with an agreement", runs, || {
        j = (j + 7) % settled.len().max(1);
        open_case(&store, settled.get(j).copied().unwrap_or(CaseId(1)));
    }));
    out
}

/// What opening a case on the detail screen reads (the effects of `Command::Open`):
/// the case with its parties and status history, its sessions, its change history, its
/// agreement with clauses and items, and its follow-up visits.
fn open_case(store: &Store, id: CaseId) {
    store.load_case(id).expect("case");
    store.sessions_of_case(id).expect("sessions");
    store.case_history(id).expect("history");
    store.agreement_of_case(id).expect("agreement");
    store.follow_ups_of_case(id).expect("visits");
}

fn start(db: &Path) -> PtyApp {
    // `TIAOJIE_BENCH_BIN` measures another build (an earlier one, side by side).
    let other = std::env::var_os("TIAOJIE_BENCH_BIN");
    let bin = other
        .as_deref()
        .map_or(Path::new(env!("CARGO_BIN_EXE_tiaojie")), Path::new);
    let db = db.to_str().expect("UTF-8 path");
    PtyApp::spawn(bin, &["--db", db], &[("USER", "bench")], 80, 24).expect("spawn")
}

/// Waits for the key bar, the last row drawn: the first frame (今日) is complete.
fn first_frame(app: &PtyApp) {
    app.wait_for("F10", WAIT).unwrap_or_else(|e| panic!("{e}"));
}

/// What the list's page keys read, in every sort both ways, without and with the status
/// filter: PgDn from a page in the middle (from its last row), End (the last page read
/// backwards), PgUp from the end (from the last page's first row). A sort's first page is
/// the first page's row above; Home reads it again.
fn key_samples(
    store: &Store,
    org: tiaojie::domain::org::OrgId,
    page: &CaseQuery,
    runs: usize,
) -> Vec<Sample> {
    let mut out = Vec::new();
    for status in [None, Some(CaseStatus::Mediating)] {
        for sort in CaseSort::ALL {
            for descending in [true, false] {
                let q = CaseQuery {
                    sort,
                    descending,
                    status,
                    ..page.clone()
                };
                let total = store.list_cases(org, &q).expect("list").total;
                let middle = CaseQuery {
                    offset: total / 2 / 16 * 16,
                    ..q.clone()
                };
                let middle = store.list_cases(org, &middle).expect("list");
                let end = CaseQuery {
                    from: PageFrom::End,
                    ..q.clone()
                };
                let last = store.list_cases(org, &end).expect("list");
                let name = format!(
                    "{sort:?}{}{}",
                    if descending { "↓" } else { "↑" },
                    if status.is_some() { " 调解中" } else { "" }
                );
                let keyed = |key: &str, from: PageFrom| {
                    let q = CaseQuery { from, ..q.clone() };
                    time_ms(&format!("list {name}: {key}"), runs, || {
                        store.list_cases(org, &q).expect("list");
                    })
                };
                let after = middle
                    .last
                    .clone()
                    .map_or(PageFrom::Offset, |k| PageFrom::After(Box::new(k)));
                out.push(keyed("PgDn from the middle", after));
                out.push(keyed("End", PageFrom::End));
                let before = last
                    .first
                    .clone()
                    .map_or(PageFrom::Offset, |k| PageFrom::Before(Box::new(k)));
                out.push(keyed("PgUp from the end", before));
            }
        }
    }
    out
}

/// A 登记员's list (only the cases they registered, a filter through the status history):
/// the first page, PgDn from the middle and End, newest first. The demo's cases are
/// registered by its five mediators, so one of them stands in for a front desk.
fn own_cases_samples(
    store: &Store,
    org: tiaojie::domain::org::OrgId,
    page: &CaseQuery,
    runs: usize,
) -> Vec<Sample> {
    let q = CaseQuery {
        registered_by: Some("李秀兰".into()),
        ..page.clone()
    };
    let total = store.list_cases(org, &q).expect("list").total;
    let middle = CaseQuery {
        offset: total / 2 / 16 * 16,
        ..q.clone()
    };
    let after = store
        .list_cases(org, &middle)
        .expect("list")
        .last
        .map_or(PageFrom::Offset, |k| PageFrom::After(Box::new(k)));
    let timed = |name: &str, from: PageFrom| {
        let q = CaseQuery { from, ..q.clone() };
        time_ms(name, runs, || {
            store.list_cases(org, &q).expect("list");
        })
    };
    // Their first Tab: the count of their cases is made (a store of its own per run).
    let fresh: Vec<Store> = (0..=runs)
        .map(|_| Store::open(store.path()).expect("open"))
        .collect();
    let mut next = fresh.iter();
    let counted = time_ms(
        "list, own cases (登记员): first page, counted",
        runs,
        || {
            let s = next.next().expect("a store per run");
            s.list_cases(org, &q).expect("list");
        },
    );
    vec![
        counted,
        timed("list, own cases (登记员): first page", PageFrom::Offset),
        timed("list, own cases (登记员): PgDn from the middle", after),
        timed("list, own cases (登记员): End", PageFrom::End),
    ]
}

/// From 今日 to the case list (its key bar has the sort key).
fn to_case_list(app: &PtyApp) {
    app.key(Key::Tab);
    app.wait_for("F6", WAIT).unwrap_or_else(|e| panic!("{e}"));
}

/// The row whose cells carry the selection's background (the list's cursor).
fn selected_row(s: &vt100::Screen) -> Option<u16> {
    (0..24).find(|&row| {
        // Column 1: the first cell inside the border (column 2 may be the second half of a
        // wide character, which carries no colour of its own).
        s.cell(row, 1)
            .is_some_and(|c| c.bgcolor() == vt100::Color::Idx(6))
    })
}

/// The row of 今日's selected line (its cells carry the selection's background; column 2
/// is the first inside the border and the padding).
fn today_row(s: &vt100::Screen) -> Option<u16> {
    (3..23).find(|&row| {
        s.cell(row, 2)
            .is_some_and(|c| c.bgcolor() == vt100::Color::Idx(6))
    })
}

/// The first start of the day: no copy of today in the backup folder, so the app starts
/// the day's backup once its first screen is drawn (each run is cut short, so each is a
/// first start again). Then the day's copy is made here, so that the other measures
/// (and idle CPU) are not taken while a backup runs.
fn first_start_of_the_day(db: &Path, runs: usize) -> Sample {
    let backups = tiaojie::paths::backup_dir(db);
    let mut first = Sample {
        name: "start to first complete frame, first start of the day".into(),
        values: vec![],
        unit: "ms",
    };
    for _ in 0..runs {
        let _ = std::fs::remove_dir_all(&backups);
        let began = Instant::now();
        let app = start(db);
        first_frame(&app);
        first.values.push(duration_ms(began.elapsed()));
    }
    let _ = std::fs::remove_dir_all(&backups);
    let store = Store::open_reader(db).expect("open");
    let today = bench::room_now().date_naive();
    store
        .daily_backup(&backups, today, 1)
        .expect("the day's copy");
    first
}

fn terminal_samples(db: &Path, runs: usize) -> Vec<Sample> {
    upgraded_by_a_start(db, "F10");
    let first_of_day = first_start_of_the_day(db, runs);
    let mut today_bytes = Sample {
        name: "bytes for one line down on 今日".into(),
        values: vec![],
        unit: "B",
    };
    let mut today_key = Sample {
        name: "one line down on 今日, key to drawn line (harness)".into(),
        values: vec![],
        unit: "ms",
    };
    let mut frame = Sample {
        name: "start to first complete frame (今日)".into(),
        values: vec![],
        unit: "ms",
    };
    let mut rss = Sample {
        name: "peak memory (RSS) after using the list".into(),
        values: vec![],
        unit: "KB",
    };
    let mut repaint = Sample {
        name: "bytes for the first full frame".into(),
        values: vec![],
        unit: "B",
    };
    let mut moves = Sample {
        name: "bytes for one cursor move in the list".into(),
        values: vec![],
        unit: "B",
    };
    let mut typed = Sample {
        name: "bytes for one typed character".into(),
        values: vec![],
        unit: "B",
    };
    let mut frame_cpu = Sample {
        name: "CPU of the app's main thread up to its first complete frame (schedstat)".into(),
        values: vec![],
        unit: "ms",
    };
    for _ in 0..runs {
        let began = Instant::now();
        let app = start(db);
        first_frame(&app);
        frame.values.push(duration_ms(began.elapsed()));
        // Time on the CPU, which the machine's load does not stretch as it does the wall
        // clock (the frame is made on the main thread).
        if let Some(ns) = app.pid().and_then(main_thread_cpu_ns) {
            frame_cpu.values.push(ns / 1e6);
        }
        repaint.values.push(app.bytes_received() as f64);
        if let Some(mut row) = app.screen(today_row) {
            for _ in 0..5 {
                let before = app.bytes_received();
                let sent = Instant::now();
                app.key(Key::Down);
                let moved = app.wait_cells(|s| today_row(s).is_some_and(|r| r != row), WAIT);
                if moved.is_err() {
                    break; // the last line: nothing to move to
                }
                today_key.values.push(duration_ms(sent.elapsed()));
                today_bytes
                    .values
                    .push((app.bytes_received() - before) as f64);
                row = app.screen(today_row).unwrap_or(row);
            }
        }
        to_case_list(&app);
        let first = app.screen(selected_row).expect("the list shows its cursor");
        for step in 1..=8u16 {
            let before = app.bytes_received();
            app.key(Key::Down);
            app.wait_cells(|s| selected_row(s) == Some(first + step), WAIT)
                .unwrap_or_else(|e| panic!("{e}"));
            moves.values.push((app.bytes_received() - before) as f64);
        }
        app.send_str("n");
        app.wait_for("收案日期", WAIT)
            .unwrap_or_else(|e| panic!("{e}"));
        let mut text = bench::room_now().date_naive().to_string();
        // The first key typed into a prefilled date replaces it; after an arrow key, a
        // typed character is added where the cursor is.
        app.key(Key::End);
        for _ in 0..5 {
            let before = app.bytes_received();
            app.send_str("x");
            text.push('x');
            app.wait_for(&text, WAIT).unwrap_or_else(|e| panic!("{e}"));
            typed.values.push((app.bytes_received() - before) as f64);
        }
        if let Some(kb) = app.pid().and_then(|pid| status_kb(pid, "VmHWM")) {
            rss.values.push(kb);
        }
    }
    vec![
        first_of_day,
        frame,
        frame_cpu,
        rss,
        repaint,
        today_key,
        today_bytes,
        moves,
        typed,
    ]
}

/// A line of /proc/PID/status in KB (Linux only; elsewhere nothing is measured).
fn status_kb(pid: u32, field: &str) -> Option<f64> {
    let text = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = text.lines().find(|l| l.starts_with(field))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// Nanoseconds the main thread of a process has run, from /proc/PID/schedstat (Linux).
fn main_thread_cpu_ns(pid: u32) -> Option<f64> {
    let text = std::fs::read_to_string(format!("/proc/{pid}/schedstat")).ok()?;
    text.split_whitespace().next()?.parse().ok()
}

/// User + system CPU ticks of a process, from /proc/PID/stat.
fn cpu_ticks(pid: u32) -> Option<f64> {
    let text = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    let after = &text[text.rfind(')')? + 2..];
    let fields: Vec<&str> = after.split_whitespace().collect();
    Some(fields.get(11)?.parse::<f64>().ok()? + fields.get(12)?.parse::<f64>().ok()?)
}

/// CPU used by an app left alone on the list: it must wait for input, not poll.
fn idle_cpu(db: &Path) -> Sample {
    let seconds = if quick() { 2 } else { 60 };
    let app = start(db);
    first_frame(&app);
    to_case_list(&app);
    let pid = app.pid().expect("pid");
    let before = cpu_ticks(pid).unwrap_or(0.0);
    // Idle is what is measured here, so this wait is the measurement itself.
    std::thread::sleep(Duration::from_secs(seconds));
    let ticks = cpu_ticks(pid).unwrap_or(0.0) - before;
    // Linux counts CPU time in 1/100 s.
    let percent = ticks / 100.0 / seconds as f64 * 100.0;
    Sample {
        name: format!("CPU while idle for {seconds} s (%, 1 tick = 0.01 s)"),
        values: vec![percent],
        unit: "%",
    }
}

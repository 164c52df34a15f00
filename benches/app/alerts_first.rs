//! The common room whose first screen is 今日's alerts (few sessions a day): how it is
//! made from the bench's copy, its first settled screen and the reads behind it
//! (`TIAOJIE_BENCH_PARTS=alerts`).

use super::bench::{self, Sample, duration_ms, time_ms};
use super::pty::WAIT;
use super::{main_thread_cpu_ns, start};
use std::path::Path;
use std::time::{Duration, Instant};
use tiaojie::storage::Store;

/// The common room, whose first screen shows 今日's alerts: the bench's copy of the room
/// with today's and tomorrow's sessions cancelled and the performance items due within
/// the near window (three days) marked done, so that the alerts come right under the two
/// empty session headings (changed in place: a second copy of a million cases is 6.6 GiB).
/// Made as a repair would make it (the audit off, as in a bulk write), with the day's
/// backup made, then started once by the build measured (which upgrades it, whichever
/// build that is), so that each measured start is only a start.
fn alerts_first_room(db: &Path) -> std::path::PathBuf {
    let room = db.to_path_buf();
    let today = bench::room_now().date_naive();
    let conn = rusqlite::Connection::open(&room).expect("open");
    let flags = rusqlite::functions::FunctionFlags::SQLITE_UTF8;
    conn.create_scalar_function("tiaojie_row_audit", 0, flags, |_| Ok(0))
        .expect("function");
    conn.create_scalar_function("tiaojie_user", 0, flags, |_| Ok("bench"))
        .expect("function");
    conn.create_scalar_function("tiaojie_now", 0, flags, |_| Ok(""))
        .expect("function");
    let tomorrow = today.succ_opt().expect("tomorrow");
    let near = today + chrono::Days::new(3);
    conn.execute(
        "UPDATE sessions SET status = 'cancelled' WHERE day IN (?1, ?2) AND status <> 'cancelled'",
        [today.to_string(), tomorrow.to_string()],
    )
    .expect("cancel");
    conn.execute(
        "UPDATE agreement_items SET done_on = ?1 WHERE done_on IS NULL AND due_on <= ?2",
        [today.to_string(), near.to_string()],
    )
    .expect("done");
    drop(conn);
    Store::open_reader(&room)
        .expect("open")
        .daily_backup(&tiaojie::paths::backup_dir(&room), today, 1)
        .expect("the day's room");
    upgraded_by_a_start(&room, "期限提醒");
    room
}

/// Starts the build under test once on `db` and waits, up to ten minutes, for `text`: a
/// file of an earlier version is upgraded by that start (a million cases take minutes),
/// which is not what the samples measure.
pub(crate) fn upgraded_by_a_start(db: &Path, text: &str) {
    let app = start(db);
    app.wait_for(text, Duration::from_secs(600))
        .unwrap_or_else(|e| panic!("{e}"));
    drop(app);
    // The start was cut short: what its upgrade wrote is still in the write-ahead log,
    // which every later start would read through. A person quits with F10, which
    // checkpoints it; so is it here.
    let conn = rusqlite::Connection::open(db).expect("open");
    conn.execute_batch("PRAGMA wal_checkpoint(TRUNCATE)")
        .expect("checkpoint");
}

/// Start to the first settled screen of the alerts-first room: the time of the last byte
/// written before nothing more came for 250 ms (the screen is what the user sees from then
/// on), and the main thread's CPU by then.
pub(crate) fn alerts_first_samples(db: &Path, runs: usize) -> Vec<Sample> {
    let room = alerts_first_room(db);
    // (This build's reads: they would bring the file to this build's version, which
    // another build measured side by side may not open.)
    let mut out = if std::env::var_os("TIAOJIE_BENCH_BIN").is_none() {
        alerts_first_reads(&room, runs * 2)
    } else {
        Vec::new()
    };
    let mut settled = Sample {
        name: "alerts-first room: start to the first settled screen (last byte, 250 ms quiet)"
            .into(),
        values: vec![],
        unit: "ms",
    };
    let mut cpu = Sample {
        name: "alerts-first room: CPU of the main thread by then (schedstat)".into(),
        values: vec![],
        unit: "ms",
    };
    for _ in 0..runs {
        let began = Instant::now();
        let app = start(&room);
        app.wait_for("期限提醒", WAIT)
            .unwrap_or_else(|e| panic!("{e}"));
        let mut bytes = app.bytes_received();
        let mut last = began.elapsed();
        let mut quiet_since = Instant::now();
        while quiet_since.elapsed() < Duration::from_millis(250) {
            std::thread::sleep(Duration::from_millis(1));
            let now = app.bytes_received();
            if now != bytes {
                bytes = now;
                last = began.elapsed();
                quiet_since = Instant::now();
            }
        }
        settled.values.push(duration_ms(last));
        if let Some(ns) = app.pid().and_then(main_thread_cpu_ns) {
            cpu.values.push(ns / 1e6);
        }
    }
    out.extend([settled, cpu]);
    out
}

/// What the alerts-first room's first screen reads, each timed in this process (warm):
/// opening the file, 今日's first part, its performance items, the alerts' first screen
/// and, for comparison, all the alerts.
fn alerts_first_reads(room: &Path, runs: usize) -> Vec<Sample> {
    let mut out = vec![time_ms(
        "alerts-first room: opening the file (Store::open)",
        runs,
        || {
            Store::open(room).expect("open");
        },
    )];
    let store = Store::open(room).expect("open");
    let org = store.organisation().expect("room").expect("set up").id;
    let today = bench::room_now().date_naive();
    let tomorrow = today.succ_opt().unwrap_or(today);
    let limits = store.limits(org).expect("limits");
    out.push(time_ms(
        "alerts-first room: 今日's first part",
        runs,
        || {
            store
                .session_counts(org, today, tomorrow, &Default::default())
                .expect("counts");
            store.today_sessions(org, today, 0, 48).expect("sessions");
            store.places(org).expect("places");
        },
    ));
    out.push(time_ms(
        "alerts-first room: performance items",
        runs,
        || {
            store
                .performance_due(org, today + chrono::Days::new(3))
                .expect("items");
        },
    ));
    out.push(time_ms(
        "alerts-first room: the alerts' first screen (48 lines, counts)",
        runs,
        || {
            store
                .alerts_head(org, &limits, today, 48, 200)
                .expect("head");
        },
    ));
    out.push(time_ms(
        "alerts-first room: all the alerts (read past the first screen)",
        runs,
        || {
            store
                .case_alerts_first(org, &limits, today, 200)
                .expect("alerts");
        },
    ));
    out
}

//! Schedule queries on a big room: the month view's counts per day, the agenda of a week
//! (all, and one mediator's), and the today screen's data (two days of sessions and the
//! case alerts). Full mode: 100,000 demo cases and 300,000 sessions; with
//! TIAOJIE_BENCH_QUICK=1 a small room and few runs, so CI keeps it compiling and running.
//! Prints `| measure | median | min | max | runs |`.

use chrono::{DateTime, Days, FixedOffset, NaiveDate, NaiveTime, TimeZone};
use std::time::{Duration, Instant};
use tiaojie::cli::demo::fill_demo;
use tiaojie::domain::session::{
    InvitedParty, SessionFields, SessionKind, SessionRecord, SessionStatus,
};
use tiaojie::storage::{NewSessionRecord, SessionFilter, Store};

fn main() {
    let quick = std::env::var("TIAOJIE_BENCH_QUICK").is_ok_and(|v| v == "1");
    let (cases, sessions, runs) = if quick {
        (2_000u64, 6_000u64, 5usize)
    } else {
        (100_000, 300_000, 30)
    };
    let now: DateTime<FixedOffset> =
        DateTime::parse_from_rfc3339("2026-11-28T10:00:00+08:00").expect("valid time");
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = Store::open(&dir.path().join("bench.db")).expect("database");
    let built = Instant::now();
    let report = fill_demo(&mut store, cases, 2026, now).expect("demo data");
    let org = store.organisation().expect("read").expect("room").id;
    let topped = top_up(&mut store, sessions.saturating_sub(report.sessions), &now);
    eprintln!(
        "built {} cases, {} demo sessions + {} more in {:.1} s",
        report.cases,
        report.sessions,
        topped,
        built.elapsed().as_secs_f64()
    );
    let mediator = store.mediators(org).expect("mediators")[0].id;
    let limits = store.limits(org).expect("limits");
    let today = now.date_naive();
    // Months and weeks spread over the three years, so no single cached page is timed.
    let day = |i: usize| today - chrono::Days::new((i as u64 * 37) % 1000);
    let all = SessionFilter::default();
    let one = SessionFilter {
        mediator: Some(mediator),
        ..Default::default()
    };
    let mut rows = Vec::new();
    rows.push(measure("month view: counts per day, 6 weeks", runs, |i| {
        let (from, to) = grid(day(i));
        store
            .session_counts(org, from, to, &all)
            .expect("counts")
            .len()
    }));
    rows.push(measure("agenda: one week, all mediators", runs, |i| {
        let from = day(i);
        let to = from + Days::new(6);
        store
            .sessions_in_range(org, from, to, &all)
            .expect("agenda")
            .len()
    }));
    rows.push(measure("agenda: one week, one mediator", runs, |i| {
        let from = day(i);
        let to = from + Days::new(6);
        store
            .sessions_in_range(org, from, to, &one)
            .expect("agenda")
            .len()
    }));
    rows.push(measure(
        "today: sessions of today and tomorrow",
        runs,
        |_| {
            store
                .sessions_in_range(org, today, today + Days::new(1), &all)
                .expect("today")
                .len()
        },
    ));
    rows.push(measure(
        "today: every case alert (limits, follow-ups)",
        runs,
        |_| {
            store
                .case_alerts(org, &limits, today)
                .expect("alerts")
                .len()
        },
    ));
    rows.push(measure(
        "today: case alerts as 今日 reads them (200 open + count)",
        runs,
        |_| {
            let (alerts, more) = store
                .case_alerts_first(org, &limits, today, 200)
                .expect("alerts");
            alerts.len() + usize::try_from(more).unwrap_or(0)
        },
    ));
    println!("| measure | median | min | max | runs |");
    println!("|---|---|---|---|---|");
    for (name, mut times, found) in rows {
        times.sort();
        let ms = |d: Duration| format!("{:.2} ms", d.as_secs_f64() * 1000.0);
        println!(
            "| {name} ({found} rows last run) | {} | {} | {} | {} |",
            ms(times[times.len() / 2]),
            ms(times[0]),
            ms(times[times.len() - 1]),
            times.len()
        );
    }
}

/// Times `f` `runs` times (after one warm-up run); returns the times and its last result.
fn measure(
    name: &str,
    runs: usize,
    mut f: impl FnMut(usize) -> usize,
) -> (String, Vec<Duration>, usize) {
    let mut found = f(runs);
    let mut times = Vec::with_capacity(runs);
    for i in 0..runs {
        let t = Instant::now();
        found = std::hint::black_box(f(i));
        times.push(t.elapsed());
    }
    (name.to_string(), times, found)
}

/// The six Monday-first weeks showing `day`'s month.
fn grid(day: NaiveDate) -> (NaiveDate, NaiveDate) {
    use chrono::Datelike;
    let first = day.with_day(1).unwrap_or(day);
    let monday = first - Days::new(u64::from(first.weekday().num_days_from_monday()));
    (monday, monday + Days::new(41))
}

/// Adds `n` more sessions to random cases on random working hours of the three years.
fn top_up(store: &mut Store, n: u64, now: &DateTime<FixedOffset>) -> u64 {
    let org = store.organisation().expect("read").expect("room").id;
    let ids = store.case_ids(org).expect("ids");
    let mediators: Vec<_> = store
        .mediators(org)
        .expect("mediators")
        .into_iter()
        .map(|m| m.id)
        .collect();
    let places = store.places(org).expect("places");
    let mut rng = fastrand::Rng::with_seed(7);
    let offset = *now.offset();
    let first = now.date_naive() - Days::new(3 * 365);
    let mut records = (0..n).filter_map(|_| {
        let case_id = ids[rng.usize(..ids.len())];
        let day = first + Days::new(rng.u64(..3 * 365 + 30));
        let hour = rng.u32(8..18);
        let start = offset
            .from_local_datetime(&day.and_time(NaiveTime::from_hms_opt(hour, 0, 0)?))
            .single()?;
        let place = &places[rng.usize(..places.len())];
        Some(NewSessionRecord {
            fields: SessionFields {
                case_id,
                kind: SessionKind::Mediation,
                start,
                end: start + chrono::Duration::minutes(90),
                place: place.name.clone(),
                place_is_room: place.is_room,
                mediators: vec![mediators[rng.usize(..mediators.len())]],
                parties: vec![InvitedParty {
                    seq: 0,
                    name: "张三".into(),
                }],
            },
            status: if day < now.date_naive() {
                SessionStatus::Held
            } else {
                SessionStatus::Planned
            },
            record: SessionRecord::default(),
        })
    });
    store
        .insert_sessions(org, &mut records, now)
        .expect("sessions")
}

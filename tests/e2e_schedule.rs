//! End to end: the real binary in a pseudo-terminal at 80×24. A mediator opens an accepted
//! case, schedules a session for tomorrow, is refused the same hour a second time (the
//! clash names the booked session), quits, starts again and finds the session on the
//! today screen and in the agenda, postpones it there to the afternoon, finds it again in
//! a range typed with F9 (after being refused one that ends before it starts), and finds
//! only the new time through `tiaojie agenda`. A room whose server keeps UTC types, shows
//! and compares its sessions at the room's hour, Beijing time.

#[path = "support/app.rs"]
mod app;
#[path = "support/pty.rs"]
mod pty;

use app::{bin, quit, room_with_a_case, start};
use pty::{Key, PtyApp, WAIT};

#[test]
fn schedule_a_session_be_refused_a_double_booking_and_find_it_after_a_restart() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("room.db");
    room_with_a_case(&db);
    let app = start(&db);

    // The first screen is 今日; the case is on the case tab.
    app.see("今天的日程");
    app.key(Key::Tab);
    app.see("王秀兰、张三");
    app.key(Key::Enter);
    app.see("F7 日程");

    // Tomorrow 09:00–10:00 in 调解室, with the case's mediator and parties.
    app.key(Key::F(7));
    app.see("安排日程");
    app.see("09:00");
    app.key(Key::F(2));
    app.see("已安排日程");

    // The same hour again: refused, and the clash names the room and the time.
    app.key(Key::F(7));
    app.see("通知到场的当事人");
    app.key(Key::F(2));
    app.see("时间冲突");
    app.see("09:00–10:00");
    app.key(Key::Esc);
    app.wait_until(
        |s| !s.contains("时间冲突") && s.contains("通知到场的当事人"),
        WAIT,
    )
    .unwrap_or_else(|e| panic!("{e}"));
    app.key(Key::Esc);
    app.see("F7 日程");
    // Only the first one was stored: the case's sessions, further down its detail.
    app.key(Key::PageDown);
    app.key(Key::PageDown);
    app.see("日程（1）");
    quit(app);

    // Next start: tomorrow's session is on the today screen and in the agenda.
    let app = start(&db);
    app.see("明天的日程（1）");
    app.key(Key::Tab);
    app.key(Key::Tab);
    app.see("议程");
    app.key(Key::Right);
    app.see("09:00–10:00  调解  调解室  王秀兰、张三");

    // Postponed from the agenda to the afternoon: the old one leaves the agenda.
    app.key(Key::F(7));
    app.see("日程改期");
    for text in ["14:00", "15:00"] {
        app.key(Key::Tab);
        for _ in 0..5 {
            app.key(Key::Backspace);
        }
        app.send_str(text);
    }
    app.see("15:00");
    app.key(Key::F(2));
    app.see("已改期至");
    app.see("14:00–15:00  调解  调解室  王秀兰、张三");
    app.wait_until(|s| !s.contains("09:00–10:00"), WAIT)
        .unwrap_or_else(|e| panic!("{e}"));

    // Back to today (nothing), then any range typed with F9: 到 before 从 is refused in
    // words; 今天 to 后天 shows the afternoon session under tomorrow's date.
    app.key(Key::Home);
    app.wait_until(|s| !s.contains("14:00–15:00"), WAIT)
        .unwrap_or_else(|e| panic!("{e}"));
    app.key(Key::F(9));
    app.see("议程显示哪几天");
    let retype = |text: &str| {
        for _ in 0..12 {
            app.key(Key::Backspace);
        }
        app.send_str(text);
    };
    retype("今天");
    app.key(Key::Tab);
    retype("昨天");
    app.key(Key::Enter);
    app.see("早于“从”");
    retype("后天");
    app.key(Key::Enter);
    app.see("共3天（1）");
    app.see("14:00–15:00  调解  调解室  王秀兰、张三");
    quit(app);

    let out = std::process::Command::new(env!("CARGO_BIN_EXE_tiaojie"))
        .args([
            "--db",
            db.to_str().expect("UTF-8"),
            // The app made wang the room's first user; the command runs as wang too.
            "--as",
            "wang",
            "agenda",
            "--from",
            "明天",
            "--days",
            "1",
        ])
        .output()
        .expect("agenda runs");
    assert!(out.status.success(), "{out:?}");
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(text.matches("14:00–15:00").count(), 1, "{text}");
    assert!(
        !text.contains("09:00–10:00"),
        "the postponed one is gone: {text}"
    );
    assert!(text.contains("王秀兰、张三"), "{text}");
}

/// The app on `db` as wang, on a machine whose clock keeps the zone `tz`.
fn start_in_zone(db: &std::path::Path, tz: &str) -> PtyApp {
    let db = db.to_str().expect("temp path is UTF-8");
    PtyApp::spawn(
        bin(),
        &["--db", db],
        &[("USER", "wang"), ("TZ", tz)],
        80,
        24,
    )
    .expect("the app starts in a pty")
}

#[test]
fn on_a_server_kept_in_utc_sessions_are_typed_shown_and_compared_at_the_rooms_hour() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("room.db");
    room_with_a_case(&db);

    // On the room's own computer (Beijing time): tomorrow 09:00–10:00.
    let app = start_in_zone(&db, "Asia/Shanghai");
    app.see("今天的日程");
    app.key(Key::Tab);
    app.see("王秀兰、张三");
    app.key(Key::Enter);
    app.see("F7 日程");
    app.key(Key::F(7));
    app.see("安排日程");
    app.see("09:00");
    app.key(Key::F(2));
    app.see("已安排日程");
    quit(app);

    // The same room moved to a server kept in UTC: the session still shows at 09:00, and a
    // session typed for 09:00 tomorrow is the same hour, so it clashes (it used to be
    // typed as 09:00 UTC, 17:00 in the room, and clashed with sessions shown at 17:00).
    let app = start_in_zone(&db, "UTC");
    app.see("明天的日程（1）");
    app.see("09:00–10:00");
    app.key(Key::Tab);
    app.see("王秀兰、张三");
    app.key(Key::Enter);
    app.see("F7 日程");
    app.key(Key::F(7));
    app.see("通知到场的当事人");
    app.see("09:00");
    app.key(Key::F(2));
    app.wait_until(
        |s| s.contains("时间冲突") && s.contains("09:00–10:00"),
        WAIT,
    )
    .unwrap_or_else(|e| panic!("{e}"));
    app.key(Key::Esc);
    app.wait_until(
        |s| !s.contains("时间冲突") && s.contains("通知到场的当事人"),
        WAIT,
    )
    .unwrap_or_else(|e| panic!("{e}"));
    app.key(Key::Esc);
    app.see("F7 日程");
    quit(app);

    // The command line on that server reads tomorrow and the hour in the room's zone too.
    let out = std::process::Command::new(bin())
        .args(["--db", db.to_str().expect("UTF-8"), "--as", "wang"])
        .args(["agenda", "--from", "明天", "--days", "1"])
        .env("TZ", "UTC")
        .output()
        .expect("agenda runs");
    assert!(out.status.success(), "{out:?}");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("09:00–10:00"), "{text}");
}

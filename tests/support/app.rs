//! The real tiaojie binary for end-to-end tests: start it in a pty at 80×24, quit it, and
//! make a demo room. Include after the harness:
//!
//! ```ignore
//! #[path = "support/pty.rs"]
//! mod pty;
//! #[path = "support/app.rs"]
//! mod app;
//! ```
#![allow(dead_code)] // each test file uses part of it

use crate::pty::{Key, PtyApp, WAIT};
use std::path::{Path, PathBuf};

/// The binary cargo built for these tests.
pub fn bin() -> &'static Path {
    Path::new(env!("CARGO_BIN_EXE_tiaojie"))
}

/// The app on `db` at 80×24, as the operating-system user `user`.
pub fn start_as(db: &Path, user: &str) -> PtyApp {
    let db = db.to_str().expect("temp path is UTF-8");
    PtyApp::spawn(bin(), &["--db", db], &[("USER", user)], 80, 24).expect("the app starts in a pty")
}

/// The app on `db` at 80×24, as the mediator wang.
pub fn start(db: &Path) -> PtyApp {
    start_as(db, "wang")
}

/// Quits with F10 and checks the program ended well.
pub fn quit(mut app: PtyApp) {
    app.key(Key::F(10));
    let status = app.wait_exit(WAIT).unwrap_or_else(|e| panic!("{e}"));
    assert!(status.success(), "exit status {status:?}");
}

/// `dir/room.db` filled by `tiaojie demo --cases N` (the real command).
pub fn demo_db(dir: &Path, cases: u32) -> PathBuf {
    let db = dir.join("room.db");
    let status = std::process::Command::new(bin())
        .args(["--db", db.to_str().expect("temp path is UTF-8"), "demo"])
        .args(["--cases", &cases.to_string()])
        // Whoever runs demo administers the room: here the mediator the tests start as.
        .env("USER", "wang")
        .status()
        .expect("demo runs");
    assert!(status.success(), "demo failed: {status:?}");
    db
}

/// The administrator wang (who ran demo) adds `user` to the room with `role`.
pub fn add_user(db: &Path, user: &str, role: &str) {
    let status = std::process::Command::new(bin())
        .args([
            "--db",
            db.to_str().expect("temp path is UTF-8"),
            "--as",
            "wang",
        ])
        .args(["user", "add", user, "--role", role])
        .status()
        .expect("user add runs");
    assert!(status.success(), "user add {user} failed: {status:?}");
}

/// A plain SQLite connection to `db` for a test that changes data around the app, with
/// the two functions the audit triggers call (who, and when) given as the app would.
pub fn raw_connection(db: &Path) -> rusqlite::Connection {
    let conn = rusqlite::Connection::open(db).expect("open");
    for (name, value) in [
        ("tiaojie_now", "2026-11-28T09:00:00+08:00"),
        ("tiaojie_user", "test"),
    ] {
        conn.create_scalar_function(
            name,
            0,
            rusqlite::functions::FunctionFlags::SQLITE_UTF8,
            move |_| Ok(value.to_string()),
        )
        .expect("function");
    }
    conn.create_scalar_function(
        "tiaojie_row_audit",
        0,
        rusqlite::functions::FunctionFlags::SQLITE_UTF8,
        |_| Ok(true),
    )
    .expect("function");
    conn
}

/// From the first screen (今日) to the case list, whose key bar has the sort key F6.
pub fn open_case_list(app: &PtyApp) {
    app.see("今日");
    app.key(Key::Tab);
    app.see("F6");
}

/// On the case list: `n` opens the new-case form, and `facts` go into 纠纷简要情况 (three
/// fields down), seen on screen.
pub fn start_case(app: &PtyApp, facts: &str) {
    app.send_str("n");
    app.see("收案日期");
    for _ in 0..3 {
        app.key(Key::Tab);
    }
    app.send_str(facts);
    app.see(facts);
}

/// In the case form: one party by name (F7, the name, F2), seen in the list of parties.
pub fn add_party(app: &PtyApp, name: &str) {
    app.key(Key::F(7));
    app.see("身份证号");
    app.send_str(name);
    app.key(Key::F(2));
    app.see(name);
}

/// On the case list: registers a case of `facts` with one party, `party` (the new-case
/// form, the party dialog, F2), and waits for 案件已登记.
pub fn register_case(app: &PtyApp, facts: &str, party: &str) {
    start_case(app, facts);
    add_party(app, party);
    app.key(Key::F(2));
    app.see("案件已登记");
}

/// A room with one case of 王秀兰 and 张三 accepted today, mediated by 王建国 (the schedule
/// and visit tests start from it).
pub fn room_with_a_case(db: &Path) {
    let mut store = tiaojie::storage::Store::open(db).expect("create");
    // The room's clock (Beijing time), as the app reads today, whatever the machine keeps.
    let now = store.now().expect("the room's clock");
    let profile = tiaojie::domain::org::OrgProfile {
        room_name: "新华街道老王调解工作室".into(),
        committee_name: "临河区新华街道人民调解委员会".into(),
        number_prefix: "临新".into(),
        number_pattern: tiaojie::domain::org::DEFAULT_NUMBER_PATTERN.into(),
    };
    let org = store
        .create_organisation(&profile, "王建国", &now)
        .expect("room");
    let mediator = store.mediators(org.id).expect("mediators")[0].id;
    let mut fields = tiaojie::domain::case::CaseFields::blank(now.date_naive());
    fields.facts = "楼上漏水，损坏楼下吊顶".into();
    use tiaojie::domain::party::{Party, PartyKind, PartyRole};
    for name in ["王秀兰", "张三"] {
        let mut p = Party::new(PartyRole::Applicant, PartyKind::Person);
        p.name = name.into();
        fields.parties.push(p);
    }
    let case = store
        .create_case(org.id, &fields, "wang", &now)
        .expect("case");
    store
        .change_status(
            &org,
            case.id,
            case.version,
            tiaojie::domain::status::CaseStatus::Accepted,
            "",
            &[mediator],
            "wang",
            &now,
        )
        .expect("accepted");
}

//! End to end: SIGTERM and SIGHUP (an SSH connection that dropped) end the real binary
//! cleanly — it leaves the alternate screen, shows the cursor again, exits with 128 + the
//! signal, and the database keeps everything saved before.

#[path = "support/app.rs"]
mod app;
#[path = "support/pty.rs"]
mod pty;

use app::{demo_db, open_case_list, register_case, start, start_case};
use pty::{PtyApp, WAIT};
use std::path::Path;
use std::process::Command;

fn signal(app: &PtyApp, name: &str) {
    let pid = app.pid().expect("the child has a pid").to_string();
    let status = Command::new("kill")
        .args([&format!("-{name}"), &pid])
        .status()
        .expect("kill runs");
    assert!(status.success());
}

/// Sends `name`, waits for the exit, and checks the terminal was given back.
fn ends_cleanly(mut app: PtyApp, name: &str, code: u32) {
    signal(&app, name);
    let status = app.wait_exit(WAIT).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(status.exit_code(), code, "{name}: {status:?}");
    // The last bytes may still be on their way through the pty: wait for them (or for the
    // end of the output, after which the screen is final).
    app.wait_cells(|s| !s.alternate_screen() && !s.hide_cursor(), WAIT)
        .unwrap_or_else(|e| panic!("{name}: alternate screen or hidden cursor left: {e}"));
    assert!(
        app.plain_pen_at_exit(),
        "{name}: the prompt comes in colour"
    );
}

fn cases_in(db: &Path) -> (String, i64) {
    let conn = rusqlite::Connection::open(db).expect("open");
    let check: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .expect("integrity check");
    let count = conn
        .query_row("SELECT count(*) FROM cases", [], |r| r.get(0))
        .expect("count");
    (check, count)
}

#[test]
fn sigterm_on_the_list_restores_the_terminal_and_exits() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = demo_db(dir.path(), 20);
    let app = start(&db);
    open_case_list(&app);
    app.see("共 20 件");
    // One line down: the last cell written is the highlighted row's, in colour.
    let before = app.bytes_received();
    app.key(pty::Key::Down);
    app.wait_raw(|raw| raw.len() > before, WAIT);
    ends_cleanly(app, "TERM", 128 + 15);
    assert_eq!(cases_in(&db), ("ok".to_string(), 20));
}

#[test]
fn sighup_in_the_middle_of_a_form_keeps_what_was_saved() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = demo_db(dir.path(), 20);
    let app = start(&db);
    open_case_list(&app);
    app.see("共 20 件");
    start_case(&app, "楼上漏水，损坏楼下吊顶");
    ends_cleanly(app, "HUP", 128 + 1);
    // The half-typed form was never saved; the saved cases are all there.
    assert_eq!(cases_in(&db), ("ok".to_string(), 20));
}

#[test]
fn a_signal_while_idle_after_a_save_keeps_the_save() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = demo_db(dir.path(), 3);
    let app = start(&db);
    open_case_list(&app);
    app.see("共 3 件");
    register_case(&app, "楼上漏水", "张三");
    ends_cleanly(app, "TERM", 128 + 15);
    assert_eq!(cases_in(&db), ("ok".to_string(), 4));
}

/// The number of cases in a copy of the `.db` file alone, as a staff member copying the
/// room's file to a USB stick would carry it (without the `-wal` file beside it).
fn cases_in_the_file_alone(db: &Path) -> i64 {
    let dir = tempfile::tempdir().expect("temp dir");
    let copy = dir.path().join("copy.db");
    std::fs::copy(db, &copy).expect("copy");
    let conn = rusqlite::Connection::open(&copy).expect("open copy");
    conn.query_row("SELECT count(*) FROM cases", [], |r| r.get(0))
        .expect("count")
}

/// Issue 14: after a dropped SSH connection the `.db` file alone held nothing of the day's
/// work (it was all in `-wal`). The app copies the log into the file on its way out.
#[test]
fn after_a_dropped_connection_the_db_file_alone_holds_the_save() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = demo_db(dir.path(), 3);
    assert_eq!(cases_in_the_file_alone(&db), 3);
    let app = start(&db);
    open_case_list(&app);
    app.see("共 3 件");
    register_case(&app, "楼上漏水", "张三");
    ends_cleanly(app, "HUP", 128 + 1);
    assert_eq!(cases_in_the_file_alone(&db), 4);
}

/// And after an ordinary exit (F10), with another window still holding the file open, so
/// that SQLite's own checkpoint on close does not happen.
#[test]
fn after_quitting_the_db_file_alone_holds_the_save_while_another_window_is_open() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = demo_db(dir.path(), 3);
    let other = app::raw_connection(&db);
    let before: i64 = other
        .query_row("SELECT count(*) FROM cases", [], |r| r.get(0))
        .expect("the other window reads");
    assert_eq!(before, 3);
    let app = start(&db);
    open_case_list(&app);
    app.see("共 3 件");
    register_case(&app, "楼上漏水", "张三");
    app::quit(app);
    assert_eq!(cases_in_the_file_alone(&db), 4);
    drop(other);
}

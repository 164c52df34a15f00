//! Who did it, when no `$USER` says so (a service, a bare SSH command): the login comes
//! from the operating system's account database, never "unknown" (issue 14).

#[path = "support/app.rs"]
mod app;
#[path = "support/pty.rs"]
mod pty;

use app::bin;
use std::path::Path;
use std::process::Command;

/// This process's login as the system reports it.
fn os_login() -> String {
    let out = Command::new("id").arg("-un").output().expect("id runs");
    assert!(out.status.success());
    String::from_utf8(out.stdout)
        .expect("UTF-8")
        .trim()
        .to_string()
}

fn users(db: &Path) -> Vec<String> {
    let conn = rusqlite::Connection::open(db).expect("open");
    let mut stmt = conn
        .prepare("SELECT name FROM users ORDER BY id")
        .expect("query");
    stmt.query_map([], |r| r.get(0))
        .expect("rows")
        .collect::<Result<_, _>>()
        .expect("names")
}

fn without_user(cmd: &mut Command) -> &mut Command {
    cmd.env_remove("USER")
        .env_remove("LOGNAME")
        .env_remove("USERNAME")
}

#[test]
fn demo_without_user_makes_the_os_login_the_administrator_not_unknown() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("room.db");
    let status = without_user(Command::new(bin()).args(["--db", db.to_str().unwrap(), "demo"]))
        .args(["--cases", "3"])
        .status()
        .expect("demo runs");
    assert!(status.success());
    assert_eq!(users(&db), [os_login()]);
    // The same login, now with $USER set as a shell would, is the same administrator.
    let out = Command::new(bin())
        .args(["--db", db.to_str().unwrap(), "user", "list"])
        .env("USER", os_login())
        .output()
        .expect("user list runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(!text.contains("unknown"), "{text}");
}

#[test]
fn the_app_without_user_opens_as_the_os_login() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("room.db");
    let status = Command::new(bin())
        .args(["--db", db.to_str().unwrap(), "demo", "--cases", "3"])
        .env("USER", os_login())
        .status()
        .expect("demo runs");
    assert!(status.success());
    // The pty harness starts the app with our environment plus these: an empty value
    // says nothing, as a missing one does.
    let mut app = pty::PtyApp::spawn(
        bin(),
        &["--db", db.to_str().unwrap()],
        &[("USER", ""), ("LOGNAME", "")],
        80,
        24,
    )
    .expect("the app starts");
    app.see("今日");
    app.key(pty::Key::F(10));
    let status = app.wait_exit(pty::WAIT).unwrap_or_else(|e| panic!("{e}"));
    assert!(status.success(), "{status:?}");
    assert_eq!(users(&db), [os_login()]);
}

//! The terminals of the field: TERM=linux, screen, xterm, xterm-256color, NO_COLOR and the
//! ASCII mode, at 80×24 and 200×60, with rapid resizes down to a tiny window and back.
//! No panic, the screen comes back whole, and the terminal is restored on quit.

#[path = "support/pty.rs"]
mod pty;

use pty::{Key, PtyApp, WAIT};
use std::path::Path;

fn demo_db(dir: &Path) -> String {
    let path = dir.join("room.db");
    let mut store = tiaojie::storage::Store::open(&path).expect("open");
    let now = tiaojie::domain::zone::Zone::default().local(&chrono::Utc::now());
    tiaojie::cli::demo::fill_demo(&mut store, 60, 7, now).expect("demo");
    path.to_str().expect("UTF-8 path").to_string()
}

fn run_in(db: &str, env: &[(&str, &str)], extra: &[&str], cols: u16, rows: u16) {
    let bin = Path::new(env!("CARGO_BIN_EXE_tiaojie"));
    let mut args = vec!["--db", db];
    args.extend_from_slice(extra);
    let mut app = PtyApp::spawn(bin, &args, env, cols, rows).expect("spawn");
    app.see("F10");
    app.key(Key::Tab);
    app.see("F6");
    // A user dragging the window corner: many sizes, no waiting in between.
    for (c, r) in [
        (200, 60),
        (40, 10),
        (80, 24),
        (61, 17),
        (59, 15),
        (12, 3),
        (120, 40),
    ] {
        app.resize(c, r).expect("resize");
    }
    app.resize(cols, rows).expect("resize");
    app.wait_until(
        |s| s.contains("F6") && s.lines().count() == rows as usize,
        WAIT,
    )
    .unwrap_or_else(|e| panic!("{env:?} {extra:?}: {e}"));
    // One line down: the last cell written is the highlighted row's, in colour.
    let before = app.bytes_received();
    app.key(Key::Down);
    app.wait_raw(|raw| raw.len() > before, WAIT);
    app.key(Key::F(10));
    // The last bytes (leave the alternate screen, show the cursor) may still be on their
    // way when the process is gone: wait for them on the screen, not for the exit.
    app.wait_cells(|s| !s.alternate_screen() && !s.hide_cursor(), WAIT)
        .unwrap_or_else(|e| panic!("{env:?}: terminal not restored: {e}"));
    let status = app.wait_exit(WAIT).unwrap_or_else(|e| panic!("{e}"));
    assert!(status.success(), "{env:?}: {status:?}");
    assert!(
        app.plain_pen_at_exit(),
        "{env:?}: the prompt comes in colour"
    );
}

#[test]
fn every_term_survives_rapid_resizes_and_is_restored() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = demo_db(dir.path());
    for term in ["linux", "screen", "xterm", "xterm-256color"] {
        run_in(&db, &[("TERM", term)], &[], 80, 24);
    }
    run_in(&db, &[("TERM", "xterm-256color")], &[], 200, 60);
}

#[test]
fn no_color_and_ascii_mode_work_too() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = demo_db(dir.path());
    run_in(&db, &[("NO_COLOR", "1")], &[], 80, 24);
    run_in(
        &db,
        &[("TERM", "xterm")],
        &["--ascii", "--color", "none"],
        80,
        24,
    );
}

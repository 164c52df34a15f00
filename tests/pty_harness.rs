//! Tests of the pty harness itself, against small `/bin/sh` programs.
//! No sleeps: every step waits for something the program shows.

#[path = "support/pty.rs"]
mod pty;

use std::path::Path;
use std::time::{Duration, Instant};

use pty::{Key, PtyApp, WAIT};

fn sh(script: &str) -> PtyApp {
    sh_sized(script, &[], 80, 24)
}

fn sh_sized(script: &str, env: &[(&str, &str)], cols: u16, rows: u16) -> PtyApp {
    PtyApp::spawn(Path::new("/bin/sh"), &["-c", script], env, cols, rows)
        .expect("spawn /bin/sh in a pty")
}

#[test]
fn chinese_text_comes_out_without_spaces_and_a_line_goes_in() {
    let mut app = sh(r#"printf '\033[2J\033[H案件登记 ok'; read line; printf 'got:%s' "$line""#);
    let screen = app.see("案件登记 ok");
    assert_eq!(screen, "案件登记 ok");
    // Four wide characters take eight columns.
    assert_eq!(app.cursor_position(), (0, 11));
    app.screen(|s| {
        let first = s.cell(0, 0).expect("cell 0,0");
        assert_eq!(first.contents(), "案");
        assert!(first.is_wide());
        let second = s.cell(0, 1).expect("cell 0,1");
        assert!(second.is_wide_continuation());
        assert_eq!(second.contents(), "");
        assert_eq!(s.cell(0, 2).expect("cell 0,2").contents(), "件");
    });
    assert!(app.bytes_received() >= "案件登记 ok".len());

    app.send_str("张三");
    app.key(Key::Enter);
    let screen = app.see("got:张三");
    // The tty echoed the typed line after the prompt.
    assert_eq!(screen, "案件登记 ok张三\ngot:张三");
    let status = app.wait_exit(WAIT).unwrap();
    assert!(status.success(), "{status:?}");
}

#[test]
fn wait_until_takes_any_condition() {
    let app = sh("printf 'one\\ntwo\\nthree'; read x");
    let screen = app.wait_until(|s| s.lines().count() == 3, WAIT).unwrap();
    assert_eq!(screen, "one\ntwo\nthree");
}

#[test]
fn exit_status_is_reported() {
    let mut app = sh("printf bye; exit 3");
    let status = app.wait_exit(WAIT).unwrap();
    assert!(!status.success());
    assert_eq!(status.exit_code(), 3);
    // The reader keeps everything the program wrote before it exited.
    assert_eq!(app.wait_for("bye", WAIT).unwrap(), "bye");
}

#[test]
fn a_timeout_shows_the_screen() {
    let app = sh("printf 'hello 屏幕'; read x");
    app.see("hello 屏幕");
    let err = app
        .wait_for("never shown", Duration::from_millis(200))
        .unwrap_err();
    assert!(err.contains("\"never shown\" on screen"), "{err}");
    assert!(err.contains("timed out"), "{err}");
    assert!(err.contains("-----\nhello 屏幕\n-----"), "{err}");
    let err = app
        .wait_until(|_| false, Duration::from_millis(10))
        .unwrap_err();
    assert!(err.contains("hello 屏幕"), "{err}");
}

#[test]
fn waiting_stops_when_the_program_has_exited() {
    let app = sh("printf 'last words'");
    let started = Instant::now();
    let err = app
        .wait_for("never shown", Duration::from_secs(60))
        .unwrap_err();
    assert!(err.contains("the program closed the terminal"), "{err}");
    assert!(err.contains("last words"), "{err}");
    assert!(started.elapsed() < Duration::from_secs(60));
}

#[test]
#[should_panic(
    expected = "the program closed the terminal after 10s (4 bytes received); screen:\n-----\ngone\n-----"
)]
fn see_panics_with_the_screen() {
    let app = sh("printf gone");
    app.see("never shown");
}

#[test]
fn wait_exit_times_out_on_a_running_program() {
    let mut app = sh("printf running; read x");
    app.see("running");
    let err = app.wait_exit(Duration::from_millis(100)).unwrap_err();
    assert!(
        err.contains("still running") && err.contains("running\n-----"),
        "{err}"
    );
}

#[test]
fn resize_changes_the_pty_and_the_screen() {
    let app = sh("stty size; read x; stty size; read x");
    app.see("24 80");
    app.resize(100, 30).unwrap();
    assert_eq!(app.screen(|s| s.size()).0.get(), 30);
    app.key(Key::Enter);
    app.see("30 100");
    assert!(app.resize(0, 10).is_err());
}

#[test]
fn resize_sends_sigwinch() {
    let app = sh("trap 'stty size; exit 0' WINCH; echo ready; while :; do sleep 0.05; done");
    app.see("ready");
    app.resize(60, 20).unwrap();
    app.see("20 60");
}

#[test]
fn keys_arrive_as_xterm_sends_them() {
    let app = sh("stty raw -echo; printf 'ready\\r\\n'; head -c 19 | od -An -tx1");
    app.see("ready");
    for key in [
        Key::F(1),
        Key::F(12),
        Key::Ctrl('c'),
        Key::BackTab,
        Key::Up,
        Key::Backspace,
        Key::Esc,
    ] {
        app.key(key);
    }
    app.send_str("é");
    let screen = app.see("a9");
    let hex: Vec<&str> = screen
        .lines()
        .skip(1)
        .flat_map(str::split_whitespace)
        .collect();
    assert_eq!(
        hex.join(" "),
        "1b 4f 50 1b 5b 32 34 7e 03 1b 5b 5a 1b 5b 41 7f 1b c3 a9"
    );
}

#[test]
fn key_encodings() {
    assert_eq!(Key::Enter.bytes(false), b"\r");
    assert_eq!(Key::Tab.bytes(false), b"\t");
    assert_eq!(Key::Esc.bytes(false), b"\x1b");
    assert_eq!(Key::F(4).bytes(false), b"\x1bOS");
    assert_eq!(Key::F(5).bytes(false), b"\x1b[15~");
    assert_eq!(Key::F(11).bytes(false), b"\x1b[23~");
    assert_eq!(Key::PageDown.bytes(false), b"\x1b[6~");
    assert_eq!(Key::Delete.bytes(false), b"\x1b[3~");
    assert_eq!(Key::Home.bytes(false), b"\x1b[H");
    assert_eq!(Key::End.bytes(true), b"\x1bOF");
    assert_eq!(Key::Left.bytes(true), b"\x1bOD");
    assert_eq!(Key::Ctrl('a').bytes(false), [1]);
    assert_eq!(Key::Ctrl('Z').bytes(false), [26]);
    assert_eq!(Key::Ctrl('[').bytes(false), [27]);
    assert_eq!(Key::Ctrl(' ').bytes(false), [0]);
}

#[test]
fn terminal_queries_are_answered() {
    let app = sh(
        r"stty raw -echo; printf '\033[3;5H\033[6n'; head -c 6 | tr '\033' E; printf '\033[c'; head -c 9 | tr '\033' E",
    );
    let screen = app.see("E[?62;22c");
    assert!(screen.contains("E[3;5R"), "{screen}");
}

#[test]
fn environment_and_directory() {
    let script = r#"printf '%s|%s|%s|%s' "$TERM" "$LANG" "$FOO" "$(pwd)"; read x"#;
    let cwd = std::env::current_dir().unwrap();
    let app = sh_sized(script, &[("FOO", "bar")], 200, 5);
    app.wait_for(
        &format!("xterm-256color|C.UTF-8|bar|{}", cwd.display()),
        WAIT,
    )
    .unwrap();
    let app = sh_sized(script, &[("TERM", "dumb")], 200, 5);
    app.see("dumb|C.UTF-8||");
}

#[test]
fn drop_kills_the_program() {
    let app = sh("printf 'pid:%s;' $$; while :; do read x; done");
    let screen = app.see(";");
    let pid = screen
        .trim_start_matches("pid:")
        .trim_end_matches(';')
        .to_string();
    let proc_dir = Path::new("/proc").join(&pid);
    assert!(proc_dir.exists(), "{pid}");
    drop(app);
    assert!(!proc_dir.exists(), "pid {pid} still there after drop");
}

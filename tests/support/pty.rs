//! Drive a real program in a pseudo-terminal and read its screen through vt100.
//!
//! Include it from an integration test file (`tests/foo.rs`) like this:
//!
//! ```ignore
//! #[path = "support/pty.rs"]
//! mod pty;
//! use pty::{Key, PtyApp};
//! ```
//!
//! Cargo builds only the top-level files of `tests/` as test crates, so this
//! file is never a test of its own. Every wait takes a timeout; a wait that
//! fails returns `Err` with the whole screen in the message. `.unwrap()` would
//! print that message escaped on one line: use `see(needle)`, which panics
//! with the screen laid out, or `.unwrap_or_else(|e| panic!("{e}"))`.
//!
//! Screen text: one line per screen row, trailing blanks trimmed, trailing
//! empty rows dropped. vt100 stores a wide (CJK) character in one cell and an
//! empty continuation cell after it, and skips that cell when it makes text,
//! so "案件登记" comes out without spaces between the characters. When a
//! full-screen app quits it leaves the alternate screen, and the screen text
//! is then the (usually empty) main screen again.
#![allow(dead_code)] // each test file uses only part of the harness

use std::io::{self, Read, Write};
use std::num::NonZeroU16;
use std::path::Path;
use std::sync::{Arc, Condvar, Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

pub use portable_pty::ExitStatus;

/// A generous default wait: CI machines have two busy cores.
pub const WAIT: Duration = Duration::from_secs(10);

/// A key, encoded as xterm sends it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Key {
    Enter,
    Tab,
    BackTab,
    /// A lone ESC. Before sending more keys, wait for the screen to show its
    /// effect: crossterm reads ESC followed by more bytes as one sequence.
    Esc,
    Up,
    Down,
    Left,
    Right,
    PageUp,
    PageDown,
    Home,
    End,
    Backspace,
    Delete,
    /// F1 ..= F12.
    F(u8),
    /// Ctrl + an ASCII letter or one of `@[\]^_` and space.
    Ctrl(char),
}

impl Key {
    /// The bytes of the key; `app_cursor` is the terminal's DECCKM mode,
    /// in which the arrows, Home and End are sent as `ESC O x`.
    pub fn bytes(self, app_cursor: bool) -> Vec<u8> {
        let csi_or_ss3 = |c: char| format!("{}{c}", if app_cursor { "\x1bO" } else { "\x1b[" });
        let s = match self {
            Key::Enter => "\r".to_string(),
            Key::Tab => "\t".to_string(),
            Key::BackTab => "\x1b[Z".to_string(),
            Key::Esc => "\x1b".to_string(),
            Key::Up => csi_or_ss3('A'),
            Key::Down => csi_or_ss3('B'),
            Key::Right => csi_or_ss3('C'),
            Key::Left => csi_or_ss3('D'),
            Key::Home => csi_or_ss3('H'),
            Key::End => csi_or_ss3('F'),
            Key::PageUp => "\x1b[5~".to_string(),
            Key::PageDown => "\x1b[6~".to_string(),
            Key::Backspace => "\x7f".to_string(),
            Key::Delete => "\x1b[3~".to_string(),
            Key::F(n @ 1..=4) => format!("\x1bO{}", char::from(b'P' + n - 1)),
            Key::F(n @ 5..=12) => {
                let code = [15, 17, 18, 19, 20, 21, 23, 24][usize::from(n - 5)];
                format!("\x1b[{code}~")
            }
            Key::F(n) => panic!("Key::F({n}): only F1..=F12 exist"),
            Key::Ctrl(' ') => "\0".to_string(),
            Key::Ctrl(c @ ('a'..='z' | '@'..='_')) => {
                char::from(c.to_ascii_uppercase() as u8 & 0x1f).to_string()
            }
            Key::Ctrl(c) => panic!("Key::Ctrl({c:?}) has no control code"),
        };
        s.into_bytes()
    }
}

/// Answers to the queries a terminal program may block on at start-up:
/// cursor position (`CSI 6 n`) and primary device attributes (`CSI c`,
/// which crossterm's keyboard-enhancement check waits for).
#[derive(Default)]
struct Replies(Vec<u8>);

impl vt100::Callbacks for Replies {
    fn unhandled_csi(
        &mut self,
        screen: &mut vt100::Screen,
        i1: Option<u8>,
        _i2: Option<u8>,
        params: &[&[u16]],
        c: char,
    ) {
        let first = params.first().and_then(|p| p.first()).copied().unwrap_or(0);
        match (i1, c, first) {
            (None, 'n', 6) => {
                let (row, col) = screen.cursor_position();
                self.0
                    .extend(format!("\x1b[{};{}R", row + 1, col + 1).bytes());
            }
            (None, 'c', 0) => self.0.extend(b"\x1b[?62;22c"),
            _ => {}
        }
    }
}

struct Term {
    parser: vt100::Parser<Replies>,
    bytes: usize,
    /// Everything the program wrote, as written (what the screen does not keep: a
    /// terminal printer's media-copy envelope).
    raw: Vec<u8>,
    eof: bool,
}

type Shared = Arc<(Mutex<Term>, Condvar)>;
type Writer = Arc<Mutex<Box<dyn Write + Send>>>;

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(PoisonError::into_inner)
}

/// The pty size and the vt100 size (rows, cols) for `cols` x `rows`.
fn sizes(cols: u16, rows: u16) -> io::Result<(PtySize, NonZeroU16, NonZeroU16)> {
    let (Some(r), Some(c)) = (NonZeroU16::new(rows), NonZeroU16::new(cols)) else {
        return Err(io::Error::new(io::ErrorKind::InvalidInput, "size 0"));
    };
    let mut pty = PtySize::default();
    (pty.cols, pty.rows) = (cols, rows);
    Ok((pty, r, c))
}

/// Feed the program's output to the screen until EOF, waking the waiters
/// after each chunk and answering the terminal queries it contained.
fn read_loop(mut reader: Box<dyn Read + Send>, shared: Shared, writer: Writer) {
    let mut buf = [0u8; 8192];
    loop {
        let n = match reader.read(&mut buf) {
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Ok(n) => n,
            // Linux reports EIO once the child side is closed — sometimes before the last
            // bytes the child wrote (leaving the alternate screen) have reached the master.
            Err(_) => read_after_close(&mut reader, &mut buf),
        };
        let (term, cvar) = &*shared;
        let mut t = lock(term);
        t.eof = n == 0;
        t.bytes += n;
        t.raw.extend_from_slice(&buf[..n]);
        t.parser.process(&buf[..n]);
        let replies = std::mem::take(&mut t.parser.callbacks_mut().0);
        drop(t);
        cvar.notify_all();
        if n == 0 {
            return;
        }
        if !replies.is_empty() {
            let mut w = lock(&writer);
            let _ = w.write_all(&replies).and_then(|()| w.flush());
        }
    }
}

/// After the first EIO, asks a few more times, a few milliseconds apart: the kernel may
/// still be moving the child's last output into the master. 0 when nothing more comes.
/// (A bounded retry at the very end of a program's life; no test waits on it.)
fn read_after_close(reader: &mut Box<dyn Read + Send>, buf: &mut [u8]) -> usize {
    for _ in 0..10 {
        std::thread::sleep(Duration::from_millis(3));
        if let Ok(n) = reader.read(buf) {
            return n;
        }
    }
    0
}

fn screen_text(screen: &vt100::Screen) -> String {
    let cols = screen.size().1.get();
    let rows: Vec<String> = screen
        .rows(0, cols)
        .map(|r| r.trim_end().to_string())
        .collect();
    rows.join("\n").trim_end_matches('\n').to_string()
}

/// A program running in a pseudo-terminal; dropping it kills the program.
pub struct PtyApp {
    shared: Shared,
    writer: Writer,
    master: Box<dyn MasterPty + Send>,
    child: Box<dyn Child + Send + Sync>,
}

impl PtyApp {
    /// Start `program` in a `cols` x `rows` terminal, in the current directory,
    /// with TERM=xterm-256color and LANG=C.UTF-8 unless `env` sets them.
    pub fn spawn(
        program: &Path,
        args: &[&str],
        env: &[(&str, &str)],
        cols: u16,
        rows: u16,
    ) -> io::Result<PtyApp> {
        let (pty_size, nz_rows, nz_cols) = sizes(cols, rows)?;
        let pair = native_pty_system()
            .openpty(pty_size)
            .map_err(io::Error::other)?;
        let mut cmd = CommandBuilder::new(program);
        cmd.args(args);
        // portable-pty would otherwise start the program in $HOME.
        cmd.cwd(std::env::current_dir()?);
        for var in ["COLUMNS", "LINES"] {
            cmd.env_remove(var); // the pty size is the truth
        }
        cmd.env("TERM", "xterm-256color");
        cmd.env("LANG", "C.UTF-8");
        for (k, v) in env {
            cmd.env(k, v);
        }
        let child = pair.slave.spawn_command(cmd).map_err(io::Error::other)?;
        drop(pair.slave); // else the reader never sees EOF when the child exits
        let reader = pair.master.try_clone_reader().map_err(io::Error::other)?;
        let writer = pair.master.take_writer().map_err(io::Error::other)?;
        let writer: Writer = Arc::new(Mutex::new(writer));
        let parser = vt100::Parser::new_with_callbacks(nz_rows, nz_cols, 0, Replies::default());
        let term = Term {
            parser,
            bytes: 0,
            raw: Vec::new(),
            eof: false,
        };
        let shared: Shared = Arc::new((Mutex::new(term), Condvar::new()));
        let (thread_shared, thread_writer) = (Arc::clone(&shared), Arc::clone(&writer));
        std::thread::Builder::new()
            .name("pty-reader".into())
            .spawn(move || read_loop(reader, thread_shared, thread_writer))?;
        Ok(PtyApp {
            shared,
            writer,
            master: pair.master,
            child,
        })
    }

    /// Wait until the screen contains `needle`; returns the screen text.
    pub fn wait_for(&self, needle: &str, timeout: Duration) -> Result<String, String> {
        self.wait_screen(
            &format!("{needle:?} on screen"),
            |s| screen_text(s).contains(needle),
            timeout,
        )
    }

    /// `wait_for(needle, WAIT)`, panicking with a readable screen on failure.
    #[track_caller]
    pub fn see(&self, needle: &str) -> String {
        self.wait_for(needle, WAIT)
            .unwrap_or_else(|e| panic!("{e}"))
    }

    /// Wait until `pred(screen text)` holds; returns the screen text.
    pub fn wait_until(
        &self,
        pred: impl Fn(&str) -> bool,
        timeout: Duration,
    ) -> Result<String, String> {
        self.wait_screen(
            "condition on the screen",
            |s| pred(&screen_text(s)),
            timeout,
        )
    }

    /// Wait until `pred` holds for the vt100 screen itself (cells, colours). The screen is
    /// locked while `pred` runs, so `pred` must not call back into this `PtyApp`.
    pub fn wait_cells(
        &self,
        pred: impl Fn(&vt100::Screen) -> bool,
        timeout: Duration,
    ) -> Result<String, String> {
        self.wait_screen("condition on the screen's cells", pred, timeout)
    }

    fn wait_screen(
        &self,
        what: &str,
        pred: impl Fn(&vt100::Screen) -> bool,
        timeout: Duration,
    ) -> Result<String, String> {
        let deadline = Instant::now() + timeout;
        let (term, cvar) = &*self.shared;
        let mut t = lock(term);
        loop {
            let text = screen_text(t.parser.screen());
            if pred(t.parser.screen()) {
                return Ok(text);
            }
            let now = Instant::now();
            let why = if t.eof {
                "the program closed the terminal"
            } else if now >= deadline {
                "timed out"
            } else {
                t = cvar
                    .wait_timeout(t, deadline - now)
                    .unwrap_or_else(PoisonError::into_inner)
                    .0;
                continue;
            };
            return Err(format!(
                "waiting for {what}: {why} after {timeout:?} ({} bytes received); screen:\n{}",
                t.bytes,
                frame(&text)
            ));
        }
    }

    /// Write raw bytes to the program's terminal input. Keep it small: the
    /// pty holds about 4 KiB that the program has not read, then writes block.
    pub fn send(&self, bytes: &[u8]) {
        let mut w = lock(&self.writer);
        w.write_all(bytes)
            .and_then(|()| w.flush())
            .expect("write to the pty");
    }

    /// Type text; its UTF-8 bytes arrive as an IME would send them.
    pub fn send_str(&self, s: &str) {
        self.send(s.as_bytes());
    }

    /// Press one key (each key is its own write).
    pub fn key(&self, key: Key) {
        let app_cursor = self.screen(|s| s.application_cursor());
        self.send(&key.bytes(app_cursor));
    }

    /// Resize the terminal; the program gets SIGWINCH.
    pub fn resize(&self, cols: u16, rows: u16) -> io::Result<()> {
        let (pty_size, nz_rows, nz_cols) = sizes(cols, rows)?;
        lock(&self.shared.0).parser.set_size(nz_rows, nz_cols);
        self.master.resize(pty_size).map_err(io::Error::other)
    }

    /// Wait for the program to exit.
    pub fn wait_exit(&mut self, timeout: Duration) -> Result<ExitStatus, String> {
        let deadline = Instant::now() + timeout;
        loop {
            match self.child.try_wait() {
                Ok(Some(status)) => return Ok(status),
                Ok(None) => {}
                Err(e) => return Err(format!("waiting for the program: {e}")),
            }
            let now = Instant::now();
            if now >= deadline {
                let text = self.screen_text();
                return Err(format!(
                    "program still running after {timeout:?}; screen:\n{}",
                    frame(&text)
                ));
            }
            // Output or EOF wakes us; after EOF the exit is a moment away.
            let (term, cvar) = &*self.shared;
            let t = lock(term);
            let park = Duration::from_millis(if t.eof { 2 } else { 50 });
            drop(cvar.wait_timeout(t, park.min(deadline - now)));
        }
    }

    /// The program's process id (for reading its memory and CPU use).
    pub fn pid(&self) -> Option<u32> {
        self.child.process_id()
    }

    /// Wait until `pred` holds for the raw bytes the program has written so far; returns
    /// them.
    pub fn wait_raw(&self, pred: impl Fn(&[u8]) -> bool, timeout: Duration) -> Vec<u8> {
        let deadline = Instant::now() + timeout;
        let (term, cvar) = &*self.shared;
        let mut t = lock(term);
        loop {
            if pred(&t.raw) {
                return t.raw.clone();
            }
            let now = Instant::now();
            assert!(
                !t.eof && now < deadline,
                "waiting for raw bytes: {} received, none matched; screen:\n{}",
                t.bytes,
                frame(&screen_text(t.parser.screen()))
            );
            t = cvar
                .wait_timeout(t, deadline - now)
                .unwrap_or_else(PoisonError::into_inner)
                .0;
        }
    }

    /// Whether the terminal writes with its own colours after the program ended, as on a
    /// terminal without an alternate screen (the Linux console): leaving the alternate
    /// screen brings back the old colours on xterm-like terminals (and in vt100), which
    /// would hide a pen the program left in colour. Call after the program has exited.
    pub fn plain_pen_at_exit(&self) -> bool {
        let t = lock(&self.shared.0);
        let (rows, cols) = t.parser.screen().size();
        let mut p = vt100::Parser::new(rows, cols, 0);
        // Every switch of the alternate screen left out (with its final letter, h or l).
        const SWITCH: &[u8] = b"\x1b[?1049";
        let mut rest = &t.raw[..];
        while let Some(at) = rest.windows(SWITCH.len()).position(|w| w == SWITCH) {
            p.process(&rest[..at]);
            rest = rest.get(at + SWITCH.len() + 1..).unwrap_or(&[]);
        }
        p.process(rest);
        let s = p.screen();
        s.fgcolor() == vt100::Color::Default
            && s.bgcolor() == vt100::Color::Default
            && !s.bold()
            && !s.inverse()
            && !s.underline()
    }

    /// All bytes the program has written so far.
    pub fn bytes_received(&self) -> usize {
        lock(&self.shared.0).bytes
    }

    /// The screen now: one line per row, trailing blanks trimmed.
    pub fn screen_text(&self) -> String {
        self.screen(screen_text)
    }

    /// Cursor (row, col), zero-based.
    pub fn cursor_position(&self) -> (u16, u16) {
        self.screen(|s| s.cursor_position())
    }

    /// Look at the vt100 screen directly (cells, colours, modes).
    pub fn screen<T>(&self, f: impl FnOnce(&vt100::Screen) -> T) -> T {
        f(lock(&self.shared.0).parser.screen())
    }
}

/// The screen between rulers, so blank rows and edges show in a failure.
fn frame(text: &str) -> String {
    format!("-----\n{text}\n-----")
}

impl Drop for PtyApp {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill(); // SIGHUP, then SIGKILL after ~200 ms
            let _ = self.child.wait();
        }
    }
}

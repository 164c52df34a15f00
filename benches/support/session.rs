//! A light pseudo-terminal session for the load test: the program's output is counted and
//! kept as bytes, never parsed into a screen (a hundred vt100 screens would load the
//! machine more than the programs measured). It answers the two terminal queries the app
//! may wait on at start-up, as `tests/support/pty.rs` does.
#![allow(dead_code)] // the load test uses part of it in quick mode

use std::io::{Read, Write};
use std::path::Path;
use std::sync::{Arc, Condvar, Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

/// What the reader thread has seen so far.
struct Seen {
    raw: Vec<u8>,
    /// When the last chunk arrived.
    last: Instant,
    eof: bool,
}

type Shared = Arc<(Mutex<Seen>, Condvar)>;
type Writer = Arc<Mutex<Box<dyn Write + Send>>>;

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(PoisonError::into_inner)
}

/// One program in an 80×24 pseudo-terminal; dropping it kills the program.
pub struct Session {
    shared: Shared,
    writer: Writer,
    // Kept (in a mutex, for Sync) so the terminal stays open while the program runs.
    _master: Mutex<Box<dyn MasterPty + Send>>,
    child: Box<dyn Child + Send + Sync>,
}

/// Where a cursor-position query (`CSI 6 n`) or a device-attributes query (`CSI c`)
/// ends in `chunk`, with the reply. The cursor is reported at the top left: the app
/// asks only to learn that the terminal answers.
fn replies(chunk: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    for w in chunk.windows(4) {
        if w == b"\x1b[6n" {
            out.extend_from_slice(b"\x1b[1;1R");
        }
    }
    for (i, w) in chunk.windows(3).enumerate() {
        if w == b"\x1b[c" || (w == b"\x1b[0" && chunk.get(i + 3) == Some(&b'c')) {
            out.extend_from_slice(b"\x1b[?62;22c");
        }
    }
    out
}

fn read_loop(mut reader: Box<dyn Read + Send>, shared: Shared, writer: Writer) {
    let mut buf = [0u8; 16384];
    loop {
        let n = match reader.read(&mut buf) {
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Ok(n) => n,
            Err(_) => 0,
        };
        let (seen, cvar) = &*shared;
        let mut s = lock(seen);
        s.eof = n == 0;
        s.last = Instant::now();
        s.raw.extend_from_slice(&buf[..n]);
        drop(s);
        cvar.notify_all();
        if n == 0 {
            return;
        }
        let answer = replies(&buf[..n]);
        if !answer.is_empty() {
            let mut w = lock(&writer);
            let _ = w.write_all(&answer).and_then(|()| w.flush());
        }
    }
}

/// `needle` occurs in `hay`.
pub fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

impl Session {
    /// Starts `program args` at 80×24 with TERM=xterm-256color, LANG=C.UTF-8 and `env`.
    pub fn spawn(program: &Path, args: &[&str], env: &[(&str, &str)]) -> std::io::Result<Self> {
        let size = PtySize {
            rows: 24,
            cols: 80,
            ..PtySize::default()
        };
        let pair = native_pty_system()
            .openpty(size)
            .map_err(std::io::Error::other)?;
        let mut cmd = CommandBuilder::new(program);
        cmd.args(args);
        cmd.cwd(std::env::current_dir()?);
        for var in ["COLUMNS", "LINES"] {
            cmd.env_remove(var);
        }
        cmd.env("TERM", "xterm-256color");
        cmd.env("LANG", "C.UTF-8");
        for (k, v) in env {
            cmd.env(k, v);
        }
        let child = pair
            .slave
            .spawn_command(cmd)
            .map_err(std::io::Error::other)?;
        drop(pair.slave);
        let reader = pair
            .master
            .try_clone_reader()
            .map_err(std::io::Error::other)?;
        let writer: Writer = Arc::new(Mutex::new(
            pair.master.take_writer().map_err(std::io::Error::other)?,
        ));
        let seen = Seen {
            raw: Vec::new(),
            last: Instant::now(),
            eof: false,
        };
        let shared: Shared = Arc::new((Mutex::new(seen), Condvar::new()));
        let (s, w) = (Arc::clone(&shared), Arc::clone(&writer));
        std::thread::Builder::new()
            .name("load-reader".into())
            .stack_size(64 * 1024)
            .spawn(move || read_loop(reader, s, w))?;
        Ok(Session {
            shared,
            writer,
            _master: Mutex::new(pair.master),
            child,
        })
    }

    /// Writes `bytes` to the program's terminal input.
    pub fn send(&self, bytes: &[u8]) {
        let mut w = lock(&self.writer);
        let _ = w.write_all(bytes).and_then(|()| w.flush());
    }

    /// How many bytes the program has written so far.
    pub fn len(&self) -> usize {
        lock(&self.shared.0).raw.len()
    }

    /// The bytes written from `from` on.
    pub fn since(&self, from: usize) -> Vec<u8> {
        let s = lock(&self.shared.0);
        s.raw.get(from..).unwrap_or_default().to_vec()
    }

    /// Waits until the bytes written from `from` on contain `needle`; false on timeout or
    /// when the program closed its terminal.
    pub fn wait_text(&self, from: usize, needle: &str, timeout: Duration) -> bool {
        let deadline = Instant::now() + timeout;
        let (seen, cvar) = &*self.shared;
        let mut s = lock(seen);
        loop {
            if s.raw
                .get(from..)
                .is_some_and(|b| contains(b, needle.as_bytes()))
            {
                return true;
            }
            let now = Instant::now();
            if s.eof || now >= deadline {
                return false;
            }
            s = cvar
                .wait_timeout(s, deadline - now)
                .unwrap_or_else(PoisonError::into_inner)
                .0;
        }
    }

    /// The answer to what was sent when `from` bytes had arrived: waits for the first byte
    /// after `from`, then until nothing more comes for `quiet`. Returns when the last byte
    /// of that answer arrived, or None when nothing came within `timeout`.
    pub fn answer(&self, from: usize, quiet: Duration, timeout: Duration) -> Option<Instant> {
        let deadline = Instant::now() + timeout;
        let (seen, cvar) = &*self.shared;
        let mut s = lock(seen);
        loop {
            let now = Instant::now();
            if s.raw.len() > from && now >= s.last + quiet {
                return Some(s.last);
            }
            if s.eof || now >= deadline {
                return (s.raw.len() > from).then_some(s.last);
            }
            let wake = if s.raw.len() > from {
                s.last + quiet
            } else {
                deadline
            };
            s = cvar
                .wait_timeout(s, wake.saturating_duration_since(now))
                .unwrap_or_else(PoisonError::into_inner)
                .0;
        }
    }

    /// The program's process id.
    pub fn pid(&self) -> Option<u32> {
        self.child.process_id()
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

//! SIGHUP (the SSH connection dropped) and SIGTERM (shutdown, `kill`): restore the
//! terminal and leave, between two pieces of work, never in the middle of one.
//!
//! The event loop blocks in crossterm's read, which nothing outside can wake, so the loop
//! does not handle the signal itself: a dedicated thread waits for it (signal-hook's
//! iterator, which does the async-signal-safe part in its handler), then takes the same
//! lock the loop holds while it runs effects and draws. It therefore gets it only while
//! the loop waits for input: no transaction is open (each write is one transaction,
//! committed before its effect returns) and no frame is half written. Then it restores
//! the terminal, copies the write-ahead log into the `.db` file (so the file alone, copied
//! to a USB stick, holds every save) and exits. Exiting there is what a crash between
//! transactions would do, and SQLite (WAL) keeps every committed change through that.
//!
//! Windows has neither signal: closing the console ends the process, which is again what
//! a crash between transactions would do, so there `install` does nothing.

use std::sync::{Mutex, MutexGuard, PoisonError};

/// Held by the event loop whenever it is not waiting for input.
static BUSY: Mutex<()> = Mutex::new(());

/// The lock the event loop holds while it works (a panic while holding it changes nothing).
pub fn busy() -> MutexGuard<'static, ()> {
    BUSY.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Starts the thread that turns SIGHUP and SIGTERM into a clean exit; `restore` puts the
/// terminal back as it was, then `leave` does what must be done before the exit.
#[cfg(unix)]
pub fn install(restore: fn(), leave: Box<dyn FnOnce() + Send>) -> std::io::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGTERM};
    use signal_hook::iterator::Signals;
    let mut signals = Signals::new([SIGHUP, SIGTERM])?;
    std::thread::Builder::new()
        .name("signals".into())
        .spawn(move || {
            if let Some(signal) = signals.forever().next() {
                let _idle = busy();
                crate::log::error(&format!("signal {signal}: leaving"));
                restore();
                leave();
                // 128 + the signal, as a shell reports a program ended by it.
                std::process::exit(128 + signal);
            }
        })?;
    Ok(())
}

/// Windows: nothing to install (see the module's note).
#[cfg(not(unix))]
pub fn install(_restore: fn(), _leave: Box<dyn FnOnce() + Send>) -> std::io::Result<()> {
    Ok(())
}

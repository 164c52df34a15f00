//! The daily copy in `<db folder>/backups/`, made beside the running app and never in its
//! way: one process at a time claims the day's copy (an OS lock on a small file, let go
//! even when a process dies), and the copy is taken from one read snapshot in small steps
//! with pauses between, so the app's own reads and other writers go on meanwhile (WAL).
//! The last N copies are kept.

use super::backup::{daily_name, outdated};
use super::{BUSY_TIMEOUT, StorageError, Store, create_private, create_private_dir};
use chrono::NaiveDate;
use rusqlite::Connection;
use rusqlite::backup::{Backup, StepResult};
use std::fs::{File, TryLockError};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// The file whose lock says "a daily copy is being made" (removed when it is done).
const LOCK_NAME: &str = "tiaojie-daily.lock";

/// How fast a copy goes: `pages` database pages per step, then a pause.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pace {
    /// Pages copied per step (4 KiB each).
    pub pages: i32,
    /// The pause after each step, in which the disk is left to others.
    pub pause: Duration,
}

impl Pace {
    /// Beside the app: 1 MiB a step, then a short rest — about a third of the disk's time
    /// on an old machine, so a 1 GB file takes a minute or two and nobody notices.
    pub const BESIDE_THE_APP: Pace = Pace {
        pages: 256,
        pause: Duration::from_millis(20),
    };
}

/// The right to make the day's copy, held by one process at a time; dropped, it lets go
/// of the lock and removes the lock file.
#[derive(Debug)]
pub struct DailyClaim {
    lock: Option<File>,
    lock_path: PathBuf,
    dir: PathBuf,
    path: PathBuf,
}

impl DailyClaim {
    /// Where the day's copy goes.
    pub fn path(&self) -> &Path {
        &self.path
    }
}

impl Drop for DailyClaim {
    fn drop(&mut self) {
        // Removed before the lock is let go: a process that opened the old file still
        // finds the day's copy there once it gets the lock, and one that comes later
        // makes a new lock file.
        let _ = std::fs::remove_file(&self.lock_path);
        drop(self.lock.take());
    }
}

/// Claims the copy of `today` in `dir`: `None` when it exists already or another process
/// is making it now (that one finishes it; a second copy at the same time would only
/// double the disk's work).
pub fn claim(dir: &Path, today: NaiveDate) -> Result<Option<DailyClaim>, StorageError> {
    create_private_dir(dir)?;
    let path = dir.join(daily_name(today));
    if path.exists() {
        return Ok(None);
    }
    let lock_path = dir.join(LOCK_NAME);
    let io = |cause| StorageError::Open {
        path: lock_path.display().to_string(),
        cause,
    };
    create_private(&lock_path)?;
    let lock = File::options()
        .read(true)
        .write(true)
        .open(&lock_path)
        .map_err(io)?;
    match lock.try_lock() {
        Ok(()) => {}
        Err(TryLockError::WouldBlock) => return Ok(None),
        Err(TryLockError::Error(cause)) => return Err(io(cause)),
    }
    // Made by the process that held the lock just before.
    if path.exists() {
        return Ok(None);
    }
    Ok(Some(DailyClaim {
        lock: Some(lock),
        lock_path,
        dir: dir.to_path_buf(),
        path,
    }))
}

impl Store {
    /// The day's copy in `dir`, made if there is none yet for `today` and no other process
    /// is making it (the first start of the day); then only the newest `keep` copies are
    /// kept. Returns the new copy. A room not set up yet holds nothing worth copying.
    pub fn daily_backup(
        &self,
        dir: &Path,
        today: NaiveDate,
        keep: usize,
    ) -> Result<Option<PathBuf>, StorageError> {
        if self.organisation()?.is_none() {
            return Ok(None);
        }
        let Some(claim) = claim(dir, today)? else {
            return Ok(None);
        };
        self.make_daily(claim, keep, Pace::BESIDE_THE_APP).map(Some)
    }

    /// Makes the claimed copy at `pace`, then deletes the daily copies beyond `keep`.
    pub fn make_daily(
        &self,
        claim: DailyClaim,
        keep: usize,
        pace: Pace,
    ) -> Result<PathBuf, StorageError> {
        copy_to_file_in_steps(&self.conn, &claim.path, pace, &mut || {})?;
        let names: Vec<String> = std::fs::read_dir(&claim.dir)
            .map(|entries| {
                entries
                    .filter_map(|e| e.ok()?.file_name().into_string().ok())
                    .collect()
            })
            .unwrap_or_default();
        for old in outdated(&names, keep) {
            let _ = std::fs::remove_file(claim.dir.join(old));
        }
        Ok(claim.path.clone())
    }
}

/// A new private (0600) file at `path` holding a copy of `src`, written under a temporary
/// name and renamed at the end, so a copy cut short never looks complete.
fn copy_to_file_in_steps(
    src: &Connection,
    path: &Path,
    pace: Pace,
    between: &mut dyn FnMut(),
) -> Result<(), StorageError> {
    let part = path.with_extension("part");
    let _ = std::fs::remove_file(&part);
    create_private(&part)?;
    let result = (|| {
        let mut dst = Connection::open(&part)?;
        dst.busy_timeout(BUSY_TIMEOUT)?;
        copy_snapshot_in_steps(src, &mut dst, pace, between)?;
        dst.close().map_err(|(_, e)| e)?;
        std::fs::rename(&part, path).map_err(|cause| StorageError::Open {
            path: path.display().to_string(),
            cause,
        })
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&part);
    }
    result
}

/// Copies `src` into `dst` `pace.pages` at a time, calling `between` after each step.
/// The whole copy reads one snapshot: `src` holds a read transaction from the first step
/// to the last, so writes by others (which WAL lets go on) neither enter the copy nor
/// make SQLite start it over — without the snapshot, every commit elsewhere would restart
/// a stepped copy from its first page, and a busy room's copy might never end.
fn copy_snapshot_in_steps(
    src: &Connection,
    dst: &mut Connection,
    pace: Pace,
    between: &mut dyn FnMut(),
) -> Result<(), StorageError> {
    src.execute_batch("BEGIN")?;
    let result = (|| {
        // A deferred BEGIN reads nothing yet; this read starts the snapshot.
        src.query_row("SELECT count(*) FROM sqlite_schema", [], |_| Ok(()))?;
        let backup = Backup::new(src, dst)?;
        let mut waited_since: Option<Instant> = None;
        loop {
            match backup.step(pace.pages)? {
                StepResult::Done => return Ok(()),
                StepResult::More => {
                    waited_since = None;
                    between();
                    std::thread::sleep(pace.pause);
                }
                StepResult::Busy | StepResult::Locked => {
                    let since = *waited_since.get_or_insert_with(Instant::now);
                    if since.elapsed() > BUSY_TIMEOUT {
                        return Err(StorageError::Busy {
                            seconds: BUSY_TIMEOUT.as_secs(),
                        });
                    }
                    std::thread::sleep(pace.pause.max(Duration::from_millis(5)));
                }
                _ => std::thread::sleep(pace.pause),
            }
        }
    })();
    let _ = src.execute_batch("COMMIT");
    result
}

#[cfg(test)]
mod tests;

//! Write transactions: every change is one `BEGIN IMMEDIATE` transaction, so two
//! processes never interleave half-changes and a writer waits (busy timeout) instead of
//! failing halfway.
//!
//! The busy timeout alone is not enough: under load (eight imports at once, audit
//! triggers making each write dearer) a writer can wait out the whole timeout and
//! "database is locked" would reach the user. So a transaction that still finds the file
//! busy is rolled back and run again with a growing pause, for a bounded total time
//! ([`Patience::give_up_after`]); only then the user gets a plain message (`err.db.busy`).

use super::{StorageError, Store};
use rusqlite::{Connection, ErrorCode, Transaction, TransactionBehavior};
use std::time::{Duration, Instant};

/// Page cache for bulk writes, in KiB (negative: SQLite's "size in KiB" form).
const BULK_CACHE_KIB: i64 = -24 * 1024;
/// `PRAGMA temp_store` value for "temporary files in memory".
const TEMP_STORE_MEMORY: i64 = 2;

/// How long a store waits for other writers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Patience {
    /// What SQLite's busy handler waits before one attempt reports "busy".
    pub busy_timeout: Duration,
    /// When to stop starting new attempts and tell the user.
    pub give_up_after: Duration,
}

impl Default for Patience {
    fn default() -> Self {
        Patience {
            busy_timeout: Duration::from_secs(10),
            give_up_after: Duration::from_secs(120),
        }
    }
}

/// Whether an error means "another connection holds the lock": worth waiting for.
pub(super) fn is_busy(e: &StorageError) -> bool {
    matches!(e, StorageError::Sql(e) if matches!(
        e.sqlite_error_code(),
        Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked)
    ))
}

/// Counts attempts against the deadline and sleeps between them.
struct Retry {
    started: Instant,
    patience: Patience,
    attempt: u32,
}

impl Retry {
    fn new(patience: Patience) -> Retry {
        Retry {
            started: Instant::now(),
            patience,
            attempt: 0,
        }
    }

    /// After a busy failure: `Err` with the plain message when time is up, else waits.
    /// (SQLite's own "database is locked" is dropped: it tells a user nothing to do.)
    fn pause(&mut self) -> Result<(), StorageError> {
        let waited = self.started.elapsed();
        if waited >= self.patience.give_up_after {
            return Err(StorageError::Busy {
                seconds: waited.as_secs(),
            });
        }
        // 10 ms doubling up to 1 s; the process id staggers writers that failed together,
        // so they do not all knock again at the same moment.
        let base = 10u64.saturating_mul(1 << self.attempt.min(7)).min(1000);
        let stagger = u64::from(std::process::id() % 17) + u64::from(self.attempt % 5);
        self.attempt = self.attempt.saturating_add(1);
        let left = self.patience.give_up_after.saturating_sub(waited);
        std::thread::sleep(Duration::from_millis(base + stagger).min(left));
        Ok(())
    }
}

impl Store {
    /// Runs `f` in one immediate transaction; commits only if it returns `Ok`. When the
    /// file stays busy, the transaction is rolled back and `f` runs again, so `f` must
    /// only write through `tx` (no changes to the world outside it).
    pub(super) fn write<T>(
        &mut self,
        mut f: impl FnMut(&Transaction<'_>) -> Result<T, StorageError>,
    ) -> Result<T, StorageError> {
        let mut retry = Retry::new(self.patience);
        let known = self.generation;
        let settle = !self.stats_deferred;
        self.not_moved_aside()?;
        loop {
            let tx = begin(&self.conn, &mut retry)?;
            let outcome = super::generation::check(&tx, known)
                .and_then(|()| self.stamp_in_room_zone(&tx))
                .and_then(|()| f(&tx))
                // The statistics summary follows the cases in the same transaction.
                .and_then(|value| settled(&tx, settle).map(|()| value))
                // The write counts itself, so the app tells its own commits from others'.
                .and_then(|value| super::changes::bump(&tx).map(|n| (value, n)))
                .and_then(|value| commit(&tx).map(|()| value));
            match outcome {
                Ok((value, n)) => {
                    self.committed(n);
                    return Ok(value);
                }
                Err(e) if is_busy(&e) => {
                    drop(tx); // rolls back what this attempt wrote
                    retry.pause()?;
                }
                Err(e) => {
                    drop(tx);
                    // A write the rights table refused leaves its audit row after the
                    // rollback (see `rights`).
                    self.record_if_refused(&e);
                    return Err(e);
                }
            }
        }
    }

    /// Like [`Store::write`] for a closure that cannot run twice (it consumes a stream of
    /// records): waiting to begin and to commit is retried, the work itself is not.
    pub(super) fn write_once<T>(
        &mut self,
        f: impl FnOnce(&Transaction<'_>) -> Result<T, StorageError>,
    ) -> Result<T, StorageError> {
        let mut retry = Retry::new(self.patience);
        self.not_moved_aside()?;
        let tx = begin(&self.conn, &mut retry)?;
        super::generation::check(&tx, self.generation)?;
        self.stamp_in_room_zone(&tx)?;
        let settle = !self.stats_deferred;
        let done = f(&tx)
            .and_then(|v| settled(&tx, settle).map(|()| v))
            .and_then(|v| super::changes::bump(&tx).map(|n| (v, n)));
        let (value, n) = match done {
            Ok(value) => value,
            Err(e) => {
                drop(tx);
                self.record_if_refused(&e);
                return Err(e);
            }
        };
        loop {
            match commit(&tx) {
                Ok(()) => {
                    self.committed(n);
                    return Ok(value);
                }
                Err(e) if is_busy(&e) => retry.pause()?,
                Err(e) => return Err(e),
            }
        }
    }

    /// Refuses a write into a file that a restore moved aside (it would be lost there).
    fn not_moved_aside(&self) -> Result<(), StorageError> {
        if self.moved_aside() {
            return Err(StorageError::Restored {
                known: self.generation,
                found: self.generation,
            });
        }
        Ok(())
    }

    /// Runs a bulk write (import, demo) with SQLite set for it, and sets SQLite back
    /// afterwards, also when `f` fails: a larger page cache (a bulk write touches the
    /// case, party and search indexes all over) and statement journals in memory.
    ///
    /// Every INSERT into a table with triggers or constraints, and every write into the
    /// search index, runs inside a statement savepoint, and each page it changes is first
    /// copied into that savepoint's journal. By default the journal is a temporary file:
    /// at 20,000 demo cases those copies were a fifth of all CPU time, nearly all of it
    /// in `pwrite` (the search index rewrites many pages per statement when it flushes).
    /// In memory the copies cost little. Nothing about the file changes: transactions,
    /// WAL and `synchronous` are as in every write, so a bulk write killed part-way
    /// leaves the file as its last commit left it.
    pub fn in_bulk<T>(
        &mut self,
        f: impl FnOnce(&mut Store) -> Result<T, StorageError>,
    ) -> Result<T, StorageError> {
        let cache: i64 = self
            .conn
            .pragma_query_value(None, "cache_size", |r| r.get(0))?;
        let temp: i64 = self
            .conn
            .pragma_query_value(None, "temp_store", |r| r.get(0))?;
        self.conn
            .pragma_update(None, "cache_size", BULK_CACHE_KIB)?;
        self.conn
            .pragma_update(None, "temp_store", TEMP_STORE_MEMORY)?;
        let result = f(self);
        // The app's own footprint stays small after the bulk write.
        let restored = self
            .conn
            .pragma_update(None, "cache_size", cache)
            .and_then(|()| self.conn.pragma_update(None, "temp_store", temp));
        let value = result?;
        restored?;
        Ok(value)
    }

    /// Shortens (tests) or lengthens how long this store waits for other writers.
    pub fn set_patience(&mut self, patience: Patience) -> Result<(), StorageError> {
        self.conn.busy_timeout(patience.busy_timeout)?;
        self.patience = patience;
        Ok(())
    }
}

/// The statistics summary brought up to date in the write's own transaction, unless a
/// bulk write makes it again at its end (`defer_stats_summary`).
fn settled(tx: &Transaction<'_>, settle: bool) -> Result<(), StorageError> {
    if settle {
        super::stats_summary::settle(tx)
    } else {
        Ok(())
    }
}

/// `BEGIN IMMEDIATE`, retried while the file is busy. Nothing has run yet, so retrying
/// is always safe. (A shared borrow, so the loop may try again after a failed attempt.)
fn begin<'c>(conn: &'c Connection, retry: &mut Retry) -> Result<Transaction<'c>, StorageError> {
    loop {
        match Transaction::new_unchecked(conn, TransactionBehavior::Immediate) {
            Ok(tx) => return Ok(tx),
            Err(e) => {
                let e = StorageError::from(e);
                if !is_busy(&e) {
                    return Err(e);
                }
                retry.pause()?;
            }
        }
    }
}

/// `COMMIT`, once. After a busy COMMIT SQLite keeps the transaction open, so the caller
/// may try again or drop `tx` to roll back; after a good one, dropping `tx` does nothing.
fn commit(tx: &Transaction<'_>) -> Result<(), StorageError> {
    tx.execute_batch("COMMIT")?;
    Ok(())
}

#[cfg(test)]
mod tests;

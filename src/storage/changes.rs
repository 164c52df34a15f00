//! The room's change counter (migration 021) and the change poll built on it.
//!
//! `PRAGMA data_version` tells a connection that *another connection* committed; the app's
//! saves run on a writer thread with a connection of its own, so to the keyboard's
//! connection the app's own saves looked like another process's, and every save was
//! followed by a re-read of the screen two seconds later. So every write transaction adds
//! one to `room_changes.n` inside the transaction (`bump`, called by `Store::write`), and
//! the stores of one app note the numbers they committed in one shared `OwnCommits`. When
//! `data_version` moves, the poll reads the counter: if every number since it last looked
//! is one of its own, nobody else wrote. Anything else — a number not its own, a commit
//! that did not count itself (the counter did not move), a restore — is another's change.

use super::{StorageError, Store};
use rusqlite::Connection;
use std::sync::{Arc, Mutex};

/// The counter values committed by the stores of this app (shared between the keyboard's
/// store and the writer thread's).
#[derive(Debug, Clone, Default)]
pub struct OwnCommits(Arc<Mutex<Vec<i64>>>);

impl OwnCommits {
    fn note(&self, n: i64) {
        if let Ok(mut own) = self.0.lock() {
            own.push(n);
        }
    }

    /// Takes out the numbers up to `n` (later ones stay for the next look).
    fn take_up_to(&self, n: i64) -> Vec<i64> {
        let Ok(mut own) = self.0.lock() else {
            return Vec::new();
        };
        let (taken, kept) = own.drain(..).partition(|v| *v <= n);
        *own = kept;
        taken
    }
}

/// Adds one to the counter in the write transaction `conn`; the new value.
pub(super) fn bump(conn: &Connection) -> Result<i64, StorageError> {
    Ok(conn
        .prepare_cached("UPDATE room_changes SET n = n + 1 WHERE one = 1 RETURNING n")?
        .query_row([], |r| r.get(0))?)
}

impl Store {
    /// The room's change counter now.
    pub fn change_count(&self) -> Result<i64, StorageError> {
        Ok(self
            .conn
            .prepare_cached("SELECT n FROM room_changes WHERE one = 1")?
            .query_row([], |r| r.get(0))?)
    }

    /// Notes this store's commits in `own` from now on (the app's stores share one).
    pub fn share_commits(&mut self, own: OwnCommits) {
        self.own = Some(own);
    }

    /// Where this store notes its commits (a new, unshared one if none was given).
    pub fn own_commits(&mut self) -> OwnCommits {
        self.own.get_or_insert_with(OwnCommits::default).clone()
    }

    /// A write committed as counter value `n`.
    pub(super) fn committed(&self, n: i64) {
        if let Some(own) = &self.own {
            own.note(n);
        }
    }
}

/// The running app's look at whether another process changed the room.
#[derive(Debug)]
pub struct ChangePoll {
    /// `data_version` at the last look.
    seen: Option<i64>,
    /// The counter at the last look.
    known: Option<i64>,
    own: OwnCommits,
}

impl ChangePoll {
    /// Starts looking from what `store` (the keyboard's) sees now.
    pub fn new(store: &mut Store) -> ChangePoll {
        let own = store.own_commits();
        let mut poll = ChangePoll {
            seen: None,
            known: None,
            own,
        };
        poll.caught_up(store);
        poll
    }

    /// True when someone other than this app committed since the last look (one cheap
    /// pragma when nothing changed; the counter and the generation when something did).
    pub fn foreign(&mut self, store: &Store) -> bool {
        let now = store.data_version().ok();
        if now.is_none() || now == self.seen {
            return false;
        }
        self.seen = now;
        let counted = store.change_count().ok();
        let ours = match (self.known, counted) {
            (Some(known), Some(n)) if n > known => {
                let own = self.own.take_up_to(n);
                (known + 1..=n).all(|v| own.contains(&v))
            }
            _ => false,
        };
        self.known = counted;
        // A restore puts back a copy whose counter may be anything: its generation says.
        !ours || !matches!(store.restored_since(), Ok(None))
    }

    /// What is on screen was read again: start from here.
    pub fn caught_up(&mut self, store: &Store) {
        self.seen = store.data_version().ok();
        self.known = store.change_count().ok();
        if let Some(n) = self.known {
            self.own.take_up_to(n);
        }
    }
}

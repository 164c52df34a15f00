//! The room's generation: a number in the file that every restore raises. A store
//! remembers the generation it started with; every write checks it in its transaction,
//! so nothing typed against the content a restore replaced is ever written into the
//! restored one, and the change poll of a running app asks it to know that the whole
//! file was put back (not merely changed by a colleague).

use super::{StorageError, Store};
use crate::domain::case::Timestamp;
use rusqlite::{Connection, OptionalExtension};
use std::path::Path;

/// A restore that a running session has not taken in yet: who put which copy back, when.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Restored {
    /// The generation of the file now.
    pub generation: i64,
    /// Who ran the restore (a login name; empty if the audit row is not there).
    pub by: String,
    /// When (None if unknown).
    pub at: Option<Timestamp>,
    /// The copy that was put back.
    pub file: String,
}

/// The file's generation (0 until the first restore). Every file this binary opens has
/// been migrated, so the table is there.
pub(super) fn read(conn: &Connection) -> Result<i64, StorageError> {
    Ok(conn
        .prepare_cached("SELECT generation FROM room_generation WHERE one = 1")?
        .query_row([], |r| r.get(0))
        .optional()?
        .unwrap_or(0))
}

/// Which file on disk a store opened (device and inode), to notice it being moved aside.
/// None where the system does not say (then a move is not noticed: on Windows an open
/// file cannot be moved anyway).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct FileId(u64, u64);

/// The identity of the file at `path` now.
pub(super) fn file_id(path: &Path) -> Option<FileId> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        std::fs::metadata(path)
            .ok()
            .map(|m| FileId(m.dev(), m.ino()))
    }
    #[cfg(not(unix))]
    {
        let _ = path;
        None
    }
}

/// Refuses a write when the file was restored since this store took in its generation.
pub(super) fn check(conn: &Connection, known: i64) -> Result<(), StorageError> {
    let now = read(conn)?;
    if now != known {
        return Err(StorageError::Restored { known, found: now });
    }
    Ok(())
}

impl Store {
    /// The generation this store works in (see [`Store::take_in_restore`]).
    pub fn generation(&self) -> i64 {
        self.generation
    }

    /// A restore since this store last took one in, if there was one: asked by the change
    /// poll whenever another process committed, so it costs one small read then.
    pub fn restored_since(&self) -> Result<Option<Restored>, StorageError> {
        if read(&self.conn)? == self.generation {
            return Ok(None);
        }
        self.last_restore()
    }

    /// The last restore the file records, with the file's generation now (who, when and
    /// which copy are empty if no restore is recorded).
    pub fn last_restore(&self) -> Result<Option<Restored>, StorageError> {
        let now = read(&self.conn)?;
        let zone = self.zone()?;
        let last = self
            .conn
            .query_row(
                "SELECT at, user_name, json_extract(after_json, '$.file') FROM audit
                 WHERE action = 'restore' ORDER BY id DESC LIMIT 1",
                [],
                |r| {
                    Ok((
                        r.get::<_, String>(0)?,
                        r.get::<_, String>(1)?,
                        r.get::<_, Option<String>>(2)?,
                    ))
                },
            )
            .optional()?;
        let (at, by, file) = last.unwrap_or_default();
        Ok(Some(Restored {
            generation: now,
            by,
            at: chrono::DateTime::parse_from_rfc3339(&at)
                .ok()
                .map(|t| zone.local(&t)),
            file: file.unwrap_or_default(),
        }))
    }

    /// True when the store's path no longer names the file it opened: a restore over a
    /// file too damaged to open moved that file aside and wrote the copy in its place, so
    /// this store reads and writes the moved file (see `Runner::restore_noticed`).
    pub fn moved_aside(&self) -> bool {
        match (self.file, file_id(&self.path)) {
            (Some(opened), Some(now)) => opened != now,
            (Some(_), None) => true,
            (None, _) => false,
        }
    }

    /// The session has reloaded what it shows after a restore and closed every form that
    /// was open before it: its writes are accepted again.
    pub fn take_in_restore(&mut self, generation: i64) {
        self.generation = generation;
    }
}

//! Copying the write-ahead log back into the room's `.db` file (a WAL checkpoint), so that
//! the file alone holds every committed change: staff copy that one file to a USB stick.
//! SQLite does this by itself only every 1000 pages and when the last connection closes,
//! which an SSH connection that drops (SIGHUP) never reaches.

use super::{StorageError, Store};
use rusqlite::{Connection, OpenFlags};
use std::path::Path;
use std::time::Duration;

/// How long a checkpoint at exit waits for another window's write to finish.
const EXIT_PATIENCE: Duration = Duration::from_secs(2);

/// How thoroughly to checkpoint.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Checkpoint {
    /// Copy what no reader still needs, never waiting (cheap; while idle).
    Passive,
    /// Copy everything and empty the log (at exit).
    Truncate,
}

impl Checkpoint {
    fn pragma(self) -> &'static str {
        match self {
            Checkpoint::Passive => "PRAGMA wal_checkpoint(PASSIVE)",
            Checkpoint::Truncate => "PRAGMA wal_checkpoint(TRUNCATE)",
        }
    }
}

impl Store {
    /// Copies the log into the `.db` file as far as other connections allow. True when all
    /// of it went in (another window reading may hold part of it back until later).
    pub fn checkpoint(&self, how: Checkpoint) -> Result<bool, StorageError> {
        run(&self.conn, how)
    }
}

/// The checkpoint at exit through a connection of its own, for the signal thread, which
/// cannot reach the event loop's connection (it holds the loop's lock, so no write is open).
pub fn checkpoint_file(path: &Path) -> Result<bool, StorageError> {
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(path, flags)?;
    conn.busy_timeout(EXIT_PATIENCE)?;
    run(&conn, Checkpoint::Truncate)
}

fn run(conn: &Connection, how: Checkpoint) -> Result<bool, StorageError> {
    // The pragma answers (busy, pages in the log, pages copied); busy = 1 when a writer or
    // reader kept it from finishing, which is not an error: the next checkpoint goes on.
    let (busy, log, copied): (i64, i64, i64) =
        conn.query_row(how.pragma(), [], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
    Ok(busy == 0 && log == copied)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::case::CaseFields;
    use crate::domain::org::{DEFAULT_NUMBER_PATTERN, OrgProfile};
    use crate::domain::party::{Party, PartyKind, PartyRole};

    /// A room with one case, written by a store that is still open (so SQLite has not
    /// checkpointed on close), and the number of cases in a copy of the `.db` file alone.
    fn cases_in_a_copy_of_the_file_alone(store: &Store, dir: &Path) -> i64 {
        let copy = dir.join("copy.db");
        std::fs::copy(store.path(), &copy).expect("copy");
        let conn = Connection::open(&copy).expect("open copy");
        conn.query_row("SELECT count(*) FROM cases", [], |r| r.get(0))
            .unwrap_or(0)
    }

    fn room_with_a_case(dir: &Path) -> Store {
        let now = chrono::DateTime::parse_from_rfc3339("2026-12-07T09:00:00+08:00").unwrap();
        let mut store = Store::open(&dir.join("room.db")).unwrap();
        let profile = OrgProfile {
            room_name: "新华街道老王调解工作室".into(),
            committee_name: "临河区新华街道人民调解委员会".into(),
            number_prefix: "临新".into(),
            number_pattern: DEFAULT_NUMBER_PATTERN.into(),
        };
        let org = store.create_organisation(&profile, "王建国", &now).unwrap();
        let mut fields = CaseFields::blank(now.date_naive());
        fields.facts = "楼上漏水".into();
        let mut party = Party::new(PartyRole::Applicant, PartyKind::Person);
        party.name = "王秀兰".into();
        fields.parties.push(party);
        store.create_case(org.id, &fields, "wang", &now).unwrap();
        store
    }

    #[test]
    fn before_a_checkpoint_the_file_alone_lacks_the_case_and_after_it_holds_it() {
        let dir = tempfile::tempdir().unwrap();
        let store = room_with_a_case(dir.path());
        assert_eq!(
            cases_in_a_copy_of_the_file_alone(&store, dir.path()),
            0,
            "the case is still only in the -wal file"
        );
        assert!(store.checkpoint(Checkpoint::Passive).unwrap());
        assert_eq!(cases_in_a_copy_of_the_file_alone(&store, dir.path()), 1);
    }

    #[test]
    fn the_exit_checkpoint_through_its_own_connection_empties_the_log() {
        let dir = tempfile::tempdir().unwrap();
        let store = room_with_a_case(dir.path());
        assert!(checkpoint_file(store.path()).unwrap());
        assert_eq!(cases_in_a_copy_of_the_file_alone(&store, dir.path()), 1);
        let wal = dir.path().join("room.db-wal");
        assert_eq!(std::fs::metadata(wal).map(|m| m.len()).unwrap_or(0), 0);
    }
}

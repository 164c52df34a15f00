//! The day's automatic backup, run on a thread of its own with its own read-only
//! connection once the first screen is up, so no start waits for a copy of the whole
//! file (40 s at a million cases). Its end comes back to the event loop as an action.
//! Part of the I/O side of `app`, like `effects`.

use super::action::Action;
use crate::storage::{StorageError, Store};
use chrono::NaiveDate;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, TryRecvError, channel};

/// The handle the event loop keeps while a backup runs.
#[derive(Default)]
pub struct DailyBackups {
    running: Option<Receiver<Action>>,
}

impl DailyBackups {
    /// Starts the day's backup of the database at `db` beside the app; a thread that
    /// cannot even start is said like a failed backup.
    pub fn start(&mut self, db: PathBuf, today: NaiveDate) {
        let (outbox, inbox) = channel();
        let spawned = std::thread::Builder::new()
            .name("daily-backup".into())
            .spawn({
                let outbox = outbox.clone();
                move || {
                    let _ = outbox.send(ended(make(&db, today)));
                }
            });
        if let Err(e) = spawned {
            let _ = outbox.send(ended(Err(StorageError::Open {
                path: String::new(),
                cause: e,
            })));
        }
        self.running = Some(inbox);
    }

    /// The backup's end, once it has come (never blocks).
    pub fn answers(&mut self) -> Vec<Action> {
        let Some(inbox) = &self.running else {
            return Vec::new();
        };
        match inbox.try_recv() {
            Ok(action) => {
                self.running = None;
                vec![action]
            }
            Err(TryRecvError::Empty) => Vec::new(),
            Err(TryRecvError::Disconnected) => {
                self.running = None;
                Vec::new()
            }
        }
    }
}

/// Makes the day's backup of the database at `db` through a connection of its own, with
/// the room's setting for how many copies to keep.
pub fn make(db: &Path, today: NaiveDate) -> Result<(), StorageError> {
    let store = Store::open_reader(db)?;
    let keep = store.backups_to_keep()?;
    store.daily_backup(&crate::paths::backup_dir(db), today, keep)?;
    Ok(())
}

/// The action saying how the backup ended (a failure is also logged).
pub fn ended(result: Result<(), StorageError>) -> Action {
    Action::DailyBackupEnded(result.map_err(|e| {
        crate::log::error(&format!("daily backup: {e}"));
        e.to_string()
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_backup_thread_makes_the_days_copy_and_says_it_ended() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("room.db");
        let mut store = Store::open(&db).unwrap();
        let now = chrono::DateTime::parse_from_rfc3339("2026-12-07T09:00:00+08:00").unwrap();
        crate::cli::demo::fill_demo(&mut store, 5, 7, now).unwrap();
        let today = now.date_naive();
        let mut backups = DailyBackups::default();
        backups.start(db.clone(), today);
        let ended = backups.running.as_ref().unwrap().recv().unwrap();
        assert_eq!(ended, Action::DailyBackupEnded(Ok(())));
        let copy = crate::paths::backup_dir(&db).join(crate::storage::backup::daily_name(today));
        assert!(copy.exists());
    }
}

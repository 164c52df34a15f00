//! Backups: a consistent copy of the database made with SQLite's online backup API while
//! other processes keep working; the daily copy kept in `<db folder>/backups/` (the last
//! N); restoring a copy only after it has been checked; and the integrity check. Every
//! file made here is readable by its owner only, like the database.

use super::migrations::{APPLICATION_ID, latest_version};
pub use super::restore::{restore_over_broken, verify};
use super::{BUSY_TIMEOUT, StorageError, Store, create_private};
use chrono::NaiveDate;
use rusqlite::backup::{Backup, StepResult};
use rusqlite::{Connection, OpenFlags};
use std::path::Path;
use std::time::{Duration, Instant};

/// How many daily copies are kept unless the room's setting says otherwise.
pub const DEFAULT_KEEP: usize = 30;
/// The room setting holding how many daily copies to keep.
pub const KEEP_SETTING: &str = "backup_keep";
/// Name prefix of the daily copies.
const DAILY_PREFIX: &str = "tiaojie-";
/// Name suffix of the daily copies.
const DAILY_SUFFIX: &str = ".db";

/// What `check` found.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CheckReport {
    /// The integrity check's complaints (empty: the file is sound).
    pub integrity: Vec<String>,
    /// Rows whose reference points nowhere: (table, row, referenced table).
    pub foreign_keys: Vec<(String, i64, String)>,
    /// Audit triggers missing or altered (someone switched the audit off around the app).
    pub triggers: super::TriggerFindings,
}

impl CheckReport {
    /// True when nothing was found.
    pub fn ok(&self) -> bool {
        self.integrity.is_empty() && self.foreign_keys.is_empty() && self.triggers.is_empty()
    }
}

/// Copies `src` into `dst` page by page in one step: a reader's snapshot, so the copy is
/// consistent, and in WAL mode writers go on meanwhile.
pub(super) fn copy(src: &Connection, dst: &mut Connection) -> Result<(), StorageError> {
    let backup = Backup::new(src, dst)?;
    let deadline = Instant::now() + BUSY_TIMEOUT;
    loop {
        match backup.step(-1)? {
            StepResult::Done => return Ok(()),
            StepResult::More | StepResult::Busy | StepResult::Locked
                if Instant::now() < deadline =>
            {
                std::thread::sleep(Duration::from_millis(20));
            }
            _ => {
                return Err(StorageError::Sql(rusqlite::Error::SqliteFailure(
                    rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_BUSY),
                    None,
                )));
            }
        }
    }
}

/// A new private (0600) file at `path` holding a copy of `src`; written under a temporary
/// name and renamed at the end, so a copy cut short never looks complete.
pub(super) fn copy_to_file(src: &Connection, path: &Path) -> Result<(), StorageError> {
    let part = path.with_extension("part");
    let _ = std::fs::remove_file(&part);
    create_private(&part)?;
    let result = (|| {
        let mut dst = Connection::open(&part)?;
        dst.busy_timeout(BUSY_TIMEOUT)?;
        copy(src, &mut dst)?;
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

impl Store {
    /// Writes a consistent copy of the database to `path` (a new file, owner-only).
    pub fn backup_to(&self, path: &Path) -> Result<(), StorageError> {
        copy_to_file(&self.conn, path)
    }

    /// The room's setting for how many daily copies to keep (at least 1).
    pub fn backups_to_keep(&self) -> Result<usize, StorageError> {
        let Some(org) = self.organisation()? else {
            return Ok(DEFAULT_KEEP);
        };
        Ok(self
            .setting(org.id, KEEP_SETTING)?
            .and_then(|v| v.trim().parse::<usize>().ok())
            .unwrap_or(DEFAULT_KEEP)
            .max(1))
    }
}

/// The file name of the copy made on `day`.
pub fn daily_name(day: NaiveDate) -> String {
    format!("{DAILY_PREFIX}{}{DAILY_SUFFIX}", day.format("%Y-%m-%d"))
}

/// Of the file names in the backup folder, the daily copies to delete so that the newest
/// `keep` stay. Other files are never touched.
pub fn outdated(names: &[String], keep: usize) -> Vec<String> {
    let mut daily: Vec<&String> = names
        .iter()
        .filter(|n| {
            n.strip_prefix(DAILY_PREFIX)
                .and_then(|r| r.strip_suffix(DAILY_SUFFIX))
                .is_some_and(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").is_ok())
        })
        .collect();
    daily.sort();
    let extra = daily.len().saturating_sub(keep);
    daily.into_iter().take(extra).cloned().collect()
}

/// Opens `file` read-only and makes sure it may replace a database: sound, a tiaojie
/// file, and not from a newer version.
pub(super) fn checked_copy(file: &Path) -> Result<Connection, StorageError> {
    let display = file.display().to_string();
    let bad = |why: String| StorageError::BadCopy {
        path: display.clone(),
        why,
    };
    if !file.is_file() {
        return Err(bad(crate::i18n::t("err.backup.missing").into_owned()));
    }
    let conn = Connection::open_with_flags(file, OpenFlags::SQLITE_OPEN_READ_ONLY)
        .map_err(|e| bad(e.to_string()))?;
    let report = check_conn(&conn).map_err(|e| bad(e.to_string()))?;
    if let Some(first) = report.integrity.first() {
        return Err(bad(first.clone()));
    }
    let app_id: i32 = conn
        .pragma_query_value(None, "application_id", |r| r.get(0))
        .map_err(|e| bad(e.to_string()))?;
    if app_id != APPLICATION_ID {
        return Err(StorageError::NotOurs { path: display });
    }
    let found: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    if found > latest_version() {
        return Err(StorageError::TooNew {
            path: display,
            found,
            supported: latest_version(),
        });
    }
    Ok(conn)
}

fn check_conn(conn: &Connection) -> Result<CheckReport, rusqlite::Error> {
    let mut stmt = conn.prepare("PRAGMA integrity_check")?;
    let integrity: Vec<String> = stmt
        .query_map([], |r| r.get::<_, String>(0))?
        .collect::<Result<_, _>>()?;
    let integrity = integrity.into_iter().filter(|l| l != "ok").collect();
    let mut stmt = conn.prepare("PRAGMA foreign_key_check")?;
    let foreign_keys = stmt
        .query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, Option<i64>>(1)?.unwrap_or(0),
                r.get::<_, String>(2)?,
            ))
        })?
        .collect::<Result<_, _>>()?;
    Ok(CheckReport {
        integrity,
        foreign_keys,
        triggers: super::TriggerFindings::default(),
    })
}

/// Runs the integrity, foreign-key and audit-trigger checks on the file at `path` without
/// changing it.
/// A file that cannot be read at all comes back as one integrity complaint.
pub fn check(path: &Path) -> Result<CheckReport, StorageError> {
    let conn =
        Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY).map_err(|e| {
            StorageError::Open {
                path: path.display().to_string(),
                cause: std::io::Error::other(e.to_string()),
            }
        })?;
    conn.busy_timeout(BUSY_TIMEOUT)?;
    let mut report = check_conn(&conn).unwrap_or_else(|e| CheckReport {
        integrity: vec![e.to_string()],
        foreign_keys: Vec::new(),
        triggers: super::TriggerFindings::default(),
    });
    // The triggers an older file holds were made by an older tiaojie: it gets this
    // version's when it is next opened (and migrated), so only a current file is judged.
    let version = conn.pragma_query_value(None, "user_version", |r| r.get::<_, i64>(0));
    if report.integrity.is_empty() && matches!(version, Ok(v) if v == latest_version()) {
        report.triggers = super::audit::findings(&conn)?;
    }
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn keep_n_deletes_the_oldest_daily_copies_and_nothing_else() {
        let all = names(&[
            "tiaojie-2026-11-27.db",
            "tiaojie-2026-11-25.db",
            "notes.txt",
            "tiaojie-2026-11-28.db",
            "tiaojie-2026-11-26.db",
            "tiaojie-2026-13-01.db",
            "tiaojie-2026-11-20.db.part",
        ]);
        assert_eq!(
            outdated(&all, 2),
            names(&["tiaojie-2026-11-25.db", "tiaojie-2026-11-26.db"])
        );
        assert!(outdated(&all, 4).is_empty());
        assert!(outdated(&all, 30).is_empty());
        assert_eq!(outdated(&all, 0).len(), 4);
        assert!(outdated(&[], 3).is_empty());
    }

    #[test]
    fn the_daily_name_sorts_by_date() {
        let d = |m, day| daily_name(NaiveDate::from_ymd_opt(2026, m, day).unwrap());
        assert!(d(9, 30) < d(10, 1));
        assert_eq!(d(1, 2), "tiaojie-2026-01-02.db");
    }
}

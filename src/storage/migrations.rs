//! Forward-only schema migrations tracked by `PRAGMA user_version`. Each step runs in one
//! transaction; a database newer than this binary is refused, never touched; a backup is
//! taken before an existing database is migrated.

use super::StorageError;
use rusqlite::{Connection, TransactionBehavior};
use std::path::{Path, PathBuf};

/// `PRAGMA application_id` of a tiaojie database ("TJ" + 1), so a foreign SQLite file is
/// recognised and refused instead of being filled with our tables.
pub const APPLICATION_ID: i32 = 0x544A_0001;

/// Every schema step in order; step `i` brings `user_version` from `i` to `i + 1`.
/// Append only: a released step is never edited.
pub const MIGRATIONS: &[&str] = &[
    include_str!("sql/001_case_log.sql"),
    include_str!("sql/002_schedule.sql"),
    include_str!("sql/003_search.sql"),
    include_str!("sql/004_sort_indexes.sql"),
    include_str!("sql/005_drafts.sql"),
    include_str!("sql/006_users_audit.sql"),
    include_str!("sql/007_agreements.sql"),
    include_str!("sql/008_schedule_more.sql"),
    include_str!("sql/009_search_records.sql"),
    include_str!("sql/010_live_agreements.sql"),
    include_str!("sql/011_audit_imports.sql"),
    include_str!("sql/012_contentless_search.sql"),
    include_str!("sql/013_stats_amounts.sql"),
    include_str!("sql/014_audit_refusals.sql"),
    include_str!("sql/015_pinyin_name_parts.sql"),
    include_str!("sql/016_drafts_and_party_ids.sql"),
    include_str!("sql/017_ids_never_reused.sql"),
    include_str!("sql/018_agent_links.sql"),
    include_str!("sql/019_stats_summary.sql"),
    include_str!("sql/020_room_zone.sql"),
    include_str!("sql/021_today_window.sql"),
    include_str!("sql/022_today_alerts.sql"),
    include_str!("sql/023_room_case_counts.sql"),
    include_str!("sql/024_list_status_filter.sql"),
    include_str!("sql/025_registrant_counts.sql"),
    include_str!("sql/026_agreement_alert_days.sql"),
    include_str!("sql/027_owed_items.sql"),
];

/// The schema version this binary writes.
pub fn latest_version() -> i64 {
    MIGRATIONS.len() as i64
}

/// Refuses a file that is not ours or is from a newer tiaojie, reading only: called
/// before anything is written to a file (even the switch to WAL changes its header).
pub fn refuse_foreign(conn: &mut Connection, path: Option<&Path>) -> Result<(), StorageError> {
    checked_version(conn, path).map(|_| ())
}

/// The file's schema version, or why it is refused: not a tiaojie file, or a newer one.
fn checked_version(conn: &mut Connection, path: Option<&Path>) -> Result<i64, StorageError> {
    // One read transaction, so the three answers come from the same moment: read one by
    // one, another process's first migration could commit in between (tables, but no
    // application id yet) and a new file would look foreign.
    let (found, app_id, tables) = {
        let tx = conn.transaction()?;
        let found: i64 = tx.pragma_query_value(None, "user_version", |r| r.get(0))?;
        let app_id: i32 = tx.pragma_query_value(None, "application_id", |r| r.get(0))?;
        let tables: i64 = tx.query_row(
            "SELECT count(*) FROM sqlite_schema WHERE type = 'table'",
            [],
            |r| r.get(0),
        )?;
        tx.commit()?;
        (found, app_id, tables)
    };
    let display = || path.map(|p| p.display().to_string()).unwrap_or_default();
    if (app_id != 0 && app_id != APPLICATION_ID) || (app_id == 0 && tables > 0) {
        return Err(StorageError::NotOurs { path: display() });
    }
    if found > latest_version() {
        return Err(StorageError::TooNew {
            path: display(),
            found,
            supported: latest_version(),
        });
    }
    Ok(found)
}

/// An older file about to be copied and brought to this version (at a million cases the
/// two take a minute or more: whoever waits is told first).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Upgrade {
    /// The version the file has.
    pub from: i64,
    /// The version it is brought to.
    pub to: i64,
    /// Where the copy of it as it was is kept.
    pub backup: PathBuf,
}

impl std::fmt::Display for Upgrade {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let message = crate::i18n::tf(
            "start.upgrading",
            &[
                ("from", &self.from.to_string()),
                ("to", &self.to.to_string()),
                ("backup", &self.backup.display().to_string()),
            ],
        );
        f.write_str(&message)
    }
}

/// Brings the database to the latest version; returns the version it had.
pub fn migrate(conn: &mut Connection, path: Option<&Path>) -> Result<i64, StorageError> {
    migrate_noting(conn, path, &mut |_| {})
}

/// Like [`migrate`]; `notice` hears of an older file before it is copied and changed.
pub fn migrate_noting(
    conn: &mut Connection,
    path: Option<&Path>,
    notice: &mut dyn FnMut(&Upgrade),
) -> Result<i64, StorageError> {
    let found = checked_version(conn, path)?;
    if found > 0
        && found < latest_version()
        && let Some(path) = path
    {
        let upgrade = Upgrade {
            from: found,
            to: latest_version(),
            backup: backup_path(path, found),
        };
        notice(&upgrade);
        backup_before_migration(conn, &upgrade.backup)?;
    }
    // A step that copies a table into a new one drops the old: with foreign keys on, that
    // would delete every child row through ON DELETE CASCADE. The pragma does nothing
    // inside a transaction, so it is switched around the steps, and back on after.
    let keys: bool = conn.pragma_query_value(None, "foreign_keys", |r| r.get(0))?;
    if keys && found < latest_version() {
        conn.pragma_update(None, "foreign_keys", false)?;
    }
    let stepped = steps(conn, found);
    if keys {
        conn.pragma_update(None, "foreign_keys", true)?;
    }
    stepped?;
    Ok(found)
}

/// Runs the steps after `found`, each in its own transaction.
fn steps(conn: &mut Connection, found: i64) -> Result<(), StorageError> {
    for (index, sql) in MIGRATIONS.iter().enumerate().skip(found as usize) {
        // Several processes may open a new (or old) file at once. Each step takes the write
        // lock first and runs only if the file is still at the version before it; else
        // another process has just done it ("table already exists" otherwise).
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let now: i64 = tx.pragma_query_value(None, "user_version", |r| r.get(0))?;
        if now == index as i64 {
            tx.execute_batch(sql)?;
            tx.pragma_update(None, "user_version", index as i64 + 1)?;
            tx.pragma_update(None, "application_id", APPLICATION_ID)?;
        }
        tx.commit()?;
    }
    Ok(())
}

/// Where the copy of a file of `version` is kept before it is migrated.
fn backup_path(path: &Path, version: i64) -> PathBuf {
    // The machine's clock, not the room's zone: a file name for whoever looks in the
    // folder on this machine, not a time the room keeps.
    let stamp = chrono::Local::now().format("%Y%m%d-%H%M%S");
    path.with_extension(format!("v{version}-{stamp}.bak"))
}

fn backup_before_migration(conn: &Connection, backup: &Path) -> Result<(), StorageError> {
    // The copy holds every party's ID number and phone: the file is made empty and
    // owner-only first, and VACUUM INTO (which writes into an empty file) keeps its mode.
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    match options.open(backup) {
        Ok(_) => {}
        // Another process opening the same file in the same second makes the same
        // backup: one copy is enough, and losing that race is no reason to refuse to start.
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => return Ok(()),
        Err(cause) => {
            return Err(StorageError::Open {
                path: backup.display().to_string(),
                cause,
            });
        }
    }
    let copied = conn.execute("VACUUM INTO ?1", [backup.to_string_lossy()]);
    if copied.is_err() {
        // No half-written or empty file that looks like a backup.
        let _ = std::fs::remove_file(backup);
    }
    copied.map(|_| ()).map_err(StorageError::from)
}

/// Takes step 26 off a file of the latest version (its table, views and triggers read
/// tables that a test making the file look older drops, and SQLite checks every view and
/// trigger when an earlier step renames a table).
#[cfg(test)]
pub(super) fn undo_agreement_alert_days(conn: &Connection) {
    let names: Vec<(String, String)> = conn
        .prepare(
            "SELECT type, name FROM sqlite_schema
             WHERE type IN ('trigger', 'view') AND name LIKE 'agreement_alert_days%'
                OR name = 'room_zone_shift'",
        )
        .and_then(|mut s| {
            s.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect::<Result<_, _>>()
        })
        .unwrap_or_else(|e| panic!("reading step 26: {e}"));
    for (kind, name) in names {
        if let Err(e) = conn.execute_batch(&format!("DROP {kind} IF EXISTS {name}")) {
            panic!("undoing step 26: {e}");
        }
    }
    if let Err(e) = conn.execute_batch("DROP TABLE IF EXISTS agreement_alert_days") {
        panic!("undoing step 26: {e}");
    }
}

/// Takes step 18 off a file of the latest version, so a test can make the file look as
/// an earlier version left it (steps before 18 copy `parties` with `SELECT *`).
#[cfg(test)]
pub(super) fn undo_agent_links(conn: &Connection) {
    let undo = "DROP TRIGGER IF EXISTS parties_acts_for_insert;
        DROP TRIGGER IF EXISTS parties_acts_for_update;
        DROP TRIGGER IF EXISTS audit_parties_insert;
        DROP TRIGGER IF EXISTS audit_parties_update;
        DROP TRIGGER IF EXISTS audit_parties_delete;
        DROP INDEX IF EXISTS parties_by_principal;
        ALTER TABLE parties DROP COLUMN acts_for;
        ALTER TABLE parties DROP COLUMN legal_rep_title;";
    if let Err(e) = conn.execute_batch(undo) {
        panic!("undoing step 18: {e}");
    }
}

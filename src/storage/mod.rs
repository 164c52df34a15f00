//! The only place with SQL: opens the room's SQLite file, migrates it, and turns rows into
//! domain types. Must not import ratatui or crossterm.

mod agreements;
mod alerts;
mod audit;
pub mod backup;
mod briefs;
mod cases;
mod changes;
mod checkpoint;
mod codec;
pub mod daily_backup;
mod drafts;
mod follow_ups;
mod generation;
mod import;
mod ledger;
mod lookup;
pub mod migrations;
mod org;
mod repeat;
mod restore;
mod rights;
mod search;
mod sessions;
mod stats;
mod stats_summary;
mod users;
mod window;
mod write;
mod zone;

pub use agreements::{AgreementWindow, DueItem};
pub use alerts::{AlertsHead, CaseAlert, sort_for_today};
pub use audit::{AUDITED, TriggerFindings};
pub use briefs::CaseBrief;
pub use cases::NewCaseRecord;
pub use changes::{ChangePoll, OwnCommits};
pub use checkpoint::{Checkpoint, checkpoint_file};
pub use drafts::Draft;
pub use generation::Restored;
pub use import::{CaseExtras, ImportedSession};
pub use migrations::Upgrade;
pub use sessions::{Booked, NewSessionRecord, SessionFilter};
pub use users::Identity;
pub use window::Window;
pub use write::Patience;
pub use zone::ZONE_KEY;

use rusqlite::Connection;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// How long one attempt waits for another process's transaction (see `write::Patience`).
const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// An open room database.
pub struct Store {
    conn: Connection,
    path: PathBuf,
    /// Who the audit trail records as making the changes (see `set_user`).
    who: audit::Who,
    /// Who is acting, with their role: each write asks the rights table for them inside
    /// its transaction (see `act_as`). `None`: the file's owner at a maintenance command
    /// or a test, whom nothing limits but who can open the file.
    actor: Option<crate::domain::user::User>,
    /// Whether the audit triggers record each row (off during a bulk write).
    row_audit: audit::RowAudit,
    /// Bulk writes leave the search index to `index_new_cases_after` (sample data).
    search_deferred: bool,
    /// Bulk writes leave the statistics summary to `rebuild_stats_summary` (sample data).
    stats_deferred: bool,
    /// How long writes wait for other writers (see `set_patience`).
    patience: Patience,
    /// The room generation this store works in: a write finding another one in the file
    /// is refused, because a restore replaced what it was typed against (`generation`).
    generation: i64,
    /// The audit triggers found missing or altered, and made again, when it was opened.
    repaired: TriggerFindings,
    /// The file it opened, to notice it being moved aside (see `moved_aside`).
    file: Option<generation::FileId>,
    /// The zone the audit triggers stamp in: the room's, read at each write.
    audit_clock: zone::AuditClock,
    /// Where its commits are noted for the app's change poll (see `changes`).
    own: Option<changes::OwnCommits>,
    /// The case list's last count, while the file is unchanged (see `count_memo`).
    list_count: cases::count_memo::CountMemo,
    /// The last search's hits in its order, while the file is unchanged (`search_pages`).
    search_memo: cases::search_pages::SearchMemo,
    /// The last searched word's cases, while the file is unchanged (`walked_pages`).
    word_memo: cases::walked_pages::WordMemo,
}

/// What can go wrong with the database, each said so that the user knows what to do.
#[derive(Debug, thiserror::Error)]
pub enum StorageError {
    /// The folder or file could not be created or opened.
    #[error("{}", crate::i18n::tf("err.db.open", &[("path", path), ("cause", &cause.to_string())]))]
    Open { path: String, cause: std::io::Error },
    /// A newer tiaojie wrote this file.
    #[error("{}", crate::i18n::tf("err.db.too_new", &[("path", path), ("found", &found.to_string()), ("supported", &supported.to_string())]))]
    TooNew {
        path: String,
        found: i64,
        supported: i64,
    },
    /// Not a tiaojie database.
    #[error("{}", crate::i18n::tf("err.db.not_ours", &[("path", path)]))]
    NotOurs { path: String },
    /// Someone else saved the record since it was opened.
    #[error("{}", crate::i18n::tf("err.db.conflict", &[("expected", &expected.to_string()), ("found", &found.to_string())]))]
    Conflict { expected: i64, found: i64 },
    /// The record is gone.
    #[error("{}", crate::i18n::tf("err.db.not_found", &[("what", what)]))]
    NotFound { what: String },
    /// A status change the rules refuse.
    #[error(transparent)]
    Transition(#[from] crate::domain::status::TransitionError),
    /// A value in the file that this version cannot read.
    #[error("{}", crate::i18n::tf("err.db.corrupt", &[("column", column), ("value", value)]))]
    Corrupt { column: &'static str, value: String },
    /// A mediator or room is already booked then; the clashes are kept for the screen.
    #[error("{}", crate::i18n::tf("err.clash.refused", &[("first", &.0.refusals.first().map(|c| c.to_string()).unwrap_or_default())]))]
    Clash(Box<crate::domain::conflicts::Verdict>),
    /// A copy offered to `restore` that must not replace the database.
    #[error("{}", crate::i18n::tf("err.backup.bad_copy", &[("path", path), ("why", why)]))]
    BadCopy { path: String, why: String },
    /// Input that the rules refuse (already worded for the user).
    #[error("{0}")]
    Invalid(String),
    /// The rights table refuses the acting user this write (on this case, if any); the
    /// refusal is recorded in the audit trail.
    #[error("{0}")]
    Refused(
        crate::domain::rights::Refusal,
        Option<crate::domain::case::CaseId>,
    ),
    /// Other writers kept the file busy for longer than a write waits (`Patience`).
    #[error("{}", crate::i18n::tf("err.db.busy", &[("seconds", &seconds.to_string())]))]
    Busy { seconds: u64 },
    /// The file was restored from a copy since this session read what it shows.
    #[error("{}", crate::i18n::t("err.db.restored"))]
    Restored { known: i64, found: i64 },
    /// Anything else from SQLite (a full disk, a damaged or read-only file said plainly).
    #[error("{}", sql_message(.0))]
    Sql(#[from] rusqlite::Error),
}

/// What an SQLite error means for the user and what to do about it.
fn sql_message(e: &rusqlite::Error) -> String {
    use crate::i18n::tf;
    use rusqlite::ErrorCode as C;
    let cause = e.to_string();
    let key = match e.sqlite_error_code() {
        Some(C::DiskFull) => "err.db.full",
        Some(C::DatabaseCorrupt | C::NotADatabase) => "err.db.damaged",
        Some(C::ReadOnly) => "err.db.read_only",
        Some(C::CannotOpen | C::PermissionDenied) => "err.db.cannot_open",
        Some(C::DatabaseBusy | C::DatabaseLocked) => "err.db.locked",
        _ => "err.db.sql",
    };
    tf(key, &[("cause", &cause)])
}

impl Store {
    /// Opens (creating if needed) the database at `path`: folder and file readable by the
    /// owner only, WAL, foreign keys, a busy timeout, then migrations.
    pub fn open(path: &Path) -> Result<Store, StorageError> {
        Store::open_migrating(path, true, &mut |_| {})
    }

    /// Like [`Store::open`]; `notice` hears of an older file before it is copied and
    /// brought to this version (the app says so while the person waits).
    pub fn open_noting(
        path: &Path,
        notice: &mut dyn FnMut(&Upgrade),
    ) -> Result<Store, StorageError> {
        Store::open_migrating(path, true, notice)
    }

    /// Like [`Store::open`]; `keep_old` takes the copy of an older file before migrating
    /// it (a copy being prepared for a restore needs none: the file it came from stays).
    fn open_migrating(
        path: &Path,
        keep_old: bool,
        notice: &mut dyn FnMut(&Upgrade),
    ) -> Result<Store, StorageError> {
        create_private(path)?;
        let mut conn = Connection::open(path).map_err(|e| open_error(path, e))?;
        conn.busy_timeout(BUSY_TIMEOUT)?;
        // Nothing is written to a foreign or newer file, not even the switch to WAL.
        migrations::refuse_foreign(&mut conn, Some(path))?;
        configure(&conn)?;
        let who = audit::Who::default();
        let row_audit = audit::RowAudit::default();
        let audit_clock = zone::AuditClock::default();
        audit::register_functions(&conn, &who, &row_audit, &audit_clock)?;
        let found = migrations::migrate_noting(&mut conn, keep_old.then_some(path), notice)?;
        // A file already of this version should hold every trigger: one missing there
        // was dropped by someone, and its repair is recorded (in a copy being prepared
        // for a restore, after the rows it carries: see `restore`). A migration drops
        // and changes triggers on purpose: nothing to report then.
        let current = found == migrations::latest_version();
        let repaired = audit::install_triggers(&mut conn, current && keep_old)?;
        let repaired = if current {
            repaired
        } else {
            TriggerFindings::default()
        };
        let generation = generation::read(&conn)?;
        let mut store = Store {
            conn,
            path: path.to_path_buf(),
            who,
            actor: None,
            row_audit,
            search_deferred: false,
            stats_deferred: false,
            patience: Patience::default(),
            generation,
            repaired,
            file: generation::file_id(path),
            audit_clock,
            own: None,
            list_count: Default::default(),
            search_memo: Default::default(),
            word_memo: Default::default(),
        };
        if found > 0 && found < search::index_version() {
            store.rebuild_search_index()?;
        }
        // Cases noted and not counted yet (a file from before the summary): count them now.
        if stats_summary::pending(&store.conn)? {
            store.write(|_| Ok(()))?;
        }
        Ok(store)
    }

    /// A second connection to an existing, already migrated database, for reading only
    /// (the case list's searches run on it in a worker thread while the app's own
    /// connection stays free). It never migrates, never writes, and sees every commit.
    pub fn open_reader(path: &Path) -> Result<Store, StorageError> {
        use rusqlite::OpenFlags;
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags).map_err(|e| open_error(path, e))?;
        conn.busy_timeout(BUSY_TIMEOUT)?;
        conn.pragma_update(None, "query_only", true)?;
        conn.set_prepared_statement_cache_capacity(64);
        stable_plans(&conn)?;
        // It never writes, so the generation is only for the record.
        let generation = generation::read(&conn).unwrap_or(0);
        Ok(Store {
            conn,
            path: path.to_path_buf(),
            who: audit::Who::default(),
            actor: None,
            row_audit: audit::RowAudit::default(),
            search_deferred: false,
            stats_deferred: false,
            patience: Patience::default(),
            generation,
            repaired: TriggerFindings::default(),
            file: generation::file_id(path),
            audit_clock: zone::AuditClock::default(),
            own: None,
            list_count: Default::default(),
            search_memo: Default::default(),
            word_memo: Default::default(),
        })
    }

    /// The audit triggers that were missing or altered when this store opened the file
    /// (made again, and recorded, by then): the app says so on its status line.
    pub fn repaired_triggers(&self) -> &TriggerFindings {
        &self.repaired
    }

    /// The file this store reads.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// A number that changes whenever another connection commits (cheap to poll).
    pub fn data_version(&self) -> Result<i64, StorageError> {
        Ok(self
            .conn
            .pragma_query_value(None, "data_version", |r| r.get(0))?)
    }
}

fn configure(conn: &Connection) -> Result<(), StorageError> {
    conn.busy_timeout(BUSY_TIMEOUT)?;
    conn.pragma_update(None, "foreign_keys", true)?;
    // WAL lets readers go on while one writer commits; NORMAL is durable in WAL mode
    // except for the last commit on power loss, and much faster on old disks.
    wal(conn)?;
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    // rusqlite keeps 16 prepared statements by default; writing one imported case (its
    // row, parties, mediators, history, search entries, audit) uses more, so a bulk write
    // prepared most statements again for every case — and preparing a statement on an
    // audited table compiles its triggers too.
    conn.set_prepared_statement_cache_capacity(64);
    stable_plans(conn)
}

/// Turns on SQLite's query planner stability guarantee: a statement's plan does not
/// depend on the values bound to it. Without it, SQLite (3.50 on) marks a statement
/// with a `column = ?` term for re-preparing whenever its bindings are cleared — which
/// rusqlite does each time a cached statement goes back to the cache — so nearly every
/// cached statement was compiled again on every use (with its audit triggers: a fifth
/// of a bulk import's time). Our queries write the values that choose an index (the
/// statuses of a partial index) as literals, so no plan needs the bound values.
fn stable_plans(conn: &Connection) -> Result<(), StorageError> {
    conn.set_db_config(
        rusqlite::config::DbConfig::SQLITE_DBCONFIG_ENABLE_QPSG,
        true,
    )?;
    Ok(())
}

/// Switches the file to WAL, waiting like the busy timeout would. The switch needs the
/// file to itself while this connection already reads it, a case in which SQLite answers
/// "database is locked" at once instead of calling the busy handler (waiting could
/// deadlock); several first starts on a new file hit it (seen with 8 imports at once).
fn wal(conn: &Connection) -> Result<(), StorageError> {
    let deadline = std::time::Instant::now() + BUSY_TIMEOUT;
    loop {
        match conn.pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get::<_, String>(0)) {
            Ok(_) => return Ok(()),
            Err(rusqlite::Error::SqliteFailure(e, _))
                if e.code == rusqlite::ErrorCode::DatabaseBusy
                    && std::time::Instant::now() < deadline =>
            {
                std::thread::sleep(Duration::from_millis(5));
            }
            Err(e) => return Err(e.into()),
        }
    }
}

fn open_error(path: &Path, e: rusqlite::Error) -> StorageError {
    StorageError::Open {
        path: path.display().to_string(),
        cause: std::io::Error::other(e.to_string()),
    }
}

/// Creates `dir` (and its parents) readable by the owner only (0700), if it is missing.
fn create_private_dir(dir: &Path) -> Result<(), StorageError> {
    if dir.exists() {
        return Ok(());
    }
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(dir).map_err(|cause| StorageError::Open {
        path: dir.display().to_string(),
        cause,
    })
}

/// Creates the folder (0700) and the empty file (0600) before SQLite does, so personal
/// data is never readable by others, not even for a moment.
fn create_private(path: &Path) -> Result<(), StorageError> {
    let io_err = |p: &Path, cause| StorageError::Open {
        path: p.display().to_string(),
        cause,
    };
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        create_private_dir(dir)?;
    }
    if !path.exists() {
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        match options.open(path) {
            Ok(_) => {}
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
            Err(e) => return Err(io_err(path, e)),
        }
    }
    Ok(())
}

#[cfg(test)]
mod test_room;
#[cfg(test)]
mod tests;

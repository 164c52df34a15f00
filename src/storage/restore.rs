//! Restoring a copy. The copy is checked, brought up to this version and given what the
//! file it replaces must not lose — the audit rows written since the copy was made, the
//! largest id ever used in each table (so no id is handed out twice), the drafts, a
//! raised room generation and an audit row saying who put which copy back — in a private
//! file beside the database. Only then is it written into the live file with SQLite's
//! online backup API, within SQLite's locking: every session still connected reads the
//! restored content from its next read on (a new file renamed over the old one would
//! leave them working on the old one), and their change poll sees the new generation.

use super::backup::{checked_copy, copy, copy_to_file};
use super::{StorageError, Store};
use rusqlite::{Connection, Transaction};
use std::path::{Path, PathBuf};

/// Checks that the copy at `file` may replace a database (sound, a tiaojie file, not from
/// a newer version) without changing anything.
pub fn verify(file: &Path) -> Result<(), StorageError> {
    checked_copy(file).map(|_| ())
}

impl Store {
    /// Replaces this database's content by the copy at `file`, after checking the copy;
    /// the content replaced is first kept beside the database (its path is returned).
    /// `who` is recorded as having restored it.
    ///
    /// What another session commits in the moment between reading what to carry and
    /// the copy going in is replaced with the rest (SQLite's backup cannot run while a
    /// transaction holds the file). Such a session cannot act on it afterwards: its next
    /// write is refused for the new generation until it has reloaded.
    pub fn restore_from(&mut self, file: &Path, who: &str) -> Result<PathBuf, StorageError> {
        let src = checked_copy(file)?;
        let kept = kept_path(&self.path);
        self.backup_to(&kept)?;
        let (prepared, part) = prepare(&src, file, &self.path, &self.path, &kept, who, false)?;
        let copied = copy(&prepared.conn, &mut self.conn);
        drop(prepared);
        remove_part(&part);
        copied?;
        self.generation = super::generation::read(&self.conn)?;
        Ok(kept)
    }
}

/// Restores `file` over a database that cannot even be opened: the broken file (and its
/// WAL) is moved aside — never deleted — and the prepared copy written in its place.
/// Whatever can still be read from the broken file (its largest ids, audit rows since
/// the copy, drafts, generation) is carried over; what cannot is left behind. Sessions
/// still connected notice the move (`Store::moved_aside`) and open the new file.
pub fn restore_over_broken(db: &Path, file: &Path, who: &str) -> Result<PathBuf, StorageError> {
    let src = checked_copy(file)?;
    let kept = kept_path(db);
    let moved = |from: &Path, to: &Path| {
        std::fs::rename(from, to).map_err(|cause| StorageError::Open {
            path: from.display().to_string(),
            cause,
        })
    };
    moved(db, &kept)?;
    for side in ["-wal", "-shm"] {
        let from = PathBuf::from(format!("{}{side}", db.display()));
        if from.exists() {
            moved(&from, &PathBuf::from(format!("{}{side}", kept.display())))?;
        }
    }
    let (prepared, part) = prepare(&src, file, db, &kept, &kept, who, true)?;
    let written = copy_to_file(&prepared.conn, db);
    drop(prepared);
    remove_part(&part);
    written?;
    Ok(kept)
}

/// Where the replaced content is kept: beside the database, named by the time.
fn kept_path(db: &Path) -> PathBuf {
    // The machine's clock, not the room's zone: a file name for whoever looks in the
    // folder on this machine, not a time the room keeps.
    let stamp = chrono::Local::now().format("%Y%m%d-%H%M%S");
    db.with_extension(format!("replaced-{stamp}.db"))
}

/// The checked copy in a private file beside `db`, migrated, with what `replaced` must
/// not lose carried in (see the module's doc). `lenient`: `replaced` may be damaged, so
/// what cannot be read from it is skipped rather than stopping the restore.
fn prepare(
    src: &Connection,
    file: &Path,
    db: &Path,
    replaced: &Path,
    kept: &Path,
    who: &str,
    lenient: bool,
) -> Result<(Store, PathBuf), StorageError> {
    let part = db.with_extension("restoring.db");
    remove_part(&part);
    copy_to_file(src, &part)?;
    let prepared = (|| {
        let mut store = Store::open_migrating(&part, false, &mut |_| {})?;
        store.set_user(who);
        carry(&mut store, replaced, file, kept, lenient)?;
        Ok(store)
    })();
    match prepared {
        Ok(store) => Ok((store, part)),
        Err(e) => {
            remove_part(&part);
            Err(e)
        }
    }
}

fn remove_part(part: &Path) {
    for side in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{side}", part.display()));
    }
}

/// Writes into the prepared copy what the replaced file must not lose, in one transaction.
fn carry(
    store: &mut Store,
    replaced: &Path,
    file: &Path,
    kept: &Path,
    lenient: bool,
) -> Result<(), StorageError> {
    // Read-only, so nothing (not even a WAL recovery) writes to the file being replaced.
    // A file too damaged to be attached has nothing to give: the copy goes in as it is.
    let attached = match store
        .conn
        .execute("ATTACH DATABASE ?1 AS replaced", [read_only_uri(replaced)])
    {
        Ok(_) => true,
        Err(_) if lenient => false,
        Err(e) => return Err(e.into()),
    };
    let carried = (|| -> Result<(), StorageError> {
        let tx = store.conn.transaction()?;
        if !attached {
            piece(
                &tx,
                false,
                "UPDATE main.room_generation SET generation = generation + 1",
            )?;
            record(&tx, &store.repaired, file, kept)?;
            tx.commit()?;
            return Ok(());
        }
        // The history of what the restore undoes is kept: the audit rows written since
        // the copy was made (those with a larger id than any in the copy), ids and all.
        piece(
            &tx,
            lenient,
            "INSERT INTO main.audit SELECT * FROM replaced.audit
             WHERE id > (SELECT coalesce(max(id), 0) FROM main.audit) ORDER BY id",
        )?;
        // Drafts are what people are typing now, not room data: the live ones stay.
        piece(
            &tx,
            lenient,
            "DELETE FROM main.drafts; INSERT INTO main.drafts SELECT * FROM replaced.drafts",
        )?;
        raise_ids(&tx, lenient)?;
        // Above both files' numbers, so every session of either sees a change.
        let above_both = "UPDATE main.room_generation SET generation = max(generation, \
                          coalesce((SELECT generation FROM replaced.room_generation), 0)) + 1";
        if !piece(&tx, lenient, above_both)? {
            piece(
                &tx,
                false,
                "UPDATE main.room_generation SET generation = generation + 1",
            )?;
        }
        record(&tx, &store.repaired, file, kept)?;
        tx.commit()?;
        Ok(())
    })();
    if attached {
        let detached = store.conn.execute("DETACH DATABASE replaced", []);
        carried?;
        detached?;
        return Ok(());
    }
    carried
}

/// The audit row of the restore: by whom (the store's user), when, which copy was put
/// back, where the replaced content is kept, and the generation it started. A copy whose
/// audit triggers had been tampered with was repaired when it was opened: that is
/// recorded first, here after the carried rows (whose ids had to stay free for them).
fn record(
    tx: &Transaction<'_>,
    repaired: &super::TriggerFindings,
    file: &Path,
    kept: &Path,
) -> Result<(), StorageError> {
    if !repaired.is_empty() {
        super::audit::record_repair(tx, repaired)?;
    }
    tx.execute(
        "INSERT INTO main.audit (at, user_name, table_name, row_id, case_id, action, after_json)
         VALUES (tiaojie_now(), tiaojie_user(), 'room', NULL, NULL, 'restore',
                 json_object('file', ?1, 'kept', ?2,
                             'generation', (SELECT generation FROM main.room_generation)))",
        [full(file), full(kept)],
    )?;
    Ok(())
}

/// Raises the copy's record of the largest id ever used in each table with AUTOINCREMENT
/// to at least the replaced file's (its record, or its largest id where the record is
/// missing), so the next id of every table is above any the replaced file had.
fn raise_ids(tx: &Transaction<'_>, lenient: bool) -> Result<(), StorageError> {
    let tables: Vec<String> = {
        let mut stmt = tx.prepare(
            "SELECT name FROM main.sqlite_schema
             WHERE type = 'table' AND sql LIKE '%AUTOINCREMENT%' ORDER BY name",
        )?;
        stmt.query_map([], |r| r.get::<_, String>(0))?
            .collect::<Result<_, _>>()?
    };
    for table in tables {
        // Table names come from the schema, never from a user.
        let high = tx.query_row(
            &format!(
                "SELECT max(coalesce((SELECT max(id) FROM replaced.\"{table}\"), 0),
                            coalesce((SELECT seq FROM replaced.sqlite_sequence
                                      WHERE name = ?1), 0))"
            ),
            [&table],
            |r| r.get::<_, i64>(0),
        );
        let high = match high {
            Ok(high) => high,
            Err(_) if lenient => continue,
            Err(e) => return Err(e.into()),
        };
        let raised = tx.execute(
            "UPDATE main.sqlite_sequence SET seq = max(seq, ?2) WHERE name = ?1",
            rusqlite::params![table, high],
        )?;
        if raised == 0 {
            tx.execute(
                "INSERT INTO main.sqlite_sequence (name, seq) VALUES (?1, ?2)",
                rusqlite::params![table, high],
            )?;
        }
    }
    Ok(())
}

/// Runs `sql` as one part of the transaction; true if it was applied. When `lenient`, a
/// part that fails (the replaced file is damaged there) is undone alone and the restore
/// goes on.
fn piece(tx: &Transaction<'_>, lenient: bool, sql: &str) -> Result<bool, StorageError> {
    tx.execute_batch("SAVEPOINT piece")?;
    match tx.execute_batch(sql) {
        Ok(()) => {
            tx.execute_batch("RELEASE piece")?;
            Ok(true)
        }
        Err(e) => {
            tx.execute_batch("ROLLBACK TO piece; RELEASE piece")?;
            if lenient { Ok(false) } else { Err(e.into()) }
        }
    }
}

/// The path as the audit keeps it: whole, so it still names the file when read later
/// from another folder.
fn full(path: &Path) -> String {
    std::fs::canonicalize(path)
        .unwrap_or_else(|_| path.to_path_buf())
        .display()
        .to_string()
}

/// An SQLite URI opening `path` read-only (the characters URIs reserve escaped).
fn read_only_uri(path: &Path) -> String {
    let mut text = String::from("file:");
    for c in path.to_string_lossy().chars() {
        match c {
            '%' => text.push_str("%25"),
            '?' => text.push_str("%3f"),
            '#' => text.push_str("%23"),
            c => text.push(c),
        }
    }
    text.push_str("?mode=ro");
    text
}

#[cfg(test)]
mod tests;

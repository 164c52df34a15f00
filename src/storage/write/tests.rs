//! A writer that finds the file held longer than its busy timeout waits and tries
//! again instead of failing; only after its whole patience does it give up, in words.

use super::*;
use std::sync::mpsc;

fn open(dir: &std::path::Path, patience: Patience) -> Store {
    let mut store = Store::open(&dir.join("room.db")).unwrap();
    store.set_patience(patience).unwrap();
    store
}

/// Another connection takes the write lock; it is released when `release` is dropped
/// or sent to, or after `hold` if given.
fn hold_lock(
    db: std::path::PathBuf,
    hold: Option<Duration>,
) -> (std::thread::JoinHandle<()>, mpsc::Sender<()>) {
    let (taken_tx, taken_rx) = mpsc::channel();
    let (release_tx, release_rx) = mpsc::channel::<()>();
    let holder = std::thread::spawn(move || {
        let conn = rusqlite::Connection::open(db).unwrap();
        conn.execute_batch("BEGIN IMMEDIATE").unwrap();
        taken_tx.send(()).unwrap();
        match hold {
            // Holding the lock for a while is the point of the test: there is no event
            // to await, the other writer must out-wait its own busy timeout.
            Some(hold) => std::thread::sleep(hold),
            None => {
                let _ = release_rx.recv();
            }
        }
        conn.execute_batch("COMMIT").unwrap();
    });
    taken_rx.recv().unwrap();
    (holder, release_tx)
}

fn insert_note(tx: &Transaction<'_>) -> Result<(), StorageError> {
    tx.execute_batch("CREATE TABLE IF NOT EXISTS note (x INTEGER); INSERT INTO note VALUES (1);")?;
    Ok(())
}

#[test]
fn a_lock_held_past_the_busy_timeout_is_waited_for_and_the_write_succeeds() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = open(
        dir.path(),
        Patience {
            busy_timeout: Duration::from_millis(20),
            give_up_after: Duration::from_secs(60),
        },
    );
    let (holder, _release) =
        hold_lock(dir.path().join("room.db"), Some(Duration::from_millis(300)));
    let mut runs = 0;
    store
        .write(|tx| {
            runs += 1;
            insert_note(tx)
        })
        .unwrap();
    holder.join().unwrap();
    assert_eq!(
        runs, 1,
        "BEGIN is retried, the work runs once it has the lock"
    );
    let notes: i64 = store
        .conn
        .query_row("SELECT count(*) FROM note", [], |r| r.get(0))
        .unwrap();
    assert_eq!(notes, 1);
}

#[test]
fn a_write_that_never_gets_its_turn_gives_up_in_plain_words_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = open(
        dir.path(),
        Patience {
            busy_timeout: Duration::from_millis(20),
            give_up_after: Duration::from_millis(200),
        },
    );
    let (holder, release) = hold_lock(dir.path().join("room.db"), None);
    let result = store.write(insert_note);
    let once = store.write_once(insert_note);
    release.send(()).unwrap();
    holder.join().unwrap();
    for result in [result, once] {
        let e = result.unwrap_err();
        assert!(matches!(e, StorageError::Busy { .. }), "{e:?}");
        let said = e.to_string();
        assert!(!said.contains("locked"), "{said}");
        assert!(
            said.contains(&crate::i18n::tf("err.db.busy", &[("seconds", "0")])[..6]),
            "{said}"
        );
    }
    let exists: i64 = store
        .conn
        .query_row(
            "SELECT count(*) FROM sqlite_schema WHERE name = 'note'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(exists, 0);
}

#[test]
fn a_busy_error_inside_the_work_runs_the_whole_transaction_again() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = open(dir.path(), Patience::default());
    let mut runs = 0;
    store
        .write(|tx| {
            runs += 1;
            insert_note(tx)?;
            if runs == 1 {
                // What a busy COMMIT (or statement) looks like to `write`.
                return Err(StorageError::Sql(rusqlite::Error::SqliteFailure(
                    rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_BUSY),
                    None,
                )));
            }
            Ok(())
        })
        .unwrap();
    assert_eq!(runs, 2);
    let notes: i64 = store
        .conn
        .query_row("SELECT count(*) FROM note", [], |r| r.get(0))
        .unwrap();
    assert_eq!(
        notes, 1,
        "the first attempt was rolled back, not kept twice"
    );
}

/// The settings a bulk write runs with: (cache_size, temp_store).
fn bulk_settings(store: &Store) -> (i64, i64) {
    let get = |name| {
        store
            .conn
            .pragma_query_value(None, name, |r| r.get::<_, i64>(0))
            .unwrap()
    };
    (get("cache_size"), get("temp_store"))
}

#[test]
fn a_bulk_write_keeps_statement_journals_in_memory_and_sets_sqlite_back_after() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = open(dir.path(), Patience::default());
    let before = bulk_settings(&store);
    assert_ne!(before, (BULK_CACHE_KIB, TEMP_STORE_MEMORY));
    let inside = store
        .in_bulk(|store| {
            store.write(insert_note)?;
            Ok(bulk_settings(store))
        })
        .unwrap();
    assert_eq!(inside, (BULK_CACHE_KIB, TEMP_STORE_MEMORY));
    assert_eq!(bulk_settings(&store), before);
    // Also after a bulk write that fails: nothing of it is written, the settings are back.
    let failed = store.in_bulk(|store| {
        store.write(|tx| {
            insert_note(tx)?;
            Err::<(), _>(StorageError::Invalid("stop".to_string()))
        })
    });
    assert!(matches!(failed, Err(StorageError::Invalid(_))));
    assert_eq!(bulk_settings(&store), before);
    let notes: i64 = store
        .conn
        .query_row("SELECT count(*) FROM note", [], |r| r.get(0))
        .unwrap();
    assert_eq!(notes, 1);
}

//! Restore on real temporary files, with a second store standing for a session that was
//! connected all along: ids are never handed out twice, the audit rows written since the
//! copy stay, the restore is recorded, and the session's stale writes are refused.

use super::super::audit::tests::{fields, now, setup};
use super::*;
use crate::domain::audit::AuditAction;
use crate::domain::case::CaseId;

fn max_id(store: &Store, table: &str) -> i64 {
    store
        .conn
        .query_row(
            &format!("SELECT coalesce(max(id), 0) FROM {table}"),
            [],
            |r| r.get(0),
        )
        .unwrap()
}

#[test]
fn after_a_restore_no_id_of_the_replaced_file_is_handed_out_again() {
    let (dir, mut store, org) = setup();
    let kept_case = store
        .create_case(org.id, &fields("张三"), "wang", &now())
        .unwrap();
    let copy = dir.path().join("copy.db");
    store.backup_to(&copy).unwrap();
    let gone = store
        .create_case(org.id, &fields("李四"), "wang", &now())
        .unwrap();
    let last = store
        .create_case(org.id, &fields("王五"), "wang", &now())
        .unwrap();
    let parties_high = max_id(&store, "parties");
    let mediators_high = store.add_mediator(org.id, "赵调解", "").unwrap().id.0;

    store.restore_from(&copy, "admin").unwrap();
    assert!(matches!(
        store.load_case(gone.id),
        Err(StorageError::NotFound { .. })
    ));
    assert!(store.load_case(kept_case.id).is_ok());
    let new = store
        .create_case(org.id, &fields("钱六"), "admin", &now())
        .unwrap();
    assert!(
        new.id.0 > last.id.0,
        "{:?} reuses an id up to {:?}",
        new.id,
        last.id
    );
    assert!(max_id(&store, "parties") > parties_high);
    let mediator = store.add_mediator(org.id, "孙调解", "").unwrap();
    assert!(mediator.id.0 > mediators_high);
}

#[test]
fn deleting_the_last_row_does_not_free_its_id() {
    let (_dir, mut store, org) = setup();
    let first = store.add_mediator(org.id, "赵调解", "").unwrap();
    store
        .conn
        .execute("DELETE FROM mediators WHERE id = ?1", [first.id.0])
        .unwrap();
    let second = store.add_mediator(org.id, "钱调解", "").unwrap();
    assert!(second.id.0 > first.id.0);
    let case = store
        .create_case(org.id, &fields("张三"), "wang", &now())
        .unwrap();
    store
        .conn
        .execute_batch("PRAGMA foreign_keys = OFF")
        .unwrap();
    store
        .conn
        .execute("DELETE FROM cases WHERE id = ?1", [case.id.0])
        .unwrap();
    let next = store
        .create_case(org.id, &fields("李四"), "wang", &now())
        .unwrap();
    assert!(next.id.0 > case.id.0);
}

#[test]
fn the_audit_rows_since_the_copy_stay_and_the_restore_is_recorded() {
    let (dir, mut store, org) = setup();
    store
        .create_case(org.id, &fields("张三"), "wang", &now())
        .unwrap();
    let copy = dir.path().join("copy.db");
    store.backup_to(&copy).unwrap();
    let gone = store
        .create_case(org.id, &fields("李四"), "wang", &now())
        .unwrap();
    let before: Vec<(i64, String)> = rows(&store);
    let history = store.case_history(gone.id).unwrap();
    assert!(!history.is_empty());

    let kept = store.restore_from(&copy, "admin").unwrap();
    let after = rows(&store);
    assert_eq!(
        &after[..before.len()],
        &before[..],
        "every earlier row, ids and all"
    );
    assert_eq!(after.len(), before.len() + 1);
    let (who, file, kept_as, action): (String, String, String, String) = store
        .conn
        .query_row(
            "SELECT user_name, json_extract(after_json, '$.file'),
                    json_extract(after_json, '$.kept'), action
             FROM audit ORDER BY id DESC LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .unwrap();
    assert_eq!(action, "restore");
    assert_eq!(who, "admin");
    let whole = |p: &std::path::Path| std::fs::canonicalize(p).unwrap().display().to_string();
    assert_eq!(file, whole(&copy));
    assert_eq!(kept_as, whole(&kept));
    // What the restore undid is still in the history of the case it took away, and the
    // restore itself follows it there, named by the copy it put back.
    let now = store.case_history(gone.id).unwrap();
    assert_eq!(&now[..history.len()], &history[..]);
    let last = now.last().unwrap();
    assert_eq!(now.len(), history.len() + 1);
    assert_eq!(
        (
            last.action,
            last.user.as_str(),
            last.table.as_str(),
            last.name.as_str()
        ),
        (AuditAction::Restore, "admin", "room", "copy.db")
    );
}

fn rows(store: &Store) -> Vec<(i64, String)> {
    let mut stmt = store
        .conn
        .prepare("SELECT id, action || ' ' || table_name FROM audit ORDER BY id")
        .unwrap();
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

#[test]
fn a_session_connected_during_a_restore_sees_it_and_cannot_write_what_it_typed_before() {
    let (dir, mut admin, org) = setup();
    let path = dir.path().join("room.db");
    let copy = dir.path().join("copy.db");
    admin.backup_to(&copy).unwrap();
    let mut desk = Store::open(&path).unwrap();
    desk.set_user("desk");
    let shown = desk
        .create_case(org.id, &fields("李四"), "desk", &now())
        .unwrap();
    let polled = desk.data_version().unwrap();
    assert_eq!(desk.restored_since().unwrap(), None);

    admin.restore_from(&copy, "admin").unwrap();
    let registered = admin
        .create_case(org.id, &fields("王五"), "admin", &now())
        .unwrap();
    assert_ne!(
        registered.id, shown.id,
        "the restored-away case's id is not reused"
    );

    assert_ne!(
        desk.data_version().unwrap(),
        polled,
        "the poll sees the restore"
    );
    let restored = desk.restored_since().unwrap().expect("a restore is seen");
    assert_eq!(restored.by, "admin");
    assert_eq!(
        restored.file,
        std::fs::canonicalize(&copy).unwrap().display().to_string()
    );
    assert_eq!(restored.generation, desk.generation() + 1);
    // The stale form's save is refused, whatever it addresses.
    let mut edited = fields("李四");
    edited.facts = "改过的案情".into();
    for target in [shown.id, registered.id] {
        let refused = desk.update_case(target, shown.version, &edited, &now());
        assert!(
            matches!(refused, Err(StorageError::Restored { .. })),
            "{refused:?}"
        );
    }
    assert!(matches!(
        desk.create_case(org.id, &fields("赵六"), "desk", &now()),
        Err(StorageError::Restored { .. })
    ));
    // Once the session has reloaded, the old case is simply gone, never another one.
    desk.take_in_restore(restored.generation);
    assert_eq!(desk.restored_since().unwrap(), None);
    assert!(matches!(
        desk.update_case(shown.id, shown.version, &edited, &now()),
        Err(StorageError::NotFound { .. })
    ));
    assert_eq!(
        admin.load_case(registered.id).unwrap().fields.facts,
        registered.fields.facts
    );
    assert!(desk.load_case(CaseId(registered.id.0)).is_ok());
}

#[test]
fn a_copy_of_an_older_version_is_migrated_before_it_replaces_anything() {
    let (dir, mut store, org) = setup();
    let case = store
        .create_case(org.id, &fields("张三"), "wang", &now())
        .unwrap();
    let copy = dir.path().join("copy.db");
    store.backup_to(&copy).unwrap();
    // Made old the way an old binary left it: no generation yet, an older version.
    let conn = Connection::open(&copy).unwrap();
    crate::storage::migrations::undo_agreement_alert_days(&conn);
    crate::storage::migrations::undo_agent_links(&conn);
    conn.execute_batch("DROP TABLE room_generation; PRAGMA user_version = 13;")
        .unwrap();
    drop(conn);
    store.restore_from(&copy, "admin").unwrap();
    let version: i64 = store
        .conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert_eq!(version, super::super::migrations::latest_version());
    assert_eq!(store.generation(), 1);
    // Copying the tables with foreign keys on would have emptied the child tables.
    assert_eq!(store.load_case(case.id).unwrap().fields.parties.len(), 1);
    assert!(!dir.path().join("room.restoring.db").exists());
}

#[test]
fn a_copy_with_a_dropped_trigger_is_repaired_on_record_after_the_carried_rows() {
    let (dir, mut store, org) = setup();
    let copy = dir.path().join("copy.db");
    store.backup_to(&copy).unwrap();
    Connection::open(&copy)
        .unwrap()
        .execute_batch("DROP TRIGGER audit_cases_insert;")
        .unwrap();
    store
        .create_case(org.id, &fields("李四"), "wang", &now())
        .unwrap();
    let before = rows(&store);
    store.restore_from(&copy, "admin").unwrap();
    let after = rows(&store);
    assert_eq!(
        &after[..before.len()],
        &before[..],
        "every carried row, ids and all"
    );
    let added: Vec<&str> = after[before.len()..]
        .iter()
        .map(|(_, r)| r.as_str())
        .collect();
    assert_eq!(added, ["repair audit", "restore room"]);
    assert!(
        super::super::audit::findings(&store.conn)
            .unwrap()
            .is_empty()
    );
}

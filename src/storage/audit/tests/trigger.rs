//! Switching the audit off around the app is seen: a dropped or altered trigger is
//! found, made again when the file is opened, and the repair is itself recorded.

use super::super::*;
use super::{fields, now, setup};

fn repairs(store: &Store) -> Vec<(String, String)> {
    let mut stmt = store
        .conn
        .prepare("SELECT table_name, after_json FROM audit WHERE action = 'repair' ORDER BY id")
        .unwrap();
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

#[test]
fn a_new_file_holds_every_trigger_and_records_no_repair() {
    let (_dir, store, _org) = setup();
    assert!(findings(&store.conn).unwrap().is_empty());
    assert!(store.repaired_triggers().is_empty());
    assert!(repairs(&store).is_empty());
}

#[test]
fn a_dropped_or_altered_trigger_is_found_made_again_and_recorded() {
    let (dir, mut store, org) = setup();
    let path = dir.path().join("room.db");
    store
        .conn
        .execute_batch(
            "DROP TRIGGER audit_parties_update;
             DROP TRIGGER audit_append_only_delete;
             DROP TRIGGER audit_cases_insert;
             CREATE TRIGGER audit_cases_insert AFTER INSERT ON cases WHEN 0 BEGIN SELECT 1; END;",
        )
        .unwrap();
    let found = findings(&store.conn).unwrap();
    assert_eq!(
        found.missing,
        ["audit_parties_update", "audit_append_only_delete"]
    );
    assert_eq!(found.altered, ["audit_cases_insert"]);
    // Meanwhile a case registered here goes unrecorded: exactly what must be visible.
    store
        .create_case(org.id, &fields("张三"), "wang", &now())
        .unwrap();
    drop(store);

    let mut store = Store::open(&path).unwrap();
    assert_eq!(store.repaired_triggers(), &found);
    assert!(findings(&store.conn).unwrap().is_empty());
    let rows = repairs(&store);
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].0, "audit");
    assert!(rows[0].1.contains("audit_parties_update"), "{}", rows[0].1);
    assert!(rows[0].1.contains("audit_cases_insert"), "{}", rows[0].1);
    // Working again: registrations are recorded, audit rows cannot be deleted.
    store.set_user("wang");
    let before = store.audit_count().unwrap();
    store
        .create_case(org.id, &fields("李四"), "wang", &now())
        .unwrap();
    assert!(store.audit_count().unwrap() > before);
    assert!(store.conn.execute("DELETE FROM audit", []).is_err());
    drop(store);
    // Opened again: nothing left to repair, nothing recorded twice.
    let store = Store::open(&path).unwrap();
    assert!(store.repaired_triggers().is_empty());
    assert_eq!(repairs(&store).len(), 1);
}

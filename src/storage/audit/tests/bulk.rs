//! Bulk writes (import, demo) are recorded by summary: one row per imported case, none
//! per row they write; and the triggers record every ordinary change again afterwards,
//! also after a bulk write that failed.

use super::{fields, now, rows, setup};
use crate::domain::audit::AuditAction;
use crate::domain::status::{CaseStatus, StatusChange};
use crate::storage::Store;
use crate::storage::cases::NewCaseRecord;
use crate::storage::import::CaseExtras;

fn record(name: &str) -> NewCaseRecord {
    NewCaseRecord {
        number: None,
        status: CaseStatus::Registered,
        fields: fields(name),
        mediator_names: Vec::new(),
        history: vec![StatusChange {
            from: None,
            to: CaseStatus::Registered,
            at: now(),
            operator: "wang".into(),
            reason: String::new(),
        }],
        extras: CaseExtras::default(),
    }
}

fn count(store: &Store, sql: &str) -> i64 {
    store.conn.query_row(sql, [], |r| r.get(0)).unwrap()
}

#[test]
fn an_import_writes_one_audit_row_per_case_and_the_history_says_imported() {
    let (_dir, mut store, org) = setup();
    let before = store.audit_count().unwrap();
    let added = store
        .insert_records(
            org.id,
            &mut [record("张三"), record("李四")].into_iter().map(Ok),
        )
        .unwrap();
    assert_eq!(added, 2);
    // Two cases, two parties, two status entries: still only one row per case.
    assert_eq!(store.audit_count().unwrap() - before, 2);
    assert!(rows(&store, "parties", "insert").is_empty());
    let imported = rows(&store, "cases", "import");
    assert_eq!(imported.len(), 2);
    assert_eq!(imported[0].0, "wang");
    let summary: serde_json::Value =
        serde_json::from_str(imported[0].2.as_deref().unwrap()).unwrap();
    assert_eq!(summary["name"], "张三");
    assert_eq!(summary["parties"], 1);

    let id = count(&store, "SELECT max(id) FROM cases");
    let history = store.case_history(crate::domain::case::CaseId(id)).unwrap();
    assert_eq!(history.len(), 1);
    assert_eq!(history[0].action, AuditAction::Import);
    assert_eq!(history[0].name, "李四");

    // Ordinary work after the import is recorded row by row again.
    store
        .create_case(org.id, &fields("王五"), "wang", &now())
        .unwrap();
    assert_eq!(rows(&store, "cases", "insert").len(), 1);
    assert_eq!(rows(&store, "parties", "insert").len(), 1);
}

#[test]
fn a_failed_bulk_write_leaves_row_auditing_on() {
    let (_dir, mut store, org) = setup();
    // Two cases with one number: the second breaks the room's unique numbering.
    let number = crate::domain::case::CaseNumber {
        year: 2026,
        seq: 1,
        text: "（2026）临新人调字第1号".into(),
    };
    let mut first = record("张三");
    first.number = Some(number.clone());
    let mut second = record("赵六");
    second.number = Some(number);
    let result = store.insert_records(org.id, &mut [first, second].into_iter().map(Ok));
    assert!(result.is_err(), "{result:?}");
    // All or nothing: the first case is gone with its summary row.
    assert_eq!(count(&store, "SELECT count(*) FROM cases"), 0);
    assert!(rows(&store, "cases", "import").is_empty());
    store
        .create_case(org.id, &fields("王五"), "wang", &now())
        .unwrap();
    assert_eq!(rows(&store, "cases", "insert").len(), 1);
}

#[test]
fn bulk_sessions_visits_and_agreements_are_one_row_per_batch() {
    use crate::domain::follow_up::{FollowUp, Performance, Satisfaction, VisitWay};
    let (_dir, mut store, org) = setup();
    let case = store
        .create_case(org.id, &fields("张三"), "wang", &now())
        .unwrap();
    let before = store.audit_count().unwrap();
    let visit = FollowUp {
        case_id: case.id,
        visited_on: now().date_naive(),
        way: VisitWay::Phone,
        performance: Performance::Full,
        satisfaction: Satisfaction::Satisfied,
        lawsuit: false,
        escalation: false,
        measures: String::new(),
        by_whom: "王调解".into(),
    };
    let added = store
        .insert_follow_ups(&[visit.clone(), visit], &now())
        .unwrap();
    assert_eq!(added, 2);
    assert_eq!(store.audit_count().unwrap() - before, 1);
    let batch = rows(&store, "follow_ups", "import");
    assert_eq!(batch.len(), 1);
    assert_eq!(batch[0].2.as_deref(), Some(r#"{"count":2}"#));
    assert!(rows(&store, "follow_ups", "insert").is_empty());
}

#[test]
fn upgrading_a_file_keeps_its_audit_rows_and_their_protection() {
    use crate::storage::migrations::{APPLICATION_ID, MIGRATIONS};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.db");
    let conn = rusqlite::Connection::open(&path).unwrap();
    // The file as version 10 left it: the audit table, a row trigger of that time
    // (without the bulk switch) and two audit rows.
    for sql in &MIGRATIONS[..10] {
        conn.execute_batch(sql).unwrap();
    }
    conn.pragma_update(None, "user_version", 10).unwrap();
    conn.pragma_update(None, "application_id", APPLICATION_ID)
        .unwrap();
    conn.execute_batch(
        "CREATE TRIGGER audit_users_insert AFTER INSERT ON users BEGIN
             INSERT INTO audit (at, user_name, table_name, row_id, action, after_json)
             VALUES ('2026-01-05T10:00:00+08:00', 'old', 'users', NEW.rowid, 'insert', NEW.name);
         END;
         INSERT INTO users (name, role, created_at) VALUES ('li', 'mediator', '2026-01-05');
         INSERT INTO audit (at, user_name, table_name, case_id, action, after_json)
         VALUES ('2026-01-06T10:00:00+08:00', 'li', 'parties', 7, 'view', '{\"shown\":\"id\"}');",
    )
    .unwrap();
    drop(conn);

    let mut store = Store::open(&path).unwrap();
    let kept: Vec<(i64, String, String)> = store
        .conn
        .prepare("SELECT id, user_name, action FROM audit ORDER BY id")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(
        kept,
        [
            (1, "old".into(), "insert".into()),
            (2, "li".into(), "view".into())
        ]
    );
    assert_eq!(
        store
            .case_history(crate::domain::case::CaseId(7))
            .unwrap()
            .len(),
        1
    );
    assert!(store.conn.execute("DELETE FROM audit", []).is_err());
    assert!(
        store
            .conn
            .execute("UPDATE audit SET user_name = 'x'", [])
            .is_err()
    );
    // The new action is accepted, and the triggers were made again for this binary.
    store.set_user("wang");
    let org = store
        .create_organisation(
            &crate::domain::org::OrgProfile {
                room_name: "老王调解工作室".into(),
                committee_name: "新华街道人民调解委员会".into(),
                number_prefix: "临新".into(),
                number_pattern: crate::domain::org::DEFAULT_NUMBER_PATTERN.into(),
            },
            "王调解",
            &now(),
        )
        .unwrap();
    store
        .insert_records(org.id, &mut [record("张三")].into_iter().map(Ok))
        .unwrap();
    assert_eq!(rows(&store, "cases", "import").len(), 1);
    assert!(rows(&store, "parties", "insert").is_empty());
}

//! The audit trail on real temporary files: every change leaves rows, nobody can alter
//! them, and the triggers follow the tables' columns.

use super::*;
use crate::domain::case::CaseFields;
use crate::domain::party::{Party, PartyKind, PartyRole};
use crate::domain::user::{Role, User};
use crate::storage::test_room::{TestRoom, open_room};
use chrono::NaiveDate;

mod bulk;
mod trigger;

pub(in crate::storage) use crate::storage::test_room::now;

pub(in crate::storage) fn fields(name: &str) -> CaseFields {
    let mut f = CaseFields::blank(NaiveDate::from_ymd_opt(2026, 11, 27).unwrap());
    f.facts = "楼上漏水，损坏楼下吊顶".into();
    let mut p = Party::new(PartyRole::Applicant, PartyKind::Person);
    p.name = name.into();
    p.id_number = "11010519491231002X".into();
    p.phone = "13904781234".into();
    f.parties = vec![p];
    f
}

pub(in crate::storage) fn setup() -> (tempfile::TempDir, Store, crate::domain::org::Organisation) {
    let TestRoom {
        dir,
        mut store,
        org,
    } = open_room();
    store.set_user("wang");
    (dir, store, org)
}

pub(super) fn rows(
    store: &Store,
    table: &str,
    action: &str,
) -> Vec<(String, Option<String>, Option<String>)> {
    let mut stmt = store
        .conn
        .prepare("SELECT user_name, before_json, after_json FROM audit WHERE table_name = ?1 AND action = ?2 ORDER BY id")
        .unwrap();
    stmt.query_map([table, action], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

#[test]
fn every_change_of_a_case_and_its_parties_is_recorded_with_who_and_before_and_after() {
    let (_dir, mut store, org) = setup();
    let case = store
        .create_case(org.id, &fields("张三"), "wang", &now())
        .unwrap();
    let inserted = rows(&store, "cases", "insert");
    assert_eq!(inserted.len(), 1);
    assert_eq!(inserted[0].0, "wang");
    assert!(inserted[0].2.as_deref().unwrap().contains("楼上漏水"));
    let party = rows(&store, "parties", "insert");
    assert_eq!(party.len(), 1);
    assert!(
        party[0]
            .2
            .as_deref()
            .unwrap()
            .contains("11010519491231002X")
    );

    store.set_user("li");
    let mut changed = case.fields.clone();
    changed.facts = "楼上漏水，损坏楼下吊顶和墙面".into();
    store
        .update_case(case.id, case.version, &changed, &now())
        .unwrap();
    let updates = rows(&store, "cases", "update");
    let last = updates.last().unwrap();
    assert_eq!(last.0, "li");
    assert!(last.1.as_deref().unwrap().contains("损坏楼下吊顶\""));
    assert!(last.2.as_deref().unwrap().contains("和墙面"));

    let history = store.case_history(case.id).unwrap();
    assert!(history.iter().any(|e| e.user == "li"
        && e.action == AuditAction::Update
        && e.table == "cases"
        && e.changed.contains(&"facts".to_string())));
    assert!(
        history
            .iter()
            .any(|e| e.table == "parties" && e.name == "张三")
    );
    // Every stored time carries its zone.
    assert!(history.iter().all(|e| e.at.is_some()));
}

#[test]
fn follow_ups_sessions_users_and_deletes_are_recorded() {
    let (_dir, mut store, org) = setup();
    let case = store
        .create_case(org.id, &fields("张三"), "wang", &now())
        .unwrap();
    store
        .add_follow_up(
            &crate::domain::follow_up::FollowUp {
                case_id: case.id,
                visited_on: NaiveDate::from_ymd_opt(2026, 11, 28).unwrap(),
                way: crate::domain::follow_up::VisitWay::ALL[0],
                performance: crate::domain::follow_up::Performance::ALL[0],
                satisfaction: crate::domain::follow_up::Satisfaction::ALL[0],
                lawsuit: false,
                escalation: false,
                measures: String::new(),
                by_whom: "王调解".into(),
            },
            &now(),
        )
        .unwrap();
    assert_eq!(rows(&store, "follow_ups", "insert").len(), 1);

    store
        .conn
        .execute(
            "INSERT INTO sessions (org_id, case_id, kind, status, day, start_at, end_at, start_utc, end_utc, created_at, updated_at)
             VALUES (?1, ?2, 'mediation', 'planned', '2026-11-30', 'a', 'b', 0, 1, 'c', 'c')",
            rusqlite::params![org.id.0, case.id.0],
        )
        .unwrap();
    store
        .conn
        .execute("UPDATE sessions SET notes = 'x'", [])
        .unwrap();
    // Only version and time stamps changing is no change worth a row.
    store
        .conn
        .execute("UPDATE sessions SET version = version + 1", [])
        .unwrap();
    assert_eq!(rows(&store, "sessions", "insert").len(), 1);
    assert_eq!(rows(&store, "sessions", "update").len(), 1);

    store
        .add_user(&User::new("police1", Role::Clerk), &now())
        .unwrap();
    assert_eq!(rows(&store, "users", "insert").len(), 1);

    store
        .conn
        .execute("DELETE FROM cases WHERE id = ?1", [case.id.0])
        .unwrap();
    assert_eq!(rows(&store, "cases", "delete").len(), 1);
    // Cascaded deletes are recorded too, and the history outlives the case.
    assert_eq!(rows(&store, "parties", "delete").len(), 1);
    assert!(store.case_history(case.id).unwrap().len() >= 6);
}

#[test]
fn audit_rows_cannot_be_changed_or_deleted() {
    let (_dir, mut store, org) = setup();
    store
        .create_case(org.id, &fields("张三"), "wang", &now())
        .unwrap();
    let before = store.audit_count().unwrap();
    assert!(before > 0);
    let update = store
        .conn
        .execute("UPDATE audit SET user_name = 'nobody'", []);
    assert!(update.unwrap_err().to_string().contains("append-only"));
    let delete = store.conn.execute("DELETE FROM audit", []);
    assert!(delete.unwrap_err().to_string().contains("append-only"));
    assert_eq!(store.audit_count().unwrap(), before);
    let names: i64 = store
        .conn
        .query_row(
            "SELECT count(*) FROM audit WHERE user_name = 'nobody'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(names, 0);
}

#[test]
fn viewing_full_id_numbers_is_recorded() {
    let (_dir, mut store, org) = setup();
    let case = store
        .create_case(org.id, &fields("张三"), "wang", &now())
        .unwrap();
    store.set_user("zhao");
    store.record_view(case.id, "id_number").unwrap();
    let history = store.case_history(case.id).unwrap();
    let view = history.last().unwrap();
    assert_eq!(view.action, AuditAction::View);
    assert_eq!(view.user, "zhao");
}

#[test]
fn a_column_added_later_is_recorded_after_the_next_open() {
    let (dir, store, org) = setup();
    store
        .conn
        .execute_batch("ALTER TABLE parties ADD COLUMN nickname TEXT NOT NULL DEFAULT ''")
        .unwrap();
    drop(store);
    let mut store = Store::open(&dir.path().join("room.db")).unwrap();
    store
        .create_case(org.id, &fields("张三"), "wang", &now())
        .unwrap();
    let party = rows(&store, "parties", "insert");
    assert!(party[0].2.as_deref().unwrap().contains("\"nickname\""));
    // Opening again changes nothing when the triggers already match.
    let schema = |s: &Store| -> String {
        s.conn
            .query_row(
                "SELECT group_concat(sql) FROM sqlite_schema WHERE type = 'trigger'",
                [],
                |r| r.get(0),
            )
            .unwrap()
    };
    let first = schema(&store);
    drop(store);
    let store = Store::open(&dir.path().join("room.db")).unwrap();
    assert_eq!(schema(&store), first);
}

#[test]
fn the_case_remembers_who_registered_it() {
    let (_dir, mut store, org) = setup();
    let case = store
        .create_case(org.id, &fields("张三"), "police1", &now())
        .unwrap();
    let other = store
        .create_case(org.id, &fields("李四"), "wang", &now())
        .unwrap();
    let mine = crate::domain::case::CaseQuery {
        registered_by: Some("police1".into()),
        limit: 10,
        ..Default::default()
    };
    let page = store.list_cases(org.id, &mine).unwrap();
    assert_eq!(page.total, 1);
    assert_eq!(page.rows[0].id, case.id);
    assert_ne!(page.rows[0].id, other.id);
    // With search words too (the list rewrites its filter for the planner then).
    for (text, found) in [("李四", 0), ("张三", 1), ("漏水", 1)] {
        let q = crate::domain::case::CaseQuery {
            text: text.into(),
            ..mine.clone()
        };
        assert_eq!(store.list_cases(org.id, &q).unwrap().total, found, "{text}");
    }
}

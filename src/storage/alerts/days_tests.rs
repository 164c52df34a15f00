//! The effective day kept for each agreement (`agreement_alert_days`, migration 026) stays
//! what its tables say through every way it can go stale — the room's zone, the
//! agreement's date and confirmation, a visit added or removed, a case removed or moved —
//! and today's alerts read from it stay those of every agreement read whole.

use super::tests::{agreement_alerts_read_whole, same_head_as_all_read};
use super::*;
use rusqlite::types::Value;

const KEPT: &str = "SELECT case_id, org_id, at, day, applied, followed_up
    FROM agreement_alert_days ORDER BY case_id";
const MADE: &str = "SELECT case_id, org_id, at, day, applied, followed_up
    FROM agreement_alert_days_made ORDER BY case_id";

fn rows(store: &Store, sql: &str) -> Vec<Vec<Value>> {
    let mut stmt = store.conn.prepare(sql).unwrap();
    let columns = stmt.column_count();
    stmt.query_map([], |r| (0..columns).map(|i| r.get(i)).collect())
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

/// A demo room of 600 cases made on 2026-12-01.
fn room() -> (tempfile::TempDir, Store, OrgId) {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("room.db")).unwrap();
    let now = chrono::DateTime::parse_from_rfc3339("2026-12-01T09:00:00+08:00").unwrap();
    crate::cli::demo::fill_demo(&mut store, 600, 7, now).unwrap();
    let org = store.organisation().unwrap().unwrap().id;
    (dir, store, org)
}

/// The kept rows are the rows made from the tables, and the alerts read from them are
/// those of every agreement read whole; returns the kept rows.
fn still_right(store: &Store, org: OrgId, what: &str) -> Vec<Vec<Value>> {
    let kept = rows(store, KEPT);
    assert_eq!(kept, rows(store, MADE), "{what}");
    let limits = Limits::default();
    let today: NaiveDate = "2026-12-01".parse().unwrap();
    let key = |a: &CaseAlert| (a.case_id, a.deadline.due, a.deadline.kind as u8);
    let mut got: Vec<CaseAlert> = store
        .case_alerts(org, &limits, today)
        .unwrap()
        .into_iter()
        .filter(|a| {
            matches!(
                a.deadline.kind,
                DeadlineKind::Confirmation | DeadlineKind::FollowUp
            )
        })
        .collect();
    let mut want = agreement_alerts_read_whole(store, org, &limits, today);
    got.sort_by_key(key);
    want.sort_by_key(key);
    assert_eq!(got, want, "{what}");
    kept
}

/// A case with an agreement whose confirmation is not applied for, its day watched.
fn watched_case(store: &Store) -> i64 {
    store
        .conn
        .query_row(
            "SELECT case_id FROM agreement_alert_days WHERE applied = 0 AND followed_up = 0
             AND day >= '2026-11-01' AND case_id IN (SELECT case_id FROM agreements)
             ORDER BY case_id LIMIT 1",
            [],
            |r| r.get(0),
        )
        .unwrap()
}

#[test]
fn a_new_zone_moves_the_day_of_every_agreement_dated_by_its_change() {
    let (_dir, mut store, org) = room();
    // Some agreements carry no date of their own: their day is their change's.
    store
        .conn
        .execute_batch("UPDATE agreements SET agreed_on = NULL WHERE case_id % 2 = 0")
        .unwrap();
    let before = still_right(&store, org, "undated");
    store
        .set_settings(org, &[("time.zone".into(), "-10:00".into())])
        .unwrap();
    let after = still_right(&store, org, "zone -10:00");
    assert_ne!(
        before, after,
        "a change in the morning in Beijing is yesterday at -10:00"
    );
    store
        .conn
        .execute_batch("DELETE FROM settings WHERE key = 'time.zone'")
        .unwrap();
    assert_eq!(still_right(&store, org, "zone removed"), before);
    same_head_as_all_read(&store, org, &Limits::default());
}

#[test]
fn an_agreements_date_and_confirmation_edited_move_its_alerts() {
    let (_dir, store, org) = room();
    let id = watched_case(&store);
    let before = still_right(&store, org, "as made");
    store
        .conn
        .execute(
            "UPDATE agreements SET agreed_on = '2026-11-02' WHERE case_id = ?1",
            [id],
        )
        .unwrap();
    let moved = still_right(&store, org, "dated by hand");
    assert_ne!(before, moved);
    store
        .conn
        .execute(
            "UPDATE agreements SET confirmation = 'applied' WHERE case_id = ?1",
            [id],
        )
        .unwrap();
    still_right(&store, org, "applied for");
    store
        .conn
        .execute("DELETE FROM agreements WHERE case_id = ?1", [id])
        .unwrap();
    still_right(&store, org, "agreement removed");
    same_head_as_all_read(&store, org, &Limits::default());
}

#[test]
fn a_visit_added_or_removed_ends_or_brings_back_the_follow_up_alert() {
    let (_dir, store, org) = room();
    let id = watched_case(&store);
    let before = still_right(&store, org, "as made");
    store
        .conn
        .execute(
            "INSERT INTO follow_ups (case_id, visited_on, way, performance, satisfaction,
                                     by_whom, created_at)
             VALUES (?1, '2026-11-30', 'phone', 'full', 'satisfied', '王调解',
                     '2026-11-30T10:00:00+08:00')",
            [id],
        )
        .unwrap();
    assert_ne!(still_right(&store, org, "visited"), before);
    store
        .conn
        .execute("DELETE FROM follow_ups WHERE case_id = ?1", [id])
        .unwrap();
    assert_eq!(still_right(&store, org, "visit removed"), before);
}

#[test]
fn a_case_removed_or_moved_takes_its_agreements_day_with_it() {
    let (_dir, store, org) = room();
    let id = watched_case(&store);
    let before = still_right(&store, org, "as made");
    store
        .conn
        .execute("DELETE FROM cases WHERE id = ?1", [id])
        .unwrap();
    let after = still_right(&store, org, "case removed");
    assert_eq!(after.len() + 1, before.len());
    store
        .conn
        .execute_batch(
            "PRAGMA foreign_keys = OFF;
             UPDATE cases SET org_id = 99
             WHERE id = (SELECT min(case_id) FROM agreement_alert_days);
             PRAGMA foreign_keys = ON;",
        )
        .unwrap();
    still_right(&store, org, "case moved");
    same_head_as_all_read(&store, org, &Limits::default());
}

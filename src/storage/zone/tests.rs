//! The room's zone on real temporary files: stored times shown at the room's hour, the
//! sessions' day following a change of zone, the audit stamped in it, and an older file's
//! sessions filed under their Beijing day by the migration.

use super::*;
use crate::domain::case::{Case, CaseFields, CaseId};
use crate::domain::org::{DEFAULT_NUMBER_PATTERN, MediatorId, OrgProfile, Organisation};
use crate::domain::party::{Party, PartyKind, PartyRole};
use crate::domain::session::{InvitedParty, SessionFields, SessionKind};
use crate::storage::SessionFilter;
use crate::storage::migrations;
use chrono::NaiveDate;

fn at(s: &str) -> Timestamp {
    chrono::DateTime::parse_from_rfc3339(s).unwrap()
}

fn now() -> Timestamp {
    at("2026-11-28T09:30:00+08:00")
}

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

struct Room {
    _dir: tempfile::TempDir,
    store: Store,
    org: Organisation,
    wang: MediatorId,
}

fn room() -> Room {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("room.db")).unwrap();
    let profile = OrgProfile {
        room_name: "老王调解工作室".into(),
        committee_name: "新华街道人民调解委员会".into(),
        number_prefix: "临新".into(),
        number_pattern: DEFAULT_NUMBER_PATTERN.into(),
    };
    let org = store
        .create_organisation(&profile, "王调解", &now())
        .unwrap();
    let wang = store.add_mediator(org.id, "王秀英", "").unwrap().id;
    Room {
        _dir: dir,
        store,
        org,
        wang,
    }
}

fn case(room: &mut Room, name: &str) -> Case {
    let mut f = CaseFields::blank(day("2026-11-20"));
    f.facts = "楼上漏水".into();
    let mut p = Party::new(PartyRole::Applicant, PartyKind::Person);
    p.name = name.into();
    f.parties = vec![p];
    room.store
        .create_case(room.org.id, &f, "wang", &now())
        .unwrap()
}

fn nine_to_ten(case: CaseId, who: MediatorId) -> SessionFields {
    SessionFields {
        case_id: case,
        kind: SessionKind::Mediation,
        start: at("2026-11-30T09:00:00+08:00"),
        end: at("2026-11-30T10:00:00+08:00"),
        place: "小调解室".into(),
        place_is_room: true,
        mediators: vec![who],
        parties: vec![InvitedParty {
            seq: 0,
            name: "张三".into(),
        }],
    }
}

fn days_with_sessions(store: &Store, org: crate::domain::org::OrgId) -> Vec<String> {
    let all = SessionFilter::default();
    store
        .session_counts(org, day("2026-11-01"), day("2026-12-31"), &all)
        .unwrap()
        .into_iter()
        .map(|(d, _)| d.to_string())
        .collect()
}

#[test]
fn a_missing_or_unreadable_zone_is_beijing_time_and_a_bad_one_is_not_saved() {
    let conn = Connection::open_in_memory().unwrap();
    conn.execute_batch("CREATE TABLE settings (org_id INTEGER, key TEXT, value TEXT);")
        .unwrap();
    assert_eq!(zone_of(&conn).unwrap(), Zone::beijing());
    conn.execute("INSERT INTO settings VALUES (1, 'time.zone', '-05:30')", [])
        .unwrap();
    assert_eq!(zone_of(&conn).unwrap().to_string(), "-05:30");
    conn.execute("UPDATE settings SET value = 'Asia/Shanghai'", [])
        .unwrap();
    assert_eq!(
        zone_of(&conn).unwrap(),
        Zone::beijing(),
        "not refused: 设置 must open"
    );
    assert_eq!(checked_setting(ZONE_KEY, " UTC+8 ").unwrap(), "+08:00");
    assert!(checked_setting(ZONE_KEY, "+15:00").is_err());
    assert_eq!(checked_setting("lang", "en").unwrap(), "en");
}

#[test]
fn a_new_zone_shows_stored_times_at_its_hour_and_files_sessions_under_its_day() {
    let mut r = room();
    let c = case(&mut r, "张三");
    let f = nine_to_ten(c.id, r.wang);
    let booked = r.store.create_session(r.org.id, &f, "", &now()).unwrap();
    assert_eq!(r.store.zone().unwrap(), Zone::beijing(), "a new room");
    assert_eq!(days_with_sessions(&r.store, r.org.id), ["2026-11-30"]);

    r.store
        .set_settings(r.org.id, &[(ZONE_KEY.into(), "-05:00".into())])
        .unwrap();
    assert_eq!(r.store.zone().unwrap().to_string(), "-05:00");
    // The same moment, at the new zone's hour: 20:00 the evening before.
    let s = r.store.load_session(booked.session.id).unwrap();
    assert_eq!(s.fields.start, f.start);
    assert_eq!(s.fields.start.to_rfc3339(), "2026-11-29T20:00:00-05:00");
    assert_eq!(s.fields.end.to_rfc3339(), "2026-11-29T21:00:00-05:00");
    // Filed under that day: the agenda of the 29th has it, the 30th's does not.
    assert_eq!(days_with_sessions(&r.store, r.org.id), ["2026-11-29"]);
    let all = SessionFilter::default();
    let on = |d: &str| {
        r.store
            .sessions_in_range(r.org.id, day(d), day(d), &all)
            .unwrap()
            .len()
    };
    assert_eq!((on("2026-11-29"), on("2026-11-30")), (1, 0));
    // The case's history and the record of changes are shown in the zone too.
    let case = r.store.load_case(c.id).unwrap();
    assert!(
        case.history
            .iter()
            .all(|h| h.at.offset().local_minus_utc() == -5 * 3600)
    );
    let history = r.store.case_history(c.id).unwrap();
    assert!(!history.is_empty());
    assert!(history.iter().all(|e| {
        e.at.is_some_and(|t| t.offset().local_minus_utc() == -5 * 3600)
    }));

    // Back to Beijing time: back to the 30th.
    r.store
        .set_settings(r.org.id, &[(ZONE_KEY.into(), "+08:00".into())])
        .unwrap();
    assert_eq!(days_with_sessions(&r.store, r.org.id), ["2026-11-30"]);
    let s = r.store.load_session(booked.session.id).unwrap();
    assert_eq!(s.fields.start.to_rfc3339(), "2026-11-30T09:00:00+08:00");
}

#[test]
fn an_impossible_zone_is_refused_and_nothing_changes() {
    let mut r = room();
    let err = r
        .store
        .set_settings(
            r.org.id,
            &[
                ("lang".into(), "en".into()),
                (ZONE_KEY.into(), "+15:00".into()),
            ],
        )
        .unwrap_err();
    assert!(matches!(err, StorageError::Invalid(_)), "{err:?}");
    assert!(err.to_string().contains("+15:00"), "{err}");
    assert_eq!(r.store.setting(r.org.id, "lang").unwrap(), None);
    assert_eq!(r.store.zone().unwrap(), Zone::beijing());
}

#[test]
fn what_is_written_is_written_in_the_rooms_zone_and_the_audit_stamped_in_it() {
    let mut r = room();
    r.store
        .set_settings(r.org.id, &[(ZONE_KEY.into(), "+00:00".into())])
        .unwrap();
    let c = case(&mut r, "李四");
    // Typed on a machine at +08:00: stored at the room's offset, the instant kept.
    let f = nine_to_ten(c.id, r.wang);
    r.store.create_session(r.org.id, &f, "", &now()).unwrap();
    let (start, day, stamp): (String, String, String) = r
        .store
        .conn
        .query_row(
            "SELECT s.start_at, s.day, (SELECT at FROM audit WHERE table_name = 'sessions')
             FROM sessions s",
            [],
            |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)),
        )
        .unwrap();
    assert_eq!(start, "2026-11-30T01:00:00+00:00");
    assert_eq!(day, "2026-11-30");
    assert!(stamp.ends_with("+00:00"), "the audit's own clock: {stamp}");
    assert_eq!(r.store.now().unwrap().offset().local_minus_utc(), 0);
}

#[test]
fn an_older_file_has_its_sessions_filed_under_their_beijing_day() {
    let mut r = room();
    let c = case(&mut r, "王五");
    // 20:00 in UTC on the 30th is 04:00 on 1 December in Beijing; a machine kept in UTC
    // wrote it, and filed it under the 30th, before the room had a zone (the audit does
    // not see this rewrite of the past).
    let mut f = nine_to_ten(c.id, r.wang);
    f.start = at("2026-11-30T20:00:00+00:00");
    f.end = at("2026-11-30T21:00:00+00:00");
    r.store.create_session(r.org.id, &f, "", &now()).unwrap();
    // The version before step 20 (which files the days), whatever steps follow it.
    let before = migrations::MIGRATIONS
        .iter()
        .position(|m| *m == include_str!("../sql/020_room_zone.sql"))
        .expect("step 20");
    r.store
        .conn
        .execute_batch(&format!(
            "DROP TRIGGER audit_sessions_update;
             UPDATE sessions SET day = '2026-11-30', start_at = '2026-11-30T20:00:00+00:00';
             PRAGMA user_version = {before};"
        ))
        .unwrap();
    let path = r.store.path().to_path_buf();
    drop(r.store);
    let store = Store::open(&path).unwrap();
    assert_eq!(days_with_sessions(&store, r.org.id), ["2026-12-01"]);
    let s = store.sessions_of_case(c.id).unwrap();
    assert_eq!(s[0].fields.start.to_rfc3339(), "2026-12-01T04:00:00+08:00");
    // The derived day is no change anyone made: no history row for it.
    let history = store.case_history(c.id).unwrap();
    assert_eq!(
        history.iter().filter(|e| e.table == "sessions").count(),
        1,
        "only the session's creation: {history:?}"
    );
}
